import type { INodeProperties } from 'n8n-workflow';
import {
	accountIdLocator,
	profileLocator,
	pacedOptions,
	simplifyProperty,
} from '../../shared/descriptions';
import {
	MESSAGE_MAX_CHARACTERS,
	readAccountId,
	readMessage,
	readOptions,
	readProfile,
} from '../../shared/parameters';
import type { OperationDefinition } from '../types';

const properties: INodeProperties[] = [
	{
		displayName:
			'LinkedIn allows about 80–100 invitations a day and 200 a week per paid account (far fewer on free ones). This node sends one invitation at a time; add Options → Delay Between Items (e.g. 120–300 seconds) to space them out.',
		name: 'limitsNotice',
		type: 'notice',
		default: '',
	},
	accountIdLocator,
	profileLocator,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Hi {{ $json.first_name }}, great meeting you at the conference!',
		description: `Optional note sent with the invitation, at most ${MESSAGE_MAX_CHARACTERS} characters (counted as you see them)`,
		hint: 'Free LinkedIn accounts get only a few notes a month, of at most 200 characters; leave empty to invite without a note',
	},
	simplifyProperty,
];

const options: INodeProperties[] = [
	{
		displayName: 'Skip If Connected or Pending',
		name: 'skipIfConnectedOrPending',
		type: 'boolean',
		default: true,
		description:
			'Whether to send nothing to a member who is already a connection or already has your invitation pending (output status skipped_connected or skipped_pending). When this option is not added: on with Unipile whenever it looks the member up anyway (by URL or public identifier: no extra request); off with LinkupAPI, where the check is a check_invitation call costing one credit per item. Added and on, it always checks, with one lookup (Unipile) or one credit (LinkupAPI) per item.',
	},
	{
		displayName: 'If Already Invited or Connected',
		name: 'ifAlreadyInvited',
		type: 'options',
		options: [
			{
				name: 'Fail',
				value: 'fail',
				description: 'Report it as an error (the item fails, or goes on as an error item)',
			},
			{
				name: 'Return Status',
				value: 'returnStatus',
				description:
					'Return an item with status already_invited or already_connected, so a re-run of a sheet is clean',
			},
		],
		default: 'fail',
		description:
			'What to do when the service refuses because the invitation was already sent or the member is already connected',
	},
	...pacedOptions(
		{ minSeconds: 120, maxSeconds: 300 },
		'Pause a random time before each invitation (a lookup by URL counts as part of it). Unipile advises 2–5 minutes between invitations; LinkedIn allows about 80–100 a day and 200 a week on paid accounts, 15–150 a week on free ones, and flags a regular rhythm.',
	),
];

export const sendInvitation: OperationDefinition<'invitation:send'> = {
	key: 'invitation:send',
	resource: 'invitation',
	operation: 'send',
	name: 'Send',
	action: 'Send an invitation',
	description: 'Send a connection invitation, looking up the member first when needed',
	properties,
	options,
	maxConcurrency: 1,
	readInput(context, itemIndex) {
		const options = readOptions(context, itemIndex);
		return {
			accountId: readAccountId(context, itemIndex),
			profile: readProfile(context, itemIndex),
			message: readMessage(context, itemIndex),
			skipIfConnectedOrPending:
				typeof options.skipIfConnectedOrPending === 'boolean'
					? options.skipIfConnectedOrPending
					: undefined,
			ifAlreadyInvited: options.ifAlreadyInvited === 'returnStatus' ? 'returnStatus' : 'fail',
		};
	},
};

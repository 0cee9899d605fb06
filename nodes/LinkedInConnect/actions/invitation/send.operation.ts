import { sendWithPolicy } from './policy';
import type { INodeProperties } from 'n8n-workflow';
import {
	accountIdLocator,
	profileLocator,
	pacedOptions,
	refusalOption,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import {
	MESSAGE_MAX_CHARACTERS,
	readAccountId,
	readMessage,
	readOptions,
	readProfile,
} from '../../../core/shared/parameters';
import { combineGuards } from '../guards';
import type { OperationDefinition } from '../types';
import { budgetGuard } from './budget';
import { repeatGuard } from './repeats';

const properties: INodeProperties[] = [
	{
		displayName:
			'LinkedIn allows about 80–100 invitations a day and 200 a week per paid account (about 150 a week on free ones). Add Options → Daily Cap and Weekly Cap to stay within them (counted from the account itself), and Delay Between Items (e.g. 120–300 seconds) to space invitations out.',
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

/** Caps are off unless added; the values shown when added are the suggestions. */
const budgetOptions: INodeProperties[] = [
	{
		displayName: 'Daily Cap',
		name: 'dailyCap',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 80,
		description:
			"Most invitations the LinkedIn account may send per calendar day, counted from the service's own list of sent invitations (so invitations sent by hand, by other workflows or by other n8n workers count too). Suggested: 80 on a paid account, 20 on a free or new one. LinkupAPI dates invitations in whole days.",
	},
	{
		displayName: 'Weekly Cap',
		name: 'weeklyCap',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 200,
		description:
			'Most invitations the account may send in any 7 days (a rolling week, as LinkedIn counts). Suggested: 200 on a paid account, 100 or less on a free one.',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Paris',
		description: "Where the Daily Cap's day starts and ends; empty: the workflow's time zone",
	},
	{
		displayName: 'If Over a Cap',
		name: 'overCap',
		type: 'options',
		options: [
			{
				name: 'Skip With Status',
				value: 'skip',
				description: 'Output status skipped_budget and when the budget frees up; nothing is sent',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Report it as an error for the item; nothing is sent',
			},
		],
		default: 'skip',
		description: 'What an item over the Daily or Weekly Cap becomes',
	},
	{
		displayName: 'Re-Read Sent List Every',
		name: 'recheckEvery',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 10,
		description:
			"Read the service's sent list again before every Nth invitation, to see what other executions sent meanwhile. With k executions sending for one account at once, the account may end up at most (k − 1) × N over a cap.",
	},
];

const options: INodeProperties[] = [
	...budgetOptions,
	{
		displayName: 'Skip If Connected or Pending',
		name: 'skipIfConnectedOrPending',
		type: 'boolean',
		default: true,
		description:
			'Whether to send nothing to a member who is already a connection or already has your invitation pending (output status skipped_connected or skipped_pending). When this option is not added: on with Unipile whenever it looks the member up anyway (by URL or public identifier: no extra request); off with LinkupAPI, where the check is a check_invitation call costing one credit per item. Added and on, it always checks, with one lookup (Unipile) or one credit (LinkupAPI) per item.',
	},
	refusalOption(
		'ifAlreadyInvited',
		'If Already Invited or Connected',
		'Return an item with status already_invited or already_connected, so a re-run of a sheet is clean',
		'What to do when the service refuses because the invitation was already sent or the member is already connected',
	),
	...pacedOptions(
		{ minSeconds: 120, maxSeconds: 300 },
		'Pause a random time before each invitation (a lookup by URL counts as part of it). Unipile advises 2–5 minutes between invitations; LinkedIn allows about 80–100 a day and 200 a week on paid accounts, about 150 a week on free ones (only 5 a month with a note), and flags a regular rhythm.',
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
	implementation(service) {
		const sender = service.invitations;
		return (
			sender &&
			(async (client, input, options) => await sendWithPolicy(sender, client, input, options))
		);
	},
	guard(context, options, service) {
		// Repeats first: a repeated row costs nothing, so it never counts against a cap.
		return combineGuards([repeatGuard(), budgetGuard(context, options, service)]);
	},
};

import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	accountIdLocator,
	profileLocator,
	requestOptions,
	simplifyProperty,
} from '../../shared/descriptions';
import type { OperationDefinition } from '../../shared/operationRunner';
import {
	MESSAGE_MAX_CHARACTERS,
	readAccountId,
	readMessage,
	readOptions,
	readProfile,
} from '../../shared/parameters';
import type { SendInvitationInput } from '../../services/types';

const properties: INodeProperties[] = [
	{
		displayName:
			'LinkedIn allows about 80–100 invitations a day and 200 a week per paid account (far fewer on free ones). Space them out: Settings → Request Options → Batching with 1 item per batch and an interval of a minute or more, or a Wait node.',
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...requestOptions,
			{
				displayName: 'Member Email',
				name: 'userEmail',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description:
					"The member's email address, which LinkedIn asks for before some invitations (Unipile only)",
				displayOptions: { show: { '/authentication': ['unipileApi'] } },
			},
		],
	},
];

export const invitationSendDescription = updateDisplayOptions(
	{ show: { resource: ['invitation'], operation: ['send'] } },
	properties,
);

export const sendInvitation: OperationDefinition<SendInvitationInput> = {
	readInput(context) {
		const options = readOptions(context);
		const userEmail = typeof options.userEmail === 'string' ? options.userEmail.trim() : '';
		return {
			accountId: readAccountId(context),
			profile: readProfile(context),
			message: readMessage(context),
			userEmail: userEmail || undefined,
		};
	},
	run: async (service, client, input) => await service.sendInvitation(client, input),
};

import type { INodeProperties } from 'n8n-workflow';
import {
	accountIdLocator,
	delayBetweenItemsOption,
	profileLocator,
	requestOptions,
	simplifyProperty,
} from '../../shared/descriptions';
import {
	MESSAGE_MAX_CHARACTERS,
	readAccountId,
	readMessage,
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
	delayBetweenItemsOption(
		{ minSeconds: 120, maxSeconds: 300 },
		'Pause a random time before each invitation (a lookup by URL counts as part of it). Unipile advises 2–5 minutes between invitations; LinkedIn allows about 80–100 a day and 200 a week on paid accounts, 15–150 a week on free ones, and flags a regular rhythm.',
	),
	...requestOptions,
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
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		profile: readProfile(context, itemIndex),
		message: readMessage(context, itemIndex),
	}),
};

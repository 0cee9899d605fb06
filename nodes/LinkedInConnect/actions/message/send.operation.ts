import type { INodeProperties } from 'n8n-workflow';
import {
	accountIdLocator,
	pacedOptions,
	profileLocator,
	refusalOption,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import {
	InputError,
	readAccountId,
	readMessageText,
	readOptions,
	readProfile,
} from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';
import { sendMessageWithPolicy } from './policy';
import { messageRepeatGuard } from './repeats';

const properties: INodeProperties[] = [
	{
		displayName:
			'LinkedIn flags accounts that send many similar messages quickly: keep to about 100 a day, add Options → Delay Between Items, and vary the text with expressions.',
		name: 'messageLimitsNotice',
		type: 'notice',
		default: '',
	},
	accountIdLocator,
	{
		...profileLocator,
		description:
			'The member to write to: a profile URL, a public identifier or a member ID (provider_id). Usually a first-degree connection.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Thanks for connecting, {{ $json.first_name }}!',
		description:
			'The message. Map fields with expressions to make each one personal; an empty text fails the item before anything is sent.',
	},
	simplifyProperty,
];

const options: INodeProperties[] = [
	refusalOption(
		'ifNotConnected',
		'If Not Connected',
		'Return an item with status not_connected, so the workflow can invite the member instead',
		'What to do when the service refuses because the member is not a first-degree connection',
	),
	...pacedOptions(
		{ minSeconds: 60, maxSeconds: 180 },
		'Pause a random time before each message (a lookup by URL counts as part of it). Unipile advises spacing messages out and staying around 100 a day per account; a regular rhythm is what LinkedIn flags.',
	),
];

export const sendMessage: OperationDefinition<'message:send'> = {
	key: 'message:send',
	resource: 'message',
	operation: 'send',
	name: 'Send',
	action: 'Send a message',
	description: 'Write to a member, continuing your conversation with them if there is one',
	properties,
	options,
	maxConcurrency: 1,
	readInput(context, itemIndex, service) {
		const sender = service.messages;
		if (!sender) {
			throw new InputError(`${service.displayName} does not offer Send Message.`);
		}
		const options = readOptions(context, itemIndex);
		return {
			accountId: readAccountId(context, itemIndex),
			profile: readProfile(context, itemIndex),
			text: readMessageText(context, itemIndex, sender.maxLength, service.displayName),
			inmail: options.inmail === true,
			ifNotConnected: options.ifNotConnected === 'returnStatus' ? 'returnStatus' : 'fail',
		};
	},
	implementation(service) {
		const sender = service.messages;
		return (
			sender &&
			(async (client, input, options) =>
				await sendMessageWithPolicy(sender, client, input, options))
		);
	},
	guard: (context) => messageRepeatGuard(context),
};

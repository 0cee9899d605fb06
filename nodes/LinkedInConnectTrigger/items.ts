/** The trigger's output items: the same field names for every service and both modes. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { TriggerEvent } from '../core/services/types';

/** An item: the account, the member, the event's own fields, when, and the service's event as it came. */
function triggerItem(
	event: TriggerEvent,
	accountId: string,
	member: IDataObject,
	fields: IDataObject,
	receivedAt: string,
	raw: IDataObject,
): INodeExecutionData {
	return {
		json: {
			account_id: accountId,
			provider_id: member.provider_id ?? null,
			...fields,
			event,
			...(event === 'messageReceived' ? messageFields(member) : {}),
			received_at: receivedAt,
			raw,
		},
	};
}

function messageFields(message: IDataObject): IDataObject {
	return {
		chat_id: message.chat_id ?? null,
		message_id: message.message_id ?? null,
		text: message.text ?? null,
	};
}

export function acceptanceItem(
	member: IDataObject,
	accountId: string,
	raw: IDataObject,
	receivedAt = new Date(),
): INodeExecutionData {
	const fields = {
		public_identifier: member.public_identifier ?? null,
		profile_url: member.profile_url ?? null,
		full_name: member.full_name ?? null,
	};
	return triggerItem(
		'invitationAccepted',
		accountId,
		member,
		fields,
		receivedAt.toISOString(),
		raw,
	);
}

/** A message a member wrote to the account (Message Received), from a service's messagesIn. */
export function messageItem(
	message: IDataObject,
	accountId: string,
	raw: IDataObject,
	receivedAt = new Date(),
): INodeExecutionData {
	const fields = {
		full_name: message.full_name ?? null,
		profile_url: message.profile_url ?? null,
	};
	// When the member wrote it, as the service dates it; else when n8n received it.
	const at = typeof message.sent_at === 'string' ? message.sent_at : receivedAt.toISOString();
	return triggerItem('messageReceived', accountId, message, fields, at, raw);
}

/** One member, however the service writes it: its id, else its public identifier, else its URL. */
export function memberKey(member: IDataObject): string {
	return String(member.provider_id ?? member.public_identifier ?? member.profile_url ?? '');
}

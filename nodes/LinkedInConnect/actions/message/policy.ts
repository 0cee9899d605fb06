/**
 * Send Message's policy, once for every service: what a "not a connection" refusal becomes. Each
 * service only states facts through its MessageSender (the send, what a refusal means).
 */
import type { IDataObject } from 'n8n-workflow';
import { memberGiven, statusResult } from '../../../core/services/results';
import type {
	MessageSender,
	MessageStatus,
	OperationResult,
	SendMessageInput,
} from '../../../core/services/types';
import { ServiceError } from '../../../core/transport/errors';
import type { ServiceClient } from '../../../core/transport/types';

/** A Send Message item that sent nothing: same shape as a sent one, its ids null. */
export function messageStatusResult(
	status: Exclude<MessageStatus, 'sent'>,
	member: IDataObject,
	reason: string,
): OperationResult {
	const { simplified } = statusResult(status, member, reason);
	const item: IDataObject = { ...simplified, chat_id: null, message_id: null };
	return { simplified: item, raw: item };
}

export async function sendMessageWithPolicy(
	sender: MessageSender,
	client: ServiceClient,
	input: SendMessageInput,
	options: IDataObject,
): Promise<OperationResult> {
	const outcome = await sender.send(client, input, options).then(
		(result) => ({ result }),
		(error: unknown) => ({ error }),
	);
	if ('result' in outcome) return outcome.result;
	const { error } = outcome;
	if (
		input.ifNotConnected === 'returnStatus' &&
		error instanceof ServiceError &&
		sender.notConnected(error.serviceFailure)
	) {
		return messageStatusResult(
			'not_connected',
			memberGiven(input.profile),
			error.serviceFailure.message,
		);
	}
	throw error;
}

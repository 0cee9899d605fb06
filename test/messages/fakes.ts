/**
 * What every fake service offers for messages (test/fakes/*.js implement the same methods), so the
 * tables in this folder read the same against each.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ServiceUnderTest } from '../helpers/services';

export interface FakeMessage {
	id: string;
	chat_id: string;
	text: string;
	from_me: boolean;
	sender_provider_id: string | null;
	at: number;
}

export interface Delivered {
	body: IDataObject;
	headers: Record<string, string>;
	raw: string;
	status?: number;
}

export interface MessagingFake {
	/** The member writes to the account; every webhook asking for messages is told. */
	simulateReply(member: string, accountId?: string, text?: string): Promise<Delivered[]>;
	/** The fake's messages with the member, newest first. */
	conversation(accountId: string, member: string): FakeMessage[];
	/** `count` messages alternating from the member and the account, oldest first in time; connects the member. */
	seedConversation(accountId: string, member: string, count: number): void;
	/** Requests that send a message (writes). */
	messageRequests(): unknown[];
}

export function messagingOf(service: ServiceUnderTest): MessagingFake {
	return service.fake as unknown as MessagingFake;
}

/**
 * After a lost Send Message answer: is our message in the member's conversation(s) now? Shared by
 * services whose conversations are read newest first: each is read until a message surely older
 * than the attempt, its end, or the page limit. Our message is one with the same text, not written
 * by the member, dated at or after the attempt (less the clock margin). A conversation that
 * repeats a page, or is longer than what is read, cannot tell.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Page } from '../shared/pagination';
import type { Confirmation } from '../transport/types';

/**
 * ASSUMPTION: a message of ours counts as this attempt's when dated no more than this before it.
 * Clocks differ (n8n's, the service's, LinkedIn's): Unipile dates a message with "Provider's server
 * acknowledge datetime" (developer.unipile.com/docs/message-payload).
 */
export const MESSAGE_CLOCK_MARGIN_MS = 5 * 60 * 1000;

/**
 * Pages of one conversation read at most: the newest `MAX_MESSAGE_CHECK_PAGES × page size`
 * messages, far more than a conversation gains in the minutes around an attempt. Kept low because
 * LinkupAPI bills each page read.
 */
export const MAX_MESSAGE_CHECK_PAGES = 3;

/** The same text, as LinkedIn may give it back (line endings, surrounding blanks). */
export function sameText(a: unknown, b: string): boolean {
	const normal = (value: string) => value.replace(/\r\n?/g, '\n').trim();
	return typeof a === 'string' && normal(a) === normal(b);
}

/** One conversation with the member, as a service reads it. */
export interface Conversation {
	/** One page of messages, newest first, for a page token (undefined: the first); throws when unreadable. */
	readPage(token: string | undefined): Promise<Page<IDataObject>>;
	pageSize: number;
	/** The message's own id (a repeated page is seen by these). */
	idOf(message: IDataObject): string | undefined;
	/** Whether the account wrote it: false is the member's; undefined when the service cannot tell. */
	fromMe(message: IDataObject): boolean | undefined | Promise<boolean | undefined>;
	textOf(message: IDataObject): unknown;
	sentAt(message: IDataObject): number | undefined;
	/** The send's answer, as the message found stands for it. */
	answerFor(message: IDataObject): IDataObject;
}

/** What one conversation says: a verdict, or that it ended without one. */
type Reading = Confirmation | { outcome: 'ended'; undated: boolean };

async function readConversation(
	conversation: Conversation,
	text: string,
	since: number,
): Promise<Reading> {
	let token: string | undefined;
	let undated = false;
	const seen = new Set<string>();
	for (let page = 0; page < MAX_MESSAGE_CHECK_PAGES; page++) {
		const { items, nextPageToken } = await conversation.readPage(token);
		const ids = items.map(conversation.idOf).filter((id): id is string => id !== undefined);
		// A host that ignored the page token sends the same page again: the rest cannot be read.
		if (ids.length && ids.every((id) => seen.has(id)))
			return { outcome: 'unknown', reason: 'the list of messages repeated itself' };
		for (const id of ids) seen.add(id);
		for (const message of items) {
			const time = conversation.sentAt(message);
			if (time !== undefined && time < since) return { outcome: 'ended', undated };
			if (
				!sameText(conversation.textOf(message), text) ||
				(await conversation.fromMe(message)) === false
			)
				continue;
			// Undated, it may be this attempt's or an older one: only if nothing else is found, unknown.
			if (time === undefined) undated = true;
			else return { outcome: 'sent', body: conversation.answerFor(message) };
		}
		if (!nextPageToken || !items.length) return { outcome: 'ended', undated };
		token = nextPageToken;
	}
	return {
		outcome: 'unknown',
		reason: `the check read the newest ${MAX_MESSAGE_CHECK_PAGES * conversation.pageSize} messages of the conversation without reaching older ones`,
	};
}

/**
 * Reads the conversations in turn; the first that finds the message, or cannot tell, decides.
 * Not found is never "not sent": the check runs the moment the answer was lost (a timeout, a 5xx),
 * while the service may still be delivering the message to LinkedIn, and unlike an invitation a
 * second message is not refused. So the user is told to look before running the item again.
 */
export async function findSentMessage(
	conversations: Conversation[],
	text: string,
	attemptAt: number,
): Promise<Confirmation> {
	const since = attemptAt - MESSAGE_CLOCK_MARGIN_MS;
	let undated = false;
	for (const conversation of conversations) {
		const reading = await readConversation(conversation, text, since);
		if (reading.outcome !== 'ended') return reading;
		if (reading.undated) undated = true;
	}
	if (undated)
		return {
			outcome: 'unknown',
			reason: 'a message with this text is in the conversation, but the service gave it no date',
		};
	return {
		outcome: 'unknown',
		reason:
			'it was not in the conversation when checked, moments later, but the service may still have been delivering it',
	};
}

/**
 * After a lost invitation answer: is an invitation to this member pending now? Shared by services
 * whose sent list is read newest first (ASSUMPTION: the order LinkedIn shows; no document states
 * it): read until the member shows up, the list ends, or it reaches invitations surely older than
 * the attempt. A list that repeats a page, or is longer than what is read, cannot tell.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Page } from '../shared/pagination';
import type { Confirmation } from '../transport/types';

/** Pages read at most: the newest `MAX_SENT_PAGES × page size` pending invitations. */
export const MAX_SENT_PAGES = 30;

/**
 * ASSUMPTION (v1 types `parsed_datetime` as a string with no format; v2's `created_at` is not
 * described): a date may come from LinkedIn's relative "Sent 2 days ago", so an invitation counts
 * as surely older than the attempt only when dated more than this before it.
 */
export const SENT_DATE_MARGIN_MS = 48 * 60 * 60 * 1000;

export interface SentList {
	/** One page of the sent list for a page token (undefined: the first). */
	readPage(token: string | undefined): Promise<Page<IDataObject>>;
	pageSize: number;
	/** The item's own id (a repeated page is seen by these), its member, and when it was sent. */
	idOf(item: IDataObject): string | undefined;
	memberOf(item: IDataObject): string | undefined;
	sentAt(item: IDataObject): number | undefined;
	/** The invite's answer, as the item found stands for it. */
	answerFor(item: IDataObject): IDataObject;
}

export async function findSentInvitation(
	list: SentList,
	memberId: string,
	attemptAt: number,
): Promise<Confirmation> {
	let token: string | undefined;
	const seen = new Set<string>();
	for (let page = 0; page < MAX_SENT_PAGES; page++) {
		const { items, nextPageToken } = await list.readPage(token);
		const ids = items.map(list.idOf).filter((id): id is string => id !== undefined);
		// A host that ignored the page token sends the same page again: the rest cannot be read.
		if (ids.length && ids.every((id) => seen.has(id)))
			return { outcome: 'unknown', reason: 'the list of sent invitations repeated itself' };
		for (const id of ids) seen.add(id);
		for (const item of items) {
			if (list.memberOf(item) === memberId) return { outcome: 'sent', body: list.answerFor(item) };
			const time = list.sentAt(item);
			if (time !== undefined && time < attemptAt - SENT_DATE_MARGIN_MS)
				return { outcome: 'not_sent' };
		}
		if (!nextPageToken) return { outcome: 'not_sent' };
		token = nextPageToken;
	}
	return {
		outcome: 'unknown',
		reason: `the check read the newest ${MAX_SENT_PAGES * list.pageSize} pending invitations without reaching older ones`,
	};
}

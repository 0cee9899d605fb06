/**
 * LinkupAPI's `POST /v2/network` actions (docs.linkupapi.com/api-reference/v2/network/*): the
 * offset-paged lists (`list_sent`, `list_invitations`, `list_connections`: `count`/`offset`, then
 * `pagination.next_offset` while `has_more`), `withdraw`, `accept`, `decline` and `check_invitation`.
 * Every action spends credits; errors spend none.
 */
import type { IDataObject } from 'n8n-workflow';
import { collectPages } from '../../shared/pagination';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { daysAgo, fullName, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { invitationIdOf } from './invitations';
import { networkAction } from './routes';

/**
 * Results per page asked for. LinkupAPI charges list_sent and list_connections "1 credit per 50
 * results returned" (their pages), so a page of 50 costs one credit: a read that stops early (a
 * poll reaching the last member it saw, a cap's week of invitations) pays for no more than it
 * needs; a page of 100 would cost two whatever the read used of it.
 */
const PAGE_SIZE = 50;

/** A list action, the field holding its items, and how one reads in shared field names. */
export interface LinkupList {
	action: string;
	field: string;
	simplify(item: IDataObject): IDataObject;
}

/** The member a list item points at, from the LinkedIn URL LinkupAPI gives. */
export function memberFromUrl(url: unknown): IDataObject {
	const identifier = identifierInUrl(url);
	return {
		provider_id: identifier?.kind === 'providerId' ? identifier.value : undefined,
		public_identifier: identifier?.kind === 'publicIdentifier' ? identifier.value : undefined,
		profile_url: identifier ? profileUrlOfSlug(identifier.value) : text(url),
	};
}

/** LinkupAPI dates invitations in whole days ("3d", sent_time_days: 3). */
function sentDates(item: IDataObject): IDataObject {
	const days = typeof item.sent_time_days === 'number' ? item.sent_time_days : undefined;
	return { sent_at: days === undefined ? undefined : daysAgo(days), sent_days_ago: days };
}

/**
 * list_sent (docs.linkupapi.com/api-reference/v2/network/list-sent): params `count`, `offset`,
 * `invitation_type`; items `{entity_urn, recipient: {first_name, last_name, headline, linkedin_url,
 * profile_picture}, invitation_type, sent_time, sent_time_days}`; "1 credit per 50 results returned".
 */
export const SENT_INVITATIONS: LinkupList = {
	action: 'list_sent',
	field: 'invitations',
	simplify(item) {
		const recipient = object(item.recipient);
		return {
			invitation_id: invitationIdOf(item.entity_urn),
			...memberFromUrl(recipient.linkedin_url),
			full_name: fullName(recipient.first_name, recipient.last_name),
			headline: text(recipient.headline),
			...sentDates(item),
			// The v2 example items carry no note; read when an answer has one.
			message: text(item.message) ?? null,
		};
	},
};

/**
 * list_invitations (docs.linkupapi.com/api-reference/v2/network/list-invitations): the same params;
 * items `{entity_urn, shared_secret, sender: {…, linkedin_url, profile_picture_url}, invitation_type,
 * sent_time, sent_time_days}`. Its cost per result is not stated (the example: 1 credit).
 */
export const RECEIVED_INVITATIONS: LinkupList = {
	action: 'list_invitations',
	field: 'invitations',
	simplify(item) {
		const sender = object(item.sender);
		return {
			invitation_id: invitationIdOf(item.entity_urn),
			shared_secret: item.shared_secret,
			...memberFromUrl(sender.linkedin_url),
			full_name: fullName(sender.first_name, sender.last_name),
			headline: text(sender.headline),
			...sentDates(item),
			// As for list_sent: no note in the v2 example; read when an answer has one.
			message: text(item.message) ?? null,
		};
	},
};

export async function readList(
	client: ServiceClient,
	list: LinkupList,
	input: ListInput,
	extraParams: IDataObject = {},
): Promise<OperationResult[]> {
	const { keep, until } = input;
	return await collectPages<OperationResult>(
		async (offset, wanted) => {
			const response = await networkAction(
				client,
				input.accountId,
				list.action,
				{
					...extraParams,
					count: Math.min(PAGE_SIZE, wanted ?? PAGE_SIZE),
					offset: Number(offset) || 0,
				},
				true,
			);
			const data = object(response.data);
			const paging = object(data.pagination);
			const next = typeof paging.next_offset === 'number' ? paging.next_offset : undefined;
			return {
				items: objects(data[list.field]).map((raw) => ({ simplified: list.simplify(raw), raw })),
				nextPageToken: paging.has_more === true && next !== undefined ? String(next) : undefined,
			};
		},
		{
			limit: input.limit,
			keep: keep && ((item) => keep(item.simplified)),
			until: until && ((item) => until(item.simplified)),
		},
	);
}

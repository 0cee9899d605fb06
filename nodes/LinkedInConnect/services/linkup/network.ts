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
import type { InvitationStatus, ListInput, OperationResult } from '../types';

/** Results per page asked for (ASSUMPTION: the docs show 10 per page by default and no maximum). */
const PAGE_SIZE = 100;

export async function networkAction(
	client: ServiceClient,
	accountId: string,
	action: string,
	params: IDataObject,
	idempotent: boolean,
): Promise<IDataObject> {
	return await client.request({
		method: 'POST',
		url: '/v2/network',
		body: { account_id: accountId, action, params },
		idempotent,
	});
}

/** A list action, the field holding its items, and how one reads in shared field names. */
export interface LinkupList {
	action: string;
	field: string;
	simplify(item: IDataObject): IDataObject;
}

/** The member a list item points at, from the LinkedIn URL LinkupAPI gives. */
function memberFromUrl(url: unknown): IDataObject {
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

export const SENT_INVITATIONS: LinkupList = {
	action: 'list_sent',
	field: 'invitations',
	simplify(item) {
		const recipient = object(item.recipient);
		return {
			invitation_id: item.entity_urn,
			...memberFromUrl(recipient.linkedin_url),
			full_name: fullName(recipient.first_name, recipient.last_name),
			headline: text(recipient.headline),
			...sentDates(item),
			message: text(item.message) ?? null,
		};
	},
};

export const RECEIVED_INVITATIONS: LinkupList = {
	action: 'list_invitations',
	field: 'invitations',
	simplify(item) {
		const sender = object(item.sender);
		return {
			invitation_id: item.entity_urn,
			shared_secret: item.shared_secret,
			...memberFromUrl(sender.linkedin_url),
			full_name: fullName(sender.first_name, sender.last_name),
			headline: text(sender.headline),
			...sentDates(item),
			message: text(item.message) ?? null,
		};
	},
};

export const CONNECTIONS: LinkupList = {
	action: 'list_connections',
	field: 'connections',
	simplify(item) {
		return {
			...memberFromUrl(item.profile_url),
			full_name: text(item.name),
			headline: text(item.job_title),
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

/** check_invitation's answer as one status (ACCEPTED → connected, PENDING → pending_sent|received). */
export function invitationStatusOf(data: IDataObject): InvitationStatus {
	if (data.invitation_state === 'ACCEPTED' || data.invitation_type === 'CONNECTED')
		return 'connected';
	if (data.invitation_state === 'PENDING')
		return data.invitation_type === 'RECEIVED' ? 'pending_received' : 'pending_sent';
	return 'none';
}

/** check_invitation: where the member stands with the account (1 credit). */
export async function checkInvitation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
): Promise<IDataObject> {
	return await networkAction(
		client,
		accountId,
		'check_invitation',
		{ profile_url: profileUrl },
		true,
	);
}

/**
 * Unipile v2's paged lists, read through shared/pagination.ts, and the sent and received
 * invitation lists in the field names every service shares.
 *
 * Paging (PY unipile/unipile-python@6171191 docs/UsersApi.md:513-596 and :685-770, the `cursor`
 * parameter: "A cursor used for pagination. If supported by the provider, use `next_cursor` given by
 * the previous page of the list, else use `offset`"; answers `{data, total_count?, next_cursor?}`,
 * docs/GetRelationRequestsList200Response.md:8-10, docs/GetUserRelations200Response.md:8-10):
 * `next_cursor` when the answer has one; otherwise `offset`, while `total_count` says more remain
 * (or, without `total_count`, until a page comes back empty or repeats what was read).
 * `limit` defaults to 20; its maximum is NOT SHOWN (TS: "The maximum allowed value depends on the
 * provider. This is a ceiling, not a guarantee").
 *
 * Invitations: `GET /v2/{account_id}/users/me/relation-requests?type=sent|received` (PY
 * users_api.py:2079-2080; TS GetRelationRequestsListData), "List all pending Relation / Follow
 * requests"; items are `RelationRequest` (PY docs/LinkedInRelationRequest.md:8-13,
 * docs/LinkedInRelationRequestUser.md:9-17): `{object, type, id, created_at?, message?, user?}`.
 */
import type { IDataObject } from 'n8n-workflow';
import { collectPages } from '../../shared/pagination';
import { daysSince, isoDate, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { accountPath } from './routes';
import { memberOf } from './profiles';

/**
 * ASSUMPTION: the page size asked for. The maximum is NOT SHOWN; 100 is v1's maximum for its
 * invitation lists (v1 spec), so a route holding to a similar ceiling is not refused.
 */
export const PAGE_SIZE = 100;

/** A list route and how one of its items reads in shared field names. */
export interface UnipileV2List {
	path(accountId: string): string;
	/** Query parameters the route always takes (e.g. `type`). */
	query: IDataObject;
	simplify(item: IDataObject): IDataObject;
}

/** The page token: `c:<next_cursor>` or `o:<offset>`. */
function pagingQuery(token: string | undefined): IDataObject {
	if (!token) return {};
	return token.startsWith('c:') ? { cursor: token.slice(2) } : { offset: Number(token.slice(2)) };
}

/** Reads one page: its items, and the token of the next one (undefined at the end). */
export async function readPage(
	client: ServiceClient,
	url: string,
	query: IDataObject,
	token: string | undefined,
	size: number,
): Promise<{ items: IDataObject[]; nextPageToken?: string; readable: boolean }> {
	const response = await client.request({
		method: 'GET',
		url,
		qs: { ...query, limit: size, ...pagingQuery(token) },
		idempotent: true,
	});
	const items = objects(response.data);
	// No list where one belongs: a check after a lost write must not read it as "nothing there".
	const readable = Array.isArray(response.data);
	const cursor = text(response.next_cursor);
	if (cursor) return { items, nextPageToken: `c:${cursor}`, readable };
	if (!items.length || token?.startsWith('c:')) return { items, readable };
	const next = (token ? Number(token.slice(2)) : 0) + items.length;
	const total = typeof response.total_count === 'number' ? response.total_count : undefined;
	return {
		items,
		nextPageToken: total === undefined || next < total ? `o:${next}` : undefined,
		readable,
	};
}

/** Every item of `list` for the account, or the first `limit` that pass `keep`. */
export async function readList(
	client: ServiceClient,
	list: UnipileV2List,
	input: ListInput,
	extraQuery: IDataObject = {},
): Promise<OperationResult[]> {
	const { keep, until } = input;
	// A host that ignored `offset` would send the first page again and again: seen ids end it.
	const seen = new Set<string>();
	return await collectPages<OperationResult>(
		async (token, wanted) => {
			const page = await readPage(
				client,
				list.path(input.accountId),
				{ ...list.query, ...extraQuery },
				token,
				Math.min(PAGE_SIZE, wanted ?? PAGE_SIZE),
			);
			const fresh = page.items.filter((item) => {
				const id = text(item.id);
				if (!id) return true;
				if (seen.has(id)) return false;
				seen.add(id);
				return true;
			});
			if (page.items.length && !fresh.length) return { items: [] };
			return {
				items: fresh.map((raw) => ({ simplified: list.simplify(raw), raw })),
				nextPageToken: page.nextPageToken,
			};
		},
		{
			limit: input.limit,
			keep: keep && ((item) => keep(item.simplified)),
			until: until && ((item) => until(item.simplified)),
		},
	);
}

/** A RelationRequest in the shared invitation field names (the member is its `user`). */
function invitationItem(item: IDataObject): IDataObject {
	const member = memberOf(object(item.user));
	const sentAt = isoDate(item.created_at);
	return {
		invitation_id: text(item.id),
		provider_id: member.provider_id,
		public_identifier: member.public_identifier,
		profile_url: member.profile_url,
		full_name: member.full_name,
		headline: member.headline,
		sent_at: sentAt,
		sent_days_ago: daysSince(sentAt),
		message: text(item.message) ?? null,
	};
}

const RELATION_REQUESTS = (accountId: string) =>
	accountPath(accountId, 'users', 'me', 'relation-requests');

export const SENT_INVITATIONS: UnipileV2List = {
	path: RELATION_REQUESTS,
	query: { type: 'sent' },
	simplify: invitationItem,
};

/**
 * Received invitations carry no `shared_secret` in v2: accepting or refusing one takes only its id
 * (PY users_api.py:313-314 and :589-590; TS AcceptRelationRequestData `body?: never`).
 */
export const RECEIVED_INVITATIONS: UnipileV2List = {
	path: RELATION_REQUESTS,
	query: { type: 'received' },
	simplify: invitationItem,
};

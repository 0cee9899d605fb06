/**
 * Unipile v1's cursor-paged lists (pass `cursor` back until it is null; docs' api-usage page) and
 * their items in the field names every service shares: sent and received invitations
 * (`InvitationSent`, `InvitationReceived`); relations.ts reads relations through the same helper.
 */
import type { IDataObject } from 'n8n-workflow';
import { collectPages } from '../../shared/pagination';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
import { daysSince, isoDate, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { API } from './routes';

/** A list route, its largest page, and how one of its items reads in shared field names. */
export interface UnipileList {
	path: string;
	maxPageSize: number;
	simplify(item: IDataObject): IDataObject;
}

export const SENT_INVITATIONS: UnipileList = {
	path: `${API}/users/invite/sent`,
	maxPageSize: 100,
	simplify(item) {
		const sentAt = isoDate(item.parsed_datetime, item.date);
		return {
			invitation_id: item.id,
			provider_id: item.invited_user_id ?? undefined,
			public_identifier: item.invited_user_public_id ?? undefined,
			profile_url: profileUrlOfSlug(item.invited_user_public_id),
			full_name: text(item.invited_user),
			headline: text(item.invited_user_description),
			sent_at: sentAt,
			sent_days_ago: daysSince(sentAt),
			message: text(item.invitation_text) ?? null,
		};
	},
};

export const RECEIVED_INVITATIONS: UnipileList = {
	path: `${API}/users/invite/received`,
	maxPageSize: 100,
	simplify(item) {
		const inviter = object(item.inviter);
		const sentAt = isoDate(item.parsed_datetime, item.date);
		return {
			invitation_id: item.id,
			shared_secret: object(item.specifics).shared_secret,
			provider_id: inviter.inviter_id,
			public_identifier: inviter.inviter_public_identifier,
			profile_url: profileUrlOfSlug(inviter.inviter_public_identifier),
			full_name: text(inviter.inviter_name),
			headline: text(inviter.inviter_description),
			sent_at: sentAt,
			sent_days_ago: daysSince(sentAt),
			message: text(item.invitation_text) ?? null,
		};
	},
};

/** Every item of `list` for the account, or the first `limit` that pass `keep`. */
export async function readList(
	client: ServiceClient,
	list: UnipileList,
	input: ListInput,
	extraQuery: IDataObject = {},
): Promise<OperationResult[]> {
	const { keep, until } = input;
	return await collectPages<OperationResult>(
		async (cursor, wanted) => {
			const qs: IDataObject = {
				...extraQuery,
				account_id: input.accountId,
				limit: Math.min(list.maxPageSize, wanted ?? list.maxPageSize),
			};
			if (cursor) qs.cursor = cursor;
			const response = await client.request({
				method: 'GET',
				url: list.path,
				qs,
				idempotent: true,
			});
			return {
				items: objects(response.items).map((raw) => ({ simplified: list.simplify(raw), raw })),
				nextPageToken: text(response.cursor),
			};
		},
		{
			limit: input.limit,
			keep: keep && ((item) => keep(item.simplified)),
			until: until && ((item) => until(item.simplified)),
		},
	);
}

/**
 * LinkupAPI's `POST /v2/network` actions (docs.linkupapi.com/api-reference/v2/network/*): the
 * offset-paged lists (`list_sent`, `list_invitations`, `list_connections`: `count`/`offset`, then
 * `pagination.next_offset` while `has_more`), `withdraw`, `accept`, `decline` and `check_invitation`.
 * Every action spends credits; errors spend none.
 */
import type { IDataObject } from 'n8n-workflow';
import { collectPages } from '../../shared/pagination';
import { InputError } from '../../shared/parameters';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { daysAgo, fullName, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { InvitationStatus, ListInput, OperationResult } from '../types';

/**
 * Results per page asked for. The list_sent and list_connections pages say LinkedIn returns up to
 * 100 per internal call (larger counts are split by LinkupAPI); ASSUMPTION: 100 is accepted.
 */
const PAGE_SIZE = 100;

/**
 * One LinkedIn invitation, written two ways on LinkupAPI's v2 pages:
 * - the URN `urn:li:invitation:N`: network/invite answers it as `invitation_urn`, network/list-sent
 *   and network/list-invitations as each item's `entity_urn`, and network/accept takes it as
 *   `params.entity_urn` ("obtained from the List Invitations endpoint");
 * - the digits `N`: network/withdraw takes `params.invitation_id` and its example answer echoes
 *   `"invitation_id": "7453486530700017665"`.
 * LinkedIn also writes `urn:li:fsd_invitation:N` (the v1 list pages' `entity_urn`); check_invitation's
 * `invitation_id` is null in its only example (ASSUMPTION: digits, as withdraw says it takes that
 * id). Every output of this adapter gives the URN form (see invitationIdOf).
 */
const INVITATION_ID = /^(?:urn:li:(?:fsd_)?invitation:)?(\d+)$/i;
const INVITATION_URN_PREFIX = 'urn:li:invitation:';

/** The invitation's number, from any of its forms; undefined when the value is none of them. */
export function invitationDigitsOf(value: unknown): string | undefined {
	// Ids above 2^53 lose digits as JSON numbers (v1 answers had them): only exact ones are read.
	const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text(value);
	return id ? INVITATION_ID.exec(id)?.[1] : undefined;
}

/**
 * The one form outputs give, whatever answer it came from: `urn:li:invitation:N`, as the invite and
 * both list pages write it (a value of another shape is kept as it came).
 */
export function invitationIdOf(value: unknown): string | undefined {
	const digits = invitationDigitsOf(value);
	return digits ? `${INVITATION_URN_PREFIX}${digits}` : text(value);
}

/** An invitation the user named (either form): what withdraw and accept/decline each take. */
export interface InvitationRef {
	/** For withdraw's `params.invitation_id`. */
	digits: string;
	/** For accept and decline's `params.entity_urn`, and every output's `invitation_id`. */
	urn: string;
}

/** Reads Withdraw, Accept and Decline's Invitation ID; refuses, before any request, what is no id. */
export function invitationRefOf(invitationId: string): InvitationRef {
	const digits = invitationDigitsOf(invitationId);
	if (!digits) {
		const shown = invitationId.length > 60 ? `${invitationId.slice(0, 57)}…` : invitationId;
		throw new InputError(
			`'Invitation ID' must be a LinkedIn invitation ID, digits such as 7332661864792854528 or a URN such as urn:li:invitation:7332661864792854528, but it is ${JSON.stringify(shown)}. Map it from the list's invitation_id. Nothing was sent.`,
		);
	}
	return { digits, urn: `${INVITATION_URN_PREFIX}${digits}` };
}

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

/**
 * list_connections (docs.linkupapi.com/api-reference/v2/network/list-connections): params `count`,
 * `offset`; items `{name, job_title, profile_url, profile_picture}`; "1 credit per 50 results
 * returned".
 */
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

/**
 * check_invitation: where the member stands with the account (1 credit). The page's params schema
 * names `linkedin_url`; its curl example shows `profile_url` (docs.linkupapi.com/api-reference/v2/
 * network/check-invitation). The schema's name is sent, as the v1 page (network/invitation-status)
 * also names it.
 */
export async function checkInvitation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
): Promise<IDataObject> {
	return await networkAction(
		client,
		accountId,
		'check_invitation',
		{ linkedin_url: profileUrl },
		true,
	);
}

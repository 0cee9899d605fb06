/**
 * Unipile v1 invitations: send (after a lookup, which also tells who is already connected or
 * invited), withdraw (`DELETE /users/invite/sent/{id}`), accept or decline (`POST
 * /users/invite/received/{id}` with the invitation's `shared_secret`), and a member's status.
 */
import type { IDataObject } from 'n8n-workflow';
import { lookupRecord } from '../../shared/lookup';
import { profileUrlOf, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { isoDate, objects, text } from '../../shared/values';
import type { Confirmation, ServiceClient } from '../../transport/types';
import { alreadyStatus, degreeOf, INVITED_MEMBER_FIELDS, pick, statusResult } from '../results';
import type {
	GetProfileInput,
	InvitationInput,
	OperationResult,
	ReceivedInvitationInput,
	SendInvitationInput,
	SendStatus,
} from '../types';
import { CLASSIC_LOOKUP, invitationStatusOf, lookUpProfile, memberOf } from './profiles';
import { API } from './routes';

/** Refusals "If Already Invited or Connected → Return Status" turns into a status. */
const ALREADY = lookupRecord<SendStatus>({
	'errors/already_invited_recently': 'already_invited',
	'errors/action_already_performed': 'already_invited',
	'errors/already_connected': 'already_connected',
});

export async function sendInvitation(
	client: ServiceClient,
	input: SendInvitationInput,
	options: IDataObject,
): Promise<OperationResult> {
	// By URL or public identifier the lookup is needed for the provider id; by provider id only to check.
	const needsLookup =
		input.profile.kind === 'publicIdentifier' || input.skipIfConnectedOrPending === true;
	const lookup = needsLookup
		? await lookUpProfile(client, input.accountId, input.profile, CLASSIC_LOOKUP)
		: undefined;
	const providerId = lookup ? text(lookup.provider_id) : input.profile.value;
	if (!providerId) {
		throw new Error(
			`Unipile returned the profile "${input.profile.value}" without a provider_id, so no invitation was sent.`,
		);
	}
	const member = lookup
		? pick(memberOf(lookup), INVITED_MEMBER_FIELDS)
		: { provider_id: providerId, profile_url: profileUrlOfSlug(providerId) };
	if (lookup && input.skipIfConnectedOrPending !== false) {
		const standing = invitationStatusOf(lookup);
		if (standing === 'connected')
			return statusResult('skipped_connected', member, 'Already a first-degree connection.');
		if (standing === 'pending_sent')
			return statusResult('skipped_pending', member, 'An invitation to this member is pending.');
	}
	const body: IDataObject = { provider_id: providerId, account_id: input.accountId };
	if (input.message) body.message = input.message;
	const userEmail = text(options.userEmail);
	if (userEmail) body.user_email = userEmail;
	const outcome = await client
		.writeOnce(
			{ method: 'POST', url: `${API}/users/invite`, body },
			async (sentAt) => await findSentInvitation(client, input.accountId, providerId, sentAt),
		)
		.then(
			(written) => ({ written }),
			(error: unknown) => ({ error }),
		);
	if ('error' in outcome) {
		const refusal = alreadyStatus(outcome.error, ALREADY, input);
		if (refusal) return statusResult(refusal.status, member, refusal.reason);
		throw outcome.error;
	}
	const { body: sent, confirmedAfterError } = outcome.written;
	const simplified: IDataObject = {
		status: 'sent',
		invitation_id: sent.invitation_id,
		...member,
		// Reported near LinkedIn's limit (50, 75, 90, 95 % used): the cue to slow down.
		...(typeof sent.usage === 'number' ? { usage: sent.usage } : {}),
		...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
	};
	return { simplified, raw: { status: 'sent', ...sent } };
}

export async function withdrawInvitation(
	client: ServiceClient,
	input: InvitationInput,
): Promise<OperationResult> {
	const raw = await client.request({
		method: 'DELETE',
		url: `${API}/users/invite/sent/${encodeURIComponent(input.invitationId)}`,
		qs: { account_id: input.accountId },
		idempotent: false,
	});
	return { simplified: { invitation_id: input.invitationId, status: 'withdrawn' }, raw };
}

export async function handleReceived(
	client: ServiceClient,
	input: ReceivedInvitationInput,
	action: 'accept' | 'decline',
): Promise<OperationResult> {
	const raw = await client.request({
		method: 'POST',
		url: `${API}/users/invite/received/${encodeURIComponent(input.invitationId)}`,
		body: {
			provider: 'LINKEDIN',
			shared_secret: input.sharedSecret,
			account_id: input.accountId,
			action,
		},
		idempotent: false,
	});
	return {
		simplified: {
			invitation_id: input.invitationId,
			status: action === 'accept' ? 'accepted' : 'declined',
		},
		raw,
	};
}

/** From the profile lookup: no extra request, and one profile view. */
export async function invitationStatus(
	client: ServiceClient,
	input: GetProfileInput,
): Promise<OperationResult> {
	const profile = await lookUpProfile(client, input.accountId, input.profile, CLASSIC_LOOKUP);
	return {
		simplified: {
			invitation_status: invitationStatusOf(profile),
			network_distance: degreeOf(profile.network_distance) ?? null,
			...pick(memberOf(profile), INVITED_MEMBER_FIELDS),
			profile_url: profileUrlOfSlug(profile.public_identifier) ?? profileUrlOf(input.profile),
		},
		raw: profile,
	};
}

/** Page size for reading sent invitations (the route's maximum). */
const SENT_PAGE_SIZE = 100;
/** Pages read at most when checking a lost invitation: the newest 3,000 pending invitations. */
const MAX_SENT_PAGES = 30;
/**
 * ASSUMPTION (the v1 OpenAPI types `parsed_datetime` as a string or null, with no format): it may be
 * derived from LinkedIn's relative "Sent 2 days ago", so an invitation counts as surely older than
 * the attempt only when it is dated more than this before it.
 */
const SENT_DATE_MARGIN_MS = 48 * 60 * 60 * 1000;

/**
 * Whether an invitation to this member sent at `sentAt` is pending, from `GET /users/invite/sent`
 * read newest first (ASSUMPTION: the order LinkedIn shows; no document states it) until the list
 * ends or reaches invitations surely older than the attempt.
 */
export async function findSentInvitation(
	client: ServiceClient,
	accountId: string,
	providerId: string,
	sentAt: number,
): Promise<Confirmation> {
	let cursor: string | undefined;
	for (let page = 0; page < MAX_SENT_PAGES; page++) {
		const qs: IDataObject = { account_id: accountId, limit: SENT_PAGE_SIZE };
		if (cursor) qs.cursor = cursor;
		const response = await client.request({
			method: 'GET',
			url: `${API}/users/invite/sent`,
			qs,
			idempotent: true,
		});
		for (const item of objects(response.items)) {
			if (item.invited_user_id === providerId) {
				return {
					outcome: 'sent',
					body: { object: 'UserInvitationSent', invitation_id: String(item.id) },
				};
			}
			const time = Date.parse(isoDate(item.parsed_datetime, item.date) ?? '');
			if (Number.isFinite(time) && time < sentAt - SENT_DATE_MARGIN_MS)
				return { outcome: 'not_sent' };
		}
		cursor = text(response.cursor);
		if (!cursor) return { outcome: 'not_sent' };
	}
	return {
		outcome: 'unknown',
		reason: `the check read the newest ${MAX_SENT_PAGES * SENT_PAGE_SIZE} pending invitations without reaching older ones`,
	};
}

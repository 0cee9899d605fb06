/**
 * Unipile v1 invitations: send (after a lookup, which also tells who is already connected or
 * invited), withdraw (`DELETE /users/invite/sent/{id}`), accept or decline (`POST
 * /users/invite/received/{id}` with the invitation's `shared_secret`), and a member's status.
 */
import type { IDataObject } from 'n8n-workflow';
import { lookupMap } from '../../shared/lookup';
import { profileUrlOf, profileUrlOfSlug, isOtherProductId } from '../../shared/profileIdentifier';
import { isoDate, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { findSentInvitation, type SentList } from '../sentCheck';
import { degreeOf, INVITED_MEMBER_FIELDS, pick } from '../results';
import type {
	GetProfileInput,
	InvitationInput,
	OperationResult,
	InvitationSender,
	ReceivedInvitationInput,
} from '../types';
import { CLASSIC_LOOKUP, invitationStatusOf, lookUpProfile, memberOf } from './profiles';
import { API } from './routes';

/** Refusals "If Already Invited or Connected → Return Status" turns into a status. */
const ALREADY = lookupMap<'already_invited' | 'already_connected'>({
	'errors/already_invited_recently': 'already_invited',
	'errors/action_already_performed': 'already_invited',
	'errors/already_connected': 'already_connected',
});

/** Send Invitation's facts for Unipile v1; the policy above decides what to do with them. */
export const unipileInvitations: InvitationSender = {
	// By URL or public identifier the lookup is needed for the provider id, so checking is free;
	// likewise for a Sales Navigator (ACw…) or Recruiter (AE…) id, e.g. from a Sales Navigator
	// search: the invite takes the Classic id (v1 spec, POST /users/invite, L26711: "It has to be
	// the provider's id"), and "Each user has a multiple fixed provider ID for Classic, Recruiter
	// and Sales Navigator … you need to convert it with get profile route" (developer.unipile.com/
	// docs/users-overview). ASSUMPTION (inferred, not shown by a document): the lookup, which
	// leaves `linkedin_api` out ("if different from classic", v1 spec L25605), answers the
	// member's Classic profile and provider_id for an ACw…/AE… id. Were it to answer the same
	// ACw…/AE… id, the invitation would go with it and Unipile's answer decides: a refusal fails
	// that item with the service's own message.
	looksUpFirst: (profile) => profile.kind === 'publicIdentifier' || isOtherProductId(profile),

	async standing(client, input) {
		const lookup = await lookUpProfile(client, input.accountId, input.profile, CLASSIC_LOOKUP);
		return {
			member: pick(memberOf(lookup), INVITED_MEMBER_FIELDS),
			standing: invitationStatusOf(lookup),
			raw: lookup,
		};
	},

	async invite(client, input, looked, options) {
		const providerId = looked ? text(looked.raw.provider_id) : input.profile.value;
		if (!providerId) {
			throw new Error(
				`Unipile returned the profile "${input.profile.value}" without a provider_id, so no invitation was sent.`,
			);
		}
		const member = looked?.member ?? {
			provider_id: providerId,
			profile_url: profileUrlOfSlug(providerId),
		};
		const body: IDataObject = { provider_id: providerId, account_id: input.accountId };
		if (input.message) body.message = input.message;
		const userEmail = text(options.userEmail);
		if (userEmail) body.user_email = userEmail;
		const { body: sent, confirmedAfterError } = await client.writeOnce(
			{ method: 'POST', url: `${API}/users/invite`, body },
			async (sentAt) =>
				await findSentInvitation(sentList(client, input.accountId), providerId, sentAt),
		);
		const simplified: IDataObject = {
			status: 'sent',
			invitation_id: sent.invitation_id,
			...member,
			// Reported near LinkedIn's limit (50, 75, 90, 95 % used): the cue to slow down.
			...(typeof sent.usage === 'number' ? { usage: sent.usage } : {}),
			...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
		};
		return { simplified, raw: { status: 'sent', ...sent } };
	},

	alreadyStatus: (failure) => ALREADY.get(failure.code),
};

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

/** `GET /users/invite/sent` (InvitationSent items), cursor-paged, for the check after a lost answer. */
function sentList(client: ServiceClient, accountId: string): SentList {
	return {
		pageSize: SENT_PAGE_SIZE,
		async readPage(cursor) {
			const qs: IDataObject = { account_id: accountId, limit: SENT_PAGE_SIZE };
			if (cursor) qs.cursor = cursor;
			const response = await client.request({
				method: 'GET',
				url: `${API}/users/invite/sent`,
				qs,
				idempotent: true,
			});
			return { items: objects(response.items), nextPageToken: text(response.cursor) };
		},
		idOf: (item) => text(String(item.id ?? '')),
		memberOf: (item) => text(item.invited_user_id),
		sentAt: (item) => {
			const time = Date.parse(isoDate(item.parsed_datetime, item.date) ?? '');
			return Number.isFinite(time) ? time : undefined;
		},
		answerFor: (item) => ({ object: 'UserInvitationSent', invitation_id: String(item.id) }),
	};
}

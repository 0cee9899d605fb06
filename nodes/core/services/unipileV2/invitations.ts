/**
 * Unipile v2 invitations ("relation requests"): send after a lookup that gives the member's id
 * (and tells who is already connected or invited), withdraw, accept and decline, a member's status,
 * and the check after an invitation's answer was lost.
 *
 * Sources (tags as in the v2 fact sheet):
 * - Send: `POST /v2/{account_id}/users/me/relation-requests` with `{user_id, message?}` (PY
 *   unipile/unipile-python@6171191 users_api.py:878-879, docs/UsersApi.md:185-263,
 *   docs/CreateRelationRequestRequest.md:8-9; TS unipile/unipile-node@0b17e714
 *   CreateRelationRequestData; N8N unipile/n8n-nodes-unipile@21c72297 `sendInvitation`, which
 *   drops an empty message). `user_id` is "The ID of the User to request a bi-directional relation
 *   with", the profile's `id`. Answer 201, a `RelationRequest` (UsersApi.md:248,263).
 *   "Trying to send a relation request to an existing relation will fail": the error type is NOT
 *   SHOWN (see ALREADY).
 * - Accept: `POST …/relation-requests/{request_id}/accept`, no body, answers
 *   `{object: "RelationRequestConfirmed"}` (PY users_api.py:313-314, docs/UsersApi.md:23-100; TS
 *   AcceptRelationRequestData `body?: never`). No shared secret.
 * - Withdraw and Decline: `POST …/relation-requests/{request_id}/cancel`, no body, answers
 *   `{object: "RelationRequestCanceled"}` (PY users_api.py:589-590, docs/UsersApi.md:104-181):
 *   "Cancels the relation / follow request if sent by the owner of the account to another user.
 *   Refuses the relation / follow request if received by the owner of the account from another user."
 */
import type { IDataObject } from 'n8n-workflow';
import { lookupMap } from '../../shared/lookup';
import { profileUrlOf, profileUrlOfSlug, isOtherProductId } from '../../shared/profileIdentifier';
import { object, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { findSentInvitation, type SentList } from '../sentCheck';
import { INVITED_MEMBER_FIELDS, pick } from '../results';
import type {
	GetProfileInput,
	InvitationInput,
	OperationResult,
	InvitationSender,
	ReceivedInvitationInput,
} from '../types';
import { accountPath } from './routes';
import { PAGE_SIZE, readPage } from './lists';
import { invitationStatusOf, lookUpProfile, memberOf } from './profiles';

function requestsPath(accountId: string, ...segments: string[]): string {
	return accountPath(accountId, 'users', 'me', 'relation-requests', ...segments);
}

/**
 * Refusals "If Already Invited or Connected → Return Status" turns into a status. ASSUMPTION: the
 * types are NOT SHOWN; these are v1's under the `provider/` prefix (see errors.ts).
 */
const ALREADY = lookupMap<'already_invited' | 'already_connected'>({
	'provider/already_invited_recently': 'already_invited',
	'provider/action_already_performed': 'already_invited',
	'provider/already_connected': 'already_connected',
});

/** `GET …/relation-requests?type=sent` (see lists.ts), for the check after a lost answer. */
function sentList(client: ServiceClient, accountId: string): SentList {
	return {
		pageSize: PAGE_SIZE,
		readPage: async (token) =>
			await readPage(client, requestsPath(accountId), { type: 'sent' }, token, PAGE_SIZE),
		idOf: (item) => text(item.id),
		memberOf: (item) => text(object(item.user).id),
		sentAt: (item) => {
			const time = typeof item.created_at === 'string' ? Date.parse(item.created_at) : NaN;
			return Number.isFinite(time) ? time : undefined;
		},
		// Shaped like the send answer (a RelationRequest).
		answerFor: (item) => item,
	};
}

// ASSUMPTION: v2's profile route converts a Sales Navigator or Recruiter id as v1's does:
// `GET /v2/{account_id}/users/{ACw…}` (no `variant`, i.e. Classic) answers the member's Classic
// profile, whose `id` is the `ACo…` id the invitation takes (no v2 source shows it). Were it to
// answer the same id, the invitation would go with it and Unipile's answer decides: a refusal
// fails that item with the service's own message.

/** Send Invitation's facts for Unipile v2; the policy above decides what to do with them. */
export const unipileV2Invitations: InvitationSender = {
	// By URL or public identifier the lookup gives the user id, so checking is free; a Sales
	// Navigator or Recruiter id (e.g. from Profile → Search) is turned into the Classic id by it.
	looksUpFirst: (profile) => profile.kind === 'publicIdentifier' || isOtherProductId(profile),

	async standing(client, input) {
		const lookup = await lookUpProfile(client, input.accountId, input.profile);
		return {
			member: pick(memberOf(lookup), INVITED_MEMBER_FIELDS),
			standing: invitationStatusOf(lookup),
			raw: lookup,
		};
	},

	async invite(client, input, looked) {
		const userId = looked ? text(looked.raw.id) : input.profile.value;
		if (!userId) {
			throw new Error(
				`Unipile returned the profile "${input.profile.value}" without an id, so no invitation was sent.`,
			);
		}
		const member = looked?.member ?? { provider_id: userId, profile_url: profileUrlOfSlug(userId) };
		const body: IDataObject = { user_id: userId };
		if (input.message) body.message = input.message;
		const { body: sent, confirmedAfterError } = await client.writeOnce(
			{ method: 'POST', url: requestsPath(input.accountId), body },
			async (sentAt) => await findSentInvitation(sentList(client, input.accountId), userId, sentAt),
		);
		const simplified: IDataObject = {
			status: 'sent',
			invitation_id: text(sent.id),
			...member,
			...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
		};
		return { simplified, raw: { status: 'sent', ...sent } };
	},

	alreadyStatus: (failure) => ALREADY.get(failure.code),
};

/** Accept, or cancel (a sent invitation: withdraw; a received one: decline). No body. */
async function answer(
	client: ServiceClient,
	input: InvitationInput,
	action: 'accept' | 'cancel',
	status: string,
): Promise<OperationResult> {
	const raw = await client.request({
		method: 'POST',
		url: requestsPath(input.accountId, input.invitationId, action),
		idempotent: false,
	});
	return { simplified: { invitation_id: input.invitationId, status }, raw };
}

export async function withdrawInvitation(
	client: ServiceClient,
	input: InvitationInput,
): Promise<OperationResult> {
	return await answer(client, input, 'cancel', 'withdrawn');
}

/** v2 needs no shared secret: `input.sharedSecret` is not sent. */
export async function acceptInvitation(
	client: ServiceClient,
	input: ReceivedInvitationInput,
): Promise<OperationResult> {
	return await answer(client, input, 'accept', 'accepted');
}

export async function declineInvitation(
	client: ServiceClient,
	input: ReceivedInvitationInput,
): Promise<OperationResult> {
	return await answer(client, input, 'cancel', 'declined');
}

/** From the profile lookup: no extra request, one profile view. */
export async function invitationStatus(
	client: ServiceClient,
	input: GetProfileInput,
): Promise<OperationResult> {
	const profile = await lookUpProfile(client, input.accountId, input.profile);
	const member = memberOf(profile);
	return {
		simplified: {
			invitation_status: invitationStatusOf(profile),
			network_distance: member.network_distance ?? null,
			...pick(member, INVITED_MEMBER_FIELDS),
			profile_url: member.profile_url ?? profileUrlOf(input.profile),
		},
		raw: profile,
	};
}

/**
 * Unipile v2 member reads: `GET /v2/{account_id}/users/{user_id}` (a LinkedIn profile view, made
 * once per member in a node run) and `GET /v2/{account_id}/users/me`, simplified to the field names
 * every service shares.
 *
 * Sources (tags as in the v2 fact sheet):
 * - PY unipile/unipile-python@6171191 users_api.py:2389-2390, docs/UsersApi.md:600-681 (the route;
 *   "Use `me` as `user_id` to specify the owner of the connected account"),
 *   docs/GetUserProfile200Response.md:8-39 and docs/GetUserProfile200ResponseSpecifics.md:8-35
 *   (the answer: `id` "Unique identifier of the user for the provider", `public_identifier`,
 *   `display_name`, `first_name`, `last_name`, `profile_url`, `description`, `location`,
 *   `specifics.network_distance` SELF | FIRST_DEGREE | SECOND_DEGREE | THIRD_DEGREE | OUT_OF_NETWORK,
 *   `specifics.relation_request`, `specifics.relation_request_status` PENDING | IGNORED | WITHDRAWN).
 * - TS unipile/unipile-node@0b17e714 types.gen.ts GetUserProfileData/Responses (same fields).
 * - N8N unipile/n8n-nodes-unipile@21c72297 Get Profile: `userId` is "The part after /in/ in the
 *   profile URL, or a stable provider user ID", so a public identifier is sent as `user_id`.
 *   Whether a full profile URL is accepted is NOT SHOWN: the node sends the identifier parsed from it.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	identifierKey,
	type ProfileIdentifier,
	profileUrlOfSlug,
} from '../../shared/profileIdentifier';
import { fullName, object, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { degreeOf, pick, PROFILE_FIELDS } from '../results';
import type { AccountInput, GetProfileInput, InvitationStatus, OperationResult } from '../types';
import { accountPath } from './routes';

/** The fields Get Profile simplifies to: the shared ones Unipile v2 has (no picture field kept). */
export const MEMBER_FIELDS = PROFILE_FIELDS.filter((field) => field !== 'profile_picture_url');

/**
 * ASSUMPTION: the LinkedIn headline. No v2 profile or user object has a `headline` field (PY, TS);
 * they have `description` ("Description of the user") beside `bio` ("Biography of the user"). v1
 * named the headline `*_description` in its invitation items (`invited_user_description`,
 * `inviter_description`), so `description` is read as the headline; a `headline` field, should one
 * appear, wins.
 */
export function headlineOf(user: IDataObject): string | undefined {
	return text(user.headline) ?? text(user.description);
}

/**
 * A member (a `UserProfile`, or a `User` inside a relation or invitation, whose location and
 * network distance sit in `specifics` per TS) in the shared field names and order.
 */
export function memberOf(user: IDataObject): IDataObject {
	const specifics = object(user.specifics);
	return pick(
		{
			provider_id: text(user.id),
			public_identifier: text(user.public_identifier),
			profile_url: profileUrlOfSlug(text(user.public_identifier)) ?? text(user.profile_url),
			full_name: text(user.display_name) ?? fullName(user.first_name, user.last_name),
			first_name: text(user.first_name),
			last_name: text(user.last_name),
			headline: headlineOf(user),
			location: text(user.location) ?? text(specifics.location),
			network_distance: degreeOf(specifics.network_distance),
		},
		MEMBER_FIELDS,
	);
}

/** `GET /v2/{account_id}/users/{user_id}`: once per member and account in a node run. */
export async function lookUpProfile(
	client: ServiceClient,
	accountId: string,
	profile: ProfileIdentifier,
): Promise<IDataObject> {
	const { body } = await client.lookup({
		method: 'GET',
		url: accountPath(accountId, 'users', profile.value),
		cacheKey: JSON.stringify(['unipileV2', accountId, identifierKey(profile)]),
	});
	return body;
}

/**
 * Where the member stands with the account, from the profile's `specifics`: FIRST_DEGREE is a
 * connection; `relation_request` (a RelationRequest, `type` sent | received) with
 * `relation_request_status` tells a pending, withdrawn or ignored invitation. ASSUMPTION: a
 * `relation_request` without a status is pending (the list route says it lists "pending" requests).
 */
export function invitationStatusOf(profile: IDataObject): InvitationStatus {
	const specifics = object(profile.specifics);
	if (specifics.network_distance === 'FIRST_DEGREE') return 'connected';
	const request = object(specifics.relation_request);
	const status = text(specifics.relation_request_status);
	if (status === 'WITHDRAWN') return 'withdrawn';
	if (status === 'IGNORED') return 'ignored';
	if (status === 'PENDING' || (text(request.id) && !status))
		return request.type === 'received' ? 'pending_received' : 'pending_sent';
	return 'none';
}

export async function getProfile(
	client: ServiceClient,
	input: GetProfileInput,
): Promise<OperationResult> {
	const profile = await lookUpProfile(client, input.accountId, input.profile);
	return { simplified: memberOf(profile), raw: profile };
}

/** `GET /v2/{account_id}/users/me`: the connected account's own profile (same UserProfile shape). */
export async function getMyProfile(
	client: ServiceClient,
	input: AccountInput,
): Promise<OperationResult> {
	const me = await client.request({
		method: 'GET',
		url: accountPath(input.accountId, 'users', 'me'),
		idempotent: true,
	});
	return { simplified: memberOf(me), raw: me };
}

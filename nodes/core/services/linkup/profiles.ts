/** LinkupAPI's member data in the field names every service shares. */
import type { IDataObject } from 'n8n-workflow';
import {
	identifierInUrl,
	identifierKey,
	profileUrlOf,
	profileUrlOfSlug,
} from '../../shared/profileIdentifier';
import type { ServiceClient } from '../../transport/types';
import type { AccountInput, GetProfileInput, OperationResult } from '../types';
import { PROFILES } from './routes';
import { degreeOf, pick, PROFILE_FIELDS } from '../results';
import { fullName, object, text } from '../../shared/values';

/** `urn:li:fsd_profile:ACoAAB…` → `ACoAAB…`, the id Unipile calls provider_id. */
export function memberIdOf(urn: unknown): string | undefined {
	const value = text(urn);
	return value?.split(':').pop() || undefined;
}

export function creditsOf(response: IDataObject): number | undefined {
	const credits = object(response.metadata).credits_consumed;
	return typeof credits === 'number' ? credits : undefined;
}

/**
 * The fields every service shares, in their order, then the credits this call spent (LinkupAPI's
 * one field of its own: billing). The rest of LinkupAPI's answer is there with Simplify off.
 *
 * The pages name a member two ways: `public_identifier`, `profile_urn` (network/invite's answer) and
 * `profile_url` (network/list-connections), or `public_id` and `linkedin_url` (profiles/search-people's
 * results, the v1 profile page's `public_id`, the lists' `linkedin_url`). Either is read.
 */
export function normaliseProfile(
	data: IDataObject,
	credits: number | undefined,
	fields: readonly string[] = PROFILE_FIELDS,
): IDataObject {
	const url = text(data.profile_url) ?? text(data.linkedin_url);
	const inUrl = identifierInUrl(url);
	const publicIdentifier =
		text(data.public_identifier) ??
		text(data.public_id) ??
		(inUrl?.kind === 'publicIdentifier' ? inUrl.value : undefined);
	const member = pick(
		{
			...data,
			provider_id:
				memberIdOf(data.profile_urn) ?? (inUrl?.kind === 'providerId' ? inUrl.value : undefined),
			public_identifier: publicIdentifier,
			profile_url: profileUrlOfSlug(publicIdentifier) ?? url,
			full_name: fullName(data.first_name, data.last_name),
			network_distance: degreeOf(data.network_distance),
		},
		fields,
	);
	return { ...member, credits_consumed: credits };
}

/** Get Profile: `get` on /v2/profiles, made once per member in a node run (1 credit). */
export async function getProfile(
	client: ServiceClient,
	input: GetProfileInput,
): Promise<OperationResult> {
	// ASSUMPTION: `get` takes `params.profile_url`, as Pipedream's get-profile-info.mjs sends it
	// citing docs.linkupapi.com/api-reference/v2/profiles/get-profile (no stored copy of that page).
	// A read: retried after a failure (failed calls spend no credits), made once per member.
	const { body: response, reused } = await client.lookup({
		method: 'POST',
		url: PROFILES,
		body: {
			account_id: input.accountId,
			action: 'get',
			params: { profile_url: profileUrlOf(input.profile) },
		},
		cacheKey: JSON.stringify([input.accountId, identifierKey(input.profile)]),
	});
	// A row that reused an earlier row's lookup spent nothing.
	const credits = reused ? 0 : creditsOf(response);
	return { simplified: normaliseProfile(object(response.data), credits), raw: response };
}

/** Get My Profile: `get_me` on /v2/profiles (1 credit). */
export async function getMyProfile(
	client: ServiceClient,
	input: AccountInput,
): Promise<OperationResult> {
	const response = await client.request({
		method: 'POST',
		url: PROFILES,
		body: { account_id: input.accountId, action: 'get_me', params: {} },
		idempotent: true,
	});
	return {
		simplified: normaliseProfile(object(response.data), creditsOf(response)),
		raw: response,
	};
}

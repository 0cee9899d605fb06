/** LinkupAPI's member data in the field names every service shares. */
import type { IDataObject } from 'n8n-workflow';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
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

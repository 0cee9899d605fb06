/** LinkupAPI's member data in the field names every service shares. */
import type { IDataObject } from 'n8n-workflow';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
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
 */
export function normaliseProfile(
	data: IDataObject,
	credits: number | undefined,
	fields: readonly string[] = PROFILE_FIELDS,
): IDataObject {
	const member = pick(
		{
			...data,
			provider_id: memberIdOf(data.profile_urn),
			profile_url: profileUrlOfSlug(data.public_identifier) ?? data.profile_url,
			full_name: fullName(data.first_name, data.last_name),
			network_distance: degreeOf(data.network_distance),
		},
		fields,
	);
	return { ...member, credits_consumed: credits };
}

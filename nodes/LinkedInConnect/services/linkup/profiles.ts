/** LinkupAPI's member data in the field names every service shares. */
import type { IDataObject } from 'n8n-workflow';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
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

/** The same field names as Unipile where the data exists, then whatever else LinkupAPI returned. */
export function normaliseProfile(data: IDataObject, credits: number | undefined): IDataObject {
	const { profile_urn: profileUrn, ...rest } = data;
	return {
		provider_id: memberIdOf(profileUrn),
		public_identifier: data.public_identifier,
		profile_url: profileUrlOfSlug(data.public_identifier) ?? data.profile_url,
		full_name: fullName(data.first_name, data.last_name),
		first_name: data.first_name,
		last_name: data.last_name,
		headline: data.headline,
		...rest,
		profile_urn: profileUrn,
		credits_consumed: credits,
	};
}

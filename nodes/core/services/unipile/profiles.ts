/**
 * Unipile v1 profiles: a member's profile (`GET /users/{identifier}`, a LinkedIn profile view, made
 * once per member and settings in a node run), the account owner's (`GET /users/me`), and what they
 * say of the member in the field names every service shares.
 */
import type { IDataObject } from 'n8n-workflow';
import { lookupMap } from '../../shared/lookup';
import {
	identifierKey,
	type ProfileIdentifier,
	profileUrlOfSlug,
} from '../../shared/profileIdentifier';
import { fullName, object, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { degreeOf, pick, PROFILE_FIELDS } from '../results';
import type { AccountInput, GetProfileInput, InvitationStatus, OperationResult } from '../types';
import { API, profilePath } from './routes';

/** How Get Profile reads a member; Send Invitation's lookup uses the defaults. */
export interface LookupSettings {
	/** `linkedin_sections`; empty means the default sections. */
	sections: string[];
	/** `linkedin_api`; `classic` leaves the parameter out. */
	linkedinApi: string;
	notify: boolean;
}

/** The profile fields each `linkedin_sections` value fills (v1 spec, UserProfile). */
const SECTION_FIELDS = lookupMap<string[]>({
	about: ['summary'],
	experience: ['work_experience'],
	education: ['education'],
	languages: ['languages'],
	skills: ['skills'],
	certifications: ['certifications'],
	projects: ['projects'],
	volunteering_experience: ['volunteering_experience'],
	recommendations_received: ['recommendations'],
	recommendations_given: ['recommendations'],
});

export function sectionFields(sections: string[]): string[] {
	const wanted = sections.includes('*') ? [...SECTION_FIELDS.keys()] : sections;
	return [...new Set(wanted.flatMap((section) => SECTION_FIELDS.get(section) ?? []))];
}

export const CLASSIC_LOOKUP: LookupSettings = {
	sections: [],
	linkedinApi: 'classic',
	notify: false,
};

export function lookupSettings(options: IDataObject): LookupSettings {
	return {
		sections: Array.isArray(options.linkedinSections) ? options.linkedinSections.map(String) : [],
		linkedinApi: typeof options.linkedinApi === 'string' ? options.linkedinApi : 'classic',
		notify: options.notify === true,
	};
}

/** `GET /users/{identifier}`: one profile view, made once per member and settings in a node run. */
export async function lookUpProfile(
	client: ServiceClient,
	accountId: string,
	profile: ProfileIdentifier,
	settings: LookupSettings,
) {
	const qs: IDataObject = { account_id: accountId };
	if (settings.sections.length)
		qs.linkedin_sections = settings.sections.includes('*') ? '*' : settings.sections.join(',');
	if (settings.linkedinApi && settings.linkedinApi !== 'classic')
		qs.linkedin_api = settings.linkedinApi;
	if (settings.notify) qs.notify = true;
	const { body } = await client.lookup({
		method: 'GET',
		url: profilePath(profile.value),
		qs,
		cacheKey: JSON.stringify([accountId, identifierKey(profile), qs]),
	});
	return body;
}

/** What the lookup says of the member, in the field names and order every service shares. */
export function memberOf(profile: IDataObject): IDataObject {
	return pick(
		{
			provider_id: text(profile.provider_id),
			public_identifier: text(profile.public_identifier),
			profile_url: profileUrlOfSlug(profile.public_identifier),
			full_name: fullName(profile.first_name, profile.last_name),
			first_name: profile.first_name,
			last_name: profile.last_name,
			headline: profile.headline,
			location: profile.location,
			profile_picture_url: profile.profile_picture_url,
			network_distance: degreeOf(profile.network_distance),
		},
		PROFILE_FIELDS,
	);
}

/** Where the member stands with the account, from the profile lookup (`network_distance`, `invitation`). */
export function invitationStatusOf(profile: IDataObject): InvitationStatus {
	if (profile.is_relationship === true || profile.network_distance === 'FIRST_DEGREE')
		return 'connected';
	const invitation = object(profile.invitation);
	if (invitation.status === 'PENDING')
		return invitation.type === 'RECEIVED' ? 'pending_received' : 'pending_sent';
	if (invitation.status === 'WITHDRAWN') return 'withdrawn';
	if (invitation.status === 'IGNORED') return 'ignored';
	return 'none';
}

/** Get Profile: the lookup, with the sections asked for kept in the simplified item (they are why it asked). */
export async function getProfile(
	client: ServiceClient,
	input: GetProfileInput,
	options: IDataObject,
): Promise<OperationResult> {
	const settings = lookupSettings(options);
	const profile = await lookUpProfile(client, input.accountId, input.profile, settings);
	return {
		simplified: { ...memberOf(profile), ...pick(profile, sectionFields(settings.sections)) },
		raw: profile,
	};
}

/** Get My Profile: the account owner's profile. */
export async function getMyProfile(
	client: ServiceClient,
	input: AccountInput,
): Promise<OperationResult> {
	const me = await client.request({
		method: 'GET',
		url: `${API}/users/me`,
		qs: { account_id: input.accountId },
		idempotent: true,
	});
	const simplified = pick(
		{
			...me,
			profile_url: profileUrlOfSlug(me.public_identifier) ?? me.public_profile_url,
			full_name: fullName(me.first_name, me.last_name),
		},
		PROFILE_FIELDS,
	);
	return { simplified, raw: me };
}

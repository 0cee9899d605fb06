/**
 * The Unipile v1 reads the adapter builds on: a member's profile (a LinkedIn profile view, made once
 * per member and settings in a node run) and the check of sent invitations after a lost answer.
 */
import type { IDataObject } from 'n8n-workflow';
import { lookupMap } from '../../shared/lookup';
import { identifierKey, type ProfileIdentifier } from '../../shared/profileIdentifier';
import { objects, text } from '../../shared/values';
import type { Confirmation, ServiceClient } from '../../transport/types';

export const API = '/api/v1';

function profilePath(identifier: string): string {
	return `${API}/users/${encodeURIComponent(identifier)}`;
}

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

function sentTime(item: IDataObject): number | undefined {
	for (const value of [item.parsed_datetime, item.date]) {
		const time = typeof value === 'string' ? Date.parse(value) : NaN;
		if (Number.isFinite(time)) return time;
	}
	return undefined;
}

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
			const time = sentTime(item);
			if (time !== undefined && time < sentAt - SENT_DATE_MARGIN_MS) return { outcome: 'not_sent' };
		}
		cursor = text(response.cursor);
		if (!cursor) return { outcome: 'not_sent' };
	}
	return {
		outcome: 'unknown',
		reason: `the check read the newest ${MAX_SENT_PAGES * SENT_PAGE_SIZE} pending invitations without reaching older ones`,
	};
}

/**
 * Unipile API v1 (https://developer.unipile.com/reference). The customer's DSN is the host; every
 * call carries `X-API-KEY`. Inviting needs the member's provider_id, so a URL or public identifier
 * is resolved with `GET /users/{identifier}` first.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { UNIPILE_DSN } from '../shared/baseUrl';
import { identifierKey, type ProfileIdentifier } from '../shared/profileIdentifier';
import { retryAfterSeconds } from '../shared/retryAfter';
import { object, objects, text } from '../shared/values';
import type {
	Confirmation,
	ServiceClient,
	ServiceFailure,
	ServiceResponse,
} from '../transport/types';
import type { LinkedInService, OperationResult } from './types';

const API = '/api/v1';

/** What to tell the user for each documented error type. Types not listed get a generic message by status. */
/** Retries are decided by the transport from the HTTP status (one rule for every service). */
const ADVICE: Record<string, { advice: string }> = {
	// 400: input problems
	too_many_characters: {
		advice:
			'The invitation message is too long for LinkedIn: shorten it to 300 characters or fewer (200 on free accounts).',
	},
	invalid_parameters: {
		advice: 'Unipile refused a parameter: check the account ID, the profile and the options.',
	},
	missing_parameters: {
		advice: 'Unipile says a required parameter is missing: check the account ID and the profile.',
	},
	// 401: the same status for a bad key and for a disconnected LinkedIn account
	missing_credentials: {
		advice:
			'Unipile rejected the API key: check the API Key in the Unipile API credential (Unipile dashboard → Access Tokens).',
	},
	invalid_credentials: {
		advice:
			'The LinkedIn login stored in Unipile is no longer valid: reconnect the LinkedIn account in the Unipile dashboard.',
	},
	expired_credentials: {
		advice:
			'The LinkedIn session stored in Unipile has expired: reconnect the LinkedIn account in the Unipile dashboard.',
	},
	disconnected_account: {
		advice:
			'The LinkedIn account is disconnected from Unipile: reconnect it in the Unipile dashboard, then run again.',
	},
	multiple_sessions: {
		advice:
			'LinkedIn reports several sessions for this account: reconnect it in the Unipile dashboard.',
	},
	checkpoint_error: {
		advice:
			'LinkedIn asks for a security check on this account: resolve it in the Unipile dashboard.',
	},
	insufficient_privileges: {
		advice: 'The API key lacks the privileges for this call: use a key with full access.',
	},
	// 403: account or plan
	account_restricted: {
		advice:
			'LinkedIn has restricted this account: stop sending and check the account on linkedin.com before trying again.',
	},
	feature_not_subscribed: {
		advice:
			"This LinkedIn account has no subscription for that feature (e.g. Sales Navigator or Recruiter): set 'LinkedIn API' to Classic or subscribe.",
	},
	subscription_required: {
		advice: 'This feature needs a paid LinkedIn subscription on the account.',
	},
	account_mismatch: {
		advice: 'The account ID does not belong to this API key: pick the account from the list.',
	},
	insufficient_permissions: {
		advice: 'The account lacks the permission for this action on LinkedIn.',
	},
	action_required: {
		advice: 'LinkedIn requires an action on this account: open the Unipile dashboard.',
	},
	// 404
	resource_not_found: {
		advice:
			'Unipile found no such profile or account: check the profile identifier and the account ID.',
	},
	invalid_resource_identifier: {
		advice: 'The profile identifier is not one LinkedIn knows: check it, or use the profile URL.',
	},
	// 422: per-recipient refusals, never retried
	already_invited_recently: {
		advice:
			'An invitation was already sent to this person recently; nothing new was sent. Wait before inviting them again.',
	},
	already_connected: { advice: 'You are already connected with this person; nothing was sent.' },
	action_already_performed: {
		advice: 'This action was already done for this person; nothing was sent.',
	},
	cannot_resend_yet: {
		advice:
			"LinkedIn's temporary invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day).",
	},
	cannot_resend_within_24hrs: {
		advice:
			'An invitation to this person was withdrawn less than 24 hours ago: wait a day before inviting again.',
	},
	limit_exceeded: {
		advice:
			"LinkedIn's invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day, ~200 a week).",
	},
	cannot_invite_attendee: {
		advice: 'LinkedIn does not allow inviting this member (e.g. an event attendee restriction).',
	},
	invalid_account: {
		advice: 'The account ID is not a LinkedIn account: pick a LinkedIn account from the list.',
	},
	invalid_recipient: { advice: 'LinkedIn refused this recipient: check the profile.' },
	user_unreachable: { advice: 'LinkedIn says this member cannot be reached by invitation.' },
	no_connection_with_recipient: {
		advice: 'This action needs a connection with the member, and there is none.',
	},
	unprocessable_entity: {
		advice:
			'LinkedIn could not process this request for this member: check the profile and the message.',
	},
	invalid_message: {
		advice:
			'LinkedIn refused the invitation note: remove links or unusual characters, or send without a note.',
	},
	not_allowed_inmail: { advice: 'This member does not accept InMail from this account.' },
	blocked_recipient: {
		advice: 'This member has blocked the account or cannot receive invitations from it.',
	},
	insufficient_credits: { advice: 'The LinkedIn account has no credits left for this action.' },
	// 429 and 5xx: temporary
	too_many_requests: {
		advice:
			'LinkedIn or Unipile is rate limiting this account: space the requests out (e.g. a Wait node between items) and try later.',
	},
	provider_error: {
		advice: 'LinkedIn is having problems: try again in a few minutes.',
	},
	unexpected_error: {
		advice: 'Unipile hit an unexpected error: try again; if it persists, contact Unipile support.',
	},
	network_down: {
		advice: 'Unipile lost its connection to LinkedIn: wait a moment and retry.',
	},
	service_unavailable: {
		advice: 'Unipile is temporarily unavailable: retry in a moment.',
	},
	no_client_session: {
		advice: 'Unipile has no live LinkedIn session for this account yet: retry in a moment.',
	},
	request_timeout: { advice: 'LinkedIn did not answer in time: try again.' },
};

const BY_STATUS: Record<number, string> = {
	400: 'Unipile refused the request: check the parameters.',
	401: 'Unipile refused the credentials: check the API key and that the LinkedIn account is connected.',
	403: 'Unipile refused the action for this account: check the account in the Unipile dashboard.',
	404: 'Unipile found nothing at that address: check the profile and the account ID.',
	422: 'LinkedIn refused this action for this person.',
	429: 'Rate limited: space the requests out and try later.',
	500: 'Unipile reported a server error: try again later.',
	502: 'Unipile could not be reached through its gateway: try again later.',
	503: 'Unipile is temporarily unavailable: try again later.',
	504: 'Unipile timed out: try again later.',
};

function describeFailure(response: ServiceResponse): ServiceFailure | undefined {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) return undefined;
	const body = object(response.body);
	const type = text(body.type);
	const slug = type?.replace(/^errors\//, '');
	const known = slug ? ADVICE[slug] : undefined;
	const code = type ?? `HTTP ${statusCode}`;
	const title = text(body.title);
	const advice =
		known?.advice ?? BY_STATUS[statusCode] ?? `Unipile answered with HTTP ${statusCode}.`;
	return {
		status: statusCode,
		code,
		message: `Unipile: ${title ?? 'request failed'} [${code}]. ${advice}`,
		description:
			text(body.detail) ?? (type ? undefined : 'The response was not a Unipile error body.'),
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

function profilePath(identifier: string): string {
	return `${API}/users/${encodeURIComponent(identifier)}`;
}

/** How Get Profile reads a member; Send Invitation's lookup uses the defaults. */
interface LookupSettings {
	/** `linkedin_sections`; empty means the default sections. */
	sections: string[];
	/** `linkedin_api`; `classic` leaves the parameter out. */
	linkedinApi: string;
	notify: boolean;
}

const CLASSIC_LOOKUP: LookupSettings = { sections: [], linkedinApi: 'classic', notify: false };

function lookupSettings(options: IDataObject): LookupSettings {
	return {
		sections: Array.isArray(options.linkedinSections) ? options.linkedinSections.map(String) : [],
		linkedinApi: typeof options.linkedinApi === 'string' ? options.linkedinApi : 'classic',
		notify: options.notify === true,
	};
}

/** `GET /users/{identifier}`: one profile view, made once per member and settings in a node run. */
async function lookUpProfile(
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
async function findSentInvitation(
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

const PROFILE_SUMMARY_FIELDS = [
	'provider_id',
	'public_identifier',
	'first_name',
	'last_name',
	'headline',
];

function pick(source: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (source[field] !== undefined) picked[field] = source[field];
	return picked;
}

/** Get Profile options only Unipile has. */
const PROFILE_OPTIONS: INodeProperties[] = [
	{
		displayName: 'LinkedIn API',
		name: 'linkedinApi',
		type: 'options',
		options: [
			{ name: 'Classic', value: 'classic' },
			{ name: 'Recruiter', value: 'recruiter' },
			{ name: 'Sales Navigator', value: 'sales_navigator' },
		],
		default: 'classic',
		description:
			'Which LinkedIn product reads the profile (Unipile only); Recruiter and Sales Navigator need that seat on the account',
	},
	{
		displayName: 'Notify the Member',
		name: 'notify',
		type: 'boolean',
		default: false,
		description: 'Whether the member sees your visit in "Who viewed my profile" (Unipile only)',
	},
	{
		displayName: 'Sections',
		name: 'linkedinSections',
		type: 'multiOptions',
		options: [
			{ name: 'About', value: 'about' },
			{ name: 'All Sections', value: '*' },
			{ name: 'Certifications', value: 'certifications' },
			{ name: 'Education', value: 'education' },
			{ name: 'Experience', value: 'experience' },
			{ name: 'Languages', value: 'languages' },
			{ name: 'Projects', value: 'projects' },
			{ name: 'Recommendations Given', value: 'recommendations_given' },
			{ name: 'Recommendations Received', value: 'recommendations_received' },
			{ name: 'Skills', value: 'skills' },
			{ name: 'Volunteering Experience', value: 'volunteering_experience' },
		],
		default: [],
		description:
			'Extra profile sections to fetch (Unipile only); each adds to the time the lookup takes',
	},
];

/** Send Invitation options only Unipile has. */
const SEND_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Member Email',
		name: 'userEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description:
			"The member's email address, which LinkedIn asks for before some invitations (Unipile only)",
	},
];

export const unipileService: LinkedInService = {
	displayName: 'Unipile',
	credentialType: 'unipileApi',
	summary: 'Your Unipile DSN and access token (API v1)',
	baseUrlField: 'dsn',
	baseUrlRule: UNIPILE_DSN,
	secretFields: ['apiKey'],

	describeFailure,

	async listAccounts(client, pageToken) {
		const qs: IDataObject = { limit: 100 };
		if (pageToken) qs.cursor = pageToken;
		const response = await client.request({
			method: 'GET',
			url: `${API}/accounts`,
			qs,
			idempotent: true,
		});
		const items = objects(response.items);
		const accounts = items
			.filter((account) => account.type === 'LINKEDIN')
			.map((account) => {
				const sources = objects(account.sources);
				return {
					id: String(account.id),
					name: text(account.name) ?? String(account.id),
					status: text(sources[0]?.status) ?? 'UNKNOWN',
				};
			});
		return { accounts, nextPageToken: text(response.cursor) };
	},

	options: { 'profile:get': PROFILE_OPTIONS, 'invitation:send': SEND_OPTIONS },

	operations: {
		async 'profile:get'(client, input, options): Promise<OperationResult> {
			const profile = await lookUpProfile(
				client,
				input.accountId,
				input.profile,
				lookupSettings(options),
			);
			return { simplified: profile, raw: profile };
		},

		async 'invitation:send'(client, input, options): Promise<OperationResult> {
			let lookup: IDataObject | undefined;
			let providerId = input.profile.value;
			if (input.profile.kind === 'publicIdentifier') {
				lookup = await lookUpProfile(client, input.accountId, input.profile, CLASSIC_LOOKUP);
				const found = text(lookup.provider_id);
				if (!found) {
					throw new Error(
						`Unipile returned the profile "${input.profile.value}" without a provider_id, so no invitation was sent.`,
					);
				}
				providerId = found;
			}
			const body: IDataObject = { provider_id: providerId, account_id: input.accountId };
			if (input.message) body.message = input.message;
			const userEmail = text(options.userEmail);
			if (userEmail) body.user_email = userEmail;
			const { body: sent, confirmedAfterError } = await client.writeOnce(
				{ method: 'POST', url: `${API}/users/invite`, body },
				async (sentAt) => await findSentInvitation(client, input.accountId, providerId, sentAt),
			);
			const simplified: IDataObject = {
				...sent,
				provider_id: providerId,
				...(lookup ? pick(lookup, PROFILE_SUMMARY_FIELDS.slice(1)) : {}),
				...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
			};
			return { simplified, raw: sent };
		},
	},
};

/**
 * A local stand-in for Unipile's API v2 (accounts, LinkedIn users, relation requests, relations,
 * chats and messages, webhook endpoints, LinkedIn people searches and their filter IDs), speaking its documented wire format: `X-API-KEY`, paths under `/v2` with the
 * account in the path (`/v2/{account_id}/…`), `{object: "Error", type, status, title, detail,
 * req_id}` error bodies, `{data, total_count?, next_cursor?}` cursor/offset lists and
 * `{object, data, has_more}` offset lists. It records every request and can inject faults (base.js).
 *
 * Sources, cited at each handler with the tags of the v2 fact sheet:
 * - PY: unipile/unipile-python @6171191821e77c2d8f10e84c75c7237c5a7814d7 (OpenAPI-generated SDK,
 *   "only for Unipile API v2"), cited as file:line;
 * - TS: unipile/unipile-node types.gen.ts @0b17e714 / sdk.gen.ts @013bcbfb (a newer generation);
 * - N8N: unipile/n8n-nodes-unipile @21c72297 (Unipile's own n8n node for v2);
 * - DOC: developer.unipile.com/v2.0 pages (api-usage, error-responses, configure-a-webhook,
 *   migration-webhooks, migration-from-v1, migration-messaging-api, linkedin-send-messages,
 *   reference/event-types-1), of which only the opening is held.
 * The SDKs declare no error responses: every error type beyond the five DOC shows, and every
 * status for one, is marked ASSUMPTION where it is answered. So is what no source shows of a
 * webhook delivery (its headers, signature and relation payload).
 *
 *   node test/fakes/unipileV2.js [--port 0] [--api-key KEY]
 * prints one JSON line {"service":"Unipile v2","url":...} once listening (control endpoints: base.js).
 */
'use strict';
const { createHash, createHmac, randomInt, randomUUID } = require('node:crypto');
const { FakeService, runFromCommandLine, SANDBOX_HEADER } = require('./base');
const { PEOPLE } = require('./people');

const DEFAULT_API_KEY = 'sandbox-unipile-v2-key';

/**
 * `trigger_events` values: PY create_webhook_endpoint_request.py:41-42 (with
 * `relation.request.accept`, `account.status.paused`) and TS CreateWebhookEndpointData (with
 * `relation.new`, `account.status.degraded|partial`, `account.locked|unlocked`,
 * `message.reaction.delete`). The union by default; `knownEvents` narrows it to one generation.
 */
const COMMON_EVENTS = [
	'account.status.disconnected',
	'account.status.running',
	'account.status.errored',
	'account.add',
	'account.reconnect',
	'account.remove',
	'account.initial_sync.running',
	'account.initial_sync.failed',
	'account.initial_sync.completed',
	'message.new',
	'message.update',
	'message.delete',
	'message.receipt.read',
	'message.receipt.delivery',
	'message.reaction.new',
	'chat.delete',
	'chat.update',
	'email.new',
	'email.new.bounce',
	'email.delete',
	'email.draft.new',
	'email.draft.delete',
	'email.folder.create',
	'email.folder.update',
	'email.folder.delete',
	'calendar.create',
	'calendar.update',
	'calendar.delete',
	'calendar.event.new',
	'calendar.event.update',
	'calendar.event.delete',
	'tracking.open',
	'tracking.click',
];
const PY_EVENTS = [...COMMON_EVENTS, 'account.status.paused', 'relation.request.accept'];
const TS_EVENTS = [
	...COMMON_EVENTS,
	'account.status.degraded',
	'account.status.partial',
	'account.locked',
	'account.unlocked',
	'message.reaction.delete',
	'relation.new',
];
const EVENT_SETS = {
	both: [...new Set([...PY_EVENTS, ...TS_EVENTS])],
	py: PY_EVENTS,
	ts: TS_EVENTS,
};
const RELATION_EVENTS = ['relation.new', 'relation.request.accept'];
/** A new message, received or sent (both generations' enums). */
const MESSAGE_EVENT = 'message.new';

/**
 * DOC /v2.0/docs/linkedin-send-messages: "For LinkedIn Classic, the correct Inbox to initiate a
 * conversation is CLASSIC_PRIMARY"; "Only the Primary Inbox of a specific product is allowed to
 * initiate a chat". ASSUMPTION: the sandbox accounts have LinkedIn Classic only, so any other inbox
 * id is unknown (404).
 */
const CLASSIC_INBOX = 'CLASSIC_PRIMARY';

/** ASSUMPTION: the longest message text (no v2 source gives one; LinkedIn's message box takes 8000). */
const MAX_MESSAGE_LENGTH = 8000;

/** DOC get_messages_list: `before` and `after` "Must be an ISO 8601 UTC datetime (YYYY-MM-DDTHH:MM:SS.sssZ)". */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** TS GetUserProfileData `with_sections` (each also as `…_preview`) and `variant`. */
const SECTIONS = [
	'linkedin_experience',
	'linkedin_education',
	'linkedin_languages',
	'linkedin_skills',
	'linkedin_certifications',
	'linkedin_volunteer_experience',
	'linkedin_projects',
	'linkedin_recommendations',
	'linkedin_recruiting_activity',
	'linkedin_interests',
];
const VARIANTS = ['linkedin_classic', 'linkedin_recruiter', 'linkedin_sales_navigator'];

/** An `Account` (PY docs/Account1.md:8-19, models/account1.py:34-85; TS ListAccountsResponses). */
function account(id, name, provider, status, userId, createdAt) {
	return {
		object: 'Account',
		id,
		user_id: userId,
		name,
		created_at: createdAt,
		application_id: 'app_sandbox',
		status,
		provider,
		is_locked: false,
		account_scope_id: null,
		metadata: {},
	};
}

function seedAccounts() {
	return [
		account(
			'acc_ada_sales',
			'Ada Lovelace',
			'linkedin',
			'running',
			'ACoAAAadaLovelaceOwner000000000000000000',
			'2026-01-05T09:00:00.000Z',
		),
		account(
			'acc_whatsapp',
			'Support line',
			'whatsapp',
			'running',
			'33100000000@s.whatsapp.net',
			'2026-01-06T09:00:00.000Z',
		),
		account(
			'acc_grace_recruiting',
			'Grace Hopper',
			'linkedin',
			'disconnected',
			'ACoAAAgraceHopperOwner00000000000000000',
			'2026-02-01T09:00:00.000Z',
		),
		account(
			'acc_alan_founder',
			'Alan Turing',
			'linkedin',
			'running',
			'ACoAAAalanTuringOwner0000000000000000000',
			'2026-03-01T09:00:00.000Z',
		),
	];
}

/**
 * A `UserProfile` (PY docs/GetUserProfile200Response.md:8-39, GetUserProfile200ResponseSpecifics.md:8-35).
 * ASSUMPTION: the member's LinkedIn headline is in `description` (no `headline` field exists in v2's
 * profile; see services/unipileV2/profiles.ts headlineOf).
 */
function profileOf(person) {
	return {
		object: 'UserProfile',
		id: person.providerId,
		type: 'individual',
		provider: 'linkedin',
		public_identifier: person.publicIdentifier,
		display_name: `${person.firstName} ${person.lastName}`,
		first_name: person.firstName,
		last_name: person.lastName,
		profile_url: `https://www.linkedin.com/in/${encodeURIComponent(person.publicIdentifier)}`,
		description: person.headline,
		location: person.location ?? 'Paris, Île-de-France, France',
		is_blocked: false,
		websites: [],
		specifics: {
			member_id: `${100_000 + person.providerId.length}`,
			network_distance: 'SECOND_DEGREE',
			can_send_inmail: false,
			is_open_profile: false,
			is_premium: false,
		},
	};
}

/**
 * A `User` as a relation or a relation request carries it (PY docs/LinkedInRelationRequestUser.md:9-17;
 * TS adds `first_name`, `last_name` and the LinkedIn `specifics` {location, network_distance, …}).
 */
function userOf(profile, networkDistance) {
	return {
		object: 'User',
		id: profile.id,
		type: 'individual',
		public_identifier: profile.public_identifier,
		display_name: profile.display_name,
		first_name: profile.first_name,
		last_name: profile.last_name,
		profile_url: profile.profile_url,
		description: profile.description,
		specifics: { location: profile.location, network_distance: networkDistance },
	};
}

/**
 * Profile → Search's sandbox table of LinkedIn filter IDs (the parameters route answers it): a few
 * locations, each a place and its country, and a few companies. LinkedIn's IDs are numeric strings
 * (PY docs/PerformClassicPeopleSearchRequest.md: "A list of parameter IDs"); these are the
 * sandbox's own and were not checked against LinkedIn.
 */
const SEARCH_LOCATIONS = [
	{ id: '105015875', name: 'France' },
	{ id: '106383538', name: 'Paris, Île-de-France, France', within: '105015875' },
	{ id: '101165590', name: 'United Kingdom' },
	{ id: '102257491', name: 'London, England, United Kingdom', within: '101165590' },
	{ id: '103644278', name: 'United States' },
	{ id: '102277331', name: 'San Francisco, California, United States', within: '103644278' },
	{ id: '101282230', name: 'Germany' },
	{ id: '106967730', name: 'Berlin, Germany', within: '101282230' },
];
const SEARCH_COMPANIES = [
	{ id: '1000001', name: 'Analytical Engines Ltd' },
	{ id: '1000002', name: 'Babbage & Co' },
	{ id: '1000003', name: 'Unipile' },
	{ id: '1000004', name: 'Difference Works' },
	{ id: '1000005', name: 'Jacquard Looms' },
];
const SEARCH_PLACES = SEARCH_LOCATIONS.filter((l) => l.within);
const TITLES = [
	'Software Engineer',
	'Head of Sales',
	'Data Engineer',
	'Product Manager',
	'Sales Engineer',
	'Account Executive',
	'Founder',
	'Engineering Manager',
];
const FIRST_NAMES = [
	'Ava',
	'Noah',
	'Lea',
	'Omar',
	'Mia',
	'Lucas',
	'Zoe',
	'Ethan',
	'Ines',
	'Hugo',
	'Sofia',
	'Adam',
];
const LAST_NAMES = [
	'Martin',
	'Bernard',
	'Nguyen',
	'Rossi',
	'Schmidt',
	'Kowalski',
	'Dubois',
	'Garcia',
	'Okafor',
	'Larsen',
	'Moreau',
];

/** A stable id-like string from `seed` (base64url, as LinkedIn's member ids are written). */
const idPart = (seed, length) =>
	createHash('sha256').update(seed).digest('base64url').slice(0, length);

/**
 * The members a search finds: PEOPLE, then 120 generated ones, in this order; every one has a
 * Classic `ACo…` id (its profile's `id`, the id invitations take) and a Sales Navigator `ACw…` id
 * with a lead URL (fact sheet §1.7: "Classic IDs start ACo…, Sales Navigator ACw…"; v1's Sales
 * Navigator results gave `…/sales/lead/ACwAA…,NAME_SEARCH,…`). Invented and deterministic.
 */
function searchMembers() {
	const fixed = PEOPLE.map((person) => ({
		person,
		title: person.headline,
		company: / at Unipile$/.test(person.headline) ? SEARCH_COMPANIES[2] : undefined,
		place: SEARCH_PLACES[0],
		distance: 'SECOND_DEGREE',
	}));
	const generated = Array.from({ length: 120 }, (_, i) => {
		const firstName = FIRST_NAMES[i % FIRST_NAMES.length];
		const lastName = LAST_NAMES[(i * 7) % LAST_NAMES.length];
		const title = TITLES[i % TITLES.length];
		const company = SEARCH_COMPANIES[i % SEARCH_COMPANIES.length];
		const place = SEARCH_PLACES[Math.floor(i / TITLES.length) % SEARCH_PLACES.length];
		return {
			person: {
				publicIdentifier: `${firstName}-${lastName}-${i + 1}`.toLowerCase(),
				providerId: `ACoAAS${idPart(`member-${i}`, 34)}`,
				firstName,
				lastName,
				headline: `${title} at ${company.name}`,
				location: place.name,
			},
			title,
			company,
			place,
			distance: i % 10 === 9 ? 'OUT_OF_NETWORK' : i % 3 === 0 ? 'THIRD_DEGREE' : 'SECOND_DEGREE',
		};
	});
	return [...fixed, ...generated].map((member, index) => {
		const salesId = `ACwAA${idPart(`sales-${member.person.providerId}`, 34)}`;
		return {
			...member,
			index,
			salesId,
			leadUrl: `https://www.linkedin.com/sales/lead/${salesId},NAME_SEARCH,${idPart(salesId, 4)}`,
			locationIds: [member.place.id, member.place.within],
		};
	});
}

const SEARCH_MEMBERS = searchMembers();

const linkedInAccountIds = (accounts) =>
	accounts.filter((a) => a.provider === 'linkedin').map((a) => a.id);

function seedConnections(accounts) {
	return linkedInAccountIds(accounts).flatMap((accountId) =>
		PEOPLE.filter((p) => p.connected).map((p) => ({
			id: `rel_${accountId}_${p.publicIdentifier}`,
			account_id: accountId,
			provider_id: p.providerId,
			created_at: p.connectedAt,
		})),
	);
}

function seedReceived(accounts) {
	let next = 8_000_000_000;
	return linkedInAccountIds(accounts).flatMap((accountId) =>
		PEOPLE.filter((p) => p.invites).map((p) => ({
			id: String(next++),
			account_id: accountId,
			provider_id: p.providerId,
			message: p.note,
			created_at: p.invitedAt,
		})),
	);
}

/**
 * DOC /v2.0/reference/error-responses: "An error response is always of the following shape"
 * `{object: "Error", type, status, title, detail, req_id}`.
 */
function errorBody(status, type, title, detail) {
	return {
		object: 'Error',
		type,
		status,
		title,
		detail: detail ?? title,
		req_id: `req_${randomInt(1e9)}`,
	};
}

/** DOC: 400 `api/invalid_parameters`, "does not respect the required shape. See detail". */
const invalid = (detail) => [
	400,
	errorBody(400, 'api/invalid_parameters', 'Invalid parameters', detail),
];

/** ASSUMPTION: a missing resource (no type for it is shown): 404 `api/resource_not_found`. */
const notFound = (title, detail) => [404, errorBody(404, 'api/resource_not_found', title, detail)];

const encodeCursor = (offset) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeCursor(cursor) {
	try {
		const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}

/** A query value that must be a whole number (the SDKs type it as a number or a numeric string). */
function wholeNumber(value, fallback) {
	if (value === undefined) return fallback;
	return /^\d+$/.test(value) ? Number(value) : NaN;
}

/** What is wrong with a value PY types `List[str]` (items nullable where `nullable`). */
function stringListProblem(name, value, nullable = true) {
	if (value === undefined) return undefined;
	if (
		!Array.isArray(value) ||
		value.some((v) => !(typeof v === 'string' || (nullable && v === null)))
	)
		return `${name} must be a list of strings.`;
	return undefined;
}

/** Classic people search body (PY models/perform_classic_people_search_request.py:31-57). */
function classicProblem(body) {
	if (body.keywords !== undefined && typeof body.keywords !== 'string')
		return 'keywords must be a string.';
	if (
		body.network_distance !== undefined &&
		(!Array.isArray(body.network_distance) ||
			body.network_distance.some((d) => ![1, 2, 3].includes(d)))
	)
		return 'network_distance: each list item must be one of (1, 2, 3).';
	for (const name of [
		'location',
		'current_company',
		'past_company',
		'school',
		'industry',
		'service',
	]) {
		const problem = stringListProblem(name, body[name]);
		if (problem) return problem;
	}
	for (const name of ['connections_of', 'followers_of'])
		if (body[name] !== undefined && typeof body[name] !== 'string')
			return `${name} must be a string (one parameter ID).`;
	if (
		body.profile_language !== undefined &&
		(!Array.isArray(body.profile_language) ||
			body.profile_language.some((l) => typeof l !== 'string' || l.length !== 2))
	)
		return 'profile_language must be a list of ISO 639-1 codes.';
	if (body.open_to_volunteering !== undefined && typeof body.open_to_volunteering !== 'boolean')
		return 'open_to_volunteering must be a boolean.';
	if (body.advanced_keywords !== undefined) {
		const advanced = body.advanced_keywords;
		if (!advanced || typeof advanced !== 'object' || Array.isArray(advanced))
			return 'advanced_keywords must be an object.';
		// PY docs/PerformClassicPeopleSearchRequestAdvancedKeywords.md:9-13 (strings).
		for (const name of ['first_name', 'last_name', 'title', 'company', 'school'])
			if (advanced[name] !== undefined && typeof advanced[name] !== 'string')
				return `advanced_keywords.${name} must be a string.`;
	}
	return undefined;
}

/** The `{include, exclude}` filters of a Sales Navigator body (each model's `__properties`). */
const SALES_INCLUDE_EXCLUDE = [
	'current_company',
	'past_company',
	'company_location',
	'function',
	'current_job_title',
	'past_job_title',
	'seniority',
	'location',
	'postal_code',
	'industry',
	'group',
	'school',
	'account_list',
	'lead_list',
];
const SENIORITIES = [
	'OWNER/PARTNER',
	'CXO',
	'VICE_PRESIDENT',
	'DIRECTOR',
	'EXPERIENCED_MANAGER',
	'ENTRY_LEVEL_MANAGER',
	'STRATEGIC',
	'SENIOR',
	'ENTRY_LEVEL',
	'IN_TRAINING',
];
const COMPANY_TYPES = [
	'PUBLIC_COMPANY',
	'PRIVATELY_HELD',
	'NON_PROFIT',
	'EDUCATIONAL_INSTITUTION',
	'PARTNERSHIP',
	'SELF_EMPLOYED',
	'SELF_OWNED',
	'GOVERNMENT_AGENCY',
];

/** Sales Navigator people search body (PY models/perform_sales_people_search_request.py:54-102). */
function salesNavigatorProblem(body) {
	if (body.keywords !== undefined && typeof body.keywords !== 'string')
		return 'keywords must be a string.';
	for (const name of ['first_name', 'last_name', 'company_type']) {
		const problem = stringListProblem(name, body[name], false);
		if (problem) return problem;
	}
	for (const name of SALES_INCLUDE_EXCLUDE) {
		const filter = body[name];
		if (filter === undefined) continue;
		if (!filter || typeof filter !== 'object' || Array.isArray(filter))
			return `${name} must be an object with include and/or exclude.`;
		const problem =
			stringListProblem(`${name}.include`, filter.include) ??
			stringListProblem(`${name}.exclude`, filter.exclude, false);
		if (problem) return problem;
	}
	// models/perform_sales_people_search_request.py:94-102.
	if ((body.company_type ?? []).some((t) => !COMPANY_TYPES.includes(t)))
		return `company_type: each list item must be one of (${COMPANY_TYPES.join(', ')}).`;
	// models/perform_sales_people_search_request_seniority.py:42,53.
	for (const side of ['include', 'exclude'])
		if ((body.seniority?.[side] ?? []).some((s) => !SENIORITIES.includes(s)))
			return `seniority.${side}: each list item must be one of (${SENIORITIES.join(', ')}).`;
	// Each item float or str (models/get_recruiter_talent_pool_applicants_request_network_distance_inner.py).
	if (
		body.network_distance !== undefined &&
		(!Array.isArray(body.network_distance) ||
			body.network_distance.some((d) => typeof d !== 'number' && typeof d !== 'string'))
	)
		return 'network_distance must be a list of 1, 2, 3 or GROUP.';
	return undefined;
}

const lower = (value) => String(value ?? '').toLowerCase();

/** LinkedIn's keywords as this sandbox reads them: every word somewhere in the member's card. */
function keywordsMatch(keywords, member) {
	const words = lower(keywords).split(/\s+/).filter(Boolean);
	const card = lower(
		`${member.person.firstName} ${member.person.lastName} ${member.person.headline} ${member.place.name} ${member.company?.name ?? ''}`,
	);
	return words.every((word) => card.includes(word));
}

/** 1, 2 or 3 (3: third degree or out of network). */
function degreeOf(distance) {
	return { FIRST_DEGREE: 1, SECOND_DEGREE: 2 }[distance] ?? 3;
}

function classicMatch(body, member) {
	if (body.keywords && !keywordsMatch(body.keywords, member)) return false;
	const advanced = body.advanced_keywords ?? {};
	if (advanced.title && !lower(member.title).includes(lower(advanced.title))) return false;
	if (advanced.company && !lower(member.company?.name).includes(lower(advanced.company)))
		return false;
	if (advanced.first_name && lower(member.person.firstName) !== lower(advanced.first_name))
		return false;
	if (advanced.last_name && lower(member.person.lastName) !== lower(advanced.last_name))
		return false;
	if (body.current_company && !body.current_company.includes(member.company?.id)) return false;
	if (body.location && !body.location.some((id) => member.locationIds.includes(id))) return false;
	if (body.network_distance && !body.network_distance.includes(degreeOf(member.distance)))
		return false;
	return true;
}

/**
 * An `{include, exclude}` filter: an ID matches the member's ID, any other text (ASSUMPTION, see
 * services/unipileV2/search.ts: v1's "plain text … instead") is found in `textOf`.
 */
function includeExcludeMatch(filter, idOf, textOf) {
	if (!filter) return true;
	const hit = (value) =>
		value !== null &&
		(value === idOf || (!/^\d+$/.test(value) && lower(textOf).includes(lower(value))));
	if (filter.include?.length && !filter.include.some(hit)) return false;
	if (filter.exclude?.some(hit)) return false;
	return true;
}

function salesNavigatorMatch(body, member) {
	if (body.keywords && !keywordsMatch(body.keywords, member)) return false;
	if (!includeExcludeMatch(body.current_job_title, undefined, member.title)) return false;
	if (!includeExcludeMatch(body.current_company, member.company?.id, member.company?.name ?? ''))
		return false;
	if (body.location) {
		const { include = [], exclude = [] } = body.location;
		if (include.length && !include.some((id) => member.locationIds.includes(id))) return false;
		if (exclude.some((id) => member.locationIds.includes(id))) return false;
	}
	if (
		body.first_name?.length &&
		!body.first_name.map(lower).includes(lower(member.person.firstName))
	)
		return false;
	if (body.last_name?.length && !body.last_name.map(lower).includes(lower(member.person.lastName)))
		return false;
	if (body.network_distance && !body.network_distance.includes(degreeOf(member.distance)))
		return false;
	return true;
}

class FakeUnipileV2 extends FakeService {
	/** @param {{ apiKey?: string, label?: boolean }} [options] */
	constructor({ apiKey = DEFAULT_API_KEY, label = false } = {}) {
		// DOC api-usage: "Set your API Key in a X-API-KEY header" (node lower-cases header names).
		super({ apiKey, keyHeader: 'x-api-key', label });
		/** @type {any[]} pending invitations the accounts sent */
		this.invitations = [];
		/** @type {any[]} */
		this.accounts = [];
		/** @type {any[]} */
		this.profiles = [];
		/** @type {any[]} */
		this.connections = [];
		/** @type {any[]} */
		this.received = [];
		/** @type {any[]} */
		this.withdrawn = [];
		/** @type {any[]} */
		this.chats = [];
		/** @type {any[]} */
		this.messages = [];
		/** @type {Set<Promise<unknown>>} */
		this.pending = new Set();
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		// PEOPLE first, then the members only a search finds (SEARCH_MEMBERS).
		this.profiles = SEARCH_MEMBERS.map((m) => profileOf(m.person));
		this.invitations = [];
		this.connections = seedConnections(this.accounts);
		this.received = seedReceived(this.accounts);
		this.withdrawn = [];
		/** 1:1 chats `{id, account_id, provider_id, inbox_id, created_at}`, one per account and member. */
		this.chats = [];
		/** `{id, seq, chat_id, account_id, text, sender_id, is_sender, timestamp}`, in the order written. */
		this.messages = [];
		/** Deliveries scheduled after an answer (the account's own messages), not yet made. */
		this.pending = new Set();
		/** Which SDK generation's `trigger_events` the server knows: 'both', 'py' or 'ts'. */
		this.knownEvents = 'both';
		/**
		 * Whether lists answer `next_cursor` (PY: "If supported by the provider, use next_cursor …
		 * else use offset"); false: offset paging with `total_count` only.
		 */
		this.cursorPaging = true;
		/** Searches repeat the last member of a page first on the next (see searchPage). */
		this.searchDuplicates = false;
	}

	/**
	 * ASSUMPTION (DOC's table stores no type for a wrong key): `api/invalid_auth_format`, "The given
	 * account token is invalid.", with its documented status 400.
	 */
	unauthorised() {
		return [
			400,
			errorBody(
				400,
				'api/invalid_auth_format',
				'Invalid auth format',
				'The given account token is invalid.',
			),
		];
	}

	/** ASSUMPTION: a server error's type. */
	serverError() {
		return errorBody(500, 'api/unexpected_error', 'Unexpected error');
	}

	isConnected(accountId, providerId) {
		return this.connections.some((c) => c.account_id === accountId && c.provider_id === providerId);
	}

	/**
	 * A member by Classic id, public identifier or (ASSUMPTION, as v1's profile route converts them,
	 * DOC v1 users-overview) Sales Navigator id: the profile is the Classic one, its `id` the `ACo…` id.
	 */
	findProfile(identifier) {
		const wanted = String(identifier).toLowerCase();
		const id =
			SEARCH_MEMBERS.find((m) => m.salesId === identifier)?.person.providerId ?? identifier;
		return this.profiles.find((p) => p.id === id || p.public_identifier.toLowerCase() === wanted);
	}

	/**
	 * The member (provider id or public identifier) accepts the account's pending invitation: it
	 * leaves the sent list and they become a relation (no webhook is told; see simulateAcceptance).
	 */
	acceptSentInvitation(member, accountId = 'acc_ada_sales') {
		const person = this.findProfile(String(member));
		const index = this.invitations.findIndex(
			(i) => person && i.provider_id === person.id && i.account_id === accountId,
		);
		if (index < 0) throw new Error(`no pending invitation to ${member} from ${accountId}`);
		this.invitations.splice(index, 1);
		this.connections.push({
			id: `rel_${accountId}_${person.public_identifier}`,
			account_id: accountId,
			provider_id: person.id,
			created_at: new Date().toISOString(),
		});
	}

	/** Adds pending invitations from an account to members the fake does not otherwise know. */
	seedSentInvitations(count, { accountId = 'acc_ada_sales', sentAt = new Date() } = {}) {
		for (let i = 0; i < count; i++) {
			const n = this.invitations.length;
			const id = `ACoAAZZZseeded${String(n).padStart(26, '0')}`;
			this.invitations.push({
				id: String(6_000_000_000 + n),
				account_id: accountId,
				provider_id: id,
				message: null,
				created_at: new Date(sentAt).toISOString(),
				user: {
					object: 'User',
					id,
					type: 'individual',
					public_identifier: `seeded-member-${n}`,
					display_name: `Seeded Member ${n}`,
				},
			});
		}
	}

	/** The documented routes. Returns [status, body, headers?]. */
	route({ method, path, query, body }) {
		const segments = path.split('/').slice(1);
		// The SDKs write collection routes with a trailing slash (`/v2/accounts/`), N8N without.
		if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
		if (segments[0] !== 'v2') return notFound('Not found', `No route for ${method} ${path}.`);
		const route = segments.slice(1).map((s) => decodeURIComponent(s));

		if (route[0] === 'accounts') return this.accountRoute(method, route, query);
		if (route[0] === 'webhooks' && route[1] === 'endpoints')
			return this.webhookRoute(method, route.slice(2), query, body);
		if (route.length >= 2 && route[1] === 'users') {
			const { error, account } = this.linkedInAccount(route[0]);
			if (error) return error;
			return this.userRoute(method, account, route.slice(2), query, body);
		}
		if (route.length >= 2 && route[1] === 'linkedin') {
			const { error, account } = this.linkedInAccount(route[0]);
			if (error) return error;
			return this.linkedInRoute(method, account, route.slice(2), query, body);
		}
		if (route.length >= 2 && (route[1] === 'chats' || route[1] === 'inboxes')) {
			const { error, account } = this.linkedInAccount(route[0]);
			if (error) return error;
			return route[1] === 'chats'
				? this.chatRoute(method, account, route.slice(2), query, body)
				: this.inboxRoute(method, account, route.slice(2), body);
		}
		return notFound('Not found', `No route for ${method} ${path}.`);
	}

	/**
	 * `GET /v2/accounts/` (PY accounts_api.py:619-620, docs/AccountsApi.md:152-156; N8N calls it
	 * without the slash, both accepted): `status`, `provider`, `search`, `offset`, `limit` (strings,
	 * limit default '20'), answering `{object: "Accounts", data, has_more}`
	 * (docs/ListAccounts200Response.md:8-10). `GET /v2/accounts/{id}`: one Account (AccountsApi.md:13-88).
	 */
	accountRoute(method, route, query) {
		if (method !== 'GET') return notFound('Not found', `No ${method} on accounts.`);
		if (route.length === 2) {
			const found = this.accounts.find((a) => a.id === route[1]);
			return found ? [200, found] : notFound('Account not found', `No account ${route[1]}.`);
		}
		if (route.length !== 1) return notFound('Not found', 'No such accounts route.');
		const providers = [
			'mock',
			'whatsapp',
			'linkedin',
			'google',
			'outlook',
			'imap',
			'telegram',
			'instagram',
		];
		if (query.provider !== undefined && !providers.includes(query.provider))
			return invalid(`provider must be one of ${providers.join(', ')}.`);
		const statuses = ['running', 'errored', 'disconnected', 'paused', 'degraded', 'partial'];
		if (query.status !== undefined && !statuses.includes(query.status))
			return invalid(`status must be one of ${statuses.join(', ')}.`);
		const wanted = query.search?.toLowerCase();
		const items = this.accounts.filter(
			(a) =>
				(!query.provider || a.provider === query.provider) &&
				(!query.status || a.status === query.status) &&
				(!wanted || `${a.name} ${a.id}`.toLowerCase().includes(wanted)),
		);
		const page = this.offsetPage(items, query);
		if (page.error) return page.error;
		return [200, { object: 'Accounts', data: page.slice, has_more: page.hasMore }];
	}

	/** `offset`/`limit` as the account and webhook lists take them (strings; has_more, no cursor). */
	offsetPage(items, query) {
		const limit = wholeNumber(query.limit, 20);
		const offset = wholeNumber(query.offset, 0);
		// ASSUMPTION: the maximum limit is NOT SHOWN; 250 here.
		const page = this.pageOf(items, offset, limit, 250, invalid);
		if (page.error) return page;
		return { slice: page.slice, hasMore: page.next !== undefined };
	}

	/**
	 * Lists under `/v2/{account_id}/users/…` (PY docs/UsersApi.md:513-596, 685-770): `cursor`
	 * ("If supported by the provider, use `next_cursor` given by the previous page of the list, else
	 * use `offset`"), `offset`, `limit` (default 20; ASSUMPTION: at most 100, the maximum being NOT
	 * SHOWN), answering `{data, total_count?, next_cursor?}`.
	 */
	cursorPage(items, query) {
		const limit = wholeNumber(query.limit, 20);
		let offset = wholeNumber(query.offset, 0);
		if (query.cursor !== undefined) {
			offset = decodeCursor(query.cursor);
			if (offset === undefined) return { error: invalid('Invalid cursor.') };
		}
		const page = this.pageOf(items, offset, limit, 100, invalid);
		if (page.error) return page;
		const answer = { data: page.slice, total_count: items.length };
		if (this.cursorPaging && page.next !== undefined) answer.next_cursor = encodeCursor(page.next);
		return { answer };
	}

	/**
	 * The account in `/v2/{account_id}/…` (PY param docs: "ID of the Account (acc_xxx)").
	 * ASSUMPTION: an unknown account is 404 `api/resource_not_found`; a non-LinkedIn one is refused
	 * as an invalid parameter.
	 */
	linkedInAccount(accountId) {
		const found = this.accounts.find((a) => a.id === accountId);
		if (!found) return { error: notFound('Account not found', `No account with id ${accountId}.`) };
		if (found.provider !== 'linkedin')
			return { error: invalid(`The account ${accountId} is not a LinkedIn account.`) };
		return { account: found };
	}

	userRoute(method, account, route, query, body) {
		if (route[0] === 'me' && route[1] === 'relation-requests')
			return this.relationRequestRoute(method, account, route.slice(2), query, body);
		if (method === 'GET' && route.length === 2 && route[1] === 'relations')
			return this.listRelations(account, route[0], query);
		if (method === 'GET' && route.length === 2 && route[1] === 'chat')
			return this.userChat(account, route[0]);
		if (method === 'GET' && route.length === 1) return this.getProfile(account, route[0], query);
		return notFound('Not found', `No route for ${method} users/${route.join('/')}.`);
	}

	/** The LinkedIn member behind a connected account, as a UserProfile (`me`). */
	owner(account) {
		const [first, ...rest] = account.name.split(' ');
		const slug = account.name.toLowerCase().replace(/\s+/g, '-');
		return {
			object: 'UserProfile',
			id: account.user_id,
			type: 'individual',
			provider: 'linkedin',
			public_identifier: slug,
			display_name: account.name,
			first_name: first,
			last_name: rest.join(' '),
			profile_url: `https://www.linkedin.com/in/${slug}`,
			description: 'Analyst at the Engine Company',
			location: 'London, England, United Kingdom',
			is_blocked: false,
			specifics: { member_id: '100001', network_distance: 'SELF', is_premium: true },
		};
	}

	/**
	 * `GET /v2/{account_id}/users/{user_id}` (PY users_api.py:2389-2390, docs/UsersApi.md:600-681):
	 * `me` is the account's owner; a provider id or (N8N) a public identifier finds the member.
	 * `with_sections` and `variant` are checked against TS's enums. The profile's `specifics` tell
	 * the member's standing: `network_distance`, `relation_request`, `relation_request_status`.
	 */
	getProfile(account, userId, query) {
		if (query.variant !== undefined && !VARIANTS.includes(query.variant))
			return invalid(`variant must be one of ${VARIANTS.join(', ')}.`);
		if (
			query.with_sections !== undefined &&
			!String(query.with_sections)
				.split(',')
				.every((s) => SECTIONS.includes(s.replace(/_preview$/, '')) || s === 'linkedin_*')
		)
			return invalid('Unknown with_sections value.');
		if (userId === 'me') return [200, this.owner(account)];
		const found = this.findProfile(userId);
		if (!found) return notFound('User not found', `No LinkedIn member "${userId}".`);
		const result = structuredClone(found);
		const connected = this.isConnected(account.id, found.id);
		result.specifics.network_distance = connected ? 'FIRST_DEGREE' : 'SECOND_DEGREE';
		const mine = (i) => i.provider_id === found.id && i.account_id === account.id;
		const sent = this.invitations.find(mine);
		const received = this.received.find(mine);
		if (sent) {
			result.specifics.relation_request = this.relationRequest(sent, 'sent');
			result.specifics.relation_request_status = 'PENDING';
		} else if (received) {
			result.specifics.relation_request = this.relationRequest(received, 'received');
			result.specifics.relation_request_status = 'PENDING';
		} else if (this.withdrawn.some(mine)) {
			result.specifics.relation_request_status = 'WITHDRAWN';
		}
		return [200, result];
	}

	/** A `RelationRequest` (PY docs/LinkedInRelationRequest.md:8-13; TS @~740000-752000). */
	relationRequest(request, type) {
		const profile = this.profiles.find((p) => p.id === request.provider_id);
		const answer = {
			object: 'RelationRequest',
			type,
			id: request.id,
			created_at: request.created_at,
			user:
				request.user ??
				userOf(
					profile,
					this.isConnected(request.account_id, profile.id) ? 'FIRST_DEGREE' : 'SECOND_DEGREE',
				),
		};
		if (request.message) answer.message = request.message;
		return answer;
	}

	/** `/v2/{account_id}/users/me/relation-requests[/{id}/accept|cancel]`. */
	relationRequestRoute(method, account, route, query, body) {
		if (route.length === 0 && method === 'POST') return this.invite(account, body);
		if (route.length === 0 && method === 'GET') return this.listRequests(account, query);
		if (route.length === 2 && method === 'POST' && route[1] === 'accept')
			return this.accept(account, route[0], body);
		if (route.length === 2 && method === 'POST' && route[1] === 'cancel')
			return this.cancel(account, route[0], body);
		return notFound('Not found', `No route for ${method} relation-requests/${route.join('/')}.`);
	}

	/**
	 * `POST /v2/{account_id}/users/me/relation-requests` (PY users_api.py:878-879,
	 * docs/UsersApi.md:185-263, docs/CreateRelationRequestRequest.md:8-9): `{user_id (required),
	 * message?}`, answering 201 a RelationRequest. ASSUMPTION: other fields are refused as a wrong
	 * shape, like a missing `user_id`. "Trying to send a relation request to an existing relation will
	 * fail": ASSUMPTION 422 `provider/already_connected`, and 422 `provider/already_invited_recently`
	 * for a pending invitation (v1's names under v2's prefix; the types are NOT SHOWN).
	 */
	invite(account, body) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return invalid('Expected a JSON object body.');
		const unknown = Object.keys(body).filter((k) => !['user_id', 'message'].includes(k));
		if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}.`);
		if (typeof body.user_id !== 'string' || !body.user_id) return invalid('user_id is required.');
		if (body.message !== undefined && typeof body.message !== 'string')
			return invalid('message must be a string.');
		// ASSUMPTION: LinkedIn's 300-character note limit (v2's maximum length is NOT SHOWN).
		if (body.message !== undefined && [...body.message].length > 300)
			return [
				400,
				errorBody(
					400,
					'provider/invalid_parameters',
					'Invalid parameters',
					'The message is too long.',
				),
			];
		// N8N: `user_id` is the "Stable provider user ID …, never a URL or a name".
		const target = this.profiles.find((p) => p.id === body.user_id);
		if (!target) return notFound('User not found', `No LinkedIn member with id "${body.user_id}".`);
		if (this.isConnected(account.id, target.id))
			return [
				422,
				errorBody(
					422,
					'provider/already_connected',
					'Already connected',
					'You are already connected with this user.',
				),
			];
		if (this.invitations.some((i) => i.provider_id === target.id && i.account_id === account.id))
			return [
				422,
				errorBody(
					422,
					'provider/already_invited_recently',
					'Already invited recently',
					'A relation request has already been sent recently to this user.',
				),
			];
		const invitation = {
			id: String(7_000_000_000 + randomInt(999_999_999)),
			account_id: account.id,
			provider_id: target.id,
			message: body.message || null,
			created_at: new Date().toISOString(),
		};
		this.invitations.push(invitation);
		return [201, this.relationRequest(invitation, 'sent')];
	}

	/**
	 * `GET /v2/{account_id}/users/me/relation-requests?type=sent|received` (PY users_api.py:2079-2080,
	 * docs/UsersApi.md:513-596): `type` required; pending requests only ("List all pending Relation /
	 * Follow requests"). ASSUMPTION: newest first (no order is stated).
	 */
	listRequests(account, query) {
		if (!['sent', 'received'].includes(query.type))
			return invalid('type must be sent or received.');
		const source = query.type === 'sent' ? this.invitations : this.received;
		const items = source
			.map((r, index) => ({ r, index }))
			.filter(({ r }) => r.account_id === account.id)
			.sort((a, b) => b.r.created_at.localeCompare(a.r.created_at) || b.index - a.index)
			.map(({ r }) => this.relationRequest(r, query.type));
		const page = this.cursorPage(items, query);
		if (page.error) return page.error;
		return [200, page.answer];
	}

	/**
	 * `POST …/relation-requests/{id}/accept`, no body (TS AcceptRelationRequestData `body?: never`),
	 * answering `{object: "RelationRequestConfirmed"}` (PY users_api.py:313-314,
	 * accept_relation_request200_response.py:37). "Trying to accept a sent relation request will
	 * fail": ASSUMPTION 400 `api/invalid_parameters`; an unknown id 404 (ASSUMPTION).
	 */
	accept(account, requestId, body) {
		if (body !== undefined && !(typeof body === 'object' && Object.keys(body).length === 0))
			return invalid('This route takes no body.');
		if (this.invitations.some((i) => i.id === requestId && i.account_id === account.id))
			return invalid('A sent relation request cannot be accepted.');
		const index = this.received.findIndex((r) => r.id === requestId && r.account_id === account.id);
		if (index < 0)
			return notFound('Relation request not found', `No relation request ${requestId}.`);
		const [accepted] = this.received.splice(index, 1);
		this.connections.push({
			id: `rel_${account.id}_${accepted.provider_id}`,
			account_id: account.id,
			provider_id: accepted.provider_id,
			created_at: new Date().toISOString(),
		});
		return [200, { object: 'RelationRequestConfirmed' }];
	}

	/**
	 * `POST …/relation-requests/{id}/cancel`, no body, answering `{object: "RelationRequestCanceled"}`
	 * (PY users_api.py:589-590, cancel_relation_request200_response.py:37): "Cancels the relation /
	 * follow request if sent by the owner of the account to another user. Refuses the relation /
	 * follow request if received by the owner of the account from another user."
	 */
	cancel(account, requestId, body) {
		if (body !== undefined && !(typeof body === 'object' && Object.keys(body).length === 0))
			return invalid('This route takes no body.');
		const sent = this.invitations.findIndex(
			(i) => i.id === requestId && i.account_id === account.id,
		);
		if (sent >= 0) {
			this.withdrawn.push(...this.invitations.splice(sent, 1));
			return [200, { object: 'RelationRequestCanceled' }];
		}
		const received = this.received.findIndex(
			(r) => r.id === requestId && r.account_id === account.id,
		);
		if (received >= 0) {
			this.received.splice(received, 1);
			return [200, { object: 'RelationRequestCanceled' }];
		}
		return notFound('Relation request not found', `No relation request ${requestId}.`);
	}

	/**
	 * `GET /v2/{account_id}/users/{user_id}/relations` (PY users_api.py:2733-2734,
	 * docs/UsersApi.md:685-770; N8N with `me`): `search` ("Any text input to filter out results"),
	 * items `{id, object: "UserRelation", created_at?, user}` (GetUserRelations200ResponseDataInner.md).
	 * This sandbox knows the account's own relations (`me`) only. ASSUMPTION: newest first.
	 */
	listRelations(account, userId, query) {
		if (userId !== 'me' && userId !== account.user_id)
			return notFound('User not found', 'This sandbox lists the account’s own relations only.');
		const wanted = query.search?.toLowerCase();
		const items = this.connections
			.map((c, index) => ({ c, index }))
			.filter(({ c }) => c.account_id === account.id)
			.sort((a, b) => b.c.created_at.localeCompare(a.c.created_at) || b.index - a.index)
			.map(({ c }) => {
				const profile = this.profiles.find((p) => p.id === c.provider_id);
				return {
					object: 'UserRelation',
					id: c.id,
					created_at: c.created_at,
					user: userOf(profile, 'FIRST_DEGREE'),
				};
			})
			.filter((r) => !wanted || r.user.display_name.toLowerCase().includes(wanted));
		const page = this.cursorPage(items, query);
		if (page.error) return page.error;
		return [200, page.answer];
	}

	/** The account's member connects with `person` (no webhook is told). */
	connect(accountId, person) {
		if (this.isConnected(accountId, person.id)) return;
		this.connections.push({
			id: `rel_${accountId}_${person.public_identifier}`,
			account_id: accountId,
			provider_id: person.id,
			created_at: new Date().toISOString(),
		});
	}

	/**
	 * The account's 1:1 chat with a member, created when asked to (DOC linkedin-send-messages:
	 * "LinkedIn generally allows only one individual chat per user"; "starting a chat with a user who
	 * already has an existing conversation will add a new message to that ongoing chat").
	 */
	chatWith(accountId, providerId, create) {
		let chat = this.chats.find((c) => c.account_id === accountId && c.provider_id === providerId);
		if (!chat && create) {
			chat = {
				id: `2-${Buffer.from(randomUUID()).toString('base64url').slice(0, 40)}`,
				account_id: accountId,
				provider_id: providerId,
				inbox_id: CLASSIC_INBOX,
				created_at: new Date().toISOString(),
			};
			this.chats.push(chat);
		}
		return chat;
	}

	/**
	 * Adds a message to a chat: from the account (`fromMe`) or from the chat's member.
	 * @param {any} chat
	 * @param {string} text
	 * @param {boolean} fromMe
	 * @param {Date | number | string} [at]
	 */
	addMessage(chat, text, fromMe, at = new Date()) {
		const account = this.accounts.find((a) => a.id === chat.account_id);
		const message = {
			id: `msg_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
			seq: this.messages.length,
			chat_id: chat.id,
			account_id: chat.account_id,
			text,
			sender_id: fromMe ? account.user_id : chat.provider_id,
			is_sender: fromMe,
			timestamp: new Date(at).toISOString(),
		};
		this.messages.push(message);
		return message;
	}

	/** The chat's messages, newest first (ties: the last written first). */
	messagesOf(chatIds) {
		return this.messages
			.filter((m) => chatIds.includes(m.chat_id))
			.sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.seq - a.seq);
	}

	/**
	 * The sender as a Message carries it (PY docs/GetMessagesList200ResponseDataInnerSender.md:9-17:
	 * `id`, `object`, `type`, `public_identifier?`, `display_name`, `profile_url?`, `description?`).
	 */
	senderOf(message) {
		const account = this.accounts.find((a) => a.id === message.account_id);
		const profile = message.is_sender
			? this.owner(account)
			: this.profiles.find((p) => p.id === message.sender_id);
		return {
			id: profile.id,
			object: 'User',
			type: 'individual',
			public_identifier: profile.public_identifier,
			display_name: profile.display_name,
			profile_url: profile.profile_url,
			description: profile.description,
		};
	}

	/** A `Message` (PY docs/GetMessagesList200ResponseDataInner.md:8-31, models/…_data_inner.py:66 `object: "Message"`). */
	messageOf(message) {
		return {
			object: 'Message',
			id: message.id,
			text: message.text,
			sender_id: message.sender_id,
			chat_id: message.chat_id,
			timestamp: message.timestamp,
			is_sender: message.is_sender,
			is_hidden: false,
			is_seen: false,
			is_delivered: true,
			is_deleted: false,
			is_edited: false,
			is_pinned: false,
			is_event: false,
			is_mentionned: false,
			reactions_counter: [],
			sender: this.senderOf(message),
			provider: 'linkedin',
			attachments: [],
		};
	}

	/**
	 * A 1:1 `Chat` (PY docs/GetChatsList200ResponseDataInner.md:8-35: `user_id` "The ID of the other
	 * participant in the chat if 1to1 chat", `user`, `last_message`, the `is_*` flags, `folders`).
	 */
	chatOf(chat) {
		const [last] = this.messagesOf([chat.id]);
		const member = this.profiles.find((p) => p.id === chat.provider_id);
		const answer = {
			object: 'Chat',
			id: chat.id,
			name: member.display_name,
			created_at: chat.created_at,
			updated_at: last?.timestamp ?? chat.created_at,
			muted_until: false,
			user_id: member.id,
			is_group: false,
			is_1to1: true,
			is_channel: false,
			type: '1to1',
			is_pinned: false,
			is_readonly: false,
			is_archived: false,
			folders: ['INBOX'],
			unread_count: 0,
			user: this.senderOf({ account_id: chat.account_id, is_sender: false, sender_id: member.id }),
			provider: 'linkedin',
		};
		if (last) {
			answer.last_message_timestamp = last.timestamp;
			answer.last_message = this.messageOf(last);
		}
		return answer;
	}

	/**
	 * `/v2/{account_id}/inboxes/{inbox_id}/chats/send`: "Start a Chat from Inbox" (PY
	 * MessagingApi.md:2006-2074, messaging_api.py:7506).
	 */
	inboxRoute(method, account, route, body) {
		if (route.length === 3 && method === 'POST' && route[1] === 'chats' && route[2] === 'send') {
			if (route[0] !== CLASSIC_INBOX)
				return notFound('Inbox not found', `No inbox ${route[0]} on this account.`);
			return this.startChat(account, body);
		}
		return notFound('Not found', `No route for ${method} inboxes/${route.join('/')}.`);
	}

	/**
	 * `/v2/{account_id}/chats…` (PY MessagingApi.md:5-31): `GET /chats` (List all Chats, :615-687),
	 * `POST /chats/send` (Start a Chat, :1918-1983), `GET /chats/{id}/messages` (:1058-1128) and
	 * `POST /chats/{id}/messages/send` (:1665-1730).
	 */
	chatRoute(method, account, route, query, body) {
		if (route.length === 0 && method === 'GET') return this.listChats(account, query);
		if (route.length === 1 && route[0] === 'send' && method === 'POST')
			return this.startChat(account, body);
		if (route.length >= 2 && route[1] === 'messages') {
			const chat = this.chats.find((c) => c.id === route[0] && c.account_id === account.id);
			if (!chat) return notFound('Chat not found', `No chat ${route[0]}.`);
			if (route.length === 2 && method === 'GET') return this.listMessages(chat, query);
			if (route.length === 3 && route[2] === 'send' && method === 'POST')
				return this.sendInChat(chat, body);
		}
		return notFound('Not found', `No route for ${method} chats/${route.join('/')}.`);
	}

	/** What is wrong with a message text (PY: `text` required, a string). */
	textProblem(text) {
		if (typeof text !== 'string') return invalid('text is required and must be a string.');
		// ASSUMPTION: LinkedIn cannot start a chat without a message ("if supported by the provider").
		if (!text.trim()) return invalid('text must not be empty.');
		if ([...text].length > MAX_MESSAGE_LENGTH)
			return [
				400,
				errorBody(
					400,
					'provider/invalid_parameters',
					'Invalid parameters',
					'The text is too long.',
				),
			];
		return undefined;
	}

	/**
	 * Start a Chat (from Inbox): JSON `{text, users_ids, name?, attachments?, specifics?}` (PY
	 * docs/StartChatFromInboxRequest.md:8-12, docs/StartChatRequest.md:8-12; DOC migration-messaging-api:
	 * "Content-Type header now only accepts application/json", "users_ids … accepts a single user ID as
	 * well as an array of user IDs"; PY models/start_chat_request_users_ids.py:34-36: a string "to start
	 * a 1to1 chat", a list "to start a group chat"). InMail: `specifics.linkedin.classic.inmail`
	 * (docs/LinkedInClassic.md:9). Answer 200 `{object: "ChatStarted", chat_id, message_id}`
	 * (docs/StartChat200Response.md:8-10). The existing 1:1 chat is continued (DOC
	 * linkedin-send-messages). ASSUMPTION: other fields are refused as a wrong shape; a list of more
	 * than one id (a group) is refused by this sandbox; a member who is neither a connection nor sent
	 * an InMail is refused with 422 `provider/no_connection_with_recipient` (v1's type and text under
	 * the `provider/` prefix; v2's are NOT SHOWN); the account's own message is then delivered to
	 * `message.new` webhooks, after the answer (DOC v1 new-messages-webhook: sent messages are
	 * included).
	 */
	startChat(account, body) {
		if (!body || typeof body !== 'object' || Array.isArray(body) || body._multipart)
			return invalid('Expected a JSON object body.');
		const allowed = ['text', 'name', 'users_ids', 'attachments', 'specifics'];
		const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
		if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}.`);
		const problem = this.textProblem(body.text);
		if (problem) return problem;
		const ids = typeof body.users_ids === 'string' ? [body.users_ids] : body.users_ids;
		if (!Array.isArray(ids) || !ids.length || ids.some((id) => typeof id !== 'string' || !id))
			return invalid('users_ids must be a user ID or a list of user IDs.');
		if (ids.length > 1) return invalid('This sandbox starts 1to1 chats only.');
		const specifics = body.specifics;
		if (specifics !== undefined && (typeof specifics !== 'object' || Array.isArray(specifics)))
			return invalid('specifics must be an object.');
		const inmail = specifics?.linkedin?.classic?.inmail;
		if (inmail !== undefined && typeof inmail !== 'boolean')
			return invalid('specifics.linkedin.classic.inmail must be a boolean.');
		const target = this.profiles.find((p) => p.id === ids[0]);
		if (!target) return notFound('User not found', `No LinkedIn member with id "${ids[0]}".`);
		if (!inmail && !this.isConnected(account.id, target.id))
			return [
				422,
				errorBody(
					422,
					'provider/no_connection_with_recipient',
					'No connection with recipient',
					'The recipient appears not to be first degree connection.',
				),
			];
		const chat = this.chatWith(account.id, target.id, true);
		const message = this.addMessage(chat, body.text, true);
		this.later(() => this.deliverMessage(account.id, message));
		return [200, { object: 'ChatStarted', chat_id: chat.id, message_id: message.id }];
	}

	/**
	 * Send a Message: JSON `{text, quote_id?, attachments?}` (PY docs/SendMessageRequest.md:8-10),
	 * answering 200 `{object: "MessageSent", message_id}` (docs/SendMessage200Response.md:8-9,
	 * models/send_message200_response.py:38). The account's own message is delivered as above.
	 */
	sendInChat(chat, body) {
		if (!body || typeof body !== 'object' || Array.isArray(body) || body._multipart)
			return invalid('Expected a JSON object body.');
		const unknown = Object.keys(body).filter(
			(k) => !['text', 'quote_id', 'attachments'].includes(k),
		);
		if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}.`);
		const problem = this.textProblem(body.text);
		if (problem) return problem;
		const message = this.addMessage(chat, body.text, true);
		this.later(() => this.deliverMessage(chat.account_id, message));
		return [200, { object: 'MessageSent', message_id: message.id }];
	}

	/**
	 * `GET /v2/{account_id}/users/{user_id}/chat` (PY MessagingApi.md:1240-1298): `{object:
	 * "ChatLookup", data: [{chat_id, inbox_id?, has_history?}]}`, "Empty if none could be resolved"
	 * (docs/GetUserChat200Response.md:8-9, GetUserChat200ResponseDataInner.md:8-10,
	 * models/get_user_chat200_response.py:38). ASSUMPTION: a public identifier finds the member too
	 * (as on the profile route); an unknown member is 404.
	 */
	userChat(account, userId) {
		const person = this.findProfile(userId);
		if (!person) return notFound('User not found', `No LinkedIn member "${userId}".`);
		// All of them: "multiple matches across inboxes or contexts" (e.g. InMails, DOC linkedin-send-messages).
		const data = this.chats
			.filter((c) => c.account_id === account.id && c.provider_id === person.id)
			.map((chat) => ({
				chat_id: chat.id,
				inbox_id: chat.inbox_id,
				has_history: this.messages.some((m) => m.chat_id === chat.id),
			}));
		return [200, { object: 'ChatLookup', data }];
	}

	/**
	 * `GET /v2/{account_id}/chats` (PY MessagingApi.md:615-687): "sorted by their last message date,
	 * with the most recent appearing first"; `type` filter (`1to1`, `group`, `channel`), cursor paging.
	 */
	listChats(account, query) {
		if (query.type !== undefined && !['1to1', 'group', 'channel'].includes(query.type))
			return invalid('type must be 1to1, group or channel.');
		const items = this.chats
			.filter((c) => c.account_id === account.id && (!query.type || query.type === '1to1'))
			.map((c) => this.chatOf(c))
			.sort((a, b) =>
				(b.last_message_timestamp ?? b.created_at).localeCompare(
					a.last_message_timestamp ?? a.created_at,
				),
			);
		const page = this.cursorPage(items, query);
		if (page.error) return page.error;
		return [200, page.answer];
	}

	/**
	 * `GET /v2/{account_id}/chats/{chat_id}/messages` (PY MessagingApi.md:1058-1128): "sorted by their
	 * timestamp, with the most recent appearing first"; `before` / `after` (exclusive, ISO 8601 UTC),
	 * `user_id` ("messages sent by the given User"), `cursor`, `offset`, `limit`; answer
	 * `{data, total_count?, next_cursor?}` (docs/GetMessagesList200Response.md:8-10).
	 */
	listMessages(chat, query) {
		for (const name of ['before', 'after'])
			if (query[name] !== undefined && !ISO_UTC.test(query[name]))
				return invalid(`${name} must be an ISO 8601 UTC datetime (YYYY-MM-DDTHH:MM:SS.sssZ).`);
		const items = this.messagesOf([chat.id])
			.filter(
				(m) =>
					(query.after === undefined || m.timestamp > query.after) &&
					(query.before === undefined || m.timestamp < query.before) &&
					(query.user_id === undefined || m.sender_id === query.user_id),
			)
			.map((m) => this.messageOf(m));
		const page = this.cursorPage(items, query);
		if (page.error) return page.error;
		return [200, page.answer];
	}

	/** Runs `task` after the current answer is sent; tests await `settled()`. */
	later(task) {
		const done = new Promise((resolve) => setImmediate(resolve)).then(task).catch(() => undefined);
		this.pending.add(done);
		void done.finally(() => this.pending.delete(done));
	}

	/** Resolves once every delivery scheduled after an answer has been made. */
	async settled() {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	/**
	 * POSTs one event to a webhook as this sandbox signs every delivery (ASSUMPTION, NOT SHOWN: the
	 * `content-type` and the Standard Webhooks headers, see services/unipileV2/webhooks.ts). The body
	 * is the event object `{id, created_at, account_id, type, payload}` (DOC
	 * /v2.0/reference/event-types-1). `tamper` signs another body than the one sent; `timestamp`
	 * (seconds) dates the signature.
	 */
	async deliverEvent(webhook, accountId, type, payload, { tamper, timestamp } = {}) {
		const body = {
			id: `evt_${randomInt(1e9)}`,
			created_at: new Date().toISOString(),
			account_id: accountId,
			type,
			payload,
		};
		const text = JSON.stringify(body);
		const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
		const signed = tamper ? JSON.stringify({ ...body, tampered: true }) : text;
		const signature = createHmac('sha256', Buffer.from(webhook.secret, 'utf8'))
			.update(`${body.id}.${ts}.${signed}`)
			.digest('base64');
		const headers = {
			'content-type': 'application/json',
			'webhook-id': body.id,
			'webhook-timestamp': ts,
			'webhook-signature': `v1,${signature}`,
		};
		return await this.deliver(webhook.url, body, headers, { raw: text });
	}

	/** The enabled webhooks for the account asking for one of `events`. */
	webhooksFor(accountId, events) {
		return this.webhooks.filter(
			(w) =>
				w.enabled &&
				(!w.account_ids.length || w.account_ids.includes(accountId)) &&
				events.some((e) => w.trigger_events.includes(e)),
		);
	}

	/**
	 * A new message, received or sent, to each `message.new` webhook of the account: its payload is
	 * the Message object (DOC migration-webhooks: "a new message event includes the message object
	 * as its payload").
	 */
	async deliverMessage(accountId, message, options) {
		const deliveries = [];
		for (const webhook of this.webhooksFor(accountId, [MESSAGE_EVENT]))
			deliveries.push(
				await this.deliverEvent(
					webhook,
					accountId,
					MESSAGE_EVENT,
					this.messageOf(message),
					options,
				),
			);
		return deliveries;
	}

	/**
	 * `member` (public identifier or provider id) writes `text` to the account: it joins their chat
	 * (created if needed) and every `message.new` webhook of the account is told. Resolves with the
	 * deliveries. `options` as for deliverEvent.
	 */
	async simulateReply(member, accountId = 'acc_ada_sales', text = 'Thanks!', options = {}) {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		const chat = this.chatWith(accountId, person.id, true);
		return await this.deliverMessage(accountId, this.addMessage(chat, text, false), options);
	}

	/** The account's messages with `member`, newest first, in a form tests compare easily. */
	conversation(accountId, member) {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		const chats = this.chats
			.filter((c) => c.account_id === accountId && c.provider_id === person.id)
			.map((c) => c.id);
		return this.messagesOf(chats).map((m) => ({
			id: m.id,
			chat_id: m.chat_id,
			text: m.text,
			from_me: m.is_sender,
			sender_provider_id: m.sender_id,
			at: m.timestamp,
		}));
	}

	/**
	 * `count` messages between the account and `member`, alternating (the oldest from the member), a
	 * minute apart and the newest a minute ago; the member becomes a connection. No webhook is told.
	 */
	seedConversation(accountId, member, count) {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		this.connect(accountId, person);
		const chat = this.chatWith(accountId, person.id, true);
		const now = Date.now();
		for (let i = 0; i < count; i++)
			this.addMessage(chat, `Message ${i + 1}`, i % 2 === 1, now - (count - i) * 60_000);
		return this.conversation(accountId, person.id);
	}

	/**
	 * `/v2/{account_id}/linkedin/…`: the people searches and the filter IDs (PY
	 * unipile/api/linked_in_api.py `resource_path`; docs/LinkedInApi.md:26-53):
	 * `POST search/people` (:11998), `POST search` from a URL (:12644), `POST
	 * sales-navigator/search/people` (:14274), `POST sales-navigator/search` from a URL (:14597),
	 * `GET search/parameters` (:6112) and `GET sales-navigator/search/parameters` (:10717).
	 */
	linkedInRoute(method, account, route, query, body) {
		const salesNavigator = route[0] === 'sales-navigator';
		const rest = salesNavigator ? route.slice(1) : route;
		const product = salesNavigator ? 'salesNavigator' : 'classic';
		if (rest[0] === 'search' && rest.length === 2 && rest[1] === 'parameters' && method === 'GET')
			return this.searchParameters(product, query);
		if (rest[0] === 'search' && rest.length === 2 && rest[1] === 'people' && method === 'POST')
			return this.peopleSearch(account, product, query, body);
		if (rest[0] === 'search' && rest.length === 1 && method === 'POST')
			return this.urlSearch(account, product, query, body);
		return notFound('Not found', `No route for ${method} linkedin/${route.join('/')}.`);
	}

	/**
	 * `offset` and `limit` in the query (PY linked_in_api.py:11956-11960, :14232-14236; numbers).
	 * `limit` defaults to 20 (DOC /v2.0/reference/performsalessearchfromurl: "Defaults to 20").
	 * ASSUMPTION: at most 50 (Classic) or 100 (Sales Navigator), v1's maximums (v2 shows none).
	 * Pages may be shorter than asked (`maxPageSize`); with `searchDuplicates` the last member of
	 * the page before comes again first (as LinkedIn's results shift between page reads).
	 */
	searchPage(product, items, query) {
		const limit = wholeNumber(query.limit, 20);
		const offset = wholeNumber(query.offset, 0);
		const page = this.pageOf(items, offset, limit, product === 'classic' ? 50 : 100, invalid);
		if (page.error) return page.error;
		let slice = page.slice;
		if (this.searchDuplicates && offset > 0 && offset <= items.length && slice.length)
			slice = [items[offset - 1], ...slice].slice(0, Math.min(limit, this.maxPageSize));
		return [200, { data: slice, total_count: items.length }];
	}

	/**
	 * A people search with filters. The bodies are checked against PY's models: Classic
	 * (models/perform_classic_people_search_request.py:31-57) and Sales Navigator
	 * (models/perform_sales_people_search_request.py:54-102). Both keep unknown top-level fields
	 * (`additional_properties`, :45 and :91), so those are not refused; they filter nothing here.
	 * Neither is the body required (`Optional[…] = None`, linked_in_api.py:11697).
	 */
	peopleSearch(account, product, query, body) {
		const request = body ?? {};
		if (typeof request !== 'object' || Array.isArray(request) || request._multipart)
			return invalid('Expected a JSON object body.');
		const problem =
			product === 'classic' ? classicProblem(request) : salesNavigatorProblem(request);
		if (problem) return invalid(problem);
		const matches = this.searchMembersFor(account).filter((m) =>
			product === 'classic' ? classicMatch(request, m) : salesNavigatorMatch(request, m),
		);
		return this.searchPage(
			product,
			matches.map((m) => this.searchItem(m, product)),
			query,
		);
	}

	/**
	 * A search from a pasted URL: `{url}` required, a string (PY
	 * docs/PerformClassicSearchFromUrlRequest.md:8; the Sales Navigator route takes the same model,
	 * linked_in_api.py:14294). The URL's own filters are read as LinkedIn writes them: Classic
	 * `keywords`, `geoUrn`, `currentCompany`, `network` (F, S, O); Sales Navigator
	 * `query=(…keywords:…)`; a lead list (`/sales/lists/people/…`) answers `SavedLead` items
	 * (docs/LeadListDataInner.md). ASSUMPTION: a Classic URL on the Sales Navigator route (or the
	 * reverse), or a URL that is not a people search, is refused as an invalid parameter; this
	 * sandbox searches people only.
	 */
	urlSearch(account, product, query, body) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return invalid('Expected a JSON object body.');
		if (typeof body.url !== 'string' || !body.url) return invalid('url is required.');
		let url;
		try {
			url = new URL(body.url);
		} catch {
			return invalid('url must be a LinkedIn search URL.');
		}
		if (!/(^|\.)linkedin\.com$/.test(url.hostname))
			return invalid('url must be a LinkedIn search URL.');
		const members = this.searchMembersFor(account);
		if (product === 'classic') {
			if (!/^\/search\/results\/people\/?$/.test(url.pathname))
				return invalid('url must be a LinkedIn Classic people search URL.');
			const list = (name) => {
				try {
					const parsed = JSON.parse(url.searchParams.get(name) ?? '[]');
					return Array.isArray(parsed) ? parsed.map(String) : [];
				} catch {
					return [];
				}
			};
			const filters = {
				keywords: url.searchParams.get('keywords') ?? undefined,
				location: list('geoUrn'),
				current_company: list('currentCompany'),
				network_distance: list('network').map((n) => ({ F: 1, S: 2, O: 3 })[n]),
			};
			for (const key of ['location', 'current_company', 'network_distance'])
				if (!filters[key].length) delete filters[key];
			const matches = members.filter((m) => classicMatch(filters, m));
			return this.searchPage(
				product,
				matches.map((m) => this.searchItem(m, product)),
				query,
			);
		}
		if (/^\/sales\/lists\/people\//.test(url.pathname)) {
			const leads = members.slice(PEOPLE.length, PEOPLE.length + 30);
			return this.searchPage(
				product,
				leads.map((m) => ({ ...this.searchItem(m, product), object: 'SavedLead' })),
				query,
			);
		}
		if (!/^\/sales\/search\/people\/?$/.test(url.pathname))
			return invalid('url must be a Sales Navigator people search or lead list URL.');
		const keywords = /keywords:([^,)]+)/.exec(url.searchParams.get('query') ?? '')?.[1];
		const matches = members.filter((m) =>
			salesNavigatorMatch(keywords ? { keywords: decodeURIComponent(keywords) } : {}, m),
		);
		return this.searchPage(
			product,
			matches.map((m) => this.searchItem(m, product)),
			query,
		);
	}

	/** The members with their distance to the account (a connection is FIRST_DEGREE). */
	searchMembersFor(account) {
		return SEARCH_MEMBERS.map((m) => ({
			...m,
			distance: this.isConnected(account.id, m.person.providerId) ? 'FIRST_DEGREE' : m.distance,
		}));
	}

	/**
	 * A result. Classic: a `PeopleSearchResult` (PY docs/PeopleSearchResultsDataInner.md:8-29:
	 * `object`, `id`, `display_name`, `headline`, `network_distance`, `product: "classic"` required).
	 * Sales Navigator: PY docs/PeopleSearch2DataInner.md:8-45, with its required flags, counts and
	 * lists. ASSUMPTION: Sales Navigator's `id` is the member's `ACw…` id, its `profile_url` the
	 * lead's Sales Navigator URL (v1's form), its `network_distance` the Classic words (the schema
	 * is empty in PY), and it has a `public_identifier` (optional in PY; v1's had one).
	 */
	searchItem(member, product) {
		const { person } = member;
		const common = {
			object: 'PeopleSearchResult',
			member_id: String(200_000 + member.index),
			display_name: `${person.firstName} ${person.lastName}`,
			public_identifier: person.publicIdentifier,
			location: member.place.name,
			headline: person.headline,
			network_distance: member.distance,
			can_send_inmail: false,
			is_premium: false,
			is_open_profile: false,
			shared_relations_count: 0,
		};
		if (product === 'classic')
			return {
				...common,
				id: person.providerId,
				profile_url: `https://www.linkedin.com/in/${encodeURIComponent(person.publicIdentifier)}`,
				product: 'classic',
			};
		return {
			...common,
			id: member.salesId,
			profile_url: member.leadUrl,
			product: 'sales_navigator',
			has_been_viewed: false,
			has_been_saved: false,
			has_posted_recently: false,
			has_viewed_your_profile: false,
			was_hired_recently: false,
			was_promoted_recently: false,
			follows_your_company: false,
			is_past_colleague: false,
			contact_info: {},
			lists_count: 0,
			notes_count: 0,
			education: [],
			skills: [],
			work_experience: member.company
				? [{ company: member.company.name, company_id: member.company.id, position: member.title }]
				: [],
			languages: [],
			volunteering: [],
		};
	}

	/**
	 * `GET …/linkedin/search/parameters` (PY linked_in_api.py:5800-5806, docs/LinkedInApi.md:1658-1718:
	 * `type` and `keywords` required, `limit` 1-100 default 10, `offset`) and the Sales Navigator one
	 * (:10405-10411, `keywords` optional). Answer `{data: [{object: "SearchParameter", id, name}],
	 * total_count?}` (docs/GetClassicSearchParameters200Response.md:8-10, …DataInner.md:8-11).
	 * ASSUMPTION: the types are NOT SHOWN as an enum: any is taken; LOCATION and COMPANY answer the
	 * sandbox table, any other an empty list.
	 */
	searchParameters(product, query) {
		if (typeof query.type !== 'string' || !query.type) return invalid('type is required.');
		if (product === 'classic' && query.keywords === undefined)
			return invalid('keywords is required.');
		const table =
			query.type === 'LOCATION'
				? SEARCH_LOCATIONS
				: query.type === 'COMPANY'
					? SEARCH_COMPANIES
					: [];
		const wanted = String(query.keywords ?? '').toLowerCase();
		const items = table
			.filter((entry) => entry.name.toLowerCase().includes(wanted))
			.map((entry) => ({ object: 'SearchParameter', id: entry.id, name: entry.name }));
		const limit = wholeNumber(query.limit, 10);
		const offset = wholeNumber(query.offset, 0);
		const page = this.pageOf(items, offset, limit, 100, invalid);
		if (page.error) return page.error;
		return [200, { data: page.slice, total_count: items.length }];
	}

	/** The recorded people searches (filters or URL, Classic or Sales Navigator). */
	searchRequests() {
		return this.requests.filter(
			(r) =>
				r.method === 'POST' &&
				/^\/v2\/[^/]+\/linkedin\/(sales-navigator\/)?search(\/people)?$/.test(r.path),
		);
	}

	/** The recorded requests that send a message (start a chat, or write in one). */
	messageRequests() {
		return this.requests.filter(
			(r) => r.method === 'POST' && /\/chats\/send$|\/messages\/send$/.test(r.path),
		);
	}

	/**
	 * `/v2/webhooks/endpoints/` (PY webhooks_api.py, docs/WebhooksApi.md:1-15; TS sdk.gen.ts
	 * UnipileWebhooks): POST creates (303-304; body docs/CreateWebhookEndpointRequest.md:8-11 `url`
	 * (≤255), `trigger_events` (required, enum), `account_ids?`, `description?` (≤255); answer 200 a
	 * WebhookEndpoint with Unipile's own `secret`, ≤36 characters), GET lists (1419-1420; `offset`,
	 * `limit` strings; `{object: "WebhookEndpoints", data, has_more}`), GET/PATCH/DELETE one
	 * (825-826, 1708-1709, 564-565; DELETE answers `{success: true}`). ASSUMPTION: fields other than
	 * the documented ones are refused as a wrong shape; an unknown id is 404.
	 */
	webhookRoute(method, route, query, body) {
		if (route.length === 0 && method === 'POST') {
			const problem = this.webhookProblem(body, true);
			if (problem) return invalid(problem);
			const webhook = {
				enabled: true,
				description: body.description ?? null,
				url: body.url,
				trigger_events: [...body.trigger_events],
				secret: randomUUID(),
				object: 'WebhookEndpoint',
				id: `we_${randomInt(1e9)}`,
				application_id: 'app_sandbox',
				account_ids: [...(body.account_ids ?? [])],
			};
			this.webhooks.push(webhook);
			const answer = this.shown(webhook);
			// Tests: an answer lacking a field (the webhook exists all the same).
			for (const field of this.webhookAnswerOmits ?? []) delete answer[field];
			return [200, answer];
		}
		if (route.length === 0 && method === 'GET') {
			const page = this.offsetPage(this.webhooks, query);
			if (page.error) return page.error;
			return [
				200,
				{
					object: 'WebhookEndpoints',
					data: page.slice.map((w) => this.shown(w)),
					has_more: page.hasMore,
				},
			];
		}
		if (route.length !== 1) return notFound('Not found', 'No such webhook route.');
		const index = this.webhooks.findIndex((w) => w.id === route[0]);
		if (index < 0)
			return notFound('Webhook endpoint not found', `No webhook endpoint ${route[0]}.`);
		if (method === 'GET') return [200, this.shown(this.webhooks[index])];
		if (method === 'PATCH') {
			const problem = this.webhookProblem(body, false);
			if (problem) return invalid(problem);
			Object.assign(this.webhooks[index], body);
			return [200, this.shown(this.webhooks[index])];
		}
		if (method === 'DELETE') {
			this.webhooks.splice(index, 1);
			return [200, { success: true }];
		}
		return notFound('Not found', `No ${method} on a webhook endpoint.`);
	}

	/** What is wrong with a create (or, `creating` false, an update with `enabled?`) body. */
	webhookProblem(body, creating) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return 'Expected a JSON object body.';
		const allowed = [
			'url',
			'trigger_events',
			'account_ids',
			'description',
			...(creating ? [] : ['enabled']),
		];
		const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
		if (unknown.length) return `Unknown fields: ${unknown.join(', ')}.`;
		if (
			(creating || body.url !== undefined) &&
			(typeof body.url !== 'string' || !/^https?:\/\//.test(body.url) || body.url.length > 255)
		)
			return 'url must be an HTTP or HTTPS URL of at most 255 characters.';
		if (creating || body.trigger_events !== undefined) {
			const known = EVENT_SETS[this.knownEvents];
			if (!Array.isArray(body.trigger_events) || !body.trigger_events.length)
				return 'trigger_events must be a non-empty list.';
			const wrong = body.trigger_events.filter((e) => !known.includes(e));
			if (wrong.length) return `Unknown trigger_events: ${wrong.join(', ')}.`;
		}
		if (body.account_ids !== undefined) {
			if (!Array.isArray(body.account_ids) || body.account_ids.some((a) => typeof a !== 'string'))
				return 'account_ids must be a list of account IDs.';
			const unknownAccount = body.account_ids.find((a) => !this.accounts.some((x) => x.id === a));
			if (unknownAccount) return `Unknown account ${unknownAccount}.`;
		}
		if (
			body.description !== undefined &&
			body.description !== null &&
			(typeof body.description !== 'string' || body.description.length > 255)
		)
			return 'description must be a string of at most 255 characters.';
		if (body.enabled !== undefined && typeof body.enabled !== 'boolean')
			return 'enabled must be a boolean.';
		return undefined;
	}

	/** A WebhookEndpoint as answered (docs/CreateWebhookEndpoint200Response.md:8-17: `secret` on every one). */
	shown(webhook) {
		return {
			...webhook,
			account_targets: webhook.account_ids.map((id) => ({
				account_name: this.accounts.find((a) => a.id === id)?.name ?? null,
				account_provider: this.accounts.find((a) => a.id === id)?.provider ?? 'linkedin',
				object: 'WebhookEndpointAccountTarget',
				id,
				status: 'active',
			})),
		};
	}

	/**
	 * `member` (public identifier or provider id) becomes a connection of the account (its pending
	 * invitation accepted, if any) and every enabled webhook for the account subscribed to a new-
	 * relation event gets one, as an event object (deliverEvent). ASSUMPTION, NOT SHOWN: the payload a
	 * UserRelation `{id, object, created_at, user}`; the event `relation.new` when subscribed (TS),
	 * else `relation.request.accept` (PY). `tamper` and `timestamp` as for deliverEvent.
	 */
	async simulateAcceptance(member, accountId = 'acc_ada_sales', { tamper, timestamp } = {}) {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		const pending = this.invitations.findIndex(
			(i) => i.provider_id === person.id && i.account_id === accountId,
		);
		if (pending >= 0) this.invitations.splice(pending, 1);
		let relation = this.connections.find(
			(c) => c.account_id === accountId && c.provider_id === person.id,
		);
		if (!relation) {
			relation = {
				id: `rel_${accountId}_${person.public_identifier}`,
				account_id: accountId,
				provider_id: person.id,
				created_at: new Date().toISOString(),
			};
			this.connections.push(relation);
		}
		const deliveries = [];
		for (const webhook of this.webhooksFor(accountId, RELATION_EVENTS)) {
			const type = RELATION_EVENTS.find((e) => webhook.trigger_events.includes(e));
			const payload = {
				object: 'UserRelation',
				id: relation.id,
				created_at: relation.created_at,
				user: userOf(person, 'FIRST_DEGREE'),
			};
			deliveries.push(
				await this.deliverEvent(webhook, accountId, type, payload, { tamper, timestamp }),
			);
		}
		return deliveries;
	}
}

module.exports = { FakeUnipileV2, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) runFromCommandLine(FakeUnipileV2, 'Unipile v2', DEFAULT_API_KEY);

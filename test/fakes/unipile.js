/**
 * A local stand-in for Unipile's API v1 (LinkedIn users, invitations, accounts), speaking the
 * documented wire format: paths, required query parameters, body fields, `{status,type,title,detail}`
 * error bodies and cursor pagination. It records every request and can inject faults.
 *
 * Shapes follow Unipile's v1 OpenAPI document (the subset we use is committed in
 * test/contract/unipile-v1.openapi.json, and test/contract/unipile.contract.test.ts validates every
 * answer of this fake against it) and developer.unipile.com/docs (invite-users, api-usage,
 * provider-limits-and-restrictions, send-messages, new-messages-webhook, message-payload). What no
 * document shows is marked ASSUMPTION where it is answered.
 *
 * Messaging: the fake keeps chats per account and member and their messages. `POST /api/v1/chats`
 * writes in the member's 1:1 chat, creating it if there is none (docs: send-messages, "If the chat
 * does not exist, it will be created"); an InMail starts a chat of its own (ASSUMPTION, from the
 * v2 guide linkedin-send-messages: "multiple conversations can occur … such as when multiple
 * InMails are sent at different times"). Every message, the account's own included (docs:
 * new-messages-webhook, "received or sent"), is told to the account's `messaging` webhooks.
 *
 * Search: `POST /api/v1/linkedin/search` finds, among every member the fake knows (people.js's and
 * 120 seeded ones, each with a title, a company and a city), those a Classic or Sales Navigator
 * body or a pasted search URL asks for, page by page with a base64 cursor carrying the search (the
 * search guide, developer.unipile.com/docs/linkedin-search); Classic results carry `ACo…` ids,
 * Sales Navigator ones `ACw…` ids that `GET /users/{id}` turns back into the Classic profile
 * (developer.unipile.com/docs/users-overview). Only acc_ada_sales has a Sales Navigator seat.
 *
 * Used by the routing tests (in-process), the real-n8n end-to-end suite and the demo (as a process):
 *   node test/fakes/unipile.js [--port 0] [--api-key KEY]
 * prints one JSON line {"service":"unipile","url":...} once listening. Control endpoints (no key):
 *   GET/DELETE /__sandbox/requests, POST /__sandbox/faults, POST /__sandbox/reset,
 *   POST /__sandbox/accept, POST /__sandbox/reply
 */
'use strict';
const { createHash, randomBytes, randomInt } = require('node:crypto');
const { FakeService, runFromCommandLine, SANDBOX_HEADER } = require('./base');
const { PEOPLE } = require('./people');

const DEFAULT_API_KEY = 'sandbox-unipile-key';

const SECTIONS = new Set([
	'*',
	'experience',
	'education',
	'languages',
	'skills',
	'certifications',
	'about',
	'volunteering_experience',
	'projects',
	'recommendations_received',
	'recommendations_given',
]);

/** A LinkedIn account item as GET /api/v1/accounts lists it (the spec's "Linkedin" shape). */
function linkedInAccount(id, name, status, createdAt) {
	return {
		object: 'Account',
		type: 'LINKEDIN',
		id,
		name,
		created_at: createdAt,
		groups: [],
		connection_params: {
			im: {
				id: `ACoAAA${id.replace(/[^A-Za-z0-9]/g, '').padEnd(20, '0')}`,
				publicIdentifier: id.replace(/_/g, '-'),
				username: name,
				premiumId: null,
				premiumContractId: null,
				premiumFeatures: [],
				organizations: [],
			},
		},
		sources: [{ id: `${id}_MESSAGING`, status }],
	};
}

function seedAccounts() {
	return [
		linkedInAccount('acc_ada_sales', 'Ada Lovelace', 'OK', '2026-01-05T09:00:00.000Z'),
		{
			object: 'Account',
			type: 'WHATSAPP',
			id: 'acc_whatsapp',
			name: 'Support line',
			created_at: '2026-01-06T09:00:00.000Z',
			groups: [],
			connection_params: { im: { phone_number: '+33100000000' } },
			sources: [{ id: 'acc_whatsapp_MESSAGING', status: 'OK' }],
		},
		linkedInAccount(
			'acc_grace_recruiting',
			'Grace Hopper',
			'CREDENTIALS',
			'2026-02-01T09:00:00.000Z',
		),
		linkedInAccount('acc_alan_founder', 'Alan Turing', 'OK', '2026-03-01T09:00:00.000Z'),
	];
}

function profile(publicIdentifier, providerId, firstName, lastName, headline, extra = {}) {
	return {
		object: 'UserProfile',
		provider: 'LINKEDIN',
		provider_id: providerId,
		public_identifier: publicIdentifier,
		first_name: firstName,
		last_name: lastName,
		headline,
		websites: [],
		location: 'Paris, Île-de-France, France',
		network_distance: 'SECOND_DEGREE',
		is_relationship: false,
		public_profile_url: `https://www.linkedin.com/in/${encodeURIComponent(publicIdentifier)}`,
		...extra,
	};
}

function seedProfiles() {
	return PEOPLE.map((person) =>
		profile(
			person.publicIdentifier,
			person.providerId,
			person.firstName,
			person.lastName,
			person.headline,
		),
	);
}

const linkedInAccountIds = (accounts) =>
	accounts.filter((a) => a.type === 'LINKEDIN').map((a) => a.id);

/** Every LinkedIn account starts connected to the `connected` people. */
function seedConnections(accounts) {
	return linkedInAccountIds(accounts).flatMap((accountId) =>
		PEOPLE.filter((p) => p.connected).map((p) => ({
			account_id: accountId,
			provider_id: p.providerId,
			connected_at: Date.parse(p.connectedAt),
		})),
	);
}

/** Every LinkedIn account starts with the `invites` people's invitations pending. */
function seedReceived(accounts) {
	let next = 8_000_000_000;
	return linkedInAccountIds(accounts).flatMap((accountId) =>
		PEOPLE.filter((p) => p.invites).map((p) => ({
			id: String(next++),
			account_id: accountId,
			provider_id: p.providerId,
			shared_secret: `secret-${accountId}-${p.publicIdentifier}`,
			message: p.note,
			date: p.invitedAt,
		})),
	);
}

function errorBody(status, type, title, detail) {
	const body = { status, type: `errors/${type}`, title };
	if (detail) body.detail = detail;
	return body;
}

/** A Unipile id in the shape the docs' examples show (22 base64url characters, e.g. "R8J-xM9WX7eoHLp6gSVtWQ"). */
const unipileId = () => randomBytes(16).toString('base64url').slice(0, 22);

/** LinkedIn's own ids of a chat or message ("2-…"; ASSUMPTION: the shape only). */
const linkedInId = () => `2-${randomBytes(24).toString('base64url')}`;

/**
 * ASSUMPTION: the spec gives `text` of POST /chats no maxLength (its 400 only says "The provided
 * content exceeds the character limit"); 8000 is LinkedIn's own message box.
 */
const MESSAGE_MAX_LENGTH = 8000;

/** The events each webhook source takes (v1 spec, POST /api/v1/webhooks request bodies). */
const WEBHOOK_EVENTS = {
	users: ['new_relation'],
	messaging: [
		'message_received',
		'message_read',
		'message_reaction',
		'message_edited',
		'message_deleted',
		'message_delivered',
	],
};
/** What a webhook created without `events` gets (spec: messaging's "Default value include message_received"). */
const DEFAULT_EVENTS = { users: ['new_relation'], messaging: ['message_received'] };

const encodeCursor = (offset) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeCursor(cursor) {
	try {
		const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}

// ---------------------------------------------------------------------------------------------
// LinkedIn search (v1 spec: A_search, POST /api/v1/linkedin/search, and A_getSearchParametersList,
// GET /api/v1/linkedin/search/parameters; developer.unipile.com/docs/linkedin-search, the guide)
// ---------------------------------------------------------------------------------------------

/**
 * The filter ids the sandbox's search parameters route lists. ASSUMPTION: invented ids in the
 * shape LinkedIn gives (digits, the spec's `^\d+$`); a location matches every member whose
 * location text contains its title (France: Paris and Lyon).
 */
const SEARCH_LOCATIONS = [
	{ id: '105015875', title: 'France' },
	{ id: '101240143', title: 'Paris, Île-de-France, France' },
	{ id: '104246759', title: 'Lyon, Auvergne-Rhône-Alpes, France' },
	{ id: '101165590', title: 'United Kingdom' },
	{ id: '102257491', title: 'London, England, United Kingdom' },
	{ id: '103644278', title: 'United States' },
	{ id: '102277331', title: 'San Francisco, California, United States' },
	{ id: '101282230', title: 'Germany' },
	{ id: '106967730', title: 'Berlin, Berlin, Germany' },
];
const SEARCH_COMPANIES = [
	{ id: '2001', title: 'Acme Robotics' },
	{ id: '2002', title: 'Globex' },
	{ id: '2003', title: 'Initech' },
	{ id: '2004', title: 'Umbrella Labs' },
	{ id: '2005', title: 'Unipile' },
];
/** The parameter types the spec lists (L30583-30620); the sandbox knows ids for two of them. */
const PARAMETER_TYPES = new Set([
	'LOCATION',
	'PEOPLE',
	'CONNECTIONS',
	'COMPANY',
	'SCHOOL',
	'INDUSTRY',
	'SERVICE',
	'JOB_FUNCTION',
	'JOB_TITLE',
	'EMPLOYMENT_TYPE',
	'SKILL',
	'GROUPS',
	'SALES_INDUSTRY',
	'DEPARTMENT',
	'PERSONA',
	'ACCOUNT_LISTS',
	'LEAD_LISTS',
	'TECHNOLOGIES',
	'SAVED_ACCOUNTS',
	'SAVED_SEARCHES',
	'RECENT_SEARCHES',
	'POSTAL_CODE',
	'HIRING_PROJECTS',
	'SAVED_FILTERS',
]);
const PARAMETER_TABLES = { LOCATION: SEARCH_LOCATIONS, COMPANY: SEARCH_COMPANIES };

/** The body fields of "Classic - People" (spec L30870-31020) and "Sales Navigator - People" (L31472-32051). */
const PEOPLE_FIELDS = {
	classic: new Set([
		'api',
		'category',
		'keywords',
		'industry',
		'location',
		'profile_language',
		'network_distance',
		'company',
		'past_company',
		'school',
		'service',
		'connections_of',
		'followers_of',
		'open_to',
		'advanced_keywords',
	]),
	sales_navigator: new Set([
		'api',
		'category',
		'keywords',
		'last_viewed_at',
		'saved_search_id',
		'recent_search_id',
		'location',
		'location_by_postal_code',
		'industry',
		'first_name',
		'last_name',
		'tenure',
		'groups',
		'school',
		'profile_language',
		'company',
		'company_headcount',
		'company_type',
		'company_location',
		'tenure_at_company',
		'past_company',
		'function',
		'role',
		'tenure_at_role',
		'seniority',
		'past_role',
		'following_your_company',
		'viewed_your_profile_recently',
		'network_distance',
		'connections_of',
		'past_colleague',
		'shared_experiences',
		'changed_jobs',
		'posted_on_linkedin',
		'mentionned_in_news',
		'persona',
		'account_lists',
		'lead_lists',
		'viewed_profile_recently',
		'messaged_recently',
		'include_saved_leads',
		'include_saved_accounts',
	]),
};
/** Classic's id lists (`^\d+$` items, at least one: L30884-30960). */
const CLASSIC_ID_LISTS = ['industry', 'location', 'company', 'past_company', 'school', 'service'];
/** Sales Navigator's `{include, exclude}` filters: ids only, or ids or plain text (L31650-31843). */
const SALES_ID_FILTERS = [
	'location',
	'industry',
	'school',
	'company_location',
	'function',
	'past_role',
];
const SALES_TEXT_FILTERS = ['company', 'past_company', 'role'];
const ADVANCED_KEYWORDS = new Set(['first_name', 'last_name', 'title', 'company', 'school']);

/**
 * Page sizes: "Can bet set up to 100 results for Sales Navigator and Recruiter, but Linkedin
 * Classic shouldn't exceed 50" (L30846-30856; the spec's maximum is 100). ASSUMPTION: Classic
 * refuses more than 50 with the spec's 400 invalid_parameters.
 */
const SEARCH_PAGE_MAX = { classic: 50, sales_navigator: 100 };
/** LinkedIn's most results per search (search.md §1.10: provider-limits-and-restrictions). */
const SEARCH_CAP = { classic: 1000, sales_navigator: 2500 };

/** Which LinkedIn accounts have a Sales Navigator seat, for the search only (chats refuse it apart). */
const SALES_NAVIGATOR_SEATS = new Set(['acc_ada_sales']);

/** The seeded search members, in turns (a member's title, company and city). */
const SEARCH_FIRST_NAMES = ['Alex', 'Camille', 'Dominique', 'Noa', 'Sacha', 'Yuki', 'Robin', 'Ira'];
const SEARCH_LAST_NAMES = ['Martin', 'Bernard', 'Okafor', 'Nakamura', 'Schmidt', 'Rossi', 'Silva'];
const SEARCH_TITLES = [
	'Software Engineer',
	'Head of Sales',
	'Data Engineer',
	'VP Sales',
	'Product Manager',
	'Account Executive',
	'Engineering Manager',
	'Founder',
];
const SEARCH_CITIES = [
	'Paris, Île-de-France, France',
	'London, England, United Kingdom',
	'Lyon, Auvergne-Rhône-Alpes, France',
	'San Francisco, California, United States',
	'Berlin, Berlin, Germany',
];
/** The distances of members who are not connections, in turns (L33145-33161). */
const SEARCH_DISTANCES = ['DISTANCE_2', 'DISTANCE_3', 'OUT_OF_NETWORK'];

/** How many search members every reset seeds (beside people.js's). */
const SEARCHED_MEMBERS = 120;

/**
 * A member's Sales Navigator id from the Classic one, and back: LinkedIn gives each member one id
 * per product (developer.unipile.com/docs/users-overview: Classic `ACo…`, Sales Navigator `ACw…`).
 * ASSUMPTION: the sandbox makes one from the other by the prefix (real ids are unrelated).
 */
const salesIdOf = (classicId) => `ACw${classicId.slice(3)}`;
const classicIdOf = (salesId) => `ACo${salesId.slice(3)}`;

/**
 * The guide's cursors are base64 JSON carrying account_id, limit, start and params (the search);
 * so are the sandbox's. A query string turns `+` into a space, which is turned back.
 */
const encodeSearchCursor = (state) => Buffer.from(JSON.stringify(state)).toString('base64');
function decodeSearchCursor(cursor) {
	try {
		const state = JSON.parse(
			Buffer.from(String(cursor).replace(/ /g, '+'), 'base64').toString('utf8'),
		);
		return state && Number.isInteger(state.start) && state.start >= 0 && state.params
			? state
			: undefined;
	} catch {
		return undefined;
	}
}

class FakeUnipile extends FakeService {
	/** @param {{ apiKey?: string, label?: boolean }} [options] */
	constructor({ apiKey = DEFAULT_API_KEY, label = false } = {}) {
		super({ apiKey, keyHeader: 'x-api-key', label });
		/** @type {any[]} */
		this.invitations = [];
		/** @type {any[]} */
		this.accounts = [];
		/** @type {any[]} */
		this.profiles = [];
		/** @type {any[]} first-degree connections, per account */
		this.connections = [];
		/** @type {any[]} invitations received, pending, per account */
		this.received = [];
		/** @type {any[]} invitations this fake saw withdrawn */
		this.withdrawn = [];
		/** @type {any[]} chats: { id, provider_id, account_id, attendee_provider_id, inmail } */
		this.chats = [];
		/** @type {any[]} messages: { id, provider_id, chat_id, account_id, sender_id, is_sender, text, timestamp, seq } */
		this.messages = [];
		/** Bumped by reset(): a delivery scheduled before a reset is dropped. */
		this.generation = 0;
		/** @type {Promise<any[]>[]} deliveries of the account's own messages, sent after the answer */
		this.pendingDeliveries = [];
		this.usageEvery = 0;
		this.sentDatePrecision = 'exact';
		/** @type {Map<string, any>} the search members' title, company and distance, by Classic id */
		this.searchFacts = new Map();
		this.searchPeopleCount = 0;
		this.searchDuplicates = false;
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		this.profiles = seedProfiles();
		this.invitations = [];
		this.connections = seedConnections(this.accounts);
		this.received = seedReceived(this.accounts);
		this.withdrawn = [];
		this.chats = [];
		this.messages = [];
		this.generation = (this.generation ?? 0) + 1;
		this.pendingDeliveries = [];
		this.usageEvery = 0;
		/**
		 * 'exact': the sent list dates each invitation to the millisecond, newest first. 'day':
		 * ASSUMPTION (the spec types parsed_datetime as a string with no format) that the date comes
		 * from LinkedIn's "Sent today / 2 days ago", so it is the day only, and within a day the
		 * order is not the order of sending (here: oldest first).
		 */
		this.sentDatePrecision = 'exact';
		this.searchFacts = new Map();
		this.searchPeopleCount = 0;
		this.seedSearchPeople(SEARCHED_MEMBERS);
		/** Each search page after the first repeats the last member of the page before. */
		this.searchDuplicates = false;
	}

	isConnected(accountId, providerId) {
		return this.connections.some((c) => c.account_id === accountId && c.provider_id === providerId);
	}

	/** The member accepts the account's pending invitation: it leaves the sent list, they become a relation. */
	acceptSentInvitation(providerId, accountId = 'acc_ada_sales') {
		const index = this.invitations.findIndex(
			(i) => i.provider_id === providerId && i.account_id === accountId,
		);
		if (index < 0) throw new Error(`no pending invitation to ${providerId} from ${accountId}`);
		this.invitations.splice(index, 1);
		this.connections.push({
			account_id: accountId,
			provider_id: providerId,
			connected_at: Date.now(),
		});
	}

	/** Adds `count` members (`member-0`…) the fake can look up and invite, for benchmarks. */
	seedMembers(count) {
		for (let i = 0; i < count; i++) {
			this.profiles.push(
				profile(
					`member-${i}`,
					`ACoAAYYYmember${String(i).padStart(26, '0')}`,
					'Member',
					String(i),
					'Seeded for a benchmark',
				),
			);
		}
	}

	/** Adds `count` pending invitations from an account to members the fake does not otherwise know. */
	seedSentInvitations(count, { accountId = 'acc_ada_sales', sentAt = new Date() } = {}) {
		for (let i = 0; i < count; i++) {
			const n = this.invitations.length;
			this.invitations.push({
				id: String(6_000_000_000 + n),
				provider_id: `ACoAAZZZseeded${String(n).padStart(26, '0')}`,
				account_id: accountId,
				message: null,
				public_identifier: `seeded-member-${n}`,
				date: new Date(sentAt).toISOString(),
			});
		}
	}

	unauthorised() {
		return [
			401,
			errorBody(
				401,
				'missing_credentials',
				'Missing credentials',
				'The provided API key is missing or invalid.',
			),
		];
	}

	serverError() {
		return errorBody(500, 'unexpected_error', 'Unexpected error');
	}

	/**
	 * A member by public identifier or provider id; a Sales Navigator id (`ACw…`) finds the member's
	 * Classic profile. ASSUMPTION: `GET /users/{id}` without `linkedin_api` converts it so
	 * (users-overview: "you need to convert it with get profile route"; no document shows the answer).
	 */
	findProfile(identifier) {
		const wanted = identifier.toLowerCase();
		const classic = identifier.startsWith('ACw') ? classicIdOf(identifier) : identifier;
		return this.profiles.find(
			(p) => p.provider_id === classic || p.public_identifier.toLowerCase() === wanted,
		);
	}

	/** The documented routes. Returns [status, body, headers?]. */
	route({ method, path, query, body }) {
		const segments = path.split('/').slice(1);
		if (segments[0] !== 'api' || segments[1] !== 'v1')
			return [
				404,
				errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`),
			];
		const route = segments.slice(2);

		if (method === 'GET' && route.length === 1 && route[0] === 'accounts')
			return this.listAccounts(query);
		if (route[0] === 'webhooks') return this.webhookRoute(method, route, query, body);
		if (route[0] === 'chats') return this.chatRoute(method, route, query, body);
		if (route[0] === 'linkedin') return this.searchRoute(method, route, query, body);
		if (
			method === 'GET' &&
			route.length === 3 &&
			route[0] === 'chat_attendees' &&
			route[2] === 'chats'
		)
			return this.listAttendeeChats(decodeURIComponent(route[1]), query);
		if (route[0] !== 'users')
			return [
				404,
				errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`),
			];

		if (method === 'POST' && route.length === 2 && route[1] === 'invite') return this.invite(body);
		if (method === 'GET' && route.length === 2 && route[1] === 'me') return this.me(query);
		if (method === 'GET' && route.length === 2 && route[1] === 'relations')
			return this.listRelations(query);
		if (method === 'GET' && route.length === 3 && route[1] === 'invite' && route[2] === 'received')
			return this.listReceived(query);
		if (method === 'POST' && route.length === 4 && route[1] === 'invite' && route[2] === 'received')
			return this.handleReceived(decodeURIComponent(route[3]), body);
		if (method === 'GET' && route.length === 3 && route[1] === 'invite' && route[2] === 'sent')
			return this.listSent(query);
		if (method === 'DELETE' && route.length === 4 && route[1] === 'invite' && route[2] === 'sent')
			return this.cancel(route[3], query);
		if (method === 'GET' && route.length === 2)
			return this.getProfile(decodeURIComponent(route[1]), query);
		return [
			404,
			errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`),
		];
	}

	/** Cursor pagination as Unipile documents it: pass `cursor` back until it is null. */
	page(items, query, maxLimit, defaultLimit) {
		const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
		const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
		const page = this.pageOf(items, offset, limit, maxLimit, (detail) => [
			400,
			errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
		]);
		if (page.error) return page;
		return { slice: page.slice, cursor: page.next === undefined ? null : encodeCursor(page.next) };
	}

	listAccounts(query) {
		const page = this.page(this.accounts, query, 250, 100);
		if (page.error) return page.error;
		return [200, { object: 'AccountList', items: page.slice, cursor: page.cursor }];
	}

	account(accountId) {
		if (!accountId)
			return {
				error: [
					400,
					errorBody(400, 'missing_parameters', 'Missing parameters', 'account_id is required.'),
				],
			};
		const account = this.accounts.find((a) => a.id === accountId);
		if (!account)
			return {
				error: [
					404,
					errorBody(
						404,
						'resource_not_found',
						'Account not found',
						`No account with id ${accountId}.`,
					),
				],
			};
		if (account.type !== 'LINKEDIN')
			return {
				error: [
					422,
					errorBody(422, 'invalid_account', 'Provided account is not designed for this feature'),
				],
			};
		return { account };
	}

	getProfile(identifier, query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		if (
			query.linkedin_api !== undefined &&
			!['recruiter', 'sales_navigator'].includes(query.linkedin_api)
		) {
			return [
				400,
				errorBody(
					400,
					'invalid_parameters',
					'Invalid parameters',
					'linkedin_api must be recruiter or sales_navigator.',
				),
			];
		}
		if (
			query.linkedin_sections !== undefined &&
			!query.linkedin_sections.split(',').every((s) => SECTIONS.has(s))
		) {
			return [
				400,
				errorBody(
					400,
					'invalid_parameters',
					'Invalid parameters',
					'Unknown linkedin_sections value.',
				),
			];
		}
		if (query.notify !== undefined && !['true', 'false'].includes(query.notify)) {
			return [
				400,
				errorBody(400, 'invalid_parameters', 'Invalid parameters', 'notify must be a boolean.'),
			];
		}
		const found = this.findProfile(identifier);
		if (!found)
			return [
				404,
				errorBody(
					404,
					'resource_not_found',
					'User not found',
					`No LinkedIn member "${identifier}".`,
				),
			];
		const connected = this.isConnected(query.account_id, found.provider_id);
		const result = {
			...found,
			network_distance: connected ? 'FIRST_DEGREE' : 'SECOND_DEGREE',
			is_relationship: connected,
		};
		const mine = (i) => i.provider_id === found.provider_id && i.account_id === query.account_id;
		if (this.invitations.some(mine)) result.invitation = { type: 'SENT', status: 'PENDING' };
		else if (this.received.some(mine)) result.invitation = { type: 'RECEIVED', status: 'PENDING' };
		else if (this.withdrawn.some(mine)) result.invitation = { type: 'SENT', status: 'WITHDRAWN' };
		if (query.linkedin_sections) {
			result.summary = `${found.first_name} works on interesting things.`;
			// The spec requires position, company, skills, start and end on every entry.
			result.work_experience = [
				{
					position: found.headline,
					company: 'Example Corp',
					skills: [],
					start: '1/2020',
					end: null,
					current: true,
				},
			];
		}
		return [200, result];
	}

	invite(body) {
		if (!body || typeof body !== 'object')
			return [
				400,
				errorBody(400, 'malformed_request', 'Malformed request', 'Expected a JSON body.'),
			];
		const allowed = new Set(['provider_id', 'account_id', 'message', 'user_email']);
		const unknown = Object.keys(body).filter((k) => !allowed.has(k));
		if (unknown.length)
			return [
				400,
				errorBody(
					400,
					'invalid_parameters',
					'Invalid parameters',
					`Unknown fields: ${unknown.join(', ')}.`,
				),
			];
		if (typeof body.provider_id !== 'string' || !body.provider_id) {
			return [
				400,
				errorBody(400, 'missing_parameters', 'Missing parameters', 'provider_id is required.'),
			];
		}
		const { error } = this.account(body.account_id);
		if (error) return error;
		if (
			body.message !== undefined &&
			(typeof body.message !== 'string' || [...body.message].length > 300)
		) {
			return [
				400,
				errorBody(
					400,
					'too_many_characters',
					'Too many characters',
					'The message must be 300 characters at most.',
				),
			];
		}
		const target = this.profiles.find((p) => p.provider_id === body.provider_id);
		if (!target)
			return [
				404,
				errorBody(
					404,
					'resource_not_found',
					'User not found',
					'provider_id must be a provider id, not a public identifier.',
				),
			];
		// ASSUMPTION: errors/already_connected is not in the v1 spec's 422 types; many third-party
		// Unipile clients handle it as the answer for inviting a first-degree connection.
		if (this.isConnected(body.account_id, target.provider_id))
			return [
				422,
				errorBody(
					422,
					'already_connected',
					'Already connected',
					'You are already connected with this recipient.',
				),
			];
		if (
			this.invitations.some(
				(i) => i.provider_id === body.provider_id && i.account_id === body.account_id,
			)
		) {
			return [
				422,
				errorBody(
					422,
					'already_invited_recently',
					'Should delay new invitation to this recipient',
					'An invitation has already been sent recently to this recipient. Please try again later.',
				),
			];
		}
		const invitation = {
			id: String(7_000_000_000 + randomInt(999_999_999)),
			provider_id: body.provider_id,
			account_id: body.account_id,
			message: body.message ?? null,
			public_identifier: target.public_identifier,
			date: new Date().toISOString(),
		};
		this.invitations.push(invitation);
		const response = { object: 'UserInvitationSent', invitation_id: invitation.id };
		if (this.usageEvery && this.invitations.length % this.usageEvery === 0) response.usage = 50;
		return [200, response];
	}

	/** GET /api/v1/users/invite/sent: pending invitations, newest first (see sentDatePrecision). */
	listSent(query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		const day = (iso) => `${iso.slice(0, 10)}T00:00:00.000Z`;
		const byDay = this.sentDatePrecision === 'day';
		const sortKey = (iso) => (byDay ? day(iso) : iso);
		// Newest first even when seeded out of order. Within one day (day precision), the oldest
		// first: the worst case for finding a lost invitation, as "no order inside a day" allows.
		const mine = this.invitations
			.map((i, index) => ({ i, index }))
			.filter(({ i }) => i.account_id === query.account_id)
			.sort(
				(a, b) =>
					sortKey(b.i.date).localeCompare(sortKey(a.i.date)) ||
					(byDay ? a.index - b.index : b.index - a.index),
			)
			.map(({ i }) => i);
		const items = mine.map((i) => {
			const target = this.profiles.find((p) => p.provider_id === i.provider_id);
			const dated = this.sentDatePrecision === 'day' ? day(i.date) : i.date;
			return {
				object: 'InvitationSent',
				id: i.id,
				date: dated,
				parsed_datetime: dated,
				invitation_text: i.message,
				invited_user: target ? `${target.first_name} ${target.last_name}` : null,
				invited_user_id: i.provider_id,
				invited_user_public_id: i.public_identifier,
				invited_user_description: target?.headline ?? null,
			};
		});
		const page = this.page(items, query, 100, 10);
		if (page.error) return page.error;
		return [200, { object: 'InvitationList', items: page.slice, cursor: page.cursor }];
	}

	cancel(invitationId, query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		const index = this.invitations.findIndex(
			(i) => i.id === decodeURIComponent(invitationId) && i.account_id === query.account_id,
		);
		if (index < 0) return [404, errorBody(404, 'resource_not_found', 'Invitation not found')];
		const [withdrawn] = this.invitations.splice(index, 1);
		this.withdrawn.push(withdrawn);
		return [200, { object: 'InvitationCanceled' }];
	}

	/** GET /api/v1/users/invite/received: pending invitations to the account, newest first. */
	listReceived(query) {
		const { error, account } = this.account(query.account_id);
		if (error) return error;
		const me = this.owner(account);
		const items = this.received
			.filter((r) => r.account_id === query.account_id)
			.sort((a, b) => b.date.localeCompare(a.date))
			.map((r) => {
				const inviter = this.profiles.find((p) => p.provider_id === r.provider_id);
				return {
					object: 'InvitationReceived',
					id: r.id,
					invited_user: `${me.first_name} ${me.last_name}`,
					invited_user_id: me.provider_id,
					invited_user_public_id: me.public_identifier,
					invited_user_description: null,
					date: r.date,
					parsed_datetime: r.date,
					invitation_text: r.message,
					inviter: {
						inviter_name: `${inviter.first_name} ${inviter.last_name}`,
						inviter_id: inviter.provider_id,
						inviter_public_identifier: inviter.public_identifier,
						inviter_description: inviter.headline,
					},
					specifics: { provider: 'LINKEDIN', shared_secret: r.shared_secret },
				};
			});
		const page = this.page(items, query, 100, 10);
		if (page.error) return page.error;
		return [200, { object: 'InvitationList', items: page.slice, cursor: page.cursor }];
	}

	/** POST /api/v1/users/invite/received/{id}: accept or decline with the invitation's shared secret. */
	handleReceived(invitationId, body) {
		const invalid = (detail) => [
			400,
			errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
		];
		if (!body || body.provider !== 'LINKEDIN') return invalid('provider must be LINKEDIN.');
		if (!['accept', 'decline'].includes(body.action))
			return invalid('action must be accept or decline.');
		if (typeof body.shared_secret !== 'string' || !body.shared_secret)
			return invalid('shared_secret is required.');
		const { error } = this.account(body.account_id);
		if (error) return error;
		const index = this.received.findIndex(
			(r) => r.id === invitationId && r.account_id === body.account_id,
		);
		// ASSUMPTION: the route documents no 404 or 400; an unknown id or a wrong secret answered so.
		if (index < 0) return [404, errorBody(404, 'resource_not_found', 'Invitation not found')];
		if (this.received[index].shared_secret !== body.shared_secret)
			return invalid('shared_secret does not match this invitation.');
		const [handled] = this.received.splice(index, 1);
		if (body.action === 'accept') {
			this.connections.push({
				account_id: handled.account_id,
				provider_id: handled.provider_id,
				connected_at: Date.now(),
			});
		}
		return [
			200,
			{
				object: 'UserInvitationHandled',
				status: body.action === 'accept' ? 'ACCEPTED' : 'DECLINED',
			},
		];
	}

	/** /api/v1/webhooks (v1 spec): create (201 WebhookCreated), list (cursor), delete. */
	webhookRoute(method, route, query, body) {
		if (method === 'POST' && route.length === 1) {
			const invalid = (detail) => [
				400,
				errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
			];
			if (!body || typeof body.request_url !== 'string' || !body.request_url)
				return invalid('request_url is required.');
			if (!Object.hasOwn(WEBHOOK_EVENTS, String(body.source)))
				return invalid('This sandbox knows the users and messaging sources only.');
			if (body.format !== undefined && !['json', 'form'].includes(body.format))
				return invalid('format must be json or form.');
			const known = WEBHOOK_EVENTS[body.source];
			const events = body.events ?? DEFAULT_EVENTS[body.source];
			if (!Array.isArray(events) || !events.length || !events.every((e) => known.includes(e)))
				return invalid(`events of a ${body.source} webhook must be among ${known.join(', ')}.`);
			const webhook = {
				object: 'Webhook',
				id: `wh_${this.webhooks.length + 1}_${Date.now().toString(36)}`,
				account_ids: (body.account_ids ?? []).map((id) => ({ id, type: 'LINKEDIN' })),
				enabled: body.enabled ?? true,
				name: body.name ?? '',
				request_url: body.request_url,
				format: body.format ?? 'json',
				headers: body.headers ?? [],
				data: body.data ?? [],
				events,
				// Not in the listed shape (spec: WebhookList items have no source); kept to route events.
				source: body.source,
				type: 'AUTO',
			};
			this.webhooks.push(webhook);
			// Tests: an answer lacking its id (the webhook exists all the same).
			if (this.webhookAnswerOmits?.includes('webhook_id'))
				return [201, { object: 'WebhookCreated' }];
			return [201, { object: 'WebhookCreated', webhook_id: webhook.id }];
		}
		if (method === 'GET' && route.length === 1) {
			const items = this.webhooks.map(({ source: _source, ...listed }) => listed);
			const page = this.page(items, query, 250, 100);
			if (page.error) return page.error;
			return [200, { object: 'WebhookList', items: page.slice, cursor: page.cursor }];
		}
		if (method === 'DELETE' && route.length === 2) {
			const index = this.webhooks.findIndex((w) => w.id === decodeURIComponent(route[1]));
			if (index < 0) return [404, errorBody(404, 'resource_not_found', 'Webhook not found')];
			this.webhooks.splice(index, 1);
			return [200, { object: 'WebhookDeleted' }];
		}
		return [404, errorBody(404, 'resource_not_found', 'Not found', 'No such webhook route.')];
	}

	/**
	 * `member` (public identifier or provider id) becomes a connection of the account (accepting the
	 * pending invitation if there is one) and every users webhook for it gets a new_relation event:
	 * the fields Unipile's docs list (detecting-accepted-invitations), with the webhook's headers.
	 */
	async simulateAcceptance(member, accountId = 'acc_ada_sales') {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		if (
			this.invitations.some(
				(i) => i.provider_id === person.provider_id && i.account_id === accountId,
			)
		)
			this.acceptSentInvitation(person.provider_id, accountId);
		else if (!this.isConnected(accountId, person.provider_id))
			this.connections.push({
				account_id: accountId,
				provider_id: person.provider_id,
				connected_at: Date.now(),
			});
		return await this.deliverNewRelation(person, accountId);
	}

	/** The enabled webhooks of a source asking for `event` for the account. */
	webhooksFor(source, event, accountId) {
		return this.webhooks.filter(
			(w) =>
				w.enabled &&
				w.source === source &&
				w.events.includes(event) &&
				(!w.account_ids.length || w.account_ids.some((a) => a.id === accountId)),
		);
	}

	async deliverNewRelation(person, accountId) {
		const targets = this.webhooksFor('users', 'new_relation', accountId);
		const deliveries = [];
		for (const webhook of targets) {
			const headers = Object.fromEntries(webhook.headers.map((h) => [h.key, h.value]));
			deliveries.push(
				await this.deliver(
					webhook.request_url,
					{
						event: 'new_relation',
						account_id: accountId,
						account_type: 'LINKEDIN',
						webhook_name: webhook.name,
						user_full_name: `${person.first_name} ${person.last_name}`,
						user_provider_id: person.provider_id,
						user_public_identifier: person.public_identifier,
						user_profile_url: `https://www.linkedin.com/in/${person.public_identifier}`,
						user_picture_url: null,
					},
					headers,
					{ format: webhook.format },
				),
			);
		}
		return deliveries;
	}

	// ---------------------------------------------------------------------------------------------
	// Messaging (v1 spec: m_startNewChat, m_sendMessageInChat, m_listChatMessages,
	// l_listChatsByAttendee; docs: send-messages, new-messages-webhook, message-payload)
	// ---------------------------------------------------------------------------------------------

	/** /api/v1/chats…: start a chat, write in one, list its messages. */
	chatRoute(method, route, query, body) {
		if (method === 'POST' && route.length === 1) return this.startChat(body);
		if (route.length === 3 && route[2] === 'messages') {
			const chatId = decodeURIComponent(route[1]);
			if (method === 'POST') return this.sendInChat(chatId, body);
			if (method === 'GET') return this.listMessages(chatId, query);
		}
		return [404, errorBody(404, 'resource_not_found', 'Not found', 'No such chat route.')];
	}

	/**
	 * The chat routes take multipart/form-data (spec: their only request content type; the docs'
	 * curl examples send `--form`). ASSUMPTION: another body is refused as malformed.
	 */
	formOf(body, allowed) {
		const invalid = (detail) => ({
			error: [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', detail)],
		});
		if (!body || body._multipart !== true)
			return {
				error: [
					400,
					errorBody(400, 'malformed_request', 'Malformed request', 'Expected multipart/form-data.'),
				],
			};
		const fields = Object.keys(body).filter((key) => key !== '_multipart' && key !== '_files');
		const unknown = fields.filter((key) => !allowed.has(key));
		if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}.`);
		// A sandbox limit: the node sends text only.
		if (body._files) return invalid('This sandbox takes no attachments.');
		const repeated = fields.filter((key) => key !== 'attendees_ids' && Array.isArray(body[key]));
		if (repeated.length) return invalid(`Fields sent more than once: ${repeated.join(', ')}.`);
		return { form: body };
	}

	/** ASSUMPTION: a message needs text here (the spec requires none, but the sandbox sends no attachments). */
	checkText(text) {
		if (typeof text !== 'string' || !text.trim())
			return [400, errorBody(400, 'missing_parameters', 'Missing parameters', 'text is required.')];
		if ([...text].length > MESSAGE_MAX_LENGTH)
			return [
				400,
				errorBody(
					400,
					'too_many_characters',
					'Too many characters',
					'The provided content exceeds the character limit.',
				),
			];
		return undefined;
	}

	/**
	 * The refusal for a member who is not a first-degree connection. The spec's 422 for POST /chats
	 * reads "Recipient cannot be reached: The recipient appears not to be first degree connection";
	 * ASSUMPTION: its type is the enum's errors/no_connection_with_recipient (the spec does not pair them).
	 */
	notConnected() {
		return [
			422,
			errorBody(
				422,
				'no_connection_with_recipient',
				'Recipient cannot be reached',
				'The recipient appears not to be first degree connection.',
			),
		];
	}

	/** POST /api/v1/chats: the first message to a member, or the next one in their 1:1 chat. */
	startChat(body) {
		const { form, error: malformed } = this.formOf(
			body,
			new Set([
				'account_id',
				'text',
				'attendees_ids',
				'subject',
				'linkedin[api]',
				'linkedin[inmail]',
				'linkedin[topic]',
				'linkedin[applicant_id]',
				'linkedin[invitation_id]',
			]),
		);
		if (malformed) return malformed;
		const invalid = (detail) => [
			400,
			errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
		];
		const attendees = [].concat(form.attendees_ids ?? []).filter(Boolean);
		if (!attendees.length)
			return [
				400,
				errorBody(400, 'missing_parameters', 'Missing parameters', 'attendees_ids is required.'),
			];
		// A sandbox limit: the node writes to one member at a time.
		if (attendees.length > 1) return invalid('This sandbox starts 1:1 chats only.');
		const api = form['linkedin[api]'];
		const inmail = form['linkedin[inmail]'];
		if (api !== undefined && !['classic', 'recruiter', 'sales_navigator'].includes(api))
			return invalid('linkedin[api] must be classic, recruiter or sales_navigator.');
		if (inmail !== undefined && !['true', 'false'].includes(inmail))
			return invalid('linkedin[inmail] must be true or false.');
		// The spec has `inmail` among the Classic options only.
		if (inmail !== undefined && api !== undefined && api !== 'classic')
			return invalid('linkedin[inmail] is a Classic option.');
		const { error } = this.account(form.account_id);
		if (error) return error;
		const badText = this.checkText(form.text);
		if (badText) return badText;
		// The sandbox accounts have no Recruiter or Sales Navigator seat.
		if (api === 'recruiter' || api === 'sales_navigator') return this.notSubscribed();
		const target = this.profiles.find((p) => p.provider_id === attendees[0]);
		if (!target)
			return [
				404,
				errorBody(
					404,
					'resource_not_found',
					'User not found',
					'attendees_ids must be provider ids, not public identifiers.',
				),
			];
		const asInmail = inmail === 'true';
		if (!asInmail && !this.isConnected(form.account_id, target.provider_id))
			return this.notConnected();
		const chat = asInmail
			? this.newChat(form.account_id, target.provider_id, true)
			: this.chatWith(form.account_id, target.provider_id);
		const message = this.addMessage(chat, { fromMe: true, text: form.text });
		this.deliverLater(message, chat);
		return [201, { object: 'ChatStarted', chat_id: chat.id, message_id: message.id }];
	}

	/** POST /api/v1/chats/{chat_id}/messages: a message in a chat the fake has. */
	sendInChat(chatId, body) {
		const { form, error: malformed } = this.formOf(
			body,
			new Set(['text', 'account_id', 'thread_id', 'quote_id']),
		);
		// ASSUMPTION: the spec lists no 400 for this route; a malformed or textless body is refused so.
		if (malformed) return malformed;
		const chat = this.chats.find((c) => c.id === chatId);
		if (!chat) return [404, errorBody(404, 'resource_not_found', 'Chat not found')];
		// Spec: "An account_id can be specified to prevent the user from sending messages in chats not
		// belonging to the account." ASSUMPTION: refused as a 403 account_mismatch.
		if (form.account_id !== undefined && form.account_id !== chat.account_id)
			return [
				403,
				errorBody(
					403,
					'account_mismatch',
					'Account mismatch',
					'The chat belongs to another account.',
				),
			];
		const badText = this.checkText(form.text);
		if (badText) return badText;
		if (!chat.inmail && !this.isConnected(chat.account_id, chat.attendee_provider_id))
			return this.notConnected();
		const message = this.addMessage(chat, { fromMe: true, text: form.text });
		this.deliverLater(message, chat);
		return [201, { object: 'MessageSent', message_id: message.id }];
	}

	/** The Unipile id of an attendee of an account's chats (ASSUMPTION: stable per account and member). */
	attendeeId(accountId, providerId) {
		return createHash('sha256')
			.update(`${accountId} ${providerId}`)
			.digest('base64url')
			.slice(0, 22);
	}

	newChat(accountId, providerId, inmail = false) {
		const chat = {
			id: unipileId(),
			provider_id: linkedInId(),
			account_id: accountId,
			attendee_provider_id: providerId,
			inmail,
		};
		this.chats.push(chat);
		return chat;
	}

	/** The member's 1:1 chat with the account (not an InMail's), created if there is none. */
	chatWith(accountId, providerId) {
		return (
			this.chats.find(
				(c) => c.account_id === accountId && c.attendee_provider_id === providerId && !c.inmail,
			) ?? this.newChat(accountId, providerId)
		);
	}

	addMessage(chat, { fromMe, text, at = Date.now() }) {
		const account = this.accounts.find((a) => a.id === chat.account_id);
		const message = {
			id: unipileId(),
			provider_id: linkedInId(),
			chat_id: chat.id,
			account_id: chat.account_id,
			sender_id: fromMe ? this.owner(account).provider_id : chat.attendee_provider_id,
			is_sender: fromMe ? 1 : 0,
			text,
			timestamp: new Date(at).toISOString(),
			seq: this.messages.length,
		};
		this.messages.push(message);
		return message;
	}

	/** Newest first; the later of two in the same millisecond first. */
	newestFirst(messages) {
		return [...messages].sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.seq - a.seq);
	}

	/** A message as GET /chats/{chat_id}/messages lists it (spec: m_listChatMessages items). */
	messageItem(message) {
		const chat = this.chats.find((c) => c.id === message.chat_id);
		return {
			object: 'Message',
			provider_id: message.provider_id,
			sender_id: message.sender_id,
			text: message.text,
			attachments: [],
			id: message.id,
			account_id: message.account_id,
			chat_id: message.chat_id,
			chat_provider_id: chat.provider_id,
			timestamp: message.timestamp,
			is_sender: message.is_sender,
			reactions: [],
			seen: 0,
			seen_by: {},
			hidden: 0,
			deleted: 0,
			edited: 0,
			is_event: 0,
			delivered: 1,
			behavior: null,
			// ASSUMPTION: the provider's own record of the message, as text; the spec only types it.
			original: '{}',
			sender_attendee_id: this.attendeeId(message.account_id, message.sender_id),
			message_type: chat.inmail ? 'INMAIL' : 'MESSAGE',
			attendee_type: 'MEMBER',
		};
	}

	/** A chat as GET /chat_attendees/{id}/chats lists it (spec: l_listChatsByAttendee items). */
	chatItem(chat) {
		const [last] = this.newestFirst(this.messages.filter((m) => m.chat_id === chat.id));
		return {
			object: 'Chat',
			id: chat.id,
			account_id: chat.account_id,
			account_type: 'LINKEDIN',
			provider_id: chat.provider_id,
			attendee_provider_id: chat.attendee_provider_id,
			name: null,
			// ASSUMPTION: 0 is a one-to-one chat (the spec's 0 | 1 | 2 are undescribed).
			type: 0,
			timestamp: last?.timestamp ?? null,
			unread_count: 0,
			archived: 0,
			muted_until: null,
			read_only: 0,
			disabledFeatures: [],
			folder: ['INBOX', 'INBOX_LINKEDIN_CLASSIC'],
			...(chat.inmail ? { content_type: 'inmail' } : {}),
		};
	}

	/**
	 * GET /api/v1/chat_attendees/{attendee_id}/chats: the member's 1:1 chats ("The Unipile ID OR
	 * provider_id of the attendee. Can be a comma-separated list"), `account_id` an optional filter.
	 * ASSUMPTION: the most recently active first, and a member never written to gives an empty list.
	 */
	listAttendeeChats(attendee, query) {
		const accountIds = query.account_id?.split(',');
		if (accountIds) {
			const unknown = accountIds.find((id) => !this.accounts.some((a) => a.id === id));
			if (unknown)
				return [
					404,
					errorBody(
						404,
						'resource_not_found',
						'Account not found',
						`No account with id ${unknown}.`,
					),
				];
		}
		const wanted = attendee.split(',');
		const items = this.chats
			.filter(
				(c) =>
					(!accountIds || accountIds.includes(c.account_id)) &&
					wanted.some(
						(id) =>
							id === c.attendee_provider_id ||
							id === this.attendeeId(c.account_id, c.attendee_provider_id),
					),
			)
			.map((c) => this.chatItem(c))
			.sort((a, b) => String(b.timestamp).localeCompare(String(a.timestamp)));
		// ASSUMPTION: the spec gives no default limit.
		const page = this.page(items, query, 250, 100);
		if (page.error) return page.error;
		return [200, { object: 'ChatList', items: page.slice, cursor: page.cursor }];
	}

	/**
	 * GET /api/v1/chats/{chat_id}/messages: newest first (ASSUMPTION: the spec states no order),
	 * cursor-paged (limit 1–250), with the spec's `before`, `after` (exclusive) and `sender_id` filters.
	 */
	listMessages(chatId, query) {
		const chat = this.chats.find((c) => c.id === chatId);
		if (!chat) return [404, errorBody(404, 'resource_not_found', 'Chat not found')];
		const items = this.newestFirst(this.messages.filter((m) => m.chat_id === chatId))
			.filter(
				(m) =>
					(!query.before || m.timestamp < query.before) &&
					(!query.after || m.timestamp > query.after) &&
					(!query.sender_id || m.sender_id === query.sender_id),
			)
			.map((m) => this.messageItem(m));
		// ASSUMPTION: the spec gives no default limit, and lists no 400 for a bad one.
		const page = this.page(items, query, 250, 100);
		if (page.error) return page.error;
		return [200, { object: 'MessageList', items: page.slice, cursor: page.cursor }];
	}

	/**
	 * The body of a message_received delivery: the fields of the docs' example payload
	 * (new-messages-webhook: account_id, account_type, event, chat_id, timestamp, webhook_name,
	 * message_id, message, sender{attendee_id, attendee_name, attendee_provider_id,
	 * attendee_profile_url}, attendees[], attachments) and the rest of the spec's messaging `data`
	 * keys. ASSUMPTION: `account_info` ({type, feature, user_id}, no document shows it) names the
	 * account's own member id as client code reads it, and `attendees` lists the chat's members
	 * other than the account.
	 */
	messageDelivery(message, chat, webhook) {
		const account = this.accounts.find((a) => a.id === chat.account_id);
		const me = this.owner(account);
		const person = this.profiles.find((p) => p.provider_id === chat.attendee_provider_id);
		const attendee = (providerId, name) => ({
			attendee_id: this.attendeeId(chat.account_id, providerId),
			attendee_name: name,
			attendee_provider_id: providerId,
			attendee_profile_url: `https://www.linkedin.com/in/${providerId}/`,
		});
		const member = attendee(person.provider_id, `${person.first_name} ${person.last_name}`);
		return {
			account_id: chat.account_id,
			account_type: 'LINKEDIN',
			account_info: { type: 'LINKEDIN', feature: 'classic', user_id: me.provider_id },
			event: 'message_received',
			chat_id: chat.id,
			timestamp: message.timestamp,
			webhook_name: webhook.name,
			message_id: message.id,
			message: message.text,
			sender: message.is_sender ? attendee(me.provider_id, account.name) : member,
			attendees: [member],
			attachments: [],
			subject: null,
			provider_chat_id: chat.provider_id,
			provider_message_id: message.provider_id,
			is_event: 0,
			quoted: null,
			chat_content_type: chat.inmail ? 'inmail' : null,
			message_type: chat.inmail ? 'INMAIL' : 'MESSAGE',
			is_group: false,
			folder: ['INBOX', 'INBOX_LINKEDIN_CLASSIC'],
		};
	}

	/** Tells every messaging webhook of the account about `message`; resolves with the deliveries. */
	async deliverMessage(message, chat) {
		const deliveries = [];
		for (const webhook of this.webhooksFor('messaging', 'message_received', chat.account_id)) {
			const headers = Object.fromEntries(webhook.headers.map((h) => [h.key, h.value]));
			deliveries.push(
				await this.deliver(
					webhook.request_url,
					this.messageDelivery(message, chat, webhook),
					headers,
					{ format: webhook.format },
				),
			);
		}
		return deliveries;
	}

	/**
	 * The account's own message is told too ("Sent messages are included", docs:
	 * new-messages-webhook), once the answer is on its way; dropped if the fake is reset first.
	 */
	deliverLater(message, chat) {
		const generation = this.generation;
		this.pendingDeliveries.push(
			new Promise((resolve) => setImmediate(resolve)).then(() =>
				generation === this.generation ? this.deliverMessage(message, chat) : [],
			),
		);
	}

	/** Resolves once the deliveries of the account's own messages are done (with them, flattened). */
	async deliveriesSettled() {
		return (await Promise.all(this.pendingDeliveries)).flat();
	}

	/** The member (public identifier or provider id) as the fake knows them; throws otherwise. */
	member(member) {
		const person = this.findProfile(String(member ?? ''));
		if (!person) throw new Error(`no member "${member}" in the sandbox`);
		return person;
	}

	/**
	 * `member` writes `text` to the account: the message joins their 1:1 chat (created if needed)
	 * and every messaging webhook of the account is told. Resolves with the deliveries.
	 */
	async simulateReply(member, accountId = 'acc_ada_sales', text = 'Thanks!') {
		const person = this.member(member);
		if (this.account(accountId).error)
			throw new Error(`no LinkedIn account "${accountId}" in the sandbox`);
		const chat = this.chatWith(accountId, person.provider_id);
		const message = this.addMessage(chat, { fromMe: false, text: String(text) });
		return await this.deliverMessage(message, chat);
	}

	/**
	 * The fake's messages between the account and `member`, newest first (every chat of theirs):
	 * { id, chat_id, text, from_me, sender_provider_id, at (ms since the epoch) }.
	 */
	conversation(accountId, member) {
		const person = this.member(member);
		const chats = new Set(
			this.chats
				.filter((c) => c.account_id === accountId && c.attendee_provider_id === person.provider_id)
				.map((c) => c.id),
		);
		return this.newestFirst(this.messages.filter((m) => chats.has(m.chat_id))).map((m) => ({
			id: m.id,
			chat_id: m.chat_id,
			text: m.text,
			from_me: m.is_sender === 1,
			sender_provider_id: m.sender_id,
			at: Date.parse(m.timestamp),
		}));
	}

	/**
	 * Connects `member` with the account and adds `count` messages to their 1:1 chat, alternating
	 * from the member (the oldest) and from the account, a minute apart, the newest a minute ago.
	 * Tells no webhook. Returns the conversation, newest first.
	 */
	seedConversation(accountId, member, count) {
		const person = this.member(member);
		if (!this.isConnected(accountId, person.provider_id))
			this.connections.push({
				account_id: accountId,
				provider_id: person.provider_id,
				connected_at: Date.now() - (count + 1) * 60_000,
			});
		const chat = this.chatWith(accountId, person.provider_id);
		const now = Date.now();
		for (let i = 0; i < count; i++) {
			const fromMe = i % 2 === 1;
			this.addMessage(chat, {
				fromMe,
				text: fromMe
					? `Message ${i + 1} from the account`
					: `Message ${i + 1} from ${person.first_name}`,
				at: now - (count - i) * 60_000,
			});
		}
		return this.conversation(accountId, member);
	}

	/** The recorded requests that send a message: POST /api/v1/chats and POST /api/v1/chats/{id}/messages. */
	messageRequests() {
		return this.requests.filter(
			(r) =>
				r.method === 'POST' &&
				(r.path === '/api/v1/chats' || /^\/api\/v1\/chats\/[^/]+\/messages$/.test(r.path)),
		);
	}

	// ---------------------------------------------------------------------------------------------
	// LinkedIn search (v1 spec: A_search, A_getSearchParametersList; the search guide)
	// ---------------------------------------------------------------------------------------------

	/**
	 * Adds `count` members the search finds (and the other routes know: they can be looked up and
	 * invited): `ACo…` Classic ids, `ACw…` Sales Navigator ids, a title, a company and a city in
	 * turns (three titles in eight hold "engineer"), none a connection.
	 */
	seedSearchPeople(count) {
		for (let n = 0; n < count; n++) {
			const i = this.searchPeopleCount++;
			const first = SEARCH_FIRST_NAMES[i % SEARCH_FIRST_NAMES.length];
			const last = SEARCH_LAST_NAMES[i % SEARCH_LAST_NAMES.length];
			const title = SEARCH_TITLES[i % SEARCH_TITLES.length];
			// Unipile (the last company) is Julien's only.
			const company = SEARCH_COMPANIES[i % (SEARCH_COMPANIES.length - 1)];
			const providerId = `ACoAASearch${String(i).padStart(29, '0')}`;
			this.profiles.push(
				profile(
					`${first}-${last}-${i}`.toLowerCase(),
					providerId,
					first,
					last,
					`${title} at ${company.title}`,
					{ location: SEARCH_CITIES[i % SEARCH_CITIES.length] },
				),
			);
			this.searchFacts.set(providerId, {
				title,
				company,
				distance: SEARCH_DISTANCES[i % SEARCH_DISTANCES.length],
			});
		}
	}

	/** The recorded search requests (POST /api/v1/linkedin/search). */
	searchRequests() {
		return this.calls('POST', '/api/v1/linkedin/search');
	}

	/** A member's title, company and distance when not a connection (people.js members: their headline). */
	searchFactsOf(person) {
		return (
			this.searchFacts.get(person.provider_id) ?? {
				title: person.headline,
				company:
					person.public_identifier === 'julien-crepieux'
						? SEARCH_COMPANIES.find((c) => c.title === 'Unipile')
						: undefined,
				distance: 'DISTANCE_2',
			}
		);
	}

	searchDistance(person, accountId) {
		return this.isConnected(accountId, person.provider_id)
			? 'DISTANCE_1'
			: this.searchFactsOf(person).distance;
	}

	/** /api/v1/linkedin/search…: a search, or the ids for its filters. */
	searchRoute(method, route, query, body) {
		if (method === 'POST' && route.length === 2 && route[1] === 'search')
			return this.search(query, body);
		if (
			method === 'GET' &&
			route.length === 3 &&
			route[1] === 'search' &&
			route[2] === 'parameters'
		)
			return this.searchParameters(query);
		return [404, errorBody(404, 'resource_not_found', 'Not found', 'No such LinkedIn route.')];
	}

	/**
	 * POST /api/v1/linkedin/search (A_search): a people search from the body ("Classic - People",
	 * "Sales Navigator - People", "Search from URL"), or its next page from a cursor (the "Cursor"
	 * body, or the `cursor` query parameter). Answers `{object: "LinkedinSearch", items, config:
	 * {params}, paging: {start, page_count, total_count}, cursor}` (L33086-36471), `cursor` null on
	 * the last page; pages are at most `this.maxPageSize` long. With `this.searchDuplicates`, each
	 * page after the first repeats the last member of the page before (LinkedIn's results shift
	 * while one pages through them).
	 */
	search(query, body) {
		const invalid = (detail) => [
			400,
			errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
		];
		const { error, account } = this.account(query.account_id);
		if (error) return error;
		// The body is required (L30864-30866).
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return [
				400,
				errorBody(400, 'malformed_request', 'Malformed request', 'Expected a JSON body.'),
			];
		let params = body;
		let start = 0;
		let cursorLimit;
		const cursor = body.cursor ?? query.cursor;
		if (cursor !== undefined) {
			// ASSUMPTION: a cursor comes alone (it carries the search); the sandbox refuses a mix.
			if (Object.keys(body).some((key) => key !== 'cursor'))
				return invalid('Send the cursor alone: it carries the search.');
			if (body.cursor !== undefined && query.cursor !== undefined && body.cursor !== query.cursor)
				return invalid('Two different cursors were sent.');
			const state = typeof cursor === 'string' && cursor ? decodeSearchCursor(cursor) : undefined;
			// ASSUMPTION: a cursor is refused for another account.
			if (!state || state.account_id !== query.account_id) return invalid('Invalid cursor.');
			({ params, start } = state);
			cursorLimit = state.limit;
		}
		const search = this.searchOf(params);
		if (search.error) return search.error;
		const { product, criteria } = search;
		if (product === 'sales_navigator' && !SALES_NAVIGATOR_SEATS.has(account.id))
			return this.notSubscribed();
		const limit = query.limit !== undefined ? Number(query.limit) : (cursorLimit ?? 10);
		const max = SEARCH_PAGE_MAX[product];
		if (!Number.isInteger(limit) || limit < 0 || limit > max)
			return invalid(`limit must be an integer from 0 to ${max} for a ${product} search.`);

		const found = this.profiles.filter((p) => this.matchesSearch(p, criteria, account.id));
		// LinkedIn gives a search's first 1,000 (Classic) or 2,500 (Sales Navigator) results only.
		// ASSUMPTION: total_count says how many matched, beyond that cap too.
		const available = found.slice(0, SEARCH_CAP[product]);
		const size = Math.min(limit, this.maxPageSize);
		const repeat = this.searchDuplicates && start > 0 && size > 1;
		const fresh = available.slice(start, start + (repeat ? size - 1 : size));
		const people = repeat ? [available[start - 1], ...fresh] : fresh;
		const next = start + fresh.length;
		return [
			200,
			{
				object: 'LinkedinSearch',
				items: people.map((p) => this.searchItem(p, product, account.id)),
				config: { params },
				paging: { start, page_count: people.length, total_count: found.length },
				cursor:
					size > 0 && next < available.length
						? encodeSearchCursor({ account_id: account.id, limit, start: next, params })
						: null,
			},
		];
	}

	notSubscribed() {
		return [
			403,
			errorBody(
				403,
				'feature_not_subscribed',
				'Feature not subscribed',
				'The requested feature has either not been subscribed or not been authenticated properly.',
			),
		];
	}

	/** What a search body (or the params a cursor carries) asks: { product, criteria } or { error }. */
	searchOf(params) {
		const invalid = (detail) => ({
			error: [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', detail)],
		});
		// "Setting this parameter will override the entire body" (L33057-33066).
		if (params.url !== undefined) return this.urlSearch(params.url);
		if (params.api === undefined || params.category === undefined)
			return {
				error: [
					400,
					errorBody(
						400,
						'missing_parameters',
						'Missing parameters',
						'api and category are required (or url, or cursor).',
					),
				],
			};
		if (!['classic', 'sales_navigator', 'recruiter'].includes(params.api))
			return invalid('api must be classic, sales_navigator or recruiter.');
		// The sandbox accounts have no Recruiter seat.
		if (params.api === 'recruiter') return { error: this.notSubscribed() };
		// A sandbox limit: the node searches people only.
		if (params.category !== 'people') return invalid('This sandbox searches people only.');
		const product = params.api;
		// ASSUMPTION: a field the spec does not list is refused (the live API may ignore it).
		const unknown = Object.keys(params).filter((key) => !PEOPLE_FIELDS[product].has(key));
		if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}.`);
		if (params.keywords !== undefined && typeof params.keywords !== 'string')
			return invalid('keywords must be a string.');
		const distances = params.network_distance;
		const allowed = product === 'classic' ? [1, 2, 3] : [1, 2, 3, 'GROUP'];
		if (
			distances !== undefined &&
			(!Array.isArray(distances) || !distances.every((d) => allowed.includes(d)))
		)
			return invalid(`network_distance must be a list of ${allowed.join(', ')}.`);
		const list = (value, pattern) =>
			Array.isArray(value) &&
			value.length > 0 &&
			value.every((v) => typeof v === 'string' && pattern.test(v));
		const criteria = {
			keywords: params.keywords,
			distances: (distances ?? []).filter((d) => typeof d === 'number'),
		};
		if (product === 'classic') {
			const bad = CLASSIC_ID_LISTS.find(
				(key) => params[key] !== undefined && !list(params[key], /^\d+$/),
			);
			if (bad) return invalid(`${bad} must be a list of LinkedIn ids (digits).`);
			const advanced = params.advanced_keywords;
			if (
				advanced !== undefined &&
				(!advanced ||
					typeof advanced !== 'object' ||
					Array.isArray(advanced) ||
					!Object.entries(advanced).every(
						([key, value]) => ADVANCED_KEYWORDS.has(key) && typeof value === 'string',
					))
			)
				return invalid('advanced_keywords takes first_name, last_name, title, company, school.');
			// The others (industry, school, …) are taken and not applied by the sandbox.
			return {
				product,
				criteria: {
					...criteria,
					titles: advanced?.title ? [advanced.title] : [],
					companies: params.company ?? [],
					locations: params.location ?? [],
				},
			};
		}
		const includeExclude = (key, pattern) => {
			const value = params[key];
			if (value === undefined) return true;
			if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
			return Object.entries(value).every(
				([part, items]) => ['include', 'exclude'].includes(part) && list(items, pattern),
			);
		};
		const badId = SALES_ID_FILTERS.find((key) => !includeExclude(key, /^\d+$/));
		if (badId) return invalid(`${badId} must be {include, exclude} lists of LinkedIn ids.`);
		const badText = SALES_TEXT_FILTERS.find((key) => !includeExclude(key, /.+/));
		if (badText) return invalid(`${badText} must be {include, exclude} lists of ids or names.`);
		return {
			product,
			criteria: {
				...criteria,
				titles: params.role?.include ?? [],
				titlesOut: params.role?.exclude ?? [],
				companies: params.company?.include ?? [],
				companiesOut: params.company?.exclude ?? [],
				locations: params.location?.include ?? [],
				locationsOut: params.location?.exclude ?? [],
			},
		};
	}

	/**
	 * A pasted search URL: the product is the URL's (search.md §1.5, INFERRED), and the sandbox
	 * reads its keywords (Classic `?keywords=…`, Sales Navigator `keywords:…` inside `query=(…)`)
	 * and Classic's `network=["F","S","O"]`. ASSUMPTION: LinkedIn's own URL parameters, which no
	 * Unipile document lists; other filters in a URL are not applied; a lead list holds everyone.
	 */
	urlSearch(raw) {
		const invalidUrl = (detail) => ({
			error: [400, errorBody(400, 'invalid_url', 'Invalid URL', detail)],
		});
		if (typeof raw !== 'string' || !raw.trim()) return invalidUrl('url must be a search URL.');
		let url;
		try {
			url = new URL(raw.trim());
		} catch {
			return invalidUrl('url is not a URL.');
		}
		if (!/(^|\.)linkedin\.com$/i.test(url.hostname))
			return invalidUrl('url is not a LinkedIn search URL.');
		const path = url.pathname.replace(/\/+$/, '');
		if (path === '/search/results/people') {
			const network = /\[([^\]]*)\]/.exec(url.searchParams.get('network') ?? '')?.[1] ?? '';
			const degrees = { F: 1, S: 2, O: 3 };
			return {
				product: 'classic',
				criteria: {
					keywords: url.searchParams.get('keywords') ?? undefined,
					distances: [...network.matchAll(/[FSO]/g)].map(([d]) => degrees[d]),
				},
			};
		}
		if (path === '/sales/search/people' || path.startsWith('/sales/lists/people')) {
			const inQuery = /keywords:([^,)]+)/.exec(url.searchParams.get('query') ?? '')?.[1];
			return {
				product: 'sales_navigator',
				criteria: { keywords: url.searchParams.get('keywords') ?? inQuery, distances: [] },
			};
		}
		if (/^\/(search\/results|sales\/search)\//.test(path))
			return {
				error: [
					400,
					errorBody(
						400,
						'invalid_parameters',
						'Invalid parameters',
						'This sandbox searches people only.',
					),
				],
			};
		return invalidUrl('url is not a LinkedIn search URL.');
	}

	/**
	 * Whether a member matches: every keyword in their name, headline, company or city
	 * (ASSUMPTION: LinkedIn's keyword match is its own); a title in their current title; a company
	 * by id or, Sales Navigator, by name; a location id covering their city; a distance, 3 meaning
	 * 3rd and beyond (OUT_OF_NETWORK too).
	 */
	matchesSearch(person, criteria, accountId) {
		const facts = this.searchFactsOf(person);
		const lower = (value) => String(value ?? '').toLowerCase();
		const haystack = lower(
			[person.first_name, person.last_name, person.headline, facts.company?.title, person.location]
				.filter(Boolean)
				.join(' '),
		);
		const terms = lower(criteria.keywords).split(/\s+/).filter(Boolean);
		if (!terms.every((term) => haystack.includes(term))) return false;
		const hasTitle = (t) => lower(facts.title).includes(lower(t));
		const atCompany = (c) =>
			/^\d+$/.test(c) ? facts.company?.id === c : lower(facts.company?.title).includes(lower(c));
		const inLocation = (id) => {
			const place = SEARCH_LOCATIONS.find((l) => l.id === id);
			return !!place && lower(person.location).includes(lower(place.title));
		};
		const some = (values, test) => !values?.length || values.some(test);
		const none = (values, test) => !values?.length || !values.some(test);
		if (!some(criteria.titles, hasTitle) || !none(criteria.titlesOut, hasTitle)) return false;
		if (!some(criteria.companies, atCompany) || !none(criteria.companiesOut, atCompany))
			return false;
		if (!some(criteria.locations, inLocation) || !none(criteria.locationsOut, inLocation))
			return false;
		const distance = this.searchDistance(person, accountId);
		const degree = { DISTANCE_1: 1, DISTANCE_2: 2, DISTANCE_3: 3, OUT_OF_NETWORK: 3 }[distance];
		return some(criteria.distances, (d) => d === degree);
	}

	/**
	 * A person as the search lists them (L33100-33520; the guide's examples): Classic with the
	 * `ACo…` id and a `/in/<slug>?miniProfileUrn=…` profile_url, Sales Navigator with the `ACw…` id,
	 * a `/sales/lead/…` profile_url and the current position. `pending_invitation`: ASSUMPTION, an
	 * invitation the account sent that waits (the spec does not describe the field).
	 */
	searchItem(person, product, accountId) {
		const facts = this.searchFactsOf(person);
		const classicId = person.provider_id;
		const id = product === 'sales_navigator' ? salesIdOf(classicId) : classicId;
		const slug = encodeURIComponent(person.public_identifier);
		const item = {
			object: 'SearchResult',
			type: 'PEOPLE',
			id,
			public_identifier: person.public_identifier,
			public_profile_url: person.public_profile_url,
			profile_url:
				product === 'sales_navigator'
					? `https://www.linkedin.com/sales/lead/${id},NAME_SEARCH,${createHash('sha256').update(id).digest('base64url').slice(0, 4)}`
					: `https://www.linkedin.com/in/${slug}?miniProfileUrn=${encodeURIComponent(`urn:li:fs_miniProfile:${id}`)}`,
			profile_picture_url: null,
			profile_picture_url_large: null,
			member_urn: `urn:li:member:${100_000_000 + this.profiles.indexOf(person)}`,
			name: `${person.first_name} ${person.last_name}`,
			first_name: person.first_name,
			last_name: person.last_name,
			network_distance: this.searchDistance(person, accountId),
			location: person.location,
			industry: null,
			headline: person.headline,
			pending_invitation: this.invitations.some(
				(i) => i.account_id === accountId && i.provider_id === classicId,
			),
		};
		if (product === 'sales_navigator') {
			item.premium = false;
			item.open_profile = false;
			item.current_positions = facts.company
				? [
						{
							company: facts.company.title,
							company_id: facts.company.id,
							description: null,
							role: facts.title,
							location: person.location,
							industry: [],
							skills: null,
						},
					]
				: [];
		}
		return item;
	}

	/**
	 * GET /api/v1/linkedin/search/parameters (A_getSearchParametersList, L30554-30824): ids for a
	 * filter type, `keywords` matching their titles. The sandbox knows LOCATION and COMPANY ids
	 * (ASSUMPTION: the other types answer an empty list; without keywords, the first ones).
	 */
	searchParameters(query) {
		const invalid = (detail) => [
			400,
			errorBody(400, 'invalid_parameters', 'Invalid parameters', detail),
		];
		const { error } = this.account(query.account_id);
		if (error) return error;
		if (query.type === undefined)
			return [400, errorBody(400, 'missing_parameters', 'Missing parameters', 'type is required.')];
		if (!PARAMETER_TYPES.has(query.type)) return invalid(`Unknown type ${query.type}.`);
		const limit = query.limit === undefined ? 10 : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return invalid('limit must be an integer from 1 to 100.');
		const wanted = String(query.keywords ?? '')
			.trim()
			.toLowerCase();
		const table = Object.hasOwn(PARAMETER_TABLES, query.type) ? PARAMETER_TABLES[query.type] : [];
		const items = table
			.filter((entry) => !wanted || entry.title.toLowerCase().includes(wanted))
			.slice(0, Math.min(limit, this.maxPageSize))
			.map((entry) => ({ object: 'LinkedinSearchParameter', id: entry.id, title: entry.title }));
		return [
			200,
			{
				object: 'LinkedinSearchParametersList',
				items,
				paging: { page_count: items.length },
			},
		];
	}

	/** The LinkedIn member behind a connected account (made up from the account's connection_params). */
	owner(account) {
		const [first, ...rest] = account.name.split(' ');
		return {
			provider_id: account.connection_params.im.id,
			public_identifier: account.connection_params.im.publicIdentifier,
			first_name: first,
			last_name: rest.join(' '),
		};
	}

	/** GET /api/v1/users/me: the account owner's profile. */
	me(query) {
		const { error, account } = this.account(query.account_id);
		if (error) return error;
		const me = this.owner(account);
		return [
			200,
			{
				object: 'AccountOwnerProfile',
				provider: 'LINKEDIN',
				provider_id: me.provider_id,
				entity_urn: `urn:li:fsd_profile:${me.provider_id}`,
				object_urn: `urn:li:member:${100_000 + account.id.length}`,
				first_name: me.first_name,
				last_name: me.last_name,
				profile_picture_url: null,
				public_profile_url: `https://www.linkedin.com/in/${me.public_identifier}`,
				public_identifier: me.public_identifier,
				headline: 'Analyst at the Engine Company',
				location: 'London, England, United Kingdom',
				email: `${me.public_identifier}@example.com`,
				premium: true,
				open_profile: false,
				occupation: 'Analyst',
				organizations: [],
				recruiter: null,
				sales_navigator: null,
			},
		];
	}

	/**
	 * GET /api/v1/users/relations: the account's connections, newest first (ASSUMPTION: the order
	 * LinkedIn's own list shows; the spec states none), `filter` matching names.
	 */
	listRelations(query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		const wanted = query.filter?.toLowerCase();
		// Newest first; connections made in the same millisecond, the later one first.
		const items = this.connections
			.map((c, index) => ({ ...c, index }))
			.filter((c) => c.account_id === query.account_id)
			.sort((a, b) => b.connected_at - a.connected_at || b.index - a.index)
			.map((c) => {
				const person = this.profiles.find((p) => p.provider_id === c.provider_id);
				return {
					object: 'UserRelation',
					first_name: person.first_name,
					last_name: person.last_name,
					headline: person.headline,
					public_identifier: person.public_identifier,
					public_profile_url: `https://www.linkedin.com/in/${encodeURIComponent(person.public_identifier)}`,
					created_at: c.connected_at,
					member_id: person.provider_id,
					member_urn: `urn:li:member:${person.provider_id.length * 1000}`,
					connection_urn: `urn:li:fsd_connection:${person.provider_id}`,
				};
			})
			.filter((r) => !wanted || `${r.first_name} ${r.last_name}`.toLowerCase().includes(wanted));
		const page = this.page(items, query, 1000, 100);
		if (page.error) return page.error;
		return [200, { object: 'UserRelationsList', items: page.slice, cursor: page.cursor }];
	}
}

module.exports = { FakeUnipile, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) runFromCommandLine(FakeUnipile, 'Unipile', DEFAULT_API_KEY);

/**
 * A local stand-in for Unipile's API v2 (accounts, LinkedIn users, relation requests, relations,
 * webhook endpoints), speaking its documented wire format: `X-API-KEY`, paths under `/v2` with the
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
 *   migration-webhooks, migration-from-v1), of which only the opening is held.
 * The SDKs declare no error responses: every error type beyond the five DOC shows, and every
 * status for one, is marked ASSUMPTION where it is answered. So is what no source shows of a
 * webhook delivery (its headers, signature, account key and relation payload).
 *
 *   node test/fakes/unipileV2.js [--port 0] [--api-key KEY]
 * prints one JSON line {"service":"Unipile v2","url":...} once listening (control endpoints: base.js).
 */
'use strict';
const { createHmac, randomInt, randomUUID } = require('node:crypto');
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
		location: 'Paris, Île-de-France, France',
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
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		this.profiles = PEOPLE.map(profileOf);
		this.invitations = [];
		this.connections = seedConnections(this.accounts);
		this.received = seedReceived(this.accounts);
		this.withdrawn = [];
		/** Which SDK generation's `trigger_events` the server knows: 'both', 'py' or 'ts'. */
		this.knownEvents = 'both';
		/**
		 * Whether lists answer `next_cursor` (PY: "If supported by the provider, use next_cursor …
		 * else use offset"); false: offset paging with `total_count` only.
		 */
		this.cursorPaging = true;
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

	findProfile(identifier) {
		const wanted = String(identifier).toLowerCase();
		return this.profiles.find(
			(p) => p.id === identifier || p.public_identifier.toLowerCase() === wanted,
		);
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
	 * relation event gets one. The envelope has `type` and `payload` (DOC configure-a-webhook) plus
	 * "the event type, creation date, and the account identifier" (DOC migration-webhooks).
	 * ASSUMPTION, all NOT SHOWN: the keys `id` (evt_…), `created_at`, `account_id`; the payload a
	 * UserRelation `{id, object, created_at, user}`; the event `relation.new` when subscribed (TS),
	 * else `relation.request.accept` (PY); the headers `content-type: application/json` and the
	 * Standard Webhooks signature (webhook-id, webhook-timestamp, webhook-signature "v1,<base64
	 * HMAC-SHA256(secret, id.timestamp.body)>"), see services/unipileV2/webhooks.ts.
	 * `tamper` signs another body than the one sent; `timestamp` (seconds) dates the signature.
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
		for (const webhook of this.webhooks) {
			if (!webhook.enabled) continue;
			if (webhook.account_ids.length && !webhook.account_ids.includes(accountId)) continue;
			const type = RELATION_EVENTS.find((e) => webhook.trigger_events.includes(e));
			if (!type) continue;
			const body = {
				id: `evt_${randomInt(1e9)}`,
				type,
				created_at: new Date().toISOString(),
				account_id: accountId,
				payload: {
					object: 'UserRelation',
					id: relation.id,
					created_at: relation.created_at,
					user: userOf(person, 'FIRST_DEGREE'),
				},
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
			deliveries.push(await this.deliver(webhook.url, body, headers, { raw: text }));
		}
		return deliveries;
	}
}

module.exports = { FakeUnipileV2, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) runFromCommandLine(FakeUnipileV2, 'Unipile v2', DEFAULT_API_KEY);

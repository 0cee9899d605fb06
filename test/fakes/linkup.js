/**
 * A local stand-in for LinkupAPI v2 (accounts, profiles, network, messages, webhooks), speaking its
 * documented wire format: `x-api-key`, one URL per category with `action` in the body, the
 * `{success, data|error, metadata}` envelope (including 200 answers with success:false), credit
 * metering, and limit/offset pagination. Records every request and can inject faults (see base.js).
 *
 * Sources, each cited where it is followed (D = https://docs.linkupapi.com/api-reference/v2):
 * D/introduction, D/error-codes, D/accounts/list-accounts, D/network/invite,
 * D/network/check-invitation, D/network/list-sent, D/network/withdraw, D/network/list-invitations,
 * D/network/accept, D/network/list-connections, D/profiles/search-people (with the v1 page it
 * inherits from, docs.linkupapi.com/api-reference/linkup/Profile/search), D/messages/send,
 * D/messages/get-conversation, D/messages/list-inbox, D/webhooks/create, D/webhooks/events,
 * D/webhooks/signature, the v1 messaging pages (docs.linkupapi.com/api-reference/linkup/Messages/
 * send, /conversation, /inbox-conversations: real-looking URNs), and Pipedream's LinkupAPI
 * components (github.com/PipedreamHQ/pipedream, components/linkupapi: list-accounts.mjs reads
 * `res.data.items` and `data.total`; get-profile-info.mjs sends `get` with `params.profile_url`).
 * What no page shows is marked ASSUMPTION where it is answered. The handlers take exactly what the
 * pages show and refuse other shapes (INVALID_PARAMS), so an adapter sending something else fails.
 *
 *   node test/fakes/linkup.js [--port 0] [--api-key KEY]
 */
'use strict';
const { createHmac, randomBytes, randomInt } = require('node:crypto');
const { FakeService, runFromCommandLine, SANDBOX_HEADER } = require('./base');
const { PEOPLE } = require('./people');

const DEFAULT_API_KEY = 'sandbox-linkup-key';

function seedAccounts() {
	const account = (
		account_id,
		account_name,
		platform,
		status,
		is_active = status === 'connected',
	) => ({
		account_id,
		platform,
		account_name,
		is_active,
		status,
		country: 'FR',
		created_at: '2026-01-05T09:00:00Z',
		updated_at: '2026-11-01T09:00:00Z',
	});
	return [
		account('acc_linkup_ada', 'Ada Lovelace', 'linkedin', 'connected'),
		account('acc_linkup_wa', 'Support line', 'whatsapp', 'connected'),
		account('acc_linkup_grace', 'Grace Hopper', 'linkedin', 'checkpoint_required', false),
		account('69c127c37cae0494dd827286', 'Alan Turing', 'linkedin', 'connected'),
	];
}

function seedProfiles() {
	const profile = (public_identifier, member, first_name, last_name, headline, extra = {}) => ({
		public_identifier,
		profile_urn: `urn:li:fsd_profile:${member}`,
		first_name,
		last_name,
		headline,
		location: 'Paris, Île-de-France, France',
		profile_picture_url: `https://media.example.invalid/${encodeURIComponent(public_identifier)}.jpg`,
		connected: false,
		...extra,
	});
	return PEOPLE.map((person) =>
		profile(
			person.publicIdentifier,
			person.providerId,
			person.firstName,
			person.lastName,
			person.headline,
			{ connected: person.connected === true },
		),
	);
}

/**
 * What search_people filters on besides a profile's names and location: the current title and
 * company, and the distance to the sandbox accounts when not connected ("S" 2nd, "O" 3rd+). The
 * seeded members (PEOPLE) are 2nd degree, their headline their title; 120 more are generated, in a
 * fixed order, so that searches page (LinkupAPI's pages hold 50: see searchPeople).
 */
const SEARCH_FIRST = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid'];
const SEARCH_FIRST_MORE = ['Giulia', 'Hugo', 'Inès', 'Jonas', 'Klara', 'Léo'];
const SEARCH_LAST = ['Martin', 'Bernard', 'Dubois', 'Schmidt', 'Rossi'];
const SEARCH_LAST_MORE = ['Garcia', 'Smith', 'Nguyen', 'Kowalski', 'Jensen'];
const SEARCH_TITLES = [
	'Software Engineer',
	'Head of Sales',
	'Data Engineer',
	'Product Manager',
	'Founder',
	'VP Sales',
];
const SEARCH_COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella'];
const SEARCH_LOCATIONS = [
	'Paris, Île-de-France, France',
	'London, England, United Kingdom',
	'Berlin, Germany',
];
/** How many members the search knows beyond PEOPLE. */
const GENERATED_SEARCH_PEOPLE = 120;
const ascii = (value) =>
	value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

function seedSearchPeople() {
	const firsts = [...SEARCH_FIRST, ...SEARCH_FIRST_MORE];
	const lasts = [...SEARCH_LAST, ...SEARCH_LAST_MORE];
	const seeded = PEOPLE.map((person) => ({
		public_identifier: person.publicIdentifier,
		title: person.headline,
		company: / at (.+)$/.exec(person.headline)?.[1] ?? null,
		network: 'S',
	}));
	const generated = [];
	for (let i = 0; i < GENERATED_SEARCH_PEOPLE; i++) {
		const first = firsts[i % firsts.length];
		const last = lasts[Math.floor(i / firsts.length) % lasts.length];
		const number = String(i + 1).padStart(3, '0');
		const slug = `${ascii(first)}-${ascii(last)}-${number}`;
		const title = SEARCH_TITLES[i % SEARCH_TITLES.length];
		const company = SEARCH_COMPANIES[i % SEARCH_COMPANIES.length];
		generated.push({
			profile: {
				public_identifier: slug,
				profile_urn: `urn:li:fsd_profile:ACoAASRCH${number}${'0'.repeat(27)}`,
				first_name: first,
				last_name: last,
				headline: `${title} at ${company}`,
				location: SEARCH_LOCATIONS[i % SEARCH_LOCATIONS.length],
				profile_picture_url: `https://media.example.invalid/${slug}.jpg`,
				connected: false,
			},
			search: { public_identifier: slug, title, company, network: i % 2 === 0 ? 'S' : 'O' },
		});
	}
	return {
		profiles: generated.map((g) => g.profile),
		search: [...seeded, ...generated.map((g) => g.search)],
	};
}

/** search_people's params (D/profiles/search-people's request sample), by type. */
const SEARCH_TEXT_PARAMS = [
	'keyword',
	'first_name',
	'last_name',
	'title',
	'company_name',
	'connection_of',
	'follower_of',
];
const SEARCH_LIST_PARAMS = [
	'company_url',
	'past_company',
	'location',
	'school_url',
	'industry',
	'network',
];
const SEARCH_NUMBER_PARAMS = ['total_results', 'start_page', 'end_page'];
/** v1 search page: pagination mode reads pages of `results_per_page: 50`. */
const SEARCH_PAGE_SIZE = 50;
/** LinkedIn gives at most 1,000 results for one Classic search (the cap the node assumes). */
const SEARCH_CAP = 1000;

const memberIdOf = (profile) => profile.profile_urn.split(':').pop();
const MINUTE_MS = 60 * 1000;
/** The event types a webhook may ask for: "message_received, accepted_invitation, all" (D/webhooks/create). */
const WEBHOOK_EVENTS = ['message_received', 'accepted_invitation', 'all'];

/**
 * The account's own LinkedIn member (get_me, and the sender of the account's messages). ASSUMPTION:
 * its public identifier is its name in slug form, its member id made up in LinkedIn's shape.
 */
function ownMember(account) {
	const slug = account.account_name.toLowerCase().replace(/\s+/g, '-');
	const [first, ...rest] = account.account_name.split(' ');
	return {
		public_identifier: slug,
		member_id: `ACoAAAme${slug.replace(/-/g, '')}000000000000`,
		first_name: first,
		last_name: rest.join(' '),
	};
}
/** `urn:li:invitation:N` → `N`: D/network/withdraw's form of the same invitation. */
const digitsOf = (urn) => String(urn).split(':').pop();
const DAY_MS = 24 * 60 * 60 * 1000;
const linkedInAccountIds = (accounts) =>
	accounts.filter((a) => a.platform === 'linkedin').map((a) => a.account_id);

/** LinkedIn's relative age, as list_sent and list_invitations show it ("0d", "3d"). */
function age(sentAt) {
	const days = Math.max(0, Math.floor((Date.now() - Date.parse(sentAt)) / DAY_MS));
	return { sent_time: `${days}d`, sent_time_days: days };
}

/** The documented `pagination` block of the network lists (offset based). */
function pagination(offset, count, next) {
	return {
		offset,
		count,
		next_offset: next ?? null,
		has_more: next !== undefined,
		results_per_page: count,
		pages_fetched: 1,
	};
}

class FakeLinkup extends FakeService {
	/** @param {{ apiKey?: string, label?: boolean }} [options] */
	constructor({ apiKey = DEFAULT_API_KEY, label = false } = {}) {
		super({ apiKey, keyHeader: 'x-api-key', label });
		/** @type {any[]} */
		this.accounts = [];
		/** @type {any[]} */
		this.profiles = [];
		/** @type {any[]} */
		this.invitations = [];
		/** @type {any[]} first-degree connections, per account */
		this.connections = [];
		/** @type {any[]} invitations received, pending, per account */
		this.received = [];
		/** @type {any[]} one per account and member: {account_id, public_identifier, conversation_id, messages} */
		this.conversations = [];
		this.credits = 100;
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		const search = seedSearchPeople();
		this.profiles = [...seedProfiles(), ...search.profiles];
		/** What search_people filters on, per member (see seedSearchPeople), in its result order. */
		this.searchPeopleIndex = search.search;
		/** Tests: each search page after the first starts with the last result of the page before. */
		this.searchDuplicates = false;
		this.invitations = [];
		this.connections = linkedInAccountIds(this.accounts).flatMap((accountId) =>
			PEOPLE.filter((p) => p.connected).map((p) => ({
				account_id: accountId,
				public_identifier: p.publicIdentifier,
				connected_at: p.connectedAt,
			})),
		);
		let next = 9_000_000_000;
		// D/network/list-invitations writes each item's `entity_urn` as "urn:li:invitation:123456789".
		this.received = linkedInAccountIds(this.accounts).flatMap((accountId) =>
			PEOPLE.filter((p) => p.invites).map((p) => ({
				entity_urn: `urn:li:invitation:${next++}`,
				shared_secret: `lk-secret-${accountId}-${p.publicIdentifier}`,
				account_id: accountId,
				public_identifier: p.publicIdentifier,
				message: p.note,
				sent_at: p.invitedAt,
			})),
		);
		/** Credits left; every successful metered call spends some, errors spend none. */
		this.credits = 100;
		this.conversations = [];
		/** Numbers the fake's message and conversation URNs. */
		this.sequence = 0;
	}

	failure(status, code, message, action) {
		return [
			status,
			{
				success: false,
				error: { code, message },
				metadata: { action, credits_consumed: 0, timestamp: new Date().toISOString() },
			},
		];
	}

	success(data, action, accountId, credits) {
		this.credits -= credits;
		return [
			200,
			{
				success: true,
				data,
				metadata: {
					action,
					account_id: accountId,
					credits_consumed: credits,
					timestamp: new Date().toISOString(),
				},
			},
		];
	}

	unauthorised() {
		return this.failure(
			403,
			'INVALID_API_KEY',
			'Invalid or missing API key. Send it in the x-api-key header.',
		);
	}

	serverError() {
		return {
			success: false,
			error: { code: 'INTERNAL_ERROR', message: 'Internal server error' },
			metadata: { credits_consumed: 0 },
		};
	}

	isConnected(accountId, profile) {
		return this.connections.some(
			(c) => c.account_id === accountId && c.public_identifier === profile.public_identifier,
		);
	}

	/** The member accepts the account's pending invitation: it leaves the sent list, they connect. */
	acceptSentInvitation(publicIdentifier, accountId = 'acc_linkup_ada') {
		const index = this.invitations.findIndex(
			(i) => i.public_identifier === publicIdentifier && i.account_id === accountId,
		);
		if (index < 0)
			throw new Error(`no pending invitation to ${publicIdentifier} from ${accountId}`);
		this.invitations.splice(index, 1);
		this.connections.push({
			account_id: accountId,
			public_identifier: publicIdentifier,
			connected_at: new Date().toISOString(),
		});
	}

	/** Adds `count` pending invitations from an account to members the fake does not otherwise know. */
	seedSentInvitations(count, { accountId = 'acc_linkup_ada', sentAt = new Date() } = {}) {
		for (let i = 0; i < count; i++) {
			const slug = `seeded-member-${this.invitations.length}`;
			this.invitations.push({
				invitation_urn: `urn:li:invitation:${6_000_000_000 + this.invitations.length}`,
				account_id: accountId,
				public_identifier: slug,
				profile_urn: `urn:li:fsd_profile:ACoAAZZZ${slug.replace(/-/g, '')}`,
				message: null,
				sent_at: new Date(sentAt).toISOString(),
				recipient: { first_name: 'Seeded', last_name: `Member ${i}`, headline: 'Seeded' },
			});
		}
	}

	/** Makes every pending invitation `days` older (list_sent reports whole days). */
	ageSentInvitations(days) {
		for (const invitation of this.invitations)
			invitation.sent_at = new Date(Date.parse(invitation.sent_at) - days * DAY_MS).toISOString();
	}

	findProfile(url) {
		const match = /linkedin\.com\/in\/([^/?#]+)/i.exec(String(url ?? ''));
		if (!match) return undefined;
		const slug = decodeURIComponent(match[1]).toLowerCase();
		return this.profiles.find(
			(p) => p.public_identifier.toLowerCase() === slug || memberIdOf(p).toLowerCase() === slug,
		);
	}

	route({ method, path, query, body }) {
		if (method === 'GET' && path === '/v2/accounts') return this.listAccounts(query);
		if (path === '/v2/webhooks' || path.startsWith('/v2/webhooks/'))
			return this.webhookRoute(method, path, body);
		if (method !== 'POST' || !['/v2/profiles', '/v2/network', '/v2/messages'].includes(path)) {
			return this.failure(404, 'INVALID_ACCOUNT', `No route for ${method} ${path}.`);
		}
		if (!body || typeof body !== 'object')
			return this.failure(400, 'INVALID_PARAMS', 'Expected a JSON body.');
		const { account_id: accountId, action, params = {} } = body;
		if (typeof action !== 'string')
			return this.failure(400, 'INVALID_ACTION', 'action is required.');
		if (typeof accountId !== 'string' || !accountId)
			return this.failure(400, 'INVALID_PARAMS', 'account_id is required.', action);
		const account = this.accounts.find((a) => a.account_id === accountId);
		if (!account)
			return this.failure(
				404,
				'INVALID_ACCOUNT',
				"account_id doesn't exist or doesn't belong to you.",
				action,
			);
		if (!account.is_active || account.platform !== 'linkedin')
			return this.failure(
				403,
				'ACCOUNT_INACTIVE',
				'The account is inactive or its session expired.',
				action,
			);
		if (this.credits <= 0)
			return this.failure(
				402,
				'INSUFFICIENT_CREDITS',
				'Not enough credits. Top up your balance.',
				action,
			);
		if (path === '/v2/profiles' && action === 'get') return this.getProfile(accountId, params);
		if (path === '/v2/network' && action === 'invite') return this.invite(accountId, params);
		if (path === '/v2/network' && action === 'check_invitation')
			return this.checkInvitation(accountId, params);
		if (path === '/v2/network' && action === 'list_sent') return this.listSent(accountId, params);
		if (path === '/v2/network' && action === 'withdraw') return this.withdraw(accountId, params);
		if (path === '/v2/network' && action === 'list_invitations')
			return this.listInvitations(accountId, params);
		if (path === '/v2/network' && (action === 'accept' || action === 'decline'))
			return this.handleInvitation(accountId, params, action);
		if (path === '/v2/network' && action === 'list_connections')
			return this.listConnections(accountId, params);
		if (path === '/v2/profiles' && action === 'get_me') return this.getMe(accountId, account);
		if (path === '/v2/profiles' && action === 'search_people')
			return this.searchPeople(accountId, params);
		if (path === '/v2/messages' && action === 'send') return this.sendMessage(account, params);
		if (path === '/v2/messages' && action === 'get_conversation')
			return this.getConversation(account, params);
		return this.failure(
			400,
			'INVALID_ACTION',
			`Action ${action} is not supported on ${path}.`,
			action,
		);
	}

	/**
	 * /v2/webhooks: POST creates (free; {account_id, url, events, enable_signature}), DELETE removes.
	 * ASSUMPTION: the answer to a creation is `data: {webhook_id, secret}` (the docs show the request,
	 * a secret rotation endpoint and the signature scheme, not this answer), and GET /v2/webhooks/{id}
	 * returns the webhook or 404.
	 */
	webhookRoute(method, path, body) {
		const id = decodeURIComponent(path.split('/')[3] ?? '');
		if (method === 'POST' && !id) {
			const account = this.accounts.find((a) => a.account_id === body?.account_id);
			if (!account)
				return this.failure(
					404,
					'INVALID_ACCOUNT',
					"account_id doesn't exist or doesn't belong to you.",
				);
			if (typeof body.url !== 'string' || !body.url)
				return this.failure(400, 'INVALID_PARAMS', 'url is required for a delivered webhook.');
			// "List of event types to listen for. Defaults to ["all"] … Available event types:
			// message_received, accepted_invitation, all." ASSUMPTION: anything else is refused.
			if (
				body.events !== undefined &&
				(!Array.isArray(body.events) ||
					!body.events.length ||
					body.events.some((event) => !WEBHOOK_EVENTS.includes(event)))
			)
				return this.failure(
					400,
					'INVALID_PARAMS',
					`events must list some of ${WEBHOOK_EVENTS.join(', ')}.`,
				);
			const webhook = {
				webhook_id: `wh_${randomInt(1e9)}`,
				account_id: body.account_id,
				url: body.url,
				events: body.events ?? ['all'],
				enable_signature: body.enable_signature === true,
				secret: body.enable_signature === true ? `whsec_${randomBytes(16).toString('hex')}` : null,
				status: 'active',
			};
			this.webhooks.push(webhook);
			// Tests: an answer lacking a field (the webhook exists all the same).
			const answer = { ...webhook };
			for (const field of this.webhookAnswerOmits ?? []) delete answer[field];
			return this.success(answer, 'webhook_create', body.account_id, 0);
		}
		if (method === 'GET' && !id) {
			// "GET /v2/webhooks returns signature_enabled: true|false. The secret itself is never
			// returned by list/get" (webhooks/signature). ASSUMPTION: the items sit in data.webhooks.
			const webhooks = this.webhooks.map(({ secret: _secret, ...shown }) => ({
				...shown,
				signature_enabled: shown.enable_signature,
			}));
			return this.success({ webhooks }, 'webhook_list', undefined, 0);
		}
		const index = this.webhooks.findIndex((w) => w.webhook_id === id);
		if (index < 0) return this.failure(404, 'INVALID_ACCOUNT', 'No webhook with this id.');
		if (method === 'GET') {
			const { secret: _secret, ...shown } = this.webhooks[index];
			return this.success(
				{ ...shown, signature_enabled: shown.enable_signature },
				'webhook_get',
				shown.account_id,
				0,
			);
		}
		if (method === 'DELETE') {
			const [removed] = this.webhooks.splice(index, 1);
			return this.success(
				{ deleted: true, webhook_id: removed.webhook_id },
				'webhook_delete',
				removed.account_id,
				0,
			);
		}
		return this.failure(400, 'INVALID_ACTION', `No ${method} on ${path}.`);
	}

	/**
	 * `member` (public identifier) connects with the account and every webhook for it with
	 * accepted_invitation gets the event: `{account_id, account_name, event: {type, …}, timestamp}`,
	 * signed with X-Linkup-Timestamp and X-Linkup-Signature: v1=<hex HMAC-SHA256(secret, "<ts>.<body>")>.
	 * ASSUMPTION: the event's inner fields (the docs show few); the timestamp is in seconds.
	 */
	async simulateAcceptance(member, accountId = 'acc_linkup_ada', { timestamp, tamper } = {}) {
		const profile = this.findProfile(`linkedin.com/in/${member}`);
		if (!profile) throw new Error(`no member "${member}" in the sandbox`);
		const pending = this.invitations.some(
			(i) => i.account_id === accountId && i.public_identifier === profile.public_identifier,
		);
		if (pending) this.acceptSentInvitation(profile.public_identifier, accountId);
		else if (!this.isConnected(accountId, profile))
			this.connections.push({
				account_id: accountId,
				public_identifier: profile.public_identifier,
				connected_at: new Date().toISOString(),
			});
		const account = this.accounts.find((a) => a.account_id === accountId);
		const deliveries = [];
		for (const webhook of this.webhooksFor(accountId, 'accepted_invitation')) {
			const body = {
				account_id: accountId,
				account_name: account?.account_name,
				event: {
					type: 'accepted_invitation',
					profile_url: `https://www.linkedin.com/in/${profile.public_identifier}`,
					profile_urn: profile.profile_urn,
					first_name: profile.first_name,
					last_name: profile.last_name,
					headline: profile.headline,
				},
				timestamp: new Date().toISOString(),
			};
			deliveries.push(await this.deliverSigned(webhook, body, { timestamp, tamper }));
		}
		return deliveries;
	}

	/** The account's webhooks that asked for `event` (or for "all"). */
	webhooksFor(accountId, event) {
		return this.webhooks.filter(
			(w) => w.account_id === accountId && (w.events.includes(event) || w.events.includes('all')),
		);
	}

	/**
	 * POSTs one event as LinkupAPI does: "Headers sent on every POST: X-Linkup-Timestamp,
	 * X-Linkup-Signature: v1=<hex(hmac_sha256(secret, "<timestamp>.<raw_body>"))>, Content-Type:
	 * application/json" (D/webhooks/signature), the signature only when the webhook has a secret.
	 * `tamper` signs other bytes than those sent; `timestamp` dates the signature (seconds).
	 */
	async deliverSigned(webhook, body, { timestamp, tamper } = {}) {
		const headers = { 'content-type': 'application/json' };
		const text = JSON.stringify(body);
		if (webhook.secret) {
			const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
			const signed = tamper ? JSON.stringify({ ...body, tampered: true }) : text;
			headers['x-linkup-timestamp'] = ts;
			headers['x-linkup-signature'] =
				`v1=${createHmac('sha256', webhook.secret).update(`${ts}.${signed}`).digest('hex')}`;
		}
		return await this.deliver(webhook.url, body, headers, { raw: text });
	}

	/** The member named by a public identifier or a member id; throws for one the sandbox lacks. */
	memberOf(member) {
		const profile = this.findProfile(`linkedin.com/in/${member}`);
		if (!profile) throw new Error(`no member "${member}" in the sandbox`);
		return profile;
	}

	accountOf(accountId) {
		const account = this.accounts.find((a) => a.account_id === accountId);
		if (!account) throw new Error(`no account "${accountId}" in the sandbox`);
		return account;
	}

	/**
	 * The account's conversation with the member, created on first use. Its id is written as
	 * D/messages/list-inbox and the v1 pages write them:
	 * `urn:li:msg_conversation:(urn:li:fsd_profile:<the account's member id>,2-<base64>)`.
	 */
	conversationWith(account, profile, create = true) {
		let found = this.conversations.find(
			(c) =>
				c.account_id === account.account_id && c.public_identifier === profile.public_identifier,
		);
		if (!found && create) {
			const thread = Buffer.from(`thread-${++this.sequence}_100`).toString('base64');
			found = {
				account_id: account.account_id,
				public_identifier: profile.public_identifier,
				conversation_id: `urn:li:msg_conversation:(urn:li:fsd_profile:${ownMember(account).member_id},2-${thread})`,
				messages: [],
			};
			this.conversations.push(found);
		}
		return found;
	}

	/**
	 * Adds a message, dated `at` (ms) but always after the conversation's last one, so that a
	 * timestamp cursor never splits two messages. Its `entity_urn` as D/messages/get-conversation
	 * writes it: `urn:li:msg_message:(urn:li:fsd_profile:<the account's member id>,2-<base64>)`, the
	 * same form the v1 send page's answer gives as `entityUrn`.
	 */
	addMessage(account, conversation, text, fromMe, at = Date.now()) {
		const last = conversation.messages[conversation.messages.length - 1];
		const time = last ? Math.max(at, last.at + 1) : at;
		const id = Buffer.from(`${time}-${++this.sequence}&${conversation.conversation_id}`).toString(
			'base64',
		);
		const message = {
			entity_urn: `urn:li:msg_message:(urn:li:fsd_profile:${ownMember(account).member_id},2-${id})`,
			text,
			at: time,
			from_me: fromMe,
		};
		conversation.messages.push(message);
		return message;
	}

	connect(accountId, profile) {
		if (!this.isConnected(accountId, profile))
			this.connections.push({
				account_id: accountId,
				public_identifier: profile.public_identifier,
				connected_at: new Date().toISOString(),
			});
	}

	/**
	 * `member` (public identifier or member id) writes `text` to the account: the message joins their
	 * conversation and every webhook of the account with message_received (or all) is told, signed as
	 * acceptances are. The event as D/webhooks/events shows it: `{account_id, account_name, event:
	 * {type: "message", sender_name, message_text, sender_profile}, timestamp}`; no conversation or
	 * message id (none is shown). Resolves with the deliveries.
	 */
	async simulateReply(member, accountId = 'acc_linkup_ada', text = 'Thanks!', options = {}) {
		const profile = this.memberOf(member);
		const account = this.accountOf(accountId);
		this.addMessage(account, this.conversationWith(account, profile), text, false);
		const deliveries = [];
		for (const webhook of this.webhooksFor(accountId, 'message_received')) {
			const body = {
				account_id: accountId,
				account_name: account.account_name,
				event: {
					type: 'message',
					sender_name: `${profile.first_name} ${profile.last_name}`,
					message_text: text,
					sender_profile: `https://www.linkedin.com/in/${profile.public_identifier}`,
				},
				timestamp: new Date().toISOString(),
			};
			deliveries.push(await this.deliverSigned(webhook, body, options));
		}
		return deliveries;
	}

	/**
	 * The messages between the account and the member, newest first, in the fakes' shared shape:
	 * `{id, chat_id, text, from_me, sender_provider_id, at}` (`at` in ms since the epoch).
	 */
	conversation(accountId, member) {
		const profile = this.memberOf(member);
		const account = this.accountOf(accountId);
		const found = this.conversationWith(account, profile, false);
		if (!found) return [];
		return [...found.messages].reverse().map((m) => ({
			id: m.entity_urn,
			chat_id: found.conversation_id,
			text: m.text,
			from_me: m.from_me,
			sender_provider_id: m.from_me ? ownMember(account).member_id : memberIdOf(profile),
			at: m.at,
		}));
	}

	/**
	 * Connects the member and adds `count` messages, the oldest from the member, then alternating
	 * with the account, a minute apart, the newest a minute before now. Returns conversation().
	 */
	seedConversation(accountId, member, count) {
		const profile = this.memberOf(member);
		const account = this.accountOf(accountId);
		this.connect(accountId, profile);
		const conversation = this.conversationWith(account, profile);
		const now = Date.now();
		for (let i = 0; i < count; i++) {
			const fromMe = i % 2 === 1;
			this.addMessage(
				account,
				conversation,
				`${fromMe ? 'Account' : 'Member'} message ${i + 1}`,
				fromMe,
				now - (count - i) * MINUTE_MS,
			);
		}
		return this.conversation(accountId, member);
	}

	/** The recorded requests that send a message (a write). */
	messageRequests() {
		return this.calls('POST', '/v2/messages').filter((r) => r.body?.action === 'send');
	}

	/**
	 * send (D/messages/send): `params: {profile_url, message_text, media_link, media_file: {data,
	 * filename}, media_path}`, answered `data: {entityUrn, conversation_id, deliveredAt}`, "1 credit
	 * for text-only messages and 2 credits when media is attached". The page's example values are
	 * placeholders ("urn:li:messagingMessage:abc123", "2-YWJjMTIz"); the URNs here take the form the
	 * v1 send page's real answer and get_conversation give, so a message reads the same either way;
	 * `deliveredAt` is an ISO time as on the v2 page. ASSUMPTION: a member who is not a 1st-degree
	 * connection is refused with CHANNEL_ERROR in an HTTP 200 (no page shows that refusal; Pipedream's
	 * send-message.mjs: "Make sure you are already connected to the recipient"), worded as LinkedIn
	 * does; another shape is refused with INVALID_PARAMS. A send is not delivered to the account's
	 * own webhooks (ASSUMPTION: no page says it is).
	 */
	sendMessage(account, params) {
		const accountId = account.account_id;
		if (typeof params.profile_url !== 'string' || !params.profile_url)
			return this.failure(400, 'INVALID_PARAMS', 'params.profile_url is required.', 'send');
		if (typeof params.message_text !== 'string' || !params.message_text.trim())
			return this.failure(400, 'INVALID_PARAMS', 'params.message_text is required.', 'send');
		const profile = this.findProfile(params.profile_url);
		if (!profile)
			return this.failure(200, 'CHANNEL_ERROR', 'LinkedIn could not find this member.', 'send');
		if (!this.isConnected(accountId, profile))
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'You are not connected to this member: LinkedIn only lets you message your 1st-degree connections.',
				'send',
			);
		const conversation = this.conversationWith(account, profile);
		const message = this.addMessage(account, conversation, params.message_text, true);
		const media = params.media_link ?? params.media_file ?? params.media_path;
		return this.success(
			{
				entityUrn: message.entity_urn,
				conversation_id: conversation.conversation_id,
				deliveredAt: new Date(message.at).toISOString(),
			},
			'send',
			accountId,
			media ? 2 : 1,
		);
	}

	/**
	 * get_conversation (D/messages/get-conversation): `params: {conversation_id | profile_url, count,
	 * cursor}`, "ordered from most recent to oldest", "pass the next_cursor returned by a previous call
	 * to fetch older messages"; answered `{total_message_count, unread_count, last_seen_message,
	 * last_seen_at, messages: [{text, timestamp, sender, sender_info: {first_name, last_name,
	 * profile_url}, message_type, entity_urn}], next_cursor}` (no conversation_id: the example has
	 * none). The cursor is a message's time in ms, as the example's "next_cursor": "1777146285823" and
	 * the v1 page ("Timestamp of the last message for pagination"). ASSUMPTIONs: `count` defaults to
	 * 10 (the v1 default) and is at most 100; next_cursor is null on the last page; a member never
	 * written to has an empty list; an unknown conversation_id is CHANNEL_ERROR; the cost is the v1
	 * page's "1 credit per 10 results" (the v2 example: 1 credit for two messages), at least 1.
	 */
	getConversation(account, params) {
		const action = 'get_conversation';
		const accountId = account.account_id;
		const count = params.count === undefined ? 10 : Number(params.count);
		if (!Number.isInteger(count) || count < 1 || count > 100)
			return this.failure(400, 'INVALID_PARAMS', 'params.count must be 1 to 100.', action);
		if (params.cursor !== undefined && !/^\d+$/.test(String(params.cursor)))
			return this.failure(400, 'INVALID_PARAMS', 'params.cursor is not a cursor.', action);
		let conversation;
		if (typeof params.conversation_id === 'string' && params.conversation_id) {
			conversation = this.conversations.find(
				(c) => c.account_id === accountId && c.conversation_id === params.conversation_id,
			);
			if (!conversation)
				return this.failure(200, 'CHANNEL_ERROR', 'No conversation found with this id.', action);
		} else if (typeof params.profile_url === 'string' && params.profile_url) {
			const profile = this.findProfile(params.profile_url);
			if (!profile)
				return this.failure(200, 'CHANNEL_ERROR', 'LinkedIn could not find this member.', action);
			conversation = this.conversationWith(account, profile, false);
		} else {
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.conversation_id or params.profile_url is required.',
				action,
			);
		}
		const all = conversation ? [...conversation.messages].reverse() : [];
		const before = params.cursor === undefined ? Infinity : Number(params.cursor);
		const older = all.filter((m) => m.at < before);
		const page = older.slice(0, Math.min(count, this.maxPageSize));
		const profile = conversation
			? this.profiles.find((p) => p.public_identifier === conversation.public_identifier)
			: undefined;
		const own = ownMember(account);
		const messages = page.map((m) => {
			const sender = m.from_me ? own : profile;
			return {
				text: m.text,
				timestamp: m.at,
				sender: `${sender.first_name} ${sender.last_name}`,
				sender_info: {
					first_name: sender.first_name,
					last_name: sender.last_name,
					profile_url: `https://www.linkedin.com/in/${encodeURIComponent(sender.public_identifier)}/`,
				},
				message_type: 'TEXT',
				entity_urn: m.entity_urn,
			};
		});
		const more = older.length > page.length;
		return this.success(
			{
				total_message_count: all.length,
				unread_count: 0,
				last_seen_message: true,
				last_seen_at: all[0]?.at ?? null,
				messages,
				next_cursor: more ? String(page[page.length - 1].at) : null,
			},
			action,
			accountId,
			Math.max(1, Math.ceil(messages.length / 10)),
		);
	}

	/** GET /v2/accounts: free; the list is inside the usual envelope (docs' list-accounts page). */
	listAccounts(query) {
		const limit = query.limit === undefined ? 50 : Number(query.limit);
		const offset = query.offset === undefined ? 0 : Number(query.offset);
		const page = this.pageOf(this.accounts, offset, limit, 500, (detail) =>
			this.failure(400, 'INVALID_PARAMS', detail, 'list_accounts'),
		);
		if (page.error) return page.error;
		return [
			200,
			{
				success: true,
				data: { items: page.slice, total: this.accounts.length, limit, offset },
				metadata: { credits_consumed: 0, timestamp: new Date().toISOString() },
			},
		];
	}

	/**
	 * `get` on /v2/profiles. Its page was not found; Pipedream's get-profile-info.mjs (citing
	 * D/profiles/get-profile) sends `params.profile_url`. ASSUMPTION: `linkedin_url` is taken as on
	 * D/network/invite, and the answer is shaped like D/network/invite's `data` (profile_urn,
	 * public_identifier, names, headline, profile_picture_url) plus location and network_distance.
	 */
	getProfile(accountId, params) {
		const url = params.profile_url ?? params.linkedin_url;
		if (!url) return this.failure(400, 'INVALID_PARAMS', 'params.profile_url is required.', 'get');
		const profile = this.findProfile(url);
		// ASSUMPTION: CHANNEL_ERROR inside an HTTP 200 is not in the error-code table; third-party
		// clients report it for refusals by LinkedIn.
		if (!profile)
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'LinkedIn returned no profile for this URL.',
				'get',
			);
		const { connected: _seeded, ...data } = profile;
		const distance = this.isConnected(accountId, profile) ? 1 : 2;
		return this.success({ ...data, network_distance: distance }, 'get', accountId, 1);
	}

	/**
	 * invite (D/network/invite): `params.profile_url` ("linkedin_url as an alias"), required unless
	 * `identifier`; optional `message` (at most 300 characters: Pipedream's connect-to-profile, an
	 * ASSUMPTION for the refusal's wording). Answers `data: {invitation_urn: "urn:li:invitation:…",
	 * profile_urn, first_name, last_name, headline, public_identifier, profile_picture_url}`, 1 credit.
	 * ASSUMPTION: refusals by LinkedIn (already invited or connected, unknown member) are
	 * CHANNEL_ERROR inside HTTP 200, as third-party clients report; the table on D/error-codes lacks it.
	 */
	invite(accountId, params) {
		const url = params.profile_url ?? params.linkedin_url;
		if (!url && !params.identifier)
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.profile_url or params.identifier is required.',
				'invite',
			);
		const profile = url
			? this.findProfile(url)
			: this.findProfile(`linkedin.com/in/${params.identifier}`);
		if (!profile)
			return this.failure(200, 'CHANNEL_ERROR', 'LinkedIn could not find this member.', 'invite');
		if (
			params.message !== undefined &&
			(typeof params.message !== 'string' || [...params.message].length > 300)
		) {
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.message must be 300 characters at most.',
				'invite',
			);
		}
		if (this.isConnected(accountId, profile))
			return this.failure(200, 'CHANNEL_ERROR', 'Already connected to this member.', 'invite');
		if (
			this.invitations.some(
				(i) => i.account_id === accountId && i.public_identifier === profile.public_identifier,
			)
		) {
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'An invitation to this member is already pending.',
				'invite',
			);
		}
		const invitation = {
			invitation_urn: `urn:li:invitation:${7_000_000_000 + randomInt(999_999_999)}`,
			account_id: accountId,
			public_identifier: profile.public_identifier,
			profile_urn: profile.profile_urn,
			message: params.message ?? null,
			sent_at: new Date().toISOString(),
		};
		this.invitations.push(invitation);
		const { first_name, last_name, headline, public_identifier, profile_picture_url, profile_urn } =
			profile;
		return this.success(
			{
				invitation_urn: invitation.invitation_urn,
				profile_urn,
				first_name,
				last_name,
				headline,
				public_identifier,
				profile_picture_url,
			},
			'invite',
			accountId,
			1,
		);
	}

	/**
	 * check_invitation (D/network/check-invitation): the params schema names `linkedin_url`, the curl
	 * example sends `profile_url`; both are on the page, so either is taken (one of them required).
	 * Answers `{invitation_state: ACCEPTED|PENDING|NO_INVITATION, invitation_type:
	 * CONNECTED|SENT|RECEIVED|null, invitation_id, member_distance: 1|2|3|null, message}`, 1 credit;
	 * the page's example: ACCEPTED, CONNECTED, null, 1, "You are connected with this person".
	 * ASSUMPTION: `invitation_id` is the digits (D/network/withdraw takes "the invitation_id … from
	 * Check Invitation Status" and shows digits); the other states' `message` wording.
	 */
	checkInvitation(accountId, params) {
		const url = params.linkedin_url ?? params.profile_url;
		if (typeof url !== 'string' || !url)
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.linkedin_url is required.',
				'check_invitation',
			);
		const profile = this.findProfile(url);
		if (!profile)
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'LinkedIn could not find this member.',
				'check_invitation',
			);
		const mine = (i) =>
			i.account_id === accountId && i.public_identifier === profile.public_identifier;
		const sent = this.invitations.find(mine);
		const received = this.received.find(mine);
		const connected = this.isConnected(accountId, profile);
		let state = 'NO_INVITATION';
		let type = null;
		let message = 'No invitation between you and this person';
		if (connected)
			[state, type, message] = ['ACCEPTED', 'CONNECTED', 'You are connected with this person'];
		else if (sent)
			[state, type, message] = ['PENDING', 'SENT', 'You sent an invitation to this person'];
		else if (received)
			[state, type, message] = ['PENDING', 'RECEIVED', 'This person sent you an invitation'];
		const pending = connected ? undefined : (sent?.invitation_urn ?? received?.entity_urn);
		return this.success(
			{
				invitation_state: state,
				invitation_type: type,
				invitation_id: pending ? digitsOf(pending) : null,
				member_distance: connected ? 1 : 2,
				message,
			},
			'check_invitation',
			accountId,
			1,
		);
	}

	/** count/offset paging shared by the network lists; an error tuple or { slice, offset, count, next }. */
	networkPage(items, params, action) {
		const count = params.count === undefined ? 10 : Number(params.count);
		const offset = params.offset === undefined ? 0 : Number(params.offset);
		const page = this.pageOf(items, offset, count, 100, (detail) =>
			this.failure(400, 'INVALID_PARAMS', detail, action),
		);
		return page.error ? page : { ...page, count };
	}

	/**
	 * list_sent (D/network/list-sent): params `count`, `offset`, `invitation_type`; pending
	 * invitations sent, newest first (ASSUMPTION: the order), items `{entity_urn:
	 * "urn:li:invitation:…", recipient: {first_name, last_name, headline, linkedin_url,
	 * profile_picture}, invitation_type, sent_time: "5d", sent_time_days: 5}` (no note: none is shown),
	 * "1 credit per 50 results returned" (ASSUMPTION: 1 for an empty page, as for connections).
	 */
	listSent(accountId, params) {
		// Newest first even when seeded out of order; equal dates keep the latest insert first.
		const mine = this.invitations
			.map((i, index) => ({ i, index }))
			.filter(({ i }) => i.account_id === accountId)
			.sort((a, b) => b.i.sent_at.localeCompare(a.i.sent_at) || b.index - a.index)
			.map(({ i }) => i);
		const page = this.networkPage(mine, params, 'list_sent');
		if (page.error) return page.error;
		const invitations = page.slice.map((i) => {
			const profile =
				this.profiles.find((p) => p.public_identifier === i.public_identifier) ?? i.recipient;
			return {
				entity_urn: i.invitation_urn,
				recipient: {
					first_name: profile?.first_name,
					last_name: profile?.last_name,
					headline: profile?.headline,
					linkedin_url: `https://www.linkedin.com/in/${encodeURIComponent(i.public_identifier)}`,
					profile_picture: profile?.profile_picture_url,
				},
				invitation_type: 'CONNECTION',
				...age(i.sent_at),
			};
		});
		return this.success(
			{
				invitations,
				invitation_type: params.invitation_type ?? 'CONNECTION',
				total_results: invitations.length,
				total_available_results: mine.length,
				pagination: pagination(page.offset, page.count, page.next),
			},
			'list_sent',
			accountId,
			Math.max(1, Math.ceil(invitations.length / 50)),
		);
	}

	/**
	 * withdraw (D/network/withdraw): `params: {invitation_id: "<string>"}`, answered `{withdrawn: true,
	 * invitation_id: "7453486530700017665"}`, 1 credit: the id is the digits. ASSUMPTION: another
	 * shape (a URN, a number) is refused with INVALID_PARAMS, and an invitation no longer pending with
	 * CHANNEL_ERROR (the page shows neither answer).
	 */
	withdraw(accountId, params) {
		if (typeof params.invitation_id !== 'string' || !/^\d+$/.test(params.invitation_id))
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.invitation_id must be the invitation ID (digits, e.g. 7453486530700017665).',
				'withdraw',
			);
		const index = this.invitations.findIndex(
			(i) => i.account_id === accountId && digitsOf(i.invitation_urn) === params.invitation_id,
		);
		// ASSUMPTION: the docs do not show the answer for an invitation that is not pending.
		if (index < 0)
			return this.failure(200, 'CHANNEL_ERROR', 'No pending invitation with this id.', 'withdraw');
		this.invitations.splice(index, 1);
		return this.success(
			{ withdrawn: true, invitation_id: params.invitation_id },
			'withdraw',
			accountId,
			1,
		);
	}

	/**
	 * list_invitations (D/network/list-invitations): params `count`, `offset`, `invitation_type`;
	 * invitations received, newest first (ASSUMPTION: the order), items `{entity_urn, shared_secret,
	 * sender: {first_name, last_name, headline, linkedin_url, profile_picture_url}, invitation_type,
	 * sent_time, sent_time_days}` (no note: none is shown). ASSUMPTION: 1 credit a call (the example;
	 * the page's rate is not in the stored copy).
	 */
	listInvitations(accountId, params) {
		const mine = this.received
			.filter((r) => r.account_id === accountId)
			.sort((a, b) => b.sent_at.localeCompare(a.sent_at));
		const page = this.networkPage(mine, params, 'list_invitations');
		if (page.error) return page.error;
		const invitations = page.slice.map((r) => {
			const profile = this.profiles.find((p) => p.public_identifier === r.public_identifier);
			return {
				entity_urn: r.entity_urn,
				shared_secret: r.shared_secret,
				sender: {
					first_name: profile.first_name,
					last_name: profile.last_name,
					headline: profile.headline,
					linkedin_url: `https://www.linkedin.com/in/${encodeURIComponent(r.public_identifier)}`,
					profile_picture_url: profile.profile_picture_url,
				},
				invitation_type: 'CONNECTION',
				...age(r.sent_at),
			};
		});
		return this.success(
			{
				invitations,
				total_results: invitations.length,
				total_available_results: mine.length,
				pagination: pagination(page.offset, page.count, page.next),
			},
			'list_invitations',
			accountId,
			1,
		);
	}

	/**
	 * accept (D/network/accept): `params: {shared_secret, entity_urn}`, both "obtained from the List
	 * Invitations endpoint" (whose `entity_urn` is "urn:li:invitation:…"), answered `data: {}`, 1
	 * credit. decline: ASSUMPTION, no page was found; a third-party connector sends the same two
	 * fields. ASSUMPTION: another shape is refused with INVALID_PARAMS, an unknown invitation or a
	 * wrong secret with CHANNEL_ERROR.
	 */
	handleInvitation(accountId, params, action) {
		if (
			typeof params.shared_secret !== 'string' ||
			!params.shared_secret ||
			typeof params.entity_urn !== 'string' ||
			!/^urn:li:invitation:\d+$/.test(params.entity_urn)
		)
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.shared_secret and params.entity_urn (urn:li:invitation:…) are required.',
				action,
			);
		const index = this.received.findIndex(
			(r) => r.account_id === accountId && r.entity_urn === params.entity_urn,
		);
		if (index < 0 || this.received[index].shared_secret !== params.shared_secret)
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'LinkedIn found no pending invitation with this id and secret.',
				action,
			);
		const [handled] = this.received.splice(index, 1);
		if (action === 'accept') {
			this.connections.push({
				account_id: accountId,
				public_identifier: handled.public_identifier,
				connected_at: new Date().toISOString(),
			});
		}
		return this.success({}, action, accountId, 1);
	}

	/**
	 * list_connections (D/network/list-connections): params `count`, `offset`; items `{name,
	 * job_title, profile_url, profile_picture}`, newest first (ASSUMPTION: the order LinkedIn shows),
	 * "1 credit per 50 results returned" (ASSUMPTION: 1 for an empty page).
	 */
	listConnections(accountId, params) {
		// Newest first; connections made in the same millisecond, the later one first.
		const mine = this.connections
			.map((c, index) => ({ ...c, index }))
			.filter((c) => c.account_id === accountId)
			.sort((a, b) => b.connected_at.localeCompare(a.connected_at) || b.index - a.index);
		const page = this.networkPage(mine, params, 'list_connections');
		if (page.error) return page.error;
		const connections = page.slice.map((c) => {
			const profile = this.profiles.find((p) => p.public_identifier === c.public_identifier);
			return {
				name: `${profile.first_name} ${profile.last_name}`,
				job_title: profile.headline,
				profile_url: `https://www.linkedin.com/in/${encodeURIComponent(c.public_identifier)}`,
				profile_picture: profile.profile_picture_url,
			};
		});
		return this.success(
			{
				connections,
				total_results: connections.length,
				total_available_results: mine.length,
				pagination: pagination(page.offset, page.count, page.next),
			},
			'list_connections',
			accountId,
			Math.max(1, Math.ceil(connections.length / 50)),
		);
	}

	/** The recorded search_people requests (POST /v2/profiles). */
	searchRequests() {
		return this.calls('POST', '/v2/profiles').filter((r) => r.body?.action === 'search_people');
	}

	/** A pending invitation from the account to a member the search knows (for invitation_state). */
	seedInvitationTo(publicIdentifier, accountId = 'acc_linkup_ada') {
		const profile = this.memberOf(publicIdentifier);
		this.invitations.push({
			invitation_urn: `urn:li:invitation:${6_500_000_000 + this.invitations.length}`,
			account_id: accountId,
			public_identifier: profile.public_identifier,
			profile_urn: profile.profile_urn,
			message: null,
			sent_at: new Date().toISOString(),
		});
	}

	/**
	 * search_people (D/profiles/search-people): `params` as its request sample lists them, each of
	 * the sample's type (text, or a list of text: `location`, `network`… are arrays in v2; v1 took
	 * ";"-joined strings, refused here), anything else refused with INVALID_PARAMS. Filters applied:
	 * `keyword` (every word, in the name, headline, company or location), `first_name`, `last_name`,
	 * `title`, `company_name`, `location` (any of them: free text, as Pipedream's "San Francisco, CA"),
	 * `network` ("F" 1st, "S" 2nd, "O" 3rd+: the v1 page); ASSUMPTION: the URL and relation filters
	 * (company_url, past_company, school_url, industry, connection_of, follower_of) are taken and not
	 * applied. Paging (the v1 page): `total_results` (default 10) "used when not in pagination mode",
	 * or `start_page`/`end_page` (default 1, "pagination mode"), pages of 50 (its example's
	 * `results_per_page`); ASSUMPTION: both at once is refused. Pages and answers may hold fewer
	 * (`maxPageSize`), and at most 1,000 results are reachable (LinkedIn's cap).
	 * Answer as on D/profiles/search-people: `data: {results: [{public_id, first_name, last_name,
	 * headline, location, profile_picture_url, linkedin_url, invitation_state}], total_results,
	 * total_available_results}`. `invitation_state` only when `fetch_invitation_state` is true
	 * (ASSUMPTION): CONNECTED or PENDING (an invitation the account sent) as in the example, else
	 * CAN_INVITE (the v1 page's word). Credits: the example charges 2 for 2 results, the v1 page 1
	 * per 10: ASSUMPTION, 1 per result returned, at least 1.
	 */
	searchPeople(accountId, params) {
		const action = 'search_people';
		const refuse = (detail) => this.failure(400, 'INVALID_PARAMS', detail, action);
		const known = [
			...SEARCH_TEXT_PARAMS,
			...SEARCH_LIST_PARAMS,
			...SEARCH_NUMBER_PARAMS,
			'fetch_invitation_state',
		];
		for (const [key, value] of Object.entries(params)) {
			if (!known.includes(key)) return refuse(`Unknown parameter params.${key}.`);
			if (SEARCH_TEXT_PARAMS.includes(key) && typeof value !== 'string')
				return refuse(`params.${key} must be a string.`);
			if (
				SEARCH_LIST_PARAMS.includes(key) &&
				(!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
			)
				return refuse(`params.${key} must be an array of strings.`);
			if (SEARCH_NUMBER_PARAMS.includes(key) && (!Number.isInteger(value) || value < 1))
				return refuse(`params.${key} must be a positive integer.`);
			if (key === 'fetch_invitation_state' && typeof value !== 'boolean')
				return refuse('params.fetch_invitation_state must be a boolean.');
		}
		if (params.network?.some((n) => !['F', 'S', 'O'].includes(n)))
			return refuse('params.network takes "F", "S" and "O".');
		const paged = params.start_page !== undefined || params.end_page !== undefined;
		if (paged && params.total_results !== undefined)
			return refuse('Use total_results or start_page/end_page, not both.');
		const start = params.start_page ?? 1;
		const end = params.end_page ?? start;
		if (end < start) return refuse('params.end_page must not be before params.start_page.');

		const lower = (value) => String(value ?? '').toLowerCase();
		const matches = this.searchPeopleIndex
			.map((entry) => ({
				entry,
				profile: this.profiles.find((p) => p.public_identifier === entry.public_identifier),
			}))
			.filter(({ profile }) => profile)
			.map(({ entry, profile }) => ({
				entry,
				profile,
				network: this.isConnected(accountId, profile) ? 'F' : entry.network,
			}))
			.filter(({ entry, profile, network }) => {
				const haystack = lower(
					[profile.first_name, profile.last_name, profile.headline, entry.company, profile.location]
						.filter(Boolean)
						.join(' '),
				);
				if (
					params.keyword &&
					!lower(params.keyword)
						.split(/\s+/)
						.every((w) => haystack.includes(w))
				)
					return false;
				if (params.first_name && lower(profile.first_name) !== lower(params.first_name))
					return false;
				if (params.last_name && lower(profile.last_name) !== lower(params.last_name)) return false;
				if (params.title && !lower(entry.title).includes(lower(params.title))) return false;
				if (params.company_name && !lower(entry.company).includes(lower(params.company_name)))
					return false;
				if (
					params.location?.length &&
					!params.location.some((place) => lower(profile.location).includes(lower(place)))
				)
					return false;
				if (params.network?.length && !params.network.includes(network)) return false;
				return true;
			});
		const reachable = matches.slice(0, SEARCH_CAP);
		// ASSUMPTION: a page may hold fewer than the v1 page's 50 (maxPageSize: LinkedIn's own pages
		// hold 10), the next page going on from there.
		const size = Math.min(SEARCH_PAGE_SIZE, this.maxPageSize);
		const pageOf = (page) => reachable.slice((page - 1) * size, page * size);
		let found;
		if (paged) {
			found = [];
			for (let page = start; page <= end; page++) {
				const slice = pageOf(page);
				const before = page > 1 ? pageOf(page - 1) : [];
				if (this.searchDuplicates && slice.length && before.length)
					found.push(before[before.length - 1]);
				found.push(...slice);
			}
		} else {
			found = reachable.slice(0, Math.min(params.total_results ?? 10, this.maxPageSize));
		}
		const results = found.map(({ profile }) => {
			const result = {
				public_id: profile.public_identifier,
				first_name: profile.first_name,
				last_name: profile.last_name,
				headline: profile.headline,
				location: profile.location,
				profile_picture_url: profile.profile_picture_url,
				linkedin_url: `https://www.linkedin.com/in/${encodeURIComponent(profile.public_identifier)}`,
			};
			if (params.fetch_invitation_state === true) {
				const invited = this.invitations.some(
					(i) => i.account_id === accountId && i.public_identifier === profile.public_identifier,
				);
				result.invitation_state = this.isConnected(accountId, profile)
					? 'CONNECTED'
					: invited
						? 'PENDING'
						: 'CAN_INVITE';
			}
			return result;
		});
		return this.success(
			{ results, total_results: results.length, total_available_results: matches.length },
			action,
			accountId,
			Math.max(1, results.length),
		);
	}

	/** get_me on /v2/profiles. ASSUMPTION: no page was found for it; its answer is shaped like `get`'s. */
	getMe(accountId, account) {
		const own = ownMember(account);
		const slug = own.public_identifier;
		return this.success(
			{
				public_identifier: slug,
				profile_urn: `urn:li:fsd_profile:${own.member_id}`,
				first_name: own.first_name,
				last_name: own.last_name,
				headline: 'Analyst at the Engine Company',
				location: 'London, England, United Kingdom',
				profile_url: `https://www.linkedin.com/in/${slug}`,
			},
			'get_me',
			accountId,
			1,
		);
	}
}

module.exports = { FakeLinkup, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) runFromCommandLine(FakeLinkup, 'LinkupAPI', DEFAULT_API_KEY);

/**
 * A local stand-in for LinkupAPI v2 (accounts, profiles, network), speaking its documented wire
 * format: `x-api-key`, one URL per category with `action` in the body, the
 * `{success, data|error, metadata}` envelope (including 200 answers with success:false), credit
 * metering, and limit/offset pagination. Records every request and can inject faults (see base.js).
 *
 * Sources, each cited where it is followed (D = https://docs.linkupapi.com/api-reference/v2):
 * D/introduction, D/error-codes, D/accounts/list-accounts, D/network/invite,
 * D/network/check-invitation, D/network/list-sent, D/network/withdraw, D/network/list-invitations,
 * D/network/accept, D/network/list-connections, D/profiles/search-people, and Pipedream's LinkupAPI
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

const memberIdOf = (profile) => profile.profile_urn.split(':').pop();
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
		this.credits = 100;
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		this.profiles = seedProfiles();
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
		if (method !== 'POST' || !['/v2/profiles', '/v2/network'].includes(path)) {
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
			return this.success(shown, 'webhook_get', shown.account_id, 0);
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
		for (const webhook of this.webhooks.filter(
			(w) =>
				w.account_id === accountId &&
				(w.events.includes('accepted_invitation') || w.events.includes('all')),
		)) {
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
			// "Headers sent on every POST: … Content-Type: application/json"
			// (docs.linkupapi.com/api-reference/v2/webhooks/signature).
			const headers = { 'content-type': 'application/json' };
			const text = JSON.stringify(body);
			if (webhook.secret) {
				const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
				const signed = tamper ? JSON.stringify({ ...body, tampered: true }) : text;
				headers['x-linkup-timestamp'] = ts;
				headers['x-linkup-signature'] =
					`v1=${createHmac('sha256', webhook.secret).update(`${ts}.${signed}`).digest('hex')}`;
			}
			deliveries.push(await this.deliver(webhook.url, body, headers, { raw: text }));
		}
		return deliveries;
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

	/** get_me on /v2/profiles. ASSUMPTION: no page was found for it; its answer is shaped like `get`'s. */
	getMe(accountId, account) {
		const [first, ...rest] = account.account_name.split(' ');
		const slug = account.account_name.toLowerCase().replace(/\s+/g, '-');
		return this.success(
			{
				public_identifier: slug,
				profile_urn: `urn:li:fsd_profile:ACoAAAme${slug.replace(/-/g, '')}000000000000`,
				first_name: first,
				last_name: rest.join(' '),
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

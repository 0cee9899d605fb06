/**
 * A local stand-in for LinkupAPI v2 (accounts, profiles, network), speaking its documented wire
 * format: `x-api-key`, one URL per category with `action` in the body, the
 * `{success, data|error, metadata}` envelope (including 200 answers with success:false), credit
 * metering, and limit/offset pagination. Records every request and can inject faults (see base.js).
 *
 * Sources: docs.linkupapi.com/api-reference/v2 (introduction, error-codes, accounts/list-accounts,
 * profiles/get, network/invite, network/check-invitation, network/list-sent) and Pipedream's
 * LinkupAPI components (list-accounts.mjs reads `res.data.items` and `data.total`). What no
 * document shows is marked ASSUMPTION where it is answered.
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
		this.received = linkedInAccountIds(this.accounts).flatMap((accountId) =>
			PEOPLE.filter((p) => p.invites).map((p) => ({
				entity_urn: `urn:li:fsd_invitation:${next++}`,
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
			return this.success({ ...webhook }, 'webhook_create', body.account_id, 0);
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
			const headers = {};
			if (webhook.secret) {
				const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
				const signed = JSON.stringify(tamper ? { ...body, tampered: true } : body);
				headers['x-linkup-timestamp'] = ts;
				headers['x-linkup-signature'] =
					`v1=${createHmac('sha256', webhook.secret).update(`${ts}.${signed}`).digest('hex')}`;
			}
			deliveries.push(await this.deliver(webhook.url, body, headers));
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

	/** check_invitation (docs' network/check-invitation): the state between the account and a member. */
	checkInvitation(accountId, params) {
		const profile = this.findProfile(params.profile_url ?? params.linkedin_url);
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
		if (connected) [state, type] = ['ACCEPTED', 'CONNECTED'];
		else if (sent) [state, type] = ['PENDING', 'SENT'];
		else if (received) [state, type] = ['PENDING', 'RECEIVED'];
		return this.success(
			{
				invitation_state: state,
				invitation_type: type,
				invitation_id: sent?.invitation_urn ?? received?.entity_urn ?? null,
				member_distance: connected ? 1 : 2,
				message: sent?.message ?? received?.message ?? null,
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

	/** list_sent (docs' network/list-sent): pending invitations sent, newest first. */
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
					profile_picture_url: profile?.profile_picture_url,
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
			1,
		);
	}

	/** withdraw (docs' network/withdraw): takes the invitation id from list_sent or check_invitation. */
	withdraw(accountId, params) {
		if (typeof params.invitation_id !== 'string' || !params.invitation_id)
			return this.failure(400, 'INVALID_PARAMS', 'params.invitation_id is required.', 'withdraw');
		const index = this.invitations.findIndex(
			(i) => i.account_id === accountId && i.invitation_urn === params.invitation_id,
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

	/** list_invitations (docs' network/list-invitations): invitations received, newest first. */
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
				// ASSUMPTION: the docs' example shows no note; LinkedIn shows one when the sender wrote it.
				message: r.message,
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
	 * accept (docs' network/accept: `shared_secret` and `entity_urn`, answers `{}`); decline
	 * (ASSUMPTION: no docs page was found; a third-party connector sends the same two fields).
	 */
	handleInvitation(accountId, params, action) {
		if (!params.entity_urn || !params.shared_secret)
			return this.failure(
				400,
				'INVALID_PARAMS',
				'params.entity_urn and params.shared_secret are required.',
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
	 * list_connections (docs' network/list-connections): newest first (ASSUMPTION: the order LinkedIn
	 * shows), 1 credit per 50 results returned.
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

	/** get_me on /v2/profiles. ASSUMPTION: the docs list the action without an example answer; shaped like `get`. */
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

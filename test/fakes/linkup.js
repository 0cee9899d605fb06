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
const { randomInt } = require('node:crypto');
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
		this.credits = 100;
		this.reset();
	}

	reset() {
		super.reset();
		this.accounts = seedAccounts();
		this.profiles = seedProfiles();
		this.invitations = [];
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
		return this.failure(
			400,
			'INVALID_ACTION',
			`Action ${action} is not supported on ${path}.`,
			action,
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
		const { connected, ...data } = profile;
		return this.success({ ...data, network_distance: connected ? 1 : 2 }, 'get', accountId, 1);
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
		if (profile.connected)
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

	checkInvitation(accountId, params) {
		const profile = this.findProfile(params.profile_url ?? params.linkedin_url);
		if (!profile)
			return this.failure(
				200,
				'CHANNEL_ERROR',
				'LinkedIn could not find this member.',
				'check_invitation',
			);
		const invitation = this.invitations.find(
			(i) => i.account_id === accountId && i.public_identifier === profile.public_identifier,
		);
		const state = profile.connected ? 'ACCEPTED' : invitation ? 'PENDING' : 'NO_INVITATION';
		return this.success(
			{
				invitation_state: state,
				invitation_type: profile.connected ? 'CONNECTED' : invitation ? 'SENT' : null,
				invitation_id: invitation?.invitation_urn ?? null,
				member_distance: profile.connected ? 1 : 2,
				message: invitation?.message ?? null,
			},
			'check_invitation',
			accountId,
			1,
		);
	}

	listSent(accountId, params) {
		const mine = this.invitations.filter((i) => i.account_id === accountId).reverse();
		const count = params.count === undefined ? 10 : Number(params.count);
		const offset = params.offset === undefined ? 0 : Number(params.offset);
		const page = this.pageOf(mine, offset, count, 100, (detail) =>
			this.failure(400, 'INVALID_PARAMS', detail, 'list_sent'),
		);
		if (page.error) return page.error;
		const invitations = page.slice.map((i) => {
			const profile = this.profiles.find((p) => p.public_identifier === i.public_identifier);
			return {
				entity_urn: i.invitation_urn,
				recipient: {
					first_name: profile?.first_name,
					last_name: profile?.last_name,
					headline: profile?.headline,
					linkedin_url: `https://www.linkedin.com/in/${encodeURIComponent(i.public_identifier)}`,
				},
				invitation_type: 'CONNECTION',
				sent_time: '0d',
				sent_time_days: 0,
			};
		});
		return this.success(
			{
				invitations,
				total_results: invitations.length,
				total_available_results: mine.length,
				pagination: {
					offset,
					count,
					next_offset: page.next ?? null,
					has_more: page.next !== undefined,
					results_per_page: count,
					pages_fetched: 1,
				},
			},
			'list_sent',
			accountId,
			1,
		);
	}
}

module.exports = { FakeLinkup, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) runFromCommandLine(FakeLinkup, 'LinkupAPI', DEFAULT_API_KEY);

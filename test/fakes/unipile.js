/**
 * A local stand-in for Unipile's API v1 (LinkedIn users, invitations, accounts), speaking the
 * documented wire format: paths, required query parameters, body fields, `{status,type,title,detail}`
 * error bodies and cursor pagination. It records every request and can inject faults.
 *
 * Used by the routing tests (in-process), the real-n8n end-to-end suite and the demo (as a process):
 *   node test/fakes/unipile.js [--port 0] [--api-key KEY]
 * prints one JSON line {"service":"unipile","url":...} once listening. Control endpoints (no key):
 *   GET/DELETE /__sandbox/requests, POST /__sandbox/faults, POST /__sandbox/reset
 */
'use strict';
const http = require('node:http');
const { randomInt } = require('node:crypto');

const SANDBOX_HEADER = 'x-linkedin-connect-sandbox';
const DEFAULT_API_KEY = 'sandbox-unipile-key';
const SANDBOX_NOTE = 'Simulated by the local LinkedIn Connect sandbox: nothing was sent to LinkedIn or Unipile.';

const SECTIONS = new Set([
	'*', 'experience', 'education', 'languages', 'skills', 'certifications', 'about',
	'volunteering_experience', 'projects', 'recommendations_received', 'recommendations_given',
]);

function seedAccounts() {
	return [
		{ object: 'Account', type: 'LINKEDIN', id: 'acc_ada_sales', name: 'Ada Lovelace', created_at: '2026-01-05T09:00:00.000Z', sources: [{ id: 'acc_ada_sales_MESSAGING', status: 'OK' }] },
		{ object: 'Account', type: 'WHATSAPP', id: 'acc_whatsapp', name: 'Support line', created_at: '2026-01-06T09:00:00.000Z', sources: [{ id: 'acc_whatsapp_MESSAGING', status: 'OK' }] },
		{ object: 'Account', type: 'LINKEDIN', id: 'acc_grace_recruiting', name: 'Grace Hopper', created_at: '2026-02-01T09:00:00.000Z', sources: [{ id: 'acc_grace_recruiting_MESSAGING', status: 'CREDENTIALS' }] },
		{ object: 'Account', type: 'LINKEDIN', id: 'acc_alan_founder', name: 'Alan Turing', created_at: '2026-03-01T09:00:00.000Z', sources: [{ id: 'acc_alan_founder_MESSAGING', status: 'OK' }] },
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
	return [
		profile('julien-crepieux', 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E', 'Julien', 'Crepieux', 'Co-founder at Unipile'),
		profile('marie-curie', 'ACoAABBBmarieCurie0000000000000000000000', 'Marie', 'Curie', 'Head of Research'),
		profile('jérôme-dupont', 'ACoAACCCjeromeDupont000000000000000000000', 'Jérôme', 'Dupont', 'Directeur commercial'),
		profile('linus-t', 'ACoAADDDlinusTorvalds00000000000000000000', 'Linus', 'Torvalds', 'Maintainer', { network_distance: 'FIRST_DEGREE', is_relationship: true }),
		profile('sam-sales', 'ACoAAEEEsamSales000000000000000000000000', 'Sam', 'Sales', 'Account Executive'),
	];
}

function errorBody(status, type, title, detail) {
	const body = { status, type: `errors/${type}`, title };
	if (detail) body.detail = detail;
	return body;
}

const encodeCursor = (offset) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeCursor(cursor) {
	try {
		const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}

class FakeUnipile {
	/** @param {{ apiKey?: string, label?: boolean }} options label: mark every answer as simulated (demo) */
	constructor({ apiKey = DEFAULT_API_KEY, label = false } = {}) {
		this.apiKey = apiKey;
		this.label = label;
		/** @type {string | undefined} */
		this.url = undefined;
		/** @type {Array<{method: string, path: string, rawUrl: string, query: Record<string, string>, headers: Record<string, any>, body: any}>} */
		this.requests = [];
		/** @type {any[]} */
		this.faults = [];
		/** @type {any[]} */
		this.invitations = [];
		/** @type {any[]} */
		this.accounts = [];
		/** @type {any[]} */
		this.profiles = [];
		this.maxPageSize = 250;
		this.usageEvery = 0;
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.sockets = new Set();
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.reset();
	}

	/** Back to the seeded state: no recorded requests, no faults, no invitations. */
	reset() {
		this.accounts = seedAccounts();
		this.profiles = seedProfiles();
		this.invitations = [];
		this.requests = [];
		this.faults = [];
		/** The server never returns more than this many items per page, whatever `limit` says. */
		this.maxPageSize = 250;
		this.usageEvery = 0;
	}

	async start(port = 0, host = '127.0.0.1') {
		await new Promise((resolve) => this.server.listen(port, host, resolve));
		const { port: actual } = this.server.address();
		this.url = `http://${host}:${actual}`;
		return this.url;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * Adds a fault: { method?, path (RegExp or string matched against the path), times = 1, skip = 0,
	 * status, body, headers, mode: 'reset' | 'hang' | 'html' | 'badjson' | 'after' }.
	 * 'after' processes the request normally, then destroys the connection before answering.
	 */
	addFault(fault) {
		this.faults.push({ times: 1, skip: 0, ...fault });
	}

	/** Requests to the API (not to the control endpoints), optionally filtered. */
	calls(method, pathPattern) {
		return this.requests.filter(
			(r) => (!method || r.method === method) && (!pathPattern || (pathPattern instanceof RegExp ? pathPattern.test(r.path) : r.path === pathPattern)),
		);
	}

	findProfile(identifier) {
		const wanted = identifier.toLowerCase();
		return this.profiles.find((p) => p.provider_id === identifier || p.public_identifier.toLowerCase() === wanted);
	}

	handle(req, res) {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url, 'http://fake');
			if (url.pathname.startsWith('/__sandbox/')) return this.control(req, res, url, raw);
			let body;
			if (raw) {
				try {
					body = JSON.parse(raw);
				} catch {
					body = raw;
				}
			}
			const record = {
				method: req.method,
				path: url.pathname,
				rawUrl: req.url,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
			};
			this.requests.push(record);
			this.respond(req, res, record);
		});
	}

	control(req, res, url, raw) {
		const send = (status, payload) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(payload));
		};
		if (url.pathname === '/__sandbox/requests' && req.method === 'GET') return send(200, this.requests);
		if (url.pathname === '/__sandbox/requests' && req.method === 'DELETE') {
			this.requests = [];
			return send(200, { cleared: true });
		}
		if (url.pathname === '/__sandbox/invitations') return send(200, this.invitations);
		if (url.pathname === '/__sandbox/reset' && req.method === 'POST') {
			this.reset();
			return send(200, { reset: true });
		}
		if (url.pathname === '/__sandbox/faults' && req.method === 'POST') {
			const fault = JSON.parse(raw || '{}');
			if (typeof fault.path === 'string' && fault.path.startsWith('^')) fault.path = new RegExp(fault.path);
			this.addFault(fault);
			return send(200, { added: true });
		}
		return send(404, { error: 'unknown sandbox endpoint' });
	}

	takeFault(record) {
		for (const fault of this.faults) {
			if (fault.method && fault.method !== record.method) continue;
			const matches = fault.path instanceof RegExp ? fault.path.test(record.path) : !fault.path || fault.path === record.path;
			if (!matches) continue;
			if (fault.skip > 0) {
				fault.skip--;
				continue;
			}
			if (fault.times <= 0) continue;
			fault.times--;
			return fault;
		}
		return undefined;
	}

	respond(req, res, record) {
		const send = (status, payload, headers = {}) => {
			if (res.destroyed) return;
			res.writeHead(status, { 'content-type': 'application/json', [SANDBOX_HEADER]: 'simulated', ...headers });
			const labelled = this.label && status < 300 ? { ...payload, _sandbox: SANDBOX_NOTE } : payload;
			res.end(JSON.stringify(labelled));
		};
		const fault = this.takeFault(record);
		if (fault) {
			if (fault.mode === 'reset') return req.socket.destroy();
			if (fault.mode === 'hang') return undefined;
			if (fault.mode === 'html') {
				res.writeHead(fault.status ?? 502, { 'content-type': 'text/html' });
				return res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
			}
			if (fault.mode === 'badjson') {
				res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
				return res.end('{"object": "UserProfile", "provider_id": ');
			}
			if (fault.mode !== 'after') return send(fault.status ?? 500, fault.body ?? errorBody(500, 'unexpected_error', 'Unexpected error'), fault.headers);
		}
		if (record.headers['x-api-key'] !== this.apiKey) {
			return send(401, errorBody(401, 'missing_credentials', 'Missing credentials', 'The provided API key is missing or invalid.'));
		}
		const [status, payload, headers] = this.route(record);
		if (fault?.mode === 'after') return req.socket.destroy();
		return send(status, payload, headers);
	}

	/** The documented routes. Returns [status, body, headers?]. */
	route({ method, path, query, body }) {
		const segments = path.split('/').slice(1);
		if (segments[0] !== 'api' || segments[1] !== 'v1') return [404, errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`)];
		const route = segments.slice(2);

		if (method === 'GET' && route.length === 1 && route[0] === 'accounts') return this.listAccounts(query);
		if (route[0] !== 'users') return [404, errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`)];

		if (method === 'POST' && route.length === 2 && route[1] === 'invite') return this.invite(body);
		if (method === 'GET' && route.length === 3 && route[1] === 'invite' && route[2] === 'sent') return this.listSent(query);
		if (method === 'DELETE' && route.length === 4 && route[1] === 'invite' && route[2] === 'sent') return this.cancel(route[3], query);
		if (method === 'GET' && route.length === 2) return this.getProfile(decodeURIComponent(route[1]), query);
		return [404, errorBody(404, 'resource_not_found', 'Not found', `No route for ${method} ${path}.`)];
	}

	page(items, query, maxLimit, defaultLimit) {
		const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
			return { error: [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', `limit must be an integer from 1 to ${maxLimit}.`)] };
		}
		const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
		if (offset === undefined) return { error: [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', 'Invalid cursor.')] };
		const size = Math.min(limit, this.maxPageSize);
		const slice = items.slice(offset, offset + size);
		const next = offset + size < items.length ? encodeCursor(offset + size) : null;
		return { slice, cursor: next };
	}

	listAccounts(query) {
		const page = this.page(this.accounts, query, 250, 100);
		if (page.error) return page.error;
		return [200, { object: 'AccountList', items: page.slice, cursor: page.cursor }];
	}

	account(accountId) {
		if (!accountId) return { error: [400, errorBody(400, 'missing_parameters', 'Missing parameters', 'account_id is required.')] };
		const account = this.accounts.find((a) => a.id === accountId);
		if (!account) return { error: [404, errorBody(404, 'resource_not_found', 'Account not found', `No account with id ${accountId}.`)] };
		if (account.type !== 'LINKEDIN') return { error: [422, errorBody(422, 'invalid_account', 'Provided account is not designed for this feature')] };
		return { account };
	}

	getProfile(identifier, query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		if (query.linkedin_api !== undefined && !['recruiter', 'sales_navigator'].includes(query.linkedin_api)) {
			return [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', 'linkedin_api must be recruiter or sales_navigator.')];
		}
		if (query.linkedin_sections !== undefined && !query.linkedin_sections.split(',').every((s) => SECTIONS.has(s))) {
			return [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', 'Unknown linkedin_sections value.')];
		}
		if (query.notify !== undefined && !['true', 'false'].includes(query.notify)) {
			return [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', 'notify must be a boolean.')];
		}
		const found = this.findProfile(identifier);
		if (!found) return [404, errorBody(404, 'resource_not_found', 'User not found', `No LinkedIn member "${identifier}".`)];
		const result = { ...found };
		const pending = this.invitations.find((i) => i.provider_id === found.provider_id && i.account_id === query.account_id);
		if (pending) result.invitation = { type: 'SENT', status: 'PENDING' };
		if (query.linkedin_sections) {
			result.summary = `${found.first_name} works on interesting things.`;
			result.work_experience = [{ company: 'Example Corp', position: found.headline }];
		}
		return [200, result];
	}

	invite(body) {
		if (!body || typeof body !== 'object') return [400, errorBody(400, 'malformed_request', 'Malformed request', 'Expected a JSON body.')];
		const allowed = new Set(['provider_id', 'account_id', 'message', 'user_email']);
		const unknown = Object.keys(body).filter((k) => !allowed.has(k));
		if (unknown.length) return [400, errorBody(400, 'invalid_parameters', 'Invalid parameters', `Unknown fields: ${unknown.join(', ')}.`)];
		if (typeof body.provider_id !== 'string' || !body.provider_id) {
			return [400, errorBody(400, 'missing_parameters', 'Missing parameters', 'provider_id is required.')];
		}
		const { error } = this.account(body.account_id);
		if (error) return error;
		if (body.message !== undefined && (typeof body.message !== 'string' || [...body.message].length > 300)) {
			return [400, errorBody(400, 'too_many_characters', 'Too many characters', 'The message must be 300 characters at most.')];
		}
		const target = this.profiles.find((p) => p.provider_id === body.provider_id);
		if (!target) return [404, errorBody(404, 'resource_not_found', 'User not found', 'provider_id must be a provider id, not a public identifier.')];
		if (target.is_relationship) return [422, errorBody(422, 'already_connected', 'Already connected', 'You are already connected with this recipient.')];
		if (this.invitations.some((i) => i.provider_id === body.provider_id && i.account_id === body.account_id)) {
			return [422, errorBody(422, 'already_invited_recently', 'Should delay new invitation to this recipient', 'An invitation has already been sent recently to this recipient. Please try again later.')];
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

	listSent(query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		const mine = this.invitations
			.filter((i) => i.account_id === query.account_id)
			.reverse()
			.map((i) => {
				const target = this.profiles.find((p) => p.provider_id === i.provider_id);
				return {
					object: 'InvitationSent',
					id: i.id,
					date: i.date,
					parsed_datetime: i.date,
					invitation_text: i.message,
					invited_user: target ? `${target.first_name} ${target.last_name}` : null,
					invited_user_id: i.provider_id,
					invited_user_public_id: i.public_identifier,
					invited_user_description: target?.headline ?? null,
				};
			});
		const page = this.page(mine, query, 100, 10);
		if (page.error) return page.error;
		return [200, { object: 'InvitationList', items: page.slice, cursor: page.cursor }];
	}

	cancel(invitationId, query) {
		const { error } = this.account(query.account_id);
		if (error) return error;
		const index = this.invitations.findIndex((i) => i.id === decodeURIComponent(invitationId) && i.account_id === query.account_id);
		if (index < 0) return [404, errorBody(404, 'resource_not_found', 'Invitation not found')];
		this.invitations.splice(index, 1);
		return [200, { object: 'InvitationCanceled' }];
	}
}

module.exports = { FakeUnipile, DEFAULT_API_KEY, SANDBOX_HEADER };

if (require.main === module) {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const index = args.indexOf(`--${name}`);
		return index >= 0 ? args[index + 1] : fallback;
	};
	const fake = new FakeUnipile({ apiKey: option('api-key', DEFAULT_API_KEY), label: true });
	fake.start(Number(option('port', '0'))).then((url) => {
		process.stdout.write(`${JSON.stringify({ service: 'unipile', url, sandbox: true })}\n`);
		process.stderr.write(`LinkedIn Connect sandbox: a SIMULATED Unipile API (no LinkedIn traffic) on ${url}\n`);
	});
	const stop = () => fake.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

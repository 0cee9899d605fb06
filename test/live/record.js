/**
 * `--record DIR`: the answers of a live check as fixtures, personal data replaced, and a server
 * that answers from them (`replayServer`), so a maintainer can run the package against what a real
 * service sent without the service, its key or the people in it.
 *
 * What is kept: the structure, every field name, numbers, booleans, nulls, dates, and the values of
 * fields that name a kind or state (ENUM_FIELDS: `object`, `type`, `status`…). Every other string is
 * replaced by a stand-in of the same form (a LinkedIn URL by another, a member id by another
 * ACoAA… id, an email by one at example.com, else `<field>-<n>`), the same value always by the
 * same stand-in across the whole recording, so an id read from one answer and sent in the next
 * request still matches on replay. Request paths and queries are rewritten with the same map.
 *
 * Layout: DIR/<credential type>/check.json (the inputs the replay needs, redacted) and
 * DIR/<credential type>/NN-<step>.json, one per answer: { step, request: { method, path, query },
 * status, body }.
 */
'use strict';
const http = require('node:http');
const {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { SERVICE_SETTINGS } = require('./services');

/** Fields whose value is a kind or a state, not a person's data. */
const ENUM_FIELDS = new Set([
	'object',
	'type',
	'status',
	'state',
	'provider',
	'platform',
	'network_distance',
	'invitation_type',
	'direction',
	'action',
	'event',
	'source',
	'kind',
	'role',
	'folder',
	'message_type',
	'account_type',
	'connection_status',
	'invitation_status',
]);

/** Fields holding an id or a cursor, which later requests may carry. */
const ID_FIELD = /(^|_)ids?$|identifier|urn|cursor|token|^id_/i;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

class Redactor {
	constructor() {
		/** original → stand-in */
		this.map = new Map();
		/** Originals that identify something (ids, cursors, inputs): rewritten in requests too. */
		this.ids = new Set();
		this.counts = new Map();
	}

	standIn(value, field) {
		const known = this.map.get(value);
		if (known) return known;
		// A profile URL and its member's public identifier get the same stand-in, in any form.
		const profile = /^((?:https?:\/\/)?[^/]*linkedin\.com\/in\/)([^/?#]+)(.*)$/i.exec(value);
		if (profile) {
			const identifier = decodeURIComponent(profile[2]);
			this.ids.add(identifier);
			const replaced = `https://www.linkedin.com/in/${this.standIn(identifier, 'public_identifier')}${profile[3] ? '/' : ''}`;
			this.map.set(value, replaced);
			return replaced;
		}
		const kind = /^https?:\/\//i.test(value)
			? 'link'
			: /^ACo[A-Za-z0-9_-]{10,}$/.test(value)
				? 'member'
				: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)
					? 'email'
					: /^urn:li:/.test(value)
						? 'urn'
						: /^\d{4,}$/.test(value)
							? 'number'
							: field === 'public_identifier'
								? 'identifier'
								: field;
		const n = (this.counts.get(kind) ?? 0) + 1;
		this.counts.set(kind, n);
		// Ids keep their form (digits stay digits of the same length, a URN its type): the node checks it.
		const digits = (length) => String(10 ** (length - 1) + n);
		const made = {
			identifier: () => `member-${n}`,
			link: () => `https://example.com/redacted-${n}`,
			member: () => `ACoAARedactedMember${String(n).padStart(21, '0')}`,
			email: () => `person-${n}@example.com`,
			urn: () => {
				const [, type, id] = /^urn:li:([^:]+):(.*)$/.exec(value) ?? [];
				if (!type) return `urn:li:redacted:${n}`;
				return `urn:li:${type}:${/^\d+$/.test(id) ? digits(id.length) : `redacted${n}`}`;
			},
			number: () => digits(value.length),
		}[kind];
		const replaced = made ? made() : `${field}-${n}`;
		this.map.set(value, replaced);
		return replaced;
	}

	/** A copy of `value` with personal data replaced. */
	body(value, field = 'value') {
		if (Array.isArray(value)) return value.map((element) => this.body(element, field));
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value).map(([key, inner]) => [key, this.body(inner, key)]),
			);
		}
		if (typeof value !== 'string' || value === '') return value;
		if (ENUM_FIELDS.has(field) || ISO_DATE.test(value)) return value;
		if (ID_FIELD.test(field)) this.ids.add(value);
		return this.standIn(value, field);
	}

	/** A value of a request (a path segment, a query value): its stand-in when it is an id. */
	known(value) {
		return this.ids.has(value) ? this.map.get(value) : value;
	}

	/** An input of the check (the account id, a profile URL), stood in for before the answers. */
	input(value, field) {
		if (value === undefined) return undefined;
		this.ids.add(value);
		return this.standIn(value, field);
	}

	request({ method, url }) {
		const parsed = new URL(url);
		const path = parsed.pathname
			.split('/')
			.map((segment) => encodeURIComponent(this.known(decodeURIComponent(segment))))
			.join('/');
		const query = Object.fromEntries(
			[...parsed.searchParams].map(([key, value]) => [key, this.known(value)]),
		);
		return { method, path, query };
	}
}

/** Writes one service's answers under DIR/<credential type>/. */
function recordService(dir, serviceReport, inputs) {
	const redactor = new Redactor();
	const folder = join(dir, serviceReport.credentialType);
	mkdirSync(folder, { recursive: true });
	// Inputs first, so the requests that carry them are rewritten the same way.
	const check = {
		credentialType: serviceReport.credentialType,
		accountId: redactor.input(inputs.accountId, 'account_id'),
		profileUrl: redactor.input(inputs.profileUrl, 'profile_url'),
		inviteUrl: redactor.input(inputs.inviteUrl, 'profile_url'),
	};
	let n = 0;
	const files = [];
	for (const step of serviceReport.steps) {
		for (const answer of step.answers ?? []) {
			const body = redactor.body(answer.body);
			const file = `${String(++n).padStart(2, '0')}-${step.key.replace(/[^a-z]+/gi, '-')}.json`;
			writeFileSync(
				join(folder, file),
				`${JSON.stringify({ step: step.key, request: redactor.request(answer.request), status: answer.status, body }, null, '\t')}\n`,
			);
			files.push(file);
		}
	}
	writeFileSync(join(folder, 'check.json'), `${JSON.stringify(check, null, '\t')}\n`);
	return { folder, files, check };
}

/** The recorded answers of DIR/<credential type>/, in order. */
function readRecording(folder) {
	return readdirSync(folder)
		.filter((name) => /^\d+-.*\.json$/.test(name))
		.sort()
		.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
}

/**
 * A server on 127.0.0.1 answering each request with the recorded answer for the same method, path
 * and query (the first not yet used, so a list read twice gets its answers in order); anything
 * else 404 with the recording's list of routes, so a replay that strays says where.
 */
async function replayServer(folder, edit = (answer) => answer) {
	const answers = readRecording(folder).map((answer) => ({ ...edit(answer), used: false }));
	const same = (answer, method, path, query) =>
		answer.request.method === method &&
		answer.request.path === path &&
		JSON.stringify(Object.entries(answer.request.query).sort()) ===
			JSON.stringify(Object.entries(query).sort());
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		const query = Object.fromEntries(url.searchParams);
		const candidates = answers.filter((answer) => same(answer, req.method, url.pathname, query));
		const answer = candidates.find((candidate) => !candidate.used) ?? candidates.at(-1);
		req.resume();
		res.setHeader('Content-Type', 'application/json');
		if (!answer) {
			res.statusCode = 404;
			res.end(
				JSON.stringify({
					replay: `no recorded answer for ${req.method} ${url.pathname}${url.search}`,
					recorded: answers.map((a) => `${a.request.method} ${a.request.path}`),
				}),
			);
			return;
		}
		answer.used = true;
		res.statusCode = answer.status;
		res.end(JSON.stringify(answer.body));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/**
 * The environment a replay runs with: each service recorded under `dir` behind its own replay
 * server, the recorded (stood-in) inputs, a key that is no one's. `edit` may change an answer as
 * it is loaded (a test renames a field).
 */
async function replayEnvironment(dir, edit) {
	const env = {};
	const servers = [];
	for (const type of readdirSync(dir)) {
		const folder = join(dir, type);
		if (!existsSync(join(folder, 'check.json'))) continue;
		const check = JSON.parse(readFileSync(join(folder, 'check.json'), 'utf8'));
		const server = await replayServer(folder, edit);
		servers.push(server);
		const settings = SERVICE_SETTINGS.find((candidate) => candidate.credentialType === type);
		const credential = { apiKey: 'replayed-answers-only', dsn: server.url, baseUrl: server.url };
		Object.assign(env, settings.envOf(credential));
		// Every service's inputs were stood in for the same way: one recording's serve all.
		env.LIVE_ACCOUNT_ID ??= check.accountId;
		env.LIVE_PROFILE_URL ??= check.profileUrl;
		env.LIVE_INVITE_URL ??= check.inviteUrl;
	}
	return {
		env,
		services: servers.length,
		close: () => Promise.all(servers.map((server) => server.close())),
	};
}

/** The recordings kept in the repository (test/fixtures/recorded/<name>/), each a folder to replay. */
function keptRecordings() {
	const root = join(__dirname, '..', 'fixtures', 'recorded');
	return existsSync(root)
		? readdirSync(root)
				.map((name) => join(root, name))
				.filter((folder) =>
					readdirSync(folder).some((type) => existsSync(join(folder, type, 'check.json'))),
				)
		: [];
}

/** A new empty folder under the system's temporary folder (the tests' recordings). */
function scratchFolder() {
	return mkdtempSync(join(tmpdir(), 'linkedin-connect-record-'));
}

module.exports = {
	ENUM_FIELDS,
	keptRecordings,
	Redactor,
	readRecording,
	recordService,
	replayEnvironment,
	replayServer,
	scratchFolder,
};

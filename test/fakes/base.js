/**
 * What every fake service shares: a node:http server on 127.0.0.1, a record of every request,
 * fault injection (per method, path and call number), control endpoints for other processes, and a
 * command-line entry. Subclasses implement the service's documented routes in `route()`.
 *
 * No service's wire format lives here: the subclasses speak it and cite their documents
 * (unipile.js, linkup.js). The `/__sandbox/…` control endpoints, the request records and the
 * `onAnswered` hook are this project's own test machinery, not any service's.
 */
'use strict';
const http = require('node:http');

const SANDBOX_HEADER = 'x-linkedin-connect-sandbox';
const SANDBOX_NOTE =
	'Simulated by the local LinkedIn Connect sandbox: nothing was sent to LinkedIn or the service.';

class FakeService {
	/**
	 * @param {{ apiKey: string, keyHeader: string, label?: boolean }} options
	 * label: mark every successful answer as simulated (the demo).
	 */
	constructor({ apiKey, keyHeader, label = false }) {
		this.keyHeader = keyHeader;
		this.apiKey = apiKey;
		this.label = label;
		/** @type {string | undefined} */
		this.url = undefined;
		/**
		 * at: when the request had fully arrived; finishedAt: when the answer had been sent (for
		 * checking that requests never overlap).
		 * @type {Array<{method: string, path: string, rawUrl: string, query: Record<string, string>, headers: Record<string, any>, body: any, at: number, finishedAt?: number}>}
		 */
		this.requests = [];
		/** @type {any[]} */
		this.faults = [];
		this.maxPageSize = 250;
		this.latencyMs = 0;
		/** @type {any[]} */
		this.webhooks = [];
		/** @type {any[]} */
		this.deliveries = [];
		/** @type {any[]} */
		this.crm = [];
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.sockets = new Set();
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Back to the seeded state: no recorded requests, no faults. Subclasses seed their data too. */
	reset() {
		this.requests = [];
		this.faults = [];
		/** The server never returns more than this many items per page, whatever the request asks. */
		this.maxPageSize = 250;
		/** Milliseconds every answer is held back (a service far away; 0 answers at once). */
		this.latencyMs = 0;
		/** Webhooks registered with this fake, and the events it delivered to them. */
		this.webhooks = [];
		this.deliveries = [];
		/** Fields a webhook creation answer leaves out (a test of surprising answers). */
		this.webhookAnswerOmits = [];
		/** Called with each API request's record once its answer is sent (a test's hook). */
		this.onAnswered = undefined;
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
	 * match? (text the URL or JSON body must contain), after = false,
	 * mode?: 'reset' | 'hang' | 'html' | 'badjson' | 'redirect', status?, body?, headers?,
	 * location? (for 'redirect') }.
	 * Without a mode it answers `status` with `body`. With `after`, the request is processed first
	 * (e.g. the invitation is created) and only then the fault happens.
	 */
	addFault(fault) {
		this.faults.push({ times: 1, skip: 0, ...fault });
	}

	/** Requests to the API (not to the control endpoints), optionally filtered. */
	calls(method, pathPattern) {
		return this.requests.filter(
			(r) =>
				(!method || r.method === method) &&
				(!pathPattern ||
					(pathPattern instanceof RegExp ? pathPattern.test(r.path) : r.path === pathPattern)),
		);
	}

	handle(req, res) {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url, 'http://fake');
			if (url.pathname.startsWith('/__sandbox/')) return this.control(req, res, url, raw);
			let body;
			const multipart = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(
				String(req.headers['content-type'] ?? ''),
			);
			if (multipart) body = multipartFields(raw, multipart[1].replace(/^"|"$/g, ''));
			else if (raw) {
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
				at: Date.now(),
			};
			this.requests.push(record);
			res.on('finish', () => {
				record.finishedAt = Date.now();
				this.onAnswered?.(record);
			});
			if (this.latencyMs > 0) setTimeout(() => this.respond(req, res, record), this.latencyMs);
			else this.respond(req, res, record);
		});
	}

	control(req, res, url, raw) {
		const send = (status, payload) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(payload));
		};
		if (url.pathname === '/__sandbox/requests' && req.method === 'GET')
			return send(200, this.requests);
		if (url.pathname === '/__sandbox/requests' && req.method === 'DELETE') {
			this.requests = [];
			return send(200, { cleared: true });
		}
		if (url.pathname === '/__sandbox/invitations') return send(200, this.invitations ?? []);
		if (url.pathname === '/__sandbox/reset' && req.method === 'POST') {
			this.reset();
			return send(200, { reset: true });
		}
		// A stand-in CRM for the demo's samples: what they "write back" lands here.
		if (url.pathname.startsWith('/__sandbox/crm')) {
			if (req.method === 'POST') {
				this.crm.push({ path: url.pathname, body: raw ? JSON.parse(raw) : null, at: Date.now() });
				return send(200, { ok: true });
			}
			return send(200, this.crm);
		}
		if (url.pathname === '/__sandbox/accept' && req.method === 'POST') {
			// A member accepts (or simply connects): what the demo's "simulate an acceptance" calls.
			const { member, account_id: accountId } = JSON.parse(raw || '{}');
			this.simulateAcceptance(member, accountId).then(
				(deliveries) => send(200, { accepted: member, deliveries }),
				(error) => send(400, { error: error.message }),
			);
			return undefined;
		}
		if (url.pathname === '/__sandbox/reply' && req.method === 'POST') {
			// A member writes to the account: what the demo's "simulate a reply" calls.
			const { member, account_id: accountId, text } = JSON.parse(raw || '{}');
			this.simulateReply(member, accountId, text).then(
				(deliveries) => send(200, { replied: member, deliveries }),
				(error) => send(400, { error: error.message }),
			);
			return undefined;
		}
		if (url.pathname === '/__sandbox/faults' && req.method === 'POST') {
			const fault = JSON.parse(raw || '{}');
			if (typeof fault.path === 'string' && fault.path.startsWith('^'))
				fault.path = new RegExp(fault.path);
			this.addFault(fault);
			return send(200, { added: true });
		}
		return send(404, { error: 'unknown sandbox endpoint' });
	}

	takeFault(record) {
		for (const fault of this.faults) {
			if (fault.method && fault.method !== record.method) continue;
			const matches =
				fault.path instanceof RegExp
					? fault.path.test(record.path)
					: !fault.path || fault.path === record.path;
			if (!matches) continue;
			if (
				fault.match &&
				!`${record.rawUrl} ${JSON.stringify(record.body ?? '')}`.includes(fault.match)
			)
				continue;
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
			res.writeHead(status, {
				'content-type': 'application/json',
				[SANDBOX_HEADER]: 'simulated',
				...headers,
			});
			const labelled =
				this.label && status < 300 ? { ...payload, _sandbox: SANDBOX_NOTE } : payload;
			res.end(JSON.stringify(labelled));
		};
		const fault = this.takeFault(record);
		if (fault && !fault.after) return this.applyFault(fault, req, res, send);
		if (record.headers[this.keyHeader] !== this.apiKey) return send(...this.unauthorised());
		const [status, payload, headers] = this.route(record);
		// A fault `after` the work: the service did it, but the client never learns the outcome.
		if (fault) return this.applyFault(fault, req, res, send);
		return send(status, payload, headers);
	}

	applyFault(fault, req, res, send) {
		if (fault.mode === 'reset') return req.socket.destroy();
		if (fault.mode === 'hang') return undefined;
		if (fault.mode === 'html') {
			res.writeHead(fault.status ?? 502, { 'content-type': 'text/html' });
			return res.end(
				'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
			);
		}
		if (fault.mode === 'redirect') {
			res.writeHead(fault.status ?? 302, { location: fault.location, 'content-length': '0' });
			return res.end();
		}
		if (fault.mode === 'badjson') {
			res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
			return res.end('{"truncated": "the connection ended mid-');
		}
		return send(fault.status ?? 500, fault.body ?? this.serverError(), fault.headers);
	}

	/** The member becomes a connection of the account and registered webhooks are told (subclasses). */
	async simulateAcceptance() {
		throw new Error('this sandbox does not simulate acceptances');
	}

	/**
	 * `member` writes `text` to the account: the message joins their conversation and every
	 * webhook asking for received messages is told (subclasses). Resolves with the deliveries.
	 */
	async simulateReply() {
		throw new Error('this sandbox does not simulate replies');
	}

	/**
	 * POSTs `body` to a webhook's URL as the service would deliver an event: with exactly `headers`
	 * (no content type unless the webhook was given one: Unipile's API-created webhooks carry none,
	 * developer.unipile.com/docs/webhooks-2) and the body JSON- or form-encoded as the webhook's
	 * format says; resolves with what the receiver answered, recorded in `this.deliveries`.
	 */
	async deliver(url, body, headers = {}, { format = 'json', raw } = {}) {
		const text = raw ?? (format === 'form' ? formEncoded(body) : JSON.stringify(body));
		const record = { url, body, headers, raw: text, at: Date.now() };
		this.deliveries.push(record);
		try {
			// Bytes, not a string: fetch would add a text/plain content type to a string body.
			const response = await fetch(url, { method: 'POST', headers, body: Buffer.from(text) });
			record.status = response.status;
			record.answer = await response.text();
		} catch (error) {
			record.status = 0;
			record.answer = String(error?.message ?? error);
		}
		return record;
	}

	/** [status, body] for a request without the right key. */
	unauthorised() {
		throw new Error('subclasses answer unauthorised()');
	}

	/** The body of a generic server error, for faults that give only a status. */
	serverError() {
		throw new Error('subclasses answer serverError()');
	}

	/** The documented routes: returns [status, body, headers?]. */
	route() {
		throw new Error('subclasses implement route()');
	}

	/** Offset pagination shared by the fakes: an error tuple, or { slice, offset, next }. */
	pageOf(items, offset, limit, maxLimit, invalid) {
		if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
			return { error: invalid(`limit must be an integer from 1 to ${maxLimit}.`) };
		if (!Number.isInteger(offset) || offset < 0)
			return { error: invalid('Invalid offset or cursor.') };
		const size = Math.min(limit, this.maxPageSize);
		const slice = items.slice(offset, offset + size);
		return { slice, offset, next: offset + size < items.length ? offset + size : undefined };
	}
}

/**
 * The text fields of a multipart/form-data body (RFC 7578), as a service reads them: a field sent
 * more than once becomes a list. Files are not expected on the routes the node uses (`_files` counts them).
 */
function multipartFields(raw, boundary) {
	const fields = { _multipart: true };
	for (const part of raw.split(`--${boundary}`).slice(1)) {
		if (part.startsWith('--')) break;
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = part.slice(0, split);
		const value = part.slice(split + 4).replace(/\r\n$/, '');
		const name = /name="([^"]*)"/i.exec(head)?.[1];
		if (!name) continue;
		if (/filename=/i.test(head)) {
			fields._files = (fields._files ?? 0) + 1;
			continue;
		}
		if (name in fields) fields[name] = [].concat(fields[name], value);
		else fields[name] = value;
	}
	return fields;
}

/** Runs a fake as a process: prints {"service","url"} on stdout once listening; stops on SIGINT/SIGTERM. */
function runFromCommandLine(FakeClass, service, defaultApiKey) {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const index = args.indexOf(`--${name}`);
		return index >= 0 ? args[index + 1] : fallback;
	};
	const fake = new FakeClass({ apiKey: option('api-key', defaultApiKey), label: true });
	fake.start(Number(option('port', '0'))).then((url) => {
		process.stdout.write(`${JSON.stringify({ service, url, sandbox: true })}\n`);
		process.stderr.write(
			`LinkedIn Connect sandbox: a SIMULATED ${service} API (no LinkedIn traffic) on ${url}\n`,
		);
	});
	const stop = () => fake.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

/** One level of fields, objects as JSON text (ASSUMPTION: how a `format: "form"` delivery nests). */
function formEncoded(body) {
	return new URLSearchParams(
		Object.entries(body).map(([key, value]) => [
			key,
			value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? ''),
		]),
	).toString();
}

module.exports = {
	FakeService,
	formEncoded,
	multipartFields,
	runFromCommandLine,
	SANDBOX_HEADER,
	SANDBOX_NOTE,
};

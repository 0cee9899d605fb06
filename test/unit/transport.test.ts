/**
 * The transport's small parts, one concern each: the options handed to n8n's HTTP helper, reading
 * an answer, naming a network failure, the retry rule, the note after a lost answer, and the
 * settings read from the node (including what 0.1.x workflows saved).
 */
import type { INode } from 'n8n-workflow';
import {
	allowedDomainsFor,
	confirmationNote,
	type Connection,
	httpOptions,
	secretsOf,
} from '../../nodes/core/transport/client';
import { networkFailure, findErrorCode } from '../../nodes/core/transport/network';
import { readResponse, type ResponseReader } from '../../nodes/core/transport/responses';
import {
	finalFailure,
	isRetryable,
	MAX_RETRY_AFTER_SECONDS,
	retryDelayMs,
	shouldRetry,
} from '../../nodes/core/transport/retry';
import {
	DEFAULT_TRANSPORT,
	readLegacyRequestOptions,
	transportSettings,
} from '../../nodes/core/transport/settings';
import type { ServiceFailure } from '../../nodes/core/transport/types';

const node = { name: 'LinkedIn Connect' } as INode;

const connection = (extra: Partial<Connection> = {}): Connection => ({
	endpoint: {} as Connection['endpoint'],
	baseUrl: 'https://api1.unipile.com:13111',
	secrets: [],
	settings: DEFAULT_TRANSPORT,
	cache: new Map(),
	credential: { id: 'cred1', name: 'Unipile', type: 'unipileApi', data: {} },
	...extra,
});

describe('httpOptions', () => {
	it('asks n8n for the full answer, never a redirect, with our timeout', () => {
		const options = httpOptions(connection(), {
			method: 'GET',
			url: '/api/v1/users/a%2Fb',
			qs: { account_id: 'acc' },
			idempotent: true,
		});
		expect(options).toEqual({
			method: 'GET',
			baseURL: 'https://api1.unipile.com:13111',
			url: '/api/v1/users/a%2Fb',
			qs: { account_id: 'acc' },
			body: undefined,
			headers: { Accept: 'application/json' },
			json: true,
			timeout: 30_000,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		});
	});

	it("passes on the credential's allowed domains, and never a proxy or a certificate setting", () => {
		const options = httpOptions(
			connection({
				allowedDomains: 'api1.unipile.com, example.com',
				settings: DEFAULT_TRANSPORT,
			}),
			{ method: 'POST', url: '/api/v1/users/invite', body: { a: 1 }, idempotent: false },
		);
		expect(options).toMatchObject({
			allowedDomains: 'api1.unipile.com, example.com',
			disableFollowRedirect: true,
		});
		expect(options).not.toHaveProperty('proxy');
		expect(options).not.toHaveProperty('skipSslCertificateValidation');
	});
});

describe('allowedDomainsFor (n8n 2.10+ "Allowed HTTP Request Domains")', () => {
	const base = 'http://127.0.0.1:4000';
	it('no restriction when the credential sets none', () => {
		expect(allowedDomainsFor(node, { apiKey: 'k' }, base)).toBeUndefined();
		expect(
			allowedDomainsFor(node, { apiKey: 'k', allowedHttpRequestDomains: 'all' }, base),
		).toBeUndefined();
	});

	it("a list keeps the credential's own host (the node's endpoint) next to the listed ones", () => {
		expect(
			allowedDomainsFor(
				node,
				{ allowedHttpRequestDomains: 'domains', allowedDomains: 'example.com' },
				base,
			),
		).toBe('127.0.0.1, example.com');
	});
});

describe('secretsOf', () => {
	it('collects the non-empty secret fields', () => {
		expect(secretsOf({ secretFields: ['apiKey', 'other'] }, { apiKey: 'k3y', dsn: 'x' })).toEqual([
			'k3y',
		]);
	});
});

describe('readResponse', () => {
	const reader: ResponseReader = {
		displayName: 'Unipile',
		hostField: 'DSN',
		describeFailure: (response) =>
			response.statusCode >= 400
				? { status: response.statusCode, code: 'X', message: 'refused' }
				: undefined,
	};
	const base = 'https://api1.unipile.com:13111';

	it('returns the JSON object of a success', () => {
		expect(readResponse(reader, { statusCode: 200, headers: {}, body: { a: 1 } }, base)).toEqual({
			body: { a: 1 },
		});
	});

	it('turns a redirect into a failure naming only where it points', () => {
		const result = readResponse(
			reader,
			{
				statusCode: 302,
				headers: { location: 'https://evil.example:8443/steal?key=1' },
				body: '',
			},
			base,
		);
		expect(result).toEqual({
			failure: {
				status: 302,
				code: 'REDIRECT',
				message:
					'Unipile answered with a redirect (HTTP 302) to https://evil.example:8443 [REDIRECT]. LinkedIn Connect does not follow redirects, so your API key is only ever sent to the host in the credential: check its DSN (the exact address Unipile gives you, with https://).',
			},
		});
	});

	it("lets the service describe its own errors, and calls anything else's body unreadable", () => {
		expect(readResponse(reader, { statusCode: 404, headers: {}, body: {} }, base)).toEqual({
			failure: { status: 404, code: 'X', message: 'refused' },
		});
		for (const body of ['<html>', [1, 2], null]) {
			expect(readResponse(reader, { statusCode: 200, headers: {}, body }, base)).toMatchObject({
				failure: { status: 200, code: 'INVALID_RESPONSE' },
			});
		}
	});
});

describe('networkFailure', () => {
	it.each([
		[{ code: 'ECONNABORTED' }, 'ETIMEDOUT', /did not answer within 30 s/],
		[new Error('timeout of 30000ms exceeded'), 'ETIMEDOUT', /did not answer/],
		[{ cause: { code: 'ECONNREFUSED' } }, 'ECONNREFUSED', /^Could not reach Unipile/],
		[new Error('socket hang up'), 'ECONNRESET', /^The connection to Unipile failed/],
		[new Error('something odd'), 'ENETWORK', /^The connection to Unipile failed \[ENETWORK\]/],
	])('%p → %s', (error, code, message) => {
		const failure = networkFailure('Unipile', error, 30_000);
		expect(failure.status).toBe(0);
		expect(failure.code).toBe(code);
		expect(failure.message).toMatch(message);
	});

	it('finds a code a few causes deep, but not forever', () => {
		expect(findErrorCode({ cause: { cause: { code: 'EPIPE' } } })).toBe('EPIPE');
		expect(findErrorCode({ code: 'not-a-code' })).toBeUndefined();
	});
});

describe('the retry rule (one for every service)', () => {
	const failure = (status: number, code = 'X', retryAfterSeconds?: number): ServiceFailure => ({
		status,
		code,
		message: 'm.',
		retryAfterSeconds,
	});
	const read = { idempotent: true };
	const write = { idempotent: false };

	it.each([
		[429, 'X', true],
		[500, 'X', true],
		[502, 'X', true],
		[503, 'X', true],
		[504, 'X', true],
		[0, 'ECONNRESET', true],
		[0, 'ETIMEDOUT', true],
		[200, 'INVALID_RESPONSE', true],
		[0, 'ECONNREFUSED', false],
		[302, 'REDIRECT', false],
		[400, 'X', false],
		[401, 'X', false],
		[403, 'X', false],
		[404, 'X', false],
		[422, 'X', false],
		[200, 'CHANNEL_ERROR', false],
	])('status %i %s retryable: %s', (status, code, expected) => {
		expect(isRetryable(failure(status, code))).toBe(expected);
	});

	it('retries reads only, within the budget, and not when asked to wait too long', () => {
		expect(shouldRetry(read, failure(503), 0, 2)).toBe(true);
		expect(shouldRetry(read, failure(503), 2, 2)).toBe(false);
		expect(shouldRetry(write, failure(503), 0, 2)).toBe(false);
		expect(shouldRetry(read, failure(429, 'X', MAX_RETRY_AFTER_SECONDS), 0, 2)).toBe(true);
		expect(shouldRetry(read, failure(429, 'X', MAX_RETRY_AFTER_SECONDS + 1), 0, 2)).toBe(false);
	});

	it('waits what the service asked, else doubles with jitter', () => {
		expect(retryDelayMs(3, failure(429, 'X', 2))).toBe(2000);
		expect(retryDelayMs(0, failure(503), () => 0)).toBe(250);
		expect(retryDelayMs(0, failure(503), () => 1)).toBe(500);
		expect(retryDelayMs(2, failure(503), () => 1)).toBe(2000);
	});

	it('the final message says how often we tried and what the service asked', () => {
		expect(finalFailure(read, failure(503), 3).message).toBe('m. (tried 3 times)');
		expect(finalFailure(read, failure(429, 'X', 3600), 1).message).toBe(
			'm. The service asked to wait 3600 s before trying again.',
		);
		expect(finalFailure(write, failure(503), 1).message).toBe('m.');
	});
});

describe('confirmationNote (after an invitation whose answer was lost)', () => {
	it('not sent: safe to run again', () => {
		expect(confirmationNote({ outcome: 'not_sent' })).toBe(
			'Checked with the service: it did not go through, so running this item again is safe.',
		);
	});

	it('could not tell: look on LinkedIn first', () => {
		expect(confirmationNote({ outcome: 'unknown', reason: 'and checking failed too' })).toBe(
			'It may or may not have gone through, and checking failed too: look at the sent invitations on LinkedIn before running this item again.',
		);
		expect(confirmationNote({ outcome: 'unknown', reason: 'the list was too long' })).toBe(
			'It may or may not have gone through (the list was too long): look at the sent invitations on LinkedIn before running this item again.',
		);
	});
});

describe('transport settings', () => {
	it('defaults, our options, clamping', () => {
		expect(transportSettings({}, {})).toEqual({ timeoutMs: 30_000, maxRetries: 2 });
		expect(transportSettings({ timeout: 5, maxRetries: 0 }, {})).toMatchObject({
			timeoutMs: 5000,
			maxRetries: 0,
		});
		expect(transportSettings({ timeout: 9999, maxRetries: 99 }, {})).toMatchObject({
			timeoutMs: 600_000,
			maxRetries: 10,
		});
	});

	it("a 0.1.x workflow's saved request options fill in what our options leave unset", () => {
		const legacy = readLegacyRequestOptions({
			timeout: 12_000,
			batching: { batch: { batchSize: 2, batchInterval: 1500 } },
		});
		expect(legacy).toEqual({ timeoutMs: 12_000, batching: { size: 2, intervalMs: 1500 } });
		expect(transportSettings({}, legacy).timeoutMs).toBe(12_000);
		expect(transportSettings({ timeout: 3 }, legacy).timeoutMs).toBe(3000);
		expect(readLegacyRequestOptions(undefined)).toEqual({});
		expect(readLegacyRequestOptions({ proxy: 'not a url', batching: {} })).toEqual({});
	});

	it('a saved proxy or certificate setting is ignored: a hidden parameter never decides where the key goes', () => {
		const legacy = readLegacyRequestOptions({
			timeout: 12_000,
			proxy: 'http://user:p%40ss@proxy.local:3128',
			allowUnauthorizedCerts: true,
		});
		expect(legacy).toEqual({ timeoutMs: 12_000 });
		const settings = transportSettings({}, legacy);
		expect(settings).not.toHaveProperty('proxy');
		expect(settings).not.toHaveProperty('skipSslCertificateValidation');
	});
});

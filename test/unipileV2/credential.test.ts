/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The Unipile API v2 credential: its `test` request run the way n8n's credential tester runs it
 * (as test/unit/credentialTest.test.ts does: the request becomes a routing node's request,
 * n8n-core's RoutingNode sends it, then the rules are read in order), against the v2 fake, a host
 * that is not Unipile, and redirectors; and its Base URL rule, read alike by the node and the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { UnipileV2Api } from '../../credentials/UnipileV2Api.credentials';
import {
	baseUrlExpression,
	normaliseBaseUrl,
	REFUSED_BASE_URL,
	UNIPILE_V2_BASE_URL,
} from '../../nodes/core/shared/baseUrl';
import { testCredential as testCredentialOf } from '../helpers/credentialTest';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { V2_KEY } from './harness';

const type = new UnipileV2Api();

/** n8n's credential tester, on this credential. */
const testCredential = async (data: ICredentialDataDecryptedObject) =>
	await testCredentialOf(type, data);

/** A server that records requests and answers `status` with a JSON `body`. */
async function startServer(status: number, body: object, headers: Record<string, string> = {}) {
	const requests: string[] = [];
	const server: Server = createServer((request, response) => {
		requests.push(`${request.method} ${request.url}`);
		response.writeHead(status, { 'content-type': 'application/json', ...headers });
		response.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('the Unipile API v2 credential', () => {
	const fake = new FakeUnipileV2({ apiKey: V2_KEY });
	let url = '';
	beforeAll(async () => {
		url = await fake.start();
	});
	afterAll(async () => await fake.stop());
	beforeEach(() => fake.reset());

	it('names: unipileV2Api, "Unipile V2 API" (lint: title case, ending in API), apiKey and baseUrl (default https://api.unipile.com/v2)', () => {
		expect(type.name).toBe('unipileV2Api');
		expect(type.displayName).toBe('Unipile V2 API');
		expect(type.properties.map((p) => [p.name, p.type, p.default])).toEqual([
			['apiKey', 'string', ''],
			['baseUrl', 'string', 'https://api.unipile.com/v2'],
		]);
		expect(type.properties[0].typeOptions).toEqual({ password: true });
		expect(type.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { 'X-API-KEY': '={{$credentials.apiKey}}' } },
		});
		expect(type.test.request.disableFollowRedirect).toBe(true);
	});

	it.each(['', '/', '/v2', '/v2/'])(
		'a good key passes: GET /v2/accounts/?limit=1 with X-API-KEY (base URL + %j)',
		async (suffix) => {
			expect(await testCredential({ baseUrl: `${url}${suffix}`, apiKey: V2_KEY })).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual([
				'GET /v2/accounts/?limit=1',
			]);
			expect(fake.requests[0].headers['x-api-key']).toBe(V2_KEY);
		},
	);

	it('a wrong key is told apart', async () => {
		const result = await testCredential({ baseUrl: url, apiKey: 'wrong-key-1234' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Unipile rejected the API key (api/invalid_auth_format): copy a scoped Account API key from the Unipile dashboard (API v2)',
		});
		expect(JSON.stringify(result)).not.toContain('wrong-key-1234');
	});

	it('any other 401 error body from Unipile is about the key too', async () => {
		const server = await startServer(401, {
			object: 'Error',
			type: 'api/unauthorized',
			status: 401,
			title: 'Unauthorized',
		});
		try {
			expect((await testCredential({ baseUrl: server.url, apiKey: V2_KEY })).message).toMatch(
				/^Unipile refused the API key \(HTTP 401\)/,
			);
		} finally {
			await server.close();
		}
	});

	it('a host that answers, but not like Unipile v2, is told apart', async () => {
		const server = await startServer(200, { success: true, data: { items: [] } });
		try {
			expect((await testCredential({ baseUrl: server.url, apiKey: V2_KEY })).message).toMatch(
				/^The Base URL answered, but not like Unipile's API v2/,
			);
		} finally {
			await server.close();
		}
	});

	it('a redirect is reported, not followed', async () => {
		const elsewhere = await startServer(200, { object: 'Accounts', data: [], has_more: false });
		const redirector = await startServer(
			307,
			{},
			{ location: `${elsewhere.url}/v2/accounts/?limit=1` },
		);
		try {
			const result = await testCredential({ baseUrl: redirector.url, apiKey: V2_KEY });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/answered with a redirect.*check the Base URL/i);
			expect(redirector.requests).toHaveLength(1);
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await redirector.close();
			await elsewhere.close();
		}
	});
});

describe('the Unipile v2 Base URL rule: the node and the credential test read it alike', () => {
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => undefined as never,
			getByNameAndVersion: () => undefined as never,
			getKnownTypes: () => ({}),
		},
	});
	const node = {
		id: 'n',
		name: 'n',
		type: 't',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const evaluate = (value: unknown) =>
		String(
			workflow.expression.getSimpleParameterValue(
				node,
				baseUrlExpression('baseUrl', UNIPILE_V2_BASE_URL),
				'internal',
				{ $credentials: { baseUrl: value } },
			),
		);

	it.each([
		['https://api.unipile.com/v2', 'https://api.unipile.com'],
		['https://api.unipile.com/v2/', 'https://api.unipile.com'],
		['api.unipile.com', 'https://api.unipile.com'],
		['HTTPS://API.UNIPILE.COM/V2', 'https://api.unipile.com'],
		['http://127.0.0.1:9000/v2', 'http://127.0.0.1:9000'],
	])('%j → %s', (input, origin) => {
		expect(normaliseBaseUrl(input, UNIPILE_V2_BASE_URL)).toBe(origin);
		expect(evaluate(input)).toBe(origin);
	});

	it.each([
		['https://api.unipile.com/api/v1', /has the path \/api\/v1/],
		['http://api.unipile.com/v2', /uses http:\/\/ to api\.unipile\.com/],
		['https://key@api.unipile.com/v2', /contains "@"|contains a user name/],
		['', /Base URL is empty/],
	])('%j is refused by both', (input, reason) => {
		expect(() => normaliseBaseUrl(input, UNIPILE_V2_BASE_URL)).toThrow(reason);
		expect(evaluate(input)).toBe(REFUSED_BASE_URL);
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The credentials' `test` requests, run the way n8n's credential tester runs them
 * (packages/cli/src/services/credentials-tester.service.ts: the test request becomes the routing
 * of a one-property node type, n8n-core's RoutingNode sends it, then the rules are read in order).
 * Against local servers: a redirector that points elsewhere, the place it points to (which must
 * never be asked anything), and the fakes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialTestRequest } from 'n8n-workflow';
import { LinkupApi } from '../../credentials/LinkupApi.credentials';
import { UnipileApi } from '../../credentials/UnipileApi.credentials';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { testCredential } from '../helpers/credentialTest';
import { LINKUP_KEY, UNIPILE_KEY } from '../helpers/fixtures';

interface Recorded {
	method?: string;
	url?: string;
	headers: IncomingMessage['headers'];
}

/** A local server that records every request and answers with `answer`. */
async function startServer(
	answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string> },
): Promise<{ url: string; port: number; requests: Recorded[]; close: () => Promise<void> }> {
	const requests: Recorded[] = [];
	const server: Server = createServer((request, response) => {
		requests.push({ method: request.method, url: request.url, headers: request.headers });
		const { status, headers } = answer(request);
		response.writeHead(status, { 'content-type': 'text/plain', ...headers });
		response.end(`HTTP ${status}`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const CREDENTIALS = [
	{
		type: new UnipileApi(),
		data: (host: string) => ({ dsn: host, apiKey: UNIPILE_KEY }),
		key: UNIPILE_KEY,
		field: 'DSN',
		apiSuffix: '/api/v1',
	},
	{
		type: new LinkupApi(),
		data: (host: string) => ({ baseUrl: host, apiKey: LINKUP_KEY }),
		key: LINKUP_KEY,
		field: 'base URL',
		apiSuffix: '/v2',
	},
];

describe.each(CREDENTIALS)(
	'$type.displayName credential test',
	({ type, data, key, field, apiSuffix }) => {
		let elsewhere: Awaited<ReturnType<typeof startServer>>;
		let redirector: Awaited<ReturnType<typeof startServer>>;

		beforeAll(async () => {
			elsewhere = await startServer(() => ({ status: 200 }));
			redirector = await startServer((request) => ({
				status: 302,
				headers: { location: `${elsewhere.url}${request.url ?? '/'}` },
			}));
		});
		afterAll(async () => {
			await elsewhere.close();
			await redirector.close();
		});
		beforeEach(() => {
			elsewhere.requests.length = 0;
			redirector.requests.length = 0;
		});

		it('does not follow redirects, and says the host answered with one', async () => {
			expect(type.test?.request.disableFollowRedirect).toBe(true);

			for (const status of [301, 302, 303, 307, 308]) {
				const hop = await startServer(() => ({
					status,
					headers: { location: `${elsewhere.url}/` },
				}));
				try {
					const result = await testCredential(type, data(hop.url));

					expect(result.status).toBe('Error');
					expect(result.message).toMatch(
						new RegExp(`answered with a redirect.*check the ${field}`, 'i'),
					);
					expect(JSON.stringify(result)).not.toContain(key);
					expect(hop.requests).toHaveLength(1);
				} finally {
					await hop.close();
				}
			}
			expect(elsewhere.requests).toHaveLength(0);
		});

		it('n8n 2.8, which reads ignoreHttpStatusErrors as plain true, still reports the redirect', async () => {
			const test = type.test as ICredentialTestRequest;
			const asInN8n28 = { ...test, request: { ...test.request, ignoreHttpStatusErrors: true } };
			const result = await testCredential(type, data(redirector.url), asInN8n28);

			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/answered, but not like .*\(or with a redirect, which is not followed\)/,
			);
			expect(redirector.requests).toHaveLength(1);
			expect(elsewhere.requests).toHaveLength(0);
		});

		it('with the API path typed after the host, the redirect is not followed either', async () => {
			const result = await testCredential(type, data(`${redirector.url}${apiSuffix}/`));

			expect(result.status).toBe('Error');
			expect(redirector.requests).toHaveLength(1);
			expect(elsewhere.requests).toHaveLength(0);
		});

		it.each([
			[
				'a user name in front of another host',
				(port: number) => `http://api1.unipile.com:13111@127.0.0.1:${port}`,
			],
			['plain http:// to a remote host', () => 'http://api1.unipile.com:13111'],
			['a backslash', (port: number) => `http://127.0.0.1:${port}\\@api1.unipile.com`],
			['a query string', (port: number) => `http://127.0.0.1:${port}?x=1`],
		])('a refused host (%s) sends nothing anywhere', async (_label, host) => {
			const result = await testCredential(type, data(host(elsewhere.port)));

			expect(result.status).toBe('Error');
			expect(JSON.stringify(result)).not.toContain(key);
			expect(elsewhere.requests).toHaveLength(0);
		});
	},
);

describe('credential tests against the fakes still tell a good key from a wrong one', () => {
	const unipile = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const linkup = new FakeLinkup({ apiKey: LINKUP_KEY });
	let unipileUrl = '';
	let linkupUrl = '';

	beforeAll(async () => {
		unipileUrl = await unipile.start();
		linkupUrl = await linkup.start();
	});
	afterAll(async () => {
		await unipile.stop();
		await linkup.stop();
	});

	it('Unipile', async () => {
		const unipileApi = new UnipileApi();
		expect(
			await testCredential(unipileApi, { dsn: `${unipileUrl}/api/v1`, apiKey: UNIPILE_KEY }),
		).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(
			(await testCredential(unipileApi, { dsn: unipileUrl, apiKey: 'wrong-key-1234' })).message,
		).toMatch(/^Unipile rejected the API key/);
		expect(
			(await testCredential(unipileApi, { dsn: linkupUrl, apiKey: UNIPILE_KEY })).message,
		).toMatch(/^The DSN answered, but not like Unipile's API/);
	});

	it('LinkupAPI', async () => {
		const linkupApi = new LinkupApi();
		expect(
			await testCredential(linkupApi, { baseUrl: `${linkupUrl}/v2`, apiKey: LINKUP_KEY }),
		).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(
			(await testCredential(linkupApi, { baseUrl: linkupUrl, apiKey: 'wrong-key-1234' })).message,
		).toMatch(/^LinkupAPI rejected the API key/);
		expect(
			(await testCredential(linkupApi, { baseUrl: unipileUrl, apiKey: LINKUP_KEY })).message,
		).toMatch(/^The base URL answered, but not like LinkupAPI's/);
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A 0.1.x workflow's hidden `requestOptions` may be written by anyone who can edit the workflow,
 * including someone who cannot read the credential. Its proxy must never carry the API key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	let proxy: Server;
	let proxyUrl = '';
	const proxied: string[] = [];

	beforeAll(async () => {
		proxy = createServer((request, response) => {
			proxied.push(`${request.method} ${request.url}`);
			response.writeHead(502).end();
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		proxyUrl = `http://attacker:pw@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => proxy.close(() => resolve())));

	it('a saved proxy and certificate setting are ignored: the request goes straight to the service', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', {
				profile: rl('url', JULIEN.url),
				requestOptions: { proxy: proxyUrl, allowUnauthorizedCerts: true, timeout: 15000 },
			}),
			credentials: service.credentials(baseUrl()),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(proxied).toEqual([]);
		expect(service.fake.requests).toHaveLength(1);
		expectNoSecret(result, service.key);
	});
});

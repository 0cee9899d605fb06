/**
 * The API key goes to the credential's host and nowhere else: a redirect is never followed (not
 * even under n8n's "Allowed HTTP Request Domains"), and that restriction does not stop the node
 * reaching its own credential's host.
 */
import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const elsewhere = new FakeUnipile({ apiKey: 'not-the-key' });
const elsewhereUrl = useFake(elsewhere);

const RESTRICTED = { allowedHttpRequestDomains: 'domains', allowedDomains: 'example.com' };

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const credentials = (extra = {}) => {
		const [[type, data]] = Object.entries(service.credentials(baseUrl()));
		return { [type]: { ...data, ...extra } };
	};

	it.each([
		['a lookup answered with 302', 'profile', 'get', service.readFault, 302],
		['an invitation answered with 307', 'invitation', 'send', service.inviteFault, 307],
	])(
		'%s to another host: the item fails, the other host sees nothing',
		async (_label, resource, operation, where, status) => {
			service.fake.addFault({
				...where,
				mode: 'redirect',
				status,
				location: `${elsewhereUrl()}/api/v1/users/julien-crepieux?account_id=acc`,
			});
			const result = await runNode({
				parameters: service.params(resource, operation, {
					profile: rl(
						operation === 'send' ? 'providerId' : 'url',
						operation === 'send' ? JULIEN.providerId : JULIEN.url,
					),
				}),
				credentials: credentials(),
			});

			expect(result.error?.message).toBe(
				`${service.name} answered with a redirect (HTTP ${status}) to ${elsewhereUrl()} [REDIRECT]. LinkedIn Connect does not follow redirects, so your API key is only ever sent to the host in the credential: check its ${service.name === 'Unipile' ? 'DSN' : 'Base URL'} (the exact address ${service.name} gives you, with https://).`,
			);
			expect(elsewhere.requests).toHaveLength(0);
			// Not retried (a read) and not checked or re-sent (a write): one request in all.
			expect(service.fake.requests).toHaveLength(1);
			expect(service.sentCount()).toBe(0);
			expectNoSecret(result, service.key);
		},
	);

	it('a redirect to the same host is not followed either', async () => {
		service.fake.addFault({
			...service.readFault,
			mode: 'redirect',
			location: `${baseUrl()}/somewhere/else`,
		});
		const result = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(/\[REDIRECT\]/);
		expect(service.fake.requests).toHaveLength(1);
	});

	it("a credential restricted to other domains still reaches its own host, and never a redirect's", async () => {
		const allowed = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(RESTRICTED),
		});
		expect(allowed.error).toBeUndefined();
		expect(allowed.items[0].json.public_identifier).toBe('julien-crepieux');

		service.fake.addFault({
			...service.readFault,
			mode: 'redirect',
			location: `${elsewhereUrl()}/api/v1/users/julien-crepieux`,
		});
		const redirected = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(RESTRICTED),
		});
		expect(redirected.error?.message).toMatch(/\[REDIRECT\]/);
		expect(elsewhere.requests).toHaveLength(0);
	});

	it('a credential set to block the HTTP Request node ("None") still works in its own node', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials({ allowedHttpRequestDomains: 'none' }),
		});
		expect(result.error).toBeUndefined();
	});
});

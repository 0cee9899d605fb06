/**
 * The credential is read once per node run and handed to n8n with every request: otherwise n8n
 * loads and decrypts it from its database again for each request (bench/RESULTS.md measured it).
 * Its key still goes out on every request (the fakes refuse a request without it).
 */
import { runNode } from '../helpers/engine';
import { rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);

	it('three invitations and their lookups: one credential read for the whole run', async () => {
		const result = await runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('url', '={{ $json.member }}'),
				options: { skipIfConnectedOrPending: true } as never,
			}),
			items: ['julien-crepieux', 'marie-curie', 'jérôme-dupont'].map((slug) => ({
				member: `https://www.linkedin.com/in/${slug}/`,
			})),
			credentials: service.credentials(baseUrl()),
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.status)).toEqual(['sent', 'sent', 'sent']);
		expect(service.fake.requests.length).toBeGreaterThanOrEqual(6);
		expect(result.credentialReads).toBe(1);
	});

	it('a wrong key is still refused on every request, as before', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', '={{ $json.member }}') }),
			items: [{ member: 'julien-crepieux' }, { member: 'marie-curie' }],
			credentials: service.credentials(baseUrl(), 'not-the-key'),
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(2);
		for (const item of result.items)
			expect(String(item.json.error)).toContain(service.wrongKeyCode);
		expect(result.credentialReads).toBe(1);
	});
});

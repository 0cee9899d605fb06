/**
 * Behaviour every service must share, run against each fake through n8n-core's engine: the same
 * output field names, the same input rules, the same failure handling.
 */
import { expectNoSecret } from '../helpers/assertions';
import { runNode, searchAccounts } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest, servicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);

	const run = (
		parameters: ReturnType<typeof service.params>,
		extra: Partial<Parameters<typeof runNode>[0]> = {},
	) => runNode({ parameters, credentials: service.credentials(baseUrl()), ...extra });

	it.each([
		['url', JULIEN.url],
		['url', 'fr.linkedin.com/in/julien-crepieux?originalSubdomain=fr'],
		['publicIdentifier', 'julien-crepieux'],
		['providerId', JULIEN.providerId],
	])('Get Profile (%s %s) returns the common field names', async (mode, value) => {
		const result = await run(service.params('profile', 'get', { profile: rl(mode, value) }));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expectNoSecret(result, service.key);
	});

	it('Simplify gives Get Profile the same field set as every other service, in the same order', async () => {
		const result = await run(service.params('profile', 'get', { profile: rl('url', JULIEN.url) }));
		const { credits_consumed: credits, ...shared } = result.items[0].json;

		expect(Object.keys(shared)).toEqual([
			'provider_id',
			'public_identifier',
			'profile_url',
			'full_name',
			'first_name',
			'last_name',
			'headline',
			'location',
			...(service.name === 'LinkupAPI' ? ['profile_picture_url'] : []),
			'network_distance',
		]);
		// LinkupAPI's one field of its own is billing: what the call cost.
		expect(credits).toBe(service.name === 'LinkupAPI' ? 1 : undefined);
	});

	it('Send Invitation returns invitation_id, provider_id and the member names', async () => {
		const result = await run(
			service.params('invitation', 'send', { profile: rl('url', JULIEN.url), message: 'Hello!' }),
		);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			invitation_id: expect.any(String),
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
		});
		expect(service.sentCount()).toBe(1);
		expectNoSecret(result, service.key);
	});

	it('refuses a 301-character message before any request; accepts 300 emoji', async () => {
		const tooLong = await run(
			service.params('invitation', 'send', {
				profile: rl('url', JULIEN.url),
				message: 'x'.repeat(301),
			}),
		);
		expect(tooLong.error?.message).toMatch(
			/^'Message' is 301 characters long; LinkedIn accepts at most 300/,
		);
		expect(service.fake.requests).toHaveLength(0);

		const emoji = await run(
			service.params('invitation', 'send', {
				profile: rl('providerId', MARIE_ID),
				message: '🤝'.repeat(300),
			}),
		);
		expect(emoji.error).toBeUndefined();
		expect(service.sentCount()).toBe(1);
	});

	it('Continue On Fail: one paired item per input, bad input sends nothing, the others go on', async () => {
		const result = await run(
			service.params('invitation', 'send', { profile: rl('url', '={{ $json.url }}') }),
			{
				items: [
					{ url: JULIEN.url },
					{ url: 'https://www.linkedin.com/school/mit/' },
					{ url: '' },
					{ url: `linkedin.com/in/${MARIE_ID}` },
				],
				onError: 'continueRegularOutput',
			},
		);

		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items[0].json.invitation_id).toEqual(expect.any(String));
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/^'Profile' is a \/school\/ page/),
			code: 'INPUT',
		});
		expect(result.items[2].json).toMatchObject({
			error: expect.stringMatching(/^'Profile' is empty/),
			code: 'INPUT',
		});
		expect(result.items[3].json.provider_id).toBe(MARIE_ID);
		expect(service.sentCount()).toBe(2);
		expectNoSecret(result, service.key);
	});

	it('a second invitation to the same member fails with the service code; nothing is re-sent', async () => {
		await run(service.params('invitation', 'send', { profile: rl('providerId', MARIE_ID) }));
		const again = await run(
			service.params('invitation', 'send', { profile: rl('providerId', MARIE_ID) }),
		);

		expect(again.error?.message).toContain(`[${service.alreadyInvitedCode}]`);
		expect(service.inviteRequests()).toHaveLength(2);
		expect(service.sentCount()).toBe(1);
	});

	it('a wrong key fails with the service code and what to do, and is never shown', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: service.credentials(baseUrl(), 'definitely-Wrong-Key-42'),
		});

		expect(result.error?.message).toContain(`[${service.wrongKeyCode}]`);
		expect(result.error?.message).toMatch(/API key/);
		expectNoSecret(result, 'definitely-Wrong-Key-42');
	});

	it('the account list offers LinkedIn accounts only, with their status', async () => {
		const { results } = await searchAccounts(
			service.params('invitation', 'send'),
			service.credentials(baseUrl()),
		);

		expect(results.map((r) => r.name)).toEqual([
			expect.stringMatching(/^Ada Lovelace \(/),
			expect.stringMatching(/^Grace Hopper \(/),
			expect.stringMatching(/^Alan Turing \(/),
		]);
		expect(results.some((r) => /Support line/.test(String(r.name)))).toBe(false);
	});
});

describe("a 0.1.x workflow's saved Settings → Request Options → Batching still spaces invitations out", () => {
	const [unipile] = servicesUnderTest();
	const baseUrl = useFake(unipile.fake);

	it('one item per batch, 300 ms apart: the invites arrive one by one', async () => {
		const result = await runNode({
			parameters: {
				...unipile.params('invitation', 'send', { profile: rl('providerId', '={{ $json.id }}') }),
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 300 } } },
			},
			items: [
				{ id: JULIEN.providerId },
				{ id: MARIE_ID },
				{ id: 'ACoAAEEEsamSales000000000000000000000000' },
			],
			credentials: unipile.credentials(baseUrl()),
		});

		expect(result.error).toBeUndefined();
		const times = unipile.fake.requests.map((r) => r.at);
		expect(times).toHaveLength(3);
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(250);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(250);
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * How items are run, through n8n-core's engine against both fakes: one at a time in input order
 * (no two requests overlap), Delay Between Items between items that send something, a delay that
 * ends when the execution is cancelled, and Get Profile's bounded concurrency.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import type { FakeLinkup } from '../fakes/linkup';
import type { FakeUnipile } from '../fakes/unipile';
import { runNode, withNodeType } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

type Recorded = FakeUnipile['requests'][number];

const MEMBERS = ['julien-crepieux', 'marie-curie', 'jérôme-dupont', 'sam-sales', 'linus-t'];
const urls = MEMBERS.map((slug) => ({ url: `https://www.linkedin.com/in/${slug}/` }));

/** The most requests the fake was serving at the same moment. */
function maxOverlap(requests: Recorded[]): number {
	const events = requests.flatMap((r) => [
		{ t: r.at, d: 1 },
		{ t: r.finishedAt ?? r.at, d: -1 },
	]);
	events.sort((a, b) => a.t - b.t || a.d - b.d);
	let current = 0;
	let most = 0;
	for (const event of events) most = Math.max(most, (current += event.d));
	return most;
}

const delay = (minSeconds: number, maxSeconds = minSeconds) => ({
	delayBetweenItems: { range: { minSeconds, maxSeconds } },
});

describe.each(allServicesUnderTest())('$name: items one at a time', (service) => {
	const baseUrl = useFake(service.fake);
	const fake = service.fake as FakeUnipile | FakeLinkup;
	beforeEach(() => {
		// A service far away: overlapping requests would be plain to see.
		fake.latencyMs = 40;
	});

	it('five invitations by URL: in input order, each item done before the next starts', async () => {
		const result = await runNode({
			parameters: service.params('invitation', 'send', { profile: rl('url', '={{ $json.url }}') }),
			items: urls,
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});

		expect(result.items.map((i) => i.pairedItem)).toEqual(urls.map((_, item) => ({ item })));
		const requests = fake.requests;
		expect(maxOverlap(requests)).toBe(1);
		for (let i = 1; i < requests.length; i++)
			expect(requests[i].at).toBeGreaterThanOrEqual(requests[i - 1].finishedAt ?? Infinity);
		if (service.looksUpFirst) {
			// linus-t is already a connection: the lookup says so and nothing is sent.
			expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
				MEMBERS.flatMap((slug) => [
					`GET ${service.profilePath(slug)}`,
					...(slug === 'linus-t' ? [] : [`POST ${service.invitePath}`]),
				]),
			);
		} else {
			expect(requests.map((r) => r.body.params.profile_url)).toEqual(
				MEMBERS.map((slug) => `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`),
			);
		}
	});

	it('Delay Between Items: a random pause in the range before each item that sends', async () => {
		const result = await runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('url', '={{ $json.url }}'),
				options: delay(0.2, 0.4),
			}),
			items: urls.slice(0, 3),
			credentials: service.credentials(baseUrl()),
		});

		expect(result.error).toBeUndefined();
		// Unipile: lookup + invite per item; LinkupAPI: one call per item.
		const perItem = service.looksUpFirst ? 2 : 1;
		const items = [0, 1, 2].map((i) => fake.requests.slice(i * perItem, (i + 1) * perItem));
		expect(fake.requests).toHaveLength(3 * perItem);
		for (let i = 1; i < 3; i++) {
			const previousEnd = items[i - 1][perItem - 1].finishedAt ?? Infinity;
			expect(items[i][0].at - previousEnd).toBeGreaterThanOrEqual(190);
		}
	});

	it('items refused before sending do not wait: only sending items are paced', async () => {
		// With a 60 s delay, a single pause would outlast this test's timeout.
		const result = await runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('url', '={{ $json.url }}'),
				options: delay(60),
			}),
			items: [
				{ url: JULIEN.url },
				{ url: 'https://www.linkedin.com/company/unipile/' },
				{ url: '' },
				{ url: 'https://www.linkedin.com/school/mit/' },
			],
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(4);
		expect(result.items[0].json.invitation_id).toEqual(expect.any(String));
		for (const item of result.items.slice(1)) expect(item.json.error).toMatch(/^'Profile'/);
		expect(service.sentCount()).toBe(1);
	}, 15_000);

	it('cancelling the execution ends the delay: nothing more is sent, the node returns', async () => {
		let settled = false;
		class Watched extends LinkedInConnect {
			async execute(this: IExecuteFunctions) {
				try {
					return await LinkedInConnect.prototype.execute.call(this);
				} finally {
					settled = true;
				}
			}
		}
		let cancel: () => void = () => {};
		const run = withNodeType(
			new Watched(),
			async () =>
				await runNode({
					parameters: service.params('invitation', 'send', {
						profile: rl('url', '={{ $json.url }}'),
						options: delay(60),
					}),
					items: urls.slice(0, 3),
					credentials: service.credentials(baseUrl()),
					onStart: (fn) => (cancel = fn),
				}),
		);
		while (service.inviteRequests().length < 1) await new Promise((r) => setTimeout(r, 20));
		cancel();
		await run;
		// The node itself stops waiting (the test's timeout would fail a 60 s sleep).
		while (!settled) await new Promise((r) => setTimeout(r, 20));
		await new Promise((r) => setTimeout(r, 300));
		expect(service.inviteRequests()).toHaveLength(1);
		expect(service.sentCount()).toBe(1);
	}, 15_000);
});

describe.each(allServicesUnderTest())('$name: Get Profile concurrency', (service) => {
	const baseUrl = useFake(service.fake);
	const fake = service.fake as FakeUnipile | FakeLinkup;
	beforeEach(() => {
		fake.latencyMs = 100;
	});

	it('one at a time by default', async () => {
		await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
			items: urls,
			credentials: service.credentials(baseUrl()),
		});
		expect(maxOverlap(fake.requests)).toBe(1);
	});

	it('Profiles at Once = 3: at most three in flight, outputs still in input order', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', {
				profile: rl('url', '={{ $json.url }}'),
				options: { concurrency: 3 },
			}),
			items: urls,
			credentials: service.credentials(baseUrl()),
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.pairedItem, i.json.public_identifier])).toEqual(
			MEMBERS.map((slug, item) => [{ item }, slug]),
		);
		expect(fake.requests).toHaveLength(5);
		expect(maxOverlap(fake.requests)).toBeGreaterThan(1);
		expect(maxOverlap(fake.requests)).toBeLessThanOrEqual(3);
	});

	it('without Continue On Fail, the first failing item in input order is reported', async () => {
		const result = await runNode({
			parameters: service.params('profile', 'get', {
				profile: rl('url', '={{ $json.url }}'),
				options: { concurrency: 3 },
			}),
			items: [urls[0], { url: 'linkedin.com/in/nobody-here' }, { url: 'linkedin.com/in/ghost' }],
			credentials: service.credentials(baseUrl()),
		});

		expect(result.error?.message).toBeDefined();
		expect((result.error as { context?: { itemIndex?: number } })?.context?.itemIndex).toBe(1);
	});
});

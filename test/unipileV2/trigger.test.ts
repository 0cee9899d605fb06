/**
 * LinkedIn Connect Trigger with Unipile v2, through n8n-core's contexts (test/helpers/trigger.ts)
 * against the v2 fake: activation registers one webhook endpoint, a delivery as the fake sends it
 * starts the workflow once, forgeries get 401, deactivation removes it, and polling reads the
 * connections.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { UnipileV2Api } from '../../credentials/UnipileV2Api.credentials';
import { registerCredentialType } from '../helpers/engine';
import { rl } from '../helpers/fixtures';
import { recordIn, TriggerHarness, WEBHOOK_URL } from '../helpers/trigger';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { V2_ACCOUNT, V2_KEY, v2Credentials } from './harness';

registerCredentialType(new UnipileV2Api());

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const ENDPOINTS = '/v2/webhooks/endpoints/';

const parameters = (extra: INodeParameters = {}): INodeParameters => ({
	authentication: 'unipileV2Api',
	accountId: rl('id', V2_ACCOUNT),
	events: ['invitationAccepted'],
	mode: 'webhook',
	...extra,
});
const harness = (extra: INodeParameters = {}) =>
	new TriggerHarness(parameters(extra), v2Credentials(baseUrl()));
const record = (h: TriggerHarness) => recordIn(h);
const accept = async (member = 'marie-curie', options = {}) => {
	const [delivery] = (await fake.simulateAcceptance(member, V2_ACCOUNT, options)) as Array<{
		body: IDataObject;
		headers: Record<string, string>;
		raw: string;
	}>;
	return delivery;
};

describe('LinkedIn Connect Trigger with Unipile v2, webhook mode', () => {
	it('activation looks for ours left behind, then registers one endpoint with Unipile’s secret', async () => {
		const h = harness();
		await h.activate();

		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${ENDPOINTS}`,
			`POST ${ENDPOINTS}`,
		]);
		expect(fake.calls('POST', ENDPOINTS)[0].body).toEqual({
			url: WEBHOOK_URL,
			trigger_events: ['relation.new', 'relation.request.accept'],
			account_ids: [V2_ACCOUNT],
			description: 'n8n LinkedIn Connect Trigger (workflow wf-trigger, node trigger-under-test)',
		});
		expect(record(h)).toMatchObject({
			service: 'unipileV2Api',
			accountId: V2_ACCOUNT,
			url: WEBHOOK_URL,
			webhookId: fake.webhooks[0].id,
			secret: fake.webhooks[0].secret,
			events: ['invitationAccepted'],
		});
	});

	it('a second activation finds it (GET by id); a disabled one is replaced', async () => {
		const h = harness();
		await h.activate();
		fake.requests.length = 0;
		await h.activate();
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${ENDPOINTS}${String(record(h).webhookId)}`,
		]);

		fake.webhooks[0].enabled = false;
		await h.activate();
		expect(fake.webhooks).toHaveLength(1);
		expect(fake.webhooks[0].enabled).toBe(true);
		expect(record(h).webhookId).toBe(fake.webhooks[0].id);
	});

	it('a delivery as Unipile sends it starts the workflow once; its retry starts nothing', async () => {
		const h = harness();
		await h.activate();
		const delivery = await accept();
		const first = await h.deliver(delivery.body, delivery.headers, delivery.raw);
		const retry = await h.deliver(delivery.body, delivery.headers, delivery.raw);

		expect(first.answer).toBeUndefined();
		expect(first.result.workflowData?.[0]).toHaveLength(1);
		expect(first.result.workflowData?.[0][0].json).toMatchObject({
			account_id: V2_ACCOUNT,
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
			public_identifier: 'marie-curie',
			profile_url: 'https://www.linkedin.com/in/marie-curie/',
			full_name: 'Marie Curie',
			event: 'invitationAccepted',
			raw: delivery.body,
		});
		expect(retry.result.workflowData).toBeUndefined();
	});

	it.each([
		[
			'without its signature headers',
			(d: { headers: Record<string, string> }) => ({ 'content-type': d.headers['content-type'] }),
		],
		[
			'with a forged signature',
			(d: { headers: Record<string, string> }) => ({
				...d.headers,
				'webhook-signature': 'v1,Zm9yZ2Vk',
			}),
		],
	])('a delivery %s gets 401 and starts nothing', async (_label, forge) => {
		const h = harness();
		await h.activate();
		const delivery = await accept();
		const { result, answer } = await h.deliver(delivery.body, forge(delivery), delivery.raw);

		expect(answer?.status).toBe(401);
		expect(JSON.stringify(answer)).not.toContain(String(record(h).secret));
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('a delivery signed more than 5 minutes ago gets 401 (a replay)', async () => {
		const h = harness();
		await h.activate();
		const delivery = await accept('marie-curie', {
			timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
		});
		const { answer } = await h.deliver(delivery.body, delivery.headers, delivery.raw);

		expect(answer).toEqual({
			status: 401,
			body: { error: 'Refused: the signature is more than 5 minutes old.' },
		});
	});

	it('deactivation deletes it; one already gone is no error', async () => {
		const h = harness();
		await h.activate();
		const id = String(record(h).webhookId);
		expect(await h.hook('delete')).toBe(true);
		expect(fake.webhooks).toHaveLength(0);
		expect(fake.calls('DELETE', `${ENDPOINTS}${id}`)).toHaveLength(1);

		await h.activate();
		fake.webhooks.length = 0;
		expect(await h.hook('delete')).toBe(true);
	});
});

describe('LinkedIn Connect Trigger with Unipile v2, polling mode', () => {
	it('the first poll notes who is connected; the next announces the new connection once', async () => {
		// Version 1.1 reads the service at most every 15 minutes; these polls come back to back.
		const h = harness({ mode: 'polling', readEvery: 0 });
		expect(await h.poll()).toBeNull();
		await fake.simulateAcceptance('sam-sales', V2_ACCOUNT);
		const second = await h.poll();
		const third = await h.poll();

		expect(second?.[0].map((item) => item.json.public_identifier)).toEqual(['sam-sales']);
		expect(third).toBeNull();
		// The first poll reads the window; later ones read until a member already seen.
		expect(fake.calls('GET', `/v2/${V2_ACCOUNT}/users/me/relations`).map((r) => r.query)).toEqual([
			{ limit: '50' },
			{ limit: '100' },
			{ limit: '100' },
		]);
	});
});

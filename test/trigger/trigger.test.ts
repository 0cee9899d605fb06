/**
 * LinkedIn Connect Trigger through n8n-core's contexts against both fakes: the webhook registered,
 * checked and removed exactly as the services document it, deliveries proved (Unipile: the secret
 * header set at creation; LinkupAPI: the signature, fresh), acceptances mapped to the same fields,
 * and polling that announces each new connection once.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { signatureFor } from '../../nodes/LinkedInConnect/services/linkup/trigger';
import { rl } from '../helpers/fixtures';
import { servicesUnderTest } from '../helpers/services';
import { TriggerHarness, WEBHOOK_URL } from '../helpers/trigger';
import { useFake } from '../helpers/useFake';

interface Delivery {
	body: IDataObject;
	headers: Record<string, string>;
	status?: number;
}

const FIELDS = [
	'account_id',
	'provider_id',
	'public_identifier',
	'profile_url',
	'full_name',
	'event',
	'received_at',
	'raw',
];

describe.each(servicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const unipile = service.fake instanceof FakeUnipile ? service.fake : undefined;
	const linkup = service.fake instanceof FakeLinkup ? service.fake : undefined;
	const account = unipile ? 'acc_ada_sales' : 'acc_linkup_ada';
	const parameters = (extra: INodeParameters = {}): INodeParameters => ({
		authentication: service.params('x', 'y').authentication,
		accountId: rl('id', account),
		events: ['invitationAccepted'],
		mode: 'webhook',
		...extra,
	});
	const harness = (extra: INodeParameters = {}) =>
		new TriggerHarness(parameters(extra), service.credentials(baseUrl()));
	/** The fake's delivery of an acceptance, as the receiving harness handles it. */
	const simulate = service.fake as unknown as {
		simulateAcceptance(member: string, accountId: string, options?: object): Promise<Delivery[]>;
	};
	const accept = async (_h: TriggerHarness, member = 'marie-curie', options = {}) => {
		const [delivery] = await simulate.simulateAcceptance(member, account, options);
		return delivery;
	};

	describe('webhook mode', () => {
		it('activation registers one webhook for the account, with what proves deliveries', async () => {
			const h = harness();
			await h.activate();

			expect(service.fake.webhooks).toHaveLength(1);
			if (unipile) {
				expect(unipile.calls('GET', '/api/v1/webhooks')).toHaveLength(0);
				expect(unipile.calls('POST', '/api/v1/webhooks')[0].body).toEqual({
					source: 'users',
					request_url: WEBHOOK_URL,
					name: 'n8n LinkedIn Connect Trigger (workflow wf-trigger)',
					format: 'json',
					account_ids: [account],
					events: ['new_relation'],
					headers: [{ key: 'X-LinkedIn-Connect-Secret', value: h.state.secret }],
				});
				expect(String(h.state.secret)).toMatch(/^[0-9a-f]{64}$/);
			} else {
				expect(linkup!.calls('POST', '/v2/webhooks')[0].body).toEqual({
					account_id: account,
					url: WEBHOOK_URL,
					events: ['accepted_invitation'],
					enable_signature: true,
				});
				expect(h.state.secret).toBe(service.fake.webhooks[0].secret);
			}
			expect(h.state).toMatchObject({
				service: parameters().authentication,
				accountId: account,
				url: WEBHOOK_URL,
				webhookId: service.fake.webhooks[0][unipile ? 'id' : 'webhook_id'],
			});
		});

		it('a second activation finds it and registers nothing; a lost one is registered again', async () => {
			const h = harness();
			await h.activate();
			await h.activate();
			expect(service.fake.webhooks).toHaveLength(1);

			service.fake.webhooks.length = 0; // the service lost it
			await h.activate();
			expect(service.fake.webhooks).toHaveLength(1);
			expect(h.state.webhookId).toBe(service.fake.webhooks[0][unipile ? 'id' : 'webhook_id']);
		});

		it('deactivation removes it and forgets it; a webhook already gone is no error', async () => {
			const h = harness();
			await h.activate();
			const id = String(h.state.webhookId);
			expect(await h.hook('delete')).toBe(true);

			expect(service.fake.webhooks).toHaveLength(0);
			const deletes = unipile
				? unipile.calls('DELETE', `/api/v1/webhooks/${id}`)
				: linkup!.calls('DELETE', `/v2/webhooks/${id}`);
			expect(deletes).toHaveLength(1);
			expect(h.state.webhookId).toBeUndefined();

			await h.activate();
			service.fake.webhooks.length = 0;
			expect(await h.hook('delete')).toBe(true);
		});

		it('a delivery from the service starts the workflow with the mapped acceptance', async () => {
			const h = harness();
			await h.activate();
			const delivery = await accept(h);
			const { result, answer } = await h.deliver(delivery.body, delivery.headers);

			expect(answer).toBeUndefined();
			const items = result.workflowData?.[0] ?? [];
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0].json)).toEqual(FIELDS);
			expect(items[0].json).toMatchObject({
				account_id: account,
				provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
				public_identifier: 'marie-curie',
				profile_url: 'https://www.linkedin.com/in/marie-curie/',
				full_name: 'Marie Curie',
				event: 'invitationAccepted',
				received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				raw: delivery.body,
			});
		});

		const forgeries: Array<
			[
				string,
				(d: {
					body: object;
					headers: Record<string, string>;
				}) => [object, Record<string, string>, string?],
			]
		> = unipile
			? [
					['without the secret header', (d) => [d.body, {}]],
					['with a wrong secret', (d) => [d.body, { 'X-LinkedIn-Connect-Secret': 'guess' }]],
				]
			: [
					['without a signature', (d) => [d.body, {}]],
					[
						'with a body changed after signing',
						(d) => [{ ...d.body, account_id: 'someone-else' }, d.headers],
					],
					[
						'with a tampered signature',
						(d) => [d.body, { ...d.headers, 'x-linkup-signature': 'v1=00' }],
					],
				];
		it.each(forgeries)('a delivery %s gets 401 and starts nothing', async (_label, forge) => {
			const h = harness();
			await h.activate();
			const delivery = await accept(h);
			const [body, headers, raw] = forge(delivery as never);
			const { result, answer } = await h.deliver(body as never, headers, raw);

			expect(answer?.status).toBe(401);
			expect(JSON.stringify(answer?.body)).toMatch(/^\{"error":"Refused: /);
			expect(JSON.stringify(answer?.body)).not.toContain(String(h.state.secret));
			expect(result).toEqual({ noWebhookResponse: true });
		});

		if (linkup) {
			it('a signature more than 5 minutes old gets 401 (a replayed delivery)', async () => {
				const h = harness();
				await h.activate();
				const old = String(Math.floor(Date.now() / 1000) - 6 * 60);
				const delivery = await accept(h, 'marie-curie', { timestamp: old });
				const { answer } = await h.deliver(delivery.body, delivery.headers);

				expect(answer).toEqual({
					status: 401,
					body: { error: 'Refused: the signature is more than 5 minutes old.' },
				});
			});
		}

		it.each<[string, { account?: string; kind?: string }]>([
			['another account', { account: 'someone-else' }],
			['another kind of event', { kind: 'message_received' }],
		])('a proven delivery about %s starts nothing', async (_label, change) => {
			const h = harness();
			await h.activate();
			const { body } = await accept(h);
			const changed: IDataObject = unipile
				? {
						...body,
						account_id: change.account ?? body.account_id,
						event: change.kind ?? body.event,
					}
				: {
						...body,
						account_id: change.account ?? body.account_id,
						event: { ...(body.event as IDataObject), type: change.kind ?? 'accepted_invitation' },
					};
			// Proven the way the service proves its deliveries, so only the content decides.
			const secret = String(h.state.secret);
			const ts = String(Math.floor(Date.now() / 1000));
			const headers: Record<string, string> = unipile
				? { 'X-LinkedIn-Connect-Secret': secret }
				: {
						'x-linkup-timestamp': ts,
						'x-linkup-signature': signatureFor(secret, ts, JSON.stringify(changed)),
					};
			const { result, answer } = await h.deliver(changed, headers);

			expect(answer).toBeUndefined();
			expect(result).toEqual({ webhookResponse: { received: true, started: false } });
		});

		it('before any registration, deliveries are refused', async () => {
			const h = harness();
			const { answer } = await h.deliver({ event: 'new_relation' }, {});
			expect(answer).toEqual({
				status: 401,
				body: { error: 'Refused: no webhook of this workflow is registered.' },
			});
		});

		it('the scheduled poll does nothing in webhook mode', async () => {
			const h = harness();
			service.fake.requests.length = 0;
			expect(await h.poll()).toBeNull();
			expect(service.fake.requests).toHaveLength(0);
		});
	});

	describe('polling mode', () => {
		const connect = async (member: string) => await simulate.simulateAcceptance(member, account);

		it('the first poll notes who is connected and emits nothing; later polls emit each new one once', async () => {
			const h = harness({ mode: 'polling' });
			expect(await h.poll()).toBeNull();

			await connect('marie-curie');
			await connect('sam-sales');
			const second = await h.poll();
			expect(second?.[0].map((i) => i.json.public_identifier)).toEqual([
				'marie-curie',
				'sam-sales',
			]);
			for (const item of second?.[0] ?? []) {
				expect(Object.keys(item.json)).toEqual(FIELDS);
				expect(item.json).toMatchObject({ account_id: account, event: 'invitationAccepted' });
			}
			expect(await h.poll()).toBeNull();

			await connect('julien-crepieux');
			const fourth = await h.poll();
			expect(fourth?.[0].map((i) => i.json.public_identifier)).toEqual(['julien-crepieux']);
		});

		it('testing in the editor returns the newest connection as a sample', async () => {
			await connect('marie-curie');
			const h = harness({ mode: 'polling' });
			const sample = await h.poll('manual');

			expect(sample?.[0]).toHaveLength(1);
			expect(sample?.[0][0].json.public_identifier).toBe('marie-curie');
			expect(h.state.seen).toBeUndefined();
		});

		it('registers no webhook (n8n gets no HTTP method for it)', () => {
			const h = harness({ mode: 'polling' });
			const method = h.workflow.expression.getSimpleParameterValue(
				h.node,
				'={{ $parameter["mode"] === "polling" ? "" : "POST" }}',
				'internal',
				{},
			);
			expect(method).toBe('');
		});
	});
});

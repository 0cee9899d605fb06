/**
 * LinkedIn Connect Trigger through n8n-core's contexts against both fakes: the webhook registered,
 * checked and removed exactly as the services document it, deliveries proved (Unipile: the secret
 * header set at creation; LinkupAPI: the signature, fresh), acceptances mapped to the same fields,
 * and polling that announces each new connection once.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { signatureFor } from '../../nodes/core/services/linkup/webhooks';
import { rl } from '../helpers/fixtures';
import { servicesUnderTest } from '../helpers/services';
import { recordIn, TriggerHarness, WEBHOOK_URL } from '../helpers/trigger';
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
	/** The production webhook the node recorded. */
	const record = (h: TriggerHarness) => recordIn(h);
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
				// One read of the list: ours left behind by an earlier activation would be removed.
				expect(unipile.calls('GET', '/api/v1/webhooks')).toHaveLength(1);
				expect(unipile.calls('POST', '/api/v1/webhooks')[0].body).toEqual({
					source: 'users',
					request_url: WEBHOOK_URL,
					name: 'n8n LinkedIn Connect Trigger (workflow wf-trigger, node trigger-under-test)',
					format: 'json',
					account_ids: [account],
					events: ['new_relation'],
					headers: [
						{ key: 'Content-Type', value: 'application/json' },
						{ key: 'X-LinkedIn-Connect-Secret', value: record(h).secret },
					],
				});
				expect(String(record(h).secret)).toMatch(/^[0-9a-f]{64}$/);
			} else {
				expect(linkup!.calls('POST', '/v2/webhooks')[0].body).toEqual({
					account_id: account,
					url: WEBHOOK_URL,
					events: ['accepted_invitation'],
					enable_signature: true,
				});
				expect(record(h).secret).toBe(service.fake.webhooks[0].secret);
			}
			expect(record(h)).toMatchObject({
				service: parameters().authentication,
				accountId: account,
				url: WEBHOOK_URL,
				webhookId: service.fake.webhooks[0][unipile ? 'id' : 'webhook_id'],
				events: ['invitationAccepted'],
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
			expect(record(h).webhookId).toBe(service.fake.webhooks[0][unipile ? 'id' : 'webhook_id']);
		});

		it('deactivation removes it and forgets it; a webhook already gone is no error', async () => {
			const h = harness();
			await h.activate();
			const id = String(record(h).webhookId);
			expect(await h.hook('delete')).toBe(true);

			expect(service.fake.webhooks).toHaveLength(0);
			const deletes = unipile
				? unipile.calls('DELETE', `/api/v1/webhooks/${id}`)
				: linkup!.calls('DELETE', `/v2/webhooks/${id}`);
			expect(deletes).toHaveLength(1);
			expect(record(h).webhookId).toBeUndefined();

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
			expect(JSON.stringify(answer?.body)).not.toContain(String(record(h).secret));
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

		/** Headers that prove `body` the way the service proves its deliveries. */
		const proofFor = (h: TriggerHarness, body: IDataObject): Record<string, string> => {
			const secret = String(record(h).secret);
			const ts = String(Math.floor(Date.now() / 1000));
			return unipile
				? { 'X-LinkedIn-Connect-Secret': secret }
				: {
						'x-linkup-timestamp': ts,
						'x-linkup-signature': signatureFor(secret, ts, JSON.stringify(body)),
					};
		};
		const withEvent = (body: IDataObject, kind: string): IDataObject =>
			unipile
				? { ...body, event: kind }
				: { ...body, event: { ...(body.event as IDataObject), type: kind } };

		it('a proven delivery about another account starts nothing', async () => {
			const h = harness();
			await h.activate();
			const { body } = await accept(h);
			const changed = { ...body, account_id: 'someone-else' };
			const { result, answer } = await h.deliver(changed, proofFor(h, changed));

			expect(answer).toEqual({ status: 200, body: { received: true, started: false } });
			expect(result).toEqual({ noWebhookResponse: true });
		});

		if (unipile) {
			it('a proven delivery of another Unipile event starts nothing', async () => {
				const h = harness();
				await h.activate();
				const changed = withEvent((await accept(h)).body, 'account_status');
				const { result, answer } = await h.deliver(changed, proofFor(h, changed));
				expect(answer).toEqual({ status: 200, body: { received: true, started: false } });
				expect(result).toEqual({ noWebhookResponse: true });
			});
		} else {
			it('an unexpected inner type on the acceptance subscription is read, and said in the log', async () => {
				const h = harness();
				await h.activate();
				const changed = withEvent((await accept(h)).body, 'new_connection');
				const { result } = await h.deliver(changed, proofFor(h, changed));

				expect(result.workflowData?.[0][0].json).toMatchObject({
					public_identifier: 'marie-curie',
					event: 'invitationAccepted',
				});
				expect(h.warnings).toEqual([
					expect.stringContaining(
						'an event of type "new_connection" on the accepted_invitation subscription',
					),
				]);
			});
		}

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
		// Version 1.1 reads the service at most every 15 minutes; these polls come back to back.
		const harness = (extra: INodeParameters = {}) =>
			new TriggerHarness(parameters({ readEvery: 0, ...extra }), service.credentials(baseUrl()));
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

		/** `count` made-up members who connected just now, oldest first. */
		const connectMany = (count: number, prefix: string) => {
			const fake = service.fake as unknown as {
				profiles: IDataObject[];
				connections: IDataObject[];
			};
			for (let i = 0; i < count; i++) {
				const slug = `${prefix}-${i}`;
				const id = `ACoAAB${prefix}${String(i).padStart(33 - prefix.length, '0')}`;
				fake.profiles.push({
					provider_id: id,
					public_identifier: slug,
					profile_urn: `urn:li:fsd_profile:${id}`,
					first_name: 'Member',
					last_name: String(i),
					headline: 'Engineer',
				});
				const at = Date.now() + i;
				fake.connections.push({
					account_id: account,
					...(unipile
						? { provider_id: id, connected_at: at }
						: { public_identifier: slug, connected_at: new Date(at).toISOString() }),
				});
			}
		};

		it('a poll with nothing new reads one page: on an account of 120 connections, LinkupAPI charges 1 credit', async () => {
			connectMany(120, 'old');
			const h = harness({ mode: 'polling' });
			expect(await h.poll()).toBeNull();
			const creditsBefore = linkup?.credits;
			const requestsBefore = service.fake.requests.length;

			expect(await h.poll()).toBeNull();

			expect(service.fake.requests.length - requestsBefore).toBe(1);
			if (linkup) expect(creditsBefore! - linkup.credits).toBe(1);
		});

		it('more new connections than one page since the last poll: every one is emitted, oldest first', async () => {
			const h = harness({ mode: 'polling' });
			expect(await h.poll()).toBeNull();
			connectMany(120, 'new');
			const items = (await h.poll())?.[0] ?? [];

			expect(items).toHaveLength(120);
			expect(items[0].json.public_identifier).toBe('new-0');
			expect(items[119].json.public_identifier).toBe('new-119');
			expect(await h.poll()).toBeNull();
		});

		it('version 1.1 reads the service at most every 15 minutes by default; version 1 at every poll', async () => {
			const latest = new TriggerHarness(
				parameters({ mode: 'polling' }),
				service.credentials(baseUrl()),
			);
			await latest.poll();
			service.fake.requests.length = 0;
			expect(await latest.poll()).toBeNull();
			expect(service.fake.requests).toHaveLength(0);
			latest.state.polledAt = Date.now() - 15 * 60_000;
			await connect('marie-curie');
			expect((await latest.poll())?.[0]).toHaveLength(1);

			const saved = new TriggerHarness(
				parameters({ mode: 'polling' }),
				service.credentials(baseUrl()),
				{
					typeVersion: 1,
				},
			);
			await saved.poll();
			service.fake.requests.length = 0;
			await saved.poll();
			expect(service.fake.requests).toHaveLength(1);
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

/**
 * The webhook reconciler (nodes/LinkedInConnectTrigger/webhooks.ts) on every path that could leave
 * a webhook behind at the service, through n8n-core's HookContext against both fakes: after each,
 * the fake holds exactly the webhooks wanted (0 or 1), and the node's record matches it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { allServicesUnderTest, servicesUnderTest } from '../helpers/services';
import {
	recordIn,
	TriggerHarness,
	triggerSide,
	WEBHOOK_TEST_BASE,
	WEBHOOK_URL,
} from '../helpers/trigger';
import { useFake } from '../helpers/useFake';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const side = triggerSide(service);
	const webhooks = () => service.fake.webhooks as IDataObject[];
	const harness = (extra: INodeParameters = {}, options = {}) =>
		new TriggerHarness(side.parameters(extra), service.credentials(baseUrl()), options);

	it('n8n given another webhook URL, then restarted: the old webhook is removed, one remains', async () => {
		const before = harness();
		await before.activate();
		const oldId = String(recordIn(before).webhookId);

		const after = harness(
			{},
			{ webhookBase: 'https://n8n.example.com/webhook', staticData: before.staticData },
		);
		await after.activate();

		expect(webhooks()).toHaveLength(1);
		expect(webhooks()[0]).toMatchObject({
			[service.name === 'Unipile' ? 'request_url' : 'url']: expect.stringMatching(
				/^https:\/\/n8n\.example\.com\//,
			),
		});
		expect(webhooks().map(side.idOf)).not.toContain(oldId);
		expect(recordIn(after).webhookId).toBe(side.idOf(webhooks()[0]));

		await after.hook('delete');
		expect(webhooks()).toHaveLength(0);
	});

	it('another account chosen: the webhook for the old account is removed, one for the new remains', async () => {
		const before = harness();
		await before.activate();
		const after = new TriggerHarness(
			{ ...side.parameters(), accountId: { __rl: true, mode: 'id', value: side.otherAccount } },
			service.credentials(baseUrl()),
			{ staticData: before.staticData },
		);
		await after.activate();

		expect(webhooks()).toHaveLength(1);
		expect(recordIn(after)).toMatchObject({
			accountId: side.otherAccount,
			webhookId: side.idOf(webhooks()[0]),
		});
	});

	it('a webhook lost by the service or deleted by hand is registered again, once', async () => {
		const h = harness();
		await h.activate();
		webhooks().length = 0;
		await h.activate();
		await h.activate();

		expect(webhooks()).toHaveLength(1);
		expect(recordIn(h).webhookId).toBe(side.idOf(webhooks()[0]));
	});

	it('deactivation after the webhook was deleted by hand is no error and leaves nothing', async () => {
		const h = harness();
		await h.activate();
		webhooks().length = 0;
		expect(await h.hook('delete')).toBe(true);
		expect(webhooks()).toHaveLength(0);
		expect(recordIn(h).webhookId).toBeUndefined();
	});

	it("the editor's test webhook has its own record and never removes the active workflow's", async () => {
		const h = harness();
		await h.activate();
		const productionId = String(recordIn(h).webhookId);

		await h.activate('manual');
		expect(webhooks()).toHaveLength(2);
		expect(recordIn(h, 'test').url).toMatch(new RegExp(`^${WEBHOOK_TEST_BASE}/`));
		expect(recordIn(h).webhookId).toBe(productionId);

		await h.hook('delete', 'manual');
		expect(webhooks().map(side.idOf)).toEqual([productionId]);
		expect(recordIn(h, 'test').webhookId).toBeUndefined();
	});

	it('a service error while removing the old webhook fails activation and keeps the record for the next try', async () => {
		const before = harness();
		await before.activate();
		const after = harness(
			{},
			{ webhookBase: 'https://n8n.example.com/webhook', staticData: before.staticData },
		);
		// More failures than the read retries absorb.
		service.fake.addFault({ method: 'DELETE', path: /webhooks\//, status: 500, times: 3 });

		await expect(after.activate()).rejects.toThrow();
		expect(webhooks()).toHaveLength(1);
		expect(recordIn(after).url).toBe(WEBHOOK_URL);

		await after.activate();
		expect(webhooks()).toHaveLength(1);
		expect(recordIn(after).url).toMatch(/^https:\/\/n8n\.example\.com\//);
	});

	// Unipile's answer without its id (found again by name); LinkupAPI's and Unipile v2's without their
	// id (found in the list by URL or name) or without their secret (removed by id).
	const omissions =
		service.name === 'Unipile'
			? ['webhook_id']
			: service.name === 'LinkupAPI'
				? ['webhook_id', 'secret']
				: ['id', 'secret'];
	it.each(omissions)(
		'a creation answer without its %s: the webhook is removed again and activation fails',
		async (field) => {
			const h = harness();
			service.fake.webhookAnswerOmits = [field];

			await expect(h.activate()).rejects.toThrow(
				/registered the webhook but its answer lacked its (id|secret)/,
			);
			expect(webhooks()).toHaveLength(0);
			expect(recordIn(h).webhookId).toBeUndefined();

			service.fake.webhookAnswerOmits = [];
			await h.activate();
			expect(webhooks()).toHaveLength(1);
		},
	);

	it('a webhook recorded by version 0.2 (top of the static data) is taken over, not duplicated', async () => {
		const old = harness();
		await old.activate();
		const production = recordIn(old);
		const legacy: IDataObject = {
			'node:LinkedIn Connect Trigger': {
				service: production.service,
				accountId: production.accountId,
				url: production.url,
				webhookId: production.webhookId,
				secret: production.secret,
			},
		};
		const h = harness({}, { staticData: legacy });
		await h.activate();

		expect(webhooks()).toHaveLength(1);
		expect(h.state).toEqual({ webhooks: { production: { ...production } } });
	});
});

describe('Unipile webhooks that n8n cannot read', () => {
	const [unipile] = servicesUnderTest();
	const baseUrl = useFake(unipile.fake);
	const side = triggerSide(unipile);

	it('one listed without a JSON content type (created by version 0.2) is replaced by one with it', async () => {
		const h = new TriggerHarness(side.parameters(), unipile.credentials(baseUrl()));
		await h.activate();
		const [webhook] = unipile.fake.webhooks as IDataObject[];
		webhook.headers = (webhook.headers as IDataObject[]).filter(
			(header) => header.key !== 'Content-Type',
		);

		await h.activate();

		expect(unipile.fake.webhooks).toHaveLength(1);
		const [replacement] = unipile.fake.webhooks as IDataObject[];
		expect(replacement.id).not.toBe(webhook.id);
		expect(replacement.headers).toContainEqual({ key: 'Content-Type', value: 'application/json' });
		expect(recordIn(h).webhookId).toBe(replacement.id);
	});

	it('ours still listed after its record was lost (same name) is removed before one is created', async () => {
		const first = new TriggerHarness(side.parameters(), unipile.credentials(baseUrl()));
		await first.activate();
		const fresh = new TriggerHarness(side.parameters(), unipile.credentials(baseUrl()));
		await fresh.activate();

		expect(unipile.fake.webhooks).toHaveLength(1);
		expect(recordIn(fresh).webhookId).toBe((unipile.fake.webhooks as IDataObject[])[0].id);
	});
});

describe('both services', () => {
	const [unipile, linkup] = servicesUnderTest();
	const unipileUrl = useFake(unipile.fake);
	const linkupUrl = useFake(linkup.fake);

	// n8n hands a node only the credential of the service it is set to now (n8n-core checks the
	// credential's displayOptions), so the first service cannot be reached any more.
	it('another service chosen: the webhook at the first is forgotten with a warning to remove it by hand', async () => {
		const before = new TriggerHarness(
			triggerSide(unipile).parameters(),
			unipile.credentials(unipileUrl()),
		);
		await before.activate();
		const after = new TriggerHarness(
			triggerSide(linkup).parameters(),
			linkup.credentials(linkupUrl()),
			{
				staticData: before.staticData,
			},
		);
		await after.activate();

		expect(linkup.fake.webhooks).toHaveLength(1);
		expect(after.warnings).toEqual([
			expect.stringMatching(
				/webhook wh_\S+ registered with Unipile could not be removed .*Remove it in that service's dashboard/,
			),
		]);
	});
});

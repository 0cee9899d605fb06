/**
 * Message Received on every service: the trigger registers what the service needs for the chosen
 * events (Unipile v1: one webhook per kind of event; the others one webhook for both), a member's
 * message starts the workflow with the shared fields, each delivery at most once, a forged one
 * never, and an acceptance on the same trigger still starts it as Invitation Accepted.
 */
import type { INodeParameters } from 'n8n-workflow';
import { allServicesUnderTest } from '../helpers/services';
import { recordsIn, TriggerHarness, triggerSide } from '../helpers/trigger';
import { useFake } from '../helpers/useFake';
import { type Delivered, messagingOf } from '../messages/fakes';

const ITEM_FIELDS = [
	'account_id',
	'provider_id',
	'full_name',
	'profile_url',
	'event',
	'chat_id',
	'message_id',
	'text',
	'received_at',
	'raw',
];

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const side = triggerSide(service);
	const fake = messagingOf(service);
	const linkup = service.name === 'LinkupAPI';
	const harness = (extra: INodeParameters = {}) =>
		new TriggerHarness(
			side.parameters({ events: ['messageReceived'], ...extra }),
			service.credentials(baseUrl()),
		);
	/** The fake's delivery of a reply, to the webhook asking for messages. */
	const reply = async (text = 'Happy to talk!'): Promise<Delivered> => {
		const deliveries = await fake.simulateReply('linus-t', side.account, text);
		expect(deliveries).toHaveLength(1);
		return deliveries[0];
	};
	const simulateAcceptance = (
		service.fake as unknown as {
			simulateAcceptance(member: string, accountId: string): Promise<Delivered[]>;
		}
	).simulateAcceptance.bind(service.fake);

	it("a member's message starts the workflow with the shared fields", async () => {
		const h = harness();
		await h.activate();
		const delivery = await reply('Happy to talk!');
		const { result, answer } = await h.deliver(delivery.body, delivery.headers, delivery.raw);

		expect(answer).toBeUndefined();
		const items = result.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json)).toEqual(ITEM_FIELDS);
		expect(items[0].json).toMatchObject({
			event: 'messageReceived',
			account_id: side.account,
			full_name: 'Linus Torvalds',
			text: 'Happy to talk!',
			// LinkupAPI's message event names no conversation (docs.linkupapi.com webhooks/events).
			chat_id: linkup ? null : expect.any(String),
			received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			raw: delivery.body,
		});
		const [newest] = fake.conversation(side.account, 'linus-t');
		if (!linkup) expect(items[0].json.chat_id).toBe(newest.chat_id);
	});

	it('the same delivery again starts nothing (a retry or a replay)', async () => {
		const h = harness();
		await h.activate();
		const delivery = await reply();
		await h.deliver(delivery.body, delivery.headers, delivery.raw);
		const again = await h.deliver(delivery.body, delivery.headers, delivery.raw);

		expect(again.result.workflowData).toBeUndefined();
		expect(again.answer).toEqual({
			status: 200,
			body: { received: true, started: false, duplicate: true },
		});
	});

	it('a delivery without the proof gets 401 and starts nothing', async () => {
		const h = harness();
		await h.activate();
		const delivery = await reply();
		const { result, answer } = await h.deliver(delivery.body, {}, delivery.raw);

		expect(result.workflowData).toBeUndefined();
		expect(answer?.status).toBe(401);
	});

	it('both events on one trigger: each starts the workflow as itself; webhooks as the service needs', async () => {
		const h = harness({ events: ['invitationAccepted', 'messageReceived'] });
		await h.activate();

		const perEvent = service.name === 'Unipile';
		expect(service.fake.webhooks).toHaveLength(perEvent ? 2 : 1);
		expect(recordsIn(h).map((record) => record.events)).toEqual(
			perEvent
				? [['invitationAccepted'], ['messageReceived']]
				: [['invitationAccepted', 'messageReceived']],
		);
		const [accepted] = await simulateAcceptance('marie-curie', side.account);
		const fromAcceptance = await h.deliver(accepted.body, accepted.headers, accepted.raw);
		expect(fromAcceptance.result.workflowData?.[0].map((item) => item.json.event)).toEqual([
			'invitationAccepted',
		]);
		const delivery = await reply('Hi!');
		const fromMessage = await h.deliver(delivery.body, delivery.headers, delivery.raw);
		expect(fromMessage.result.workflowData?.[0].map((item) => item.json.event)).toEqual([
			'messageReceived',
		]);

		// A second activation finds them all in place and registers nothing.
		await h.activate();
		expect(service.fake.webhooks).toHaveLength(perEvent ? 2 : 1);
		// Deactivation removes every one.
		expect(await h.hook('delete')).toBe(true);
		expect(service.fake.webhooks).toHaveLength(0);
		expect(recordsIn(h)).toEqual([]);
	});

	it('Message Received dropped from the events: the next activation replaces the webhooks', async () => {
		const both = harness({ events: ['invitationAccepted', 'messageReceived'] });
		await both.activate();
		const only = new TriggerHarness(
			side.parameters({ events: ['invitationAccepted'] }),
			service.credentials(baseUrl()),
			{ staticData: both.state },
		);
		await only.activate();

		expect(service.fake.webhooks).toHaveLength(1);
		expect(recordsIn(only).map((record) => record.events)).toEqual([['invitationAccepted']]);
	});

	it('a trigger for acceptances only starts nothing for a message', async () => {
		const h = harness({ events: ['invitationAccepted'] });
		await h.activate();
		const deliveries = await fake.simulateReply('linus-t', side.account, 'Hello');
		// Unipile v1 has no messaging webhook then; the others deliver to the one webhook.
		for (const delivery of deliveries) {
			const { result } = await h.deliver(delivery.body, delivery.headers, delivery.raw);
			expect(result.workflowData).toBeUndefined();
		}
	});

	it("two trigger nodes of one workflow (one per event) never remove each other's webhooks", async () => {
		const accepted = harness({ events: ['invitationAccepted'] });
		const messages = new TriggerHarness(
			side.parameters({ events: ['messageReceived'] }),
			service.credentials(baseUrl()),
			{ nodeId: 'second-trigger', webhookId: '3c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f' },
		);
		await accepted.activate();
		await messages.activate();
		// Activated again (n8n's restart): each finds its own in place.
		await accepted.activate();
		await messages.activate();

		expect(service.fake.webhooks).toHaveLength(2);
		const delivery = await reply('Still there?');
		const { result } = await messages.deliver(delivery.body, delivery.headers, delivery.raw);
		expect(result.workflowData?.[0].map((item) => item.json.event)).toEqual(['messageReceived']);
	});
});

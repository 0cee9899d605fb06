/**
 * The Unipile v2 trigger adapter (services/unipileV2/webhooks.ts), called directly with a
 * ServiceClient on the shared transport against the v2 fake: the webhook endpoint created, found,
 * listed and removed exactly as the SDKs show the routes; deliveries as the fake sends them
 * (ASSUMPTION: their headers and signature, NOT SHOWN) proved, keyed and read.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import type { WebhookDelivery } from '../../nodes/core/services/types';
import {
	RELATION_EVENTS,
	signatureFor,
	unipileV2Trigger as trigger,
} from '../../nodes/core/services/unipileV2/webhooks';
import { ServiceError } from '../../nodes/core/transport/errors';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { directClient, line, V2_ACCOUNT, V2_KEY } from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const client = () => directClient(baseUrl());

const ENDPOINTS = '/v2/webhooks/endpoints/';
// Nothing listens there: the fake's delivery attempt fails at once, and what it sent is recorded.
const HOOK_URL = 'http://127.0.0.1:5678/webhook/2b5f6c8e/linkedin-connect';
const spec = {
	accountId: V2_ACCOUNT,
	url: HOOK_URL,
	name: 'n8n LinkedIn Connect Trigger (workflow wf-1)',
	events: ['invitationAccepted' as const],
};

interface Sent {
	body: IDataObject;
	headers: Record<string, string>;
	raw: string;
}

/** A delivery as n8n would hand it to the node: headers by name, the bytes, the parsed body. */
function asReceived({ body, headers, raw }: Sent): WebhookDelivery {
	const lowered = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return { header: (name) => lowered[name.toLowerCase()], rawBody: Buffer.from(raw), body };
}

async function registeredAndAccepted(member = 'marie-curie') {
	const created = await trigger.createWebhook(client(), spec);
	const [sent] = (await fake.simulateAcceptance(member, V2_ACCOUNT)) as Sent[];
	return { created, sent, delivery: asReceived(sent) };
}

describe('createWebhook', () => {
	it('POST /v2/webhooks/endpoints/ with both relation events, for the account; keeps Unipile’s secret', async () => {
		const created = await trigger.createWebhook(client(), spec);

		expect(fake.requests.map(line)).toEqual([`POST ${ENDPOINTS}`]);
		expect(fake.requests[0].headers['x-api-key']).toBe(V2_KEY);
		expect(fake.requests[0].body).toEqual({
			url: HOOK_URL,
			trigger_events: ['relation.new', 'relation.request.accept'],
			account_ids: [V2_ACCOUNT],
			description: spec.name,
		});
		expect(created).toEqual({ webhookId: fake.webhooks[0].id, secret: fake.webhooks[0].secret });
		expect(created.webhookId).toMatch(/^we_/);
	});

	it.each([
		['ts', ['relation.new']],
		['py', ['relation.request.accept']],
	] as const)(
		'a host knowing only the %s event names is asked again with the one it knows',
		async (generation, events) => {
			fake.knownEvents = generation;
			const created = await trigger.createWebhook(client(), spec);

			expect(created.webhookId).toBe(fake.webhooks[0].id);
			expect(fake.webhooks).toHaveLength(1);
			expect(fake.webhooks[0].trigger_events).toEqual(events);
			const asked = fake.calls('POST', ENDPOINTS).map((r) => r.body.trigger_events);
			expect(asked).toEqual(
				generation === 'ts'
					? [RELATION_EVENTS, ['relation.new']]
					: [RELATION_EVENTS, ['relation.new'], ['relation.request.accept']],
			);
		},
	);

	it('a refusal for another reason is thrown after the tries, creating nothing', async () => {
		const error = await trigger
			.createWebhook(client(), { ...spec, url: `http://127.0.0.1:5678/${'x'.repeat(260)}` })
			.catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(ServiceError);
		expect((error as ServiceError).serviceFailure.code).toBe('api/invalid_parameters');
		expect(fake.calls('POST', ENDPOINTS)).toHaveLength(3);
		expect(fake.webhooks).toHaveLength(0);
	});

	it('a server error is not retried (a write)', async () => {
		fake.addFault({ method: 'POST', path: ENDPOINTS, status: 500 });
		await expect(trigger.createWebhook(client(), spec)).rejects.toBeInstanceOf(ServiceError);
		expect(fake.calls('POST', ENDPOINTS)).toHaveLength(1);
	});

	it('an answer without its secret says so (the reconciler then removes it)', async () => {
		fake.webhookAnswerOmits = ['secret'];
		const created = await trigger.createWebhook(client(), spec);
		expect(created).toEqual({ webhookId: fake.webhooks[0].id, secret: undefined });
	});
});

describe('findWebhook, listWebhooks, deleteWebhook', () => {
	it('finds ours by id: its URL and description; healthy while enabled with one of our events', async () => {
		const { webhookId } = await trigger.createWebhook(client(), spec);
		fake.requests.length = 0;

		expect(await trigger.findWebhook(client(), String(webhookId))).toEqual({
			webhookId,
			url: HOOK_URL,
			name: spec.name,
			healthy: true,
		});
		expect(fake.requests.map(line)).toEqual([`GET ${ENDPOINTS}${webhookId}`]);

		fake.webhooks[0].enabled = false;
		expect((await trigger.findWebhook(client(), String(webhookId)))?.healthy).toBe(false);
	});

	it('a webhook the service no longer has is undefined (404), with the id encoded', async () => {
		expect(await trigger.findWebhook(client(), 'we_gone/1')).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual([`${ENDPOINTS}we_gone%2F1`]);
	});

	it('lists every webhook of the key, paged by offset while has_more', async () => {
		for (let i = 0; i < 5; i++)
			await trigger.createWebhook(client(), {
				...spec,
				url: `${HOOK_URL}/${i}`,
				name: `hook ${i}`,
			});
		fake.requests.length = 0;
		fake.maxPageSize = 2;
		const listed = await trigger.listWebhooks!(client());

		expect(listed.map((w) => w.name)).toEqual(['hook 0', 'hook 1', 'hook 2', 'hook 3', 'hook 4']);
		expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', ENDPOINTS, { offset: '0', limit: '100' }],
			['GET', ENDPOINTS, { offset: '2', limit: '100' }],
			['GET', ENDPOINTS, { offset: '4', limit: '100' }],
		]);
	});

	it('deletes it; deleting it again (404) is no error; other failures are', async () => {
		const { webhookId } = await trigger.createWebhook(client(), spec);
		await trigger.deleteWebhook(client(), String(webhookId));
		await trigger.deleteWebhook(client(), String(webhookId));

		expect(fake.webhooks).toHaveLength(0);
		expect(fake.calls('DELETE').map((r) => r.path)).toEqual(
			Array(2).fill(`${ENDPOINTS}${webhookId}`),
		);
		fake.addFault({ method: 'DELETE', status: 500 });
		await expect(trigger.deleteWebhook(client(), 'we_1')).rejects.toBeInstanceOf(ServiceError);
	});
});

describe('deliveries', () => {
	it('a delivery as the fake sends it is proved, keyed by its event id, and read', async () => {
		const { created, sent, delivery } = await registeredAndAccepted();

		expect(trigger.rejectDelivery(delivery, String(created.secret), Date.now())).toBeUndefined();
		expect(trigger.deliveryKey(delivery)).toBe(`unipileV2:${String(sent.body.id)}`);
		expect(trigger.acceptancesIn(sent.body, V2_ACCOUNT)).toEqual({
			members: [
				{
					account_id: V2_ACCOUNT,
					provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
					public_identifier: 'marie-curie',
					profile_url: 'https://www.linkedin.com/in/marie-curie/',
					full_name: 'Marie Curie',
				},
			],
		});
		expect(sent.body.type).toBe('relation.new');
	});

	it('on a host knowing only relation.request.accept, that event is read the same way', async () => {
		fake.knownEvents = 'py';
		const { sent } = await registeredAndAccepted();

		expect(sent.body.type).toBe('relation.request.accept');
		expect(trigger.acceptancesIn(sent.body, V2_ACCOUNT).members).toHaveLength(1);
	});

	it.each([
		[
			'no signature headers',
			(d: WebhookDelivery) => ({ ...d, header: () => undefined }),
			/headers are not all there/,
		],
		[
			'a changed body',
			(d: WebhookDelivery) => ({
				...d,
				rawBody: Buffer.from(String(d.rawBody).replace('marie', 'maria')),
			}),
			/the signature does not match the body/,
		],
		[
			'a wrong signature',
			(d: WebhookDelivery) => ({
				...d,
				header: (name: string) => (name === 'webhook-signature' ? 'v1,AAAA' : d.header(name)),
			}),
			/the signature does not match the body/,
		],
		['no raw body', (d: WebhookDelivery) => ({ ...d, rawBody: undefined }), /no raw body/],
	])('refuses %s', async (_label, forge, reason) => {
		const { created, delivery } = await registeredAndAccepted();
		expect(trigger.rejectDelivery(forge(delivery), String(created.secret), Date.now())).toMatch(
			reason,
		);
	});

	it('refuses another secret, an old signature, and one from the future', async () => {
		const { created, delivery } = await registeredAndAccepted();
		const now = Date.now();

		expect(trigger.rejectDelivery(delivery, 'another-secret', now)).toMatch(/does not match/);
		expect(trigger.rejectDelivery(delivery, String(created.secret), now + 6 * 60_000)).toBe(
			'the signature is more than 5 minutes old',
		);
		expect(trigger.rejectDelivery(delivery, String(created.secret), now - 2 * 60_000)).toBe(
			'the signature is dated more than 60 seconds in the future',
		);
	});

	it('a body signed but changed in transit (tamper) is refused', async () => {
		const created = await trigger.createWebhook(client(), spec);
		const [sent] = (await fake.simulateAcceptance('marie-curie', V2_ACCOUNT, {
			tamper: true,
		})) as Sent[];
		expect(trigger.rejectDelivery(asReceived(sent), String(created.secret), Date.now())).toMatch(
			/does not match/,
		);
	});

	it('any of several space-separated v1 signatures may match; a whsec_ secret is base64', () => {
		const raw = '{"type":"relation.new"}';
		const ts = String(Math.floor(Date.now() / 1000));
		const secret = `whsec_${Buffer.from('key bytes').toString('base64')}`;
		const good = signatureFor(secret, 'evt_1', ts, raw);
		const headers: Record<string, string> = {
			'webhook-id': 'evt_1',
			'webhook-timestamp': ts,
			'webhook-signature': `v1,old v1,${good}`,
		};
		const delivery: WebhookDelivery = {
			header: (name) => headers[name],
			rawBody: Buffer.from(raw),
			body: JSON.parse(raw) as IDataObject,
		};
		expect(trigger.rejectDelivery(delivery, secret, Date.now())).toBeUndefined();
		expect(good).toBe(
			createHmac('sha256', Buffer.from('key bytes')).update(`evt_1.${ts}.${raw}`).digest('base64'),
		);
	});

	it('a retry carries the same webhook-id, so the same key; without any id, the bytes decide', () => {
		const raw = Buffer.from('{"a":1}');
		const headers: Record<string, string> = { 'webhook-id': 'evt_9' };
		expect(trigger.deliveryKey({ header: (n) => headers[n], rawBody: raw, body: {} })).toBe(
			'unipileV2:evt_9',
		);
		expect(
			trigger.deliveryKey({ header: () => undefined, rawBody: raw, body: { id: 'evt_8' } }),
		).toBe('unipileV2:evt_8');
		expect(trigger.deliveryKey({ header: () => undefined, rawBody: raw, body: {} })).toMatch(
			/^[0-9a-f]{64}$/,
		);
		expect(trigger.deliveryKey({ header: () => undefined, body: {} })).toBeUndefined();
	});
});

describe('acceptancesIn', () => {
	const user = {
		object: 'User',
		id: 'ACoAABBBmarieCurie0000000000000000000000',
		public_identifier: 'marie-curie',
		display_name: 'Marie Curie',
	};
	const member = {
		account_id: V2_ACCOUNT,
		provider_id: user.id,
		public_identifier: 'marie-curie',
		profile_url: 'https://www.linkedin.com/in/marie-curie/',
		full_name: 'Marie Curie',
	};

	it.each([
		['a UserRelation payload', { object: 'UserRelation', id: 'rel_1', user }],
		['a RelationRequest payload', { object: 'RelationRequest', type: 'sent', id: '7', user }],
		['the User itself', user],
	])('reads %s', (_label, payload) => {
		expect(
			trigger.acceptancesIn(
				{ type: 'relation.request.accept', account_id: V2_ACCOUNT, payload },
				V2_ACCOUNT,
			),
		).toEqual({ members: [member] });
	});

	it('a reduced payload (ids only) gives the member id', () => {
		expect(
			trigger.acceptancesIn(
				{ type: 'relation.new', account_id: V2_ACCOUNT, payload: { user_id: user.id } },
				V2_ACCOUNT,
			),
		).toEqual({
			members: [
				{
					account_id: V2_ACCOUNT,
					provider_id: user.id,
					public_identifier: undefined,
					profile_url: undefined,
					full_name: undefined,
				},
			],
		});
	});

	it('another account, or another event type, starts nothing', () => {
		expect(
			trigger.acceptancesIn(
				{ type: 'relation.new', account_id: 'acc_other', payload: { user } },
				V2_ACCOUNT,
			),
		).toEqual({ members: [] });
		expect(
			trigger.acceptancesIn(
				{ type: 'chat.update', account_id: V2_ACCOUNT, payload: { user } },
				V2_ACCOUNT,
			),
		).toEqual({
			members: [],
			warning: expect.stringContaining('an event of type "chat.update"'),
		});
		// A message is messagesIn's (the webhook may ask for both): no member, nothing odd.
		expect(
			trigger.acceptancesIn(
				{ type: 'message.new', account_id: V2_ACCOUNT, payload: { user } },
				V2_ACCOUNT,
			),
		).toEqual({ members: [] });
	});

	it('no account named: read as this account’s, and said; no member: said', () => {
		expect(trigger.acceptancesIn({ type: 'relation.new', payload: { user } }, V2_ACCOUNT)).toEqual({
			members: [member],
			warning: expect.stringContaining('names no account'),
		});
		expect(
			trigger.acceptancesIn(
				{ type: 'relation.new', account_id: V2_ACCOUNT, payload: {} },
				V2_ACCOUNT,
			),
		).toEqual({
			members: [],
			warning: 'Unipile delivered a relation.new event that names no member; it started nothing.',
		});
	});
});

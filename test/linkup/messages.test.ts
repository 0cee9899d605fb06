/**
 * LinkupAPI's messages on the wire (D = https://docs.linkupapi.com/api-reference/v2): Send Message's
 * exact `send` body (D/messages/send), the credits it reports, the not-connected refusal under both
 * If Not Connected choices, the check in the conversation after a lost answer, Get Many over
 * `get_conversation`'s cursor pages (D/messages/get-conversation) with from_me, and the trigger's
 * one subscription for both events (D/webhooks/create) and a signed message delivery read by
 * messagesIn (D/webhooks/events, /signature). The tables every service shares are in test/messages
 * and test/trigger/messages.test.ts.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { linkupService } from '../../nodes/core/services/linkup';
import { LINKEDIN_MESSAGE_MAX_LENGTH as MAX_MESSAGE_LENGTH } from '../../nodes/core/shared/parameters';
import { linkupTrigger as trigger } from '../../nodes/core/services/linkup/webhooks';
import { MESSAGE_FIELDS } from '../../nodes/core/services/results';
import type { WebhookDelivery } from '../../nodes/core/services/types';
import type { ServiceClient } from '../../nodes/core/transport/types';
import { FakeLinkup } from '../fakes/linkup';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { LINKUP_ACCOUNT_ID, LINKUP_KEY, linkupParams, rl } from '../helpers/fixtures';
import { directClient } from '../helpers/directClient';
import { useFake } from '../helpers/useFake';

const fake = new FakeLinkup({ apiKey: LINKUP_KEY });
const baseUrl = useFake(fake);

const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	slug: 'linus-t',
	id: 'ACoAADDDlinusTorvalds00000000000000000000',
};
const MARIE_URL = 'https://www.linkedin.com/in/marie-curie/';
/** The sandbox account's own member id (the fake's get_me), in every message URN of its mailbox. */
const ADA_ID = 'ACoAAAmeadalovelace000000000000';
const HOOK_URL = 'http://127.0.0.1:5678/webhook/2b5f6c8e/linkedin-connect';

const run = async (
	operation: string,
	extra: INodeParameters = {},
	onError: 'continueRegularOutput' | 'stopWorkflow' = 'continueRegularOutput',
) =>
	await runNode({
		parameters: linkupParams('message', operation, extra),
		credentials: { linkupApi: { baseUrl: baseUrl(), apiKey: LINKUP_KEY } },
		onError,
	});

const send = async (profile: unknown, text = 'Thanks for connecting!', options: IDataObject = {}) =>
	await run('send', { profile: profile as never, text, options: { maxRetries: 0, ...options } });

/** The /v2/messages bodies the fake received for one action. */
const bodies = (action: string) =>
	fake
		.calls('POST', '/v2/messages')
		.filter((r) => r.body?.action === action)
		.map((r) => r.body);

/** A ServiceClient reaching the fake as from n8n (test/helpers/directClient.ts). */
function client(): ServiceClient {
	return directClient(linkupService, { baseUrl: baseUrl(), apiKey: LINKUP_KEY }, 'x-api-key');
}

describe('Message → Send (D/messages/send)', () => {
	it.each([
		['url', LINUS.url, LINUS.url, { public_identifier: LINUS.slug }],
		['providerId', LINUS.id, `https://www.linkedin.com/in/${LINUS.id}/`, { provider_id: LINUS.id }],
	])(
		'by %s: one POST /v2/messages with action send, the profile URL and message_text; 1 credit',
		async (mode, value, profileUrl, member) => {
			const result = await send(rl(mode, value), 'Thanks for connecting, Linus!');

			expect(result.error).toBeUndefined();
			expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual(['POST /v2/messages']);
			expect(fake.requests[0].headers['x-api-key']).toBe(LINKUP_KEY);
			expect(fake.requests[0].body).toEqual({
				account_id: LINKUP_ACCOUNT_ID,
				action: 'send',
				params: {
					profile_url: profileUrl,
					message_text: 'Thanks for connecting, Linus!',
				},
			});
			const [sent] = fake.conversation(LINKUP_ACCOUNT_ID, LINUS.slug);
			expect(result.items[0].json).toEqual({
				status: 'sent',
				chat_id: sent.chat_id,
				message_id: sent.id,
				...member,
				profile_url: profileUrl,
				credits_consumed: 1,
			});
			expect(sent).toMatchObject({ text: 'Thanks for connecting, Linus!', from_me: true });
			expect(fake.credits).toBe(99);
			expectNoSecret(result, LINKUP_KEY);
		},
	);

	it('Simplify off gives the envelope: data {entityUrn, conversation_id, deliveredAt}, metadata', async () => {
		const result = await run('send', {
			profile: rl('url', LINUS.url),
			text: 'Hi',
			simplify: false,
		});

		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			success: true,
			data: {
				entityUrn: expect.stringMatching(/^urn:li:msg_message:\(urn:li:fsd_profile:/),
				conversation_id: expect.stringMatching(/^urn:li:msg_conversation:/),
				deliveredAt: expect.any(String),
			},
			metadata: { action: 'send', account_id: LINKUP_ACCOUNT_ID, credits_consumed: 1 },
		});
	});

	it(`takes up to ${MAX_MESSAGE_LENGTH} characters (ASSUMPTION: LinkedIn's message box; no page states one)`, async () => {
		expect(linkupService.messages?.maxLength).toBe(8000);
		const result = await send(rl('url', LINUS.url), 'x'.repeat(8000));
		expect(result.items[0].json.status).toBe('sent');
	});

	describe('a member who is not a connection (ASSUMPTION: CHANNEL_ERROR inside HTTP 200)', () => {
		it('fails the item by default, naming the code and what to do; nothing spent', async () => {
			const result = await send(rl('url', MARIE_URL));

			expect(result.items[0].json).toMatchObject({
				error: expect.stringMatching(
					/^LinkupAPI: You are not connected to this member.*\[CHANNEL_ERROR\]\. LinkedIn lets this account message only its 1st-degree connections: invite the member first/,
				),
				code: 'CHANNEL_ERROR',
			});
			expect(fake.credits).toBe(100);
			expect(fake.conversation(LINKUP_ACCOUNT_ID, 'marie-curie')).toEqual([]);
		});

		it('stops the run without Continue On Fail', async () => {
			const result = await run(
				'send',
				{ profile: rl('url', MARIE_URL), text: 'Hi', options: { maxRetries: 0 } },
				'stopWorkflow',
			);
			expect(result.error?.message).toMatch(/\[CHANNEL_ERROR\]/);
		});

		it('If Not Connected → Return Status: a not_connected item, one request', async () => {
			const result = await send(rl('url', MARIE_URL), 'Hi', { ifNotConnected: 'returnStatus' });

			expect(result.items[0].json).toEqual({
				status: 'not_connected',
				public_identifier: 'marie-curie',
				profile_url: MARIE_URL,
				reason: expect.stringMatching(/\[CHANNEL_ERROR\]/),
				chat_id: null,
				message_id: null,
			});
			expect(fake.messageRequests()).toHaveLength(1);
		});

		it('another refusal is no not-connected status, even with Return Status', async () => {
			const result = await send(rl('url', 'https://www.linkedin.com/in/nobody-here/'), 'Hi', {
				ifNotConnected: 'returnStatus',
			});
			expect(result.items[0].json).toMatchObject({
				error: expect.stringMatching(/LinkedIn could not find this member/),
			});
		});
	});

	describe('a lost answer is checked with get_conversation, never resent', () => {
		const lose = (after: boolean) =>
			fake.addFault({ path: '/v2/messages', match: '"action":"send"', mode: 'reset', after });

		it('found in the conversation: sent, the same ids as a normal send, confirmed_after_error', async () => {
			lose(true);
			const result = await send(rl('url', LINUS.url), 'Lost but delivered');

			const [sent] = fake.conversation(LINKUP_ACCOUNT_ID, LINUS.slug);
			expect(result.items[0].json).toEqual({
				status: 'sent',
				chat_id: null,
				message_id: sent.id,
				public_identifier: LINUS.slug,
				profile_url: LINUS.url,
				confirmed_after_error: 'ECONNRESET',
			});
			expect(bodies('send')).toHaveLength(1);
			expect(bodies('get_conversation')).toEqual([
				{
					account_id: LINKUP_ACCOUNT_ID,
					action: 'get_conversation',
					params: { profile_url: LINUS.url, count: 20 },
				},
			]);
		});

		it('given a member id, the check tells the account’s message without a profile lookup', async () => {
			fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 3);
			lose(true);
			const result = await send(rl('providerId', LINUS.id), 'Lost but delivered');

			expect(result.items[0].json).toMatchObject({ status: 'sent', provider_id: LINUS.id });
			expect(fake.calls('POST', '/v2/profiles')).toHaveLength(0);
		});

		it('not there: the error says so, and that running again is safe', async () => {
			lose(false);
			const result = await send(rl('url', LINUS.url), 'Never arrived');

			expect(result.items[0].json.error).toMatch(
				/It may or may not have gone through \(it was not in the conversation when checked, moments later, but the service may still have been delivering it\): look at the conversation on LinkedIn before running this item again\.$/,
			);
			expect(bodies('send')).toHaveLength(1);
		});

		it('the same text sent more than 5 minutes before the attempt is not taken for it', async () => {
			const account = fake.accountOf(LINKUP_ACCOUNT_ID);
			const conversation = fake.conversationWith(account, fake.memberOf(LINUS.slug));
			fake.addMessage(account, conversation, 'Hello again', true, Date.now() - 10 * 60 * 1000);
			fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 1);
			lose(false);

			const result = await send(rl('url', LINUS.url), 'Hello again');
			expect(result.items[0].json.error).toMatch(
				/It may or may not have gone through \(it was not in the conversation when checked/,
			);
		});

		it('a conversation full of newer messages it cannot read to the end: it may or may not have gone through', async () => {
			fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 0);
			const account = fake.accountOf(LINKUP_ACCOUNT_ID);
			const conversation = fake.conversationWith(account, fake.memberOf(LINUS.slug));
			for (let i = 0; i < 70; i++) fake.addMessage(account, conversation, `Newer ${i}`, true);
			lose(false);

			const result = await send(rl('url', LINUS.url), 'Not among them');
			expect(result.items[0].json.error).toMatch(
				/It may or may not have gone through \(the check read the newest 60 messages of the conversation without reaching older ones\): look at the conversation on LinkedIn before running this item again\.$/,
			);
			expect(bodies('get_conversation')).toHaveLength(3);
		});
	});
});

describe('Message → Get Many (D/messages/get-conversation)', () => {
	const getMany = async (profile: unknown, extra: INodeParameters = {}) =>
		await run('getMany', { profile: profile as never, returnAll: true, ...extra });

	it('reads the cursor pages newest first: profile_url, count, then next_cursor', async () => {
		const seeded = fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 7);
		fake.maxPageSize = 3;
		const result = await getMany(rl('url', LINUS.url));

		expect(result.error).toBeUndefined();
		const cursors = [undefined, seeded[2].at, seeded[5].at].map((at) =>
			at === undefined ? {} : { cursor: String(at) },
		);
		expect(bodies('get_conversation')).toEqual(
			cursors.map((cursor) => ({
				account_id: LINKUP_ACCOUNT_ID,
				action: 'get_conversation',
				params: { profile_url: LINUS.url, count: 50, ...cursor },
			})),
		);
		expect(result.items.map((item) => item.json)).toEqual(
			seeded.map((m) => ({
				message_id: m.id,
				chat_id: null,
				text: m.text,
				sent_at: new Date(m.at).toISOString(),
				from_me: m.from_me,
				sender_provider_id: m.from_me ? ADA_ID : null,
			})),
		);
		for (const item of result.items) expect(Object.keys(item.json)).toEqual([...MESSAGE_FIELDS]);
		// No profile lookup: the senders' URLs are in the form the member was given in.
		expect(fake.calls('POST', '/v2/profiles')).toHaveLength(0);
	});

	it('Simplify off gives each message as the page shows it', async () => {
		fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 2);
		const result = await getMany(rl('url', LINUS.url), { simplify: false });

		expect(result.items.map((item) => item.json)).toEqual([
			{
				text: 'Account message 2',
				timestamp: expect.any(Number),
				sender: 'Ada Lovelace',
				sender_info: {
					first_name: 'Ada',
					last_name: 'Lovelace',
					profile_url: 'https://www.linkedin.com/in/ada-lovelace/',
				},
				message_type: 'TEXT',
				entity_urn: expect.stringMatching(/^urn:li:msg_message:\(urn:li:fsd_profile:ACoAAAme/),
			},
			expect.objectContaining({
				text: 'Member message 1',
				sender: 'Linus Torvalds',
				sender_info: expect.objectContaining({ profile_url: LINUS.url }),
			}),
		]);
	});

	it('a Limit asks for that many, in one page', async () => {
		fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 7);
		const result = await getMany(rl('url', LINUS.url), { returnAll: false, limit: 2 });

		expect(result.items).toHaveLength(2);
		expect(bodies('get_conversation').map((b) => b.params)).toEqual([
			{ profile_url: LINUS.url, count: 2 },
		]);
	});

	it('given a member id while senders are named by public identifier: one profile lookup tells them apart', async () => {
		const seeded = fake.seedConversation(LINKUP_ACCOUNT_ID, LINUS.slug, 4);
		const result = await getMany(rl('providerId', LINUS.id));

		expect(bodies('get_conversation')[0].params).toEqual({
			profile_url: `https://www.linkedin.com/in/${LINUS.id}/`,
			count: 50,
		});
		expect(fake.calls('POST', '/v2/profiles').map((r) => r.body)).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'get',
				params: { profile_url: `https://www.linkedin.com/in/${LINUS.id}/` },
			},
		]);
		expect(result.items.map((item) => [item.json.from_me, item.json.sender_provider_id])).toEqual(
			seeded.map((m) => [m.from_me, m.from_me ? ADA_ID : LINUS.id]),
		);
	});

	it('a sender named by member id is told by the mailbox in the message URN (the v1 pages’ form), without a lookup', async () => {
		const urn = (n: number) => `urn:li:msg_message:(urn:li:fsd_profile:${ADA_ID},2-TWVzc2FnZ${n})`;
		fake.addFault({
			path: '/v2/messages',
			match: '"action":"get_conversation"',
			status: 200,
			body: {
				success: true,
				data: {
					messages: [
						{
							text: 'From Ada',
							timestamp: 1777147641366,
							sender: 'Ada Lovelace',
							sender_info: { profile_url: `https://www.linkedin.com/in/${ADA_ID}` },
							message_type: 'TEXT',
							entity_urn: urn(1),
						},
						{
							text: 'From Linus',
							timestamp: 1777146492678,
							sender: 'Linus Torvalds',
							sender_info: { profile_url: `https://www.linkedin.com/in/${LINUS.id}` },
							message_type: 'TEXT',
							entity_urn: urn(2),
						},
						{
							text: 'No profile URL, as in the v1 example',
							timestamp: 1777146000000,
							sender: 'Linus Torvalds',
							sender_info: { first_name: 'Linus', last_name: 'Torvalds' },
							message_type: 'TEXT',
							entity_urn: urn(3),
						},
					],
					next_cursor: null,
				},
				metadata: { action: 'get_conversation', credits_consumed: 1 },
			},
		});
		const result = await getMany(rl('url', LINUS.url));

		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ text: 'From Ada', from_me: true, sender_provider_id: ADA_ID }),
			expect.objectContaining({ text: 'From Linus', from_me: false, sender_provider_id: LINUS.id }),
			expect.objectContaining({ from_me: null, sender_provider_id: null }),
		]);
		expect(result.items[0].json.sent_at).toBe(new Date(1777147641366).toISOString());
		expect(fake.calls('POST', '/v2/profiles')).toHaveLength(0);
	});

	it('no conversation with the member: zero items, one read', async () => {
		const result = await getMany(rl('url', MARIE_URL));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(bodies('get_conversation')).toHaveLength(1);
	});

	it('a CHANNEL_ERROR saying there is no conversation reads as none (ASSUMPTION)', async () => {
		fake.addFault({
			path: '/v2/messages',
			status: 200,
			body: {
				success: false,
				error: { code: 'CHANNEL_ERROR', message: 'No conversation found with this member.' },
				metadata: { credits_consumed: 0 },
			},
		});
		const result = await getMany(rl('url', LINUS.url));
		expect(result.items).toHaveLength(0);
		expect(result.error).toBeUndefined();
	});
});

describe('credit notices', () => {
	it.each([
		['message:send', /1 credit per message sent/],
		['message:getMany', /credits for each page of the conversation read/],
	] as const)('%s', (operation, expected) => {
		expect(linkupService.notices?.[operation]).toMatch(expected);
	});
});

describe('the trigger: one subscription, message deliveries (D/webhooks/*)', () => {
	const spec = {
		accountId: LINKUP_ACCOUNT_ID,
		url: HOOK_URL,
		name: 'n8n LinkedIn Connect Trigger (workflow wf-1)',
	};

	interface Sent {
		body: IDataObject;
		headers: Record<string, string>;
		raw: string;
	}

	const asReceived = ({ body, headers, raw }: Sent): WebhookDelivery => ({
		header: (name) => headers[name.toLowerCase()],
		rawBody: Buffer.from(raw),
		body,
	});

	it('leaves the events together: one webhook asks for all of them (billing is per account anyway)', () => {
		expect(trigger.webhookGroups).toBeUndefined();
	});

	it.each([
		[
			['invitationAccepted', 'messageReceived'] as const,
			['accepted_invitation', 'message_received'],
		],
		[['messageReceived'] as const, ['message_received']],
		[['invitationAccepted'] as const, ['accepted_invitation']],
	])('%j → one POST /v2/webhooks with events %j, signed', async (events, wire) => {
		const created = await trigger.createWebhook(client(), { ...spec, events: [...events] });

		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/webhooks']);
		expect(fake.requests[0].body).toEqual({
			account_id: LINKUP_ACCOUNT_ID,
			url: HOOK_URL,
			events: wire,
			enable_signature: true,
		});
		expect(created).toEqual({
			webhookId: fake.webhooks[0].webhook_id,
			secret: fake.webhooks[0].secret,
		});
	});

	it('the fake refuses an event the page does not list', async () => {
		const response = await fetch(`${baseUrl()}/v2/webhooks`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': LINKUP_KEY },
			body: JSON.stringify({ account_id: LINKUP_ACCOUNT_ID, url: HOOK_URL, events: ['message'] }),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as IDataObject).error).toMatchObject({
			code: 'INVALID_PARAMS',
		});
	});

	it('a signed message delivery is proved, keyed by its bytes, and read by messagesIn only', async () => {
		const created = await trigger.createWebhook(client(), {
			...spec,
			events: ['invitationAccepted', 'messageReceived'],
		});
		const [sent] = (await fake.simulateReply(
			LINUS.slug,
			LINKUP_ACCOUNT_ID,
			'Happy to talk!',
		)) as Sent[];
		const delivery = asReceived(sent);

		expect(sent.body).toEqual({
			account_id: LINKUP_ACCOUNT_ID,
			account_name: 'Ada Lovelace',
			event: {
				type: 'message',
				sender_name: 'Linus Torvalds',
				message_text: 'Happy to talk!',
				sender_profile: 'https://www.linkedin.com/in/linus-t',
			},
			timestamp: expect.any(String),
		});
		expect(trigger.rejectDelivery(delivery, String(created.secret), Date.now())).toBeUndefined();
		expect(trigger.rejectDelivery(delivery, 'another secret', Date.now())).toMatch(
			/does not match/,
		);
		expect(trigger.deliveryKey(delivery)).toBe(createHash('sha256').update(sent.raw).digest('hex'));
		expect(trigger.messagesIn(sent.body, LINKUP_ACCOUNT_ID)).toEqual({
			messages: [
				{
					provider_id: null,
					full_name: 'Linus Torvalds',
					profile_url: LINUS.url,
					chat_id: null,
					message_id: null,
					text: 'Happy to talk!',
					sent_at: new Date(String(sent.body.timestamp)).toISOString(),
				},
			],
		});
		expect(trigger.acceptancesIn(sent.body, LINKUP_ACCOUNT_ID)).toEqual({ members: [] });
		expect(trigger.messagesIn(sent.body, 'acc_linkup_grace')).toEqual({ messages: [] });
	});

	it('an acceptance is no message, and a subscription without message_received gets no message', async () => {
		await trigger.createWebhook(client(), { ...spec, events: ['invitationAccepted'] });
		expect(await fake.simulateReply(LINUS.slug, LINKUP_ACCOUNT_ID)).toEqual([]);
		const [accepted] = (await fake.simulateAcceptance('marie-curie', LINKUP_ACCOUNT_ID)) as Sent[];

		expect(trigger.messagesIn(accepted.body, LINKUP_ACCOUNT_ID)).toEqual({ messages: [] });
		expect(trigger.acceptancesIn(accepted.body, LINKUP_ACCOUNT_ID).members).toHaveLength(1);
	});

	it.each([
		['flagged is_me', { is_me: true }],
		['sent by the account’s name', { sender_name: 'Ada Lovelace' }],
		[
			'from the mailbox’s own member id',
			{
				sender_profile: `https://www.linkedin.com/in/${ADA_ID}`,
				conversation_id: `urn:li:msg_conversation:(urn:li:fsd_profile:${ADA_ID},2-abc)`,
			},
		],
	])('a message the account sent itself is skipped (ASSUMPTION): %s', (_label, extra) => {
		const body = {
			account_id: LINKUP_ACCOUNT_ID,
			account_name: 'Ada Lovelace',
			event: {
				type: 'message',
				sender_name: 'Linus Torvalds',
				message_text: 'Hello',
				sender_profile: 'https://www.linkedin.com/in/linus-t',
				...extra,
			},
			timestamp: '2026-01-15T10:31:00Z',
		};
		expect(trigger.messagesIn(body, LINKUP_ACCOUNT_ID)).toEqual({ messages: [] });
	});

	it('ids and times are read where a delivery has them', () => {
		const body = {
			account_id: LINKUP_ACCOUNT_ID,
			event: {
				type: 'message',
				sender_name: 'Linus Torvalds',
				message_text: 'Hi',
				sender_profile: `https://www.linkedin.com/in/${LINUS.id}`,
				conversation_id:
					'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAAother000000000000000,2-x)',
				entity_urn: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAAother000000000000000,2-y)',
				timestamp: 1777147641366,
			},
			timestamp: '2026-01-15T10:31:00Z',
		};
		expect(trigger.messagesIn(body, LINKUP_ACCOUNT_ID).messages).toEqual([
			{
				provider_id: LINUS.id,
				full_name: 'Linus Torvalds',
				profile_url: `https://www.linkedin.com/in/${LINUS.id}/`,
				chat_id: body.event.conversation_id,
				message_id: body.event.entity_urn,
				text: 'Hi',
				sent_at: new Date(1777147641366).toISOString(),
			},
		]);
	});

	it('a listed webhook that is unsigned or stopped is unhealthy (GET shows signature_enabled)', async () => {
		const { webhookId } = await trigger.createWebhook(client(), {
			...spec,
			events: ['messageReceived'],
		});
		const id = String(webhookId);
		expect(await trigger.findWebhook(client(), id)).toEqual({
			webhookId: id,
			url: HOOK_URL,
			healthy: true,
		});
		fake.webhooks[0].enable_signature = false;
		expect((await trigger.findWebhook(client(), id))?.healthy).toBe(false);
		fake.webhooks[0].enable_signature = true;
		fake.webhooks[0].status = 'stopped';
		expect((await trigger.findWebhook(client(), id))?.healthy).toBe(false);
	});
});

/**
 * Unipile API v2 messages against the v2 fake: Send through n8n-core's engine (POST
 * /v2/{account}/inboxes/CLASSIC_PRIMARY/chats/send with {text, users_ids, specifics?}, after the
 * profile lookup for a URL; the 1:1 chat continued; not-connected refusals; the check after a lost
 * answer), Get Many (GET …/users/{id}/chat, then …/chats/{chat}/messages newest first, cursor
 * paged), and the trigger adapter's Message Received (the webhook asking for message.new, deliveries
 * read by messagesIn, the account's own messages ignored), called directly as webhooks.test.ts does.
 * Shared cross-service behaviour is tested elsewhere; these are v2's wire facts.
 */
import type { IDataObject } from 'n8n-workflow';
import { MESSAGE_FIELDS } from '../../nodes/core/services/results';
import type { WebhookDelivery } from '../../nodes/core/services/types';
import {
	MESSAGE_EVENT,
	unipileV2Trigger as trigger,
} from '../../nodes/core/services/unipileV2/webhooks';
import { expectNoSecret } from '../helpers/assertions';
import { JULIEN, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { directClient, line, runV2, V2_ACCOUNT, V2_KEY, v2Credentials, v2Params } from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const credentials = () => v2Credentials(baseUrl());

const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	id: 'ACoAADDDlinusTorvalds00000000000000000000',
};
const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
const OWNER_ID = 'ACoAAAadaLovelaceOwner000000000000000000';
const START = `/v2/${V2_ACCOUNT}/inboxes/CLASSIC_PRIMARY/chats/send`;
const userChat = (id: string) => `/v2/${V2_ACCOUNT}/users/${id}/chat`;
const messagesOf = (chatId: string) =>
	`/v2/${V2_ACCOUNT}/chats/${encodeURIComponent(chatId)}/messages`;
const chatIdWith = (member: string) => fake.conversation(V2_ACCOUNT, member)[0]?.chat_id;

const send = async (profile: unknown, extra: IDataObject = {}, onError?: 'continueRegularOutput') =>
	await runV2({
		parameters: v2Params('message', 'send', {
			profile: profile as never,
			text: 'Hello from the engine!',
			...extra,
		}),
		credentials: credentials(),
		onError,
	});

const getMany = async (profile: unknown, extra: IDataObject = {}) =>
	await runV2({
		parameters: v2Params('message', 'getMany', { profile: profile as never, ...extra }),
		credentials: credentials(),
	});

describe('Message → Send (Unipile v2)', () => {
	it('a provider id: one request, POST …/inboxes/CLASSIC_PRIMARY/chats/send with {text, users_ids}', async () => {
		const result = await send(rl('providerId', LINUS.id));

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([`POST ${START}`]);
		const [request] = fake.requests;
		expect(request.headers['x-api-key']).toBe(V2_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ text: 'Hello from the engine!', users_ids: LINUS.id });
		const [sent] = fake.conversation(V2_ACCOUNT, LINUS.id);
		expect(sent).toMatchObject({ text: 'Hello from the engine!', from_me: true });
		expect(result.items).toEqual([
			{
				json: {
					status: 'sent',
					chat_id: sent.chat_id,
					message_id: sent.id,
					provider_id: LINUS.id,
					profile_url: `https://www.linkedin.com/in/${LINUS.id}/`,
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoSecret(result, V2_KEY);
	});

	it('a URL: the profile lookup gives the id and the member, then the send', async () => {
		const result = await send(rl('url', LINUS.url));

		expect(fake.requests.map(line)).toEqual([
			`GET /v2/${V2_ACCOUNT}/users/linus-t`,
			`POST ${START}`,
		]);
		expect(fake.requests[1].body).toEqual({ text: 'Hello from the engine!', users_ids: LINUS.id });
		expect(result.items[0].json).toEqual({
			status: 'sent',
			chat_id: chatIdWith(LINUS.id),
			message_id: fake.conversation(V2_ACCOUNT, LINUS.id)[0].id,
			provider_id: LINUS.id,
			public_identifier: 'linus-t',
			profile_url: LINUS.url,
			full_name: 'Linus Torvalds',
			first_name: 'Linus',
			last_name: 'Torvalds',
			headline: 'Maintainer',
		});
	});

	it('an existing conversation is continued: the same chat, one more message', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 2);
		const chatId = chatIdWith('marie-curie');
		const result = await send(rl('providerId', MARIE_ID));

		expect(result.items[0].json.chat_id).toBe(chatId);
		expect(fake.chats).toHaveLength(1);
		expect(fake.conversation(V2_ACCOUNT, MARIE_ID).map((m) => [m.text, m.from_me])).toEqual([
			['Hello from the engine!', true],
			['Message 2', true],
			['Message 1', false],
		]);
	});

	it('Send as InMail: specifics.linkedin.classic.inmail, and a non-connection is reached', async () => {
		const result = await send(rl('providerId', MARIE_ID), { options: { inmail: true } });

		expect(result.error).toBeUndefined();
		expect(fake.messageRequests().map((r) => r.body)).toEqual([
			{
				text: 'Hello from the engine!',
				users_ids: MARIE_ID,
				specifics: { linkedin: { classic: { inmail: true } } },
			},
		]);
		expect(result.items[0].json.status).toBe('sent');
	});

	it('Simplify off: the ChatStarted answer, with the status', async () => {
		const result = await send(rl('providerId', LINUS.id), { simplify: false });

		expect(result.items[0].json).toEqual({
			status: 'sent',
			object: 'ChatStarted',
			chat_id: chatIdWith(LINUS.id),
			message_id: fake.conversation(V2_ACCOUNT, LINUS.id)[0].id,
		});
	});

	it('8001 characters are refused before any request; 8000 are sent', async () => {
		const tooLong = await send(rl('providerId', LINUS.id), { text: 'x'.repeat(8001) });
		expect(tooLong.error?.message).toMatch(
			/^'Text' is 8001 characters long; Unipile v2 sends messages of at most 8000/,
		);
		expect(fake.requests).toHaveLength(0);

		const longest = await send(rl('providerId', LINUS.id), { text: 'x'.repeat(8000) });
		expect(longest.error).toBeUndefined();
		expect(fake.messageRequests()).toHaveLength(1);
	});
});

describe('Send Message to a member who is not a connection (Unipile v2)', () => {
	it('fails with the type Unipile sent (provider/no_connection_with_recipient), saying what to do', async () => {
		const result = await send(rl('providerId', MARIE_ID));

		expect(result.error?.message).toBe(
			'Unipile v2: No connection with recipient [provider/no_connection_with_recipient]. LinkedIn only lets this account message its first-degree connections: invite the member first, or send an InMail (Options → Send as InMail).',
		);
		expect(fake.messageRequests()).toHaveLength(1);
		expect(fake.conversation(V2_ACCOUNT, MARIE_ID)).toEqual([]);
	});

	it('If Not Connected → Return Status: a not_connected item, by id and by URL', async () => {
		const byId = await send(rl('providerId', MARIE_ID), {
			options: { ifNotConnected: 'returnStatus' },
		});
		const byUrl = await send(rl('url', 'https://www.linkedin.com/in/marie-curie/'), {
			options: { ifNotConnected: 'returnStatus' },
		});

		expect(byId.error).toBeUndefined();
		expect(byId.items[0].json).toEqual({
			status: 'not_connected',
			provider_id: MARIE_ID,
			profile_url: `https://www.linkedin.com/in/${MARIE_ID}/`,
			reason: expect.stringContaining('[provider/no_connection_with_recipient]'),
			chat_id: null,
			message_id: null,
		});
		expect(byUrl.items[0].json).toMatchObject({
			status: 'not_connected',
			public_identifier: 'marie-curie',
			chat_id: null,
			message_id: null,
		});
	});

	it('Continue On Fail: an error item with the code and http_code', async () => {
		const result = await send(rl('providerId', MARIE_ID), {}, 'continueRegularOutput');

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(/\[provider\/no_connection_with_recipient\]/),
			code: 'provider/no_connection_with_recipient',
			http_code: 422,
		});
	});

	it('once connected (the acceptance), the same send goes through', async () => {
		await fake.simulateAcceptance('marie-curie', V2_ACCOUNT);
		const result = await send(rl('providerId', MARIE_ID));
		expect(result.items[0].json.status).toBe('sent');
	});
});

describe('Send Message when the answer is lost (Unipile v2)', () => {
	it('sent, then the connection reset: found in the member’s chat, reported as sent', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 4);
		fake.addFault({ method: 'POST', path: START, mode: 'reset', after: true });
		const result = await send(rl('providerId', MARIE_ID));

		expect(result.error).toBeUndefined();
		const [sent] = fake.conversation(V2_ACCOUNT, MARIE_ID);
		expect(result.items[0].json).toEqual({
			status: 'sent',
			chat_id: sent.chat_id,
			message_id: sent.id,
			provider_id: MARIE_ID,
			profile_url: `https://www.linkedin.com/in/${MARIE_ID}/`,
			confirmed_after_error: 'ECONNRESET',
		});
		expect(fake.messageRequests()).toHaveLength(1);
		const reads = fake.requests.filter((r) => r.method === 'GET');
		expect(reads.map((r) => r.path)).toEqual([userChat(MARIE_ID), messagesOf(sent.chat_id)]);
		// Only what is newer than the attempt less the clock margin is asked for.
		const after = Date.parse(String(reads[1].query.after));
		expect(reads[1].query).toEqual({ after: expect.any(String), limit: '100' });
		expect(Date.now() - after).toBeGreaterThanOrEqual(5 * 60_000);
		expect(Date.now() - after).toBeLessThan(6 * 60_000);
	});

	it('sent, the answer lost: found in the member’s second chat (an InMail thread)', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 2);
		const [continued] = fake.chats;
		fake.chats.push({ ...continued, id: '2-inmail-thread' });
		fake.addFault({ method: 'POST', path: START, status: 502, after: true });
		// Once the send is done, the lookup lists the other thread first.
		fake.onAnswered = (record: { method: string; path: string }) => {
			if (record.method === 'POST' && record.path === START) fake.chats.reverse();
		};
		const result = await send(rl('providerId', MARIE_ID));

		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			chat_id: continued.id,
			message_id: fake.conversation(V2_ACCOUNT, MARIE_ID)[0].id,
			confirmed_after_error: 'api/unexpected_error',
		});
		expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
			userChat(MARIE_ID),
			messagesOf('2-inmail-thread'),
			messagesOf(continued.id),
		]);
	});

	it('not sent (a 500) and no chat with the member: safe to rerun, said', async () => {
		fake.addFault({ method: 'POST', path: START, status: 500 });
		const result = await send(rl('providerId', LINUS.id));

		expect(result.error?.message).toMatch(
			/\[api\/unexpected_error\]\. .*It may or may not have gone through \(it was not in the conversation when checked/,
		);
		expect(fake.requests.map(line)).toEqual([`POST ${START}`, `GET ${userChat(LINUS.id)}`]);
	});

	it('not sent, a conversation whose recent messages are the member’s: not sent', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 3);
		await fake.simulateReply('marie-curie', V2_ACCOUNT, 'Hello from the engine!');
		fake.addFault({ method: 'POST', path: START, mode: 'reset' });
		const result = await send(rl('providerId', MARIE_ID));

		expect(result.error?.message).toMatch(
			/It may or may not have gone through \(it was not in the conversation when checked/,
		);
	});

	it('the check failing too: it may or may not have gone through; look at the conversation', async () => {
		fake.addFault({ method: 'POST', path: START, mode: 'reset' });
		fake.addFault({ method: 'GET', path: userChat(LINUS.id), status: 500, times: 10 });
		const result = await send(rl('providerId', LINUS.id));

		expect(result.error?.message).toMatch(
			/It may or may not have gone through, and checking failed too: look at the conversation on LinkedIn before running this item again\.$/,
		);
	});
});

describe('Message → Get Many (Unipile v2)', () => {
	it('the member’s chat, then its messages newest first, paged by next_cursor; from_me from is_sender', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 25);
		fake.maxPageSize = 10;
		const chatId = String(chatIdWith('marie-curie'));
		const result = await getMany(rl('providerId', MARIE_ID), { returnAll: true });

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
			[userChat(MARIE_ID), {}],
			[messagesOf(chatId), { limit: '100' }],
			[messagesOf(chatId), { limit: '100', cursor: expect.any(String) }],
			[messagesOf(chatId), { limit: '100', cursor: expect.any(String) }],
		]);
		const expected = fake.conversation(V2_ACCOUNT, MARIE_ID);
		expect(result.items).toHaveLength(25);
		expect(result.items.map((i) => i.json)).toEqual(
			expected.map((m) => ({
				message_id: m.id,
				chat_id: chatId,
				text: m.text,
				sent_at: m.at,
				from_me: m.from_me,
				sender_provider_id: m.sender_provider_id,
			})),
		);
		expect(Object.keys(result.items[0].json)).toEqual([...MESSAGE_FIELDS]);
		expect(result.items[0].json).toMatchObject({ text: 'Message 25', from_me: false });
		expect(result.items[1].json).toMatchObject({
			text: 'Message 24',
			from_me: true,
			sender_provider_id: OWNER_ID,
		});
	});

	it('a limit asks for only that many: one page', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 25);
		const result = await getMany(rl('providerId', MARIE_ID), { returnAll: false, limit: 5 });

		expect(result.items.map((i) => i.json.text)).toEqual([
			'Message 25',
			'Message 24',
			'Message 23',
			'Message 22',
			'Message 21',
		]);
		expect(fake.requests.slice(1).map((r) => r.query)).toEqual([{ limit: '5' }]);
	});

	it('a URL: the profile lookup first; Simplify off gives the Message objects', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 2);
		const result = await getMany(rl('url', 'https://www.linkedin.com/in/marie-curie/'), {
			returnAll: true,
			simplify: false,
		});

		expect(fake.requests.map((r) => r.path)).toEqual([
			`/v2/${V2_ACCOUNT}/users/marie-curie`,
			userChat(MARIE_ID),
			messagesOf(String(chatIdWith('marie-curie'))),
		]);
		expect(result.items[0].json).toMatchObject({
			object: 'Message',
			text: 'Message 2',
			is_sender: true,
			sender_id: OWNER_ID,
		});
	});

	it('no conversation with the member: no items, and no message list read', async () => {
		const result = await getMany(rl('providerId', JULIEN.providerId), { returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(fake.requests.map(line)).toEqual([`GET ${userChat(JULIEN.providerId)}`]);
	});

	it('two chats with the member (e.g. an InMail thread): both read, merged newest first', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 4);
		const first = fake.chats[0];
		const second = { ...first, id: '2-second-thread' };
		fake.chats.push(second);
		// Between Message 2 and Message 3, and the newest of all.
		fake.addMessage(second, 'InMail thread, older', true, Date.now() - 2.5 * 60_000);
		fake.addMessage(second, 'InMail thread, newest', false, Date.now() - 10_000);
		fake.maxPageSize = 2;
		const result = await getMany(rl('providerId', MARIE_ID), { returnAll: true });

		expect(result.items.map((i) => [i.json.text, i.json.chat_id])).toEqual([
			['InMail thread, newest', '2-second-thread'],
			['Message 4', first.id],
			['Message 3', first.id],
			['InMail thread, older', '2-second-thread'],
			['Message 2', first.id],
			['Message 1', first.id],
		]);
	});

	it('offset paging (a host without next_cursor): by offset while total_count says more remain', async () => {
		fake.seedConversation(V2_ACCOUNT, 'marie-curie', 12);
		fake.cursorPaging = false;
		fake.maxPageSize = 5;
		const result = await getMany(rl('providerId', MARIE_ID), { returnAll: true });

		expect(result.items).toHaveLength(12);
		expect(fake.requests.slice(1).map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', offset: '5' },
			{ limit: '100', offset: '10' },
		]);
	});
});

// ---- Message Received: the trigger adapter, called directly ----

const client = () => directClient(baseUrl());
// Nothing listens there: the fake's delivery attempt fails at once, and what it sent is recorded.
const HOOK_URL = 'http://127.0.0.1:5678/webhook/2b5f6c8e/linkedin-connect';
const ENDPOINTS = '/v2/webhooks/endpoints/';
const spec = (events: Array<'invitationAccepted' | 'messageReceived'>) => ({
	accountId: V2_ACCOUNT,
	url: HOOK_URL,
	name: 'n8n LinkedIn Connect Trigger (workflow wf-1)',
	events,
});

interface Sent {
	body: IDataObject;
	headers: Record<string, string>;
	raw: string;
}

function asReceived({ body, headers, raw }: Sent): WebhookDelivery {
	const lowered = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return { header: (name) => lowered[name.toLowerCase()], rawBody: Buffer.from(raw), body };
}

describe('Message Received webhook (Unipile v2)', () => {
	it.each([
		[['messageReceived'], ['message.new']],
		[
			['invitationAccepted', 'messageReceived'],
			['relation.new', 'relation.request.accept', 'message.new'],
		],
		[['invitationAccepted'], ['relation.new', 'relation.request.accept']],
	] as const)('%j: one endpoint asking for %j', async (events, triggerEvents) => {
		expect(trigger.webhookGroups).toBeUndefined();
		const created = await trigger.createWebhook(client(), spec([...events]));

		expect(fake.requests.map(line)).toEqual([`POST ${ENDPOINTS}`]);
		expect(fake.requests[0].body).toEqual({
			url: HOOK_URL,
			trigger_events: triggerEvents,
			account_ids: [V2_ACCOUNT],
			description: 'n8n LinkedIn Connect Trigger (workflow wf-1)',
		});
		expect(created).toEqual({ webhookId: fake.webhooks[0].id, secret: fake.webhooks[0].secret });
	});

	it('a host knowing only PY’s relation name: asked again, the message event kept each time', async () => {
		fake.knownEvents = 'py';
		await trigger.createWebhook(client(), spec(['invitationAccepted', 'messageReceived']));

		expect(fake.calls('POST', ENDPOINTS).map((r) => r.body.trigger_events)).toEqual([
			['relation.new', 'relation.request.accept', 'message.new'],
			['relation.new', 'message.new'],
			['relation.request.accept', 'message.new'],
		]);
		expect(fake.webhooks[0].trigger_events).toEqual(['relation.request.accept', 'message.new']);
	});

	it('a webhook for messages only is healthy; disabled, or asking for none of ours, it is not', async () => {
		const { webhookId } = await trigger.createWebhook(client(), spec(['messageReceived']));
		expect((await trigger.findWebhook(client(), String(webhookId)))?.healthy).toBe(true);

		fake.webhooks[0].trigger_events = ['message.update'];
		expect((await trigger.findWebhook(client(), String(webhookId)))?.healthy).toBe(false);
		fake.webhooks[0].trigger_events = [MESSAGE_EVENT];
		fake.webhooks[0].enabled = false;
		expect((await trigger.findWebhook(client(), String(webhookId)))?.healthy).toBe(false);
	});

	it('a reply is delivered signed, keyed by its event id, and read as a received message', async () => {
		const created = await trigger.createWebhook(client(), spec(['messageReceived']));
		const [sent] = (await fake.simulateReply('marie-curie', V2_ACCOUNT, 'Sounds good!')) as Sent[];
		const delivery = asReceived(sent);
		const [message] = fake.conversation(V2_ACCOUNT, MARIE_ID);

		expect(sent.body).toMatchObject({
			type: 'message.new',
			account_id: V2_ACCOUNT,
			payload: { object: 'Message', is_sender: false, text: 'Sounds good!' },
		});
		expect(trigger.rejectDelivery(delivery, String(created.secret), Date.now())).toBeUndefined();
		expect(trigger.deliveryKey(delivery)).toBe(`unipileV2:${String(sent.body.id)}`);
		expect(trigger.messagesIn(sent.body, V2_ACCOUNT)).toEqual({
			messages: [
				{
					provider_id: MARIE_ID,
					full_name: 'Marie Curie',
					profile_url: 'https://www.linkedin.com/in/marie-curie/',
					chat_id: message.chat_id,
					message_id: message.id,
					text: 'Sounds good!',
					sent_at: message.at,
				},
			],
		});
		// Not an acceptance, and nothing odd about it.
		expect(trigger.acceptancesIn(sent.body, V2_ACCOUNT)).toEqual({ members: [] });
	});

	it('the account’s own message (sent by the node) is delivered after the answer, and ignored', async () => {
		await trigger.createWebhook(client(), spec(['invitationAccepted', 'messageReceived']));
		const result = await send(rl('providerId', LINUS.id));
		expect(result.items[0].json.status).toBe('sent');
		await fake.settled();

		expect(fake.deliveries).toHaveLength(1);
		const [own] = fake.deliveries as Sent[];
		expect(own.body).toMatchObject({ type: 'message.new', payload: { is_sender: true } });
		expect(trigger.messagesIn(own.body, V2_ACCOUNT)).toEqual({ messages: [] });
		expect(trigger.acceptancesIn(own.body, V2_ACCOUNT)).toEqual({ members: [] });
	});

	it('another account’s message, or a new connection, is no message; without is_sender it starts nothing, and says so', () => {
		const payload = {
			object: 'Message',
			id: 'msg_1',
			chat_id: 'chat_1',
			text: 'Hi',
			sender_id: MARIE_ID,
			timestamp: '2026-11-30T10:00:00.000Z',
		};
		expect(
			trigger.messagesIn(
				{ type: 'message.new', account_id: 'acc_other', payload: { ...payload, is_sender: false } },
				V2_ACCOUNT,
			),
		).toEqual({ messages: [] });
		expect(
			trigger.messagesIn(
				{ type: 'relation.new', account_id: V2_ACCOUNT, payload: { user_id: MARIE_ID } },
				V2_ACCOUNT,
			),
		).toEqual({ messages: [] });
		expect(
			trigger.messagesIn({ type: 'message.new', account_id: V2_ACCOUNT, payload }, V2_ACCOUNT),
		).toEqual({
			// Who wrote it unknown: nothing starts (a workflow answering messages never answers its own).
			messages: [],
			warning: expect.stringContaining('no is_sender'),
		});
	});
});

/**
 * Unipile v1 messaging on the wire: Send Message (`POST /api/v1/chats`, multipart/form-data),
 * Message → Get Many (`GET /api/v1/chat_attendees/{id}/chats`, then the chat's messages), and the
 * trigger's Message Received webhook, checked at the adapter (the trigger node is tested apart).
 */
import type { IDataObject } from 'n8n-workflow';
import { MESSAGE_FIELDS, RECEIVED_MESSAGE_FIELDS } from '../../nodes/core/services/results';
import { unipileService } from '../../nodes/core/services/unipile';
import { SECRET_HEADER, unipileTrigger } from '../../nodes/core/services/unipile/webhooks';
import type { ServiceClient } from '../../nodes/core/transport/types';
import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { ACCOUNT_ID, JULIEN, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { directClient as sharedDirectClient } from '../helpers/directClient';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });

const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	publicIdentifier: 'linus-t',
	providerId: 'ACoAADDDlinusTorvalds00000000000000000000',
};
/** The sandbox account's own member id (the fake's connection_params.im.id). */
const ADA_MEMBER_ID = fake.accounts.find((a) => a.id === ACCOUNT_ID).connection_params.im.id;

const send = (profile: unknown, extra = {}) =>
	unipileParams('message', 'send', { profile: profile as never, text: 'Hello!', ...extra });
const getMany = (profile: unknown, extra = {}) =>
	unipileParams('message', 'getMany', { profile: profile as never, returnAll: true, ...extra });

const lines = () => fake.requests.map((r) => `${r.method} ${r.rawUrl}`);

describe('Message → Send (Unipile)', () => {
	it('writes to a member id in one multipart request: exactly account_id, attendees_ids, text', async () => {
		const result = await runNode({
			parameters: send(rl('providerId', LINUS.providerId), {
				text: 'Hi Linus, thanks for connecting!',
			}),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(lines()).toEqual(['POST /api/v1/chats']);
		const [request] = fake.messageRequests();
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.headers['x-api-key']).toBe(UNIPILE_KEY);
		expect(request.body).toEqual({
			_multipart: true,
			account_id: ACCOUNT_ID,
			attendees_ids: LINUS.providerId,
			text: 'Hi Linus, thanks for connecting!',
		});
		const [message] = fake.conversation(ACCOUNT_ID, LINUS.providerId);
		expect(result.items.map((i) => i.json)).toEqual([
			{
				status: 'sent',
				chat_id: message.chat_id,
				message_id: message.id,
				provider_id: LINUS.providerId,
				profile_url: `https://www.linkedin.com/in/${LINUS.providerId}/`,
			},
		]);
		expect(message).toMatchObject({ text: 'Hi Linus, thanks for connecting!', from_me: true });
		expectNoSecret(result, UNIPILE_KEY);
	});

	it('looks a profile URL up first (two requests) and gives the member as the lookup tells', async () => {
		const result = await runNode({
			parameters: send(rl('url', LINUS.url)),
			credentials: credentials(),
		});

		expect(lines()).toEqual([
			`GET /api/v1/users/linus-t?account_id=${ACCOUNT_ID}`,
			'POST /api/v1/chats',
		]);
		expect(fake.messageRequests()[0].body.attendees_ids).toBe(LINUS.providerId);
		expect(result.items[0].json).toEqual({
			status: 'sent',
			chat_id: expect.any(String),
			message_id: expect.any(String),
			provider_id: LINUS.providerId,
			public_identifier: 'linus-t',
			profile_url: LINUS.url,
			full_name: 'Linus Torvalds',
			first_name: 'Linus',
			last_name: 'Torvalds',
			headline: 'Maintainer',
		});
	});

	it('continues the 1:1 chat on a later run; Simplify off gives the ChatStarted answer with the status', async () => {
		const first = await runNode({
			parameters: send(rl('providerId', LINUS.providerId)),
			credentials: credentials(),
		});
		const second = await runNode({
			parameters: send(rl('providerId', LINUS.providerId), {
				text: 'One more thing',
				simplify: false,
			}),
			credentials: credentials(),
		});

		expect(second.items[0].json).toEqual({
			status: 'sent',
			object: 'ChatStarted',
			chat_id: first.items[0].json.chat_id,
			message_id: expect.any(String),
		});
		expect(fake.conversation(ACCOUNT_ID, 'linus-t').map((m) => m.text)).toEqual([
			'One more thing',
			'Hello!',
		]);
	});

	it('sends an InMail with linkedin[api]=classic and linkedin[inmail]=true', async () => {
		const result = await runNode({
			parameters: send(rl('providerId', JULIEN.providerId), { options: { inmail: true } }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.messageRequests().map((r) => r.body)).toEqual([
			{
				_multipart: true,
				account_id: ACCOUNT_ID,
				attendees_ids: JULIEN.providerId,
				text: 'Hello!',
				'linkedin[api]': 'classic',
				'linkedin[inmail]': 'true',
			},
		]);
		expect(result.items[0].json.status).toBe('sent');
	});

	describe('a member who is not a connection: 422 errors/no_connection_with_recipient', () => {
		it('fails the item with what to do (If Not Connected → Fail), sending once, checking nothing', async () => {
			const result = await runNode({
				parameters: send(rl('providerId', JULIEN.providerId)),
				credentials: credentials(),
			});

			expect(result.error?.message).toBe(
				'Unipile: Recipient cannot be reached [errors/no_connection_with_recipient]. The member is not a first-degree connection of this account, so LinkedIn refuses a message: invite them first, turn on Options → Send as InMail, or set Options → If Not Connected → Return Status to branch on it.',
			);
			expect(lines()).toEqual(['POST /api/v1/chats']);
			expect(fake.conversation(ACCOUNT_ID, JULIEN.providerId)).toEqual([]);
		});

		it('returns a not_connected item with If Not Connected → Return Status', async () => {
			const result = await runNode({
				parameters: send(rl('url', JULIEN.url), { options: { ifNotConnected: 'returnStatus' } }),
				credentials: credentials(),
			});

			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([
				{
					status: 'not_connected',
					public_identifier: 'julien-crepieux',
					profile_url: JULIEN.url,
					reason: expect.stringMatching(/^Unipile: .*\[errors\/no_connection_with_recipient\]/),
					chat_id: null,
					message_id: null,
				},
			]);
			expect(lines()).toEqual([
				`GET /api/v1/users/julien-crepieux?account_id=${ACCOUNT_ID}`,
				'POST /api/v1/chats',
			]);
		});
	});

	it('refuses a text over 8000 characters before any request', async () => {
		const result = await runNode({
			parameters: send(rl('url', LINUS.url), { text: 'a'.repeat(8001) }),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(
			/^'Text' is 8001 characters long; Unipile sends messages of at most 8000/,
		);
		expect(fake.requests).toHaveLength(0);
	});

	describe('a lost answer is checked in the conversation, never resent', () => {
		it('found there: sent, with confirmed_after_error', async () => {
			fake.addFault({ method: 'POST', path: '/api/v1/chats', after: true, mode: 'reset' });
			const result = await runNode({
				parameters: send(rl('providerId', LINUS.providerId)),
				credentials: credentials(),
			});

			expect(result.error).toBeUndefined();
			const [message] = fake.conversation(ACCOUNT_ID, LINUS.providerId);
			expect(result.items[0].json).toEqual({
				status: 'sent',
				chat_id: message.chat_id,
				message_id: message.id,
				provider_id: LINUS.providerId,
				profile_url: `https://www.linkedin.com/in/${LINUS.providerId}/`,
				confirmed_after_error: expect.any(String),
			});
			expect(lines()).toEqual([
				'POST /api/v1/chats',
				`GET /api/v1/chat_attendees/${LINUS.providerId}/chats?account_id=${ACCOUNT_ID}&limit=250`,
				`GET /api/v1/chats/${message.chat_id}/messages?limit=50`,
			]);
			expect(fake.messageRequests()).toHaveLength(1);
		});

		it('an older message with the same text does not count; not there: safe to run again', async () => {
			fake.seedConversation(ACCOUNT_ID, 'linus-t', 2);
			const [older] = fake.conversation(ACCOUNT_ID, 'linus-t');
			fake.messages.find((m) => m.id === older.id).timestamp = new Date(
				Date.now() - 10 * 60_000,
			).toISOString();
			fake.addFault({ method: 'POST', path: '/api/v1/chats', status: 503 });
			const result = await runNode({
				parameters: send(rl('providerId', LINUS.providerId), { text: older.text }),
				credentials: credentials(),
			});

			expect(result.error?.message).toMatch(
				/It may or may not have gone through \(it was not in the conversation when checked, moments later, but the service may still have been delivering it\): look at the conversation on LinkedIn before running this item again\.$/,
			);
			expect(fake.messageRequests()).toHaveLength(1);
		});

		it('the check cannot read the conversation: it may or may not have gone through', async () => {
			fake.addFault({ method: 'POST', path: '/api/v1/chats', after: true, mode: 'reset' });
			fake.addFault({ method: 'GET', path: /chat_attendees/, status: 403, times: 5 });
			const result = await runNode({
				parameters: send(rl('providerId', LINUS.providerId)),
				credentials: credentials(),
			});

			expect(result.error?.message).toMatch(
				/It may or may not have gone through.*: look at the conversation on LinkedIn before running this item again\.$/,
			);
		});
	});
});

describe('Message → Get Many (Unipile)', () => {
	it('reads the member’s chat page by page, newest first, in the shared fields', async () => {
		fake.seedConversation(ACCOUNT_ID, 'linus-t', 7);
		fake.maxPageSize = 3;
		const result = await runNode({
			parameters: getMany(rl('providerId', LINUS.providerId)),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		const conversation = fake.conversation(ACCOUNT_ID, 'linus-t');
		const chatId = conversation[0].chat_id;
		expect(result.items.map((i) => i.json)).toEqual(
			conversation.map((m) => ({
				message_id: m.id,
				chat_id: chatId,
				text: m.text,
				sent_at: new Date(m.at).toISOString(),
				from_me: m.from_me,
				sender_provider_id: m.from_me ? ADA_MEMBER_ID : LINUS.providerId,
			})),
		);
		expect(Object.keys(result.items[0].json)).toEqual([...MESSAGE_FIELDS]);
		expect(result.items.map((i) => i.json.from_me)).toEqual([
			false,
			true,
			false,
			true,
			false,
			true,
			false,
		]);
		const messagePages = fake.calls('GET', `/api/v1/chats/${chatId}/messages`);
		expect(messagePages.map((r) => r.query)).toEqual([
			{ limit: '250' },
			{ limit: '250', cursor: expect.any(String) },
			{ limit: '250', cursor: expect.any(String) },
		]);
		expect(lines()[0]).toBe(
			`GET /api/v1/chat_attendees/${LINUS.providerId}/chats?account_id=${ACCOUNT_ID}&limit=250`,
		);
	});

	it('asks for no more than the Limit; Simplify off gives the Message objects', async () => {
		fake.seedConversation(ACCOUNT_ID, 'linus-t', 5);
		fake.maxPageSize = 3;
		const result = await runNode({
			parameters: getMany(rl('url', LINUS.url), { returnAll: false, limit: 4, simplify: false }),
			credentials: credentials(),
		});

		expect(result.items).toHaveLength(4);
		expect(result.items[0].json).toMatchObject({
			object: 'Message',
			text: 'Message 5 from Linus',
			is_sender: 0,
		});
		expect(lines()[0]).toBe(`GET /api/v1/users/linus-t?account_id=${ACCOUNT_ID}`);
		expect(fake.calls('GET', /\/messages$/).map((r) => r.query.limit)).toEqual(['4', '1']);
	});

	it('a member never written to: no items', async () => {
		const result = await runNode({
			parameters: getMany(rl('providerId', JULIEN.providerId)),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(lines()).toEqual([
			`GET /api/v1/chat_attendees/${JULIEN.providerId}/chats?account_id=${ACCOUNT_ID}&limit=250`,
		]);
	});

	it('an InMail chat and the 1:1 chat are merged, newest first', async () => {
		fake.seedConversation(ACCOUNT_ID, JULIEN.providerId, 2);
		await runNode({
			parameters: send(rl('providerId', JULIEN.providerId), {
				text: 'By InMail',
				options: { inmail: true },
			}),
			credentials: credentials(),
		});
		fake.requests = [];
		const result = await runNode({
			parameters: getMany(rl('providerId', JULIEN.providerId)),
			credentials: credentials(),
		});

		expect(result.items.map((i) => i.json.text)).toEqual([
			'By InMail',
			'Message 2 from the account',
			'Message 1 from Julien',
		]);
		expect(new Set(result.items.map((i) => i.json.chat_id)).size).toBe(2);
	});
});

/** A ServiceClient reaching the fake as from n8n (test/helpers/directClient.ts). */
function directClient(): ServiceClient {
	return sharedDirectClient(unipileService, { dsn: dsn(), apiKey: UNIPILE_KEY }, 'X-API-KEY');
}

/** Nothing listens here: the fake records what it delivers all the same. */
const NOWHERE = 'http://127.0.0.1:9/webhook/linkedin-connect';

const spec = (events: Array<'invitationAccepted' | 'messageReceived'>) => ({
	accountId: ACCOUNT_ID,
	url: NOWHERE,
	name: 'n8n LinkedIn Connect (wf-1)',
	events,
});

describe('Trigger → Message Received (Unipile webhooks)', () => {
	it('one webhook per event: users for acceptances, messaging for messages', async () => {
		expect(unipileTrigger.webhookGroups?.(['invitationAccepted', 'messageReceived'])).toEqual([
			['invitationAccepted'],
			['messageReceived'],
		]);
		const client = directClient();
		const users = await unipileTrigger.createWebhook(client, spec(['invitationAccepted']));
		const messaging = await unipileTrigger.createWebhook(client, spec(['messageReceived']));

		const bodies = fake.calls('POST', '/api/v1/webhooks').map((r) => r.body);
		const common = {
			request_url: NOWHERE,
			name: 'n8n LinkedIn Connect (wf-1)',
			format: 'json',
			account_ids: [ACCOUNT_ID],
		};
		expect(bodies).toEqual([
			{
				source: 'users',
				...common,
				events: ['new_relation'],
				headers: [
					{ key: 'Content-Type', value: 'application/json' },
					{ key: SECRET_HEADER, value: users.secret },
				],
			},
			{
				source: 'messaging',
				...common,
				events: ['message_received'],
				headers: [
					{ key: 'Content-Type', value: 'application/json' },
					{ key: SECRET_HEADER, value: messaging.secret },
				],
			},
		]);
		expect(users.secret).not.toBe(messaging.secret);
		expect(fake.webhooks.map((w) => [w.id, w.source])).toEqual([
			[users.webhookId, 'users'],
			[messaging.webhookId, 'messaging'],
		]);
	});

	it('refuses to put two events on one webhook, sending nothing', async () => {
		await expect(
			unipileTrigger.createWebhook(directClient(), spec(['invitationAccepted', 'messageReceived'])),
		).rejects.toThrow(/exactly one event/);
		expect(fake.requests).toHaveLength(0);
	});

	it('a member’s message is read in the shared fields; the key is its message_id', async () => {
		await unipileTrigger.createWebhook(directClient(), spec(['messageReceived']));
		await unipileTrigger.createWebhook(directClient(), spec(['invitationAccepted']));
		const deliveries = await fake.simulateReply('linus-t', ACCOUNT_ID, 'Glad to connect!');

		expect(deliveries).toHaveLength(1);
		const { body, headers } = deliveries[0];
		expect((headers as Record<string, string>)[SECRET_HEADER]).toEqual(expect.any(String));
		const [message] = fake.conversation(ACCOUNT_ID, 'linus-t');
		const found = unipileTrigger.messagesIn(body, ACCOUNT_ID);
		expect(found).toEqual({
			messages: [
				{
					provider_id: LINUS.providerId,
					full_name: 'Linus Torvalds',
					profile_url: `https://www.linkedin.com/in/${LINUS.providerId}/`,
					chat_id: message.chat_id,
					message_id: message.id,
					text: 'Glad to connect!',
					sent_at: new Date(message.at).toISOString(),
				},
			],
		});
		expect(Object.keys(found.messages[0])).toEqual([...RECEIVED_MESSAGE_FIELDS]);
		expect(unipileTrigger.deliveryKey({ body, header: () => undefined })).toBe(
			`message_received:${ACCOUNT_ID}:${message.id}`,
		);
		expect(unipileTrigger.acceptancesIn(body, ACCOUNT_ID)).toEqual({ members: [] });
		expect(unipileTrigger.messagesIn(body, 'acc_alan_founder')).toEqual({ messages: [] });
	});

	it('the account’s own messages are delivered too, and left out', async () => {
		await unipileTrigger.createWebhook(directClient(), spec(['messageReceived']));
		await runNode({
			parameters: send(rl('providerId', LINUS.providerId), { text: 'Sent from n8n' }),
			credentials: credentials(),
		});
		const deliveries = await fake.deliveriesSettled();

		expect(deliveries).toHaveLength(1);
		expect(deliveries[0].body).toMatchObject({
			event: 'message_received',
			message: 'Sent from n8n',
			account_info: { user_id: ADA_MEMBER_ID },
			sender: { attendee_provider_id: ADA_MEMBER_ID },
		});
		expect(unipileTrigger.messagesIn(deliveries[0].body, ACCOUNT_ID)).toEqual({ messages: [] });
	});

	it('a delivery without account_info starts nothing (it may be our own), with a warning', async () => {
		await unipileTrigger.createWebhook(directClient(), spec(['messageReceived']));
		const [{ body }] = await fake.simulateReply('linus-t');
		const withoutInfo: IDataObject = { ...body };
		delete withoutInfo.account_info;

		const found = unipileTrigger.messagesIn(withoutInfo, ACCOUNT_ID);
		expect(found.messages).toHaveLength(0);
		expect(found.warning).toMatch(/no account_info\.user_id/);
	});

	it('an acceptance goes to the users webhook only, and holds no message', async () => {
		await unipileTrigger.createWebhook(directClient(), spec(['messageReceived']));
		await unipileTrigger.createWebhook(directClient(), spec(['invitationAccepted']));
		const deliveries = await fake.simulateAcceptance(JULIEN.publicIdentifier);

		expect(deliveries.map((d: { body: IDataObject }) => d.body.event)).toEqual(['new_relation']);
		expect(unipileTrigger.messagesIn(deliveries[0].body, ACCOUNT_ID)).toEqual({ messages: [] });
		expect(unipileTrigger.acceptancesIn(deliveries[0].body, ACCOUNT_ID).members).toHaveLength(1);
		expect(unipileTrigger.deliveryKey({ body: deliveries[0].body, header: () => undefined })).toBe(
			`new_relation:${ACCOUNT_ID}:${JULIEN.providerId}`,
		);
	});
});

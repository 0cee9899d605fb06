/**
 * Send Message on every service, through n8n-core's engine against the fakes: a message to a
 * connection is sent once and continues the conversation; a non-connection fails or becomes
 * `not_connected`; a repeated member in one run is written to once; bad text sends nothing; a lost
 * answer is checked in the conversation and never resent.
 */
import { runNode } from '../helpers/engine';
import { linkedInConnectNode, rowsNode, runWorkflow } from '../helpers/workflow';
import { expectNoSecret } from '../helpers/assertions';
import { rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { messagingOf } from './fakes';

const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	id: 'ACoAADDDlinusTorvalds00000000000000000000',
};
const MARIE_URL = 'https://www.linkedin.com/in/marie-curie/';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const fake = messagingOf(service);
	const send = async (
		profile: unknown,
		text: unknown = 'Thanks for connecting!',
		options = {},
		items?: object[],
	) =>
		await runNode({
			parameters: service.params('message', 'send', {
				profile: profile as never,
				text: text as never,
				options,
			}),
			credentials: service.credentials(baseUrl()),
			items: items as never,
			onError: 'continueRegularOutput',
		});

	it('a message to a connection is sent once: status sent, its ids, the member', async () => {
		const result = await send(rl('url', LINUS.url), 'Thanks for connecting, Linus!');

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			profile_url: expect.stringMatching(/linkedin\.com\/in\//),
		});
		// Services that look the member up name them; LinkupAPI's answer does not (a lookup costs a credit).
		if (service.looksUpFirst) expect(result.items[0].json.provider_id).toBe(LINUS.id);
		expect(result.items[0].json).toHaveProperty('chat_id');
		expect(result.items[0].json).toHaveProperty('message_id');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(fake.messageRequests()).toHaveLength(1);
		const [newest] = fake.conversation(service.accountId, 'linus-t');
		expect(newest).toMatchObject({ text: 'Thanks for connecting, Linus!', from_me: true });
		expectNoSecret(result, service.key);
	});

	it('a second message in a later run continues the same conversation', async () => {
		const first = await send(rl('providerId', LINUS.id), 'First');
		const second = await send(rl('url', LINUS.url), 'Second');

		expect(second.items[0].json.status).toBe('sent');
		const chats = new Set(fake.conversation(service.accountId, 'linus-t').map((m) => m.chat_id));
		expect(chats.size).toBe(1);
		if (first.items[0].json.chat_id && second.items[0].json.chat_id)
			expect(second.items[0].json.chat_id).toBe(first.items[0].json.chat_id);
		expect(fake.conversation(service.accountId, 'linus-t').map((m) => m.text)).toEqual([
			'Second',
			'First',
		]);
	});

	it('the text is an expression of each item', async () => {
		const result = await send(
			rl('url', '={{ $json.url }}'),
			'=Thanks for connecting, {{ $json.first_name }}!',
			{},
			[{ url: LINUS.url, first_name: 'Linus' }],
		);
		expect(result.items[0].json.status).toBe('sent');
		expect(fake.conversation(service.accountId, 'linus-t')[0].text).toBe(
			'Thanks for connecting, Linus!',
		);
	});

	it('a member who is not a connection: the refusal by default, status not_connected when asked', async () => {
		const failed = await send(rl('url', MARIE_URL));
		expect(failed.items[0].json).toMatchObject({
			error: expect.stringMatching(/connection/i),
			code: expect.any(String),
		});
		expect(fake.conversation(service.accountId, 'marie-curie')).toEqual([]);

		const status = await send(rl('url', MARIE_URL), 'Hi', { ifNotConnected: 'returnStatus' });
		expect(status.items[0].json).toMatchObject({
			status: 'not_connected',
			chat_id: null,
			message_id: null,
			reason: expect.any(String),
		});
		expect(fake.conversation(service.accountId, 'marie-curie')).toEqual([]);
	});

	it('the same member twice in one run gets one message (skipped_repeat)', async () => {
		// A URL and a member id meet where the service looked the member up (LinkupAPI never does).
		const rows = [
			{ profile: LINUS.url },
			{ profile: 'https://www.linkedin.com/in/linus-t?trk=public_profile' },
			...(service.looksUpFirst ? [{ profile: LINUS.id }] : []),
		];
		const result = await send(rl('url', '={{ $json.profile }}'), 'Hello', {}, rows);

		expect(result.items.map((item) => item.json.status)).toEqual([
			'sent',
			...rows.slice(1).map(() => 'skipped_repeat'),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
		expect(fake.messageRequests()).toHaveLength(1);
	});

	// From a sheet or a CRM: an expression (n8n itself refuses a required field left empty).
	it.each([
		['empty', '', /'Text' is empty/],
		['only spaces', '   ', /'Text' is empty/],
		['missing', undefined, /'Text' is empty/],
		['over the limit', 'x'.repeat(8001), /'Text' is 8001 characters long; .* at most \d+/],
	])('a text that is %s fails its item and sends nothing', async (_label, text, message) => {
		const result = await send(rl('url', LINUS.url), '={{ $json.note }}', {}, [{ note: text }]);

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(message),
			code: 'INPUT',
		});
		expect(service.fake.requests).toHaveLength(0);
	});

	it('a lost answer after the message went through: checked, reported sent, never resent', async () => {
		service.fake.addFault({ ...service.messageSendFault, mode: 'reset', after: true });
		const result = await send(rl('providerId', LINUS.id), 'Lost but delivered');

		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			confirmed_after_error: expect.any(String),
		});
		expect(fake.messageRequests()).toHaveLength(1);
		expect(fake.conversation(service.accountId, 'linus-t').map((m) => m.text)).toEqual([
			'Lost but delivered',
		]);
	});

	it('a lost answer before it went through: checked, said uncertain (it may still be on its way), never resent', async () => {
		service.fake.addFault({ ...service.messageSendFault, mode: 'reset' });
		const result = await send(rl('providerId', LINUS.id), 'Never arrived');

		expect(result.items[0].json.error).toMatch(
			/It may or may not have gone through \(it was not in the conversation when checked, moments later, but the service may still have been delivering it\): look at the conversation on LinkedIn before running this item again\.$/,
		);
		expect(fake.messageRequests()).toHaveLength(1);
		expect(fake.conversation(service.accountId, 'linus-t')).toEqual([]);
	});

	it("n8n's Retry On Fail runs the node again: the members already written to get skipped_repeat", async () => {
		for (const member of ['sam-sales', 'jérôme-dupont'])
			fake.seedConversation(service.accountId, member, 0);
		// The second message is refused once (a rate limit): the node fails and n8n runs it again.
		service.fake.addFault({
			...service.messageSendFault,
			status: 429,
			body: service.transientBody(429),
			skip: 1,
		});
		const credentials = service.credentials(baseUrl());
		const workflow = await runWorkflow(
			[
				rowsNode(
					['linus-t', 'sam-sales', 'jérôme-dupont'].map((slug) => ({
						linkedin: `https://www.linkedin.com/in/${slug}/`,
					})),
					'Send Message',
				),
				linkedInConnectNode(
					'Send Message',
					service.params('message', 'send', {
						profile: rl('url', '={{ $json.linkedin }}'),
						text: 'Hello again',
						options: {},
					}),
					credentials,
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
				),
			],
			credentials,
		);

		expect(workflow.run.data.resultData.error).toBeUndefined();
		expect(workflow.output('Send Message').map((item) => item.json.status)).toEqual([
			'skipped_repeat',
			'sent',
			'sent',
		]);
		for (const member of ['linus-t', 'sam-sales', 'jérôme-dupont'])
			expect(fake.conversation(service.accountId, member).filter((m) => m.from_me)).toHaveLength(1);
	});

	it('a row whose message may have gone out (answer lost, check unsure): a later row for the member sends nothing', async () => {
		service.fake.addFault({ ...service.messageSendFault, mode: 'reset' });
		const result = await send(rl('url', '={{ $json.profile }}'), 'Hello', {}, [
			{ profile: LINUS.url },
			{ profile: LINUS.url },
		]);

		expect(result.items[0].json).toMatchObject({ code: 'UNCERTAIN' });
		expect(result.items[1].json).toMatchObject({
			status: 'skipped_repeat',
			reason: expect.stringMatching(/may have gone out/),
		});
		expect(fake.messageRequests()).toHaveLength(1);
	});
});

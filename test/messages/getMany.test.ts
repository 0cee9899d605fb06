/**
 * Message → Get Many on every service: the conversation with a member newest first, in the same
 * fields everywhere, read across pages, Return All or Limit, `from_me` telling who wrote.
 */
import { MESSAGE_FIELDS } from '../../nodes/core/services/results';
import { runNode } from '../helpers/engine';
import { rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { messagingOf } from './fakes';

const LINUS_URL = 'https://www.linkedin.com/in/linus-t/';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const fake = messagingOf(service);
	const getMany = async (profile: unknown, extra = {}) =>
		await runNode({
			parameters: service.params('message', 'getMany', { profile: profile as never, ...extra }),
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});

	it('Return All reads every page: newest first, the shared fields, from_me alternating', async () => {
		fake.seedConversation(service.accountId, 'linus-t', 7);
		service.fake.maxPageSize = 3;
		const result = await getMany(rl('url', LINUS_URL), { returnAll: true });

		const expected = fake.conversation(service.accountId, 'linus-t');
		expect(expected).toHaveLength(7);
		expect(result.items.map((item) => item.json.text)).toEqual(expected.map((m) => m.text));
		for (const item of result.items) expect(Object.keys(item.json)).toEqual([...MESSAGE_FIELDS]);
		expect(result.items.map((item) => item.json.from_me)).toEqual(expected.map((m) => m.from_me));
		const times = result.items.map((item) => Date.parse(String(item.json.sent_at)));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(
			result.items.every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);
	});

	it('Limit stops reading once it has enough', async () => {
		fake.seedConversation(service.accountId, 'linus-t', 7);
		service.fake.maxPageSize = 3;
		const result = await getMany(rl('url', LINUS_URL), { returnAll: false, limit: 2 });

		expect(result.items.map((item) => item.json.text)).toEqual(
			fake
				.conversation(service.accountId, 'linus-t')
				.slice(0, 2)
				.map((m) => m.text),
		);
	});

	it("a member's reply shows as from_me false, with the member as sender", async () => {
		fake.seedConversation(service.accountId, 'linus-t', 2);
		await fake.simulateReply('linus-t', service.accountId, 'Sounds good!');
		const result = await getMany(rl('url', LINUS_URL), { returnAll: true });

		expect(result.items[0].json).toMatchObject({ text: 'Sounds good!', from_me: false });
	});

	it('no conversation with the member: no items, no error', async () => {
		const result = await getMany(rl('url', 'https://www.linkedin.com/in/marie-curie/'), {
			returnAll: true,
		});
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		expect(result.items).toHaveLength(0);
	});
});

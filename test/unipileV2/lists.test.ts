/**
 * Unipile API v2 lists through n8n-core's engine against the v2 fake: Get Many Sent and Received
 * (GET /v2/{account}/users/me/relation-requests?type=…) and the connections (GET
 * /v2/{account}/users/me/relations), with Return All and Limit, paged by `next_cursor` or, when the
 * answer has none, by `offset` up to `total_count`; items in the shared field names.
 */
import { daysSince } from '../../nodes/core/shared/values';
import { rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { runV2, V2_ACCOUNT, V2_KEY, v2Credentials, v2Params } from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const credentials = () => v2Credentials(baseUrl());
const REQUESTS = `/v2/${V2_ACCOUNT}/users/me/relation-requests`;
const RELATIONS = `/v2/${V2_ACCOUNT}/users/me/relations`;
const DAY = 24 * 60 * 60 * 1000;

const list = async (resource: string, operation: string, extra = {}) =>
	await runV2({ parameters: v2Params(resource, operation, extra), credentials: credentials() });

describe('Invitation → Get Many Sent (Unipile v2)', () => {
	it('Return All reads every page by next_cursor, 100 at a time', async () => {
		fake.seedSentInvitations(230);
		const result = await list('invitation', 'getManySent', { returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(230);
		expect(fake.requests.map((r) => [r.method, r.path])).toEqual(Array(3).fill(['GET', REQUESTS]));
		expect(fake.requests.map((r) => r.query)).toEqual([
			{ type: 'sent', limit: '100' },
			{ type: 'sent', limit: '100', cursor: expect.any(String) },
			{ type: 'sent', limit: '100', cursor: expect.any(String) },
		]);
	});

	it('Limit asks for just that many', async () => {
		fake.seedSentInvitations(30);
		const result = await list('invitation', 'getManySent', { returnAll: false, limit: 7 });

		expect(result.items).toHaveLength(7);
		expect(fake.requests.map((r) => r.query)).toEqual([{ type: 'sent', limit: '7' }]);
	});

	it('a host that gives no next_cursor is paged by offset up to total_count', async () => {
		fake.cursorPaging = false;
		fake.seedSentInvitations(230);
		const result = await list('invitation', 'getManySent', { returnAll: true });

		expect(result.items).toHaveLength(230);
		expect(fake.requests.map((r) => r.query)).toEqual([
			{ type: 'sent', limit: '100' },
			{ type: 'sent', limit: '100', offset: '100' },
			{ type: 'sent', limit: '100', offset: '200' },
		]);
	});

	it('a host that ignores offset (the same page again) ends the list instead of looping', async () => {
		fake.cursorPaging = false;
		fake.seedSentInvitations(150);
		// The second page, asked by offset, answered with the first page again.
		const first = await fake.route({
			method: 'GET',
			path: REQUESTS,
			query: { type: 'sent', limit: '100' },
			body: undefined,
		});
		fake.addFault({ path: REQUESTS, match: 'offset=100', status: 200, body: first[1], times: 5 });
		const result = await list('invitation', 'getManySent', { returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100);
		expect(fake.requests).toHaveLength(2);
	});

	it('items in the shared field names; Older Than keeps only the old ones', async () => {
		await runV2({
			parameters: v2Params('invitation', 'send', {
				profile: rl('publicIdentifier', 'marie-curie'),
				message: 'Hello Marie',
			}),
			credentials: credentials(),
		});
		fake.seedSentInvitations(2, { sentAt: new Date(Date.now() - 20 * DAY) });
		fake.requests.length = 0;
		const all = await list('invitation', 'getManySent', { returnAll: true });
		const old = await list('invitation', 'getManySent', {
			returnAll: true,
			filters: { olderThanDays: 14 },
		});

		const marie = fake.invitations[0];
		expect(all.items[0].json).toEqual({
			invitation_id: marie.id,
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
			public_identifier: 'marie-curie',
			profile_url: 'https://www.linkedin.com/in/marie-curie/',
			full_name: 'Marie Curie',
			headline: 'Head of Research',
			sent_at: marie.created_at,
			sent_days_ago: 0,
			message: 'Hello Marie',
		});
		expect(old.items.map((i) => i.json.public_identifier)).toEqual([
			'seeded-member-2',
			'seeded-member-1',
		]);
		expect(old.items[0].json.sent_days_ago).toBe(daysSince(fake.invitations[2].created_at));
	});

	it('Simplify off gives the RelationRequest items as Unipile sent them', async () => {
		fake.seedSentInvitations(1);
		const result = await list('invitation', 'getManySent', { returnAll: true, simplify: false });

		expect(result.items[0].json).toMatchObject({
			object: 'RelationRequest',
			type: 'sent',
			id: fake.invitations[0].id,
			user: { object: 'User', id: fake.invitations[0].provider_id },
		});
	});
});

describe('Invitation → Get Many Received (Unipile v2)', () => {
	it('type=received, newest first, in the shared field names (no shared secret in v2)', async () => {
		const result = await list('invitation', 'getManyReceived', { returnAll: true });

		expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
			[REQUESTS, { type: 'received', limit: '100' }],
		]);
		expect(result.items.map((i) => i.json)).toEqual([
			{
				invitation_id: fake.received[1].id,
				provider_id: 'ACoAAGGGkatherineJohnson00000000000000',
				public_identifier: 'katherine-johnson',
				profile_url: 'https://www.linkedin.com/in/katherine-johnson/',
				full_name: 'Katherine Johnson',
				headline: 'Mathematician',
				sent_at: '2026-11-21T15:30:00.000Z',
				sent_days_ago: daysSince('2026-11-21T15:30:00.000Z'),
				message: null,
			},
			expect.objectContaining({
				invitation_id: fake.received[0].id,
				public_identifier: 'rosalind-franklin',
				message: 'Hello Ada, I read your notes on the engine.',
			}),
		]);
	});

	it('Limit 1 reads one', async () => {
		const result = await list('invitation', 'getManyReceived', { returnAll: false, limit: 1 });

		expect(result.items).toHaveLength(1);
		expect(fake.requests[0].query).toEqual({ type: 'received', limit: '1' });
	});
});

describe('Connection → Get Many (Unipile v2)', () => {
	it('GET …/users/me/relations, in the shared field names', async () => {
		const result = await list('relation', 'getMany', { returnAll: true });

		expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', RELATIONS, { limit: '100' }],
		]);
		expect(result.items.map((i) => i.json)).toEqual([
			{
				provider_id: 'ACoAADDDlinusTorvalds00000000000000000000',
				public_identifier: 'linus-t',
				profile_url: 'https://www.linkedin.com/in/linus-t/',
				full_name: 'Linus Torvalds',
				first_name: 'Linus',
				last_name: 'Torvalds',
				headline: 'Maintainer',
				connected_at: '2025-06-01T08:00:00.000Z',
			},
		]);
	});

	it('Search goes to Unipile as `search`', async () => {
		const result = await list('relation', 'getMany', {
			returnAll: true,
			options: { relationSearch: ' linus ' },
		});

		expect(fake.requests[0].query).toEqual({ search: 'linus', limit: '100' });
		expect(result.items).toHaveLength(1);
	});

	it('Return All pages; Limit stops early', async () => {
		for (const slug of ['julien-crepieux', 'marie-curie', 'sam-sales', 'barbara-liskov'])
			await fake.simulateAcceptance(slug, V2_ACCOUNT);
		fake.maxPageSize = 2;
		const all = await list('relation', 'getMany', { returnAll: true });
		const some = await list('relation', 'getMany', { returnAll: false, limit: 3 });

		expect(all.items.map((i) => i.json.public_identifier)).toEqual([
			'barbara-liskov',
			'sam-sales',
			'marie-curie',
			'julien-crepieux',
			'linus-t',
		]);
		expect(some.items).toHaveLength(3);
		expect(fake.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: expect.any(String) },
			{ limit: '100', cursor: expect.any(String) },
			{ limit: '3' },
			{ limit: '1', cursor: expect.any(String) },
		]);
	});
});

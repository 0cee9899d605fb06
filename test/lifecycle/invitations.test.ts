/**
 * The invitation lifecycle through n8n-core's engine against both fakes, which keep state: a sent
 * invitation becomes listable, a withdrawal removes it, an accepted one becomes a connection.
 * Lists: exact requests, every page with Return All, Limit stopping early, Older Than on the node
 * side, the same field names for both services; ids from list items feed the next operation.
 */
import type { INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { servicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
const DAY = 24 * 60 * 60 * 1000;

/** The field names every list item has, whatever the service. */
const SENT_FIELDS = [
	'invitation_id',
	'public_identifier',
	'profile_url',
	'full_name',
	'headline',
	'sent_at',
	'sent_days_ago',
	'message',
];

describe.each(servicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const unipile = service.fake instanceof FakeUnipile ? service.fake : undefined;
	const linkup = service.fake instanceof FakeLinkup ? service.fake : undefined;
	const run = async (
		resource: string,
		operation: string,
		extra: INodeParameters = {},
		more: Partial<Parameters<typeof runNode>[0]> = {},
	) =>
		await runNode({
			parameters: service.params(resource, operation, extra),
			credentials: service.credentials(baseUrl()),
			...more,
		});
	const seedSent = (count: number, daysAgo = 0) =>
		service.fake.seedSentInvitations(count, {
			sentAt: new Date(Date.now() - daysAgo * DAY),
		});
	/** Requests that read a list, with their page parameters. */
	const listCalls = (action: string) =>
		unipile
			? unipile
					.calls('GET')
					.filter((r) =>
						r.path.endsWith(
							action === 'list_sent'
								? '/invite/sent'
								: action === 'list_invitations'
									? '/invite/received'
									: '/relations',
						),
					)
			: linkup!.calls('POST', '/v2/network').filter((r) => r.body.action === action);

	describe('Get Many Sent', () => {
		it('returns what Send just sent, with the shared field names, newest first', async () => {
			await run('invitation', 'send', { profile: rl('url', JULIEN.url), message: 'Hi!' });
			await run('invitation', 'send', { profile: rl('providerId', MARIE_ID) });
			const result = await run('invitation', 'getManySent', { returnAll: true });

			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json.public_identifier)).toEqual([
				'marie-curie',
				'julien-crepieux',
			]);
			for (const item of result.items) {
				expect(Object.keys(item.json)).toEqual(expect.arrayContaining(SENT_FIELDS));
				expect(item.pairedItem).toEqual({ item: 0 });
			}
			expect(result.items[1].json).toMatchObject({
				full_name: 'Julien Crepieux',
				profile_url: JULIEN.url,
				sent_days_ago: 0,
			});
			expectNoSecret(result, service.key);
		});

		it('Return All reads every page', async () => {
			seedSent(7);
			service.fake.maxPageSize = 3;
			const result = await run('invitation', 'getManySent', { returnAll: true });

			expect(result.items).toHaveLength(7);
			expect(listCalls('list_sent')).toHaveLength(3);
			expect(new Set(result.items.map((i) => i.json.invitation_id)).size).toBe(7);
		});

		it('Limit stops as soon as it has enough, asking for no more than needed', async () => {
			seedSent(7);
			service.fake.maxPageSize = 3;
			const result = await run('invitation', 'getManySent', { returnAll: false, limit: 4 });

			expect(result.items).toHaveLength(4);
			const calls = listCalls('list_sent');
			expect(calls).toHaveLength(2);
			const sizes = calls.map((r) => Number(unipile ? r.query.limit : r.body.params.count));
			expect(sizes).toEqual([4, 1]);
		});

		it('Older Than (Days) keeps only the stale ones, reading every page to find them', async () => {
			seedSent(3, 20);
			seedSent(2, 15);
			seedSent(4, 2);
			service.fake.maxPageSize = 4;
			const result = await run('invitation', 'getManySent', {
				returnAll: true,
				filters: { olderThanDays: 14 },
			});

			expect(result.items).toHaveLength(5);
			for (const item of result.items) expect(item.json.sent_days_ago).toBeGreaterThanOrEqual(14);
			expect(listCalls('list_sent')).toHaveLength(3);
		});

		it('Simplify off returns the service items as they came', async () => {
			seedSent(1);
			const result = await run('invitation', 'getManySent', { returnAll: true, simplify: false });

			expect(result.items[0].json).toHaveProperty(unipile ? 'invited_user_id' : 'entity_urn');
		});

		it('a negative Older Than is refused before any request', async () => {
			const result = await run('invitation', 'getManySent', {
				returnAll: true,
				filters: { olderThanDays: -3 },
			});

			expect(result.error?.message).toMatch(
				/^'Older Than \(Days\)' must be a number of days from 0, but it is -3/,
			);
			expect(service.fake.requests).toHaveLength(0);
		});
	});

	describe('Withdraw', () => {
		it('Get Many Sent (older than 14 days) → Withdraw: the default expression maps each id', async () => {
			seedSent(2, 20);
			seedSent(1, 1);
			const stale = await run('invitation', 'getManySent', {
				returnAll: true,
				filters: { olderThanDays: 14 },
			});
			// The next node receives Get Many Sent's items; its Invitation ID keeps its default expression.
			const withdrawn = await run(
				'invitation',
				'withdraw',
				{},
				{
					items: stale.items.map((i) => i.json),
				},
			);

			expect(withdrawn.error).toBeUndefined();
			expect(withdrawn.items.map((i) => i.json)).toEqual(
				stale.items.map((i) =>
					expect.objectContaining({ invitation_id: i.json.invitation_id, status: 'withdrawn' }),
				),
			);
			expect(withdrawn.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			const left = await run('invitation', 'getManySent', { returnAll: true });
			expect(left.items).toHaveLength(1);
		});

		it('an empty invitation id fails its item before any request, naming the field and the fix', async () => {
			const result = await run('invitation', 'withdraw', {}, { items: [{}] });

			expect(result.error?.message).toBe(
				"'Invitation ID' is empty. Map it from Get Many Sent's invitation_id (the default expression {{ $json.invitation_id }} does when this node follows it). Nothing was sent.",
			);
			expect(service.fake.requests).toHaveLength(0);
		});

		it('an invitation that is no longer pending is reported by the service', async () => {
			const result = await run('invitation', 'withdraw', {
				invitationId: unipile ? '123456' : 'urn:li:invitation:123456',
			});

			expect(result.error?.message).toMatch(unipile ? /resource_not_found/ : /CHANNEL_ERROR/);
		});

		it('is never retried, even after an outage (running it again is safe)', async () => {
			seedSent(1);
			service.fake.addFault({
				...(unipile
					? { path: /^\/api\/v1\/users\/invite\/sent\// }
					: { path: '/v2/network', match: '"withdraw"' }),
				status: 503,
				body: service.transientBody(503),
			});
			const listed = await run('invitation', 'getManySent', { returnAll: true });
			const result = await run('invitation', 'withdraw', {}, { items: [listed.items[0].json] });

			expect(result.error).toBeDefined();
			const withdrawals = unipile
				? unipile.calls('DELETE')
				: linkup!.calls('POST', '/v2/network').filter((r) => r.body.action === 'withdraw');
			expect(withdrawals).toHaveLength(1);
		});
	});

	describe('Get Many Received → Accept / Decline', () => {
		it('lists received invitations with what Accept needs; Accept and Decline take them as they are', async () => {
			const received = await run('invitation', 'getManyReceived', { returnAll: true });

			expect(received.items.map((i) => i.json.public_identifier)).toEqual([
				'katherine-johnson',
				'rosalind-franklin',
			]);
			for (const item of received.items) {
				expect(item.json).toMatchObject({
					invitation_id: expect.any(String),
					shared_secret: expect.any(String),
					full_name: expect.any(String),
					profile_url: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//),
					sent_at: expect.any(String),
				});
			}
			// LinkupAPI's list_invitations example items carry no note (docs' network/list-invitations).
			expect(received.items[1].json.message).toBe(
				unipile ? 'Hello Ada, I read your notes on the engine.' : null,
			);

			const [katherine, rosalind] = received.items.map((i) => i.json);
			const accepted = await run('invitation', 'accept', {}, { items: [rosalind] });
			const declined = await run('invitation', 'decline', {}, { items: [katherine] });

			expect(accepted.items[0].json).toMatchObject({
				invitation_id: rosalind.invitation_id,
				status: 'accepted',
			});
			expect(declined.items[0].json).toMatchObject({
				invitation_id: katherine.invitation_id,
				status: 'declined',
			});
			const connections = await run('relation', 'getMany', { returnAll: true });
			expect(connections.items.map((i) => i.json.public_identifier)).toEqual([
				'rosalind-franklin',
				'linus-t',
			]);
			expect((await run('invitation', 'getManyReceived', { returnAll: true })).items).toHaveLength(
				0,
			);
			expectNoSecret(accepted, service.key);
		});

		it('a wrong shared secret is refused by the service; nothing changes', async () => {
			const received = await run('invitation', 'getManyReceived', { returnAll: true });
			const result = await run(
				'invitation',
				'accept',
				{ sharedSecret: 'not-the-secret' },
				{ items: [received.items[0].json] },
			);

			expect(result.error).toBeDefined();
			expect((await run('relation', 'getMany', { returnAll: true })).items).toHaveLength(1);
		});

		it('a missing shared secret fails before any request', async () => {
			const result = await run('invitation', 'accept', {}, { items: [{ invitation_id: '42' }] });

			expect(result.error?.message).toMatch(
				/^'Shared Secret' is empty\. Map it from Get Many Received's shared_secret/,
			);
			expect(service.fake.requests).toHaveLength(0);
		});
	});

	describe('Get Status', () => {
		it.each([
			['linus-t', 'connected', 1],
			['rosalind-franklin', 'pending_received', 2],
			['marie-curie', 'none', 2],
		])('%s → %s', async (slug, status, distance) => {
			const result = await run('invitation', 'getStatus', {
				profile: rl('publicIdentifier', slug),
			});

			expect(result.items[0].json).toMatchObject({
				invitation_status: status,
				network_distance: distance,
				public_identifier: slug,
				profile_url: `https://www.linkedin.com/in/${slug}/`,
			});
			// Unipile reads the profile (a view, no credit); LinkupAPI asks check_invitation (a credit).
			if (linkup) expect(result.items[0].json.credits_consumed).toBe(1);
			expect(service.fake.requests).toHaveLength(1);
		});

		it('after Send: pending_sent', async () => {
			await run('invitation', 'send', { profile: rl('providerId', MARIE_ID) });
			const result = await run('invitation', 'getStatus', { profile: rl('providerId', MARIE_ID) });

			expect(result.items[0].json.invitation_status).toBe('pending_sent');
		});
	});

	describe('Get My Profile', () => {
		it("returns the account's own profile in shared field names", async () => {
			const result = await run('profile', 'getMe');

			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				provider_id: expect.stringMatching(/^ACo/),
				public_identifier: expect.any(String),
				profile_url: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//),
				full_name: expect.stringMatching(/^Ada Lovelace$/),
				first_name: 'Ada',
			});
			expect(service.fake.requests).toHaveLength(1);
		});
	});

	describe('Connections → Get Many', () => {
		it('newest first, with Limit and Return All across pages', async () => {
			await run('invitation', 'send', { profile: rl('providerId', MARIE_ID) });
			service.fake.acceptSentInvitation(unipile ? MARIE_ID : 'marie-curie');
			service.fake.maxPageSize = 1;
			const all = await run('relation', 'getMany', { returnAll: true });
			const first = await run('relation', 'getMany', { returnAll: false, limit: 1 });

			expect(all.items.map((i) => i.json.public_identifier)).toEqual(['marie-curie', 'linus-t']);
			expect(all.items[0].json).toMatchObject({
				full_name: 'Marie Curie',
				profile_url: 'https://www.linkedin.com/in/marie-curie/',
				headline: 'Head of Research',
			});
			if (unipile) expect(all.items[0].json.provider_id).toBe(MARIE_ID);
			expect(first.items).toHaveLength(1);
			expect(listCalls('list_connections')).toHaveLength(3);
			// The accepted invitation left the sent list.
			expect((await run('invitation', 'getManySent', { returnAll: true })).items).toHaveLength(0);
		});
	});
});

describe('Unipile only', () => {
	const [unipile] = servicesUnderTest();
	const fake = unipile.fake as FakeUnipile;
	const baseUrl = useFake(fake);

	it('Connections: the Name Filter is sent as Unipile filter', async () => {
		const result = await runNode({
			parameters: unipile.params('relation', 'getMany', {
				returnAll: true,
				options: { nameFilter: ' Linus ' },
			}),
			credentials: unipile.credentials(baseUrl()),
		});

		expect(fake.requests[0].query).toMatchObject({ filter: 'Linus', limit: '1000' });
		expect(result.items.map((i) => i.json.public_identifier)).toEqual(['linus-t']);
	});

	it('Get Status: a withdrawn invitation says so (LinkedIn blocks re-inviting for a while)', async () => {
		const credentials = unipile.credentials(baseUrl());
		await runNode({
			parameters: unipile.params('invitation', 'send', { profile: rl('providerId', MARIE_ID) }),
			credentials,
		});
		await runNode({
			parameters: unipile.params('invitation', 'withdraw', {
				invitationId: fake.invitations[0].id,
			}),
			credentials,
		});
		const result = await runNode({
			parameters: unipile.params('invitation', 'getStatus', {
				profile: rl('providerId', MARIE_ID),
			}),
			credentials,
		});

		expect(result.items[0].json.invitation_status).toBe('withdrawn');
	});
});

describe('exact requests', () => {
	const [unipile, linkup] = servicesUnderTest();
	const unipileUrl = useFake(unipile.fake);
	const linkupUrl = useFake(linkup.fake);

	it('Unipile: withdraw, accept and decline as the v1 reference documents them', async () => {
		const credentials = unipile.credentials(unipileUrl());
		const fake = unipile.fake as FakeUnipile;
		const [katherine, rosalind] = fake.received;
		await runNode({
			parameters: unipile.params('invitation', 'accept', {
				invitationId: katherine.id,
				sharedSecret: katherine.shared_secret,
			}),
			credentials,
		});
		await runNode({
			parameters: unipile.params('invitation', 'decline', {
				invitationId: rosalind.id,
				sharedSecret: rosalind.shared_secret,
			}),
			credentials,
		});
		fake.seedSentInvitations(1);
		const sentId = fake.invitations[0].id;
		await runNode({
			parameters: unipile.params('invitation', 'withdraw', { invitationId: sentId }),
			credentials,
		});

		expect(fake.requests.map((r) => [r.method, r.rawUrl, r.body])).toEqual([
			[
				'POST',
				`/api/v1/users/invite/received/${katherine.id}`,
				{
					provider: 'LINKEDIN',
					shared_secret: katherine.shared_secret,
					account_id: 'acc_ada_sales',
					action: 'accept',
				},
			],
			[
				'POST',
				`/api/v1/users/invite/received/${rosalind.id}`,
				{
					provider: 'LINKEDIN',
					shared_secret: rosalind.shared_secret,
					account_id: 'acc_ada_sales',
					action: 'decline',
				},
			],
			['DELETE', `/api/v1/users/invite/sent/${sentId}?account_id=acc_ada_sales`, undefined],
		]);
	});

	it('LinkupAPI: each action in the /v2/network envelope as its page shows it; list filters passed on', async () => {
		const credentials = linkup.credentials(linkupUrl());
		const fake = linkup.fake as FakeLinkup;
		const [katherine] = fake.received;
		await runNode({
			parameters: linkup.params('invitation', 'accept', {
				invitationId: katherine.entity_urn,
				sharedSecret: katherine.shared_secret,
			}),
			credentials,
		});
		await runNode({
			parameters: linkup.params('invitation', 'getManySent', {
				returnAll: false,
				limit: 5,
				options: { invitationType: 'ORGANIZATION' },
			}),
			credentials,
		});
		await runNode({
			parameters: linkup.params('invitation', 'withdraw', { invitationId: 'urn:li:invitation:1' }),
			credentials,
		});

		expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/v2/network',
				{
					account_id: 'acc_linkup_ada',
					action: 'accept',
					params: { entity_urn: katherine.entity_urn, shared_secret: katherine.shared_secret },
				},
			],
			[
				'POST',
				'/v2/network',
				{
					account_id: 'acc_linkup_ada',
					action: 'list_sent',
					params: { invitation_type: 'ORGANIZATION', count: 5, offset: 0 },
				},
			],
			[
				'POST',
				'/v2/network',
				{
					account_id: 'acc_linkup_ada',
					action: 'withdraw',
					// docs' network/withdraw: the digits, whichever form the node was given.
					params: { invitation_id: '1' },
				},
			],
		]);
	});
});

/**
 * Daily and Weekly Caps through n8n-core's engine against both fakes: counted from the service's
 * own sent list (so invitations sent elsewhere count), items over a cap send nothing and say when
 * the budget frees up, and two executions at once stay within the documented bound.
 */
import { runNode } from '../helpers/engine';
import { rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { startOfNextDay } from '../../nodes/core/shared/timeZone';

const DAY = 24 * 60 * 60 * 1000;
const PEOPLE = [
	'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
	'ACoAABBBmarieCurie0000000000000000000000',
	'ACoAACCCjeromeDupont000000000000000000000',
	'ACoAAEEEsamSales000000000000000000000000',
	'ACoAAHHHbarbaraLiskov0000000000000000000',
];

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const send = async (options: object, ids = PEOPLE, onError = 'continueRegularOutput') =>
		await runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('providerId', '={{ $json.id }}'),
				options: options as never,
			}),
			items: ids.map((id) => ({ id })),
			credentials: service.credentials(baseUrl()),
			onError: onError as never,
		});
	const listReads = () => service.sentListReads();

	it('Daily Cap: items over it send nothing and say when the budget frees up', async () => {
		const result = await send({ dailyCap: 3, timeZone: 'UTC' });

		expect(result.items.map((i) => i.json.status)).toEqual([
			'sent',
			'sent',
			'sent',
			'skipped_budget',
			'skipped_budget',
		]);
		expect(result.items[3].json).toMatchObject({
			provider_id: PEOPLE[3],
			reason: expect.stringMatching(/^Nothing was sent: the Daily Cap of 3 is reached for account/),
			budget_frees_at: new Date(startOfNextDay(Date.now(), 'UTC')).toISOString(),
		});
		expect(result.items[3].json).not.toHaveProperty('invitation_id');
		expect(result.items.map((i) => i.pairedItem)).toEqual(PEOPLE.map((_, item) => ({ item })));
		expect(service.sentCount()).toBe(3);
		expect(service.inviteRequests()).toHaveLength(3);
		// One reading of the sent list for the run (fewer than 10 invitations: no re-reading).
		expect(listReads()).toHaveLength(1);
	});

	it('counts invitations the account sent elsewhere today (by hand, other tools)', async () => {
		service.fake.seedSentInvitations(2);
		const result = await send({ dailyCap: 3 });

		expect(result.items.map((i) => i.json.status)).toEqual([
			'sent',
			'skipped_budget',
			'skipped_budget',
			'skipped_budget',
			'skipped_budget',
		]);
	});

	it('Weekly Cap: a rolling 7 days, freeing up when the oldest invitation turns a week old', async () => {
		service.fake.seedSentInvitations(3, { sentAt: new Date(Date.now() - 3 * DAY) });
		service.fake.seedSentInvitations(2, { sentAt: new Date(Date.now() - 9 * DAY) });
		const result = await send({ weeklyCap: 4 });

		expect(result.items.map((i) => i.json.status)).toEqual([
			'sent',
			'skipped_budget',
			'skipped_budget',
			'skipped_budget',
			'skipped_budget',
		]);
		const freesAt = Date.parse(String(result.items[1].json.budget_frees_at));
		// The oldest of the week's 4 was sent 3 days ago (LinkupAPI: whole days): free in about 4 days.
		expect(freesAt - Date.now()).toBeGreaterThan(3 * DAY);
		expect(freesAt - Date.now()).toBeLessThanOrEqual(4 * DAY);
		// The reading stopped at the first invitation older than the week.
		expect(listReads()).toHaveLength(1);
	});

	it('If Over a Cap → Fail: an error for the item, the others still get theirs', async () => {
		const result = await send({ dailyCap: 1, overCap: 'fail' }, PEOPLE.slice(0, 3));

		expect(result.items[0].json.status).toBe('sent');
		for (const item of result.items.slice(1))
			expect(item.json.error).toMatch(/^Nothing was sent: the Daily Cap of 1 is reached/);
		expect(service.sentCount()).toBe(1);
	});

	it('bad cap settings are refused before any request', async () => {
		const result = await send({ dailyCap: 5, timeZone: 'Mars/Olympus' });

		expect(result.error?.message).toMatch(/^'Time Zone' "Mars\/Olympus" is not a time zone/);
		expect(service.fake.requests).toHaveLength(0);
	});

	it('two executions at once stay within cap + (2 − 1) × N, reading the list before every Nth', async () => {
		const cap = 4;
		const recheckEvery = 1;
		const [first, second] = await Promise.all([
			send({ dailyCap: cap, recheckEvery }, PEOPLE.slice(0, 4)),
			send({ dailyCap: cap, recheckEvery }, [...PEOPLE.slice(4), ...PEOPLE.slice(0, 3)]),
		]);

		const sent = [...first.items, ...second.items].filter((i) => i.json.status === 'sent');
		expect(sent.length).toBeLessThanOrEqual(cap + (2 - 1) * recheckEvery);
		expect(service.sentCount()).toBe(sent.length);
		// Each execution read the list before each of its invitations.
		expect(listReads().length).toBeGreaterThanOrEqual(sent.length);
	});
});

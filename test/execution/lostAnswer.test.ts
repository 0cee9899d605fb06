/**
 * When an invitation's answer is lost, Unipile's list of sent invitations decides, three ways:
 * found (sent), not found after reading the whole window that could hold it (safe to run again),
 * or could not tell (look on LinkedIn first). Accounts often have hundreds of pending invitations,
 * and the list's dates may be whole days with no order inside a day (an assumption the fake can model).
 */
import { FakeUnipile } from '../fakes/unipile';
import { runNode } from '../helpers/engine';
import { JULIEN, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const invite = async () =>
	await runNode({
		parameters: unipileParams('invitation', 'send', {
			profile: rl('providerId', JULIEN.providerId),
		}),
		credentials: { unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } },
	});
const checks = () => fake.calls('GET', '/api/v1/users/invite/sent');
const invites = () => fake.calls('POST', '/api/v1/users/invite');
const DAY = 24 * 60 * 60 * 1000;

describe('an invitation whose answer was lost, with more than 300 pending invitations', () => {
	it('sent, but listed after 350 others of the same day: found on page 4, reported as sent', async () => {
		fake.sentDatePrecision = 'day';
		fake.seedSentInvitations(350);
		fake.addFault({ path: '/api/v1/users/invite', mode: 'reset', after: true });
		const result = await invite();

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			invitation_id: expect.any(String),
			provider_id: JULIEN.providerId,
			confirmed_after_error: 'ECONNRESET',
		});
		expect(checks()).toHaveLength(4);
		expect(invites()).toHaveLength(1);
	});

	it('not sent, 350 others pending today: reads to the end of the list before saying so', async () => {
		fake.sentDatePrecision = 'day';
		fake.seedSentInvitations(350);
		fake.addFault({ path: '/api/v1/users/invite', mode: 'reset' });
		const result = await invite();

		expect(result.error?.message).toMatch(
			/Checked with the service: it did not go through, so running this item again is safe\.$/,
		);
		expect(checks()).toHaveLength(4);
		expect(checks().every((r) => r.query.limit === '100')).toBe(true);
		expect(fake.invitations.some((i) => i.provider_id === JULIEN.providerId)).toBe(false);
	});

	it('not sent, 350 others from last week: stops at the first one surely older than the attempt', async () => {
		fake.seedSentInvitations(350, { sentAt: new Date(Date.now() - 7 * DAY) });
		fake.addFault({ path: '/api/v1/users/invite', mode: 'reset' });
		const result = await invite();

		expect(result.error?.message).toMatch(/running this item again is safe\.$/);
		expect(checks()).toHaveLength(1);
	});

	it('more pending than the check reads (3,050 today): says it cannot tell', async () => {
		fake.sentDatePrecision = 'day';
		fake.seedSentInvitations(3050);
		fake.addFault({ path: '/api/v1/users/invite', mode: 'reset' });
		const result = await invite();

		expect(result.error?.message).toMatch(
			/\[ECONNRESET\]\. Try again later\. It may or may not have gone through \(the check read the newest 3000 pending invitations without reaching older ones\): look at the sent invitations on LinkedIn before running this item again\.$/,
		);
		expect(checks()).toHaveLength(30);
		expect(invites()).toHaveLength(1);
	});
});

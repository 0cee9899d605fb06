/**
 * Send Invitation decides before it spends: every item carries `status`; people already connected
 * or invited are skipped without an invitation (free with Unipile's lookup, a paid check with
 * LinkupAPI only when asked), and "If Already Invited or Connected → Return Status" turns the
 * services' refusals into status items so a sheet can be re-run cleanly.
 */
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	id: 'ACoAADDDlinusTorvalds00000000000000000000',
};

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	// Services that look the member up before inviting (Unipile v1 and v2).
	const unipile = service.looksUpFirst ? service.fake : undefined;
	const linkup = service.fake instanceof FakeLinkup ? service.fake : undefined;
	const send = async (profile: unknown, options = {}, items?: object[]) =>
		await runNode({
			parameters: service.params('invitation', 'send', { profile: profile as never, options }),
			credentials: service.credentials(baseUrl()),
			items: items as never,
			onError: 'continueRegularOutput',
		});
	const checks = () =>
		linkup
			? linkup.calls('POST', '/v2/network').filter((r) => r.body.action === 'check_invitation')
			: [];

	it('a sent invitation says status: sent', async () => {
		const result = await send(rl('url', JULIEN.url));
		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			invitation_id: expect.any(String),
		});
	});

	it('Skip If Connected or Pending on: a connection and a pending invitee get no invitation', async () => {
		await send(rl('providerId', MARIE_ID));
		service.fake.requests.length = 0;
		const result = await send(rl('url', '={{ $json.url }}'), { skipIfConnectedOrPending: true }, [
			{ url: LINUS.url },
			{ url: 'https://www.linkedin.com/in/marie-curie/' },
			{ url: JULIEN.url },
		]);

		expect(result.items.map((i) => i.json.status)).toEqual([
			'skipped_connected',
			'skipped_pending',
			'sent',
		]);
		expect(result.items[0].json).toMatchObject({
			public_identifier: 'linus-t',
			reason: 'Already a first-degree connection.',
		});
		expect(result.items[1].json).not.toHaveProperty('invitation_id');
		// Only Julien's invitation goes out (the requests before this run were cleared).
		expect(service.inviteRequests()).toHaveLength(1);
		// Unipile: the lookup it makes anyway; LinkupAPI: one paid check per item.
		if (unipile) expect(unipile.calls('GET')).toHaveLength(3);
		if (linkup) {
			expect(checks()).toHaveLength(3);
			expect(result.items[0].json.credits_consumed).toBe(1);
		}
	});

	it('Skip on by provider id: Unipile makes one lookup to check, LinkupAPI one paid check', async () => {
		const result = await send(rl('providerId', LINUS.id), { skipIfConnectedOrPending: true });

		expect(result.items[0].json).toMatchObject({
			status: 'skipped_connected',
			provider_id: LINUS.id,
		});
		expect(service.inviteRequests()).toHaveLength(0);
		expect(service.fake.requests).toHaveLength(1);
	});

	it('without the option: Unipile skips from the lookup it makes anyway; LinkupAPI checks nothing', async () => {
		const result = await send(rl('url', LINUS.url));

		if (unipile) {
			expect(result.items[0].json.status).toBe('skipped_connected');
			expect(unipile.calls('GET')).toHaveLength(1);
			expect(service.inviteRequests()).toHaveLength(0);
		} else {
			// The invite goes out and LinkupAPI refuses it; with the default (Fail) that is an error.
			expect(checks()).toHaveLength(0);
			expect(service.inviteRequests()).toHaveLength(1);
			expect(result.items[0].json.error).toMatch(/CHANNEL_ERROR/);
		}
	});

	it('without the option, by provider id: nothing is checked, one request', async () => {
		const result = await send(rl('providerId', LINUS.id));

		expect(service.fake.requests).toHaveLength(1);
		expect(service.inviteRequests()).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(unipile ? /already_connected/ : /CHANNEL_ERROR/);
	});

	it('If Already Invited or Connected → Return Status: a re-run sheet gives statuses, not errors', async () => {
		const rows = [{ id: MARIE_ID }, { id: LINUS.id }, { id: JULIEN.providerId }];
		const options = { ifAlreadyInvited: 'returnStatus', skipIfConnectedOrPending: false };
		const first = await send(rl('providerId', '={{ $json.id }}'), options, rows);
		const again = await send(rl('providerId', '={{ $json.id }}'), options, rows);

		expect(first.items.map((i) => i.json.status)).toEqual(['sent', 'already_connected', 'sent']);
		expect(again.items.map((i) => i.json.status)).toEqual([
			'already_invited',
			'already_connected',
			'already_invited',
		]);
		expect(again.items[0].json).toMatchObject({
			provider_id: MARIE_ID,
			reason: expect.stringContaining(service.alreadyInvitedCode),
		});
		expect(service.sentCount()).toBe(2);
	});

	it('Return Status does not hide other refusals', async () => {
		service.fake.addFault({ ...service.inviteFault, ...service.permanent });
		const result = await send(rl('providerId', MARIE_ID), { ifAlreadyInvited: 'returnStatus' });

		expect(result.items[0].json.error).toBeDefined();
	});
});

describe('Unipile usage', () => {
	const [unipile] = allServicesUnderTest();
	const fake = unipile.fake as FakeUnipile;
	const baseUrl = useFake(fake);

	it("surfaces `usage` (the account's share of LinkedIn's limit) when Unipile reports it", async () => {
		fake.usageEvery = 1;
		const result = await runNode({
			parameters: unipile.params('invitation', 'send', { profile: rl('providerId', MARIE_ID) }),
			credentials: unipile.credentials(baseUrl()),
		});

		expect(result.items[0].json).toMatchObject({ status: 'sent', usage: 50 });
	});
});

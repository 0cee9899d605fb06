/**
 * Unipile API v2 invitations through n8n-core's engine against the v2 fake: Send (the lookup that
 * gives the member's id, then POST /v2/{account}/users/me/relation-requests with {user_id,
 * message?}), its statuses, refusals and lost answers; Withdraw, Accept, Decline (POST
 * …/relation-requests/{id}/cancel|accept, no body) and Get Status from the profile's `specifics`.
 */
import { expectNoSecret } from '../helpers/assertions';
import { JULIEN, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { line, runV2, V2_ACCOUNT, V2_KEY, v2Credentials, v2Params } from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const credentials = () => v2Credentials(baseUrl());

const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
const LINUS = {
	url: 'https://www.linkedin.com/in/linus-t/',
	id: 'ACoAADDDlinusTorvalds00000000000000000000',
};
const REQUESTS = `/v2/${V2_ACCOUNT}/users/me/relation-requests`;
const DAY = 24 * 60 * 60 * 1000;

const send = async (profile: unknown, extra = {}, items?: object[]) =>
	await runV2({
		parameters: v2Params('invitation', 'send', { profile: profile as never, ...extra }),
		credentials: credentials(),
		items: items as never,
	});
const invites = () => fake.calls('POST', REQUESTS);
const checks = () => fake.calls('GET', REQUESTS);

describe('Invitation → Send (Unipile v2)', () => {
	it('a URL: the profile lookup, then POST relation-requests with {user_id, message}', async () => {
		const result = await send(rl('url', JULIEN.url), { message: 'Hi Julien, great to meet you!' });

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([
			`GET /v2/${V2_ACCOUNT}/users/julien-crepieux`,
			`POST ${REQUESTS}`,
		]);
		const invite = fake.requests[1];
		expect(invite.headers['x-api-key']).toBe(V2_KEY);
		expect(invite.headers['content-type']).toMatch(/application\/json/);
		expect(invite.body).toEqual({
			user_id: JULIEN.providerId,
			message: 'Hi Julien, great to meet you!',
		});
		expect(result.items).toEqual([
			{
				json: {
					status: 'sent',
					invitation_id: fake.invitations[0].id,
					provider_id: JULIEN.providerId,
					public_identifier: 'julien-crepieux',
					profile_url: JULIEN.url,
					full_name: 'Julien Crepieux',
					first_name: 'Julien',
					last_name: 'Crepieux',
					headline: 'Co-founder at Unipile',
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoSecret(result, V2_KEY);
	});

	it.each([
		['providerId', JULIEN.providerId],
		['url', `https://www.linkedin.com/in/${JULIEN.providerId}`],
	])('a provider id (%s mode) skips the lookup: one request', async (mode, value) => {
		const result = await send(rl(mode, value));

		expect(fake.requests.map(line)).toEqual([`POST ${REQUESTS}`]);
		expect(fake.requests[0].body).toEqual({ user_id: JULIEN.providerId });
		expect(result.items[0].json).toEqual({
			status: 'sent',
			invitation_id: fake.invitations[0].id,
			provider_id: JULIEN.providerId,
			profile_url: `https://www.linkedin.com/in/${JULIEN.providerId}/`,
		});
	});

	it('a blank message is left out of the body', async () => {
		await send(rl('providerId', MARIE_ID), { message: '   ' });

		expect(fake.requests[0].body).toEqual({ user_id: MARIE_ID });
	});

	it('Simplify off returns the RelationRequest Unipile answered (201), with the status', async () => {
		const result = await send(rl('providerId', MARIE_ID), { simplify: false });

		expect(result.items[0].json).toEqual({
			status: 'sent',
			object: 'RelationRequest',
			type: 'sent',
			id: fake.invitations[0].id,
			created_at: fake.invitations[0].created_at,
			user: expect.objectContaining({ object: 'User', id: MARIE_ID }),
		});
	});

	it('a 301-character message is refused before any request; 300 emoji are sent', async () => {
		const tooLong = await send(rl('url', JULIEN.url), { message: 'x'.repeat(301) });
		expect(tooLong.error?.message).toMatch(/^'Message' is 301 characters long/);
		expect(fake.requests).toHaveLength(0);

		const emoji = await send(rl('providerId', MARIE_ID), { message: '🤝'.repeat(300) });
		expect(emoji.error).toBeUndefined();
		expect(fake.requests[0].body.message).toBe('🤝'.repeat(300));
	});

	it('the lookup tells who is connected or invited: no invitation for them', async () => {
		await send(rl('providerId', MARIE_ID));
		fake.requests.length = 0;
		const result = await runV2({
			parameters: v2Params('invitation', 'send', { profile: rl('url', '={{ $json.url }}') }),
			items: [
				{ url: LINUS.url },
				{ url: 'https://www.linkedin.com/in/marie-curie/' },
				{ url: JULIEN.url },
			],
			credentials: credentials(),
		});

		expect(result.items.map((i) => i.json.status)).toEqual([
			'skipped_connected',
			'skipped_pending',
			'sent',
		]);
		expect(result.items[1].json).toEqual({
			status: 'skipped_pending',
			provider_id: MARIE_ID,
			public_identifier: 'marie-curie',
			profile_url: 'https://www.linkedin.com/in/marie-curie/',
			full_name: 'Marie Curie',
			first_name: 'Marie',
			last_name: 'Curie',
			headline: 'Head of Research',
			reason: 'An invitation to this member is pending.',
		});
		expect(invites()).toHaveLength(1);
	});

	it('Skip If Connected or Pending by provider id: one lookup to check, no invitation', async () => {
		const result = await send(rl('providerId', LINUS.id), {
			options: { skipIfConnectedOrPending: true },
		});

		expect(fake.requests.map(line)).toEqual([`GET /v2/${V2_ACCOUNT}/users/${LINUS.id}`]);
		expect(result.items[0].json).toMatchObject({
			status: 'skipped_connected',
			provider_id: LINUS.id,
		});
	});

	it('a second invitation fails with the type Unipile sent; nothing is re-sent', async () => {
		await send(rl('providerId', MARIE_ID));
		const again = await send(rl('providerId', MARIE_ID));

		expect(again.error?.message).toBe(
			'Unipile v2: Already invited recently [provider/already_invited_recently]. An invitation was already sent to this person recently; nothing new was sent. Wait before inviting them again.',
		);
		expect(invites()).toHaveLength(2);
		expect(fake.invitations).toHaveLength(1);
	});

	it('If Already Invited or Connected → Return Status: statuses instead of errors', async () => {
		const rows = [{ id: MARIE_ID }, { id: LINUS.id }, { id: JULIEN.providerId }];
		const options = { ifAlreadyInvited: 'returnStatus', skipIfConnectedOrPending: false };
		const parameters = v2Params('invitation', 'send', {
			profile: rl('providerId', '={{ $json.id }}'),
			options,
		});
		const first = await runV2({ parameters, items: rows, credentials: credentials() });
		const again = await runV2({ parameters, items: rows, credentials: credentials() });

		expect(first.items.map((i) => i.json.status)).toEqual(['sent', 'already_connected', 'sent']);
		expect(again.items.map((i) => i.json.status)).toEqual([
			'already_invited',
			'already_connected',
			'already_invited',
		]);
		expect(again.items[0].json).toMatchObject({
			provider_id: MARIE_ID,
			reason: expect.stringContaining('[provider/already_invited_recently]'),
		});
		expect(fake.invitations).toHaveLength(2);
	});

	it('Continue On Fail: the refused item is an error item with code and http_code', async () => {
		const result = await runV2({
			parameters: v2Params('invitation', 'send', { profile: rl('providerId', LINUS.id) }),
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(
				/^Unipile v2: Already connected \[provider\/already_connected\]/,
			),
			code: 'provider/already_connected',
			http_code: 422,
			description: expect.stringMatching(
				/^You are already connected with this user\. Unipile request ID: req_\d+$/,
			),
		});
	});
});

describe('Send Invitation when the answer is lost (Unipile v2)', () => {
	const invite = async () => await send(rl('providerId', JULIEN.providerId));

	it('created, then the connection reset: the sent list shows it, reported as sent', async () => {
		fake.seedSentInvitations(150);
		fake.addFault({ method: 'POST', path: REQUESTS, mode: 'reset', after: true });
		const result = await invite();

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			status: 'sent',
			invitation_id: fake.invitations.find((i) => i.provider_id === JULIEN.providerId)?.id,
			provider_id: JULIEN.providerId,
			profile_url: `https://www.linkedin.com/in/${JULIEN.providerId}/`,
			confirmed_after_error: 'ECONNRESET',
		});
		expect(invites()).toHaveLength(1);
		// The newest first: found on the first page.
		expect(checks().map((r) => r.query)).toEqual([{ type: 'sent', limit: '100' }]);
	});

	it('not created (a 500): reads the list to its end by next_cursor, then says it is safe to rerun', async () => {
		fake.seedSentInvitations(150);
		fake.addFault({ method: 'POST', path: REQUESTS, status: 500 });
		const result = await invite();

		expect(result.error?.message).toMatch(
			/^Unipile v2: Unexpected error \[api\/unexpected_error\]\. .*Checked with the service: it did not go through, so running this item again is safe\.$/,
		);
		expect(checks().map((r) => r.query)).toEqual([
			{ type: 'sent', limit: '100' },
			{ type: 'sent', limit: '100', cursor: expect.any(String) },
		]);
		expect(invites()).toHaveLength(1);
	});

	it('not created, the others a week old: stops at the first one surely older', async () => {
		fake.seedSentInvitations(150, { sentAt: new Date(Date.now() - 7 * DAY) });
		fake.addFault({ method: 'POST', path: REQUESTS, mode: 'reset' });
		const result = await invite();

		expect(result.error?.message).toMatch(/running this item again is safe\.$/);
		expect(checks()).toHaveLength(1);
	});

	it('a host that repeats the first page (offset ignored): cannot tell, says so', async () => {
		fake.cursorPaging = false;
		fake.seedSentInvitations(150);
		const first = fake.route({
			method: 'GET',
			path: REQUESTS,
			query: { type: 'sent', limit: '100' },
			body: undefined,
		});
		fake.addFault({ method: 'POST', path: REQUESTS, mode: 'reset' });
		fake.addFault({
			method: 'GET',
			path: REQUESTS,
			match: 'offset=100',
			status: 200,
			body: first[1],
		});
		const result = await invite();

		expect(result.error?.message).toMatch(
			/It may or may not have gone through \(the list of sent invitations repeated itself\)/,
		);
		expect(checks()).toHaveLength(2);
	});

	it('the check failing too: it may or may not have gone through', async () => {
		fake.addFault({ method: 'POST', path: REQUESTS, mode: 'reset' });
		fake.addFault({ method: 'GET', path: REQUESTS, status: 500, times: 10 });
		const result = await invite();

		expect(result.error?.message).toMatch(
			/It may or may not have gone through, and checking failed too: look at the sent invitations on LinkedIn/,
		);
	});
});

describe('Withdraw, Accept, Decline (Unipile v2)', () => {
	it('Withdraw: POST …/{id}/cancel with no body; the invitation is gone', async () => {
		await send(rl('providerId', MARIE_ID));
		const id = fake.invitations[0].id;
		fake.requests.length = 0;
		const result = await runV2({
			parameters: v2Params('invitation', 'withdraw', { invitationId: id }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([`POST ${REQUESTS}/${id}/cancel`]);
		expect(fake.requests[0].body).toBeUndefined();
		expect(result.items[0].json).toEqual({ invitation_id: id, status: 'withdrawn' });
		expect(fake.invitations).toHaveLength(0);
		expect(fake.withdrawn.map((i) => i.id)).toEqual([id]);
	});

	it('Withdraw encodes the id; an unknown one fails with the type Unipile sent', async () => {
		const result = await runV2({
			parameters: v2Params('invitation', 'withdraw', { invitationId: 'urn:li:invitation:70' }),
			credentials: credentials(),
		});

		expect(fake.requests.map((r) => r.path)).toEqual([
			`${REQUESTS}/urn%3Ali%3Ainvitation%3A70/cancel`,
		]);
		expect(result.error?.message).toMatch(
			/^Unipile v2: Relation request not found \[api\/resource_not_found\]/,
		);
	});

	it('Accept: POST …/{id}/accept with no body (no shared secret sent); the member is a connection', async () => {
		const [rosalind] = fake.received.filter((r) => r.account_id === V2_ACCOUNT);
		const result = await runV2({
			parameters: v2Params('invitation', 'accept', {
				invitationId: rosalind.id,
				sharedSecret: 'not-used-by-v2',
			}),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([`POST ${REQUESTS}/${rosalind.id}/accept`]);
		expect(fake.requests[0].body).toBeUndefined();
		expect(result.items[0].json).toEqual({ invitation_id: rosalind.id, status: 'accepted' });
		expect(fake.isConnected(V2_ACCOUNT, rosalind.provider_id)).toBe(true);
		expect(JSON.stringify(fake.requests)).not.toContain('not-used-by-v2');
	});

	it('Accept needs no Shared Secret: with the field left at its default (no shared_secret in the item) it runs', async () => {
		const [rosalind] = fake.received.filter((r) => r.account_id === V2_ACCOUNT);
		const result = await runV2({
			parameters: v2Params('invitation', 'accept', { invitationId: rosalind.id }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ invitation_id: rosalind.id, status: 'accepted' });
	});

	it('Decline: POST …/{id}/cancel ("Refuses the relation request if received")', async () => {
		const [rosalind] = fake.received.filter((r) => r.account_id === V2_ACCOUNT);
		const result = await runV2({
			parameters: v2Params('invitation', 'decline', {
				invitationId: rosalind.id,
				sharedSecret: 'not-used-by-v2',
			}),
			credentials: credentials(),
		});

		expect(fake.requests.map(line)).toEqual([`POST ${REQUESTS}/${rosalind.id}/cancel`]);
		expect(result.items[0].json).toEqual({ invitation_id: rosalind.id, status: 'declined' });
		expect(fake.isConnected(V2_ACCOUNT, rosalind.provider_id)).toBe(false);
		expect(fake.received.some((r) => r.id === rosalind.id)).toBe(false);
	});

	it('Accept refuses a sent invitation with the type Unipile sent', async () => {
		await send(rl('providerId', MARIE_ID));
		const result = await runV2({
			parameters: v2Params('invitation', 'accept', {
				invitationId: fake.invitations[0].id,
				sharedSecret: 'x',
			}),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(/\[api\/invalid_parameters\]/);
	});
});

describe('Invitation → Get Status (Unipile v2)', () => {
	const status = async (profile: unknown) =>
		await runV2({
			parameters: v2Params('invitation', 'getStatus', { profile: profile as never }),
			credentials: credentials(),
		});

	it('none, pending_sent, withdrawn, connected and pending_received, each from one profile read', async () => {
		const none = await status(rl('url', JULIEN.url));
		await send(rl('providerId', JULIEN.providerId));
		const pending = await status(rl('url', JULIEN.url));
		const [invitation] = fake.invitations;
		await runV2({
			parameters: v2Params('invitation', 'withdraw', { invitationId: invitation.id }),
			credentials: credentials(),
		});
		const withdrawn = await status(rl('url', JULIEN.url));
		const connected = await status(rl('url', LINUS.url));
		const received = await status(rl('publicIdentifier', 'rosalind-franklin'));

		expect(
			[none, pending, withdrawn, connected, received].map((r) => [
				r.items[0].json.invitation_status,
				r.items[0].json.network_distance,
			]),
		).toEqual([
			['none', 2],
			['pending_sent', 2],
			['withdrawn', 2],
			['connected', 1],
			['pending_received', 2],
		]);
		expect(none.items[0].json).toEqual({
			invitation_status: 'none',
			network_distance: 2,
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			profile_url: JULIEN.url,
			full_name: 'Julien Crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
		});
		expect(fake.calls('GET').map((r) => r.path)).toEqual(
			[
				JULIEN,
				JULIEN,
				JULIEN,
				{ publicIdentifier: 'linus-t' },
				{ publicIdentifier: 'rosalind-franklin' },
			].map((p) => `/v2/${V2_ACCOUNT}/users/${p.publicIdentifier}`),
		);
	});
});

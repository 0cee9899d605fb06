import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { ACCOUNT_ID, JULIEN, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });
const send = (profile: unknown, extra = {}) =>
	unipileParams('invitation', 'send', { profile: profile as never, ...extra });

describe('Invitation → Send (Unipile)', () => {
	it('chains the lookup into the invite for a profile URL', async () => {
		const result = await runNode({
			parameters: send(rl('url', JULIEN.url), { message: 'Hi Julien, great to meet you!' }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual([
			`GET /api/v1/users/julien-crepieux?account_id=${ACCOUNT_ID}`,
			'POST /api/v1/users/invite',
		]);
		const invite = fake.requests[1];
		expect(invite.headers['x-api-key']).toBe(UNIPILE_KEY);
		expect(invite.headers['content-type']).toMatch(/application\/json/);
		expect(invite.body).toEqual({
			provider_id: JULIEN.providerId,
			account_id: ACCOUNT_ID,
			message: 'Hi Julien, great to meet you!',
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			status: 'sent',
			invitation_id: fake.invitations[0].id,
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			profile_url: JULIEN.url,
			full_name: 'Julien Crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expectNoSecret(result, UNIPILE_KEY);
	});

	it.each([
		['providerId', JULIEN.providerId],
		['url', `https://www.linkedin.com/in/${JULIEN.providerId}`],
	])('skips the lookup when given a provider id (%s mode): one request', async (mode, value) => {
		const result = await runNode({ parameters: send(rl(mode, value)), credentials: credentials() });

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/v1/users/invite',
		]);
		expect(fake.requests[0].body).toEqual({
			provider_id: JULIEN.providerId,
			account_id: ACCOUNT_ID,
		});
		expect(result.items[0].json).toEqual({
			status: 'sent',
			invitation_id: expect.any(String),
			provider_id: JULIEN.providerId,
			profile_url: `https://www.linkedin.com/in/${JULIEN.providerId}/`,
		});
	});

	it('Simplify off returns what the invite call answered, with the status', async () => {
		const result = await runNode({
			parameters: send(rl('url', JULIEN.url), { simplify: false }),
			credentials: credentials(),
		});

		expect(result.items[0].json).toEqual({
			status: 'sent',
			object: 'UserInvitationSent',
			invitation_id: fake.invitations[0].id,
		});
	});

	it('looks up a public identifier first', async () => {
		await runNode({
			parameters: send(rl('publicIdentifier', 'jérôme-dupont')),
			credentials: credentials(),
		});

		expect(fake.requests.map((r) => r.path)).toEqual([
			'/api/v1/users/j%C3%A9r%C3%B4me-dupont',
			'/api/v1/users/invite',
		]);
		expect(fake.requests[1].body.provider_id).toBe('ACoAACCCjeromeDupont000000000000000000000');
	});

	it('sends the member email when given', async () => {
		await runNode({
			parameters: send(rl('providerId', JULIEN.providerId), {
				options: { userEmail: ' julien@example.com ' },
			}),
			credentials: credentials(),
		});

		expect(fake.requests[0].body).toEqual({
			provider_id: JULIEN.providerId,
			account_id: ACCOUNT_ID,
			user_email: 'julien@example.com',
		});
	});

	describe('the 300-character note rule, checked before any request', () => {
		it.each([
			['300 letters', 'a'.repeat(300)],
			['300 emoji (one character each, as users see them)', '😀'.repeat(300)],
			['300 accented letters', 'é'.repeat(300)],
			['150 letters with a combining accent (300 code points)', 'e\u0301'.repeat(150)],
		])('accepts %s', async (_label, message) => {
			const result = await runNode({
				parameters: send(rl('providerId', JULIEN.providerId), { message }),
				credentials: credentials(),
			});

			expect(result.error).toBeUndefined();
			expect(fake.requests).toHaveLength(1);
			expect(fake.requests[0].body.message).toBe(message);
		});

		it.each([
			['301 letters', 'a'.repeat(301), 301],
			['301 emoji', '😀'.repeat(301), 301],
			['61 family emoji (5 code points each)', '👨‍👩‍👧'.repeat(61), 305],
		])('refuses %s and sends nothing, not even the lookup', async (_label, message, length) => {
			const result = await runNode({
				parameters: send(rl('url', JULIEN.url), { message }),
				credentials: credentials(),
			});

			expect(result.error?.message).toBe(
				`'Message' is ${length} characters long; LinkedIn accepts at most 300 (Unicode characters: a letter or a simple emoji is one; flags and combined emoji count as several). Shorten it by ${length - 300}. Nothing was sent.`,
			);
			expect(fake.requests).toHaveLength(0);
		});

		it('refuses a message expression that resolves to an object', async () => {
			const result = await runNode({
				parameters: send(rl('url', JULIEN.url), { message: '={{ $json.note }}' }),
				items: [{ note: { text: 'hello' } }],
				credentials: credentials(),
			});

			expect(result.error?.message).toMatch(/^'Message' must be text, but the value is an object/);
			expect(fake.requests).toHaveLength(0);
		});

		it('leaves an empty or blank message out of the body', async () => {
			await runNode({
				parameters: send(rl('providerId', JULIEN.providerId), { message: '   ' }),
				credentials: credentials(),
			});

			expect(fake.requests[0].body).not.toHaveProperty('message');
		});
	});

	it('an empty account id is refused by n8n itself before any request', async () => {
		const result = await runNode({
			parameters: { ...send(rl('url', JULIEN.url)), accountId: rl('id', '') },
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(/Parameter "Account" is required/);
		expect(fake.requests).toHaveLength(0);
	});

	it.each([
		['', /^'Account' is empty/],
		['   ', /^'Account' is empty/],
		[{ id: 'acc' }, /^'Account' must be text, but the value is an object/],
		['acc with spaces', /^'Account' "acc with spaces" is not an account ID/],
	])(
		'refuses an account id expression resolving to %j before any request',
		async (account, message) => {
			const result = await runNode({
				parameters: { ...send(rl('url', JULIEN.url)), accountId: rl('id', '={{ $json.account }}') },
				items: [{ account }],
				credentials: credentials(),
			});

			expect(result.error?.message).toMatch(message);
			expect(fake.requests).toHaveLength(0);
		},
	);

	it('does not invite when the lookup fails', async () => {
		const result = await runNode({
			parameters: send(rl('url', 'linkedin.com/in/nobody-here')),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(/\[errors\/resource_not_found\]/);
		expect(fake.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('reports already-invited and already-connected members with what to do, never retrying the invite', async () => {
		await runNode({
			parameters: send(rl('providerId', JULIEN.providerId)),
			credentials: credentials(),
		});
		const again = await runNode({
			parameters: send(rl('providerId', JULIEN.providerId)),
			credentials: credentials(),
		});
		// Told not to look first, the invite goes out and the service refuses it.
		const connected = await runNode({
			parameters: send(rl('url', 'linkedin.com/in/linus-t'), {
				options: { skipIfConnectedOrPending: false },
			}),
			credentials: credentials(),
		});

		expect(again.error?.message).toBe(
			'Unipile: Should delay new invitation to this recipient [errors/already_invited_recently]. An invitation was already sent to this person recently; nothing new was sent. Wait before inviting them again.',
		);
		expect(connected.error?.message).toMatch(
			/\[errors\/already_connected\]\. You are already connected with this person; nothing was sent\./,
		);
		expect(fake.calls('POST', '/api/v1/users/invite')).toHaveLength(3);
		expect(fake.invitations).toHaveLength(1);
	});

	it('Continue On Fail with a sheet of mixed rows: one item per row, minimal requests', async () => {
		const result = await runNode({
			parameters: send(rl('url', '={{ $json.profile }}'), { message: '={{ "Hi " + $json.name }}' }),
			items: [
				{ profile: 'https://www.linkedin.com/in/julien-crepieux/', name: 'Julien' },
				{ profile: 'https://www.linkedin.com/company/unipile/', name: 'Company' },
				{
					profile: `https://www.linkedin.com/in/${'ACoAABBBmarieCurie0000000000000000000000'}`,
					name: 'Marie',
				},
				{ profile: 'linkedin.com/in/linus-t', name: 'Linus' },
				{ profile: 'https://www.linkedin.com/in/sam-sales', name: 'S'.repeat(400) },
			],
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(5);
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(result.items[0].json).toMatchObject({
			invitation_id: expect.any(String),
			public_identifier: 'julien-crepieux',
		});
		expect(result.items[1].json.error).toMatch(/^'Profile' is a \/company\/ page/);
		expect(result.items[2].json).toMatchObject({
			invitation_id: expect.any(String),
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
		});
		// The lookup already says Linus is a connection: skipped, nothing sent.
		expect(result.items[3].json).toMatchObject({
			status: 'skipped_connected',
			public_identifier: 'linus-t',
		});
		expect(result.items[4].json.error).toMatch(/^'Message' is 403 characters long/);
		// Julien: lookup + invite; Marie: invite only; Linus: lookup only; company and long note: nothing.
		expect(fake.calls('GET')).toHaveLength(2);
		expect(fake.calls('POST')).toHaveLength(2);
		expect(fake.invitations.map((i) => i.message)).toEqual(
			expect.arrayContaining(['Hi Julien', 'Hi Marie']),
		);
	});
});

import { FakeLinkup } from '../fakes/linkup';
import { expectNoSecret } from '../helpers/assertions';
import { runNode, searchAccounts } from '../helpers/engine';
import { JULIEN, LINKUP_ACCOUNT_ID, LINKUP_KEY, linkupParams, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeLinkup({ apiKey: LINKUP_KEY });
const baseUrl = useFake(fake);

const credentials = (url = baseUrl(), apiKey = LINKUP_KEY) => ({
	linkupApi: { baseUrl: url, apiKey },
});

describe('Profile → Get (LinkupAPI)', () => {
	it.each([
		[
			'url',
			'www.linkedin.com/in/julien-crepieux?trk=x',
			'https://www.linkedin.com/in/julien-crepieux/',
		],
		['publicIdentifier', 'jérôme-dupont', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/'],
		['providerId', JULIEN.providerId, `https://www.linkedin.com/in/${JULIEN.providerId}/`],
	])(
		'%s %j → one POST /v2/profiles with the canonical profile URL',
		async (mode, value, profileUrl) => {
			const result = await runNode({
				parameters: linkupParams('profile', 'get', { profile: rl(mode, value) }),
				credentials: credentials(),
			});

			expect(result.error).toBeUndefined();
			expect(fake.requests).toHaveLength(1);
			const [request] = fake.requests;
			expect(`${request.method} ${request.rawUrl}`).toBe('POST /v2/profiles');
			expect(request.headers['x-api-key']).toBe(LINKUP_KEY);
			expect(request.body).toEqual({
				account_id: LINKUP_ACCOUNT_ID,
				action: 'get',
				params: { profile_url: profileUrl },
			});
			expect(result.items[0].json.credits_consumed).toBe(1);
		},
	);

	it('Simplify off returns the raw envelope', async () => {
		const result = await runNode({
			parameters: linkupParams('profile', 'get', {
				profile: rl('url', JULIEN.url),
				simplify: false,
			}),
			credentials: credentials(),
		});

		expect(result.items[0].json).toMatchObject({
			success: true,
			data: {
				profile_urn: `urn:li:fsd_profile:${JULIEN.providerId}`,
				public_identifier: 'julien-crepieux',
			},
			metadata: { action: 'get', account_id: LINKUP_ACCOUNT_ID, credits_consumed: 1 },
		});
		expect(result.items[0].json).not.toHaveProperty('provider_id');
	});

	it.each([
		(url: string) => url,
		(url: string) => `${url}/`,
		(url: string) => `${url}/v2/`,
		(url: string) => ` ${url.replace('http://', 'HTTP://')} `,
	])('accepts the base URL form %#', async (form) => {
		const result = await runNode({
			parameters: linkupParams('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(form(baseUrl())),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual(['/v2/profiles']);
	});
});

describe('Invitation → Send (LinkupAPI)', () => {
	it('sends one POST /v2/network with action invite, no lookup', async () => {
		const result = await runNode({
			parameters: linkupParams('invitation', 'send', {
				profile: rl('url', JULIEN.url),
				message: 'Hi Julien!',
			}),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/network']);
		expect(fake.requests[0].body).toEqual({
			account_id: LINKUP_ACCOUNT_ID,
			action: 'invite',
			params: {
				profile_url: 'https://www.linkedin.com/in/julien-crepieux/',
				message: 'Hi Julien!',
			},
		});
		expect(result.items[0].json).toEqual({
			status: 'sent',
			invitation_id: fake.invitations[0].invitation_urn,
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			profile_url: JULIEN.url,
			full_name: 'Julien Crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
			credits_consumed: 1,
		});
		expect(result.items[0].json.invitation_id).toMatch(/^urn:li:invitation:\d+$/);
		expectNoSecret(result, LINKUP_KEY);
	});

	it('leaves the message out when empty', async () => {
		await runNode({
			parameters: linkupParams('invitation', 'send', {
				profile: rl('publicIdentifier', 'marie-curie'),
			}),
			credentials: credentials(),
		});

		expect(fake.requests[0].body.params).toEqual({
			profile_url: 'https://www.linkedin.com/in/marie-curie/',
		});
	});
});

describe('LinkupAPI errors', () => {
	const send = (extra = {}) =>
		linkupParams('invitation', 'send', {
			profile: rl('url', JULIEN.url),
			options: { maxRetries: 0 },
			...extra,
		});

	it.each([
		[
			'INVALID_ACCOUNT (404)',
			{ accountId: rl('id', 'acc_nope') },
			/^LinkupAPI: account_id doesn't exist or doesn't belong to you\. \[INVALID_ACCOUNT\]\. The account ID doesn't exist or isn't yours: pick the LinkedIn account from the list\.$/,
		],
		[
			'ACCOUNT_INACTIVE (403)',
			{ accountId: rl('id', 'acc_linkup_grace') },
			/\[ACCOUNT_INACTIVE\]\. The LinkedIn account is inactive or its session expired: reconnect it in the LinkupAPI dashboard/,
		],
		[
			'CHANNEL_ERROR in a 200 answer',
			{ profile: rl('url', 'linkedin.com/in/linus-t') },
			/^LinkupAPI: Already connected to this member\. \[CHANNEL_ERROR\]\. LinkedIn refused the request/,
		],
	])('%s', async (_name, extra, expected) => {
		const result = await runNode({ parameters: send(extra), credentials: credentials() });

		expect(result.error?.message).toMatch(expected);
		expect(fake.invitations).toHaveLength(0);
		expectNoSecret(result, LINKUP_KEY);
	});

	it('INSUFFICIENT_CREDITS (402) says to top up and that the call cost nothing', async () => {
		fake.credits = 0;
		const result = await runNode({ parameters: send(), credentials: credentials() });

		expect(result.error?.message).toBe(
			'LinkupAPI: Not enough credits. Top up your balance. [INSUFFICIENT_CREDITS]. Your LinkupAPI credits are used up: top up in the LinkupAPI dashboard. This failed call cost nothing.',
		);
	});

	it.each([
		['INVALID_PARAMS', 400, /\[INVALID_PARAMS\]\. LinkupAPI refused a parameter/],
		['INVALID_ACTION', 400, /\[INVALID_ACTION\]\. LinkupAPI does not support this action/],
		['RATE_LIMITED', 429, /\[RATE_LIMITED\]\. LinkupAPI is rate limiting/],
		[
			'INTERNAL_ERROR',
			500,
			/\[INTERNAL_ERROR\]\. LinkupAPI hit a server error: try again later\. Checked with the service: it did not go through/,
		],
	])('%s (%i) is mapped', async (code, status, expected) => {
		fake.addFault({
			path: '/v2/network',
			status,
			body: {
				success: false,
				error: { code, message: `${code} from the fake` },
				metadata: { credits_consumed: 0 },
			},
		});
		const result = await runNode({ parameters: send(), credentials: credentials() });

		expect(result.error?.message).toMatch(expected);
		// One invite; after a 5xx, one check_invitation too.
		expect(
			fake.calls('POST', '/v2/network').filter((r) => r.body.action === 'invite'),
		).toHaveLength(1);
	});

	it('a read retries RATE_LIMITED and succeeds; the invite is never retried', async () => {
		fake.addFault({
			path: '/v2/profiles',
			status: 429,
			body: { success: false, error: { code: 'RATE_LIMITED', message: 'Slow down' } },
		});
		const read = await runNode({
			parameters: linkupParams('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(),
		});
		expect(read.error).toBeUndefined();
		expect(fake.calls('POST', '/v2/profiles')).toHaveLength(2);

		fake.addFault({
			path: '/v2/network',
			status: 429,
			body: { success: false, error: { code: 'RATE_LIMITED', message: 'Slow down' } },
		});
		const write = await runNode({
			parameters: linkupParams('invitation', 'send', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(),
		});
		expect(write.error?.message).toMatch(/\[RATE_LIMITED\]/);
		expect(fake.calls('POST', '/v2/network')).toHaveLength(1);
	});
});

describe('Account locator list mode (LinkupAPI)', () => {
	it('lists LinkedIn accounts with status, following limit/offset pages', async () => {
		fake.maxPageSize = 2;
		const first = await searchAccounts(linkupParams('invitation', 'send'), credentials());
		const second = await searchAccounts(
			linkupParams('invitation', 'send'),
			credentials(),
			undefined,
			first.paginationToken,
		);

		expect(first.results).toEqual([{ name: 'Ada Lovelace (connected)', value: 'acc_linkup_ada' }]);
		expect(first.paginationToken).toBe('2');
		expect(second.results).toEqual([
			{ name: 'Grace Hopper (needs a security check)', value: 'acc_linkup_grace' },
			{ name: 'Alan Turing (connected)', value: '69c127c37cae0494dd827286' },
		]);
		expect(second.paginationToken).toBeUndefined();
		expect(fake.requests.map((r) => r.rawUrl)).toEqual([
			'/v2/accounts?limit=100&offset=0',
			'/v2/accounts?limit=100&offset=2',
		]);
		expect(fake.requests[0].headers['x-api-key']).toBe(LINKUP_KEY);
	});

	it('filters by name', async () => {
		const { results } = await searchAccounts(
			linkupParams('invitation', 'send'),
			credentials(),
			'alan',
		);

		expect(results).toEqual([
			{ name: 'Alan Turing (connected)', value: '69c127c37cae0494dd827286' },
		]);
	});
});

import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const error = (status: number, type: string, title: string, detail?: string) => ({
	status,
	type: `errors/${type}`,
	title,
	...(detail ? { detail } : {}),
});

/** Each documented error class, the fault that produces it, and what the user must be told. */
const CASES: Array<{
	name: string;
	status: number;
	body: object;
	headers?: object;
	expected: RegExp;
}> = [
	{
		name: '401 disconnected account',
		status: 401,
		body: error(
			401,
			'disconnected_account',
			'Disconnected account',
			'The account appears to be disconnected from the provider service.',
		),
		expected:
			/\[errors\/disconnected_account\]\. The LinkedIn account is disconnected from Unipile: reconnect it in the Unipile dashboard/,
	},
	{
		name: '401 expired credentials',
		status: 401,
		body: error(401, 'expired_credentials', 'Expired credentials'),
		expected:
			/\[errors\/expired_credentials\]\. The LinkedIn session stored in Unipile has expired: reconnect/,
	},
	{
		name: '403 account restricted',
		status: 403,
		body: error(403, 'account_restricted', 'Account restricted'),
		expected: /\[errors\/account_restricted\]\. LinkedIn has restricted this account: stop sending/,
	},
	{
		name: '403 feature not subscribed',
		status: 403,
		body: error(403, 'feature_not_subscribed', 'Feature not subscribed'),
		expected:
			/\[errors\/feature_not_subscribed\]\. This LinkedIn account has no subscription for that feature/,
	},
	{
		name: '404 not found',
		status: 404,
		body: error(404, 'resource_not_found', 'User not found'),
		expected: /\[errors\/resource_not_found\]\. Unipile found no such profile or account/,
	},
	{
		name: '422 cannot resend yet',
		status: 422,
		body: error(
			422,
			'cannot_resend_yet',
			'Cannot resend yet',
			'You have reached a temporary provider limit.',
		),
		expected:
			/\[errors\/cannot_resend_yet\]\. LinkedIn's temporary invitation limit is reached: stop for today/,
	},
	{
		name: '422 limit exceeded',
		status: 422,
		body: error(422, 'limit_exceeded', 'Limit exceeded'),
		expected: /\[errors\/limit_exceeded\]\. LinkedIn's invitation limit is reached/,
	},
	{
		name: '422 an undocumented type',
		status: 422,
		body: error(422, 'brand_new_type', 'Something new'),
		expected:
			/^Unipile: Something new \[errors\/brand_new_type\]\. LinkedIn refused this action for this person\.$/,
	},
	{
		name: '429 rate limited',
		status: 429,
		body: error(429, 'too_many_requests', 'Too many requests'),
		expected:
			/\[errors\/too_many_requests\]\. LinkedIn or Unipile is rate limiting this account: space the requests out/,
	},
	{
		name: '500 provider error',
		status: 500,
		body: error(500, 'provider_error', 'Provider error'),
		expected: /\[errors\/provider_error\]\. LinkedIn is having problems/,
	},
	{
		name: '503 network down',
		status: 503,
		body: error(503, 'network_down', 'Network down'),
		expected: /\[errors\/network_down\]\. Unipile lost its connection to LinkedIn/,
	},
	{
		name: '504 request timeout',
		status: 504,
		body: error(504, 'request_timeout', 'Request timeout'),
		expected: /\[errors\/request_timeout\]\. LinkedIn did not answer in time/,
	},
];

const CHECKED =
	' Checked with the service: it did not go through, so running this item again is safe.';

/** `afterUncertain`: what a write adds after a 5xx or no answer, once it has checked the sent invitations. */
const OPERATIONS = [
	{
		label: 'Profile → Get',
		params: () =>
			unipileParams('profile', 'get', {
				profile: rl('url', JULIEN.url),
				options: { maxRetries: 0 },
			}),
		path: /^\/api\/v1\/users\/julien-crepieux$/,
		afterUncertain: '',
	},
	{
		label: 'Invitation → Send',
		params: () =>
			unipileParams('invitation', 'send', {
				profile: rl('providerId', JULIEN.providerId),
				options: { maxRetries: 0 },
			}),
		path: /^\/api\/v1\/users\/invite$/,
		afterUncertain: CHECKED,
	},
];

describe.each(OPERATIONS)('$label maps Unipile errors', ({ params, path, afterUncertain }) => {
	it.each(CASES)('$name', async ({ status, body, expected }) => {
		fake.addFault({ path, status, body });
		const result = await runNode({
			parameters: params(),
			credentials: { unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } },
		});

		expect(result.error?.message).toMatch(expected);
		expect(result.error?.message).toMatch(/^Unipile: /);
		expectNoSecret(result, UNIPILE_KEY);
	});

	it('a wrong API key is told apart from a disconnected account (both 401)', async () => {
		const result = await runNode({
			parameters: params(),
			credentials: { unipileApi: { dsn: dsn(), apiKey: 'wrong-key-123' } },
		});

		expect(result.error?.message).toBe(
			'Unipile: Missing credentials [errors/missing_credentials]. Unipile rejected the API key: check the API Key in the Unipile API credential (Unipile dashboard → Access Tokens).',
		);
		expect(fake.requests).toHaveLength(1);
		expectNoSecret(result, 'wrong-key-123');
	});

	it('a non-Unipile error page is reported with its status', async () => {
		fake.addFault({ path, mode: 'html', status: 502 });
		const result = await runNode({
			parameters: params(),
			credentials: { unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } },
		});

		expect(result.error?.message).toBe(
			`Unipile: request failed [HTTP 502]. Unipile could not be reached through its gateway: try again later.${afterUncertain}`,
		);
	});

	it('an account that is not LinkedIn gets errors/invalid_account', async () => {
		const result = await runNode({
			parameters: { ...params(), accountId: rl('id', 'acc_whatsapp') },
			credentials: { unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } },
		});

		expect(result.error?.message).toMatch(
			/\[errors\/invalid_account\]\. The account ID is not a LinkedIn account: pick a LinkedIn account from the list\./,
		);
	});
});

describe('Invitation → Send: every documented 422 type is named, explained, and neither retried nor re-checked', () => {
	const TYPES = [
		'invalid_account',
		'invalid_recipient',
		'no_connection_with_recipient',
		'blocked_recipient',
		'user_unreachable',
		'unprocessable_entity',
		'action_already_performed',
		'invalid_message',
		'not_allowed_inmail',
		'insufficient_credits',
		'cannot_resend_yet',
		'cannot_resend_within_24hrs',
		'limit_exceeded',
		'already_invited_recently',
		'already_connected',
		'cannot_invite_attendee',
	];

	it.each(TYPES)('errors/%s', async (type) => {
		fake.addFault({
			path: '/api/v1/users/invite',
			status: 422,
			body: error(422, type, `Refused: ${type}`),
		});
		const result = await runNode({
			parameters: unipileParams('invitation', 'send', {
				profile: rl('providerId', JULIEN.providerId),
			}),
			credentials: { unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } },
		});

		expect(result.error?.message).toMatch(
			new RegExp(`^Unipile: Refused: ${type} \\[errors/${type}\\]\\. [A-Z].+\\.$`),
		);
		expect(result.error?.message).not.toMatch(/LinkedIn refused this action for this person\.$/);
		expect(fake.calls('POST', '/api/v1/users/invite')).toHaveLength(1);
		expect(fake.calls('GET')).toHaveLength(0);
	});
});

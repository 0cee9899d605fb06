/**
 * The bad-input catalogue: every case runs through n8n's engine next to a good item, under Continue
 * On Fail. The bad item must fail with a message naming the field, the problem and the fix, and the
 * service must receive nothing for it; the good item must go through.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const MARIE = 'https://www.linkedin.com/in/marie-curie/';

type Case = [label: string, mode: string, value: unknown, expected: RegExp];

const PROFILE_CASES: Case[] = [
	['empty', 'url', '', /^'Profile' is empty\. Enter a LinkedIn profile URL/],
	['whitespace', 'url', '   \t ', /^'Profile' is empty/],
	[
		'missing field (undefined)',
		'url',
		undefined,
		/^'Profile' is empty\. If it comes from an expression, check that the input item has that field/,
	],
	[
		'the LinkedIn home page',
		'url',
		'https://www.linkedin.com/',
		/^'Profile' is the LinkedIn home page, not a member profile .*Only member profiles/,
	],
	[
		'a company page',
		'url',
		'https://www.linkedin.com/company/unipile/',
		/^'Profile' is a \/company\/ page, not a member profile/,
	],
	[
		'a school page',
		'url',
		'https://www.linkedin.com/school/mit/',
		/^'Profile' is a \/school\/ page/,
	],
	['an empty slug', 'url', 'linkedin.com/in/', /^'Profile' has no member identifier after \/in\//],
	[
		'another host',
		'url',
		'https://example.com/in/julien-crepieux',
		/^'Profile' points to example\.com, not linkedin\.com/,
	],
	['a look-alike host', 'url', 'https://linkedin.com.evil.example/in/julien', /not linkedin\.com/],
	[
		'a javascript: URL',
		'url',
		'javascript:alert(document.cookie)',
		/^'Profile' is a javascript: address, not a LinkedIn profile URL/,
	],
	['a data: URL', 'url', 'data:text/html;base64,PHNjcmlwdD4=', /^'Profile' is a data: address/],
	[
		'a slug with / (encoded)',
		'url',
		'https://www.linkedin.com/in/a%2Fb',
		/cannot have \(\/, \?, #/,
	],
	['a slug with a control character', 'url', 'https://www.linkedin.com/in/a%07b', /cannot have/],
	[
		'an over-long value',
		'url',
		`https://www.linkedin.com/in/${'x'.repeat(250)}`,
		/characters long \(at most 200\)/,
	],
	['an object', 'url', { url: JULIEN.url }, /^'Profile' must be text, but the value is an object/],
	['a slug with /', 'publicIdentifier', 'julien/crepieux', /cannot have/],
	['a slug with ?', 'publicIdentifier', 'julien?x=1', /cannot have/],
	['a slug with #', 'publicIdentifier', 'julien#top', /cannot have/],
	['a slug with ../', 'publicIdentifier', '../accounts', /cannot have/],
	['a slug with %2F', 'publicIdentifier', 'a%2F..%2Fb', /cannot have/],
	['a slug with a tab', 'publicIdentifier', 'julien\tcrepieux', /cannot have/],
	[
		'a vanity name in provider ID mode',
		'providerId',
		'julien-crepieux',
		/is not a LinkedIn provider ID\. Provider IDs start with ACo, ADo, ACw or AE/,
	],
	['a too-short provider ID', 'providerId', 'ACo123', /is not a LinkedIn provider ID/],
	[
		'a wrong prefix',
		'providerId',
		'XYZAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
		/is not a LinkedIn provider ID/,
	],
	[
		'a provider ID with a space',
		'providerId',
		'ACoAAAcD MQBODyLwZrRcgYhrkCafURGqva0U4E',
		/is not a LinkedIn provider ID/,
	],
];

const MESSAGE_CASES: Array<[label: string, value: unknown, expected: RegExp]> = [
	[
		'301 characters',
		'x'.repeat(301),
		/^'Message' is 301 characters long; LinkedIn accepts at most 300 \(Unicode characters: a letter or a simple emoji is one; flags and combined emoji count as several\)\. Shorten it by 1\. Nothing was sent\.$/,
	],
	['301 emoji', '🚀'.repeat(301), /^'Message' is 301 characters long/],
	['61 family emoji (305 code points)', '👨‍👩‍👧'.repeat(61), /^'Message' is 305 characters long/],
	[
		'an object from an expression',
		{ text: 'hi' },
		/^'Message' must be text, but the value is an object/,
	],
	['a list from an expression', ['hi'], /^'Message' must be text, but the value is a list/],
];

const ACCOUNT_CASES: Array<[label: string, value: unknown, expected: RegExp]> = [
	['empty', '', /^'Account' is empty\. Pick a LinkedIn account from the list/],
	['whitespace', '  ', /^'Account' is empty/],
	[
		'a missing field (undefined)',
		undefined,
		/^'Account' is empty\. If it comes from an expression, check that the input item has that field/,
	],
	['an object', { id: 'acc' }, /^'Account' must be text, but the value is an object/],
	['a sentence', 'my sales account', /^'Account' "my sales account" is not an account ID/],
];

describe('bad input', () => {
	describe.each(allServicesUnderTest())('$name', (service) => {
		const baseUrl = useFake(service.fake);

		/** Runs [bad, good] and checks the bad one failed alone, having sent nothing. */
		async function expectRefused(
			parameters: INodeParameters,
			items: IDataObject[],
			expected: RegExp,
		) {
			const result = await runNode({
				parameters,
				items,
				credentials: service.credentials(baseUrl()),
				onError: 'continueRegularOutput',
			});

			expect(result.items).toHaveLength(2);
			expect(result.items[0].json).toMatchObject({
				error: expect.stringMatching(expected),
				code: 'INPUT',
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(result.items[1].json.error).toBeUndefined();
			expect(result.items[1].pairedItem).toEqual({ item: 1 });
			return result;
		}

		it.each(PROFILE_CASES)('profile: %s (%s mode)', async (_label, mode, value, expected) => {
			const parameters = service.params('profile', 'get', {
				profile: rl(mode, '={{ $json.profile }}'),
			});
			const good =
				mode === 'providerId'
					? JULIEN.providerId
					: mode === 'publicIdentifier'
						? 'julien-crepieux'
						: JULIEN.url;
			await expectRefused(parameters, [{ profile: value as never }, { profile: good }], expected);
			// Only the good item reached the service.
			expect(service.fake.requests).toHaveLength(1);
		});

		it.each(MESSAGE_CASES)('message: %s', async (_label, value, expected) => {
			const parameters = service.params('invitation', 'send', {
				profile: rl('url', '={{ $json.profile }}'),
				message: '={{ $json.note }}',
			});
			await expectRefused(
				parameters,
				[
					{ profile: JULIEN.url, note: value as never },
					{ profile: MARIE, note: 'Hi Marie' },
				],
				expected,
			);
			expect(service.inviteRequests()).toHaveLength(1);
			expect(service.sentCount()).toBe(1);
		});

		it.each(ACCOUNT_CASES)('account id: %s', async (_label, value, expected) => {
			const parameters = {
				...service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
				accountId: rl('id', '={{ $json.account }}'),
			};
			const goodAccount = (
				service.params('profile', 'get').accountId as unknown as { value: string }
			).value;
			await expectRefused(
				parameters,
				[{ account: value as never }, { account: goodAccount }],
				expected,
			);
			expect(service.fake.requests).toHaveLength(1);
		});

		it('a provider ID of the wrong shape typed in directly is refused by n8n before running', async () => {
			const result = await runNode({
				parameters: service.params('profile', 'get', {
					profile: rl('providerId', 'julien-crepieux'),
				}),
				credentials: service.credentials(baseUrl()),
			});

			expect(result.error?.message).toMatch(/issues/);
			expect(service.fake.requests).toHaveLength(0);
		});

		it.each([
			['unicode', 'https://www.linkedin.com/in/jérôme-dupont', 'jérôme-dupont'],
			[
				'percent-encoded unicode',
				'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/',
				'jérôme-dupont',
			],
			['uppercase', 'HTTPS://WWW.LINKEDIN.COM/IN/JULIEN-CREPIEUX/', 'JULIEN-CREPIEUX'],
			[
				'a trailing slash and query',
				'linkedin.com/in/julien-crepieux/?utm_source=sheet',
				'julien-crepieux',
			],
		])(
			'valid but unusual: %s works and reaches the wire as one encoded segment',
			async (_label, value, identifier) => {
				const result = await runNode({
					parameters: service.params('profile', 'get', { profile: rl('url', value) }),
					credentials: service.credentials(baseUrl()),
				});

				expect(result.error).toBeUndefined();
				expect(result.items[0].json.first_name).toBeDefined();
				const [request] = service.fake.requests;
				const onTheWire = service.looksUpFirst
					? request.path
					: String(request.body.params.profile_url);
				expect(onTheWire).toContain(`/${encodeURIComponent(identifier)}`);
				expect(onTheWire.split('/').filter(Boolean).pop()).toBe(encodeURIComponent(identifier));
			},
		);
	});
});

describe('bad input: credential host', () => {
	describe.each(allServicesUnderTest())('$name', (service) => {
		const field = service.hostField;
		it.each([
			['empty', '', /is empty/],
			['ftp://', 'ftp://api.example.com:21', /uses ftp:\/\/, which is not HTTP/],
			['spaces', 'api1.example.com :13111', /contains spaces/],
			[
				'a path that is not the API root',
				'https://api1.example.com:13111/v1/users',
				/has the path \/v1\/users/,
			],
			[
				'credentials in it',
				'https://admin:hunter2@api1.example.com:13111',
				/contains a user name or password/,
			],
		])(
			'%s is refused before any request, with the expected form',
			async (_label, host, expected) => {
				await service.fake.start();
				try {
					const result = await runNode({
						parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
						items: [{}, {}],
						credentials: service.credentials(host),
						onError: 'continueRegularOutput',
					});

					expect(result.items).toHaveLength(2);
					for (const item of result.items) {
						expect(item.json.error).toMatch(new RegExp(`^The credential's ${field} `));
						expect(item.json.error).toMatch(expected);
						expect(item.json.error).toMatch(/Expected the form /);
					}
					expect(String(result.items[0].json.error)).not.toContain('hunter2');
					expect(service.fake.requests).toHaveLength(0);
					expectNoSecret(result, service.key);
				} finally {
					await service.fake.stop();
				}
			},
		);
	});
});

describe('bad input: invitation id', () => {
	/** Characters no invitation id has: each could steer a request path elsewhere. */
	const BAD_IDS: Array<[label: string, id: string]> = [
		['..', '..'],
		['.', '.'],
		['a path up', '../../accounts'],
		['a slash', '6000000000/cancel'],
		['a query string', '6000000000?account_id=other'],
		['a fragment', '6000000000#x'],
		['percent-encoding', '%2e%2e'],
		['a dot in a URN', 'urn:li:invitation:1.2'],
		['a backslash', '..\\..\\accounts'],
		['non-ASCII digits', '６０００'],
	];

	describe.each(allServicesUnderTest())('$name', (service) => {
		const baseUrl = useFake(service.fake);
		const run = async (operation: string, items: IDataObject[]) =>
			await runNode({
				parameters: service.params('invitation', operation),
				items,
				credentials: service.credentials(baseUrl()),
				onError: 'continueRegularOutput',
			});

		/** Runs [bad, good]; the bad item fails alone, naming the field and the fix, and sends nothing. */
		async function expectRefused(operation: string, good: IDataObject, badId: string) {
			const before = service.fake.requests.length;
			const result = await run(operation, [{ ...good, invitation_id: badId }, good]);

			expect(result.items).toHaveLength(2);
			expect(result.items[0].json.error).toMatch(
				/^'Invitation ID' .* is not an invitation ID: it may contain only letters, digits, ':', '_' and '-' .*Map it from Get Many (Sent|Received)'s invitation_id .*Nothing was sent\.$/,
			);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(result.items[1].json.error).toBeUndefined();
			expect(result.items[1].json.invitation_id).toBe(good.invitation_id);
			expect(result.items[1].pairedItem).toEqual({ item: 1 });
			// Only the good item reached the service: one request.
			expect(service.fake.requests.length - before).toBe(1);
			expectNoSecret(result, service.key);
		}

		it.each(BAD_IDS)('Withdraw: %s', async (_label, badId) => {
			service.fake.seedSentInvitations(1, { sentAt: new Date() });
			const sent = await run('getManySent', [{}]);
			await expectRefused('withdraw', sent.items[0].json, badId);
		});

		it.each(BAD_IDS)('Accept: %s', async (_label, badId) => {
			const received = await run('getManyReceived', [{}]);
			await expectRefused('accept', received.items[0].json, badId);
		});

		it('Decline: ".." sends nothing', async () => {
			const received = await run('getManyReceived', [{}]);
			await expectRefused('decline', received.items[0].json, '..');
		});

		it('without Continue On Fail, ".." stops the run before any request', async () => {
			const received = await run('getManyReceived', [{}]);
			const before = service.fake.requests.length;
			const result = await runNode({
				parameters: service.params('invitation', 'accept'),
				items: [{ ...received.items[0].json, invitation_id: '..' }],
				credentials: service.credentials(baseUrl()),
			});

			expect(result.error?.message).toMatch(/^'Invitation ID' "\.\." is not an invitation ID/);
			expect(service.fake.requests.length - before).toBe(0);
		});
	});
});

/**
 * Unipile API v2, Profile → Get and Get My Profile and the Account list, through n8n-core's engine
 * against the v2 fake: the exact requests (GET /v2/{account_id}/users/{user_id}, every dynamic
 * segment encoded), the shared field names, and the key kept out of everything.
 */
import { expectNoSecret } from '../helpers/assertions';
import { JULIEN, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import {
	line,
	runV2,
	searchV2Accounts,
	V2_ACCOUNT,
	V2_KEY,
	v2Credentials,
	v2Params,
} from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const credentials = () => v2Credentials(baseUrl());

describe('Profile → Get (Unipile v2)', () => {
	it.each([
		['url', JULIEN.url, 'julien-crepieux'],
		['url', 'fr.linkedin.com/in/julien-crepieux?originalSubdomain=fr', 'julien-crepieux'],
		['publicIdentifier', 'julien-crepieux', 'julien-crepieux'],
		['providerId', JULIEN.providerId, JULIEN.providerId],
	])('%s %j → one GET /v2/{account}/users/%s', async (mode, value, sent) => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl(mode, value) }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([`GET /v2/${V2_ACCOUNT}/users/${sent}`]);
		expect(fake.requests[0].headers['x-api-key']).toBe(V2_KEY);
		expect(fake.requests[0].body).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: {
					provider_id: JULIEN.providerId,
					public_identifier: 'julien-crepieux',
					profile_url: JULIEN.url,
					full_name: 'Julien Crepieux',
					first_name: 'Julien',
					last_name: 'Crepieux',
					headline: 'Co-founder at Unipile',
					location: 'Paris, Île-de-France, France',
					network_distance: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoSecret(result, V2_KEY);
	});

	it('encodes the identifier as one path segment', async () => {
		await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('publicIdentifier', 'jérôme-dupont') }),
			credentials: credentials(),
		});

		expect(fake.requests.map((r) => r.path)).toEqual([
			`/v2/${V2_ACCOUNT}/users/j%C3%A9r%C3%B4me-dupont`,
		]);
	});

	it('encodes the account id too', async () => {
		const result = await runV2({
			parameters: {
				...v2Params('profile', 'get', { profile: rl('publicIdentifier', 'marie-curie') }),
				accountId: rl('id', 'acc_x+y'),
			},
			credentials: credentials(),
		});

		expect(fake.requests.map((r) => r.path)).toEqual(['/v2/acc_x%2By/users/marie-curie']);
		expect(result.error?.message).toMatch(
			/^Unipile v2: Account not found \[api\/resource_not_found\]/,
		);
	});

	it('Simplify off returns the UserProfile as Unipile sent it', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', {
				profile: rl('url', JULIEN.url),
				simplify: false,
			}),
			credentials: credentials(),
		});

		expect(result.items[0].json).toMatchObject({
			object: 'UserProfile',
			id: JULIEN.providerId,
			display_name: 'Julien Crepieux',
			specifics: { network_distance: 'SECOND_DEGREE' },
		});
	});

	it('a connection reads as network distance 1', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('publicIdentifier', 'linus-t') }),
			credentials: credentials(),
		});

		expect(result.items[0].json.network_distance).toBe(1);
	});

	it('two rows naming the same member (any form) make one lookup', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
			items: [{ url: JULIEN.url }, { url: 'linkedin.com/in/Julien-Crepieux' }],
			credentials: credentials(),
		});

		expect(result.items).toHaveLength(2);
		expect(fake.requests).toHaveLength(1);
	});

	it('an unknown member fails with the type Unipile sent and what to do', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('publicIdentifier', 'nobody-here') }),
			credentials: credentials(),
		});

		expect(result.error?.message).toBe(
			'Unipile v2: User not found [api/resource_not_found]. Unipile found no such member, account or invitation: check the profile, the account ID and the invitation ID.',
		);
	});

	it('a wrong key fails naming the type and the API key, and the key is never shown', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: v2Credentials(baseUrl(), 'definitely-Wrong-Key-42'),
		});

		expect(result.error?.message).toMatch(
			/^Unipile v2: Invalid auth format \[api\/invalid_auth_format\]\. Unipile rejected the API key/,
		);
		expectNoSecret(result, 'definitely-Wrong-Key-42');
	});

	it.each([
		(url: string) => url,
		(url: string) => `${url}/`,
		(url: string) => `${url}/v2`,
		(url: string) => ` ${url.replace('http://', 'HTTP://')}/v2/ `,
	])('accepts the base URL form %#', async (form) => {
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: v2Credentials(form(baseUrl())),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual([`/v2/${V2_ACCOUNT}/users/julien-crepieux`]);
	});
});

describe('Profile → Get My Profile (Unipile v2)', () => {
	it('one GET /v2/{account}/users/me, in the shared field names', async () => {
		const result = await runV2({
			parameters: v2Params('profile', 'getMe'),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([`GET /v2/${V2_ACCOUNT}/users/me`]);
		expect(result.items[0].json).toEqual({
			provider_id: 'ACoAAAadaLovelaceOwner000000000000000000',
			public_identifier: 'ada-lovelace',
			profile_url: 'https://www.linkedin.com/in/ada-lovelace/',
			full_name: 'Ada Lovelace',
			first_name: 'Ada',
			last_name: 'Lovelace',
			headline: 'Analyst at the Engine Company',
			location: 'London, England, United Kingdom',
		});
	});
});

describe('the Account list (Unipile v2)', () => {
	it('GET /v2/accounts/ for LinkedIn accounts, named with their status', async () => {
		const { results, paginationToken } = await searchV2Accounts(
			v2Params('invitation', 'send'),
			credentials(),
		);

		expect(fake.requests.map(line)).toEqual([
			'GET /v2/accounts/?provider=linkedin&offset=0&limit=100',
		]);
		expect(results).toEqual([
			{ name: 'Ada Lovelace (connected)', value: 'acc_ada_sales' },
			{ name: 'Grace Hopper (needs reconnecting)', value: 'acc_grace_recruiting' },
			{ name: 'Alan Turing (connected)', value: 'acc_alan_founder' },
		]);
		expect(paginationToken).toBeUndefined();
	});

	it('pages by offset while has_more is true; a locked account says so', async () => {
		fake.maxPageSize = 2;
		fake.accounts[3].is_locked = true;
		const first = await searchV2Accounts(v2Params('invitation', 'send'), credentials());
		const second = await searchV2Accounts(
			v2Params('invitation', 'send'),
			credentials(),
			undefined,
			first.paginationToken,
		);

		expect(first).toEqual({
			results: [
				{ name: 'Ada Lovelace (connected)', value: 'acc_ada_sales' },
				{ name: 'Grace Hopper (needs reconnecting)', value: 'acc_grace_recruiting' },
			],
			paginationToken: '2',
		});
		expect(second).toEqual({
			results: [{ name: 'Alan Turing (connected, API access locked)', value: 'acc_alan_founder' }],
			paginationToken: undefined,
		});
		expect(fake.requests.map((r) => r.query)).toEqual([
			{ provider: 'linkedin', offset: '0', limit: '100' },
			{ provider: 'linkedin', offset: '2', limit: '100' },
		]);
	});

	it('leaves out other platforms even when the host ignores the provider filter', async () => {
		fake.addFault({
			path: '/v2/accounts/',
			status: 200,
			body: { object: 'Accounts', data: fake.accounts, has_more: false },
		});
		const { results } = await searchV2Accounts(v2Params('invitation', 'send'), credentials());

		expect(results.map((r) => r.value)).toEqual([
			'acc_ada_sales',
			'acc_grace_recruiting',
			'acc_alan_founder',
		]);
	});
});

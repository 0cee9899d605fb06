import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { ACCOUNT_ID, JULIEN, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });
const getProfile = (profile: unknown, extra = {}) =>
	unipileParams('profile', 'get', { profile: profile as never, ...extra });

describe('Profile → Get (Unipile)', () => {
	it('sends one authenticated GET /api/v1/users/{id}?account_id=… and returns the profile', async () => {
		const result = await runNode({
			parameters: getProfile(rl('url', JULIEN.url)),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.method).toBe('GET');
		expect(request.rawUrl).toBe(`/api/v1/users/julien-crepieux?account_id=${ACCOUNT_ID}`);
		expect(request.headers['x-api-key']).toBe(UNIPILE_KEY);
		expect(request.headers.accept).toBe('application/json');
		expect(result.items).toHaveLength(1);
		// Simplify (on by default): the field set every service shares, in its order.
		expect(result.items[0].json).toEqual({
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			profile_url: JULIEN.url,
			full_name: 'Julien Crepieux',
			first_name: 'Julien',
			last_name: 'Crepieux',
			headline: 'Co-founder at Unipile',
			location: 'Paris, Île-de-France, France',
			network_distance: 2,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expectNoSecret(result, UNIPILE_KEY);
	});

	it.each([
		[
			'url',
			'fr.linkedin.com/in/julien-crepieux/?originalSubdomain=fr',
			'/api/v1/users/julien-crepieux',
		],
		[
			'url',
			'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/',
			'/api/v1/users/j%C3%A9r%C3%B4me-dupont',
		],
		['url', 'https://www.linkedin.com/in/jérôme-dupont', '/api/v1/users/j%C3%A9r%C3%B4me-dupont'],
		[
			'url',
			`https://www.linkedin.com/in/${JULIEN.providerId}/`,
			`/api/v1/users/${JULIEN.providerId}`,
		],
		['publicIdentifier', 'Julien-Crepieux/', '/api/v1/users/Julien-Crepieux'],
		['publicIdentifier', 'jérôme-dupont', '/api/v1/users/j%C3%A9r%C3%B4me-dupont'],
		['providerId', JULIEN.providerId, `/api/v1/users/${JULIEN.providerId}`],
	])('mode %s %j reaches the wire as one encoded segment %s', async (mode, value, path) => {
		const result = await runNode({
			parameters: getProfile(rl(mode, value)),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.rawUrl.split('?')[0])).toEqual([path]);
		expect(result.items[0].json.provider_id).toMatch(/^ACo/);
	});

	it('maps the options to linkedin_sections, linkedin_api and notify', async () => {
		await runNode({
			parameters: getProfile(rl('publicIdentifier', 'julien-crepieux'), {
				options: {
					linkedinSections: ['experience', 'skills'],
					linkedinApi: 'sales_navigator',
					notify: true,
				},
			}),
			credentials: credentials(),
		});
		await runNode({
			parameters: getProfile(rl('publicIdentifier', 'julien-crepieux'), {
				options: { linkedinSections: ['skills', '*'], linkedinApi: 'classic' },
			}),
			credentials: credentials(),
		});

		expect(fake.requests.map((r) => r.query)).toEqual([
			{
				account_id: ACCOUNT_ID,
				linkedin_sections: 'experience,skills',
				linkedin_api: 'sales_navigator',
				notify: 'true',
			},
			{ account_id: ACCOUNT_ID, linkedin_sections: '*' },
		]);
	});

	it('runs per item with expressions: one request and one paired output item per input item', async () => {
		const result = await runNode({
			parameters: getProfile(rl('url', '={{ $json.linkedin }}')),
			items: [
				{ linkedin: 'https://www.linkedin.com/in/julien-crepieux' },
				{ linkedin: 'linkedin.com/in/marie-curie/' },
				{ linkedin: 'https://www.linkedin.com/in/sam-sales?trk=x' },
			],
			credentials: credentials(),
		});

		expect(result.items.map((i) => [i.json.public_identifier, i.pairedItem])).toEqual([
			['julien-crepieux', { item: 0 }],
			['marie-curie', { item: 1 }],
			['sam-sales', { item: 2 }],
		]);
		expect(fake.requests).toHaveLength(3);
	});

	it.each([
		(url: string) => url,
		(url: string) => `${url}/`,
		(url: string) => `${url}/api`,
		(url: string) => `${url}/api/v1/`,
		(url: string) => `  ${url}  `,
	])('accepts the DSN form %#', async (form) => {
		const result = await runNode({
			parameters: getProfile(rl('publicIdentifier', 'julien-crepieux')),
			credentials: { unipileApi: { dsn: form(dsn()), apiKey: UNIPILE_KEY } },
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/users/julien-crepieux']);
	});

	it('refuses an unusable DSN with the expected form, sending nothing', async () => {
		const result = await runNode({
			parameters: getProfile(rl('publicIdentifier', 'julien-crepieux')),
			credentials: { unipileApi: { dsn: 'api1.unipile.com:13111/v2', apiKey: UNIPILE_KEY } },
		});

		expect(result.error?.message).toMatch(
			/The credential's DSN has the path \/v2.*Expected the form api1\.unipile\.com:13111/,
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('Continue On Fail: bad input and API errors become error items with their code, the others go on', async () => {
		const result = await runNode({
			parameters: getProfile(rl('url', '={{ $json.linkedin }}')),
			items: [
				{ linkedin: 'https://www.linkedin.com/in/julien-crepieux' },
				{ linkedin: 'https://www.linkedin.com/company/unipile' },
				{ linkedin: 'https://www.linkedin.com/in/nobody-here' },
				{ linkedin: 'linkedin.com/in/marie-curie' },
			],
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(4);
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.public_identifier).toBe('julien-crepieux');
		expect(result.items[1].json).toEqual({
			error: expect.stringMatching(/^'Profile' is a \/company\/ page, not a member profile/),
			code: 'INPUT',
			http_code: null,
			description: null,
			profile_url: 'https://www.linkedin.com/company/unipile',
			account_id: 'acc_ada_sales',
		});
		expect(result.items[2].json).toMatchObject({
			error: expect.stringMatching(/User not found \[errors\/resource_not_found\]/),
			code: 'errors/resource_not_found',
			http_code: 404,
		});
		expect(result.items[3].json.public_identifier).toBe('marie-curie');
		// The company URL never reached the service.
		expect(fake.requests.map((r) => r.path)).toEqual(
			expect.arrayContaining([
				'/api/v1/users/julien-crepieux',
				'/api/v1/users/nobody-here',
				'/api/v1/users/marie-curie',
			]),
		);
		expect(fake.requests).toHaveLength(3);
	});

	it('Continue (using error output): failed items go to the error output, paired to their input', async () => {
		const result = await runNode({
			parameters: getProfile(rl('url', '={{ $json.linkedin }}')),
			items: [
				{ linkedin: 'https://www.linkedin.com/in/julien-crepieux' },
				{ linkedin: 'not a url at all' },
			],
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});

		expect(result.items.map((i) => i.json.public_identifier)).toEqual(['julien-crepieux']);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toMatch(/'Profile'/);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(fake.requests).toHaveLength(1);
	});

	it('without Continue On Fail the run stops with the mapped error, naming the item', async () => {
		const result = await runNode({
			parameters: getProfile(rl('publicIdentifier', 'nobody-here')),
			credentials: credentials(),
		});

		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(
			'Unipile: User not found [errors/resource_not_found]. Unipile found no such profile or account: check the profile identifier and the account ID.',
		);
		expect(result.error?.description).toBe('No LinkedIn member "nobody-here".');
		expectNoSecret(result, UNIPILE_KEY);
	});
});

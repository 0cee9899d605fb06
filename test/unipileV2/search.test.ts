/**
 * Profile → Search on Unipile API v2 through n8n-core's engine against the v2 fake: the four
 * routes (Classic and Sales Navigator, by filters or from a URL) with their exact bodies,
 * `offset`/`limit` in the query and the Limit exact across pages shorter than asked; IDs from the
 * lists against names; the search parameters route behind the Location and Company lists; and a
 * Sales Navigator id going into Send Invitation through one profile lookup that gives the Classic
 * id. The policy every service shares (exclude, hint, dedupe) is tested in test/search.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { SEARCH_FIELDS } from '../../nodes/core/services/results';
import { describeFailure } from '../../nodes/core/services/unipileV2/errors';
import { unipileV2Invitations } from '../../nodes/core/services/unipileV2/invitations';
import { unipileV2Search } from '../../nodes/core/services/unipileV2/search';
import { rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import {
	directClient,
	line,
	runV2,
	V2_ACCOUNT,
	V2_KEY,
	v2Credentials,
	v2ErrorAnswer,
	v2Params,
} from './harness';

const fake = new FakeUnipileV2({ apiKey: V2_KEY });
const baseUrl = useFake(fake);
const credentials = () => v2Credentials(baseUrl());

const CLASSIC = `/v2/${V2_ACCOUNT}/linkedin/search/people`;
const SALES_NAVIGATOR = `/v2/${V2_ACCOUNT}/linkedin/sales-navigator/search/people`;
const CLASSIC_URL = `/v2/${V2_ACCOUNT}/linkedin/search`;
const SALES_NAVIGATOR_URL = `/v2/${V2_ACCOUNT}/linkedin/sales-navigator/search`;
const RELATION_REQUESTS = `/v2/${V2_ACCOUNT}/users/me/relation-requests`;
const PARIS = '106383538';
const UNIPILE = '1000003';
const LINUS_ID = 'ACoAADDDlinusTorvalds00000000000000000000';

/** No pause between pages (the default is 2–5 s). */
const NO_PAUSE = { delayBetweenPages: { range: { minSeconds: 0, maxSeconds: 0 } } };

const search = async (extra: INodeParameters = {}, options: IDataObject = {}) =>
	await runV2({
		parameters: v2Params('profile', 'search', {
			searchBy: 'keywords',
			linkedinApi: 'classic',
			returnAll: false,
			limit: 10,
			options: { ...NO_PAUSE, ...options },
			...extra,
		} as INodeParameters),
		credentials: credentials(),
		onError: 'continueRegularOutput',
	});

const filters = (values: IDataObject) => ({ additionalFilters: '{}', ...values }) as never;
const searches = () => fake.searchRequests();
const keysOf = (item: { json: IDataObject }) => Object.keys(item.json);

describe('Profile → Search (Unipile v2): Classic', () => {
	it('keywords and filters: POST …/linkedin/search/people?limit=10 with v2 fields, results in the shared fields', async () => {
		const result = await search({
			keywords: 'engineer',
			filters: filters({
				title: 'Engineer',
				company: rl('list', UNIPILE),
				location: rl('id', PARIS),
				connectionDegree: [2, 3],
				additionalFilters: '{"industry": ["4"], "advanced_keywords": {"school": "MIT"}}',
			}),
		});

		expect(result.error).toBeUndefined();
		expect(searches().map(line)).toEqual([`POST ${CLASSIC}?limit=10`]);
		const [request] = searches();
		expect(request.headers['x-api-key']).toBe(V2_KEY);
		expect(request.body).toEqual({
			keywords: 'engineer',
			current_company: [UNIPILE],
			location: [PARIS],
			network_distance: [2, 3],
			advanced_keywords: { title: 'Engineer', school: 'MIT' },
			industry: ['4'],
		});
		// The sandbox's engineers at Unipile in Paris.
		expect(result.items).toHaveLength(3);
		for (const item of result.items) {
			expect(keysOf(item)).toEqual(SEARCH_FIELDS.filter((key) => key !== 'sales_navigator_url'));
			expect(item.json).toMatchObject({
				provider_id: expect.stringMatching(/^ACo/),
				profile_url: `https://www.linkedin.com/in/${String(item.json.public_identifier)}/`,
				first_name: null,
				last_name: null,
				pending_invitation: null,
				source: 'classic',
				headline: expect.stringMatching(/Engineer.* at Unipile$/),
			});
			expect([2, 3]).toContain(item.json.connection_degree);
		}
	});

	it('a first-degree connection reads connection_degree 1, from FIRST_DEGREE', async () => {
		const result = await search({ keywords: 'Torvalds' });

		expect(result.items.map((item) => item.json)).toEqual([
			{
				provider_id: LINUS_ID,
				public_identifier: 'linus-t',
				profile_url: 'https://www.linkedin.com/in/linus-t/',
				full_name: 'Linus Torvalds',
				first_name: null,
				last_name: null,
				headline: 'Maintainer',
				location: 'Paris, Île-de-France, France',
				connection_degree: 1,
				pending_invitation: null,
				source: 'classic',
			},
		]);
	});

	it('a company By Name goes into advanced_keywords.company (Classic’s text filter)', async () => {
		const result = await search({
			keywords: 'engineer',
			filters: filters({ company: rl('name', 'Jacquard') }),
		});

		expect(result.error).toBeUndefined();
		expect(searches()[0].body).toEqual({
			keywords: 'engineer',
			advanced_keywords: { company: 'Jacquard' },
		});
		for (const item of result.items) expect(item.json.headline).toMatch(/at Jacquard Looms$/);
	});

	it('a location By Name is refused before anything is sent: pick it From List', async () => {
		const result = await search({
			keywords: 'engineer',
			filters: filters({ location: rl('name', 'Paris') }),
		});

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(/'Location' "Paris" is a name.*pick it From List/),
			code: 'INPUT',
		});
		expect(fake.requests).toHaveLength(0);
	});

	it('the Limit is exact across pages shorter than asked: offset and limit in the query', async () => {
		fake.maxPageSize = 10;
		const result = await search({ keywords: 'engineer', limit: 25 });

		expect(result.items).toHaveLength(25);
		expect(new Set(result.items.map((item) => item.json.provider_id)).size).toBe(25);
		expect(searches().map(line)).toEqual([
			`POST ${CLASSIC}?limit=25`,
			`POST ${CLASSIC}?offset=10&limit=15`,
			`POST ${CLASSIC}?offset=20&limit=5`,
		]);
		// The same body on every page.
		expect(new Set(searches().map((r) => JSON.stringify(r.body)))).toEqual(
			new Set([JSON.stringify({ keywords: 'engineer' })]),
		);
	});

	it('Return All asks pages of 50 and stops where total_count says the search ends', async () => {
		const result = await search({ keywords: 'engineer', returnAll: true });

		expect(result.items).toHaveLength(60);
		expect(searches().map(line)).toEqual([
			`POST ${CLASSIC}?limit=50`,
			`POST ${CLASSIC}?offset=50&limit=50`,
		]);
	});

	it('a member repeated at the start of the next page is output once', async () => {
		fake.maxPageSize = 10;
		fake.searchDuplicates = true;
		const result = await search({ keywords: 'engineer', limit: 25 });

		expect(result.items).toHaveLength(25);
		expect(new Set(result.items.map((item) => item.json.provider_id)).size).toBe(25);
		expect(searches().length).toBeGreaterThanOrEqual(3);
	});
});

describe('Profile → Search (Unipile v2): Sales Navigator', () => {
	it('POST …/sales-navigator/search/people with {include} filters; ACw ids and lead URLs', async () => {
		const result = await search({
			linkedinApi: 'salesNavigator',
			keywords: 'engineer',
			filters: filters({
				title: 'Engineer',
				company: rl('name', 'Unipile'),
				location: rl('list', PARIS),
				connectionDegree: [2],
			}),
		});

		expect(result.error).toBeUndefined();
		expect(searches().map(line)).toEqual([`POST ${SALES_NAVIGATOR}?limit=10`]);
		expect(searches()[0].body).toEqual({
			keywords: 'engineer',
			current_job_title: { include: ['Engineer'] },
			current_company: { include: ['Unipile'] },
			location: { include: [PARIS] },
			network_distance: [2],
		});
		expect(result.items.length).toBeGreaterThan(0);
		for (const item of result.items) {
			expect(keysOf(item)).toEqual([...SEARCH_FIELDS]);
			expect(item.json).toMatchObject({
				provider_id: expect.stringMatching(/^ACw/),
				profile_url: `https://www.linkedin.com/in/${String(item.json.public_identifier)}/`,
				connection_degree: 2,
				source: 'sales_navigator',
				sales_navigator_url: expect.stringMatching(
					/^https:\/\/www\.linkedin\.com\/sales\/lead\/ACw[^,]+,NAME_SEARCH,/,
				),
			});
		}
	});

	it('a company From List goes into current_company.include as its ID; pages up to 100', async () => {
		const result = await search({
			linkedinApi: 'salesNavigator',
			returnAll: true,
			filters: filters({ company: rl('list', UNIPILE) }),
		});

		expect(searches().map(line)).toEqual([`POST ${SALES_NAVIGATOR}?limit=100`]);
		expect(searches()[0].body).toEqual({ current_company: { include: [UNIPILE] } });
		// Julien (Co-founder at Unipile) and the 24 generated members at Unipile.
		expect(result.items).toHaveLength(25);
	});
});

describe('Profile → Search (Unipile v2): from a URL', () => {
	it('a LinkedIn URL: POST …/linkedin/search with {url} alone, whatever else is set', async () => {
		const url = 'https://www.linkedin.com/search/results/people/?keywords=founder';
		const result = await search({
			searchBy: 'url',
			searchUrl: url,
			linkedinApi: 'salesNavigator',
			keywords: 'ignored',
			filters: filters({ title: 'ignored', connectionDegree: [1] }),
		});

		expect(result.error).toBeUndefined();
		expect(searches().map(line)).toEqual([`POST ${CLASSIC_URL}?limit=10`]);
		expect(searches()[0].body).toEqual({ url });
		expect(result.items).toHaveLength(10);
		for (const item of result.items) {
			expect(item.json).toMatchObject({
				source: 'classic',
				headline: expect.stringMatching(/founder/i),
			});
		}
	});

	it('a Sales Navigator URL runs on …/sales-navigator/search, paged by offset', async () => {
		fake.maxPageSize = 10;
		const url = 'https://www.linkedin.com/sales/search/people?query=(keywords%3Aengineer)';
		const result = await search({ searchBy: 'url', searchUrl: url, limit: 15 });

		expect(result.items).toHaveLength(15);
		expect(searches().map(line)).toEqual([
			`POST ${SALES_NAVIGATOR_URL}?limit=15`,
			`POST ${SALES_NAVIGATOR_URL}?offset=10&limit=5`,
		]);
		for (const request of searches()) expect(request.body).toEqual({ url });
		for (const item of result.items) expect(item.json.source).toBe('sales_navigator');
	});
});

describe('Location and Company lists (Unipile v2 search parameters)', () => {
	it('GET …/linkedin/search/parameters?type&keywords&limit answers {id, name}', async () => {
		const client = directClient(baseUrl());

		await expect(
			unipileV2Search.parameters!(client, V2_ACCOUNT, 'LOCATION', 'paris'),
		).resolves.toEqual([{ id: PARIS, name: 'Paris, Île-de-France, France' }]);
		await expect(
			unipileV2Search.parameters!(client, V2_ACCOUNT, 'COMPANY', 'unipile'),
		).resolves.toEqual([{ id: UNIPILE, name: 'Unipile' }]);
		expect(fake.requests.map(line)).toEqual([
			`GET /v2/${V2_ACCOUNT}/linkedin/search/parameters?type=LOCATION&keywords=paris&limit=50`,
			`GET /v2/${V2_ACCOUNT}/linkedin/search/parameters?type=COMPANY&keywords=unipile&limit=50`,
		]);
	});

	it('nothing typed yet: an empty list, and nothing sent (keywords is required there)', async () => {
		await expect(
			unipileV2Search.parameters!(directClient(baseUrl()), V2_ACCOUNT, 'LOCATION', ''),
		).resolves.toEqual([]);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Send Invitation with a Sales Navigator id (Unipile v2)', () => {
	it('an ACw id from a search: one profile lookup, then the invitation with the Classic ACo id', async () => {
		const found = await search({ linkedinApi: 'salesNavigator', keywords: 'Sam Sales', limit: 1 });
		const salesId = String(found.items[0].json.provider_id);
		expect(salesId).toMatch(/^ACw/);
		fake.requests.length = 0;

		const sent = await runV2({
			parameters: v2Params('invitation', 'send', {
				profile: rl('providerId', '={{ $json.provider_id }}'),
				options: {},
			}),
			credentials: credentials(),
			items: found.items.map((item) => item.json),
		});

		expect(sent.error).toBeUndefined();
		expect(fake.requests.map(line)).toEqual([
			`GET /v2/${V2_ACCOUNT}/users/${salesId}`,
			`POST ${RELATION_REQUESTS}`,
		]);
		expect(fake.requests[1].body).toEqual({ user_id: 'ACoAAEEEsamSales000000000000000000000000' });
		expect(sent.items[0].json).toMatchObject({
			status: 'sent',
			provider_id: 'ACoAAEEEsamSales000000000000000000000000',
			public_identifier: 'sam-sales',
		});
	});

	it('Sales Navigator and Recruiter ids are looked up first; a Classic id is not', () => {
		const looks = (value: string) =>
			unipileV2Invitations.looksUpFirst({ kind: 'providerId', value });

		expect(looks('ACwAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E')).toBe(true);
		expect(looks('AEMAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E')).toBe(true);
		expect(looks('ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E')).toBe(false);
	});
});

describe('Search refusals (Unipile v2)', () => {
	it.each([
		[403, 'provider/feature_not_subscribed', /set 'LinkedIn API' to Classic/],
		[403, 'api/subscription_required', /Sales Navigator seat/],
		[400, 'api/invalid_url', /The search URL was refused/],
	])(
		'%i %s has its advice (ASSUMPTION: v1 types under the v2 prefixes)',
		(status, type, advice) => {
			const failure = describeFailure(v2ErrorAnswer(status, type, { title: 'Refused' }));

			expect(failure?.code).toBe(type);
			expect(failure?.message).toMatch(advice);
		},
	);
});

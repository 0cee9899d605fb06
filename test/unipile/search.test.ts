/**
 * Profile → Search on Unipile v1, through n8n-core's engine against the fake: the exact search
 * requests (`POST /api/v1/linkedin/search`: Classic and Sales Navigator bodies, a pasted URL alone,
 * later pages by cursor), page sizes within the spec's 50 / 100, the Limit exact across pages,
 * LinkedIn ids versus names, the Location list (`GET /api/v1/linkedin/search/parameters`), the
 * errors, and a Sales Navigator result invited after one lookup of its Classic id.
 */
import type { IDataObject, INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import { SEARCH_FIELDS } from '../../nodes/core/services/results';
import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { listSearch, NODE_NAME, runNode } from '../helpers/engine';
import { ACCOUNT_ID, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);
const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });

/** No pause between pages here (the default is 2–5 s). */
const NO_PAUSE = { delayBetweenPages: { range: { minSeconds: 0, maxSeconds: 0 } } };

const search = (extra: IDataObject = {}, options: IDataObject = {}) =>
	unipileParams('profile', 'search', {
		searchBy: 'keywords',
		linkedinApi: 'classic',
		keywords: 'engineer',
		filters: {},
		returnAll: false,
		limit: 10,
		options: { ...NO_PAUSE, ...options },
		...extra,
	} as INodeParameters);

const run = async (parameters: INodeParameters, onError?: 'continueRegularOutput') =>
	await runNode({ parameters, credentials: credentials(), onError });

const searches = () => fake.searchRequests();
/** What a cursor the fake gave carries (the guide: base64 JSON with account_id, limit, start, params). */
const cursorState = (cursor: unknown) =>
	JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8')) as IDataObject;

/** Calls a Search filter's list (searchLocations, searchCompanies) the way the editor does. */
async function searchList(
	method: 'searchLocations' | 'searchCompanies',
	parameters: INodeParameters,
	filter?: string,
): Promise<INodeListSearchResult> {
	const path = `filters.${method === 'searchLocations' ? 'location' : 'company'}`;
	return await listSearch(method, path, parameters, credentials(), filter);
}

describe('Profile → Search (Unipile)', () => {
	it('Classic: one request with the documented body; ids From List; every shared field, in order', async () => {
		const result = await run(
			search({
				keywords: 'engineer',
				filters: {
					title: 'Engineer',
					company: rl('list', '2001'),
					location: rl('list', '105015875'),
					connectionDegree: [3, 2],
				},
			}),
		);

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual([
			`POST /api/v1/linkedin/search?account_id=${ACCOUNT_ID}&limit=10`,
		]);
		const [request] = searches();
		expect(request.headers['x-api-key']).toBe(UNIPILE_KEY);
		expect(request.headers['content-type']).toMatch(/application\/json/);
		expect(request.body).toEqual({
			api: 'classic',
			category: 'people',
			keywords: 'engineer',
			advanced_keywords: { title: 'Engineer' },
			company: ['2001'],
			location: ['105015875'],
			network_distance: [2, 3],
		});
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items[0].json).toEqual({
			provider_id: 'ACoAASearch00000000000000000000000000000',
			public_identifier: 'alex-martin-0',
			profile_url: 'https://www.linkedin.com/in/alex-martin-0/',
			full_name: 'Alex Martin',
			first_name: 'Alex',
			last_name: 'Martin',
			headline: 'Software Engineer at Acme Robotics',
			location: 'Paris, Île-de-France, France',
			connection_degree: 2,
			pending_invitation: false,
			source: 'classic',
		});
		for (const item of result.items) {
			expect(Object.keys(item.json)).toEqual(
				SEARCH_FIELDS.filter((field) => field !== 'sales_navigator_url'),
			);
			expect(item.json.headline).toMatch(/Engineer at Acme Robotics$/);
			expect(item.json.location).toMatch(/France$/);
			// 3 is "3rd and beyond": OUT_OF_NETWORK too, which has no degree.
			expect([2, 3, null]).toContain(item.json.connection_degree);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expectNoSecret(result, UNIPILE_KEY);
	});

	it('Simplify off gives the search result as Unipile answered it', async () => {
		const result = await run(search({ keywords: 'Torvalds', simplify: false }));

		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				object: 'SearchResult',
				type: 'PEOPLE',
				id: 'ACoAADDDlinusTorvalds00000000000000000000',
				network_distance: 'DISTANCE_1',
				profile_url: expect.stringMatching(
					/^https:\/\/www\.linkedin\.com\/in\/linus-t\?miniProfileUrn=/,
				),
			}),
		]);
	});

	it('the Limit is exact across pages shorter than asked; later pages send the cursor alone', async () => {
		fake.maxPageSize = 10;
		const result = await run(search({ limit: 25 }));

		expect(result.items).toHaveLength(25);
		expect(new Set(result.items.map((item) => item.json.provider_id)).size).toBe(25);
		const requests = searches();
		// Each page asks for what is still wanted, and the fake gives 10 at most.
		expect(requests.map((r) => r.query)).toEqual([
			{ account_id: ACCOUNT_ID, limit: '25' },
			{ account_id: ACCOUNT_ID, limit: '15' },
			{ account_id: ACCOUNT_ID, limit: '5' },
		]);
		expect(requests[0].body).toEqual({ api: 'classic', category: 'people', keywords: 'engineer' });
		expect(requests.slice(1).map((r) => Object.keys(r.body))).toEqual([['cursor'], ['cursor']]);
		expect(requests.slice(1).map((r) => cursorState(r.body.cursor).start)).toEqual([10, 20]);
	});

	it('Return All reads pages of at most 50 on Classic, to the end of the search', async () => {
		const result = await run(search({ returnAll: true }));

		// Three titles in eight of the 120 seeded members hold "engineer".
		expect(result.items).toHaveLength(45);
		expect(searches().map((r) => r.query.limit)).toEqual(['50']);
		fake.requests.length = 0;

		const large = await run(search({ limit: 5000 }));
		expect(large.items).toHaveLength(45);
		expect(searches().map((r) => r.query.limit)).toEqual(['50']);
		const hints = large.run?.data.resultData.runData[NODE_NAME]?.[0]?.hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([
			expect.stringMatching(/^Limit 5000 is over what LinkedIn gives for one search \(1000\)/),
		]);
	});

	it('a member met on two pages is output once, and the Limit still holds', async () => {
		fake.maxPageSize = 10;
		fake.searchDuplicates = true;
		const result = await run(search({ limit: 25 }));

		expect(result.items).toHaveLength(25);
		expect(new Set(result.items.map((item) => item.json.provider_id)).size).toBe(25);
		// Each page after the first repeats one member: a fourth page for the last one.
		expect(searches().map((r) => r.query.limit)).toEqual(['25', '15', '6', '1']);
	});

	it('Sales Navigator: role, company by name, location id; pages of 100; Sales Navigator ids and URLs', async () => {
		const result = await run(
			search({
				linkedinApi: 'salesNavigator',
				keywords: '',
				returnAll: true,
				filters: {
					title: 'Sales',
					company: rl('name', 'Globex'),
					location: rl('id', '105015875'),
					connectionDegree: [3],
					additionalFilters:
						'{"seniority": {"include": ["director"]}, "company": {"exclude": ["2003"]}}',
				},
			}),
		);

		expect(result.error).toBeUndefined();
		expect(searches().map((r) => r.rawUrl)).toEqual([
			`/api/v1/linkedin/search?account_id=${ACCOUNT_ID}&limit=100`,
		]);
		expect(searches()[0].body).toEqual({
			api: 'sales_navigator',
			category: 'people',
			role: { include: ['Sales'] },
			company: { include: ['Globex'], exclude: ['2003'] },
			location: { include: ['105015875'] },
			network_distance: [3],
			seniority: { include: ['director'] },
		});
		expect(result.items.length).toBeGreaterThan(0);
		for (const { json } of result.items) {
			expect(Object.keys(json)).toEqual([...SEARCH_FIELDS]);
			expect([3, null]).toContain(json.connection_degree);
			expect(json).toMatchObject({
				provider_id: expect.stringMatching(/^ACw/),
				profile_url: `https://www.linkedin.com/in/${String(json.public_identifier)}/`,
				headline: expect.stringMatching(/Sales at Globex$/),
				source: 'sales_navigator',
				sales_navigator_url: expect.stringMatching(
					/^https:\/\/www\.linkedin\.com\/sales\/lead\/ACw[^,]+,NAME_SEARCH,/,
				),
			});
		}
	});

	it.each([
		[
			'a Classic URL: the URL alone, pages of 50, Classic results',
			'https://www.linkedin.com/search/results/people/?keywords=engineer&network=%5B%22S%22%5D',
			'50',
			'classic',
		],
		[
			'a Sales Navigator URL: the URL alone, pages of 100, Sales Navigator results',
			'https://www.linkedin.com/sales/search/people?query=(keywords:engineer)&sessionId=abc',
			'100',
			'sales_navigator',
		],
	])('%s', async (_label, url, limit, source) => {
		const result = await run(
			search({
				searchBy: 'url',
				searchUrl: url,
				// Ignored for a URL search: the URL sets the product and every filter.
				linkedinApi: 'classic',
				filters: { title: 'Founder' },
				returnAll: true,
			}),
		);

		expect(result.error).toBeUndefined();
		expect(searches().map((r) => r.query)).toEqual([{ account_id: ACCOUNT_ID, limit }]);
		expect(searches()[0].body).toEqual({ url });
		expect(result.items.length).toBeGreaterThan(0);
		for (const { json } of result.items) {
			expect(json.source).toBe(source);
			expect(json.headline).toMatch(/Engineer/);
		}
	});

	it.each([
		[
			'a Classic company by name',
			{ filters: { company: rl('name', 'Globex') } },
			/^'Company' "Globex" is a name, but LinkedIn Classic search on Unipile takes a LinkedIn company ID: pick it From List/,
		],
		[
			'a Classic location by name',
			{ filters: { location: rl('name', 'Paris') } },
			/^'Location' "Paris" is a name, but LinkedIn Classic search on Unipile takes a LinkedIn location ID: pick it From List/,
		],
		[
			'a Sales Navigator location by name',
			{ linkedinApi: 'salesNavigator', filters: { location: rl('name', 'Paris') } },
			/^'Location' "Paris" is a name, but Sales Navigator search on Unipile takes a LinkedIn location ID/,
		],
	])('%s fails the item, sending nothing', async (_label, extra, message) => {
		const result = await run(search(extra), 'continueRegularOutput');

		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ error: expect.stringMatching(message), code: 'INPUT' }),
		]);
		expect(fake.requests).toHaveLength(0);
	});

	it('tells connections and pending invitations apart, and Exclude Connected and Pending drops them', async () => {
		const [first] = (await run(search({ limit: 1 }))).items;
		fake.invitations.push({
			id: '7000000001',
			provider_id: String(first.json.provider_id),
			account_id: ACCOUNT_ID,
			message: null,
			public_identifier: String(first.json.public_identifier),
			date: new Date().toISOString(),
		});
		const both = await run(search({ keywords: '', filters: { connectionDegree: [1] } }));
		expect(
			both.items.map((item) => [item.json.public_identifier, item.json.connection_degree]),
		).toEqual([['linus-t', 1]]);
		const again = await run(search({ limit: 2 }));
		expect(again.items.map((item) => item.json.pending_invitation)).toEqual([true, false]);

		const kept = await run(search({ limit: 2 }, { excludeConnectedAndPending: true }));
		expect(kept.items.map((item) => item.json.public_identifier)).toEqual([
			again.items[1].json.public_identifier,
			expect.any(String),
		]);
		expect(kept.items[1].json.pending_invitation).toBe(false);
	});

	it("reads the public identifier from a result that gives only a /in/ profile_url (the guide's Classic items)", async () => {
		fake.addFault({
			method: 'POST',
			path: '/api/v1/linkedin/search',
			status: 200,
			body: {
				object: 'LinkedinSearch',
				items: [
					{
						object: 'SearchResult',
						type: 'PEOPLE',
						id: 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
						name: 'Jane Doe',
						profile_url:
							'https://www.linkedin.com/in/jane-doe-42?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAABcd',
						network_distance: 'OUT_OF_NETWORK',
						headline: 'CTO',
					},
					{ object: 'SearchResult', type: 'COMPANY', id: '1441', name: 'Not a person' },
				],
				config: { params: {} },
				paging: { start: 0, page_count: 2, total_count: 2 },
				cursor: null,
			},
		});
		const result = await run(search());

		expect(result.items.map((item) => item.json)).toEqual([
			{
				provider_id: 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
				public_identifier: 'jane-doe-42',
				profile_url: 'https://www.linkedin.com/in/jane-doe-42/',
				full_name: 'Jane Doe',
				first_name: null,
				last_name: null,
				headline: 'CTO',
				location: null,
				connection_degree: null,
				pending_invitation: null,
				source: 'classic',
			},
		]);
	});

	it('a search is a read: a 500 provider_error (LinkedIn throttling may come back so) is retried', async () => {
		fake.addFault({
			method: 'POST',
			path: '/api/v1/linkedin/search',
			status: 500,
			body: { status: 500, type: 'errors/provider_error', title: 'Provider error' },
		});
		const result = await run(search({ limit: 3 }));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(searches()).toHaveLength(2);
		expect(searches()[1].body).toEqual(searches()[0].body);
	});

	it('Sales Navigator from an account without the seat: a 403 saying what to do', async () => {
		const result = await run(
			search({ linkedinApi: 'salesNavigator', accountId: rl('id', 'acc_alan_founder') }),
		);

		expect(result.error?.message).toMatch(
			/\[errors\/feature_not_subscribed\]\. This LinkedIn account has no subscription for that feature: Sales Navigator .* needs a Sales Navigator seat on the account/,
		);
		expect(searches()).toHaveLength(1);
	});

	it('a URL Unipile refuses: 400 errors/invalid_url says to paste a people search', async () => {
		fake.addFault({
			method: 'POST',
			path: '/api/v1/linkedin/search',
			status: 400,
			body: { status: 400, type: 'errors/invalid_url', title: 'Invalid URL' },
		});
		const result = await run(
			search({
				searchBy: 'url',
				searchUrl: 'https://www.linkedin.com/search/results/people/?keywords=x',
			}),
		);

		expect(result.error?.message).toMatch(
			/\[errors\/invalid_url\]\. Unipile refused the URL: for Profile → Search paste a LinkedIn people search/,
		);
		expect(searches()).toHaveLength(1);
	});

	it('the Location list: LinkedIn ids for what is typed, from the search parameters route', async () => {
		const parameters = search();
		const found = await searchList('searchLocations', parameters, ' paris ');

		expect(found.results).toEqual([{ name: 'Paris, Île-de-France, France', value: '101240143' }]);
		expect(fake.requests.map((r) => r.rawUrl)).toEqual([
			`/api/v1/linkedin/search/parameters?account_id=${ACCOUNT_ID}&type=LOCATION&limit=50&keywords=paris`,
		]);
		expect(fake.requests[0].headers['x-api-key']).toBe(UNIPILE_KEY);

		const companies = await searchList('searchCompanies', parameters, 'glob');
		expect(companies.results).toEqual([{ name: 'Globex', value: '2002' }]);
		const all = await searchList('searchLocations', parameters);
		expect(all.results.length).toBeGreaterThan(1);
		expect(fake.requests[2].query).toEqual({
			account_id: ACCOUNT_ID,
			type: 'LOCATION',
			limit: '50',
		});
	});

	it('a Sales Navigator result is invited after one lookup of its Classic id (By ID, an ACw… id)', async () => {
		const found = await run(search({ linkedinApi: 'salesNavigator', keywords: 'Curie', limit: 1 }));
		const salesId = String(found.items[0].json.provider_id);
		expect(salesId).toBe('ACwAABBBmarieCurie0000000000000000000000');
		fake.requests.length = 0;

		const result = await runNode({
			parameters: unipileParams('invitation', 'send', {
				profile: rl('providerId', '={{ $json.provider_id }}'),
			}),
			credentials: credentials(),
			items: found.items.map((item) => item.json),
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual([
			`GET /api/v1/users/${salesId}?account_id=${ACCOUNT_ID}`,
			'POST /api/v1/users/invite',
		]);
		expect(fake.requests[1].body).toEqual({
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
			account_id: ACCOUNT_ID,
		});
		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
			public_identifier: 'marie-curie',
			profile_url: 'https://www.linkedin.com/in/marie-curie/',
		});
	});
});

/**
 * Profile → Search on LinkupAPI through n8n-core's engine, on the wire (LS =
 * https://docs.linkupapi.com/api-reference/v2/profiles/search-people; LS1 = the v1 page it inherits
 * from, https://docs.linkupapi.com/api-reference/linkup/Profile/search): the exact `search_people`
 * bodies (text filters, `network` F/S/O, `total_results` for a small Limit, `start_page`/`end_page`
 * pages otherwise), the Limit exact across pages, an ID for Company or Location refused before
 * anything is sent, `fetch_invitation_state` only with Exclude Connected and Pending and what its
 * states become, the credits each page reports. What every service shares is in test/search.
 */
import type { IDataObject } from 'n8n-workflow';
import { linkupService } from '../../nodes/core/services/linkup';
import { linkupSearch, PAGE_SIZE, simplifyResult } from '../../nodes/core/services/linkup/search';
import type { SearchInput } from '../../nodes/core/services/types';
import type { ServiceClient } from '../../nodes/core/transport/types';
import { FakeLinkup } from '../fakes/linkup';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { LINKUP_ACCOUNT_ID, LINKUP_KEY, linkupParams, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeLinkup({ apiKey: LINKUP_KEY });
const baseUrl = useFake(fake);
const CREDITS = 10_000;

beforeEach(() => {
	// The fake charges 1 credit per person returned (LS's example): enough for whole searches.
	fake.credits = CREDITS;
});

/** No pause between pages in engine tests (the default is 2–5 s). */
const NO_PAUSE = { delayBetweenPages: { range: { minSeconds: 0, maxSeconds: 0 } } };

const search = async (extra: IDataObject = {}, options: IDataObject = {}) =>
	await runNode({
		parameters: linkupParams('profile', 'search', {
			returnAll: false,
			limit: 50,
			options: { ...NO_PAUSE, ...options },
			...extra,
		} as never),
		credentials: { linkupApi: { baseUrl: baseUrl(), apiKey: LINKUP_KEY } },
		onError: 'continueRegularOutput',
	});

/** The `params` of every search_people request, in order. */
const sent = () =>
	fake.searchRequests().map((r) => {
		const body = r.body as IDataObject;
		expect(body).toMatchObject({ account_id: LINKUP_ACCOUNT_ID, action: 'search_people' });
		expect(Object.keys(body).sort()).toEqual(['account_id', 'action', 'params']);
		return body.params as IDataObject;
	});

const slugs = (items: Array<{ json: IDataObject }>) =>
	items.map((item) => item.json.public_identifier);

const filters = (extra: IDataObject) => ({ additionalFilters: '{}', ...extra });
const byName = (value: string) => rl('name', value);

describe('Profile → Search on LinkupAPI (search_people)', () => {
	it('keywords, title, company and location by name, a degree: one body as LS shows it; a Limit under a page asks total_results', async () => {
		const result = await search({
			keywords: 'engineer',
			filters: filters({
				title: 'Software Engineer',
				company: byName('Acme'),
				location: byName('Paris'),
				connectionDegree: [2],
			}),
			limit: 5,
		});

		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual(['POST /v2/profiles']);
		expect(fake.requests[0].headers['x-api-key']).toBe(LINKUP_KEY);
		expect(sent()).toEqual([
			{
				keyword: 'engineer',
				title: 'Software Engineer',
				company_name: 'Acme',
				location: ['Paris'],
				network: ['S'],
				total_results: 5,
			},
		]);
		expect(result.items).toHaveLength(5);
		expect(result.items[0].json).toEqual({
			provider_id: null,
			public_identifier: 'alice-martin-001',
			profile_url: 'https://www.linkedin.com/in/alice-martin-001/',
			full_name: 'Alice Martin',
			first_name: 'Alice',
			last_name: 'Martin',
			headline: 'Software Engineer at Acme',
			location: 'Paris, Île-de-France, France',
			connection_degree: null,
			pending_invitation: null,
			source: 'classic',
		});
		expect(slugs(result.items)).toEqual([
			'alice-martin-001',
			'alice-bernard-013',
			'alice-dubois-025',
			'alice-schmidt-037',
			'alice-rossi-049',
		]);
		// 1 credit per person returned (the fake's reading of LS's example).
		expect(fake.credits).toBe(CREDITS - 5);
		expectNoSecret(result, LINKUP_KEY);
	});

	it(`Limit exact across pages: start_page = end_page = 1, 2, 3 (pages of ${PAGE_SIZE}), the last page cut`, async () => {
		const result = await search({ filters: filters({ connectionDegree: [3, 2] }), limit: 120 });

		expect(result.items).toHaveLength(120);
		expect(new Set(slugs(result.items)).size).toBe(120);
		expect(sent()).toEqual(
			[1, 2, 3].map((page) => ({ network: ['S', 'O'], start_page: page, end_page: page })),
		);
		// Every page read is charged in full, the 7 people cut from the last included: 50 + 50 + 27.
		expect(fake.credits).toBe(CREDITS - 127);
	});

	it('Return All with pages shorter than 50: reads until total_available_results are read, no further', async () => {
		fake.maxPageSize = 40;
		const result = await search({
			filters: filters({ connectionDegree: [2, 3] }),
			returnAll: true,
		});

		// Everyone but the one first-degree connection (linus-t): 7 + 120.
		expect(result.items).toHaveLength(127);
		expect(new Set(slugs(result.items)).size).toBe(127);
		expect(sent().map((p) => [p.start_page, p.end_page])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3],
			[4, 4],
		]);
	});

	it('a short total_results answer goes on in pagination mode from page 1; members met twice come out once', async () => {
		fake.maxPageSize = 3;
		const result = await search({ keywords: 'engineer', limit: 5 });

		expect(sent()).toEqual([
			{ keyword: 'engineer', total_results: 5 },
			{ keyword: 'engineer', start_page: 1, end_page: 1 },
			{ keyword: 'engineer', start_page: 2, end_page: 2 },
		]);
		expect(result.items).toHaveLength(5);
		expect(new Set(slugs(result.items)).size).toBe(5);
	});

	it('the last result of a page repeated at the top of the next is output once; the Limit holds', async () => {
		fake.searchDuplicates = true;
		const result = await search({ filters: filters({ connectionDegree: [2, 3] }), limit: 120 });

		expect(result.items).toHaveLength(120);
		expect(new Set(slugs(result.items)).size).toBe(120);
		expect(sent().map((p) => p.start_page)).toEqual([1, 2, 3]);
	});

	it.each([
		['Company', 'company', rl('id', '1441')],
		['Company', 'company', rl('list', '1441')],
		['Location', 'location', rl('list', '105015875')],
	])(
		'%s as a LinkedIn ID (%#) fails the item before anything is sent: LinkupAPI takes text',
		async (label, field, value) => {
			const result = await search({ keywords: 'engineer', filters: filters({ [field]: value }) });

			expect(result.items[0].json).toMatchObject({
				error: expect.stringMatching(
					new RegExp(`^LinkupAPI takes the ${field} as text.*set '${label}' to By Name`),
				),
				code: 'INPUT',
			});
			expect(fake.requests).toHaveLength(0);
		},
	);

	it.each([
		[[1], ['F']],
		[[2], ['S']],
		[[3], ['O']],
		[
			[3, 1],
			['F', 'O'],
		],
		[
			[1, 2, 3],
			['F', 'S', 'O'],
		],
	])('Connection Degree %j → network %j (LS1: F 1st, S 2nd, O 3rd+)', async (degrees, network) => {
		await search({ filters: filters({ connectionDegree: degrees }), limit: 1 });
		expect(sent()).toEqual([{ network, total_results: 1 }]);
	});

	it('fetch_invitation_state only with Exclude Connected and Pending, which drops CONNECTED and PENDING', async () => {
		fake.seedInvitationTo('marie-curie');
		const plain = await search({ filters: filters({ connectionDegree: [1, 2] }), limit: 5 });
		expect(sent()).toEqual([{ network: ['F', 'S'], total_results: 5 }]);
		// Not asked: nothing said about invitations or degrees.
		expect(plain.items.map((item) => item.json.pending_invitation)).toEqual(Array(5).fill(null));
		expect(plain.items.map((item) => item.json.connection_degree)).toEqual(Array(5).fill(null));

		fake.requests.length = 0;
		const kept = await search(
			{ filters: filters({ connectionDegree: [1, 2] }), limit: 5 },
			{ excludeConnectedAndPending: true },
		);
		// A page, not total_results: people will be dropped.
		expect(sent()).toEqual([
			{ network: ['F', 'S'], fetch_invitation_state: true, start_page: 1, end_page: 1 },
		]);
		expect(slugs(kept.items)).toEqual([
			'julien-crepieux',
			'jérôme-dupont',
			'sam-sales',
			'barbara-liskov',
			'rosalind-franklin',
		]);
		expect(kept.items.map((item) => item.json.pending_invitation)).toEqual(Array(5).fill(false));
	});

	it('invitation_state read: CONNECTED → degree 1 and not pending, PENDING → pending, CAN_INVITE → not pending', async () => {
		fake.seedInvitationTo('marie-curie');
		const result = await search({
			filters: filters({
				connectionDegree: [1, 2],
				additionalFilters: '{"fetch_invitation_state": true}',
			}),
			limit: 4,
		});

		expect(sent()).toEqual([
			{ network: ['F', 'S'], fetch_invitation_state: true, total_results: 4 },
		]);
		expect(
			result.items.map(({ json }) => [
				json.public_identifier,
				json.connection_degree,
				json.pending_invitation,
			]),
		).toEqual([
			['julien-crepieux', null, false],
			['marie-curie', null, true],
			['jérôme-dupont', null, false],
			['linus-t', 1, false],
		]);
	});

	it('reads the states the pages show (LS: CONNECTED, PENDING; LS1: CAN_INVITE, INVITATION_SENT; check_invitation: ACCEPTED, NO_INVITATION); others are not said', () => {
		const state = (invitation_state?: string, extra: IDataObject = {}) => {
			const json = simplifyResult({ public_id: 'janedoe', invitation_state, ...extra });
			return [json.connection_degree, json.pending_invitation];
		};
		expect(state('CONNECTED')).toEqual([1, false]);
		expect(state('ACCEPTED')).toEqual([1, false]);
		expect(state('PENDING')).toEqual([null, true]);
		expect(state('INVITATION_SENT')).toEqual([null, true]);
		expect(state('CAN_INVITE')).toEqual([null, false]);
		expect(state('NO_INVITATION')).toEqual([null, false]);
		expect(state('SOMETHING_NEW')).toEqual([null, null]);
		expect(state(undefined)).toEqual([null, null]);
		// LS1's connection_level, should an answer carry it.
		expect(state(undefined, { connection_level: '2nd degree' })).toEqual([2, null]);
		expect(state(undefined, { connection_level: '3rd+ degree' })).toEqual([3, null]);
	});

	it("LS's example result in the shared fields (a member-id URL gives provider_id)", () => {
		expect(
			simplifyResult({
				public_id: 'janedoe',
				first_name: 'Jane',
				last_name: 'Doe',
				headline: 'Software Engineer at TechCo',
				location: 'San Francisco, CA',
				profile_picture_url: 'https://media.licdn.com/dms/image/example.jpg',
				linkedin_url: 'https://www.linkedin.com/in/janedoe',
				invitation_state: 'CONNECTED',
			}),
		).toEqual({
			provider_id: null,
			public_identifier: 'janedoe',
			profile_url: 'https://www.linkedin.com/in/janedoe/',
			full_name: 'Jane Doe',
			first_name: 'Jane',
			last_name: 'Doe',
			headline: 'Software Engineer at TechCo',
			location: 'San Francisco, CA',
			connection_degree: 1,
			pending_invitation: false,
			source: 'classic',
		});
		const id = 'ACoAABBBmarieCurie0000000000000000000000';
		expect(simplifyResult({ linkedin_url: `https://www.linkedin.com/in/${id}` })).toMatchObject({
			provider_id: id,
			public_identifier: null,
			profile_url: `https://www.linkedin.com/in/${id}/`,
		});
	});

	it('Simplify off: the result as LinkupAPI gave it, with its page metadata (credits_consumed for the page)', async () => {
		const result = await search({ keywords: 'engineer', limit: 3, simplify: false });

		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toEqual({
			public_id: 'alice-martin-001',
			first_name: 'Alice',
			last_name: 'Martin',
			headline: 'Software Engineer at Acme',
			location: 'Paris, Île-de-France, France',
			profile_picture_url: 'https://media.example.invalid/alice-martin-001.jpg',
			linkedin_url: 'https://www.linkedin.com/in/alice-martin-001',
			metadata: {
				action: 'search_people',
				account_id: LINKUP_ACCOUNT_ID,
				credits_consumed: 3,
				timestamp: expect.any(String),
			},
		});
		expect(fake.credits).toBe(CREDITS - 3);
	});

	it('Additional Filters go into params in LS names; paging params there are refused before anything is sent', async () => {
		await search({
			keywords: 'engineer',
			filters: filters({
				additionalFilters:
					'{"school_url": ["https://www.linkedin.com/school/mit/"], "first_name": "Alice"}',
			}),
			limit: 2,
		});
		expect(sent()).toEqual([
			{
				keyword: 'engineer',
				school_url: ['https://www.linkedin.com/school/mit/'],
				first_name: 'Alice',
				total_results: 2,
			},
		]);

		fake.requests.length = 0;
		const paged = await search({
			keywords: 'engineer',
			filters: filters({ additionalFilters: '{"start_page": 3}' }),
		});
		expect(paged.items[0].json).toMatchObject({
			error: expect.stringMatching(/sets start_page: the node pages the search itself/),
			code: 'INPUT',
		});
		expect(fake.requests).toHaveLength(0);
	});

	it('a field LinkupAPI refuses (INVALID_PARAMS) fails the item with the advice; nothing charged', async () => {
		const result = await search({
			keywords: 'engineer',
			filters: filters({ additionalFilters: '{"schools": ["mit"]}' }),
		});
		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(
				/\[INVALID_PARAMS\]\. LinkupAPI refused a parameter.*Additional Filters/,
			),
			code: 'INVALID_PARAMS',
		});
		expect(fake.credits).toBe(CREDITS);
	});

	it('no URL search and no Sales Navigator: not offered, and refused should an input reach the adapter', async () => {
		expect(linkupSearch).toMatchObject({
			byUrl: false,
			salesNavigator: false,
			maxResults: { classic: 1000, salesNavigator: 1000 },
		});
		expect(linkupSearch.parameters).toBeUndefined();
		const client = {
			request: () => {
				throw new Error('nothing may be sent');
			},
		} as unknown as ServiceClient;
		const input: SearchInput = {
			accountId: LINKUP_ACCOUNT_ID,
			url: 'https://www.linkedin.com/search/results/people/?keywords=founder',
			api: 'classic',
			connectionDegree: [],
			additionalFilters: {},
			excludeConnectedAndPending: false,
		};
		await expect(linkupSearch.readPage(client, input, undefined, 10, {})).rejects.toThrow(
			/does not search from a pasted search URL/,
		);
		await expect(
			linkupSearch.readPage(
				client,
				{ ...input, url: undefined, api: 'salesNavigator' },
				undefined,
				10,
				{},
			),
		).rejects.toThrow(/not Sales Navigator/);
	});

	it('says what a search costs when LinkupAPI is chosen', () => {
		expect(linkupService.search).toBe(linkupSearch);
		expect(linkupService.notices?.['profile:search']).toMatch(/credits.*up to 50 people/);
	});
});

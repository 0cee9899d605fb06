/**
 * Profile → Search on every service, through n8n-core's engine against the fakes: the Limit is
 * exact across pages, Return All stops where the search ends, a member met on two pages comes out
 * once, Exclude Connected and Pending drops connections and pending invitations, an empty search
 * sends nothing, and a result goes straight into Send Invitation without another lookup.
 */
import type { IDataObject } from 'n8n-workflow';
import { SEARCH_FIELDS } from '../../nodes/core/services/results';
import { NODE_NAME, runNode } from '../helpers/engine';
import { rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

interface SearchFake {
	searchRequests(): unknown[];
	searchDuplicates: boolean;
	maxPageSize: number;
}

/** No pause between pages in engine tests (the default is 2–5 s). */
const NO_PAUSE = { delayBetweenPages: { range: { minSeconds: 0, maxSeconds: 0 } } };

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const fake = service.fake as unknown as SearchFake;
	const linkup = service.name === 'LinkupAPI';
	const search = async (extra: IDataObject = {}, options: IDataObject = {}) =>
		await runNode({
			parameters: service.params('profile', 'search', {
				keywords: 'engineer',
				options: { ...NO_PAUSE, ...options },
				...extra,
			} as never),
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});
	const hintsOf = (result: Awaited<ReturnType<typeof search>>) =>
		(result.run?.data.resultData.runData[NODE_NAME]?.[0]?.hints ?? [])
			.map((hint) => hint.message)
			.join(' ');
	const idOf = (item: { json: IDataObject }) =>
		String(item.json.provider_id ?? item.json.public_identifier);

	it('Limit is exact across pages shorter than asked; every item has the shared fields', async () => {
		fake.maxPageSize = 10;
		const result = await search({ returnAll: false, limit: 25 });

		expect(result.items).toHaveLength(25);
		for (const item of result.items) {
			expect(Object.keys(item.json).filter((key) => key !== 'sales_navigator_url')).toEqual(
				SEARCH_FIELDS.filter((key) => key !== 'sales_navigator_url'),
			);
			expect(item.json.profile_url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[^/]+\/$/);
			expect(item.json.source).toBe('classic');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(new Set(result.items.map(idOf)).size).toBe(25);
		expect(fake.searchRequests().length).toBeGreaterThanOrEqual(3);
		// LinkupAPI bills the pages in credits: the run says what the search cost.
		if (linkup) expect(hintsOf(result)).toMatch(/The search cost \d+ credits?/);
		else expect(hintsOf(result)).toBe('');
	});

	it('a member met on two pages is output once, and the Limit still holds', async () => {
		fake.maxPageSize = 10;
		fake.searchDuplicates = true;
		const result = await search({ returnAll: false, limit: 25 });

		expect(result.items).toHaveLength(25);
		expect(new Set(result.items.map(idOf)).size).toBe(25);
	});

	it('Return All reads to the end of the search, and no further', async () => {
		fake.maxPageSize = 10;
		const result = await search({ returnAll: true });
		const requests = fake.searchRequests().length;

		expect(result.items.length).toBeGreaterThan(25);
		expect(new Set(result.items.map(idOf)).size).toBe(result.items.length);
		// Pages of 10, and at most one more to learn that the search ended.
		expect(requests).toBeLessThanOrEqual(Math.ceil(result.items.length / 10) + 1);
	});

	it('Exclude Connected and Pending drops first-degree connections and pending invitations', async () => {
		const all = await search({ keywords: 'Torvalds', returnAll: true });
		const linus = all.items.find((item) => item.json.public_identifier === 'linus-t');
		expect(linus).toBeDefined();
		if (!linkup) expect(linus?.json.connection_degree).toBe(1);

		const kept = await search(
			{ keywords: 'Torvalds', returnAll: true },
			{ excludeConnectedAndPending: true },
		);
		expect(kept.items.map((item) => item.json.public_identifier)).not.toContain('linus-t');
	});

	const badInput: Array<[string, IDataObject, RegExp]> = [
		['nothing to search for', { keywords: '' }, /^Nothing to search for/],
		[
			'Additional Filters that are not JSON',
			{ filters: { additionalFilters: '{industry: 4' } },
			/'Additional Filters \(JSON\)' is not valid JSON/,
		],
		[
			'Additional Filters that are a list',
			{ filters: { additionalFilters: '[1, 2]' } },
			/must be a JSON object/,
		],
		[
			'a company ID that is not digits',
			{ filters: { company: rl('id', 'Acme Inc') } },
			/'Company' "Acme Inc" is not a LinkedIn ID/,
		],
		...(linkup
			? []
			: [
					[
						'a search URL that is not a people search',
						{ searchBy: 'url', searchUrl: 'https://www.linkedin.com/company/unipile/' },
						/'Search URL' .* is not a LinkedIn people search/,
					] as [string, IDataObject, RegExp],
				]),
	];
	it.each(badInput)('%s fails the item and sends nothing', async (_label, extra, message) => {
		const result = await search(extra);

		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(message),
			code: 'INPUT',
		});
		expect(service.fake.requests).toHaveLength(0);
	});

	it("a Limit over LinkedIn's cap for one search reads up to the cap and says so in the output", async () => {
		fake.maxPageSize = 100;
		const result = await search({ returnAll: false, limit: 5000 });

		expect(hintsOf(result)).toMatch(/Limit 5000 is over what/);
	});

	it('a result goes straight into Send Invitation: no lookup where the service gave the member id', async () => {
		const found = await search({ returnAll: false, limit: 3 });
		service.fake.requests.length = 0;
		const sent = await runNode({
			parameters: service.params('invitation', 'send', {
				profile: linkup
					? rl('url', '={{ $json.profile_url }}')
					: rl('providerId', '={{ $json.provider_id }}'),
				options: {},
			} as never),
			credentials: service.credentials(baseUrl()),
			items: found.items.map((item) => item.json),
			onError: 'continueRegularOutput',
		});

		expect(sent.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent']);
		expect(service.inviteRequests()).toHaveLength(3);
		// Only the invitations went out (LinkupAPI: one call per row, straight from the URL).
		expect(service.fake.requests).toHaveLength(3);
	});
});

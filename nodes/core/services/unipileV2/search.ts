/**
 * Profile → Search for Unipile API v2: one page of LinkedIn's people search (Classic or Sales
 * Navigator, from keywords and filters or from a pasted search URL) in the shared fields
 * (SEARCH_FIELDS), and the ids behind the Location and Company lists. Paging to the Limit, the cap,
 * duplicates and pauses are decided above every service (services/searchPaging.ts).
 *
 * Sources (tags as in the v2 fact sheet; PY = unipile/unipile-python@6171191):
 * - Routes, PY unipile/api/linked_in_api.py `resource_path` and docs/LinkedInApi.md:45-53:
 *   Classic `POST /v2/{account_id}/linkedin/search/people` (:11998), Classic from a URL
 *   `POST …/linkedin/search` (:12644), Sales Navigator `POST …/linkedin/sales-navigator/search/people`
 *   (:14274) and from a URL `POST …/linkedin/sales-navigator/search` (:14597). N8N
 *   (unipile/n8n-nodes-unipile@21c72297 Unipile.node.ts `execute()`): `linkedinClassic`
 *   `searchPeople` and `linkedinSalesNavigator` `searchPeople` post `{keywords, ...filters}` to the
 *   same paths, `searchFromUrl` posts `{url}` to `/linkedin/sales-navigator/search`.
 * - Paging: `offset` and `limit` are **query** parameters on all four (PY :11956-11960,
 *   :12602-12606, :14232-14236, :14555-14559; the body is the request model alone). No `cursor`
 *   parameter exists on them. DOC /v2.0/docs/linkedin-search-users: "Pagination on the endpoints in
 *   this guide uses exclusively the offset parameter"; DOC /v2.0/reference/performsalessearchfromurl:
 *   `limit` "Defaults to 20".
 * - Bodies: PY docs/PerformClassicPeopleSearchRequest.md:8-20 (`keywords`, `network_distance`
 *   numbers 1|2|3, validator models/perform_classic_people_search_request.py:48-57; `location[]`
 *   and `current_company[]` parameter IDs; `advanced_keywords`), docs/
 *   PerformClassicPeopleSearchRequestAdvancedKeywords.md:9-13 (`title` "Native filter : Title",
 *   `company` "Native filter : Company", both text); docs/PerformSalesPeopleSearchRequest.md
 *   (`current_company`, `current_job_title`, `location`: `{include, exclude}`, per
 *   docs/PerformSalesPeopleSearchRequestCurrentCompany.md:9-10, …CurrentJobTitle.md:9-10,
 *   …Location.md:9-10; `network_distance` "1 for First, 2 for Second, 3 for Third+ and GROUP").
 *   Both request models keep unknown top-level fields (`additional_properties`,
 *   perform_classic_people_search_request.py:45, perform_sales_people_search_request.py:91), so
 *   Additional Filters (JSON) are merged in as given. From a URL: `{url}` required
 *   (docs/PerformClassicSearchFromUrlRequest.md:8; the Sales Navigator route takes the same model,
 *   linked_in_api.py:14294).
 * - Answers `{data, total_count?, next_cursor?}` (docs/PerformClassicPeopleSearch200Response.md:8-10,
 *   docs/PeopleSearch2.md:8-10). Classic items (docs/PeopleSearchResultsDataInner.md:8-28):
 *   `object: "PeopleSearchResult"`, `id`, `display_name`, `public_identifier?`, `profile_url?`,
 *   `location?`, `headline`, `network_distance` SELF | FIRST_DEGREE | SECOND_DEGREE | THIRD_DEGREE |
 *   OUT_OF_NETWORK (models/people_search_results_data_inner.py:60-64), `product: "classic"`. Sales
 *   Navigator items (docs/PeopleSearch2DataInner.md:8-45): the same identity fields, `product:
 *   "sales_navigator"`, `network_distance` an undocumented (empty) schema. A saved lead list read
 *   from a URL answers `SavedLead` items with the same identity fields (docs/LeadListDataInner.md,
 *   models/lead_list_data_inner.py:79-83). No item has a first name, a last name or a
 *   pending-invitation flag.
 * - Filter IDs: `GET /v2/{account_id}/linkedin/search/parameters` (PY :6112) with query `type`,
 *   `keywords` (required, docs/LinkedInApi.md:1718-1722) and `limit` 1-100 (linked_in_api.py:5806;
 *   default 10); N8N `getSearchParameters` sends `{type, keywords}` in the query to the same path.
 *   Answer `{data: [{object: "SearchParameter", id, name, metadata?}]}`
 *   (docs/GetClassicSearchParameters200ResponseDataInner.md:8-11): v1's `title` is now `name`.
 */
import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../shared/inputError';
import { lookupMap } from '../../shared/lookup';
import { identifierInUrl, profileUrlOf, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { fullName, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { productOf } from '../searchPaging';
import type {
	OperationResult,
	PeopleSearch,
	SearchApi,
	SearchFilterValue,
	SearchInput,
	SearchPage,
	SearchParameter,
} from '../types';
import { accountPath } from './routes';

/**
 * ASSUMPTION: the most results one page may ask for. v2 documents no maximum (only the default 20);
 * these are v1's ("Linkedin Classic shouldn't exceed 50", up to 100 for Sales Navigator, v1 spec
 * `POST /api/v1/linkedin/search` `limit`, fact sheet §1.10). A page shorter than asked is read as
 * it comes (the next offset counts what came); a size v2 refused would fail the item with its own
 * message, not shorten the results.
 */
export const SEARCH_PAGE_MAX: Record<SearchApi, number> = { classic: 50, salesNavigator: 100 };

/** How many filter IDs the Location and Company lists ask for (the route allows 1-100). */
export const PARAMETER_LIMIT = 50;

/**
 * The member's distance. Classic: FIRST_DEGREE… (documented). ASSUMPTION: Sales Navigator's
 * undocumented `network_distance` uses the same words; v1's DISTANCE_n and plain numbers are read
 * too, so either form still gives a degree. Any other word gives `connection_degree: null`, and
 * Exclude Connected and Pending then keeps the person (nobody is dropped on a guess).
 */
const DEGREES = lookupMap<1 | 2 | 3>({
	FIRST_DEGREE: 1,
	SECOND_DEGREE: 2,
	THIRD_DEGREE: 3,
	DISTANCE_1: 1,
	DISTANCE_2: 2,
	DISTANCE_3: 3,
});

function degreeOf(distance: unknown): 1 | 2 | 3 | null {
	if (distance === 1 || distance === 2 || distance === 3) return distance;
	return (typeof distance === 'string' && DEGREES.get(distance)) || null;
}

/** Items that are people (a URL can name a companies search; those items are left out). */
const PERSON_OBJECTS = new Set(['PeopleSearchResult', 'SavedLead']);

/** A Sales Navigator lead page (v1's SN results gave `…/sales/lead/ACw…,NAME_SEARCH,…`). */
const SALES_URL = /^https:\/\/(?:[a-z0-9-]+\.)*linkedin\.com\/sales\//i;

/** One result in the shared fields, in SEARCH_FIELDS order; null where the answer says nothing. */
export function personOf(item: IDataObject, product: SearchApi): IDataObject {
	const given = text(item.profile_url);
	const inUrl = given && !SALES_URL.test(given) ? identifierInUrl(given) : undefined;
	const slug =
		text(item.public_identifier) ?? (inUrl?.kind === 'publicIdentifier' ? inUrl.value : undefined);
	const source =
		item.product === 'sales_navigator' ||
		(item.product === undefined && product === 'salesNavigator')
			? 'sales_navigator'
			: 'classic';
	const person: IDataObject = {
		provider_id: text(item.id) ?? null,
		public_identifier: slug ?? null,
		profile_url: profileUrlOfSlug(slug) ?? (inUrl ? profileUrlOf(inUrl) : null),
		full_name: text(item.display_name) ?? fullName(item.first_name, item.last_name) ?? null,
		first_name: text(item.first_name) ?? null,
		last_name: text(item.last_name) ?? null,
		headline: text(item.headline) ?? null,
		location: text(item.location) ?? null,
		connection_degree: degreeOf(item.network_distance),
		// v2's search items carry no invitation state (fact sheet §5.6).
		pending_invitation: null,
		source,
	};
	if (given && SALES_URL.test(given)) person.sales_navigator_url = given;
	return person;
}

/** An id-only filter: a name given By Name is refused before anything is sent. */
function idOf(filter: SearchFilterValue, label: string, listed: string): string {
	if (filter.isId) return filter.value;
	throw new InputError(
		`'${label}' ${JSON.stringify(filter.value.slice(0, 40))} is a name, but Unipile v2 takes LinkedIn's ${listed} ID here: pick it From List (or give the ID By ID). Nothing was sent.`,
	);
}

/**
 * `extra` over `base`; a field both give as an object (e.g. `advanced_keywords`, Sales Navigator's
 * `{include, exclude}`) is merged one level deep, anything else is Additional Filters' own value.
 */
export function mergeFilters(base: IDataObject, extra: IDataObject): IDataObject {
	const merged: IDataObject = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const mine = merged[key];
		const both =
			mine && typeof mine === 'object' && !Array.isArray(mine) && object(value) === value;
		merged[key] = both ? { ...(mine as IDataObject), ...(value as IDataObject) } : value;
	}
	return merged;
}

/**
 * Classic: `keywords`; the title as `advanced_keywords.title` (Classic's only job-title filter);
 * a company ID in `current_company[]`, a company name in `advanced_keywords.company` (a text filter);
 * a location ID in `location[]` (IDs only); the degrees as `network_distance` numbers.
 */
export function classicBody(input: SearchInput): IDataObject {
	const body: IDataObject = {};
	const advanced: IDataObject = {};
	if (input.keywords) body.keywords = input.keywords;
	if (input.title) advanced.title = input.title;
	if (input.company) {
		if (input.company.isId) body.current_company = [input.company.value];
		else advanced.company = input.company.value;
	}
	if (input.location) body.location = [idOf(input.location, 'Location', 'location')];
	if (input.connectionDegree?.length) body.network_distance = [...input.connectionDegree];
	if (Object.keys(advanced).length) body.advanced_keywords = advanced;
	return mergeFilters(body, input.additionalFilters ?? {});
}

/**
 * Sales Navigator: `keywords`; `current_job_title`, `current_company` and `location` as
 * `{include: […]}`; the degrees as `network_distance` numbers.
 *
 * ASSUMPTION: the title and a company name go into `include` as text. v2 describes JOB_TITLE and
 * COMPANY parameter IDs only; v1's same filters said "You can also set a plain text job title
 * instead" and "…a plain text company name instead" (v1 spec `role` and `company`, fact sheet
 * §1.3), and v2's models, unlike for `location`, accept any text there. A location stays IDs only.
 * Were v2 to take IDs only, it would refuse the search (the item fails with its message) or ignore
 * the text and return a wider search, never a narrower one; Company From List sends IDs.
 */
export function salesNavigatorBody(input: SearchInput): IDataObject {
	const body: IDataObject = {};
	if (input.keywords) body.keywords = input.keywords;
	if (input.title) body.current_job_title = { include: [input.title] };
	if (input.company) body.current_company = { include: [input.company.value] };
	if (input.location) body.location = { include: [idOf(input.location, 'Location', 'location')] };
	if (input.connectionDegree?.length) body.network_distance = [...input.connectionDegree];
	return mergeFilters(body, input.additionalFilters ?? {});
}

/** Classic unless the search is a Sales Navigator one (a pasted URL says which itself). */
function productIn(input: SearchInput): SearchApi {
	return productOf(input) === 'salesNavigator' ? 'salesNavigator' : 'classic';
}

/** The route and body for a search: from a URL (its product read from it), or from filters. */
export function searchRequest(input: SearchInput): { url: string; body: IDataObject } {
	const product = productIn(input);
	const linkedin = product === 'salesNavigator' ? ['linkedin', 'sales-navigator'] : ['linkedin'];
	if (input.url)
		return { url: accountPath(input.accountId, ...linkedin, 'search'), body: { url: input.url } };
	return {
		url: accountPath(input.accountId, ...linkedin, 'search', 'people'),
		body: product === 'salesNavigator' ? salesNavigatorBody(input) : classicBody(input),
	};
}

/**
 * One page. The token is the next `offset`: this one plus the items the page held (a page may be
 * shorter than asked). The end: an empty page, or `total_count` reached. ASSUMPTION: without
 * `total_count` a short page is not taken as the end (a service may cap a page below the `limit`
 * asked), so the end is learnt from an empty page. `next_cursor` is not used: these routes take no
 * cursor.
 */
async function readPage(
	client: ServiceClient,
	input: SearchInput,
	token: string | undefined,
	wanted: number | undefined,
): Promise<SearchPage> {
	const product = productIn(input);
	const request = searchRequest(input);
	const offset = token ? Number(token) : 0;
	const limit = Math.max(1, Math.min(SEARCH_PAGE_MAX[product], wanted ?? SEARCH_PAGE_MAX[product]));
	const answer = await client.request({
		method: 'POST',
		url: request.url,
		qs: offset > 0 ? { offset, limit } : { limit },
		body: request.body,
		// A search reads: asking again changes nothing.
		idempotent: true,
	});
	// An answer without a `data` list reads as an empty page (the end), as the v2 lists do (lists.ts).
	const items = objects(answer.data);
	const results: OperationResult[] = items
		.filter((item) => item.object === undefined || PERSON_OBJECTS.has(String(item.object)))
		.map((raw) => ({ simplified: personOf(raw, product), raw }));
	const total = typeof answer.total_count === 'number' ? answer.total_count : undefined;
	const next = offset + items.length;
	const more = items.length > 0 && (total === undefined || next < total);
	return { results, nextPageToken: more ? String(next) : undefined, total };
}

/**
 * IDs for the Location and Company lists from Classic's parameters route (LinkedIn's location and
 * company IDs are the same for Sales Navigator searches). `keywords` is required there: an empty
 * query lists nothing and sends nothing.
 */
async function parameters(
	client: ServiceClient,
	accountId: string,
	type: 'LOCATION' | 'COMPANY',
	query: string,
): Promise<SearchParameter[]> {
	if (!query) return [];
	const answer = await client.request({
		method: 'GET',
		url: accountPath(accountId, 'linkedin', 'search', 'parameters'),
		qs: { type, keywords: query, limit: PARAMETER_LIMIT },
		idempotent: true,
	});
	return objects(answer.data).flatMap((parameter) => {
		const id = typeof parameter.id === 'number' ? String(parameter.id) : text(parameter.id);
		const name = text(parameter.name);
		return id && name ? [{ id, name }] : [];
	});
}

/**
 * ASSUMPTION (fact sheet §1.10, from Unipile's provider-limits page as summarised, not a v2
 * source): LinkedIn gives at most 1,000 results per Classic search and 2,500 per Sales Navigator one.
 * A larger Limit stops there and the run's output says so; were LinkedIn to give more, the rest of
 * the search is what a narrower one would read (never dropped without that hint).
 */
export const unipileV2Search: PeopleSearch = {
	byUrl: true,
	salesNavigator: true,
	maxResults: { classic: 1000, salesNavigator: 2500 },
	readPage: async (client, input, token, wanted) => await readPage(client, input, token, wanted),
	parameters,
};

/**
 * Unipile v1's part of Profile → Search: one page of LinkedIn's people search (`POST
 * /api/v1/linkedin/search`, operationId A_search) and the ids for the Location and Company filters
 * (`GET /api/v1/linkedin/search/parameters`, A_getSearchParametersList). Paging to the Limit, the
 * cap, duplicates and pauses are decided above every service (services/searchPaging.ts).
 *
 * Sources. "Lnnnnn" is a line of Unipile's v1 OpenAPI document ("Unipile API Reference" 1.0,
 * unipile-v1-openapi.yaml, the source of test/contract/unipile-v1.openapi.json):
 * - Query (L30834-30862): `account_id` required; `limit` 0–100, default 10, "Can bet set up to
 *   100 results for Sales Navigator and Recruiter, but Linkedin Classic shouldn't exceed 50"
 *   (L30846-30856); `cursor` (L30834-30845).
 * - Body, required (L30864-30866), one of: "Classic - People" (L30870-31020: `keywords`,
 *   `location`/`company` as LinkedIn ids `^\d+$`, `network_distance` 1|2|3, the job title only as
 *   `advanced_keywords.title`), "Sales Navigator - People" (L31472-32051: `location.include` ids,
 *   `company.include` "You can also set a plain text company name instead" L31650-31677,
 *   `role.include` "You can also set a plain text job title instead" L31816-31843,
 *   `network_distance` L31929-31943), "Search from URL" (L33057-33066: "Setting this parameter
 *   will override the entire body"), "Cursor" (L33067-33083: "In the case of a long cursor, you
 *   may want to set it in the body rather than in the query parameters").
 * - Answer (L33086-36471): `{object: "LinkedinSearch", items, config, paging{start, page_count,
 *   total_count}, cursor}`; a person (L33100-33520) has `id`, `public_identifier`,
 *   `public_profile_url`, `profile_url`, `name`, `network_distance` SELF | DISTANCE_1 | DISTANCE_2 |
 *   DISTANCE_3 | OUT_OF_NETWORK (L33145-33161), `headline`, `location`, and optionally
 *   `first_name`, `last_name`, `pending_invitation` (L33178).
 * - Search parameters (L30554-30824): `account_id`, `type` (LOCATION, COMPANY, …), `keywords`,
 *   `limit` 1–100; items `{id, title}`.
 * - developer.unipile.com/docs/linkedin-search (the search guide): Classic results carry `ACo…`
 *   ids and a profile_url `…/in/<slug>?miniProfileUrn=…` (often without public_identifier);
 *   Sales Navigator results `ACw…` ids, a `…/sales/lead/…` profile_url, `public_identifier` and
 *   `public_profile_url`; the cursor is base64 JSON carrying the account, limit, start and params.
 * - developer.unipile.com/docs/users-overview: a member has one id per product (Classic `ACo…`,
 *   Sales Navigator `ACw…`, Recruiter `AE…`), converted with the profile route; Send Invitation
 *   does so (invitations.ts, looksUpFirst).
 */
import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../shared/inputError';
import { lookupMap } from '../../shared/lookup';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { fullName, object, objects, text } from '../../shared/values';
import { productOf } from '../searchPaging';
import type {
	OperationResult,
	PeopleSearch,
	SearchApi,
	SearchFilterValue,
	SearchInput,
	SearchParameter,
} from '../types';
import { SEARCH, SEARCH_PARAMETERS } from './routes';

/** Most results per page (L30846-30856): Classic "shouldn't exceed 50", Sales Navigator 100. */
export const PAGE_MAX: Record<SearchApi, number> = { classic: 50, salesNavigator: 100 };

/**
 * ASSUMPTION: how many filter ids the editor's list shows for what the user typed (the route takes
 * 1–100, default 10; how many LinkedIn finds for a name is not documented). Should LinkedIn find
 * more, the list shows the first 50: a more precise name, or the ID By ID, reaches the others.
 */
const PARAMETERS_LIMIT = 50;

/** The spec's distances (L33145-33161); SELF and OUT_OF_NETWORK have no degree. */
const DEGREE = lookupMap({ DISTANCE_1: 1, DISTANCE_2: 2, DISTANCE_3: 3 });

/** Classic member ids (ACo…, recently ADo…): `/in/<id>/` opens the profile. */
const CLASSIC_ID = /^(?:ACo|ADo)/;

function isPlainObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Additional Filters (JSON) over the node's own fields: theirs win, and an object both give (e.g.
 * Sales Navigator's `company: {include, exclude}`, Classic's `advanced_keywords`) is merged one
 * level. Built with fromEntries so a `__proto__` key stays a plain key.
 */
function withAdditional(ours: IDataObject, theirs: IDataObject): IDataObject {
	const own = (source: IDataObject, key: string) =>
		Object.prototype.hasOwnProperty.call(source, key);
	const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
	return Object.fromEntries(
		keys.map((key) => {
			const mine = own(ours, key) ? ours[key] : undefined;
			if (!own(theirs, key)) return [key, mine];
			const given = theirs[key];
			return [key, isPlainObject(mine) && isPlainObject(given) ? { ...mine, ...given } : given];
		}),
	);
}

/** A filter Unipile takes only as LinkedIn's id (Classic location and company; any location). */
function idOnly(
	filter: SearchFilterValue,
	label: 'Company' | 'Location',
	classic: boolean,
): string {
	if (filter.isId) return filter.value;
	const product = classic ? 'LinkedIn Classic search' : 'Sales Navigator search';
	throw new InputError(
		`'${label}' ${JSON.stringify(filter.value.slice(0, 60))} is a name, but ${product} on Unipile takes a LinkedIn ${label.toLowerCase()} ID: pick it From List (or give its ID By ID)${label === 'Company' ? ", or set 'LinkedIn API' to Sales Navigator, which takes a company name" : ''}. Nothing was sent.`,
	);
}

function distances(input: SearchInput): number[] {
	return [...new Set(input.connectionDegree ?? [])].sort((a, b) => a - b);
}

/** "Classic - People" (L30870-31020). */
function classicBody(input: SearchInput): IDataObject {
	const body: IDataObject = {};
	if (input.keywords) body.keywords = input.keywords;
	if (input.title) body.advanced_keywords = { title: input.title };
	if (input.company) body.company = [idOnly(input.company, 'Company', true)];
	if (input.location) body.location = [idOnly(input.location, 'Location', true)];
	const degrees = distances(input);
	if (degrees.length) body.network_distance = degrees;
	return body;
}

/** "Sales Navigator - People" (L31472-32051): `{include}` objects; company and title as text or id. */
function salesNavigatorBody(input: SearchInput): IDataObject {
	const body: IDataObject = {};
	if (input.keywords) body.keywords = input.keywords;
	if (input.title) body.role = { include: [input.title] };
	if (input.company) body.company = { include: [input.company.value] };
	if (input.location) body.location = { include: [idOnly(input.location, 'Location', false)] };
	const degrees = distances(input);
	if (degrees.length) body.network_distance = degrees;
	return body;
}

/**
 * The first page's body: the pasted URL alone (it "will override the entire body"), else the
 * product's people search with Additional Filters merged in. `api` and `category` are the node's
 * (the product chosen decides the page size and each result's `source`).
 */
export function searchBody(input: SearchInput): IDataObject {
	if (input.url) return { url: input.url };
	const salesNavigator = input.api === 'salesNavigator';
	const head = { api: salesNavigator ? 'sales_navigator' : 'classic', category: 'people' };
	const ours = salesNavigator ? salesNavigatorBody(input) : classicBody(input);
	return { ...head, ...withAdditional(ours, input.additionalFilters ?? {}), ...head };
}

/** The member's public identifier: given, or read from a public `/in/<slug>` URL of the item. */
function slugOf(item: IDataObject): string | undefined {
	const given = text(item.public_identifier);
	if (given) return given;
	for (const url of [item.public_profile_url, item.profile_url]) {
		const found = identifierInUrl(url);
		if (found?.kind === 'publicIdentifier') return found.value;
	}
	return undefined;
}

/** A person in SEARCH_FIELDS (results.ts): null where the answer does not say. */
function personOf(item: IDataObject, source: 'classic' | 'sales_navigator'): IDataObject {
	const id = text(item.id);
	const slug = slugOf(item);
	const profileUrl =
		profileUrlOfSlug(slug) ??
		(id && CLASSIC_ID.test(id) ? profileUrlOfSlug(id) : undefined) ??
		null;
	const salesUrl = text(item.profile_url);
	const degree = DEGREE.get(String(item.network_distance));
	return {
		provider_id: id ?? null,
		public_identifier: slug ?? null,
		profile_url: profileUrl,
		full_name: text(item.name) ?? fullName(item.first_name, item.last_name) ?? null,
		first_name: text(item.first_name) ?? null,
		last_name: text(item.last_name) ?? null,
		headline: text(item.headline) ?? null,
		location: text(item.location) ?? null,
		connection_degree: degree ?? null,
		pending_invitation:
			typeof item.pending_invitation === 'boolean' ? item.pending_invitation : null,
		source,
		...(source === 'sales_navigator' && salesUrl && /linkedin\.com\/sales\//i.test(salesUrl)
			? { sales_navigator_url: salesUrl }
			: {}),
	};
}

/** People only: a URL search could list companies (the answer's items are an anyOf, L33096-). */
function isPerson(item: IDataObject): boolean {
	return item.type === undefined || item.type === 'PEOPLE';
}

export const unipileSearch: PeopleSearch = {
	byUrl: true,
	salesNavigator: true,
	/**
	 * LinkedIn gives at most 1,000 profiles per Classic query and 2,500 per Sales Navigator one
	 * (developer.unipile.com/docs/provider-limits-and-restrictions, as summarised in
	 * MikeFishbeinAtherial/gtm@b5b4221 offer-testing/context/linkedin-rate-limits.md L40-47: a
	 * secondary source); the search guide's broad Classic example reports `total_count: 1000`.
	 */
	maxResults: { classic: 1000, salesNavigator: 2500 },

	async readPage(client, input, token, wanted) {
		const product: SearchApi = productOf(input) === 'salesNavigator' ? 'salesNavigator' : 'classic';
		const max = PAGE_MAX[product];
		const size =
			wanted !== undefined && Number.isFinite(wanted)
				? Math.max(1, Math.min(Math.floor(wanted), max))
				: max;
		// ASSUMPTION: `limit` with a cursor sizes that page (the guide's cursors also carry the first
		// page's limit; which one wins is not documented). The policy stops at the Limit either way.
		const qs: IDataObject = { account_id: input.accountId, limit: size };
		// Later pages send the cursor alone in the body (the "Cursor" variant, L33067-33083): the
		// body is required (L30864-30866), the cursor carries the search's params (the guide), and a
		// Sales Navigator cursor carrying them can be too long for a query string.
		const body = token ? { cursor: token } : searchBody(input);
		// A search changes nothing on LinkedIn: a read, which the transport may retry (429, and the
		// 500 that LinkedIn's throttling also comes back as: provider-limits-and-restrictions).
		const answer = await client.request({
			method: 'POST',
			url: SEARCH,
			qs,
			body,
			idempotent: true,
		});
		const source = product === 'salesNavigator' ? 'sales_navigator' : 'classic';
		const results: OperationResult[] = objects(answer.items)
			.filter(isPerson)
			.map((item) => ({ simplified: personOf(item, source), raw: item }));
		const total = object(answer.paging).total_count;
		return {
			results,
			// "until all entries have been retrieved" (L30838-30845): a null cursor is the end.
			nextPageToken: text(answer.cursor),
			...(typeof total === 'number' && Number.isFinite(total) ? { total } : {}),
		};
	},

	async parameters(client, accountId, type, query): Promise<SearchParameter[]> {
		const qs: IDataObject = { account_id: accountId, type, limit: PARAMETERS_LIMIT };
		if (query) qs.keywords = query;
		const answer = await client.request({
			method: 'GET',
			url: SEARCH_PARAMETERS,
			qs,
			idempotent: true,
		});
		return objects(answer.items).flatMap((item) => {
			const id =
				typeof item.id === 'number'
					? String(item.id)
					: typeof item.id === 'string'
						? text(item.id)
						: undefined;
			return id ? [{ id, name: text(item.title) ?? id }] : [];
		});
	},
};

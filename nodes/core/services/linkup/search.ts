/**
 * LinkupAPI's part of Profile → Search: one page of `search_people` on `POST /v2/profiles`. The
 * policy above every service (services/searchPaging.ts) pages to the Limit, caps, dedupes, drops
 * connections and pending invitations when asked, and pauses between pages.
 *
 * Sources (LS = docs.linkupapi.com/api-reference/v2/profiles/search-people; LS1 = the V1 page it
 * inherits from, docs.linkupapi.com/api-reference/linkup/Profile/search and its `.md` copy):
 * - LS: the body `{account_id, action, params: {keyword, first_name, last_name, title, company_name,
 *   company_url[], past_company[], location[], school_url[], industry[], network[], connection_of,
 *   follower_of, fetch_invitation_state, total_results, start_page, end_page}}`; the answer
 *   `data: {results: [{public_id, first_name, last_name, headline, location, profile_picture_url,
 *   linkedin_url, invitation_state}], total_results, total_available_results}` and
 *   `metadata: {action: "search_people", account_id, credits_consumed, timestamp}`. Every filter is
 *   text: there is no id list to pick from, so `parameters` is left undefined.
 * - LS1: `network` "F" = 1st, "S" = 2nd, "O" = 3rd+; `total_results` (default 10) "used when not in
 *   pagination mode"; `start_page` "First page to fetch when using pagination mode (default: 1)";
 *   the search example's `pagination: {start_page, end_page, results_per_page: 50, pages_fetched,
 *   has_next_page}`; "1 credit per 10 results" (LS's example charges 2 credits for 2 results).
 * - Pipedream's LinkupAPI app (github.com/PipedreamHQ/pipedream, components/linkupapi,
 *   common/constants.mjs `SEARCH_PEOPLE: "search_people"`; its location prop: free text such as
 *   "San Francisco, CA").
 * No LinkupAPI page offers a search from a pasted URL or a Sales Navigator search.
 */
import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../shared/parameters';
import { identifierInUrl, profileUrlOf } from '../../shared/profileIdentifier';
import { fullName, object, objects, text } from '../../shared/values';
import type { OperationResult, PeopleSearch, SearchInput, SearchPage } from '../types';
import { profilesAction } from './routes';

export const SEARCH_PEOPLE = 'search_people';

/**
 * People per page in pagination mode: LS1's search example reports `results_per_page: 50`.
 * ASSUMPTION: V2 keeps it (LS shows no pagination block). It only decides whether a Limit below it is
 * asked for with `total_results`; pages are read by number, whatever each holds, so another size
 * changes what a small Limit costs, never which people are read.
 */
export const PAGE_SIZE = 50;

/**
 * Most results LinkedIn gives for one Classic search: 1,000 (Unipile's provider-limits page, as
 * summarised in /work/shared/reference/search.md §1.10; Unipile's search guide shows
 * `total_count: 1000` for a broad search). No LinkupAPI page states a cap (search.md §3.4).
 */
export const CLASSIC_MAX_RESULTS = 1000;

/** LS1: "F" = First-degree, "S" = Second-degree, "O" = Out-of-network (3rd+). */
const NETWORK: Record<1 | 2 | 3, string> = { 1: 'F', 2: 'S', 3: 'O' };

/** Params the node sets itself from the Limit: not taken from Additional Filters. */
const PAGING_PARAMS = ['total_results', 'start_page', 'end_page'];

/**
 * `invitation_state` as the pages show it. LS's example: CONNECTED, PENDING. LS1's example:
 * CAN_INVITE, INVITATION_SENT. check_invitation's words (…/v2/network/check-invitation): ACCEPTED,
 * PENDING, NO_INVITATION. No page lists them all: any other value is "not said" (null).
 * ASSUMPTION: PENDING also covers an invitation the member sent the account (check_invitation's
 * PENDING does); either way an invitation is waiting between them. If LinkupAPI words that case
 * otherwise, the person's `pending_invitation` is null and Exclude Connected and Pending keeps them:
 * nobody is dropped on a guess.
 */
const CONNECTED_STATES = new Set(['CONNECTED', 'ACCEPTED']);
const PENDING_STATES = new Set(['PENDING', 'INVITATION_SENT']);
const NO_INVITATION_STATES = new Set(['CAN_INVITE', 'NO_INVITATION']);

/**
 * LS1's results carry `connection_level` ("2nd", "2nd degree", "3rd+ degree"); LS's V2 example has
 * none. Read when an answer has it.
 */
function degreeOfLevel(level: unknown): 1 | 2 | 3 | undefined {
	const match = /^\s*([123])(?:st|nd|rd)/i.exec(String(level ?? ''));
	return match ? (Number(match[1]) as 1 | 2 | 3) : undefined;
}

/** One result in SEARCH_FIELDS, in their order (no `sales_navigator_url`: Classic only). */
export function simplifyResult(result: IDataObject): IDataObject {
	const inUrl = identifierInUrl(result.linkedin_url);
	const publicIdentifier =
		text(result.public_id) ?? (inUrl?.kind === 'publicIdentifier' ? inUrl.value : undefined);
	// LS gives no member id; a profile URL written with one (LinkedIn's /in/ACoAA… form) does.
	const providerId = inUrl?.kind === 'providerId' ? inUrl.value : undefined;
	const state = text(result.invitation_state)?.toUpperCase();
	const connected = state !== undefined && CONNECTED_STATES.has(state);
	let pending: boolean | null = null;
	if (connected || (state !== undefined && NO_INVITATION_STATES.has(state))) pending = false;
	else if (state !== undefined && PENDING_STATES.has(state)) pending = true;
	const profileUrl = publicIdentifier
		? profileUrlOf({ kind: 'publicIdentifier', value: publicIdentifier })
		: providerId
			? profileUrlOf({ kind: 'providerId', value: providerId })
			: (text(result.linkedin_url) ?? null);
	return {
		provider_id: providerId ?? null,
		public_identifier: publicIdentifier ?? null,
		profile_url: profileUrl,
		full_name: fullName(result.first_name, result.last_name) ?? null,
		first_name: text(result.first_name) ?? null,
		last_name: text(result.last_name) ?? null,
		headline: text(result.headline) ?? null,
		location: text(result.location) ?? null,
		connection_degree: connected ? 1 : (degreeOfLevel(result.connection_level) ?? null),
		pending_invitation: pending,
		source: 'classic',
	};
}

/** Company and Location as LinkupAPI takes them: plain text (LS: `company_name`, `location[]`). */
function textFilter(
	filter: SearchInput['company'],
	label: string,
	example: string,
): string | undefined {
	if (!filter) return undefined;
	if (filter.isId) {
		throw new InputError(
			`LinkupAPI takes the ${label} as text, not as a LinkedIn ID (${JSON.stringify(filter.value)}): set '${label === 'company' ? 'Company' : 'Location'}' to By Name, e.g. ${example}. Nothing was sent.`,
		);
	}
	return filter.value;
}

/** The search's own params: the node's fields, then Additional Filters as LS names them. */
function searchParams(input: SearchInput): IDataObject {
	if (input.url) {
		throw new InputError(
			'LinkupAPI does not search from a pasted search URL: use Keywords and Filters. Nothing was sent.',
		);
	}
	if (input.api === 'salesNavigator') {
		throw new InputError(
			'LinkupAPI runs LinkedIn (Classic) searches only, not Sales Navigator. Nothing was sent.',
		);
	}
	// Read defensively: an input built elsewhere than the node's readInput may lack them.
	const additional = object(input.additionalFilters);
	const degrees: Array<1 | 2 | 3> = Array.isArray(input.connectionDegree)
		? input.connectionDegree
		: [];
	const paging = PAGING_PARAMS.filter((key) => key in additional);
	if (paging.length) {
		throw new InputError(
			`'Additional Filters (JSON)' sets ${paging.join(', ')}: the node pages the search itself (use Limit or Return All). Nothing was sent.`,
		);
	}
	const params: IDataObject = {};
	if (input.keywords) params.keyword = input.keywords;
	if (input.title) params.title = input.title;
	const company = textFilter(input.company, 'company', 'Acme');
	if (company) params.company_name = company;
	const location = textFilter(input.location, 'location', 'Paris, France');
	if (location) params.location = [location];
	if (degrees.length) {
		params.network = [...new Set(degrees)].sort().map((degree) => NETWORK[degree]);
	}
	Object.assign(params, additional);
	// Only asked for when the node needs it: it tells who is connected or invited (LS).
	if (input.excludeConnectedAndPending) params.fetch_invitation_state = true;
	return params;
}

/**
 * Which page to read. A token is `<page>:<people read in pages before it>`: the page is read alone
 * (`start_page` = `end_page`, LS1's pagination mode), and the count tells when the search's
 * `total_available_results` have all been read, whatever a page holds (LS1's example: 50; fewer
 * when LinkedIn leaves members out). The first read, when fewer than a page would do and nothing
 * is excluded, asks for just that many with `total_results` instead (LS1: used when not in
 * pagination mode), so a small Limit costs no more than the people it returns; should more be
 * needed after it, pagination starts at page 1 (the policy drops the people met twice).
 */
function pagingOf(
	input: SearchInput,
	token: string | undefined,
	wanted: number | undefined,
): { params: IDataObject; page?: number; readBefore: number } {
	if (
		token === undefined &&
		wanted !== undefined &&
		wanted > 0 &&
		wanted < PAGE_SIZE &&
		!input.excludeConnectedAndPending
	) {
		return { params: { total_results: wanted }, readBefore: 0 };
	}
	const [page, readBefore] = (token ?? '1:0').split(':').map(Number);
	if (!Number.isInteger(page) || page < 1 || !Number.isInteger(readBefore) || readBefore < 0)
		throw new Error(`Not a LinkupAPI search page: ${token}`);
	return { params: { start_page: page, end_page: page }, page, readBefore };
}

function whole(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The token of the page after this one; undefined when the search has no more. */
function nextToken(
	paging: ReturnType<typeof pagingOf>,
	data: IDataObject,
	found: number,
	total: number | undefined,
): string | undefined {
	if (!found) return undefined;
	// After a total_results read: more exist, so pagination may go on from page 1.
	if (paging.page === undefined) return total === undefined || total > found ? '1:0' : undefined;
	const read = paging.readBefore + found;
	// LS1's has_next_page, when an answer carries a pagination block; then the total.
	if (object(data.pagination).has_next_page === false) return undefined;
	if (total !== undefined && read >= total) return undefined;
	return `${paging.page + 1}:${read}`;
}

export const linkupSearch: PeopleSearch = {
	byUrl: false,
	salesNavigator: false,
	maxResults: { classic: CLASSIC_MAX_RESULTS, salesNavigator: CLASSIC_MAX_RESULTS },

	async readPage(client, input, token, wanted): Promise<SearchPage> {
		const params = searchParams(input);
		const paging = pagingOf(input, token, wanted);
		const response = await profilesAction(client, input.accountId, SEARCH_PEOPLE, {
			...params,
			...paging.params,
		});
		const data = object(response.data);
		const metadata = object(response.metadata);
		const found = objects(data.results);
		const total = whole(data.total_available_results);
		// Simplify off: the result as LinkupAPI gave it, with its page's `metadata` (what the page
		// cost, in credits_consumed: one figure for the whole page, not for this person).
		const results: OperationResult[] = found.map((raw) => ({
			simplified: simplifyResult(raw),
			raw: { ...raw, metadata },
		}));
		return {
			results,
			nextPageToken: nextToken(paging, data, found.length, total),
			total,
			credits: whole(metadata.credits_consumed),
		};
	},
};

/**
 * Profile → Search's policy, once for every service: read pages to the Limit (never past LinkedIn's
 * cap for one search), output a member met on two pages once, drop connections and pending
 * invitations when asked, and pause between page requests (LinkedIn flags rapid, regular reads;
 * Unipile's limits page asks for calls "spaced out" at random intervals). Each service only says
 * how to read one page (its PeopleSearch).
 */
import type { IDataObject } from 'n8n-workflow';
import type { ServiceClient } from '../transport/types';
import type { OperationResult, PeopleSearch, SearchApi, SearchInput } from './types';

/** Pages read at most, whatever the service says next (a service that never ends its list). */
export const MAX_SEARCH_PAGES = 300;

/** Search results, with what a user should know when LinkedIn's cap hid some. */
export interface SearchOutcome {
	results: OperationResult[];
	/** Said in the run's output (an n8n execution hint); undefined when all was read. */
	hint?: string;
}

/** Which LinkedIn product a search runs on: a pasted Sales Navigator URL says so itself. */
export function productOf(input: SearchInput): SearchApi {
	if (input.url) return /linkedin\.com\/sales\//i.test(input.url) ? 'salesNavigator' : 'classic';
	return input.api;
}

/** The keys one person is known by in a result: a member met twice shares one of them. */
function identityKeys(person: IDataObject): string[] {
	const keys: string[] = [];
	if (typeof person.provider_id === 'string') keys.push(`id:${person.provider_id}`);
	if (typeof person.public_identifier === 'string')
		keys.push(`public:${person.public_identifier.toLowerCase()}`);
	return keys;
}

/** Already a first-degree connection, or invited and pending. */
function connectedOrPending(person: IDataObject): boolean {
	return person.connection_degree === 1 || person.pending_invitation === true;
}

export async function runSearch(
	search: PeopleSearch,
	client: ServiceClient,
	input: SearchInput,
	options: IDataObject,
	betweenPages: () => Promise<void>,
): Promise<SearchOutcome> {
	const cap = search.maxResults[productOf(input)];
	const limit = Math.min(input.limit ?? cap, cap);
	const kept: OperationResult[] = [];
	const seen = new Set<string>();
	const tokens = new Set<string>();
	let token: string | undefined;
	let total: number | undefined;
	let credits: number | undefined;
	let read = 0;
	for (let page = 0; page < MAX_SEARCH_PAGES && kept.length < limit && read < cap; page++) {
		if (page > 0) await betweenPages();
		// With people dropped (Exclude), a page of exactly what is missing would rarely be enough:
		// full pages, not a page of one search after another.
		const wanted = input.excludeConnectedAndPending ? undefined : limit - kept.length;
		const answer = await search.readPage(client, input, token, wanted, options);
		total ??= answer.total;
		if (answer.credits !== undefined) credits = (credits ?? 0) + answer.credits;
		for (const result of answer.results) {
			read++;
			const keys = identityKeys(result.simplified);
			if (keys.some((key) => seen.has(key))) continue;
			for (const key of keys) seen.add(key);
			if (input.excludeConnectedAndPending && connectedOrPending(result.simplified)) continue;
			kept.push(result);
			if (kept.length >= limit) break;
		}
		const next = answer.nextPageToken;
		// The end: no next page, an empty page, or a token seen before (the same pages again).
		if (!next || !answer.results.length || tokens.has(next)) break;
		tokens.add(next);
		token = next;
	}
	const hints = [hintFor(input, cap, limit, total, kept.length)];
	if (credits !== undefined)
		hints.push(
			`The search cost ${credits} credit${credits === 1 ? '' : 's'} (as the service reported for each page read).`,
		);
	const hint = hints.filter(Boolean).join(' ');
	return { results: kept, hint: hint || undefined };
}

function hintFor(
	input: SearchInput,
	cap: number,
	limit: number,
	total: number | undefined,
	found: number,
): string | undefined {
	const product = productOf(input) === 'salesNavigator' ? 'Sales Navigator' : 'LinkedIn';
	if (input.limit !== undefined && input.limit > cap)
		return `Limit ${input.limit} is over what ${product} gives for one search (${cap}); ${found} results were read. Split the search (by location, title or company) to reach more people.`;
	if (limit === cap && total !== undefined && total > cap)
		return `This search has about ${total} results, but ${product} gives at most ${cap} per search; ${found} were read. Narrow it (keywords, filters) to reach the rest.`;
	return undefined;
}

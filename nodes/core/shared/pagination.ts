/**
 * Reading a paged list to the end or to a limit, whatever the service's paging scheme: the adapter
 * fetches one page for a token (a cursor, an offset) and says which token comes next.
 */

export interface Page<T> {
	items: T[];
	/** Undefined on the last page. */
	nextPageToken?: string;
}

export interface CollectOptions<T> {
	/** Stop once this many items are kept; undefined reads every page. */
	limit?: number;
	/** Items to keep (node-side filters); everything by default. */
	keep?: (item: T) => boolean;
	/** For lists in a known order: the first item for which this is true ends the reading. */
	until?: (item: T) => boolean;
	/** Pages read at most, so a service that never ends its list cannot loop forever. */
	maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 1000;

/**
 * Calls `fetchPage` with each next token until the list ends or `limit` items are kept. `wanted`
 * is how many more items would satisfy the limit (undefined: all), for the adapter's page size.
 */
export async function collectPages<T>(
	fetchPage: (pageToken: string | undefined, wanted: number | undefined) => Promise<Page<T>>,
	options: CollectOptions<T> = {},
): Promise<T[]> {
	const { limit, keep = () => true, until, maxPages = DEFAULT_MAX_PAGES } = options;
	const kept: T[] = [];
	const seen = new Set<string>();
	let pageToken: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		// With a filter, a page of exactly what is missing would rarely be enough: ask for full pages.
		const wanted = limit === undefined || options.keep ? undefined : limit - kept.length;
		const { items, nextPageToken } = await fetchPage(pageToken, wanted);
		for (const item of items) {
			if (until?.(item)) return kept;
			if (!keep(item)) continue;
			kept.push(item);
			if (limit !== undefined && kept.length >= limit) return kept;
		}
		// A token seen before would read the same pages again.
		if (!nextPageToken || seen.has(nextPageToken) || !items.length) return kept;
		seen.add(nextPageToken);
		pageToken = nextPageToken;
	}
	return kept;
}

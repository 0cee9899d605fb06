import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { endpointOf, serviceFor } from '../services';
import type { LinkedInService } from '../services/types';
import { createServiceClient, openConnection } from '../transport/client';
import { DEFAULT_TRANSPORT } from '../transport/settings';

/** Pages read per search at most, so a filter matching nothing does not walk a huge account list. */
const MAX_PAGES_PER_SEARCH = 10;

/**
 * The 'From List' mode of the Account locator: the service's connected LinkedIn accounts, named
 * with their status, filtered by name or id. It keeps reading pages until something matches, so a
 * filter never shows an empty list while more accounts exist.
 */
export function accountSearch(services: readonly LinkedInService[]) {
	return async function searchAccounts(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const service = serviceFor(
			services,
			this.getCurrentNodeParameter('authentication') ?? services[0].credentialType,
		);
		const connection = await openConnection(this, endpointOf(service), DEFAULT_TRANSPORT);
		const client = createServiceClient(this, connection);
		const wanted = filter?.trim().toLowerCase();
		const results: INodeListSearchItems[] = [];
		let pageToken = paginationToken;
		for (let page = 0; page < MAX_PAGES_PER_SEARCH; page++) {
			const { accounts, nextPageToken } = await service.listAccounts(client, pageToken);
			for (const account of accounts) {
				if (wanted && !`${account.name} ${account.id}`.toLowerCase().includes(wanted)) continue;
				results.push({ name: `${account.name} (${account.status})`, value: account.id });
			}
			pageToken = nextPageToken;
			if (!pageToken || results.length) break;
		}
		return { results, paginationToken: pageToken };
	};
}

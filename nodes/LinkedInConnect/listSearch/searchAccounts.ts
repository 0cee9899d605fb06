import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { serviceFor } from '../services';
import { createServiceClient, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../shared/transport';

/** The 'From List' mode of the Account locator: the service's connected LinkedIn accounts. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const service = serviceFor(this.getCurrentNodeParameter('authentication') ?? 'unipileApi');
	const client = await createServiceClient(this, service, {
		timeoutMs: DEFAULT_TIMEOUT_MS,
		maxRetries: DEFAULT_MAX_RETRIES,
	});
	return await service.searchAccounts(client, filter, paginationToken);
}

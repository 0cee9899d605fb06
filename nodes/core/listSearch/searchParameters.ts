import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { endpointOf, serviceFor } from '../services';
import type { LinkedInService } from '../services/types';
import { accountIdFrom } from '../shared/parameters';
import { createServiceClient, openConnection } from '../transport/client';
import { DEFAULT_TRANSPORT } from '../transport/settings';

/**
 * The 'From List' mode of Search's Location and Company filters: LinkedIn's ids for what the user
 * types, from the service's own list (Unipile's search parameters route). A service that takes
 * plain text says so, pointing at By Name.
 */
export function parameterSearch(
	services: readonly LinkedInService[],
	type: 'LOCATION' | 'COMPANY',
) {
	return async function searchParameters(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const service = serviceFor(
			services,
			this.getCurrentNodeParameter('authentication') ?? services[0].credentialType,
		);
		const what = type === 'LOCATION' ? 'location' : 'company';
		const parameters = service.search?.parameters;
		if (!parameters) {
			throw new NodeOperationError(
				this.getNode(),
				`${service.displayName} takes the ${what} as text: choose By Name.`,
			);
		}
		let accountId: string;
		try {
			accountId = accountIdFrom(this.getCurrentNodeParameter('accountId'));
		} catch {
			throw new NodeOperationError(
				this.getNode(),
				`Pick the Account first: LinkedIn lists ${what} IDs for an account.`,
			);
		}
		const connection = await openConnection(this, endpointOf(service), DEFAULT_TRANSPORT);
		const client = createServiceClient(this, connection);
		const found = await parameters(client, accountId, type, filter?.trim() ?? '');
		return { results: found.map((parameter) => ({ name: parameter.name, value: parameter.id })) };
	};
}

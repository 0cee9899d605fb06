/** LinkupAPI's connections: `list_connections`, offset-paged like the other lists. */
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { type LinkupList, memberFromUrl, readList } from './lists';
import { text } from '../../shared/values';

/**
 * list_connections (docs.linkupapi.com/api-reference/v2/network/list-connections): params `count`,
 * `offset`; items `{name, job_title, profile_url, profile_picture}`; "1 credit per 50 results
 * returned".
 */
export const CONNECTIONS: LinkupList = {
	action: 'list_connections',
	field: 'connections',
	simplify(item) {
		return {
			...memberFromUrl(item.profile_url),
			full_name: text(item.name),
			headline: text(item.job_title),
		};
	},
};

/** Connection → Get Many. */
export async function getRelations(
	client: ServiceClient,
	input: ListInput,
): Promise<OperationResult[]> {
	return await readList(client, CONNECTIONS, input);
}

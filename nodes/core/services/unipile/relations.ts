/** Unipile v1's connections: `GET /users/relations` (`UserRelation` items), newest first. */
import type { IDataObject } from 'n8n-workflow';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
import { text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { readList, type UnipileList } from './lists';
import { API } from './routes';

export const RELATIONS: UnipileList = {
	path: `${API}/users/relations`,
	maxPageSize: 1000,
	simplify(item) {
		const connectedAt = typeof item.created_at === 'number' ? item.created_at : undefined;
		return {
			// A relation's member_id is the member's provider id (the ACo… id Send Invitation takes).
			provider_id: item.member_id,
			public_identifier: item.public_identifier,
			profile_url: profileUrlOfSlug(item.public_identifier) ?? item.public_profile_url,
			full_name: [item.first_name, item.last_name].filter(Boolean).join(' ') || undefined,
			first_name: item.first_name,
			last_name: item.last_name,
			headline: text(item.headline),
			connected_at: connectedAt === undefined ? undefined : new Date(connectedAt).toISOString(),
		};
	},
};

/** Connection → Get Many, with the Search option as Unipile's `filter` (names). */
export async function getRelations(
	client: ServiceClient,
	input: ListInput,
	options: IDataObject,
): Promise<OperationResult[]> {
	const filter = typeof options.nameFilter === 'string' ? options.nameFilter.trim() : '';
	return await readList(client, RELATIONS, input, filter ? { filter } : {});
}

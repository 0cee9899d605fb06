/**
 * The account's connections: `GET /v2/{account_id}/users/me/relations` (PY
 * unipile/unipile-python@6171191 users_api.py:2733-2734, docs/UsersApi.md:685-770; TS
 * unipile/unipile-node@0b17e714 GetUserRelationsData; N8N unipile/n8n-nodes-unipile@21c72297
 * `listRelations` with `user_id` defaulting to `me`). Query `search?`, `offset?`, `cursor?`,
 * `limit?` (default 20). Answer `{data, total_count?, next_cursor?}`, each item
 * `{id, object: "UserRelation", created_at?, user: User}` (PY docs/GetUserRelations200ResponseDataInner.md:8-11):
 * `id` is "Unique identifier of the user relation for the provider", the member is `user`.
 *
 * Order: NOT SHOWN. ASSUMPTION: newest first, the order LinkedIn's own list shows (the trigger's
 * polling reads the newest connections first).
 */
import type { IDataObject } from 'n8n-workflow';
import { isoDate, object, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { ListInput, OperationResult } from '../types';
import { accountPath } from './routes';
import { readList, type UnipileV2List } from './lists';
import { memberOf } from './profiles';

export const RELATIONS: UnipileV2List = {
	path: (accountId) => accountPath(accountId, 'users', 'me', 'relations'),
	query: {},
	simplify(item: IDataObject) {
		const member = memberOf(object(item.user));
		return {
			provider_id: member.provider_id,
			public_identifier: member.public_identifier,
			profile_url: member.profile_url,
			full_name: member.full_name,
			first_name: member.first_name,
			last_name: member.last_name,
			headline: member.headline,
			connected_at: isoDate(item.created_at),
		};
	},
};

/** Relation → Get Many; `search` is Unipile's own text filter ("if supported by the provider"). */
export async function getRelations(
	client: ServiceClient,
	input: ListInput,
	options: IDataObject,
): Promise<OperationResult[]> {
	const search = text(options.relationSearch);
	return await readList(client, RELATIONS, input, search ? { search } : {});
}

/** The LinkupAPI key's connected LinkedIn accounts: `GET /v2/accounts`, offset-paged, free. */
import { lookupMap } from '../../shared/lookup';
import { object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { AccountPage } from '../types';
import { ACCOUNTS } from './routes';

/** LinkupAPI's account statuses in words a user acts on (others are shown as they come). */
const ACCOUNT_STATUS = lookupMap({
	connected: 'connected',
	active: 'connected',
	checkpoint_required: 'needs a security check',
	inactive: 'inactive',
});

export async function listAccounts(
	client: ServiceClient,
	pageToken?: string,
): Promise<AccountPage> {
	// Free. The list is inside the usual envelope: {success, data: {items, total, limit, offset}}
	// (docs.linkupapi.com/api-reference/v2/accounts/list-accounts; Pipedream's list-accounts.mjs).
	const offset = Number(pageToken) || 0;
	const response = await client.request({
		method: 'GET',
		url: ACCOUNTS,
		qs: { limit: 100, offset },
		idempotent: true,
	});
	const data = object(response.data);
	const items = objects(data.items);
	const accounts = items
		.filter((account) => String(account.platform).toLowerCase() === 'linkedin')
		.map((account) => ({
			id: String(account.account_id),
			name: text(account.account_name) ?? String(account.account_id),
			status:
				ACCOUNT_STATUS.get(String(account.status)) ??
				text(account.status)?.replace(/_/g, ' ') ??
				'status unknown',
		}));
	const total = Number(data.total);
	const next = offset + items.length;
	return {
		accounts,
		nextPageToken:
			items.length && Number.isFinite(total) && next < total ? String(next) : undefined,
	};
}

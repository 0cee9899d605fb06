/**
 * The key's connected LinkedIn accounts, for the Account list: `GET /v2/accounts/` (PY
 * unipile/unipile-python@6171191 accounts_api.py:619-620, docs/AccountsApi.md:152-156; TS
 * unipile/unipile-node@0b17e714 sdk.gen.ts `listAccounts`, types.gen.ts ListAccountsData). Query
 * `provider` (`linkedin` among mock, whatsapp, linkedin, google, …), `offset` and `limit` (both
 * typed as strings; limit default '20', maximum NOT SHOWN). Answer
 * `{object: "Accounts", data: [Account], has_more}` (PY docs/ListAccounts200Response.md:8-10):
 * offset paging, no cursor, no total. `Account` (PY docs/Account1.md:8-19): `id` (`acc_…`, the id
 * in `/v2/{account_id}/…`), `name?`, `provider`, `status`, `is_locked` (TS).
 *
 * The trailing slash is the SDKs' path. N8N unipile/n8n-nodes-unipile@21c72297 calls `/accounts`
 * without it; whether both are one route is NOT SHOWN, and redirects are never followed here, so
 * the SDKs' form is used.
 */
import { lookupMap } from '../../shared/lookup';
import { objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { AccountPage } from '../types';
import { API } from './routes';

/**
 * Account statuses in words a user acts on: PY enum `running, errored, disconnected, paused`
 * (models/account1.py:78); TS enum `running, errored, disconnected, degraded, partial`.
 */
const ACCOUNT_STATUS = lookupMap({
	running: 'connected',
	errored: 'error: see the Unipile dashboard',
	error: 'error: see the Unipile dashboard',
	disconnected: 'needs reconnecting',
	paused: 'paused',
	degraded: 'degraded: see the Unipile dashboard',
	partial: 'partly connected: see the Unipile dashboard',
});

/** ASSUMPTION: the maximum page size is NOT SHOWN; 100 keeps the list to few requests. */
const ACCOUNT_PAGE_SIZE = 100;

export async function listAccounts(
	client: ServiceClient,
	pageToken?: string,
): Promise<AccountPage> {
	const offset = Number(pageToken) || 0;
	const response = await client.request({
		method: 'GET',
		url: `${API}/accounts/`,
		qs: { provider: 'linkedin', offset: String(offset), limit: String(ACCOUNT_PAGE_SIZE) },
		idempotent: true,
	});
	const items = objects(response.data);
	const accounts = items
		// The filter is asked of the service too; a host that ignored it is filtered here.
		.filter((account) => String(account.provider).toLowerCase() === 'linkedin' && text(account.id))
		.map((account) => {
			const status =
				ACCOUNT_STATUS.get(String(account.status)) ?? text(account.status) ?? 'status unknown';
			return {
				id: String(account.id),
				name: text(account.name) ?? String(account.id),
				// TS: `is_locked` "Whether API access to the account is locked."
				status: account.is_locked === true ? `${status}, API access locked` : status,
			};
		});
	const next = offset + items.length;
	return {
		accounts,
		nextPageToken: response.has_more === true && items.length ? String(next) : undefined,
	};
}

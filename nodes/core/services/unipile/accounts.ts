/** The Unipile account's connected LinkedIn accounts: `GET /accounts`, cursor-paged (v1 spec). */
import type { IDataObject } from 'n8n-workflow';
import { lookupMap } from '../../shared/lookup';
import { objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import type { AccountPage } from '../types';
import { API } from './routes';

/** Unipile's source statuses (v1 spec, AccountSourceServiceStatus) in words a user acts on. */
const ACCOUNT_STATUS = lookupMap({
	OK: 'connected',
	CREDENTIALS: 'needs reconnecting',
	PERMISSIONS: 'missing permissions',
	CONNECTING: 'connecting',
	STOPPED: 'stopped',
	ERROR: 'error: see the Unipile dashboard',
});

export async function listAccounts(
	client: ServiceClient,
	pageToken?: string,
): Promise<AccountPage> {
	const qs: IDataObject = { limit: 100 };
	if (pageToken) qs.cursor = pageToken;
	const response = await client.request({
		method: 'GET',
		url: `${API}/accounts`,
		qs,
		idempotent: true,
	});
	const items = objects(response.items);
	const accounts = items
		.filter((account) => account.type === 'LINKEDIN')
		.map((account) => {
			const sources = objects(account.sources);
			return {
				id: String(account.id),
				name: text(account.name) ?? String(account.id),
				status: ACCOUNT_STATUS.get(String(sources[0]?.status)) ?? 'status unknown',
			};
		});
	return { accounts, nextPageToken: text(response.cursor) };
}

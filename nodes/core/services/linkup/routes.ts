/**
 * LinkupAPI v2's routes (docs.linkupapi.com/api-reference/v2/introduction): one URL per category,
 * the action in the body, the account in every call.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ServiceClient } from '../../transport/types';

export const NETWORK = '/v2/network';
export const MESSAGES = '/v2/messages';
export const PROFILES = '/v2/profiles';
export const WEBHOOKS = '/v2/webhooks';
export const ACCOUNTS = '/v2/accounts';

/** One action of a category: `POST <category>` with `{account_id, action, params}`. */
async function categoryAction(
	client: ServiceClient,
	url: string,
	accountId: string,
	action: string,
	params: IDataObject,
	idempotent: boolean,
): Promise<IDataObject> {
	return await client.request({
		method: 'POST',
		url,
		body: { account_id: accountId, action, params },
		idempotent,
	});
}

/** One `POST /v2/network` action. */
export async function networkAction(
	client: ServiceClient,
	accountId: string,
	action: string,
	params: IDataObject,
	idempotent: boolean,
): Promise<IDataObject> {
	return await categoryAction(client, NETWORK, accountId, action, params, idempotent);
}

/**
 * One `POST /v2/messages` read (docs.linkupapi.com/api-reference/v2/messages/*): retried like any
 * read. The `send` action is a write and goes through ServiceClient.writeOnce instead.
 */
export async function messagesAction(
	client: ServiceClient,
	accountId: string,
	action: string,
	params: IDataObject,
): Promise<IDataObject> {
	return await categoryAction(client, MESSAGES, accountId, action, params, true);
}

/**
 * One `POST /v2/profiles` read (docs.linkupapi.com/api-reference/v2/profiles/*, e.g. search_people):
 * retried like any read (failed calls spend no credits: docs.linkupapi.com/api-reference/v2/error-codes).
 */
export async function profilesAction(
	client: ServiceClient,
	accountId: string,
	action: string,
	params: IDataObject,
): Promise<IDataObject> {
	return await categoryAction(client, PROFILES, accountId, action, params, true);
}

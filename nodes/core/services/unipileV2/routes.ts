/**
 * Where Unipile API v2 requests go. Sources (tags as in the v2 fact sheet):
 * - DOC developer.unipile.com/v2.0/reference/api-usage: "All requests contain the following base
 *   URL: https://api.unipile.com/v2" and "Set your API Key in a X-API-KEY header".
 * - PY unipile/unipile-python@6171191 configuration.py:237 (host `https://api.unipile.com`, every
 *   resource path starting with `/v2/…`), api_client.py:200-204 (each path parameter percent-encoded
 *   with no safe characters, `/` included).
 * - N8N unipile/n8n-nodes-unipile@21c72297 GenericFunctions.ts: `/${encodeURIComponent(accountId)}${path}`
 *   below `https://api.unipile.com/v2`, each id inside `path` encodeURIComponent-ed too.
 */
export const API = '/v2';

/** `/v2/{account_id}/…` with the account id and every dynamic segment encoded as one segment. */
export function accountPath(accountId: string, ...segments: string[]): string {
	return [API, accountId, ...segments]
		.map((part, index) => (index ? encodeURIComponent(part) : part))
		.join('/');
}

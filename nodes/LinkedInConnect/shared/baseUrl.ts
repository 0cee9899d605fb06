/**
 * Normalises the host a credential points at (Unipile's DSN, LinkupAPI's base URL) into an origin
 * such as `https://api1.unipile.com:13111`. Node requests and the account search use this function;
 * the credentials' `test` requests can only hold an expression, so they use
 * {@link baseUrlExpression}, and a unit test proves both agree on every accepted form.
 */

export class BaseUrlError extends Error {}

export interface BaseUrlRule {
	/** The credential field, as the user sees it. */
	field: string;
	/** An example of the expected form, shown in errors. */
	example: string;
	/** API path suffixes users copy along with the host; they are stripped (longest first). */
	apiSuffixes: string[];
}

export const UNIPILE_DSN: BaseUrlRule = {
	field: 'DSN',
	example: 'api1.unipile.com:13111',
	apiSuffixes: ['/api/v1', '/api'],
};

export const LINKUP_BASE_URL: BaseUrlRule = {
	field: 'Base URL',
	example: 'https://api.linkupapi.com',
	apiSuffixes: ['/v2'],
};

function fail(rule: BaseUrlRule, problem: string): never {
	throw new BaseUrlError(
		`The credential's ${rule.field} ${problem}. Expected the form ${rule.example} (with or without https://).`,
	);
}

export function normaliseBaseUrl(raw: unknown, rule: BaseUrlRule): string {
	if (typeof raw !== 'string' || !raw.trim()) fail(rule, 'is empty');
	const text = raw.trim();
	if (/\s/.test(text)) fail(rule, 'contains spaces');
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
	if (scheme && scheme !== 'http' && scheme !== 'https')
		fail(rule, `uses ${scheme}://, which is not HTTP`);
	let url: URL;
	try {
		url = new URL(scheme ? text : `https://${text}`);
	} catch {
		return fail(rule, 'is not a host name');
	}
	if (url.username || url.password)
		fail(rule, 'contains a user name or password; keep secrets in the API Key field only');
	if (url.search || url.hash) fail(rule, 'contains a query string or fragment');
	let path = url.pathname.replace(/\/+$/, '');
	const suffix = rule.apiSuffixes.find((candidate) => path.toLowerCase() === candidate);
	if (suffix) path = '';
	if (path) fail(rule, `has the path ${path}, which is not part of the API address`);
	if (
		!url.hostname.includes('.') &&
		url.hostname !== 'localhost' &&
		!url.hostname.startsWith('[')
	) {
		fail(rule, `has the host "${url.hostname}", which is not a full host name`);
	}
	return url.origin;
}

/**
 * The same normalisation as an n8n expression over `$credentials.<field>`, for credential test
 * requests. Invalid values simply fail to connect there; node runs report them via normaliseBaseUrl.
 */
export function baseUrlExpression(credentialField: string, rule: BaseUrlRule): string {
	const suffixes = rule.apiSuffixes.map((s) => s.replace(/\//g, '\\/')).join('|');
	const value = `String($credentials.${credentialField} || "").trim()`;
	return (
		`={{ (/^https?:\\/\\//i.test(${value}) ? "" : "https://") + ` +
		`${value}.replace(/\\/+$/, "").replace(/(${suffixes})$/i, "").replace(/\\/+$/, "") }}`
	);
}

/**
 * Which hosts a credential may point at (Unipile's DSN, LinkupAPI's base URL), written once as a
 * regular expression ({@link acceptedBaseUrlPattern}). Node requests and the account search check it
 * with {@link normaliseBaseUrl}; the credentials' `test` requests can only hold an n8n expression,
 * so {@link baseUrlExpression} evaluates the same pattern there. Both therefore reach the same host,
 * or none: a unit test runs one table of inputs through both.
 *
 * Refused everywhere: a user name or password (`user@host`, which also hides the real host),
 * `?`, `#`, `\`, spaces, schemes other than HTTP, and plain `http://` to anything but this machine
 * (the API key would cross the network unencrypted).
 */
import type { IAuthenticateRuleResponseCode } from 'n8n-workflow';

import { InputError } from './inputError';

export interface BaseUrlRule {
	/** The credential field, as the user sees it. */
	field: string;
	/** An example of the expected form, shown in errors. */
	example: string;
	/** API path suffixes users copy along with the host; they are dropped. */
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

/**
 * The credential's Base URL: the host, with `/v2` (how the docs write the base URL) dropped, so
 * requests are written with their full `/v2/…` path as the SDKs write them.
 */
export const UNIPILE_V2_BASE_URL: BaseUrlRule = {
	field: 'Base URL',
	example: 'https://api.unipile.com/v2',
	apiSuffixes: ['/v2'],
};

/** The default host, as the credential offers it. */
export const UNIPILE_V2_DEFAULT_BASE_URL = 'https://api.unipile.com/v2';

/**
 * Where a refused value points the credential test: an address no HTTP client can parse (a host
 * may not contain spaces), so nothing is sent anywhere: no DNS lookup, no proxy, no key.
 */
export const REFUSED_BASE_URL = 'https://refused base url: see the credential field';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
/** Hosts plain http:// may go to: this machine only. */
const LOOPBACK_HOST = `(?:localhost|127(?:\\.${OCTET}){3}|\\[::1\\])`;
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
/** The last label starts with a letter: URL parsers read an all-digit last label as IPv4. */
const DOMAIN = `(?:${LABEL}\\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?`;
const HOST = `(?:localhost|\\[::1\\]|${IPV4}|${DOMAIN})`;
/** 1 to 65535, no leading zero (URL parsers would read those differently). */
const PORT =
	'(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d\\d\\d|[1-5]\\d\\d\\d\\d|[1-9]\\d?\\d?\\d?)';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The one rule, as a case-insensitive pattern over the trimmed value. Groups: 1 `https`, 2 `http`
 * (only before a loopback host), 3 the host, 4 the port. No scheme means https.
 */
export function acceptedBaseUrlPattern(rule: BaseUrlRule): string {
	const suffixes = [...rule.apiSuffixes]
		.sort((a, b) => b.length - a.length)
		.map(escapeRegExp)
		.join('|');
	const path = suffixes ? `(?:${suffixes})?` : '';
	return (
		`^(?:(https)://|(http)://(?=${LOOPBACK_HOST}(?:[:/]|$)))?` +
		`(${HOST})(?::(${PORT}))?${path}/*$`
	);
}

interface AcceptedParts {
	scheme: string;
	/** Lower-cased, as URL parsers give it. */
	host: string;
	port?: string;
}

/** What the pattern reads from a value, or undefined when the value is refused. */
function acceptedParts(text: string, rule: BaseUrlRule): AcceptedParts | undefined {
	const match = new RegExp(acceptedBaseUrlPattern(rule), 'i').exec(text);
	if (!match) return undefined;
	return {
		scheme: (match[1] || match[2] || 'https').toLowerCase(),
		host: match[3].toLowerCase(),
		port: match[4],
	};
}

function fail(rule: BaseUrlRule, problem: string): never {
	throw new InputError(
		`The credential's ${rule.field} ${problem}. Expected the form ${rule.example} (with or without https://).`,
	);
}

function isLoopback(hostname: string): boolean {
	return new RegExp(`^${LOOPBACK_HOST}$`, 'i').test(hostname);
}

/** Throws why a refused value is refused, in the user's terms, when a specific reason applies. */
function explainRefusal(text: string, rule: BaseUrlRule): void {
	if (/\s/.test(text)) fail(rule, 'contains spaces');
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
	if (scheme && scheme !== 'http' && scheme !== 'https')
		fail(rule, `uses ${scheme}://, which is not HTTP`);
	if (text.includes('\\')) fail(rule, 'contains a backslash (\\); use / in addresses');
	// Never echo the value here: what precedes @ is often a password.
	if (text.includes('@'))
		fail(
			rule,
			'contains a user name or password (text before "@", which can also hide the real host); keep secrets in the API Key field only',
		);
	if (/[?#]/.test(text)) fail(rule, 'contains a query string or fragment (? or #)');
	let url: URL;
	try {
		url = new URL(scheme ? text : `https://${text}`);
	} catch {
		return fail(rule, 'is not a host name');
	}
	if (scheme === 'http' && !isLoopback(url.hostname)) {
		fail(
			rule,
			`uses http:// to ${url.hostname}, which would send the API key unencrypted: use https:// (plain http:// is accepted only for a server on this machine: localhost, 127.x.x.x or [::1])`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (path && !rule.apiSuffixes.includes(path.toLowerCase()))
		fail(rule, `has the path ${path}, which is not part of the API address`);
	if (!url.hostname.includes('.') && url.hostname !== 'localhost' && url.hostname !== '[::1]')
		fail(rule, `has the host "${url.hostname}", which is not a full host name`);
}

/** The origin (e.g. `https://api1.unipile.com:13111`) of an accepted value; a InputError otherwise. */
export function normaliseBaseUrl(raw: unknown, rule: BaseUrlRule): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) fail(rule, 'is empty');
	const parts = acceptedParts(text, rule);
	if (!parts) {
		explainRefusal(text, rule);
		return fail(rule, 'is not a host name with an optional port');
	}
	// The pattern decides; the URL parser HTTP clients use must read the same host from it.
	let url: URL | undefined;
	try {
		url = new URL(`${parts.scheme}://${parts.host}${parts.port ? `:${parts.port}` : ''}`);
	} catch {
		url = undefined;
	}
	if (!url || url.hostname !== parts.host)
		return fail(rule, 'is not a host name with an optional port');
	return url.origin;
}

/**
 * The same rule as an n8n expression over `$credentials.<field>`, for credential test requests:
 * the pattern's origin for an accepted value, {@link REFUSED_BASE_URL} for a refused one.
 */
export function baseUrlExpression(credentialField: string, rule: BaseUrlRule): string {
	const pattern = JSON.stringify(acceptedBaseUrlPattern(rule));
	return (
		`={{ [String($credentials.${credentialField} || "").trim().match(new RegExp(${pattern}, "i"))]` +
		`.map(m => m ? (m[1] || m[2] || "https").toLowerCase() + "://" + m[3].toLowerCase() + (m[4] ? ":" + m[4] : "")` +
		` : ${JSON.stringify(REFUSED_BASE_URL)})[0] }}`
	);
}

/** The answers a credential test does not follow (`disableFollowRedirect`) and reports as redirects. */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * Credential test rules for a redirect. n8n 2.41 hands a status listed in `ignoreHttpStatusErrors.except`
 * to these rules; n8n 2.8 ignores `except` and lets the redirect through as an answer, which the
 * test's last body rule then reports (its message mentions redirects too).
 */
export function redirectTestRules(rule: BaseUrlRule): IAuthenticateRuleResponseCode[] {
	return REDIRECT_STATUSES.map((value) => ({
		type: 'responseCode',
		properties: {
			value,
			message: `The ${rule.field} host answered with a redirect (HTTP ${value}). Redirects are not followed, so the API key only goes to the host you entered: check the ${rule.field} (e.g. ${rule.example})`,
		},
	}));
}

/**
 * Turns what users paste (profile URLs from CRMs and sheets, vanity slugs, internal ids) into one
 * of two identifier kinds. Every service adapter builds its request from the result, so parsing
 * rules live here only.
 */

export type ProfileIdentifier =
	| { kind: 'providerId'; value: string }
	| { kind: 'publicIdentifier'; value: string };

export type ProfileLocatorMode = 'url' | 'publicIdentifier' | 'providerId';

/** Raised for input we refuse before sending anything; the message names the field and the fix. */
import { InputError } from './inputError';

/**
 * LinkedIn member ids per product: Classic `ACo…` (recently also `ADo…`), Sales Navigator `ACw…`,
 * Recruiter `AE…`. They are base64url-like and much longer than the prefix.
 */
export const PROVIDER_ID_PATTERN = /^(?:ACo|ADo|ACw|AE)[A-Za-z0-9_-]{16,120}$/;

const MAX_IDENTIFIER_LENGTH = 200;
const LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/i;
// Anything that would change the request path; control characters are checked apart (hasControlCharacter).
const FORBIDDEN_IN_SLUG = /[/?#\\\s]/;

/** Control characters (U+0000–U+001F, U+007F) would be invisible if they reached the wire. */
function isControl(character: string): boolean {
	const code = character.charCodeAt(0);
	return code < 0x20 || code === 0x7f;
}

function hasControlCharacter(text: string): boolean {
	return [...text].some(isControl);
}

const EXAMPLE_URL = 'https://www.linkedin.com/in/julien-crepieux/';
const FIELD = "'Profile'";

function fail(problem: string, fix: string): never {
	throw new InputError(`${FIELD} ${problem}. ${fix}`);
}

function show(value: string): string {
	const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
	// Control characters would make the message itself unreadable.
	return `"${[...shown].map((c) => (isControl(c) ? '?' : c)).join('')}"`;
}

function asText(raw: unknown): string {
	if (typeof raw === 'number') return String(raw);
	if (raw === undefined || raw === null) {
		fail(
			'is empty',
			'If it comes from an expression, check that the input item has that field (an earlier step may have failed for this item)',
		);
	}
	if (typeof raw !== 'string') {
		fail(
			`must be text, but the value is ${Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'an object' : typeof raw}`,
			'If it comes from an expression, point it at a single field such as {{ $json.linkedin_url }}',
		);
	}
	const text = raw.trim();
	if (!text)
		fail(
			'is empty',
			`Enter a LinkedIn profile URL such as ${EXAMPLE_URL}, a public identifier or a provider ID`,
		);
	if (text.length > MAX_IDENTIFIER_LENGTH) {
		fail(
			`is ${text.length} characters long (at most ${MAX_IDENTIFIER_LENGTH})`,
			'Check that the field holds one profile, not a whole text',
		);
	}
	return text;
}

function decodeSlug(slug: string, original: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return fail(
			`has a malformed percent-encoding in ${show(original)}`,
			'Copy the URL again from the browser address bar',
		);
	}
}

/** Words of letters separated by spaces, e.g. "Barbara Liskov": no identifier looks like that. */
const PERSON_NAME = /^\p{L}[\p{L}'.-]*(?: +\p{L}[\p{L}'.-]*)+$/u;

function checkSlug(slug: string, original: string): string {
	if (!slug)
		fail(
			`has no member identifier after /in/ in ${show(original)}`,
			`Use a profile URL such as ${EXAMPLE_URL}`,
		);
	if (FORBIDDEN_IN_SLUG.test(slug) || hasControlCharacter(slug) || slug === '.' || slug === '..') {
		fail(
			`contains characters a LinkedIn identifier cannot have (/, ?, #, \\, spaces or control characters) in ${show(original)}`,
			`Use only the part after /in/, e.g. julien-crepieux, or the full URL ${EXAMPLE_URL}`,
		);
	}
	return slug;
}

function classify(slug: string): ProfileIdentifier {
	return PROVIDER_ID_PATTERN.test(slug)
		? { kind: 'providerId', value: slug }
		: { kind: 'publicIdentifier', value: slug };
}

/** Parses a profile URL in any of the forms users paste. */
export function parseProfileUrl(raw: unknown): ProfileIdentifier {
	const text = asText(raw);
	// Sheets mix full URLs with bare identifiers; a value with no dot, slash or colon can only be one.
	if (!/[./:]/.test(text)) return parsePublicIdentifier(text);
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
	if (scheme && scheme !== 'http' && scheme !== 'https' && !/^[a-z0-9.-]+\.[a-z]+:\d/i.test(text)) {
		fail(
			`is a ${scheme}: address, not a LinkedIn profile URL (${show(text)})`,
			`Use a profile URL such as ${EXAMPLE_URL}`,
		);
	}
	let url: URL;
	try {
		url = new URL(
			scheme === 'http' || scheme === 'https' ? text : `https://${text.replace(/^\/+/, '')}`,
		);
	} catch {
		return fail(`is not a valid URL (${show(text)})`, `Use a profile URL such as ${EXAMPLE_URL}`);
	}
	if (!LINKEDIN_HOST.test(url.hostname)) {
		fail(
			`points to ${url.hostname}, not linkedin.com (${show(text)})`,
			`Use a LinkedIn profile URL such as ${EXAMPLE_URL}`,
		);
	}
	const segments = url.pathname.split('/');
	// segments[0] is the empty string before the leading slash.
	if (segments[1]?.toLowerCase() !== 'in') {
		const what = segments[1] ? `a /${segments[1]}/ page` : 'the LinkedIn home page';
		fail(
			`is ${what}, not a member profile (${show(text)})`,
			`Only member profiles (linkedin.com/in/…) can be looked up or invited, e.g. ${EXAMPLE_URL}`,
		);
	}
	// Keep the raw segment: URL() has already rejected nothing and decoded nothing, so %2F stays visible.
	const rawSlug = segments[2] ?? '';
	const slug = checkSlug(decodeSlug(rawSlug, text), text);
	return classify(slug);
}

/** Validates a bare public identifier (the part after /in/); a pasted URL is accepted too. */
export function parsePublicIdentifier(raw: unknown): ProfileIdentifier {
	const text = asText(raw);
	if (/linkedin\.com\//i.test(text)) return parseProfileUrl(text);
	// A person's name (a sheet's Name column, or an AI agent's guess): say so, not just "spaces".
	if (PERSON_NAME.test(text)) {
		fail(
			`looks like a person's name (${show(text)}), not a LinkedIn profile`,
			`Give the member's profile URL such as ${EXAMPLE_URL}, their public identifier (the part after /in/) or their member ID; a name cannot be looked up`,
		);
	}
	const slug = checkSlug(decodeSlug(text.replace(/\/+$/, ''), text), text);
	return classify(slug);
}

/** Validates a provider (member) id such as ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E. */
export function parseProviderId(raw: unknown): ProfileIdentifier {
	const text = asText(raw);
	if (!PROVIDER_ID_PATTERN.test(text)) {
		fail(
			`${show(text)} is not a LinkedIn provider ID`,
			"Provider IDs start with ACo, ADo, ACw or AE followed by letters and digits (e.g. ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E); for a public ID such as julien-crepieux choose 'By Public ID'",
		);
	}
	return { kind: 'providerId', value: text };
}

export function parseProfile(mode: string, raw: unknown): ProfileIdentifier {
	switch (mode) {
		case 'url':
			return parseProfileUrl(raw);
		case 'publicIdentifier':
			return parsePublicIdentifier(raw);
		case 'providerId':
			return parseProviderId(raw);
		default:
			return fail(`uses an unknown mode "${mode}"`, "Choose 'By URL', 'By Public ID' or 'By ID'");
	}
}

/** The canonical profile URL, for services that take URLs rather than ids. */
export function profileUrlOf(identifier: ProfileIdentifier): string {
	return `https://www.linkedin.com/in/${encodeURIComponent(identifier.value)}/`;
}

/**
 * The same member written the same way, for deduplicating lookups: public identifiers are
 * case-insensitive on LinkedIn, provider ids are not (they are base64-like).
 */
export function identifierKey(identifier: ProfileIdentifier): string {
	return identifier.kind === 'publicIdentifier'
		? `public:${identifier.value.toLowerCase()}`
		: `provider:${identifier.value}`;
}

/**
 * A member id of another LinkedIn product than Classic: Sales Navigator (`ACw…`) or Recruiter
 * (`AE…`). "Each user has a multiple fixed provider ID for Classic, Recruiter and Sales
 * Navigator … you need to convert it with get profile route" (developer.unipile.com/docs/
 * users-overview): invitations and messages take the Classic id, so such an id is looked up first.
 */
export function isOtherProductId(profile: ProfileIdentifier): boolean {
	return profile.kind === 'providerId' && /^(?:ACw|AE)/.test(profile.value);
}

/**
 * Every key one member is known by for an account: the identifier an item gave, and those an
 * answer named (its provider id, its public identifier), so a URL row and an id row meet.
 */
export function memberKeys(
	accountId: string,
	given: ProfileIdentifier,
	named: { provider_id?: unknown; public_identifier?: unknown },
): string[] {
	const keys = [identifierKey(given)];
	if (typeof named.provider_id === 'string')
		keys.push(identifierKey({ kind: 'providerId', value: named.provider_id }));
	if (typeof named.public_identifier === 'string')
		keys.push(identifierKey({ kind: 'publicIdentifier', value: named.public_identifier }));
	return keys.map((key) => `${accountId} ${key}`);
}

/** The identifier in a LinkedIn profile URL a service returned; undefined when it is not one. */
export function identifierInUrl(url: unknown): ProfileIdentifier | undefined {
	try {
		return parseProfileUrl(url);
	} catch {
		return undefined;
	}
}

/** A member's profile URL from their public identifier, as services' own fields lack it. */
export function profileUrlOfSlug(publicIdentifier: unknown): string | undefined {
	return typeof publicIdentifier === 'string' && publicIdentifier
		? profileUrlOf({ kind: 'publicIdentifier', value: publicIdentifier })
		: undefined;
}

/**
 * Reads and checks the node's parameters for one item. Everything here runs before any request,
 * so bad input fails its item without touching the service.
 */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { parseProfile, type ProfileIdentifier } from './profileIdentifier';

import { InputError } from './inputError';

export { InputError };

export const MESSAGE_MAX_CHARACTERS = 300;

/**
 * The longest message Send Message takes, for every service. ASSUMPTION: no service documents one
 * (Unipile v1's m_startNewChat `text` has no maxLength and its 400 only says "The provided content
 * exceeds the character limit"; v2 types `text` as a plain string; LinkupAPI's send pages give
 * none); 8,000 characters is what LinkedIn's own message box takes. If a service's limit is lower,
 * it refuses the message (Unipile: 400 too_many_characters) and the item fails with that error:
 * nothing is sent, nothing is lost.
 */
export const LINKEDIN_MESSAGE_MAX_LENGTH = 8000;

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : typeof value;
}

function locator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { mode: string; value: unknown } {
	const raw = context.getNodeParameter(name, itemIndex, undefined, { extractValue: false }) as
		| INodeParameterResourceLocator
		| string
		| undefined;
	if (raw && typeof raw === 'object' && '__rl' in raw) return { mode: raw.mode, value: raw.value };
	// Workflows written by hand (or by an AI agent) sometimes store a plain value.
	return { mode: '', value: raw };
}

export function readAccountId(context: IExecuteFunctions, itemIndex: number): string {
	return accountIdFrom(locator(context, 'accountId', itemIndex).value);
}

/** The Account locator's value (from a node run or a trigger), checked. */
export function accountIdFrom(raw: unknown): string {
	const value =
		raw && typeof raw === 'object' && '__rl' in raw
			? (raw as INodeParameterResourceLocator).value
			: raw;
	if (typeof value === 'number') return String(value);
	if (value === undefined || value === null) {
		throw new InputError(
			"'Account' is empty. If it comes from an expression, check that the input item has that field; otherwise pick a LinkedIn account from the list.",
		);
	}
	if (typeof value !== 'string') {
		throw new InputError(
			`'Account' must be text, but the value is ${describeType(value)}. If it comes from an expression, point it at the id field, e.g. {{ $json.account_id }}.`,
		);
	}
	const id = value.trim();
	if (!id) {
		throw new InputError(
			"'Account' is empty. Pick a LinkedIn account from the list, or enter the account ID your service shows for it.",
		);
	}
	if (/\s/.test(id) || id.length > 100) {
		throw new InputError(
			`'Account' "${id.slice(0, 40)}" is not an account ID (it has spaces or is too long). Pick the account from the list.`,
		);
	}
	return id;
}

export function readProfile(context: IExecuteFunctions, itemIndex: number): ProfileIdentifier {
	const { mode, value } = locator(context, 'profile', itemIndex);
	return parseProfile(mode || 'url', value);
}

/**
 * Counts characters the way Unipile's schema does (JSON Schema maxLength: Unicode code points).
 * Letters, accented letters and simple emoji count as one, as users see them; emoji built from
 * several (families, flags, skin tones) count as several, and the API would refuse them anyway.
 */
export function messageLength(text: string): number {
	return [...text].length;
}

export function readMessage(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = context.getNodeParameter('message', itemIndex, '') as unknown;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(
			`'Message' must be text, but the value is ${describeType(value)}. If it comes from an expression, point it at a text field, e.g. {{ $json.note }}.`,
		);
	}
	const message = String(value);
	if (!message.trim()) return undefined;
	const length = messageLength(message);
	if (length > MESSAGE_MAX_CHARACTERS) {
		throw new InputError(
			`'Message' is ${length} characters long; LinkedIn accepts at most ${MESSAGE_MAX_CHARACTERS} (Unicode characters: a letter or a simple emoji is one; flags and combined emoji count as several). Shorten it by ${length - MESSAGE_MAX_CHARACTERS}. Nothing was sent.`,
		);
	}
	return message;
}

/** Send Message's text: required, at most `maxLength` characters (counted as messageLength does). */
export function readMessageText(
	context: IExecuteFunctions,
	itemIndex: number,
	maxLength: number,
	service: string,
): string {
	const value = context.getNodeParameter('text', itemIndex, '') as unknown;
	if (
		value !== undefined &&
		value !== null &&
		typeof value !== 'string' &&
		typeof value !== 'number'
	) {
		throw new InputError(
			`'Text' must be text, but the value is ${describeType(value)}. If it comes from an expression, point it at a text field, e.g. {{ $json.message }}. Nothing was sent.`,
		);
	}
	const text = String(value ?? '');
	if (!text.trim()) {
		throw new InputError(
			"'Text' is empty. Write the message, or map it with an expression such as Hi {{ $json.first_name }}. If it comes from an expression, check that the input item has that field. Nothing was sent.",
		);
	}
	const length = messageLength(text);
	if (length > maxLength) {
		throw new InputError(
			`'Text' is ${length} characters long; ${service} sends messages of at most ${maxLength}. Shorten it by ${length - maxLength}. Nothing was sent.`,
		);
	}
	return text;
}

export function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as unknown;
	return options && typeof options === 'object' ? (options as IDataObject) : {};
}

/** A number option clamped to [min, max]; the fallback when it is unset or not a number. */
export function numberOption(
	options: IDataObject,
	name: string,
	fallback: number,
	min: number,
	max: number,
): number {
	const raw = options[name];
	const value = typeof raw === 'string' && raw.trim() === '' ? NaN : Number(raw);
	return raw !== undefined && raw !== null && Number.isFinite(value)
		? Math.min(max, Math.max(min, value))
		: fallback;
}

/** A required text field (an ID, a token): trimmed, or an InputError naming the field and the fix. */
export function readRequiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	fix: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof value === 'number') return String(value);
	if (value !== undefined && value !== null && typeof value !== 'string') {
		throw new InputError(
			`'${label}' must be text, but the value is ${describeType(value)}. ${fix} Nothing was sent.`,
		);
	}
	const text = (value ?? '').trim();
	if (!text) throw new InputError(`'${label}' is empty. ${fix} Nothing was sent.`);
	if (text.length > 500 || /\s/.test(text)) {
		throw new InputError(
			`'${label}' "${text.slice(0, 40)}" is not an ID (it has spaces or is too long). ${fix} Nothing was sent.`,
		);
	}
	return text;
}

/** Return All → undefined; otherwise Limit, a whole number from 1. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InputError(
			`'Limit' must be a whole number from 1, but it is ${JSON.stringify(limit)}. Set it, or turn on 'Return All'.`,
		);
	}
	return limit;
}

/**
 * The characters of the services' invitation ids: Unipile's numeric ids (7189…), LinkupAPI's URNs
 * (urn:li:invitation:7189…, urn:li:fsd_invitation:…). Unipile puts the id in the URL path, so
 * `.`, `/`, `%` or `?` could point the request at another endpoint.
 */
const INVITATION_ID = /^[A-Za-z0-9:_-]+$/;

/** Withdraw, Accept and Decline take an invitation from a list placed before them. */
export function readInvitationId(
	context: IExecuteFunctions,
	itemIndex: number,
	list: 'Get Many Sent' | 'Get Many Received',
): string {
	const fix = `Map it from ${list}'s invitation_id (the default expression {{ $json.invitation_id }} does when this node follows it).`;
	const id = readRequiredText(context, itemIndex, 'invitationId', 'Invitation ID', fix);
	if (!INVITATION_ID.test(id)) {
		throw new InputError(
			`'Invitation ID' ${JSON.stringify(id.slice(0, 40))} is not an invitation ID: it may contain only letters, digits, ':', '_' and '-' (such as 7189123456789012345 or urn:li:invitation:7189123456789012345). ${fix} Nothing was sent.`,
		);
	}
	return id;
}

export function readSharedSecret(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(
		context,
		itemIndex,
		'sharedSecret',
		'Shared Secret',
		"Map it from Get Many Received's shared_secret (the default expression {{ $json.shared_secret }} does when this node follows it).",
	);
}

/** The account and how much of the list to read. */
export function readListInput(context: IExecuteFunctions, itemIndex: number) {
	return { accountId: readAccountId(context, itemIndex), limit: readLimit(context, itemIndex) };
}

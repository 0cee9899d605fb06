import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { ExpressionError, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { InputError } from './inputError';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes every secret from a text we are about to show: as given, URL-encoded (also with `+` for
 * spaces), ignoring case, since servers echo keys upper-cased or with lower-case `%2f` escapes.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		const encoded = encodeURIComponent(secret);
		const forms = [...new Set([secret, encoded, encoded.replace(/%20/g, '+')])];
		// Longest first, so a shorter form never leaves part of a longer one behind.
		forms.sort((a, b) => b.length - a.length);
		const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
		result = result.replace(pattern, '***');
	}
	return result;
}

/**
 * n8n errors pass through; anything else becomes a NodeOperationError with its message, keeping
 * the original as `cause` (what it was, e.g. a cancellation, stays recognisable).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	const nodeError = new NodeOperationError(node, message, { itemIndex });
	if (error instanceof Error) nodeError.cause = error;
	return nodeError;
}

/** The error and the errors it wraps (`cause`), outermost first. */
export function causesOf(error: unknown): unknown[] {
	const chain: unknown[] = [];
	for (let current = error; current !== undefined && chain.length < 5; ) {
		chain.push(current);
		current = current instanceof Error ? current.cause : undefined;
	}
	return chain;
}

/** What an error item says besides its message, for a workflow to branch on (README "Error codes"). */
export interface ErrorDetails {
	/** The service's error type or code, or one of ours (ERROR_CODES). */
	code: string;
	/** The status of the service's answer; null when none came. */
	http_code: number | null;
	/** The service's own detail; null when it gave none. */
	description: string | null;
}

/** Our codes, for failures no service named. */
export const ERROR_CODES = {
	/** Refused before any request: the input or a setting is wrong. */
	input: 'INPUT',
	redirect: 'REDIRECT',
	/** No answer within the timeout. */
	timeout: 'TIMEOUT',
	/** No answer at all: refused, reset, unreachable. */
	network: 'NETWORK',
	/** A write whose answer was lost, and checking could not tell whether it went through. */
	uncertain: 'UNCERTAIN',
	/** Send Invitation over its Daily or Weekly Cap, with If Over a Cap = Fail. */
	capReached: 'CAP_REACHED',
	/** Anything else (a bug, or an answer missing what we need). */
	unexpected: 'UNEXPECTED',
} as const;

/** An error that carries its error item's details (the transport's ServiceError, CodedError). */
export interface Detailed {
	readonly errorDetails: ErrorDetails;
}

function isDetailed(error: unknown): error is Detailed {
	return typeof error === 'object' && error !== null && 'errorDetails' in error;
}

/** A failure of ours, raised with its error item's code. */
export class CodedError extends Error implements Detailed {
	readonly errorDetails: ErrorDetails;

	constructor(code: string, message: string) {
		super(message);
		this.errorDetails = { code, http_code: null, description: null };
	}
}

/**
 * The details of the first error in the chain that names them. Input refused before any request
 * is INPUT: our checks, and an expression n8n could not evaluate for the item.
 */
export function errorDetailsOf(error: unknown): ErrorDetails {
	for (const cause of causesOf(error)) {
		if (isDetailed(cause)) return cause.errorDetails;
		if (cause instanceof InputError || cause instanceof ExpressionError) {
			return { code: ERROR_CODES.input, http_code: null, description: null };
		}
	}
	return { code: ERROR_CODES.unexpected, http_code: null, description: null };
}

/** A parameter as the item has it, or undefined where it cannot be read (the bad part may be it). */
function rawParameter(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	try {
		return context.getNodeParameter(name, itemIndex, undefined, { extractValue: false });
	} catch {
		return undefined;
	}
}

function locatorOf(raw: unknown): { mode?: string; value: unknown } {
	return raw && typeof raw === 'object' && '__rl' in raw
		? (raw as INodeParameterResourceLocator)
		: { value: raw };
}

const PROFILE_FIELD_BY_MODE: Record<string, string> = {
	url: 'profile_url',
	publicIdentifier: 'public_identifier',
	providerId: 'provider_id',
};

/** The identifiers an item was given, as given, so a failed row can be matched back to its source. */
export function givenIdentifiers(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const given: IDataObject = {};
	const put = (field: string | undefined, value: unknown) => {
		if (field && (typeof value === 'string' || typeof value === 'number')) given[field] = value;
	};
	const profile = locatorOf(rawParameter(context, 'profile', itemIndex));
	put(PROFILE_FIELD_BY_MODE[profile.mode || 'url'], profile.value);
	put('invitation_id', rawParameter(context, 'invitationId', itemIndex));
	put('account_id', locatorOf(rawParameter(context, 'accountId', itemIndex)).value);
	return given;
}

/**
 * A failed item under Continue On Fail: on the regular output, the message, what it was (code,
 * HTTP status, the service's detail) and the identifiers it was given. On the error output only
 * `{ error }`: n8n sends an item there only when its fields are `error` and `message` (from 2.36
 * also `details`), and turns one carrying n8n's `error` property into `{ error }` anyway (n8n-core
 * WorkflowExecute.handleNodeErrorOutput, normalizeNodeErrors). n8n adds the input row's fields.
 */
export function errorItem(
	context: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	nodeError: NodeApiError | NodeOperationError,
): INodeExecutionData {
	const json =
		context.getNode().onError === 'continueErrorOutput'
			? { error: nodeError.message }
			: {
					error: nodeError.message,
					...errorDetailsOf(error),
					...givenIdentifiers(context, itemIndex),
				};
	return { json, pairedItem: { item: itemIndex } };
}

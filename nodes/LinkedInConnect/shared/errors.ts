import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ServiceFailure } from '../services/types';

/** A failed service call, carrying what the adapter made of it (for retry and duplicate checks). */
export class ServiceError extends NodeApiError {
	readonly serviceFailure: ServiceFailure;

	constructor(node: INode, failure: ServiceFailure, itemIndex?: number) {
		// Only the sanitised failure goes in: never the HTTP client's error, whose config holds the API key.
		super(node, { serviceStatus: failure.status, serviceErrorCode: failure.code } as JsonObject, {
			message: failure.message,
			description: failure.description,
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex,
		});
		// NodeApiError swaps any message mentioning ECONNRESET, ETIMEDOUT & co. for a generic sentence;
		// ours already says what happened and what to do.
		this.message = failure.message;
		this.serviceFailure = failure;
	}
}

/** Removes every secret (as given and URL-encoded) from a text we are about to show. */
export function redactSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join('***');
		}
	}
	return result;
}

export function redactFailure(failure: ServiceFailure, secrets: string[]): ServiceFailure {
	return {
		...failure,
		message: redactSecrets(failure.message, secrets),
		description:
			failure.description === undefined ? undefined : redactSecrets(failure.description, secrets),
	};
}

/**
 * A write whose outcome we cannot know from the answer: no answer at all (timeout, reset), a 5xx,
 * or a 2xx we could not read. The service may have acted, so we check before reporting a failure.
 */
export function isUncertainWrite(error: unknown): error is ServiceError {
	if (!(error instanceof ServiceError)) return false;
	const { status, code } = error.serviceFailure;
	return status === 0 || status >= 500 || code === 'INVALID_RESPONSE';
}

/** n8n errors pass through; anything else becomes a NodeOperationError with its message. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

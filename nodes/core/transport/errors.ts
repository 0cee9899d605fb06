import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { type Detailed, type ErrorDetails, ERROR_CODES, redactSecrets } from '../shared/errors';
import type { ServiceFailure } from './types';

/**
 * The code an error item carries for a failure: the service's own, or ours when no answer came
 * (the message keeps the system's ETIMEDOUT, ECONNRESET…). REDIRECT is ours already.
 */
export function errorCodeOf(failure: ServiceFailure): string {
	if (failure.status !== 0) return failure.code;
	return failure.code === 'ETIMEDOUT' ? ERROR_CODES.timeout : ERROR_CODES.network;
}

/** A failed service call, carrying what the adapter made of it (for retry and duplicate checks). */
export class ServiceError extends NodeApiError implements Detailed {
	readonly serviceFailure: ServiceFailure;

	readonly errorDetails: ErrorDetails;

	/** `code`: the error item's code when the failure alone does not tell it (UNCERTAIN). */
	constructor(node: INode, failure: ServiceFailure, itemIndex?: number, code?: string) {
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
		this.errorDetails = {
			code: code ?? errorCodeOf(failure),
			http_code: failure.status || null,
			description: failure.description ?? null,
		};
	}
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

import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ServiceFailure } from '../services/types';

/** A failed service call, carrying what the adapter made of it (for retry and duplicate checks). */
export class ServiceError extends NodeApiError {
	readonly serviceFailure: ServiceFailure;

	constructor(node: INode, failure: ServiceFailure, itemIndex?: number) {
		// Only the sanitised failure goes in: never the HTTP client's error, whose config holds the API key.
		super(node, { status: failure.status, code: failure.code } as JsonObject, {
			message: failure.message,
			description: failure.description,
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex,
		});
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
		description: failure.description === undefined ? undefined : redactSecrets(failure.description, secrets),
	};
}

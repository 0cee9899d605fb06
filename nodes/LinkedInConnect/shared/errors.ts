import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

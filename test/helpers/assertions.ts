/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { RunResult } from './engine';

/** Everything a user (or a log) could see from a run: output items, error items, the run error. */
export function visibleText(result: RunResult): string {
	const error = result.error
		? JSON.stringify({
				...result.error,
				message: result.error.message,
				description: result.error.description,
				stack: (result.error as { stack?: string }).stack,
			})
		: '';
	return (
		JSON.stringify(result.items) +
		JSON.stringify(result.errorItems) +
		error +
		JSON.stringify(result.run?.data ?? {})
	);
}

/** n8n's log lines captured by test/setup.js. */
export function loggedText(): string {
	return ((globalThis as unknown as { __n8nLogLines?: string[] }).__n8nLogLines ?? []).join('\n');
}

/** The key must not appear as given, URL-encoded or base64-encoded anywhere in the run or in n8n's logs. */
export function expectNoSecret(result: RunResult, secret: string): void {
	const text = visibleText(result) + loggedText();
	for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
		expect(text.includes(form)).toBe(false);
	}
}

/** Turns an HTTP client error (no answer at all) into a failure the user can act on. */
import type { ServiceFailure } from './types';

/** The first Node.js error code (ECONNRESET, ETIMEDOUT…) on the error or its causes. */
export function findErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code } = current as { code?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? error.message : '';
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return undefined;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

export function networkFailure(
	serviceName: string,
	error: unknown,
	timeoutMs: number,
): ServiceFailure {
	const code = findErrorCode(error) ?? 'ENETWORK';
	if (TIMEOUT_CODES.has(code)) {
		return {
			status: 0,
			code: 'ETIMEDOUT',
			message: `${serviceName} did not answer within ${Math.round(timeoutMs / 1000)} s [ETIMEDOUT]. Try again later, or raise 'Timeout (Seconds)' under Options.`,
		};
	}
	if (UNREACHABLE_CODES.has(code)) {
		return {
			status: 0,
			code,
			message: `Could not reach ${serviceName} [${code}]. Check the host in the credential and that this n8n can reach it.`,
		};
	}
	return {
		status: 0,
		code,
		message: `The connection to ${serviceName} failed [${code}]. Try again later.`,
	};
}

/**
 * When a failed request is tried again: the one rule for every service. Only reads are retried
 * (an invitation is never sent twice), and only after failures that may pass: rate limits,
 * outages, lost connections, unreadable answers.
 */
import type { ServiceFailure, ServiceRequest } from './types';

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'INVALID_RESPONSE',
]);

/** Backoff before the first retry; doubled for each further one. */
const BACKOFF_BASE_MS = 500;
/** A Retry-After longer than this is reported rather than waited for. */
export const MAX_RETRY_AFTER_SECONDS = 60;

export function isRetryable(failure: ServiceFailure): boolean {
	return RETRYABLE_STATUS.has(failure.status) || RETRYABLE_CODES.has(failure.code);
}

/** Whether attempt number `attempt` (0 = the first) should be followed by another. */
export function shouldRetry(
	request: Pick<ServiceRequest, 'idempotent'>,
	failure: ServiceFailure,
	attempt: number,
	maxRetries: number,
): boolean {
	return (
		request.idempotent &&
		isRetryable(failure) &&
		attempt < maxRetries &&
		(failure.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS
	);
}

/** The pause before retry number `attempt + 1`: what the service asked for, else backoff with jitter. */
export function retryDelayMs(
	attempt: number,
	failure: ServiceFailure,
	random = Math.random,
): number {
	if (failure.retryAfterSeconds !== undefined) return failure.retryAfterSeconds * 1000;
	// Jitter (half to all of the delay) keeps many items, or queue-mode workers, from retrying in lockstep.
	return BACKOFF_BASE_MS * 2 ** attempt * (0.5 + random() / 2);
}

/** The failure as reported after the last attempt: what the service asked and how often we tried. */
export function finalFailure(
	request: Pick<ServiceRequest, 'idempotent'>,
	failure: ServiceFailure,
	attempts: number,
): ServiceFailure {
	const waitNote = failure.retryAfterSeconds
		? ` The service asked to wait ${Math.ceil(failure.retryAfterSeconds)} s before trying again.`
		: '';
	const triedNote =
		request.idempotent && isRetryable(failure) && attempts > 1 ? ` (tried ${attempts} times)` : '';
	return { ...failure, message: `${failure.message}${waitNote}${triedNote}` };
}

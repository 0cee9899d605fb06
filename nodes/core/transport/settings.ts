/**
 * Everything that shapes a request besides the request itself, read in one place: our Options
 * (timeout, retries) and, for workflows saved while the node was declarative (0.1.x), the
 * Settings → Request Options n8n stored with them (timeout and batching only).
 */
import type { IDataObject } from 'n8n-workflow';
import { numberOption } from '../shared/parameters';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface TransportSettings {
	timeoutMs: number;
	/** Extra attempts for reads after a retryable failure; writes are never retried. */
	maxRetries: number;
}

export const DEFAULT_TRANSPORT: TransportSettings = {
	timeoutMs: DEFAULT_TIMEOUT_MS,
	maxRetries: DEFAULT_MAX_RETRIES,
};

/** What this node still takes from n8n's Settings → Request Options as 0.1.x workflows saved them. */
export interface LegacyRequestOptions {
	timeoutMs?: number;
	batching?: { size: number; intervalMs: number };
}

/**
 * The saved `requestOptions` is a hidden parameter: anyone who may edit the workflow can write it,
 * including people who cannot read the credential. So its `proxy` (which would route the API key
 * through a host of their choosing) and `allowUnauthorizedCerts` (which would let anyone on the way
 * read it) are ignored; only the harmless timeout and batching interval are kept.
 */
export function readLegacyRequestOptions(raw: unknown): LegacyRequestOptions {
	const saved = raw && typeof raw === 'object' ? (raw as IDataObject) : {};
	const legacy: LegacyRequestOptions = {};
	if (Number(saved.timeout) > 0) legacy.timeoutMs = Number(saved.timeout);
	const batch = ((saved.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const intervalMs = Number(batch.batchInterval);
	if (intervalMs > 0) {
		legacy.batching = { size: Math.max(1, Number(batch.batchSize) || 1), intervalMs };
	}
	return legacy;
}

/** Our Options win; a 0.1.x workflow's saved request options fill in what they do not set. */
export function transportSettings(
	options: IDataObject,
	legacy: LegacyRequestOptions,
): TransportSettings {
	const defaultTimeoutSeconds = (legacy.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
	return {
		timeoutMs: numberOption(options, 'timeout', defaultTimeoutSeconds, 1, 600) * 1000,
		maxRetries: numberOption(options, 'maxRetries', DEFAULT_MAX_RETRIES, 0, 10),
	};
}

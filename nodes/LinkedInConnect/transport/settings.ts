/**
 * Everything that shapes a request besides the request itself, read in one place: our Options
 * (timeout, retries) and, for workflows saved while the node was declarative (0.1.x), the
 * Settings → Request Options n8n stored with them (timeout, proxy, certificate check, batching).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { numberOption } from '../shared/parameters';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface TransportSettings {
	timeoutMs: number;
	/** Extra attempts for reads after a retryable failure; writes are never retried. */
	maxRetries: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
}

export const DEFAULT_TRANSPORT: TransportSettings = {
	timeoutMs: DEFAULT_TIMEOUT_MS,
	maxRetries: DEFAULT_MAX_RETRIES,
};

/** n8n's Settings → Request Options as 0.1.x workflows saved them (see LEGACY_REQUEST_OPTIONS). */
export interface LegacyRequestOptions {
	timeoutMs?: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	batching?: { size: number; intervalMs: number };
}

/** `http://user:pass@host:port` as n8n's RoutingNode turned it into request options. */
function proxyFrom(value: unknown): IHttpRequestOptions['proxy'] | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	try {
		const url = new URL(value.trim());
		const proxy: NonNullable<IHttpRequestOptions['proxy']> = {
			protocol: url.protocol.replace(/:$/, ''),
			host: url.hostname,
			port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
		};
		if (url.username) {
			proxy.auth = {
				username: decodeURIComponent(url.username),
				password: decodeURIComponent(url.password),
			};
		}
		return proxy;
	} catch {
		return undefined;
	}
}

export function readLegacyRequestOptions(raw: unknown): LegacyRequestOptions {
	const saved = raw && typeof raw === 'object' ? (raw as IDataObject) : {};
	const legacy: LegacyRequestOptions = {};
	if (Number(saved.timeout) > 0) legacy.timeoutMs = Number(saved.timeout);
	const proxy = proxyFrom(saved.proxy);
	if (proxy) legacy.proxy = proxy;
	if (saved.allowUnauthorizedCerts === true) legacy.skipSslCertificateValidation = true;
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
		proxy: legacy.proxy,
		skipSslCertificateValidation: legacy.skipSslCertificateValidation,
	};
}

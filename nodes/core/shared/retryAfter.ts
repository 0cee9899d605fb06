import type { IDataObject } from 'n8n-workflow';

/** Reads a Retry-After header (seconds or an HTTP date) as seconds; undefined when absent or unreadable. */
export function retryAfterSeconds(
	headers: IDataObject | undefined,
	now = Date.now(),
): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const value = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, (date - now) / 1000);
}

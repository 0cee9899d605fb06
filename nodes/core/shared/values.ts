import type { IDataObject } from 'n8n-workflow';

/** Reading the loosely typed JSON services answer with: one helper per shape, shared by every adapter. */

/** A non-blank string, trimmed; undefined otherwise. */
export function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A plain object; an empty one otherwise. */
export function object(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** A list of objects; an empty list otherwise. */
export function objects(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/** "First Last" from the parts that exist; undefined when there are none. */
export function fullName(...parts: unknown[]): string | undefined {
	const name = parts.map(text).filter(Boolean).join(' ');
	return name || undefined;
}

/** The first of `values` that is a date, as an ISO string; undefined when none is. */
export function isoDate(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && Number.isFinite(Date.parse(value)))
			return new Date(value).toISOString();
	}
	return undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since an ISO date; undefined when it is not a date. */
export function daysSince(iso: unknown, now = Date.now()): number | undefined {
	const time = typeof iso === 'string' ? Date.parse(iso) : NaN;
	return Number.isFinite(time) ? Math.max(0, Math.floor((now - time) / DAY_MS)) : undefined;
}

/** The ISO date `days` whole days ago (services that give ages in days only). */
export function daysAgo(days: number, now = Date.now()): string {
	return new Date(now - days * DAY_MS).toISOString();
}

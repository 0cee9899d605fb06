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

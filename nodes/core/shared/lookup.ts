/**
 * Tables looked up with text a service sent (an error code, a status). A plain object would answer
 * `constructor`, `__proto__` or `toString` with Object.prototype's members; these never do.
 */

/** A Map of the entries: `get` only ever finds them. */
export function lookupMap<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
	return new Map(Object.entries(entries));
}

/**
 * The entries in an object without a prototype, for code that takes a plain record (e.g.
 * `alreadyStatus`): indexing it with any text finds only these entries.
 */
export function lookupRecord<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
	return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

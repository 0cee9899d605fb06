/**
 * Tables looked up with text a service sent (an error code, a status). A plain object would answer
 * `constructor`, `__proto__` or `toString` with Object.prototype's members; these never do.
 */

/** A Map of the entries: `get` only ever finds them. */
export function lookupMap<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
	return new Map(Object.entries(entries));
}

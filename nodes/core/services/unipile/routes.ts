/** Unipile v1's routes: every path sits under /api/v1 on the customer's DSN (developer.unipile.com/reference). */
export const API = '/api/v1';

/** A member's profile; the identifier is one encoded path segment (a public identifier or provider id). */
export function profilePath(identifier: string): string {
	return `${API}/users/${encodeURIComponent(identifier)}`;
}

import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** A service's HTTP answer, whatever its status. */
export interface ServiceResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What went wrong, in the user's terms. Built by a service adapter or the transport; shown as a NodeApiError. */
export interface ServiceFailure {
	/** HTTP status, or 0 when no answer came back. */
	status: number;
	/** The service's own error type, e.g. `errors/already_invited_recently` or `INSUFFICIENT_CREDITS`. */
	code: string;
	/** One sentence naming the code and what to do; this is what Continue On Fail items carry. */
	message: string;
	/** Extra detail from the service, shown under the message in n8n. */
	description?: string;
	/** Seconds the service asked us to wait (Retry-After). */
	retryAfterSeconds?: number;
}

export interface ServiceRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL; dynamic segments already encoded. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * Sent as multipart/form-data instead of a JSON body (Unipile v1's chat routes); a list is one
	 * field per value, as a form sends repeated fields.
	 */
	form?: Record<string, string | string[]>;
	/** Reads may be retried; writes (invitations) never blindly. */
	idempotent: boolean;
}

/**
 * A read made once per node run for the same key (e.g. the same member on two rows): each lookup
 * is a LinkedIn profile view or a paid credit.
 */
export interface LookupRequest extends Omit<ServiceRequest, 'idempotent'> {
	cacheKey: string;
}

/** What a check found after a write's answer was lost. */
export type Confirmation =
	| { outcome: 'sent'; body: IDataObject }
	| { outcome: 'not_sent' }
	/** The check could not tell; `reason` completes "It may or may not have gone through: …". */
	| { outcome: 'unknown'; reason: string };

export interface WriteResult {
	body: IDataObject;
	/** Set when the write's answer was lost and the check found it had gone through: the lost answer's error code. */
	confirmedAfterError?: string;
}

/** Sends requests for one service with its credential, base URL, timeout and retry policy applied. */
export interface ServiceClient {
	request(request: ServiceRequest): Promise<IDataObject>;
	/** A cacheable read; `reused` when an earlier item of this run already made it. */
	lookup(request: LookupRequest): Promise<{ body: IDataObject; reused: boolean }>;
	/**
	 * Sends a write exactly once. When its outcome is unknown (timeout, reset, 5xx), `confirm` asks
	 * the service what happened to a write sent at `sentAt` (ms since the epoch). `lookAt` ends the
	 * error when the check cannot tell (default "the sent invitations on LinkedIn").
	 */
	writeOnce(
		request: Omit<ServiceRequest, 'idempotent'>,
		confirm: (sentAt: number) => Promise<Confirmation>,
		lookAt?: string,
	): Promise<WriteResult>;
}

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';
import type { ProfileIdentifier } from '../shared/profileIdentifier';

/** A service's HTTP answer, whatever its status. */
export interface ServiceResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What went wrong, in the user's terms. Built by a service adapter; turned into a NodeApiError by the transport. */
export interface ServiceFailure {
	/** HTTP status, or 0 when no answer came back. */
	status: number;
	/** The service's own error type, e.g. `errors/already_invited_recently` or `INSUFFICIENT_CREDITS`. */
	code: string;
	/** One sentence naming the code and what to do; this is what Continue On Fail items carry. */
	message: string;
	/** Extra detail from the service, shown under the message in n8n. */
	description?: string;
	/** Whether a read may be retried after this failure (rate limits, outages). Writes never are. */
	retryable: boolean;
	/** Seconds the service asked us to wait (Retry-After). */
	retryAfterSeconds?: number;
}

export interface ServiceRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL; dynamic segments already encoded. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Reads may be retried; writes (invitations) never blindly. */
	idempotent: boolean;
}

/** Sends requests for one service with its credential, base URL, timeout and retry policy applied. */
export interface ServiceClient {
	request(request: ServiceRequest): Promise<IDataObject>;
	/**
	 * Sends a write exactly once. When its outcome is unknown (timeout, reset, 5xx), `confirm` reads
	 * the service to find out: the write's result if it went through, undefined if it did not.
	 */
	writeOnce(
		request: Omit<ServiceRequest, 'idempotent'>,
		confirm: () => Promise<IDataObject | undefined>,
	): Promise<WriteResult>;
}

export interface WriteResult {
	body: IDataObject;
	/** Set when the write's answer was lost and `confirm` found it had gone through: the lost answer's error code. */
	confirmedAfterError?: string;
}

export interface GetProfileInput {
	accountId: string;
	profile: ProfileIdentifier;
	/** Unipile `linkedin_sections`; empty means the default sections. */
	sections: string[];
	/** Unipile `linkedin_api`; `classic` means the parameter is left out. */
	linkedinApi: string;
	notify: boolean;
}

export interface SendInvitationInput {
	accountId: string;
	profile: ProfileIdentifier;
	message?: string;
	userEmail?: string;
}

export interface LinkedInAccount {
	id: string;
	name: string;
	/** The service's word for the connection state, e.g. OK, CREDENTIALS, connected. */
	status: string;
}

export interface AccountPage {
	accounts: LinkedInAccount[];
	/** Undefined on the last page. */
	nextPageToken?: string;
}

/** The normalised item (same field names across services) and the service's own response. */
export interface OperationResult {
	simplified: IDataObject;
	raw: IDataObject;
}

/**
 * Everything that differs between LinkedIn automation services. The node's description, input
 * validation, transport and error plumbing are shared; a new service is one more adapter.
 */
export interface LinkedInService {
	/** Shown in messages, e.g. "Unipile". */
	displayName: string;
	/** The credential type, also the value of the node's `authentication` parameter. */
	credentialType: string;
	/** The secret fields of the credential, redacted from anything we show. */
	secretFields: string[];
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Undefined when the response is a success. */
	describeFailure(response: ServiceResponse): ServiceFailure | undefined;
	/** One page of the connected LinkedIn accounts (other platforms left out). */
	listAccounts(client: ServiceClient, pageToken?: string): Promise<AccountPage>;
	getProfile(client: ServiceClient, input: GetProfileInput): Promise<OperationResult>;
	sendInvitation(client: ServiceClient, input: SendInvitationInput): Promise<OperationResult>;
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { BaseUrlRule } from '../shared/baseUrl';
import type { ProfileIdentifier } from '../shared/profileIdentifier';
import type { ServiceClient, ServiceFailure, ServiceResponse } from '../transport/types';

export interface GetProfileInput {
	accountId: string;
	profile: ProfileIdentifier;
}

export interface SendInvitationInput {
	accountId: string;
	profile: ProfileIdentifier;
	message?: string;
}

/** The normalised item (same field names across services) and the service's own response. */
export interface OperationResult {
	simplified: IDataObject;
	raw: IDataObject;
}

/**
 * The operations a service may offer, keyed `<resource>:<operation>`. Each receives the checked
 * input every service shares, plus the values of the options that service declared itself.
 */
export interface ServiceOperations {
	'profile:get'(
		client: ServiceClient,
		input: GetProfileInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'invitation:send'(
		client: ServiceClient,
		input: SendInvitationInput,
		options: IDataObject,
	): Promise<OperationResult>;
}

export type OperationKey = keyof ServiceOperations;

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

/**
 * Everything about one LinkedIn automation service. The node's description (the Service choice,
 * credentials, per-service options), input checks, transport and error plumbing are built from
 * these; adding a service is one adapter, one credential file and one line in ./index.ts.
 */
export interface LinkedInService {
	/** Shown in the Service list and in messages, e.g. "Unipile". */
	displayName: string;
	/** The credential type, also the value of the node's `authentication` parameter. */
	credentialType: string;
	/** One line under the service's name in the Service list. */
	summary: string;
	/** The credential field holding the host, and how to normalise it. */
	baseUrlField: string;
	baseUrlRule: BaseUrlRule;
	/** The secret fields of the credential, redacted from anything we show. */
	secretFields: string[];
	/** Undefined when the response is a success. */
	describeFailure(response: ServiceResponse): ServiceFailure | undefined;
	/** One page of the connected LinkedIn accounts (other platforms left out). */
	listAccounts(client: ServiceClient, pageToken?: string): Promise<AccountPage>;
	/** The operations it offers; the others are hidden for it and refused with a clear message. */
	operations: Partial<ServiceOperations>;
	/** Options only this service has, per operation: shown only when it is chosen. */
	options?: Partial<Record<OperationKey, INodeProperties[]>>;
}

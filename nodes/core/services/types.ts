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
	/**
	 * Whether to look before inviting: true always (a lookup or a paid check if needed), false
	 * never, undefined the service's own default (Unipile: when its lookup is made anyway).
	 */
	skipIfConnectedOrPending?: boolean;
	/** What an "already invited / already connected" refusal becomes: an error, or a status item. */
	ifAlreadyInvited: 'fail' | 'returnStatus';
}

export interface SendMessageInput {
	accountId: string;
	profile: ProfileIdentifier;
	/** Already checked: not empty, not over the service's MessageSender.maxLength. */
	text: string;
	/** Send as InMail (Unipile: to a member who is not a connection; costs InMail credits). */
	inmail: boolean;
	/** What a "not a connection" refusal becomes: an error, or a `not_connected` status item. */
	ifNotConnected: 'fail' | 'returnStatus';
}

/** The messages exchanged with one member, newest first. */
export interface MessagesInput extends ListInput {
	profile: ProfileIdentifier;
}

/** LinkedIn's people search a service runs: Classic, or Sales Navigator (Unipile). */
export type SearchApi = 'classic' | 'salesNavigator';

/** A filter value from the node: an id from the service's list, or plain text. */
export interface SearchFilterValue {
	value: string;
	isId: boolean;
}

/** Profile → Search, checked; the policy above (services/searchPaging.ts) pages, caps and filters. */
export interface SearchInput {
	accountId: string;
	/** A pasted LinkedIn or Sales Navigator people search URL; undefined: keywords and filters. */
	url?: string;
	api: SearchApi;
	keywords?: string;
	title?: string;
	company?: SearchFilterValue;
	location?: SearchFilterValue;
	/** 1st, 2nd, 3rd+ degree; empty: any. */
	connectionDegree: Array<1 | 2 | 3>;
	/** Merged into the service's own search body, as the service documents its fields. */
	additionalFilters: IDataObject;
	/** Undefined: Return All (capped at the service's per-search maximum). */
	limit?: number;
	excludeConnectedAndPending: boolean;
}

/** One page of search results, already in the shared fields (SEARCH_FIELDS). */
export interface SearchPage {
	results: OperationResult[];
	/** Undefined on the last page. */
	nextPageToken?: string;
	/** How many results the service says the search has, when it says. */
	total?: number;
	/** What reading the page cost, where the service bills reads in credits (LinkupAPI). */
	credits?: number;
}

/** An id for a search filter, from the service's own list (Unipile's search parameters). */
export interface SearchParameter {
	id: string;
	name: string;
}

/**
 * A service's part of Profile → Search: how to read one page. Paging to the Limit, the cap per
 * search, duplicates across pages, Exclude Connected and Pending and the pause between pages are
 * decided once, above every service (services/searchPaging.ts).
 */
export interface PeopleSearch {
	/** Whether it searches from a pasted search URL. */
	byUrl: boolean;
	/** Whether it runs Sales Navigator searches. */
	salesNavigator: boolean;
	/** Most results LinkedIn gives for one search, per product (e.g. 1,000 Classic, 2,500 Sales Navigator). */
	maxResults: Record<SearchApi, number>;
	/**
	 * One page: the first for an undefined token. `wanted` is how many more results would do (for
	 * the page size); the service's own page maximum is the adapter's to respect.
	 */
	readPage(
		client: ServiceClient,
		input: SearchInput,
		token: string | undefined,
		wanted: number | undefined,
		options: IDataObject,
	): Promise<SearchPage>;
	/** Ids for the Location and Company lists; undefined where the service takes plain text. */
	parameters?(
		client: ServiceClient,
		accountId: string,
		type: 'LOCATION' | 'COMPANY',
		query: string,
	): Promise<SearchParameter[]>;
}

export interface AccountInput {
	accountId: string;
}

/** A list operation: everything, or the first `limit` items that pass `keep`. */
export interface ListInput {
	accountId: string;
	/** Undefined: Return All. */
	limit?: number;
	/** Node-side filters (e.g. Older Than), applied to the simplified items. */
	keep?: (item: IDataObject) => boolean;
	/** For lists newest first: stop reading at the first simplified item for which this is true. */
	until?: (item: IDataObject) => boolean;
}

export interface InvitationInput {
	accountId: string;
	invitationId: string;
}

export interface ReceivedInvitationInput extends InvitationInput {
	/** LinkedIn's token for handling a received invitation, from Get Many Received. */
	sharedSecret: string;
}

/** The normalised item (same field names across services) and the service's own response. */
export interface OperationResult {
	simplified: IDataObject;
	raw: IDataObject;
}

/** What Send Invitation did, on every Send output item. */
export type SendStatus =
	| 'sent'
	| 'already_invited'
	| 'already_connected'
	| 'skipped_pending'
	| 'skipped_connected'
	| 'skipped_budget';

/** What Send Message did, on every Send Message output item. */
export type MessageStatus = 'sent' | 'not_connected' | 'skipped_repeat';

/**
 * A service's part of Send Message: facts only. Repeats and what a refusal becomes are decided
 * once, above every service (actions/message/policy.ts).
 */
export interface MessageSender {
	/** Most characters a message may have, from the service's documents (or marked ASSUMPTION). */
	maxLength: number;
	/**
	 * Sends the message once (a write: never retried; a lost answer is checked in the conversation,
	 * never resent). Simplified: `status: 'sent'`, `chat_id`, `message_id` (null when the service
	 * gives none), the member's shared fields (INVITED_MEMBER_FIELDS), `confirmed_after_error` when
	 * a check found it delivered after a lost answer.
	 */
	send(
		client: ServiceClient,
		input: SendMessageInput,
		options: IDataObject,
	): Promise<OperationResult>;
	/** Whether a refusal says the member cannot be written to because they are not a connection. */
	notConnected(failure: ServiceFailure): boolean;
}

/** Where a member stands with the account (Get Status). */
export type InvitationStatus =
	| 'connected'
	| 'pending_sent'
	| 'pending_received'
	| 'withdrawn'
	| 'ignored'
	| 'none';

/** What a service knows of a member before inviting: who they are and where they stand. */
export interface MemberStanding {
	/** The member in the shared field names (and what the check cost, where it costs). */
	member: IDataObject;
	standing: InvitationStatus;
	/** The service's own answer, for the invite to build on (e.g. the id it takes). */
	raw: IDataObject;
}

/**
 * A service's part of Send Invitation: facts only. Whether to look before inviting, what to skip,
 * and what a refusal becomes are decided once, above every service (actions/invitation/policy.ts).
 */
export interface InvitationSender {
	/** Whether inviting this profile needs a lookup anyway (Unipile by URL: the id), making a check free. */
	looksUpFirst(profile: ProfileIdentifier): boolean;
	/** Who the member is and where they stand with the account (a lookup, or a paid check). */
	standing(
		client: ServiceClient,
		input: GetProfileInput,
		options: IDataObject,
	): Promise<MemberStanding>;
	/** Sends the invitation once (a lost answer is checked, never resent); `looked` when a lookup was made. */
	invite(
		client: ServiceClient,
		input: SendInvitationInput,
		looked: MemberStanding | undefined,
		options: IDataObject,
	): Promise<OperationResult>;
	/** What a refusal says when the member was already invited or connected; undefined for any other. */
	alreadyStatus(failure: ServiceFailure): 'already_invited' | 'already_connected' | undefined;
}

/** Every operation key, the Sends included (offered through a service's InvitationSender / MessageSender). */
export type OperationKey =
	| keyof ServiceOperations
	| 'invitation:send'
	| 'message:send'
	| 'profile:search';

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
	'invitation:getManySent'(
		client: ServiceClient,
		input: ListInput,
		options: IDataObject,
	): Promise<OperationResult[]>;
	'invitation:withdraw'(
		client: ServiceClient,
		input: InvitationInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'invitation:getManyReceived'(
		client: ServiceClient,
		input: ListInput,
		options: IDataObject,
	): Promise<OperationResult[]>;
	'invitation:accept'(
		client: ServiceClient,
		input: ReceivedInvitationInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'invitation:decline'(
		client: ServiceClient,
		input: ReceivedInvitationInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'invitation:getStatus'(
		client: ServiceClient,
		input: GetProfileInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'profile:getMe'(
		client: ServiceClient,
		input: AccountInput,
		options: IDataObject,
	): Promise<OperationResult>;
	'relation:getMany'(
		client: ServiceClient,
		input: ListInput,
		options: IDataObject,
	): Promise<OperationResult[]>;
	/**
	 * The messages exchanged with a member, newest first; simplified items carry exactly
	 * MESSAGE_FIELDS (results.ts): `message_id`, `chat_id`, `text`, `sent_at` (ISO 8601),
	 * `from_me` (boolean), `sender_provider_id`.
	 */
	'message:getMany'(
		client: ServiceClient,
		input: MessagesInput,
		options: IDataObject,
	): Promise<OperationResult[]>;
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
	/** Node fields it does not take (hidden when it is chosen, never read). */
	fieldsNotTaken?: string[];
	/** Send Invitation, when it offers it. */
	invitations?: InvitationSender;
	/** Send Message, when it offers it. */
	messages?: MessageSender;
	/** Profile → Search, when it offers it. */
	search?: PeopleSearch;
	/** Options only this service has, per operation: shown only when it is chosen. */
	options?: Partial<Record<OperationKey, INodeProperties[]>>;
	/** What an operation costs or means with this service, shown above its fields when it is chosen. */
	notices?: Partial<Record<OperationKey, string>>;
	/** Invitation Accepted for the trigger node: webhook registration and the events it delivers. */
	trigger?: TriggerAdapter;
}

/** The trigger's events (its `events` parameter values). */
export type TriggerEvent = 'invitationAccepted' | 'messageReceived';

/** What the reconciler asks a service to register. */
export interface WebhookSpec {
	accountId: string;
	url: string;
	/** Names the workflow (and whether it is the editor's test webhook), so ours can be found again. */
	name: string;
	events: TriggerEvent[];
}

/**
 * What a creation answer held. Either may be missing from a surprising answer: the reconciler then
 * removes what was created before it fails, so a retry never leaves a second webhook behind.
 */
export interface CreatedWebhook {
	webhookId?: string;
	/** What proves a delivery came from the service: a header value we chose, or its signing secret. */
	secret?: string;
}

/** A webhook as the service shows it. */
export interface ListedWebhook {
	webhookId: string;
	url?: string;
	name?: string;
	/** False when the service would deliver in a way the node cannot read (Unipile: no JSON content type). */
	healthy: boolean;
}

/** A delivery to the trigger's webhook URL, as n8n received it, its body already read. */
export interface WebhookDelivery {
	/** A request header by name (any case); the first value when repeated. */
	header(name: string): string | undefined;
	/** The bytes exactly as sent (signatures are computed over them); undefined when n8n kept none. */
	rawBody?: Buffer;
	body: IDataObject;
}

export interface TriggerAdapter {
	/** Shown in the trigger node for each mode, e.g. what the webhook costs or how late events come. */
	notices: { webhook: string; polling: string };
	/**
	 * How the chosen events are split over webhooks at the service, e.g. one per event where each
	 * needs its own kind of webhook (Unipile v1: `users` and `messaging` sources). Undefined: one
	 * webhook asks for all of them (one billed subscription where webhooks are billed).
	 */
	webhookGroups?(events: TriggerEvent[]): TriggerEvent[][];
	/** Registers a webhook for `spec.events`; never throws for a missing id or secret (see CreatedWebhook). */
	createWebhook(client: ServiceClient, spec: WebhookSpec): Promise<CreatedWebhook>;
	/** This webhook as the service has it now, or undefined when it is gone. */
	findWebhook(client: ServiceClient, webhookId: string): Promise<ListedWebhook | undefined>;
	/** Every webhook of the key, where the service can list them: finds ours left behind. */
	listWebhooks?(client: ServiceClient): Promise<ListedWebhook[]>;
	/** Removes it; a webhook the service no longer has counts as removed. */
	deleteWebhook(client: ServiceClient, webhookId: string): Promise<void>;
	/** Why a delivery must not start the workflow (a missing secret, a bad or old signature); undefined if fine. */
	rejectDelivery(delivery: WebhookDelivery, secret: string, now: number): string | undefined;
	/**
	 * What makes two deliveries the same event (a retry or a replay), so each starts the workflow
	 * at most once; undefined when the delivery carries nothing to tell.
	 */
	deliveryKey(delivery: WebhookDelivery): string | undefined;
	/**
	 * The invitation acceptances in a delivery for this account, in the trigger's shared field names;
	 * `warning` says what was odd about a delivery that was still read (it is logged, never dropped).
	 */
	acceptancesIn(body: IDataObject, accountId: string): { members: IDataObject[]; warning?: string };
	/**
	 * The messages a member wrote to this account in a delivery (never those the account sent
	 * itself), each with the trigger's shared fields: `provider_id`, `full_name`, `profile_url`
	 * (null where the delivery lacks them), `chat_id`, `message_id`, `text`, `sent_at` (ISO 8601 or
	 * null). `warning` as for acceptancesIn.
	 */
	messagesIn(body: IDataObject, accountId: string): { messages: IDataObject[]; warning?: string };
}

/**
 * Requests to a service, through n8n's `httpRequestWithAuthentication` (the credential's headers,
 * n8n's own HTTP stack and its allowed-domains list), with our rules on top: no redirects, bounded
 * retries for reads, one attempt for writes followed by a check when the answer is lost, one
 * lookup per member per node run, and the API key kept out of every message.
 */
import { randomBytes } from 'node:crypto';
import * as n8nWorkflow from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { ERROR_CODES, toNodeError } from '../shared/errors';
import { ExecutionCancelled, pause } from '../shared/pacing';
import { isUncertainWrite, redactFailure, ServiceError } from './errors';
import { networkFailure } from './network';
import { type ReadResult, readResponse, type ResponseReader } from './responses';
import { finalFailure, retryDelayMs, shouldRetry } from './retry';
import type { TransportSettings } from './settings';
import type {
	Confirmation,
	LookupRequest,
	ServiceClient,
	ServiceFailure,
	ServiceRequest,
	WriteResult,
} from './types';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** What a connection needs to know about its service. */
export interface ServiceEndpoint extends ResponseReader {
	credentialType: string;
	/** Credential fields that are secrets, redacted from anything we show. */
	secretFields: string[];
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
}

/** One service, its credential and settings, for a whole node run. */
export interface Connection {
	endpoint: ServiceEndpoint;
	baseUrl: string;
	secrets: string[];
	/** n8n's allowed-domains list for this credential (undefined: no restriction). */
	allowedDomains?: string;
	/**
	 * The credential as read once for the run, handed to n8n with each request: without it n8n
	 * loads and decrypts it again from the database for every request (measured in bench/RESULTS.md).
	 */
	credential: ICredentialsDecrypted;
	settings: TransportSettings;
	/** Successful cacheable reads of this run, by cache key. */
	cache: Map<string, Promise<IDataObject>>;
	signal?: AbortSignal;
}

type AllowedDomainsLookup = (options: {
	node: INode;
	credentialData: ICredentialDataDecryptedObject;
	credentialOwnedSurface?: boolean;
	nodeEndpointUrl?: string;
}) => string | undefined;

/**
 * The credential's "Allowed HTTP Request Domains", as n8n computes it for a node whose endpoint
 * comes from its own credential (n8n 2.10+). Older n8n has no such setting: no restriction.
 */
export function allowedDomainsFor(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
): string | undefined {
	const lookup = (n8nWorkflow as unknown as { getCredentialAllowedDomains?: AllowedDomainsLookup })
		.getCredentialAllowedDomains;
	if (typeof lookup !== 'function') return undefined;
	return lookup({
		node,
		credentialData: credentials,
		credentialOwnedSurface: true,
		nodeEndpointUrl: baseUrl,
	});
}

export function secretsOf(
	endpoint: Pick<ServiceEndpoint, 'secretFields'>,
	credentials: ICredentialDataDecryptedObject,
): string[] {
	return endpoint.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

export async function openConnection(
	context: RequestContext,
	endpoint: ServiceEndpoint,
	settings: TransportSettings,
): Promise<Connection> {
	const credentials = await context.getCredentials(endpoint.credentialType);
	const baseUrl = endpoint.baseUrl(credentials);
	const node = context.getNode();
	const saved = node.credentials?.[endpoint.credentialType];
	return {
		endpoint,
		baseUrl,
		secrets: secretsOf(endpoint, credentials),
		allowedDomains: allowedDomainsFor(node, credentials, baseUrl),
		credential: {
			id: saved?.id ?? '',
			name: saved?.name ?? '',
			type: endpoint.credentialType,
			data: credentials,
		},
		settings,
		cache: new Map(),
		signal: cancelSignalOf(context),
	};
}

/** The options handed to n8n's HTTP helper for one attempt. */
export function httpOptions(connection: Connection, request: ServiceRequest): IHttpRequestOptions {
	const { settings } = connection;
	const multipart = request.form ? multipartBody(request.form) : undefined;
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: connection.baseUrl,
		url: request.url,
		qs: request.qs,
		body: multipart?.body ?? request.body,
		headers: multipart
			? { Accept: 'application/json', 'Content-Type': multipart.contentType }
			: { Accept: 'application/json' },
		json: true,
		timeout: settings.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	if (connection.allowedDomains) options.allowedDomains = connection.allowedDomains;
	return options;
}

/**
 * Text fields as a multipart/form-data body (RFC 7578), built here: the package has no runtime
 * dependencies, and a string body reaches n8n's HTTP stack unchanged (sent as UTF-8).
 */
export function multipartBody(form: Record<string, string | string[]>): {
	body: string;
	contentType: string;
} {
	const boundary = `----LinkedInConnect${randomBytes(12).toString('hex')}`;
	const parts = Object.entries(form).flatMap(([name, value]) =>
		(Array.isArray(value) ? value : [value]).map(
			(one) =>
				`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${one}\r\n`,
		),
	);
	return {
		body: `${parts.join('')}--${boundary}--\r\n`,
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

export interface ClientScope {
	/** The item the requests are for (errors name it). */
	itemIndex?: number;
	/** Awaited once, before the first request that really goes out (the pacer's turn). */
	beforeFirstRequest?: () => Promise<void>;
}

/** A client for one item (or one editor call) on an open connection. */
export function createServiceClient(
	context: RequestContext,
	connection: Connection,
	scope: ClientScope = {},
): ServiceClient {
	const { endpoint, settings, signal } = connection;
	let firstRequest: Promise<void> | undefined;

	const fail = (failure: ServiceFailure, code?: string): never => {
		throw new ServiceError(
			context.getNode(),
			redactFailure(failure, connection.secrets),
			scope.itemIndex,
			code,
		);
	};

	async function attempt(request: ServiceRequest): Promise<ReadResult> {
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				endpoint.credentialType,
				httpOptions(connection, request),
				{ credentialsDecrypted: connection.credential },
			)) as IN8nHttpFullResponse;
			return readResponse(
				endpoint,
				{
					statusCode: response.statusCode,
					headers: (response.headers ?? {}) as IDataObject,
					body: response.body,
				},
				connection.baseUrl,
			);
		} catch (error) {
			return { failure: networkFailure(endpoint.displayName, error, settings.timeoutMs) };
		}
	}

	async function send(request: ServiceRequest): Promise<IDataObject> {
		firstRequest ??= scope.beforeFirstRequest?.() ?? Promise.resolve();
		await firstRequest;
		for (let attempts = 1; ; attempts++) {
			// Stopped between two requests of an item (a lookup, then its invitation): send nothing more.
			if (signal?.aborted) throw new ExecutionCancelled();
			const outcome = await attempt(request);
			// A cancelled execution aborts the request; that is not a failure to report or retry.
			if (signal?.aborted) throw new ExecutionCancelled();
			if ('body' in outcome) return outcome.body;
			const { failure } = outcome;
			if (!shouldRetry(request, failure, attempts - 1, settings.maxRetries)) {
				return fail(finalFailure(request, failure, attempts));
			}
			await pause(retryDelayMs(attempts - 1, failure), signal);
		}
	}

	async function request(request: ServiceRequest): Promise<IDataObject> {
		return await send(request);
	}

	async function lookup(read: LookupRequest): Promise<{ body: IDataObject; reused: boolean }> {
		const { cacheKey, ...rest } = read;
		const key = `${read.method} ${cacheKey}`;
		const cached = connection.cache.get(key);
		if (cached) return { body: await cached, reused: true };
		const pending = send({ ...rest, idempotent: true });
		connection.cache.set(key, pending);
		// Only answers are kept: a failed lookup may succeed for the next row.
		pending.catch(() => connection.cache.delete(key));
		return { body: await pending, reused: false };
	}

	async function writeOnce(
		write: Omit<ServiceRequest, 'idempotent'>,
		confirm: (sentAt: number) => Promise<Confirmation>,
		lookAt = 'the sent invitations on LinkedIn',
	): Promise<WriteResult> {
		const sentAt = Date.now();
		let lost: ServiceError;
		try {
			return { body: await send({ ...write, idempotent: false }) };
		} catch (error) {
			// A refusal, or a cancellation: toNodeError keeps it as the cause, so it stays one.
			if (!isUncertainWrite(error)) throw toNodeError(context.getNode(), error, scope.itemIndex);
			lost = error;
		}
		const confirmation = await confirm(sentAt).catch(
			(): Confirmation => ({ outcome: 'unknown', reason: 'and checking failed too' }),
		);
		if (signal?.aborted) throw new ExecutionCancelled();
		if (confirmation.outcome === 'sent') {
			return { body: confirmation.body, confirmedAfterError: lost.serviceFailure.code };
		}
		return fail(
			{
				...lost.serviceFailure,
				message: `${lost.serviceFailure.message} ${confirmationNote(confirmation, lookAt)}`,
			},
			// Checked and not sent: the lost answer's own code tells what happened.
			confirmation.outcome === 'unknown' ? ERROR_CODES.uncertain : undefined,
		);
	}

	return { request, lookup, writeOnce };
}

/** What the check after a lost answer found, as the end of the error message. */
export function confirmationNote(
	confirmation: Exclude<Confirmation, { outcome: 'sent' }>,
	lookAt = 'the sent invitations on LinkedIn',
): string {
	if (confirmation.outcome === 'not_sent') {
		return 'Checked with the service: it did not go through, so running this item again is safe.';
	}
	const reason = confirmation.reason.startsWith('and ')
		? `, ${confirmation.reason}`
		: ` (${confirmation.reason})`;
	return `It may or may not have gone through${reason}: look at ${lookAt} before running this item again.`;
}

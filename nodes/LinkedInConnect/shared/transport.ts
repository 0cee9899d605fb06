import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type {
	LinkedInService,
	ServiceClient,
	ServiceFailure,
	ServiceRequest,
	WriteResult,
} from '../services/types';
import { isUncertainWrite, redactFailure, ServiceError, toNodeError } from './errors';

export type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

export interface TransportSettings {
	timeoutMs: number;
	/** Extra attempts for reads after a retryable failure; writes are never retried here. */
	maxRetries: number;
	/** Request options n8n prepared for the item (proxy, certificate settings). */
	baseOptions?: Partial<IHttpRequestOptions>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
/** Backoff before the first retry of a read; doubled for each further one. */
const BACKOFF_BASE_MS = 500;
/** A Retry-After longer than this is reported rather than waited for. */
const MAX_RETRY_AFTER_SECONDS = 60;

/** Connection failures worth retrying for a read (timeouts are handled on their own). */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

function findErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code } = current as { code?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? error.message : '';
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return undefined;
}

function networkFailure(
	service: LinkedInService,
	error: unknown,
	timeoutMs: number,
): ServiceFailure {
	const code = findErrorCode(error) ?? 'ENETWORK';
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT') {
		return {
			status: 0,
			code: 'ETIMEDOUT',
			message: `${service.displayName} did not answer within ${Math.round(timeoutMs / 1000)} s [ETIMEDOUT]. Try again later, or raise 'Timeout (Seconds)' under Options.`,
			retryable: true,
		};
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
		return {
			status: 0,
			code,
			message: `Could not reach ${service.displayName} [${code}]. Check the host in the credential and that this n8n can reach it.`,
			retryable: false,
		};
	}
	return {
		status: 0,
		code,
		message: `The connection to ${service.displayName} failed [${code}]. Try again later.`,
		retryable: RETRYABLE_NETWORK_CODES.has(code),
	};
}

function backoffMs(attempt: number, failure: ServiceFailure): number {
	if (failure.retryAfterSeconds !== undefined) return failure.retryAfterSeconds * 1000;
	// Jitter (half to all of the delay) keeps many items, or queue-mode workers, from retrying in lockstep.
	return BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random() / 2);
}

function itemIndexOf(context: RequestContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

/** A client for one service: the credential's base URL, authentication, timeout, bounded retries for reads. */
export async function createServiceClient(
	context: RequestContext,
	service: LinkedInService,
	settings: TransportSettings,
): Promise<ServiceClient> {
	const credentials = await context.getCredentials(service.credentialType);
	const baseURL = service.baseUrl(credentials);
	const secrets = service.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value.length > 0);

	const fail = (failure: ServiceFailure): never => {
		throw new ServiceError(
			context.getNode(),
			redactFailure(failure, secrets),
			itemIndexOf(context),
		);
	};

	async function request(request: ServiceRequest): Promise<IDataObject> {
		for (let attempt = 0; ; attempt++) {
			let failure: ServiceFailure | undefined;
			try {
				const response = (await context.helpers.httpRequestWithAuthentication.call(
					context,
					service.credentialType,
					{
						...settings.baseOptions,
						method: request.method,
						baseURL,
						url: request.url,
						qs: request.qs,
						body: request.body,
						headers: { Accept: 'application/json' },
						json: true,
						timeout: settings.timeoutMs,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
					},
				)) as IN8nHttpFullResponse;
				failure = service.describeFailure({
					statusCode: response.statusCode,
					headers: response.headers ?? {},
					body: response.body,
				});
				if (!failure) {
					if (response.body && typeof response.body === 'object' && !Array.isArray(response.body)) {
						return response.body as IDataObject;
					}
					failure = {
						status: response.statusCode,
						code: 'INVALID_RESPONSE',
						message: `${service.displayName} answered with something that is not JSON [INVALID_RESPONSE]. Check the host in the credential; if it is right, try again later.`,
						retryable: request.idempotent,
					};
				}
			} catch (error) {
				failure = networkFailure(service, error, settings.timeoutMs);
			}
			const retryAfterTooLong = (failure.retryAfterSeconds ?? 0) > MAX_RETRY_AFTER_SECONDS;
			if (
				!request.idempotent ||
				!failure.retryable ||
				attempt >= settings.maxRetries ||
				retryAfterTooLong
			) {
				const waitNote = failure.retryAfterSeconds
					? ` The service asked to wait ${Math.ceil(failure.retryAfterSeconds)} s before trying again.`
					: '';
				const triedNote =
					request.idempotent && failure.retryable && attempt > 0
						? ` (tried ${attempt + 1} times)`
						: '';
				return fail({ ...failure, message: `${failure.message}${waitNote}${triedNote}` });
			}
			await sleep(backoffMs(attempt, failure));
		}
	}

	/** The same failure, with what the follow-up check found. */
	const explain = (error: ServiceError, note: string): never =>
		fail({ ...error.serviceFailure, message: `${error.serviceFailure.message} ${note}` });

	async function writeOnce(
		write: Omit<ServiceRequest, 'idempotent'>,
		confirm: () => Promise<IDataObject | undefined>,
	): Promise<WriteResult> {
		try {
			return { body: await request({ ...write, idempotent: false }) };
		} catch (error) {
			if (!isUncertainWrite(error))
				throw toNodeError(context.getNode(), error, itemIndexOf(context));
			let existing: IDataObject | undefined;
			try {
				existing = await confirm();
			} catch {
				return explain(
					error,
					'It may or may not have gone through, and checking failed too: look at the sent invitations on LinkedIn before running this item again.',
				);
			}
			if (existing) return { body: existing, confirmedAfterError: error.serviceFailure.code };
			return explain(
				error,
				'Checked with the service: it did not go through, so running this item again is safe.',
			);
		}
	}

	return { request, writeOnce };
}

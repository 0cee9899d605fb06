/** Reads a service's answer: the JSON object it sent, or what went wrong in the user's terms. */
import type { IDataObject } from 'n8n-workflow';
import type { ServiceFailure, ServiceResponse } from './types';

export interface ResponseReader {
	displayName: string;
	/** The credential field that holds the host, as the user sees it (e.g. "DSN"). */
	hostField: string;
	/** Undefined when the response is a success. */
	describeFailure(response: ServiceResponse): ServiceFailure | undefined;
}

export type ReadResult = { body: IDataObject } | { failure: ServiceFailure };

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return typeof value === 'string' ? value : undefined;
}

/** Only the origin of where a redirect points: enough to act on, without per-request values. */
function originOf(location: string | undefined, baseUrl: string): string {
	if (!location) return 'an address it did not give';
	try {
		return new URL(location, baseUrl).origin;
	} catch {
		return 'an address that is not a URL';
	}
}

/**
 * Redirects are never followed: the API key would go along to wherever the answer points. An API
 * that redirects is almost always a host typed slightly wrong in the credential.
 */
export function redirectFailure(
	reader: ResponseReader,
	response: ServiceResponse,
	baseUrl: string,
): ServiceFailure {
	const target = originOf(header(response.headers, 'Location'), baseUrl);
	return {
		status: response.statusCode,
		code: 'REDIRECT',
		message: `${reader.displayName} answered with a redirect (HTTP ${response.statusCode}) to ${target} [REDIRECT]. LinkedIn Connect does not follow redirects, so your API key is only ever sent to the host in the credential: check its ${reader.hostField} (the exact address ${reader.displayName} gives you, with https://).`,
	};
}

export function readResponse(
	reader: ResponseReader,
	response: ServiceResponse,
	baseUrl: string,
): ReadResult {
	if (response.statusCode >= 300 && response.statusCode < 400) {
		return { failure: redirectFailure(reader, response, baseUrl) };
	}
	const failure = reader.describeFailure(response);
	if (failure) return { failure };
	const { body } = response;
	if (body && typeof body === 'object' && !Array.isArray(body))
		return { body: body as IDataObject };
	return {
		failure: {
			status: response.statusCode,
			code: 'INVALID_RESPONSE',
			message: `${reader.displayName} answered with something that is not JSON [INVALID_RESPONSE]. Check the host in the credential; if it is right, try again later.`,
		},
	};
}

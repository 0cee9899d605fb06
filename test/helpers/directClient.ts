/**
 * A ServiceClient on the shared transport (createServiceClient) whose n8n HTTP helper is a plain
 * fetch applying the credential's key header as n8n's generic authentication does: the requests
 * reach a fake exactly as from n8n, without an n8n context around them (adapter-level tests).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { endpointOf } from '../../nodes/core/services';
import type { LinkedInService } from '../../nodes/core/services/types';
import {
	type Connection,
	createServiceClient,
	type RequestContext,
} from '../../nodes/core/transport/client';
import { DEFAULT_TRANSPORT } from '../../nodes/core/transport/settings';
import type { ServiceClient } from '../../nodes/core/transport/types';

export function directClient(
	service: LinkedInService,
	credentials: ICredentialDataDecryptedObject & { apiKey: string },
	keyHeader: string,
): ServiceClient {
	const endpoint = endpointOf(service);
	const context = {
		getNode: () => ({ name: 'LinkedIn Connect Trigger' }) as INode,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const url = new URL(`${options.baseURL}${options.url}`);
				for (const [key, value] of Object.entries(options.qs ?? {}))
					url.searchParams.set(key, String(value));
				const headers: Record<string, string> = {
					...(options.headers as Record<string, string>),
					[keyHeader]: credentials.apiKey,
				};
				// A string body (multipart) goes as built, with its own content type; an object as JSON.
				const json = options.body !== undefined && typeof options.body !== 'string';
				if (json) headers['content-type'] = 'application/json';
				const response = await fetch(url, {
					method: options.method,
					headers,
					body: json ? JSON.stringify(options.body) : (options.body as string | undefined),
					redirect: 'manual',
				});
				const text = await response.text();
				let body: unknown = text;
				try {
					body = text ? JSON.parse(text) : undefined;
				} catch {
					// Not JSON: the transport says so.
				}
				return {
					statusCode: response.status,
					headers: Object.fromEntries(response.headers.entries()) as IDataObject,
					body,
				};
			},
		},
	} as unknown as RequestContext;
	const connection: Connection = {
		endpoint,
		baseUrl: endpoint.baseUrl(credentials),
		secrets: [credentials.apiKey],
		credential: {
			id: 'cred',
			name: service.displayName,
			type: service.credentialType,
			data: credentials,
		},
		settings: { ...DEFAULT_TRANSPORT, maxRetries: 0 },
		cache: new Map(),
	};
	return createServiceClient(context, connection);
}

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * What the Unipile v2 tests share: the node built with a registry that includes Unipile v2 (the
 * real node's registry does not list it yet; test/execution/registry.test.ts registers its test
 * service the same way), its credential known to the engine, the fake, and a ServiceClient on the
 * shared transport for calling adapter functions directly (the trigger adapter).
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { UnipileV2Api } from '../../credentials/UnipileV2Api.credentials';
import { OPERATIONS, RESOURCES } from '../../nodes/LinkedInConnect/actions/operations';
import { type NodeRegistry, runOperation } from '../../nodes/LinkedInConnect/actions/router';
import { nodeProperties } from '../../nodes/LinkedInConnect/description';
import { credentialsOf } from '../../nodes/core/services/descriptions';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import { accountSearch } from '../../nodes/core/listSearch/searchAccounts';
import { linkupService } from '../../nodes/core/services/linkup';
import { unipileService } from '../../nodes/core/services/unipile';
import { unipileV2Service } from '../../nodes/core/services/unipileV2';
import { directClient as sharedDirectClient } from '../helpers/directClient';
import type { ServiceClient } from '../../nodes/core/transport/types';
import {
	registerCredentialType,
	runNode,
	type RunOptions,
	searchAccounts,
	withNodeType,
} from '../helpers/engine';
import { rl } from '../helpers/fixtures';

/**
 * An error answer as Unipile v2 sends it (`{object: "Error", type, status, title, detail, req_id}`,
 * DOC /v2.0/reference/error-responses), for describeFailure.
 */
export const v2ErrorAnswer = (status: number, type?: string, extra = {}) => ({
	statusCode: status,
	headers: {},
	body: {
		object: 'Error',
		type,
		status,
		title: 'Title from Unipile',
		detail: 'Detail',
		req_id: 'req_1',
		...extra,
	},
});

/** A key no real service has; tests assert it never shows up in outputs or errors. */
export const V2_KEY = 'unipile-v2-secret-K3y/with+chars';
export const V2_ACCOUNT = 'acc_ada_sales';

export const registry: NodeRegistry = {
	services: [unipileService, linkupService, unipileV2Service],
	resources: RESOURCES,
	operations: OPERATIONS,
};

/** LinkedIn Connect with Unipile v2 in its registry. */
export class WithUnipileV2 implements INodeType {
	description: INodeTypeDescription = {
		...new LinkedInConnect().description,
		usableAsTool: true,
		credentials: credentialsOf(registry.services),
		properties: nodeProperties(registry),
	};

	methods = { listSearch: { searchAccounts: accountSearch(registry.services) } };

	async execute(this: IExecuteFunctions) {
		return await runOperation(this, registry);
	}
}

registerCredentialType(new UnipileV2Api());
const nodeType = new WithUnipileV2();

export function v2Params(
	resource: string,
	operation: string,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		authentication: 'unipileV2Api',
		resource,
		operation,
		accountId: rl('id', V2_ACCOUNT),
		...extra,
	};
}

export function v2Credentials(
	baseUrl: string,
	apiKey = V2_KEY,
): Record<string, ICredentialDataDecryptedObject> {
	return { unipileV2Api: { baseUrl, apiKey } };
}

/** Runs the node (with Unipile v2 in its registry) through n8n-core's engine. */
export async function runV2(options: RunOptions) {
	return await withNodeType(nodeType, async () => await runNode(options));
}

export async function searchV2Accounts(
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
	token?: string,
) {
	return await withNodeType(
		nodeType,
		async () => await searchAccounts(parameters, credentials, filter, token),
	);
}

/** A ServiceClient reaching the v2 fake as from n8n (test/helpers/directClient.ts). */
export function directClient(baseUrl: string, apiKey = V2_KEY): ServiceClient {
	return sharedDirectClient(unipileV2Service, { baseUrl, apiKey }, 'X-API-KEY');
}

/** A request as the fake recorded it, in one line: method, path and query string. */
export function line(request: { method: string; rawUrl: string }): string {
	return `${request.method} ${request.rawUrl}`;
}

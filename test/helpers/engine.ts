/**
 * Runs the node through n8n-core's real engine (WorkflowExecute → the node's execute()), the path
 * n8n's own NodeTestHarness takes, with a credentials helper that applies our credentials' generic
 * authentication the way n8n's CLI does (the engine itself: ./n8nHarness.js, shared with the live check).
 */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { LinkupApi } from '../../credentials/LinkupApi.credentials';
import { UnipileApi } from '../../credentials/UnipileApi.credentials';
import { UnipileV2Api } from '../../credentials/UnipileV2Api.credentials';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import * as harness from './n8nHarness';

export const NODE_TYPE = 'n8n-nodes-linkedin-connect.linkedInConnect';
export const NODE_NAME = 'LinkedIn Connect';

const credentialTypes: Record<string, ICredentialType> = {
	unipileApi: new UnipileApi(),
	linkupApi: new LinkupApi(),
	unipileV2Api: new UnipileV2Api(),
};

/** Makes a credential type known to the engine (a test's own service). */
export function registerCredentialType(type: ICredentialType): void {
	credentialTypes[type.name] = type;
}

const nodeType = new LinkedInConnect();
/** The node type runs use; swapped by withNodeType (the benchmark's baseline, a test's own registry). */
let activeNodeType: INodeType = nodeType;
const nodeTypes = harness.registryOf(() => activeNodeType);

/** Runs `fn` with another node type in place of LinkedIn Connect. */
export async function withNodeType<T>(type: INodeType, fn: () => Promise<T>): Promise<T> {
	activeNodeType = type;
	try {
		return await fn();
	} finally {
		activeNodeType = nodeType;
	}
}

function credentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>) {
	return new harness.CredentialsHelper((type) => credentialTypes[type], credentials);
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items' json; defaults to one empty item. */
	items?: IDataObject[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Called once the run has started, with a function that cancels it (as n8n's Stop button does). */
	onStart?: (cancel: () => void) => void;
}

export interface RunResult {
	/** Items on the main output. */
	items: INodeExecutionData[];
	/** Items on the error output (only with onError: continueErrorOutput). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error?: { message: string; description?: string | null; [key: string]: unknown };
	/** Undefined when n8n refused to start the run (parameter issues). */
	run?: IRun;
	/** How often n8n read the credential during the run. */
	credentialReads: number;
}

function makeNode(
	parameters: INodeParameters,
	credentials: RunOptions['credentials'],
	onError?: RunOptions['onError'],
): INode {
	const credentialNames = Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: `Test ${type}` }]),
	);
	return {
		id: 'node-under-test',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialNames,
		onError,
	};
}

export function makeAdditionalData(
	credentials: RunOptions['credentials'],
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return harness.makeAdditionalData(credentialsHelper(credentials), hooks, currentNodeParameters);
}

/**
 * Calls a locator's list search the way the editor does, through n8n-core's LoadOptionsContext:
 * `method` of the node's listSearch, for the parameter at `path` (e.g. `filters.location`).
 */
export async function listSearch(
	method: string,
	path: string,
	parameters: INodeParameters,
	credentials: RunOptions['credentials'],
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await harness.listSearch({
		node: makeNode(parameters, credentials),
		nodeTypes,
		credentialsHelper: credentialsHelper(credentials),
		method,
		parameter: path,
		filter,
		page: paginationToken,
	});
}

/** The Account locator's list. */
export async function searchAccounts(
	parameters: INodeParameters,
	credentials: RunOptions['credentials'],
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listSearch(
		'searchAccounts',
		'accountId',
		parameters,
		credentials,
		filter,
		paginationToken,
	);
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const helper = credentialsHelper(options.credentials);
	const result = await harness.runSingleNode({
		node: makeNode(options.parameters, options.credentials, options.onError),
		nodeTypes,
		items: options.items ?? [{}],
		credentialsHelper: helper,
		onStart: options.onStart,
	});
	if (result.refused) {
		return { items: [], errorItems: [], error: result.refused, credentialReads: 0 };
	}
	return {
		items: result.items ?? [],
		errorItems: result.errorItems ?? [],
		error: result.error,
		run: result.run,
		credentialReads: helper.reads,
	};
}

/**
 * Runs the node through n8n-core's real engine (WorkflowExecute → the node's execute()), the path
 * n8n's own NodeTestHarness takes, with a credentials helper that applies our credentials' generic
 * authentication the way n8n's CLI does.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';
import { LinkupApi } from '../../credentials/LinkupApi.credentials';
import { UnipileApi } from '../../credentials/UnipileApi.credentials';
import { UnipileV2Api } from '../../credentials/UnipileV2Api.credentials';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';

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
const nodeTypes: INodeTypes = {
	getByName: () => activeNodeType,
	getByNameAndVersion: () => activeNodeType,
	getKnownTypes: () => ({}),
};

/** Runs `fn` with another node type in place of LinkedIn Connect. */
export async function withNodeType<T>(type: INodeType, fn: () => Promise<T>): Promise<T> {
	activeNodeType = type;
	try {
		return await fn();
	} finally {
		activeNodeType = nodeType;
	}
}

class TestCredentialsHelper extends ICredentialsHelper {
	/** How often n8n loaded and decrypted a credential (in n8n, a database read each time). */
	reads = 0;

	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	/** Mirrors packages/cli/src/credentials-helper.ts#authenticate for generic authentication. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: WorkflowType,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const authenticate = type.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const target = requestOptions as unknown as Record<string, IDataObject>;
		for (const [outer, values] of Object.entries(authenticate.properties)) {
			target[outer] ??= {};
			for (const [key, value] of Object.entries(values as IDataObject)) {
				target[outer][key] = workflow.expression.getSimpleParameterValue(
					node,
					value as string,
					'internal',
					{ $credentials: credentials },
					undefined,
					value as string,
				) as string;
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_data: unknown,
		_node: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.credentials[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		this.reads++;
		return found;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type].properties;
	}
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

/** Each run its own execution id, as n8n gives (state kept per execution must not leak between tests). */
let executions = 0;

export function makeAdditionalData(
	credentials: RunOptions['credentials'],
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		executionId: `test-execution-${++executions}`,
		restApiUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: '',
		instanceBaseUrl: '',
		variables: {},
		currentNodeParameters,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A one-node workflow around the node under test. */
function workflowOf(node: INode): Workflow {
	return new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes, active: false });
}

/** Calls the Account locator's list search the way the editor does, through n8n-core's LoadOptionsContext. */
export async function searchAccounts(
	parameters: INodeParameters,
	credentials: RunOptions['credentials'],
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node = makeNode(parameters, credentials);
	const workflow = workflowOf(node);
	const context = new LoadOptionsContext(
		workflow,
		node,
		makeAdditionalData(credentials, undefined, parameters),
		'parameters.accountId',
	);
	const search = activeNodeType.methods?.listSearch?.searchAccounts;
	if (!search) throw new Error('the node under test has no searchAccounts');
	return await search.call(context, filter, paginationToken);
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const node = makeNode(options.parameters, options.credentials, options.onError);
	const workflow = workflowOf(node);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		nodes: [node],
		connections: {},
	} as never);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = makeAdditionalData(options.credentials, hooks);
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const executionData = {
		resultData: { runData: {} },
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;
	try {
		const running = new WorkflowExecute(
			additionalData,
			'manual',
			executionData,
		).processRunExecutionData(workflow);
		options.onStart?.(() => running.cancel());
		// A cancelled run never settles; n8n reports it through workflowExecuteAfter instead.
		await Promise.race([running, finished]);
	} catch (error) {
		// n8n checks required parameters and locator formats before running any node.
		return { items: [], errorItems: [], error: error as RunResult['error'], credentialReads: 0 };
	}
	const run = await finished;
	const output = run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main ?? [];
	return {
		items: (output[0] ?? []) as INodeExecutionData[],
		errorItems: (output[1] ?? []) as INodeExecutionData[],
		error: run.data.resultData.error as RunResult['error'],
		run,
		credentialReads: (additionalData.credentialsHelper as TestCredentialsHelper).reads,
	};
}

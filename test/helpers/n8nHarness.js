/**
 * n8n-core's real engine around one node, shared by the tests (engine.ts, credentialTest.ts, on
 * the TypeScript source) and by `npm run check:live` (test/live, on the built package): the
 * credentials helper n8n's CLI would be, a run of one node through WorkflowExecute, a list search
 * through LoadOptionsContext and a credential's `test` request the way n8n's tester sends it.
 * Plain JavaScript, so the live check runs under plain Node.
 */
'use strict';
const {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} = require('n8n-core');
const { ICredentialsHelper, Workflow } = require('n8n-workflow');

class CredentialsHelper extends ICredentialsHelper {
	/**
	 * @param {(type: string) => import('n8n-workflow').ICredentialType} typeOf
	 * @param {Record<string, import('n8n-workflow').ICredentialDataDecryptedObject>} credentials
	 */
	constructor(typeOf, credentials) {
		super();
		this.typeOf = typeOf;
		this.credentials = credentials;
		/** How often n8n loaded and decrypted a credential (in n8n, a database read each time). */
		this.reads = 0;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	/** Mirrors packages/cli/src/credentials-helper.ts#authenticate for generic authentication. */
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const authenticate = this.typeOf(typeName).authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		for (const [outer, values] of Object.entries(authenticate.properties)) {
			requestOptions[outer] ??= {};
			for (const [key, value] of Object.entries(values)) {
				requestOptions[outer][key] = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					value,
				);
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

	async getCredentials() {
		throw new Error('not used here');
	}

	async getDecrypted(_data, _node, type) {
		const found = this.credentials[type];
		if (!found) throw new Error(`No credentials of type ${type}`);
		this.reads++;
		return found;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type) {
		return this.typeOf(type).properties;
	}
}

/** Each run its own execution id, as n8n gives (state kept per execution must not leak between runs). */
let executions = 0;

function makeAdditionalData(credentialsHelper, hooks, currentNodeParameters) {
	return {
		hooks,
		credentialsHelper,
		executionId: `test-execution-${++executions}`,
		restApiUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: '',
		instanceBaseUrl: '',
		variables: {},
		currentNodeParameters,
	};
}

/** A node type registry holding one type. */
function registryOf(type) {
	return {
		getByName: () => type(),
		getByNameAndVersion: () => type(),
		getKnownTypes: () => ({}),
	};
}

/** A one-node workflow around `node`. */
function workflowOf(node, nodeTypes) {
	return new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes, active: false });
}

/**
 * Runs `node` on `items` (their json) in a manual execution, through WorkflowExecute as n8n does.
 * Resolves with n8n's run, or with the error n8n refused to start it with (parameter issues).
 */
async function runSingleNode({ node, nodeTypes, items, credentialsHelper, onStart }) {
	const workflow = workflowOf(node, nodeTypes);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		nodes: [node],
		connections: {},
	});
	const finished = new Promise((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = makeAdditionalData(credentialsHelper, hooks);
	const executionData = {
		resultData: { runData: {} },
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [items.map((json) => ({ json }))] }, source: null },
			],
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	};
	try {
		const running = new WorkflowExecute(
			additionalData,
			'manual',
			executionData,
		).processRunExecutionData(workflow);
		onStart?.(() => running.cancel());
		// A cancelled run never settles; n8n reports it through workflowExecuteAfter instead.
		await Promise.race([running, finished]);
	} catch (error) {
		// n8n checks required parameters and locator formats before running any node.
		return { refused: error };
	}
	const run = await finished;
	const output = run.data.resultData.runData[node.name]?.[0]?.data?.main ?? [];
	return {
		run,
		items: output[0] ?? [],
		errorItems: output[1] ?? [],
		error: run.data.resultData.error,
	};
}

/** Calls `node`'s list search `method` for `parameter` the way the editor does. */
async function listSearch({ node, nodeTypes, credentialsHelper, method, parameter, filter, page }) {
	const context = new LoadOptionsContext(
		workflowOf(node, nodeTypes),
		node,
		makeAdditionalData(credentialsHelper, undefined, node.parameters),
		`parameters.${parameter}`,
	);
	const search = nodeTypes.getByName(node.type).methods?.listSearch?.[method];
	if (!search) throw new Error(`${node.type} has no list search ${method}`);
	return await search.call(context, filter, page);
}

/**
 * A context for the node's own helpers outside a run (the trigger's webhook list): n8n's
 * LoadOptionsContext, the one the editor gives a node's methods.
 */
function editorContext({ node, nodeTypes, credentialsHelper }) {
	return new LoadOptionsContext(
		workflowOf(node, nodeTypes),
		node,
		makeAdditionalData(credentialsHelper, undefined, node.parameters),
		'parameters',
	);
}

/**
 * A credential's `test` request the way n8n's credential tester runs it
 * (packages/cli/src/services/credentials-tester.service.ts, n8n 2.x: the test request becomes the
 * routing of a one-property node type, n8n-core's RoutingNode sends it, then the rules are read in
 * order). Resolves with { status: 'OK' | 'Error', message }.
 */
async function testCredential({ type, data, test = type.test, credentialsHelper }) {
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type.name]: { id: 'cred', name: 'test' } },
	};
	const workflow = workflowOf(
		node,
		registryOf(() => nodeType),
	);
	const context = new ExecuteContext(
		workflow,
		node,
		makeAdditionalData(credentialsHelper),
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred',
		name: 'test',
		type: type.name,
		data,
	});
	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return { status: 'Error', message: rule.properties.message };
			}
			if (status < 199 || status > 299)
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const json = response?.[0]?.[0]?.json;
		const value = rule.properties.key.split('.').reduce((at, key) => at?.[key], json);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = {
	CredentialsHelper,
	editorContext,
	listSearch,
	makeAdditionalData,
	registryOf,
	runSingleNode,
	testCredential,
};

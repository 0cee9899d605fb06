/**
 * Runs a workflow of several nodes through n8n-core's engine (engine.ts runs one node alone): rows
 * from a stand-in for a sheet, LinkedIn Connect with its node settings (Continue On Fail, Retry On
 * Fail), and a stand-in for n8n's IF that routes items on an expression. Used where what matters is
 * what n8n does between nodes: the error output, the input row merged into error items, retries.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunExecutionData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import { makeAdditionalData, NODE_TYPE } from './engine';

const ROWS_TYPE = 'test.rows';
const IF_TYPE = 'test.ifEquals';

function testDescription(
	name: string,
	outputs: number,
	parameters: string[],
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: name,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: Array(outputs).fill(NodeConnectionTypes.Main),
		properties: parameters.map((parameter) => ({
			displayName: parameter,
			name: parameter,
			type: 'string',
			default: '',
		})),
	};
}

/** The rows a sheet would give, from its `rows` parameter (JSON). */
class Rows implements INodeType {
	description = testDescription('Rows', 1, ['rows']);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const rows = JSON.parse(this.getNodeParameter('rows', 0) as string) as IDataObject[];
		return [rows.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/** n8n's IF reduced to one condition: `value` (an expression) equals `equals` → output 0, else 1. */
class IfEquals implements INodeType {
	description = testDescription('If', 2, ['value', 'equals']);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const routed: INodeExecutionData[][] = [[], []];
		this.getInputData().forEach((item, index) => {
			const matches = this.getNodeParameter('value', index) === this.getNodeParameter('equals', 0);
			routed[matches ? 0 : 1].push({ ...item, pairedItem: { item: index } });
		});
		return routed;
	}
}

const TYPES: Record<string, INodeType> = {
	[NODE_TYPE]: new LinkedInConnect(),
	[ROWS_TYPE]: new Rows(),
	[IF_TYPE]: new IfEquals(),
};
const nodeTypes: INodeTypes = {
	getByName: (type) => TYPES[type],
	getByNameAndVersion: (type) => TYPES[type],
	getKnownTypes: () => ({}),
};

export interface WorkflowNode {
	name: string;
	node: Omit<INode, 'id' | 'name' | 'position' | 'typeVersion'>;
	/** The nodes each output leads to (output 1 of LinkedIn Connect: its error output). */
	outputs?: string[][];
}

/** The sheet stand-in, first in every workflow here. */
export function rowsNode(rows: IDataObject[], next: string): WorkflowNode {
	return {
		name: 'Rows',
		node: { type: ROWS_TYPE, parameters: { rows: JSON.stringify(rows) } },
		outputs: [[next]],
	};
}

export function linkedInConnectNode(
	name: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	settings: Pick<INode, 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>,
	outputs: string[][] = [],
): WorkflowNode {
	const names = Object.keys(credentials).map((type) => [type, { id: type, name: type }]);
	return {
		name,
		node: {
			type: NODE_TYPE,
			parameters,
			credentials: Object.fromEntries(names),
			...settings,
		},
		outputs,
	};
}

export function ifNode(name: string, value: string, equals: string): WorkflowNode {
	return { name, node: { type: IF_TYPE, parameters: { value, equals } } };
}

export interface WorkflowResult {
	run: IRun;
	/** The items a node put on output `index` (its last run). */
	output(name: string, index?: number): INodeExecutionData[];
}

export async function runWorkflow(
	nodes: WorkflowNode[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<WorkflowResult> {
	const built: INode[] = nodes.map(({ name, node }, index) => ({
		id: `node-${index}`,
		name,
		position: [index * 200, 0],
		typeVersion: 1,
		...node,
	}));
	const connections = Object.fromEntries(
		nodes.map(({ name, outputs = [] }) => [
			name,
			{
				main: outputs.map((targets) =>
					targets.map((node) => ({ node, type: NodeConnectionTypes.Main, index: 0 })),
				),
			},
		]),
	);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: built,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		nodes: built,
		connections,
	} as never);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const executionData = {
		resultData: { runData: {} },
		executionData: {
			nodeExecutionStack: [{ node: built[0], data: { main: [[{ json: {} }]] }, source: null }],
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(
		makeAdditionalData(credentials, hooks),
		'manual',
		executionData,
	).processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		output: (name, index = 0) => {
			const runs = run.data.resultData.runData[name] ?? [];
			return (runs[runs.length - 1]?.data?.main?.[index] ?? []) as INodeExecutionData[];
		},
	};
}

import type { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export declare class CredentialsHelper extends ICredentialsHelper {
	constructor(
		typeOf: (type: string) => ICredentialType,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	);
	reads: number;
}

export function makeAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData;

export function registryOf(type: () => INodeType): INodeTypes;

export interface SingleNodeRun {
	run?: IRun;
	items?: INodeExecutionData[];
	errorItems?: INodeExecutionData[];
	error?: { message: string; description?: string | null; [key: string]: unknown };
	refused?: { message: string; description?: string | null; [key: string]: unknown };
}

export function runSingleNode(options: {
	node: INode;
	nodeTypes: INodeTypes;
	items: IDataObject[];
	credentialsHelper: ICredentialsHelper;
	onStart?: (cancel: () => void) => void;
}): Promise<SingleNodeRun>;

export function listSearch(options: {
	node: INode;
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	method: string;
	parameter: string;
	filter?: string;
	page?: string;
}): Promise<INodeListSearchResult>;

export function editorContext(options: {
	node: INode;
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
}): ILoadOptionsFunctions;

export function testCredential(options: {
	type: ICredentialType;
	data: ICredentialDataDecryptedObject;
	test?: ICredentialTestRequest;
	credentialsHelper: ICredentialsHelper;
}): Promise<{ status: 'OK' | 'Error'; message: string }>;

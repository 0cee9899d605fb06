import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type {
	LinkedInService,
	OperationKey,
	OperationResult,
	ServiceOperations,
} from '../../core/services/types';
import type { ServiceClient } from '../../core/transport/types';

export type InputOf<K extends OperationKey> = Parameters<ServiceOperations[K]>[1];

/** One operation of the node: its place in the UI, its fields, and how it reads an item. */
export interface OperationDefinition<K extends OperationKey = OperationKey> {
	/** `<resource>:<operation>`, the key services implement. */
	key: K;
	resource: string;
	operation: string;
	/** The entry in the Operation list. */
	name: string;
	action: string;
	description: string;
	/** The operation's fields, without the Options collection (built from `options` and each service's own). */
	properties: INodeProperties[];
	/** Options every service shares. */
	options: INodeProperties[];
	/** How many items may run at once at most; 1 means strictly one after another. */
	maxConcurrency: number;
	/** Reads and checks one item's parameters; throws before any request is sent. */
	readInput(context: IExecuteFunctions, itemIndex: number): InputOf<K>;
	/** Work a run does around its items (Send's caps); read once, from the first item's options. */
	guard?(
		context: IExecuteFunctions,
		options: IDataObject,
		service: LinkedInService,
	): RunGuard<K> | undefined;
}

export interface RunGuard<K extends OperationKey> {
	/** Before an item's requests: a result to output instead, or undefined to go on. */
	before(client: ServiceClient, input: InputOf<K>): Promise<OperationResult | undefined>;
	/** After an item ran. */
	after(input: InputOf<K>, result: OperationResult | OperationResult[]): void;
}

export interface ResourceDefinition {
	value: string;
	name: string;
}

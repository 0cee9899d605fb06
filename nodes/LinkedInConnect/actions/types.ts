import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationKey, ServiceOperations } from '../services/types';

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
}

export interface ResourceDefinition {
	value: string;
	name: string;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type {
	LinkedInService,
	OperationKey,
	OperationResult,
	SendInvitationInput,
	SearchInput,
	SendMessageInput,
	ServiceOperations,
} from '../../core/services/types';
import type { ServiceClient } from '../../core/transport/types';

type Inputs = { [K in keyof ServiceOperations]: Parameters<ServiceOperations[K]>[1] } & {
	'invitation:send': SendInvitationInput;
	'message:send': SendMessageInput;
	'profile:search': SearchInput;
};

export type InputOf<K extends OperationKey> = Inputs[K];

/**
 * How an operation runs for a service (its result: one item, or one per list entry). Its input is
 * what that operation's readInput made, so callers hand it over as they got it.
 */
export type Implementation = (
	client: ServiceClient,
	input: never,
	options: IDataObject,
	context: IExecuteFunctions,
) => Promise<OperationResult | ListResult>;

/** A list's results, with what the run's output should say about them (an n8n execution hint). */
export type ListResult = OperationResult[] & { hint?: string };

/** How `definition` runs for `service`; undefined when the service does not offer it. */
export function implementationOf(
	definition: OperationDefinition,
	service: LinkedInService,
): Implementation | undefined {
	if (definition.implementation) return definition.implementation(service);
	return service.operations[definition.key as keyof ServiceOperations] as
		| Implementation
		| undefined;
}

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
	/** Fields that depend on what the services offer (e.g. Search by URL only where there is one). */
	propertiesFor?(services: readonly LinkedInService[]): INodeProperties[];
	/** Options every service shares. */
	options: INodeProperties[];
	/** How many items may run at once at most; 1 means strictly one after another. */
	maxConcurrency: number;
	/**
	 * How it runs for a service, when the operation brings its own policy (Send); by default the
	 * service's `operations[key]`. Undefined: the service does not offer it.
	 */
	implementation?(service: LinkedInService): Implementation | undefined;
	/** Reads and checks one item's parameters; throws before any request is sent. */
	readInput(context: IExecuteFunctions, itemIndex: number, service: LinkedInService): InputOf<K>;
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
	/** After an item failed (its requests may have gone out). */
	failed?(input: InputOf<K>, error: unknown): void;
}

export interface ResourceDefinition {
	value: string;
	name: string;
}

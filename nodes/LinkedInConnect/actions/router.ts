/**
 * Runs the chosen operation over the input items: one at a time in input order by default (a
 * LinkedIn account must not see a burst), paced by Delay Between Items, output items paired to
 * their input item (one each, or one per element for lists), and Continue On Fail turning a failed
 * item into an error item (shared/errors.ts errorItem). A cancelled execution outputs nothing.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { endpointOf, serviceFor } from '../../core/services';
import type { LinkedInService } from '../../core/services/types';
import { errorItem, toNodeError } from '../../core/shared/errors';
import { ExecutionCancelled, isCancellation, Pacer } from '../../core/shared/pacing';
import { readOptions } from '../../core/shared/parameters';
import { type Connection, createServiceClient, openConnection } from '../../core/transport/client';
import { readRunSettings, type RunSettings } from './runSettings';
import {
	implementationOf,
	type ListResult,
	type OperationDefinition,
	type ResourceDefinition,
} from './types';

export interface NodeRegistry {
	services: readonly LinkedInService[];
	resources: readonly ResourceDefinition[];
	operations: readonly OperationDefinition[];
}

/** The operation the node is set to, and the service's implementation of it. */
function resolve(context: IExecuteFunctions, registry: NodeRegistry) {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const definition = registry.operations.find(
		(candidate) => candidate.resource === resource && candidate.operation === operation,
	);
	if (!definition) {
		throw new NodeOperationError(
			context.getNode(),
			`'${resource}' → '${operation}' is not an operation of this version of LinkedIn Connect. Choose another under 'Operation', or update the package.`,
		);
	}
	let service: LinkedInService;
	try {
		service = serviceFor(registry.services, context.getNodeParameter('authentication', 0));
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
	const implementation = implementationOf(definition, service);
	if (!implementation) {
		const resourceName =
			registry.resources.find((candidate) => candidate.value === resource)?.name ?? resource;
		const others = registry.services
			.filter((candidate) => implementationOf(definition, candidate))
			.map((candidate) => candidate.displayName);
		throw new NodeOperationError(
			context.getNode(),
			`${service.displayName} does not offer ${resourceName} → ${definition.name}. ${
				others.length ? `Choose ${others.join(' or ')} under 'Service', or ` : ''
			}pick another operation.`,
		);
	}
	return { definition, service, implementation };
}

export async function runOperation(
	context: IExecuteFunctions,
	registry: NodeRegistry,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const { definition, service, implementation } = resolve(context, registry);
	const node = context.getNode();

	let settings: RunSettings;
	try {
		settings = readRunSettings(context, definition.maxConcurrency);
	} catch (error) {
		throw toNodeError(node, error);
	}
	const signal = context.getExecutionCancelSignal?.();
	const pacer = new Pacer(settings.pace, signal);
	let guard: ReturnType<NonNullable<OperationDefinition['guard']>>;
	try {
		guard = definition.guard?.(context, readOptions(context, 0), service);
	} catch (error) {
		throw toNodeError(node, error);
	}
	// Opened on the first item that passes its checks; a bad credential then fails every item alike.
	let connection: Promise<Connection> | undefined;

	async function runItem(itemIndex: number): Promise<INodeExecutionData[]> {
		let input: ReturnType<OperationDefinition['readInput']> | undefined;
		try {
			input = definition.readInput(context, itemIndex, service);
			connection ??= openConnection(context, endpointOf(service), settings.transport);
			const client = createServiceClient(context, await connection, {
				itemIndex,
				beforeFirstRequest: async () => await pacer.turn(),
			});
			const early = await guard?.before(client, input);
			const result =
				early ??
				(await implementation(client, input as never, readOptions(context, itemIndex), context));
			if (!early) guard?.after(input, result);
			const hint = Array.isArray(result) ? (result as ListResult).hint : undefined;
			if (hint) context.addExecutionHints?.({ message: hint, location: 'outputPane' });
			const simplify = context.getNodeParameter('simplify', itemIndex, true) !== false;
			return (Array.isArray(result) ? result : [result]).map((one) => ({
				json: simplify ? one.simplified : one.raw,
				pairedItem: { item: itemIndex },
			}));
		} catch (error) {
			if (input !== undefined) guard?.failed?.(input, error);
			const nodeError = toNodeError(node, error, itemIndex);
			// A cancelled execution ends here, whatever wrapped the cancellation or failed meanwhile:
			// it is not an item's failure to pass on.
			const cancelled = isCancellation(error) || signal?.aborted === true;
			if (cancelled || !context.continueOnFail()) throw nodeError;
			return [errorItem(context, itemIndex, error, nodeError)];
		}
	}

	const output: INodeExecutionData[][] = new Array(items.length);
	let nextIndex = 0;
	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	async function worker() {
		while (!failures.length && nextIndex < items.length) {
			const itemIndex = nextIndex++;
			try {
				if (signal?.aborted) throw new ExecutionCancelled();
				output[itemIndex] = await runItem(itemIndex);
			} catch (error) {
				failures.push({ itemIndex, error });
			}
		}
	}
	await Promise.all(Array.from({ length: Math.min(settings.concurrency, items.length) }, worker));
	if (failures.length) {
		// With several items in flight, the earliest failing item is the one reported.
		const { itemIndex, error } = failures.reduce((a, b) => (b.itemIndex < a.itemIndex ? b : a));
		throw toNodeError(node, error, itemIndex);
	}
	return [output.flat()];
}

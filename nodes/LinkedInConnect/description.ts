/**
 * The node's parameters, built from the service registry and the operation list, so that a new
 * service or operation changes no field here: the Service choice and credentials come from the
 * adapters, each operation brings its fields, and each service adds its own options (shown only
 * when it is chosen). An operation a service lacks is left out of that service's Operation list.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { NodeRegistry } from './actions/router';
import { implementationOf, type OperationDefinition } from './actions/types';
import type { LinkedInService } from '../core/services/types';
import { serviceProperty } from '../core/services/descriptions';

/*
 * Defaults are written out (here, and for each resource in DEFAULT_OPERATIONS): n8n does not store a
 * parameter equal to its default, so every saved node that left one unchanged reads it from the
 * description. Taken from list order, a service, resource or operation put first would silently
 * rebind those nodes. Never change one; test/structure.test.ts compares them with a committed table.
 */

/** Each resource's default operation; a new resource adds its own. */
export const DEFAULT_OPERATIONS: Readonly<Record<string, string>> = {
	invitation: 'send',
	profile: 'get',
	relation: 'getMany',
	message: 'send',
};

function byName<T extends { name?: string; displayName?: string }>(a: T, b: T): number {
	return String(a.displayName ?? a.name).localeCompare(String(b.displayName ?? b.name));
}

function resourceProperty(registry: NodeRegistry): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: registry.resources
			.map((resource) => ({ name: resource.name, value: resource.value }))
			.sort(byName),
		default: 'invitation',
	};
}

/**
 * The Operation list of one resource. Services offering the same operations share one list; when
 * they differ, each group gets its own, shown only for its services.
 */
function operationProperties(
	registry: NodeRegistry,
	resource: { value: string; name: string },
): INodeProperties[] {
	const operations = registry.operations.filter((op) => op.resource === resource.value);
	const groups = new Map<string, { services: LinkedInService[]; offered: OperationDefinition[] }>();
	for (const service of registry.services) {
		const offered = operations.filter((op) => implementationOf(op, service));
		const signature = offered.map((op) => op.operation).join(',');
		const group = groups.get(signature) ?? { services: [], offered };
		group.services.push(service);
		groups.set(signature, group);
	}
	const split = groups.size > 1;
	return [...groups.values()].flatMap(({ services, offered }): INodeProperties[] => {
		const show = {
			resource: [resource.value],
			...(split ? { authentication: services.map((s) => s.credentialType) } : {}),
		};
		if (!offered.length) {
			return [
				{
					displayName: `${services.map((s) => s.displayName).join(' and ')} offers no ${resource.name} operations: choose another service under 'Service'`,
					name: `${resource.value}NotOffered`,
					type: 'notice',
					default: '',
					displayOptions: { show },
				},
				// Keeps the operation a saved workflow asks for, so running it names what is missing.
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'hidden',
					default: '',
					displayOptions: { show },
				},
			];
		}
		return [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show },
				options: offered
					.map(
						(op): INodePropertyOptions => ({
							name: op.name,
							value: op.operation,
							action: op.action,
							description: op.description,
						}),
					)
					.sort(byName),
				default: defaultOperation(resource.value, offered),
			},
		];
	});
}

/**
 * The resource's default operation. A service group that lacks it (none today) gets its first one
 * in registry order; the structure test's table holds that default too.
 */
function defaultOperation(resource: string, offered: OperationDefinition[]): string {
	const pinned = DEFAULT_OPERATIONS[resource];
	if (pinned === undefined) {
		throw new Error(
			`No default operation for resource '${resource}': add it to DEFAULT_OPERATIONS`,
		);
	}
	return offered.some((op) => op.operation === pinned) ? pinned : offered[0].operation;
}

/** A field some services do not take (Unipile v2 answers invitations without a Shared Secret): hidden for them. */
function hiddenWhereNotTaken(
	property: INodeProperties,
	services: readonly LinkedInService[],
): INodeProperties {
	const without = services
		.filter((service) => service.fieldsNotTaken?.includes(property.name))
		.map((service) => service.credentialType);
	if (!without.length) return property;
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			hide: { ...property.displayOptions?.hide, authentication: without },
		},
	};
}

/** Each service's note on this operation (its cost, what it reads), shown only for that service. */
function serviceNotices(
	definition: OperationDefinition,
	services: readonly LinkedInService[],
): INodeProperties[] {
	return services.flatMap((service): INodeProperties[] => {
		const notice = service.notices?.[definition.key];
		return notice
			? [
					{
						displayName: notice,
						name: `${service.credentialType}Notice`,
						type: 'notice',
						default: '',
						displayOptions: { show: { authentication: [service.credentialType] } },
					},
				]
			: [];
	});
}

/**
 * Options: the operation's own, then each service's, shown only when that service is chosen. An
 * option several services declare alike (Unipile v1 and v2: InMail) is one entry shown for each.
 */
function optionsCollection(
	definition: OperationDefinition,
	services: readonly LinkedInService[],
): INodeProperties {
	const byOptionName = new Map<string, { option: INodeProperties; services: string[] }>();
	for (const service of services) {
		for (const option of service.options?.[definition.key] ?? []) {
			const shared = byOptionName.get(option.name);
			if (shared) shared.services.push(service.credentialType);
			else byOptionName.set(option.name, { option, services: [service.credentialType] });
		}
	}
	const serviceOptions = [...byOptionName.values()].map(({ option, services: shownFor }) => ({
		...option,
		displayOptions: { show: { '/authentication': shownFor } },
	}));
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...definition.options, ...serviceOptions].sort(byName),
	};
}

/**
 * What n8n stored as Settings → Request Options while the node was declarative (0.1.x). Kept,
 * hidden, so those workflows keep their timeout and spacing; a saved proxy or certificate setting
 * is ignored, since a hidden parameter must not decide where the API key goes (transport/settings.ts).
 */
export const legacyRequestOptionsProperty: INodeProperties = {
	displayName: 'Request Options (Saved by Version 0.1)',
	name: 'requestOptions',
	type: 'hidden',
	default: {},
	description:
		'Batching and timeout settings saved by version 0.1 (a saved proxy or certificate setting is ignored); Options → Delay Between Items and Timeout replace them',
};

export function nodeProperties(registry: NodeRegistry): INodeProperties[] {
	return [
		serviceProperty(registry.services),
		resourceProperty(registry),
		...registry.resources.flatMap((resource) => [
			...operationProperties(registry, resource),
			...registry.operations
				.filter((op) => op.resource === resource.value)
				.flatMap((op) =>
					updateDisplayOptions({ show: { resource: [op.resource], operation: [op.operation] } }, [
						...serviceNotices(op, registry.services),
						...(op.propertiesFor?.(registry.services) ?? op.properties).map((property) =>
							hiddenWhereNotTaken(property, registry.services),
						),
						optionsCollection(op, registry.services),
					]),
				),
		]),
		legacyRequestOptionsProperty,
	];
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OPERATIONS, RESOURCES } from './actions/operations';
import { type NodeRegistry, runOperation } from './actions/router';
import { credentialsOf } from '../core/services/descriptions';
import { nodeProperties } from './description';
import { accountSearch } from '../core/listSearch/searchAccounts';
import { parameterSearch } from '../core/listSearch/searchParameters';
import { SERVICES } from '../core/services';

const registry: NodeRegistry = { services: SERVICES, resources: RESOURCES, operations: OPERATIONS };

/**
 * Looks up LinkedIn profiles and sends connection invitations through a LinkedIn automation
 * service (Unipile API v1 or v2, LinkupAPI v2). Programmatic: actions/router.ts runs the items one
 * at a time; everything service-specific lives in ../core/services/<service>/.
 */
export class LinkedInConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkedIn Connect',
		name: 'linkedInConnect',
		icon: {
			light: 'file:../../icons/linkedin-connect.svg',
			dark: 'file:../../icons/linkedin-connect.dark.svg',
		},
		group: ['output'],
		// A behaviour change ships as a new version (e.g. [1, 1.1], defaultVersion 1.1, the change
		// behind displayOptions `'@version'` or `getNode().typeVersion`); saved nodes keep theirs.
		version: [1],
		defaultVersion: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up LinkedIn profiles, send and manage connection invitations, and message members via Unipile or LinkupAPI',
		defaults: { name: 'LinkedIn Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsOf(registry.services),
		properties: nodeProperties(registry),
	};

	methods = {
		listSearch: {
			searchAccounts: accountSearch(registry.services),
			searchLocations: parameterSearch(registry.services, 'LOCATION'),
			searchCompanies: parameterSearch(registry.services, 'COMPANY'),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, registry);
	}
}

import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { searchAccounts } from './listSearch/searchAccounts';
import { invitationDescription } from './resources/invitation';
import { profileDescription } from './resources/profile';
import { authenticationProperty } from './shared/descriptions';

/**
 * Looks up LinkedIn profiles and sends connection invitations through a LinkedIn automation
 * service (Unipile API v1 or LinkupAPI v2). Declarative: each operation routes through
 * shared/operationRunner.ts, and everything service-specific lives in services/<service>.ts.
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
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up LinkedIn profiles and send connection invitations via Unipile or LinkupAPI',
		defaults: { name: 'LinkedIn Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'unipileApi',
				required: true,
				displayOptions: { show: { authentication: ['unipileApi'] } },
			},
			{
				name: 'linkupApi',
				required: true,
				displayOptions: { show: { authentication: ['linkupApi'] } },
			},
		],
		// The base URL comes from the credential through the service adapter, which normalises it.
		requestDefaults: { headers: { Accept: 'application/json' } },
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Invitation', value: 'invitation' },
					{ name: 'Profile', value: 'profile' },
				],
				default: 'invitation',
			},
			...invitationDescription,
			...profileDescription,
		],
	};

	methods = {
		listSearch: { searchAccounts },
	};
}

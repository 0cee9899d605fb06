/** What both nodes' descriptions take from the service registry: the credentials and the Service choice. */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import type { LinkedInService } from './types';

/** One credential per service, each shown for its own Service choice. */
export function credentialsOf(services: readonly LinkedInService[]): INodeCredentialDescription[] {
	return services.map((service) => ({
		name: service.credentialType,
		required: true,
		displayOptions: { show: { authentication: [service.credentialType] } },
	}));
}

/**
 * The Service choice, built from the registry. Its default is written out: n8n does not store a
 * parameter equal to its default, so a service put first would silently rebind saved nodes.
 */
export function serviceProperty(services: readonly LinkedInService[]): INodeProperties {
	return {
		displayName: 'Service',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		// Registry order: n8n's new-credential dialog offers the first one.
		options: services.map((service) => ({
			name: service.displayName,
			value: service.credentialType,
			description: service.summary,
		})),
		default: 'unipileApi',
		description: 'The LinkedIn automation service that runs the action, with its credential',
	};
}

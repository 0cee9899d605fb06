import { normaliseBaseUrl } from '../shared/baseUrl';
import type { ServiceEndpoint } from '../transport/client';
import { linkupService } from './linkup';
import type { LinkedInService } from './types';
import { unipileService } from './unipile';
import { unipileV2Service } from './unipileV2';

/** Every service the node offers, in the order of the credentials list. One line per service. */
export const SERVICES: readonly LinkedInService[] = [
	unipileService,
	linkupService,
	unipileV2Service,
];

/** The adapter for the node's `authentication` value (= its credential type). */
export function serviceFor(
	services: readonly LinkedInService[],
	authentication: unknown,
): LinkedInService {
	const service = services.find((candidate) => candidate.credentialType === authentication);
	if (!service) {
		const names = services.map((s) => s.displayName).join(', ');
		throw new Error(
			`'Service' is set to "${String(authentication)}", which this version of LinkedIn Connect does not know. Choose one of ${names}.`,
		);
	}
	return service;
}

/** What the transport needs of a service: its credential, host rule and error reading. */
export function endpointOf(service: LinkedInService): ServiceEndpoint {
	return {
		displayName: service.displayName,
		credentialType: service.credentialType,
		secretFields: service.secretFields,
		hostField: service.baseUrlRule.field,
		describeFailure: service.describeFailure,
		baseUrl: (credentials) =>
			normaliseBaseUrl(credentials[service.baseUrlField], service.baseUrlRule),
	};
}

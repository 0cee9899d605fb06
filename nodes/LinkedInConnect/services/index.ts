import { linkupService } from './linkup';
import type { LinkedInService } from './types';
import { unipileService } from './unipile';

/** One adapter per service, keyed by the node's `authentication` value (= the credential type). */
export const SERVICES: Record<string, LinkedInService> = {
	[unipileService.credentialType]: unipileService,
	[linkupService.credentialType]: linkupService,
};

export function serviceFor(authentication: unknown): LinkedInService {
	const service = typeof authentication === 'string' ? SERVICES[authentication] : undefined;
	if (!service) {
		throw new Error(
			`Unknown service "${String(authentication)}": choose one of ${Object.keys(SERVICES).join(', ')} under 'Service'.`,
		);
	}
	return service;
}

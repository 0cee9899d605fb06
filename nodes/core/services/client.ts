/** A client for the trigger's calls, with the action node's transport rules (no redirects, secrets kept). */
import type { LinkedInService } from './types';
import { endpointOf } from './index';
import { createServiceClient, openConnection, type RequestContext } from '../transport/client';
import { DEFAULT_TRANSPORT } from '../transport/settings';
import type { ServiceClient } from '../transport/types';

export async function clientFor(
	context: RequestContext,
	service: LinkedInService,
): Promise<ServiceClient> {
	return createServiceClient(
		context,
		await openConnection(context, endpointOf(service), DEFAULT_TRANSPORT),
	);
}

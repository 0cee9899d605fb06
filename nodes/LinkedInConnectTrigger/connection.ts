/** A client for the trigger's calls, with the action node's transport rules (no redirects, secrets kept). */
import type { LinkedInService } from '../LinkedInConnect/services/types';
import { endpointOf } from '../LinkedInConnect/services';
import {
	createServiceClient,
	openConnection,
	type RequestContext,
} from '../LinkedInConnect/transport/client';
import { DEFAULT_TRANSPORT } from '../LinkedInConnect/transport/settings';
import type { ServiceClient } from '../LinkedInConnect/transport/types';

export async function clientFor(
	context: RequestContext,
	service: LinkedInService,
): Promise<ServiceClient> {
	return createServiceClient(
		context,
		await openConnection(context, endpointOf(service), DEFAULT_TRANSPORT),
	);
}

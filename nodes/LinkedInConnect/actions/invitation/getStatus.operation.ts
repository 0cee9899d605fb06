import {
	accountIdLocator,
	profileLocator,
	pacedOptions,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import { readAccountId, readProfile } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const getInvitationStatus: OperationDefinition<'invitation:getStatus'> = {
	key: 'invitation:getStatus',
	resource: 'invitation',
	operation: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of an invitation',
	description:
		'Tell whether the member is a connection, has an invitation pending (sent or received), or neither',
	properties: [accountIdLocator, profileLocator, simplifyProperty],
	options: pacedOptions(
		{ minSeconds: 30, maxSeconds: 90 },
		'Pause a random time before each member checked (with Unipile each check is a profile view)',
	),
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		profile: readProfile(context, itemIndex),
	}),
};

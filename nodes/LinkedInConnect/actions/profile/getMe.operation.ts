import {
	accountIdLocator,
	pacedOptions,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import { readAccountId } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const getMyProfile: OperationDefinition<'profile:getMe'> = {
	key: 'profile:getMe',
	resource: 'profile',
	operation: 'getMe',
	name: 'Get My Profile',
	action: 'Get my profile',
	description:
		"Get the connected account's own LinkedIn profile (a quick check that the account works)",
	properties: [accountIdLocator, simplifyProperty],
	options: pacedOptions(
		{ minSeconds: 5, maxSeconds: 15 },
		'Pause a random time before each input item',
	),
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({ accountId: readAccountId(context, itemIndex) }),
};

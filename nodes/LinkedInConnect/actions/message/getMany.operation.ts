import {
	accountIdLocator,
	LIST_PACING,
	limitProperty,
	profileLocator,
	returnAllProperty,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import { readAccountId, readLimit, readProfile } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const getManyMessages: OperationDefinition<'message:getMany'> = {
	key: 'message:getMany',
	resource: 'message',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many messages',
	description:
		'List the messages exchanged with a member, newest first (from_me tells who wrote each)',
	properties: [
		accountIdLocator,
		{
			...profileLocator,
			description:
				'The member whose conversation to read: a profile URL, a public identifier or a member ID (provider_id)',
		},
		returnAllProperty,
		limitProperty,
		simplifyProperty,
	],
	options: LIST_PACING,
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		profile: readProfile(context, itemIndex),
		limit: readLimit(context, itemIndex),
	}),
};

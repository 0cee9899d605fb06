import {
	accountIdLocator,
	delayBetweenItemsOption,
	limitProperty,
	requestOptions,
	returnAllProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import { readAccountId, readLimit } from '../../shared/parameters';
import type { OperationDefinition } from '../types';

export const getManyRelations: OperationDefinition<'relation:getMany'> = {
	key: 'relation:getMany',
	resource: 'relation',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many connections',
	description: "List the account's first-degree connections, newest first",
	properties: [accountIdLocator, returnAllProperty, limitProperty, simplifyProperty],
	options: [
		delayBetweenItemsOption(
			{ minSeconds: 5, maxSeconds: 15 },
			'Pause a random time before each input item (each reads the list again)',
		),
		...requestOptions,
	],
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		limit: readLimit(context, itemIndex),
	}),
};

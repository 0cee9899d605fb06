import { LIST_PACING, listProperties } from '../../../core/shared/descriptions';
import { readListInput } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const getManyRelations: OperationDefinition<'relation:getMany'> = {
	key: 'relation:getMany',
	resource: 'relation',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many connections',
	description: "List the account's first-degree connections, newest first",
	properties: listProperties(),
	options: LIST_PACING,
	maxConcurrency: 1,
	readInput: readListInput,
};

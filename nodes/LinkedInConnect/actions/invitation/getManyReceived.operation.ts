import { LIST_PACING, listProperties } from '../../../core/shared/descriptions';
import { readListInput } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const getManyReceivedInvitations: OperationDefinition<'invitation:getManyReceived'> = {
	key: 'invitation:getManyReceived',
	resource: 'invitation',
	operation: 'getManyReceived',
	name: 'Get Many Received',
	action: 'Get many received invitations',
	description:
		'List the invitations the account has received and not answered yet, with what Accept and Decline need',
	properties: listProperties(),
	options: LIST_PACING,
	maxConcurrency: 1,
	readInput: readListInput,
};

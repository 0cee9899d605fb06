import type { INodeProperties } from 'n8n-workflow';
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

const properties: INodeProperties[] = [
	accountIdLocator,
	returnAllProperty,
	limitProperty,
	simplifyProperty,
];

export const getManyReceivedInvitations: OperationDefinition<'invitation:getManyReceived'> = {
	key: 'invitation:getManyReceived',
	resource: 'invitation',
	operation: 'getManyReceived',
	name: 'Get Many Received',
	action: 'Get many received invitations',
	description:
		'List the invitations the account has received and not answered yet, with what Accept and Decline need',
	properties,
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

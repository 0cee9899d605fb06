import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { LIST_PACING, listProperties } from '../../../core/shared/descriptions';
import { InputError, readListInput } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

const olderThanFilter: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Older Than (Days)',
			name: 'olderThanDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 14,
			description:
				'Only invitations sent at least this many days ago, e.g. 14 to withdraw the stale ones (LinkedIn lets you re-invite someone only about three weeks after withdrawing). Invitations the service gives no date for are left out.',
		},
	],
};

/** Node-side filter: the service lists every pending invitation, newest first. */
function olderThan(days: number) {
	return (item: IDataObject) =>
		typeof item.sent_days_ago === 'number' && item.sent_days_ago >= days;
}

export const getManySentInvitations: OperationDefinition<'invitation:getManySent'> = {
	key: 'invitation:getManySent',
	resource: 'invitation',
	operation: 'getManySent',
	name: 'Get Many Sent',
	action: 'Get many sent invitations',
	description: 'List the invitations the account has sent that are still pending',
	properties: listProperties(olderThanFilter),
	options: LIST_PACING,
	maxConcurrency: 1,
	readInput(context, itemIndex) {
		const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const input = readListInput(context, itemIndex);
		if (filters.olderThanDays === undefined || filters.olderThanDays === '') return input;
		const days = Number(filters.olderThanDays);
		if (!Number.isFinite(days) || days < 0) {
			throw new InputError(
				`'Older Than (Days)' must be a number of days from 0, but it is ${JSON.stringify(filters.olderThanDays)}. Nothing was sent.`,
			);
		}
		return { ...input, keep: olderThan(days) };
	},
};

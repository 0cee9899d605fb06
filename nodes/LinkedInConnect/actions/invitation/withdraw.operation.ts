import {
	accountIdLocator,
	invitationIdProperty,
	pacedOptions,
} from '../../../core/shared/descriptions';
import { readAccountId, readInvitationId } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

export const withdrawInvitation: OperationDefinition<'invitation:withdraw'> = {
	key: 'invitation:withdraw',
	resource: 'invitation',
	operation: 'withdraw',
	name: 'Withdraw',
	action: 'Withdraw an invitation',
	description:
		'Withdraw a pending invitation the account sent (LinkedIn then blocks inviting that member again for about three weeks)',
	properties: [accountIdLocator, invitationIdProperty],
	options: pacedOptions(
		{ minSeconds: 10, maxSeconds: 30 },
		'Pause a random time before each withdrawal; many withdrawals in a burst look automated to LinkedIn',
	),
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		invitationId: readInvitationId(context, itemIndex, 'Get Many Sent'),
	}),
};

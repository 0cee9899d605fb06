import {
	accountIdLocator,
	delayBetweenItemsOption,
	invitationIdProperty,
	requestOptions,
} from '../../shared/descriptions';
import { readAccountId, readRequiredText } from '../../shared/parameters';
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
	options: [
		delayBetweenItemsOption(
			{ minSeconds: 10, maxSeconds: 30 },
			'Pause a random time before each withdrawal; many withdrawals in a burst look automated to LinkedIn',
		),
		...requestOptions,
	],
	maxConcurrency: 1,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		invitationId: readRequiredText(
			context,
			itemIndex,
			'invitationId',
			'Invitation ID',
			"Map it from Get Many Sent's invitation_id (the default expression {{ $json.invitation_id }} does when this node follows it).",
		),
	}),
};

import {
	accountIdLocator,
	delayBetweenItemsOption,
	invitationIdProperty,
	requestOptions,
	sharedSecretProperty,
} from '../../shared/descriptions';
import { readAccountId, readRequiredText } from '../../shared/parameters';
import type { OperationDefinition } from '../types';

export const acceptInvitation: OperationDefinition<'invitation:accept'> = {
	key: 'invitation:accept',
	resource: 'invitation',
	operation: 'accept',
	name: 'Accept',
	action: 'Accept an invitation',
	description: 'Accept an invitation the account received: the member becomes a connection',
	properties: [accountIdLocator, invitationIdProperty, sharedSecretProperty],
	options: [
		delayBetweenItemsOption(
			{ minSeconds: 10, maxSeconds: 30 },
			'Pause a random time before each invitation answered',
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
			"Map it from Get Many Received's invitation_id (the default expression {{ $json.invitation_id }} does when this node follows it).",
		),
		sharedSecret: readRequiredText(
			context,
			itemIndex,
			'sharedSecret',
			'Shared Secret',
			"Map it from Get Many Received's shared_secret (the default expression {{ $json.shared_secret }} does when this node follows it).",
		),
	}),
};

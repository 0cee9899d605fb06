import {
	accountIdLocator,
	invitationIdProperty,
	pacedOptions,
	sharedSecretProperty,
} from '../../../core/shared/descriptions';
import { readAccountId, readInvitationId, readSharedSecret } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

/** Accept and Decline: the same fields, input and pacing; only the answer differs. */
export function answerOperation<K extends 'invitation:accept' | 'invitation:decline'>(
	key: K,
	name: string,
	description: string,
): OperationDefinition<K> {
	const operation = key.split(':')[1];
	return {
		key,
		resource: 'invitation',
		operation,
		name,
		action: `${name} an invitation`,
		description,
		properties: [accountIdLocator, invitationIdProperty, sharedSecretProperty],
		options: pacedOptions(
			{ minSeconds: 10, maxSeconds: 30 },
			'Pause a random time before each invitation answered',
		),
		maxConcurrency: 1,
		readInput: (context, itemIndex, service) => ({
			accountId: readAccountId(context, itemIndex),
			invitationId: readInvitationId(context, itemIndex, 'Get Many Received'),
			sharedSecret: service.fieldsNotTaken?.includes('sharedSecret')
				? ''
				: readSharedSecret(context, itemIndex),
		}),
	};
}

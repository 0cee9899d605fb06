/**
 * Send Invitation's policy, once for every service: when to look before inviting, whom to skip,
 * and what a refusal becomes. Each service only states facts through its InvitationSender (who the
 * member is, where they stand, the invite, what a refusal means).
 *
 * - Skip If Connected or Pending unset: look only when the service must look up the member anyway
 *   (free), then skip those connected or pending. On: always look (a lookup, or a paid check). Off:
 *   never skip; a lookup the service needs still happens.
 * - If Already Invited or Connected → Return Status: the service's refusal becomes a status item.
 */
import type { IDataObject } from 'n8n-workflow';
import { memberGiven, statusResult } from '../../../core/services/results';
import type {
	InvitationSender,
	OperationResult,
	SendInvitationInput,
} from '../../../core/services/types';
import { ServiceError } from '../../../core/transport/errors';
import type { ServiceClient } from '../../../core/transport/types';

export async function sendWithPolicy(
	sender: InvitationSender,
	client: ServiceClient,
	input: SendInvitationInput,
	options: IDataObject,
): Promise<OperationResult> {
	const check = input.skipIfConnectedOrPending;
	const looked =
		sender.looksUpFirst(input.profile) || check === true
			? await sender.standing(client, input, options)
			: undefined;
	if (looked && check !== false) {
		if (looked.standing === 'connected')
			return statusResult('skipped_connected', looked.member, 'Already a first-degree connection.');
		if (looked.standing === 'pending_sent')
			return statusResult(
				'skipped_pending',
				looked.member,
				'An invitation to this member is pending.',
			);
	}
	const outcome = await sender.invite(client, input, looked, options).then(
		(result) => ({ result }),
		(error: unknown) => ({ error }),
	);
	if ('result' in outcome) return outcome.result;
	const { error } = outcome;
	const status =
		input.ifAlreadyInvited === 'returnStatus' && error instanceof ServiceError
			? sender.alreadyStatus(error.serviceFailure)
			: undefined;
	if (!status) throw error;
	const member = looked?.member ?? memberGiven(input.profile);
	return statusResult(status, member, (error as ServiceError).serviceFailure.message);
}

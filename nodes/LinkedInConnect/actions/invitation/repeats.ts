/**
 * A member this node run already invited is not sent to again: a sheet or a CRM batch that repeats
 * a row gets `skipped_pending` for the repeat without a request (the service would only refuse it,
 * and LinkedIn counts the attempt). Kept for the run only: nothing is stored between executions.
 */
import type { IDataObject } from 'n8n-workflow';
import { pick, INVITED_MEMBER_FIELDS, statusResult } from '../../../core/services/results';
import { identifierKey, memberKeys } from '../../../core/shared/profileIdentifier';
import type { RunGuard } from '../types';

export function repeatGuard(): RunGuard<'invitation:send'> {
	const invited = new Map<string, IDataObject>();
	return {
		async before(_client, input) {
			// Switched off on purpose: the user wants the service asked every time.
			if (input.skipIfConnectedOrPending === false) return undefined;
			const member = invited.get(`${input.accountId} ${identifierKey(input.profile)}`);
			if (!member) return undefined;
			return statusResult(
				'skipped_pending',
				member,
				'An invitation to this member was sent earlier in this run; nothing was sent again.',
			);
		},
		after(input, result) {
			if (Array.isArray(result) || result.simplified.status !== 'sent') return;
			const member = pick(result.simplified, INVITED_MEMBER_FIELDS);
			for (const key of memberKeys(input.accountId, input.profile, member))
				invited.set(key, member);
		},
	};
}

/**
 * A member this node run already wrote to gets no second message: a sheet or a CRM batch that
 * repeats a row gets `skipped_repeat` without a request (a second identical message is what a
 * member notices). Kept for the run only: nothing is stored between executions.
 */
import type { IDataObject } from 'n8n-workflow';
import { INVITED_MEMBER_FIELDS, pick } from '../../../core/services/results';
import { identifierKey, memberKeys } from '../../../core/shared/profileIdentifier';
import type { RunGuard } from '../types';
import { messageStatusResult } from './policy';

export function messageRepeatGuard(): RunGuard<'message:send'> {
	const written = new Map<string, IDataObject>();
	return {
		async before(_client, input) {
			const member = written.get(`${input.accountId} ${identifierKey(input.profile)}`);
			if (!member) return undefined;
			return messageStatusResult(
				'skipped_repeat',
				member,
				'A message to this member was sent earlier in this run; nothing was sent again.',
			);
		},
		after(input, result) {
			if (Array.isArray(result) || result.simplified.status !== 'sent') return;
			const member = pick(result.simplified, INVITED_MEMBER_FIELDS);
			for (const key of memberKeys(input.accountId, input.profile, member))
				written.set(key, member);
		},
	};
}

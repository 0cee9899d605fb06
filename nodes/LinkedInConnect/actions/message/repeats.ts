/**
 * A member this node already wrote to in this execution gets no second message: a sheet or a CRM
 * batch that repeats a row gets `skipped_repeat` without a request (a second identical message is
 * what a member notices), and so does a row whose message may have gone out (its answer was lost
 * and the check could not tell). Kept per execution and node, so n8n's Retry On Fail, which runs
 * the whole node again in the same execution and worker, does not write to the first rows again.
 * Nothing is kept between executions.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { INVITED_MEMBER_FIELDS, memberGiven, pick } from '../../../core/services/results';
import { ERROR_CODES, errorDetailsOf } from '../../../core/shared/errors';
import { identifierKey, memberKeys } from '../../../core/shared/profileIdentifier';
import type { RunGuard } from '../types';
import { messageStatusResult } from './policy';

interface Written {
	member: IDataObject;
	/** Only that it may have gone out (an uncertain send). */
	uncertain: boolean;
}

/** The members written to, per execution and node; the oldest executions are dropped first. */
const WRITTEN = new Map<string, Map<string, Written>>();
const EXECUTIONS_KEPT = 50;

function writtenIn(context: IExecuteFunctions): Map<string, Written> {
	const run = `${context.getExecutionId()} ${context.getNode().name}`;
	let written = WRITTEN.get(run);
	if (!written) {
		written = new Map();
		WRITTEN.set(run, written);
		for (const oldest of WRITTEN.keys()) {
			if (WRITTEN.size <= EXECUTIONS_KEPT) break;
			WRITTEN.delete(oldest);
		}
	}
	return written;
}

export function messageRepeatGuard(context: IExecuteFunctions): RunGuard<'message:send'> {
	const written = writtenIn(context);
	const remember = (
		input: { accountId: string; profile: Parameters<typeof identifierKey>[0] },
		member: IDataObject,
		uncertain: boolean,
	) => {
		for (const key of memberKeys(input.accountId, input.profile, member))
			written.set(key, { member, uncertain });
	};
	return {
		async before(_client, input) {
			const found = written.get(`${input.accountId} ${identifierKey(input.profile)}`);
			if (!found) return undefined;
			return messageStatusResult(
				'skipped_repeat',
				found.member,
				found.uncertain
					? 'A message to this member earlier in this execution may have gone out (its answer was lost); nothing was sent again. Look at the conversation on LinkedIn.'
					: 'A message to this member was sent earlier in this execution; nothing was sent again.',
			);
		},
		after(input, result) {
			if (Array.isArray(result) || result.simplified.status !== 'sent') return;
			remember(input, pick(result.simplified, INVITED_MEMBER_FIELDS), false);
		},
		failed(input, error) {
			if (errorDetailsOf(error).code === ERROR_CODES.uncertain)
				remember(input, memberGiven(input.profile), true);
		},
	};
}

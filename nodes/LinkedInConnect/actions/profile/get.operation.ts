import type { INodeProperties } from 'n8n-workflow';
import {
	accountIdLocator,
	profileLocator,
	pacedOptions,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import { readAccountId, readProfile } from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

/** Most profiles looked up at once: LinkedIn counts every lookup as a profile view. */
export const MAX_PROFILE_CONCURRENCY = 5;

const options: INodeProperties[] = [
	...pacedOptions(
		{ minSeconds: 30, maxSeconds: 90 },
		'Pause a random time before each profile lookup. LinkedIn allows about 80–100 profile views a day per account (more with Sales Navigator or Recruiter), and flags lookups at a regular rhythm.',
	),
	{
		displayName: 'Profiles at Once',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PROFILE_CONCURRENCY },
		default: 1,
		description: `How many profiles to look up at the same time (1–${MAX_PROFILE_CONCURRENCY}). 1 keeps one LinkedIn account at a human pace; raise it only to enrich a list quickly, well under the daily view limit.`,
	},
];

export const getProfile: OperationDefinition<'profile:get'> = {
	key: 'profile:get',
	resource: 'profile',
	operation: 'get',
	name: 'Get',
	action: 'Get a profile',
	description: "Look up a LinkedIn member's profile (counts as a profile view for the account)",
	properties: [accountIdLocator, profileLocator, simplifyProperty],
	options,
	maxConcurrency: MAX_PROFILE_CONCURRENCY,
	readInput: (context, itemIndex) => ({
		accountId: readAccountId(context, itemIndex),
		profile: readProfile(context, itemIndex),
	}),
};

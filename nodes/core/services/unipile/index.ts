/**
 * Unipile API v1 (https://developer.unipile.com/reference). The customer's DSN is the host; every
 * call carries `X-API-KEY`. Inviting and messaging need the member's provider_id, so a URL or
 * public identifier is resolved with `GET /users/{identifier}` first (for inviting, a Sales
 * Navigator or Recruiter id too). Profile → Search: ./search.ts.
 */
import { UNIPILE_DSN } from '../../shared/baseUrl';
import type { LinkedInService } from '../types';
import { listAccounts } from './accounts';
import { describeFailure } from './errors';
import {
	handleReceived,
	invitationStatus,
	unipileInvitations,
	withdrawInvitation,
} from './invitations';
import { readList, RECEIVED_INVITATIONS, SENT_INVITATIONS } from './lists';
import { getMessages, unipileMessages } from './messages';
import { MESSAGE_OPTIONS, PROFILE_OPTIONS, RELATION_OPTIONS, SEND_OPTIONS } from './options';
import { getMyProfile, getProfile } from './profiles';
import { getRelations } from './relations';
import { unipileSearch } from './search';
import { unipileTrigger } from './webhooks';

export const unipileService: LinkedInService = {
	displayName: 'Unipile',
	credentialType: 'unipileApi',
	summary: 'Your Unipile DSN and access token (API v1)',
	baseUrlField: 'dsn',
	baseUrlRule: UNIPILE_DSN,
	secretFields: ['apiKey'],

	describeFailure,

	notices: {
		'invitation:getStatus':
			"Unipile reads the member's profile to tell: one profile view per item, counted against LinkedIn's daily limit (about 80–100).",
		'message:send':
			"Unipile writes to a member ID (provider_id): a profile URL or public identifier is first looked up, one profile view per member, counted against LinkedIn's daily limit (about 80–100).",
		'message:getMany':
			"Unipile reads conversations by member ID (provider_id): a profile URL or public identifier is first looked up, one profile view per member, counted against LinkedIn's daily limit (about 80–100).",
		'profile:search':
			'Each page is a search made from the LinkedIn account (up to 50 people on Classic, 100 on Sales Navigator). Sales Navigator needs a seat on the account, and its results carry Sales Navigator IDs (ACw…): Send Invitation looks each up once (a profile view) for the Classic ID.',
	},

	listAccounts,

	invitations: unipileInvitations,

	messages: unipileMessages,

	search: unipileSearch,

	trigger: unipileTrigger,

	options: {
		'profile:get': PROFILE_OPTIONS,
		'invitation:send': SEND_OPTIONS,
		'relation:getMany': RELATION_OPTIONS,
		'message:send': MESSAGE_OPTIONS,
	},

	operations: {
		'profile:get': getProfile,

		'invitation:getManySent': async (client, input) =>
			await readList(client, SENT_INVITATIONS, input),

		'invitation:withdraw': async (client, input) => await withdrawInvitation(client, input),

		'invitation:getManyReceived': async (client, input) =>
			await readList(client, RECEIVED_INVITATIONS, input),

		'invitation:accept': async (client, input) => await handleReceived(client, input, 'accept'),

		'invitation:decline': async (client, input) => await handleReceived(client, input, 'decline'),

		'invitation:getStatus': async (client, input) => await invitationStatus(client, input),

		'profile:getMe': getMyProfile,

		'relation:getMany': getRelations,

		'message:getMany': async (client, input) => await getMessages(client, input),
	},
};

/**
 * Unipile API v2 (https://developer.unipile.com/v2.0/): one host, `https://api.unipile.com/v2`, a
 * scoped API key in `X-API-KEY`, the account in the path (`/v2/{account_id}/…`). Inviting and
 * messaging need the member's id, so a URL or public identifier (or, to invite, a Sales Navigator or
 * Recruiter id) is read with the profile route first. Each file
 * here does one job and cites its sources (tags as in the v2 fact sheet: PY, TS, N8N, DOC).
 */
import type { LinkedInService } from '../types';
import { listAccounts } from './accounts';
import { UNIPILE_V2_BASE_URL } from '../../shared/baseUrl';
import { describeFailure } from './errors';
import {
	acceptInvitation,
	declineInvitation,
	invitationStatus,
	unipileV2Invitations,
	withdrawInvitation,
} from './invitations';
import { readList, RECEIVED_INVITATIONS, SENT_INVITATIONS } from './lists';
import { getMessages, unipileV2Messages } from './messages';
import { getMyProfile, getProfile } from './profiles';
import { MESSAGE_OPTIONS, RELATION_OPTIONS } from './options';
import { getRelations } from './relations';
import { unipileV2Search } from './search';
import { unipileV2Trigger } from './webhooks';

export const unipileV2Service: LinkedInService = {
	displayName: 'Unipile v2',
	credentialType: 'unipileV2Api',
	summary: 'Your scoped Unipile API key (API v2, api.unipile.com)',
	baseUrlField: 'baseUrl',
	baseUrlRule: UNIPILE_V2_BASE_URL,
	secretFields: ['apiKey'],

	describeFailure,

	listAccounts,

	invitations: unipileV2Invitations,

	messages: unipileV2Messages,

	// Classic and Sales Navigator, by filters or a pasted URL (search.ts).
	search: unipileV2Search,

	// v2 answers a received invitation by its id alone (PY users_api.py:313-314, 589-590).
	fieldsNotTaken: ['sharedSecret'],

	trigger: unipileV2Trigger,

	options: {
		'relation:getMany': RELATION_OPTIONS,
		'message:send': MESSAGE_OPTIONS,
	},

	notices: {
		'invitation:getStatus':
			"Unipile reads the member's profile to tell: one profile view per item, counted against LinkedIn's daily limit (about 80–100).",
	},

	operations: {
		'profile:get': async (client, input) => await getProfile(client, input),

		'invitation:getManySent': async (client, input) =>
			await readList(client, SENT_INVITATIONS, input),

		'invitation:withdraw': async (client, input) => await withdrawInvitation(client, input),

		'invitation:getManyReceived': async (client, input) =>
			await readList(client, RECEIVED_INVITATIONS, input),

		'invitation:accept': async (client, input) => await acceptInvitation(client, input),

		'invitation:decline': async (client, input) => await declineInvitation(client, input),

		'invitation:getStatus': async (client, input) => await invitationStatus(client, input),

		'profile:getMe': async (client, input) => await getMyProfile(client, input),

		'relation:getMany': async (client, input, options) =>
			await getRelations(client, input, options),

		'message:getMany': async (client, input) => await getMessages(client, input),
	},
};

/**
 * LinkupAPI v2 (https://docs.linkupapi.com/api-reference/v2/introduction): one URL per category
 * with `action` in the body, `x-api-key`, an `account_id` in every call, and the envelope
 * `{success, data | error: {code, message}, metadata: {credits_consumed}}`. It takes profile URLs,
 * so no lookup is needed before inviting or writing; every call spends credits (errors spend none).
 */
import { LINKUP_BASE_URL } from '../../shared/baseUrl';
import type { LinkedInService } from '../types';
import { listAccounts } from './accounts';
import { describeFailure } from './errors';
import {
	answerInvitation,
	invitationStatus,
	linkupInvitations,
	withdrawInvitation,
} from './invitations';
import { readList, RECEIVED_INVITATIONS, SENT_INVITATIONS } from './lists';
import { getMessages, linkupMessages } from './messages';
import { INVITATION_LIST_OPTIONS, invitationListParams } from './options';
import { getMyProfile, getProfile } from './profiles';
import { getRelations } from './relations';
import { linkupSearch, PAGE_SIZE } from './search';
import { linkupTrigger } from './webhooks';

export const linkupService: LinkedInService = {
	displayName: 'LinkupAPI',
	credentialType: 'linkupApi',
	summary: 'Pay per call in credits; takes profile URLs directly',
	baseUrlField: 'baseUrl',
	baseUrlRule: LINKUP_BASE_URL,
	secretFields: ['apiKey'],

	describeFailure,

	trigger: linkupTrigger,

	options: {
		'invitation:getManySent': INVITATION_LIST_OPTIONS,
		'invitation:getManyReceived': INVITATION_LIST_OPTIONS,
	},

	notices: {
		// Costs as each docs page states them (docs.linkupapi.com/api-reference/v2/network/…).
		'invitation:getStatus':
			'LinkupAPI answers this with check_invitation, which costs one credit per item.',
		'invitation:getManySent':
			'LinkupAPI charges 1 credit per 50 results returned: set a Limit unless you need them all.',
		'invitation:getManyReceived':
			'LinkupAPI charges credits for this list (its docs show 1 credit for a page and state no rate per result): set a Limit unless you need them all.',
		'relation:getMany':
			'LinkupAPI charges 1 credit per 50 results returned: set a Limit unless you need them all.',
		'profile:getMe': 'LinkupAPI charges a credit for this call.',
		// docs.linkupapi.com/api-reference/v2/messages/send: "1 credit for text-only messages".
		'message:send':
			'LinkupAPI charges 1 credit per message sent (text only; a failed send costs nothing).',
		// …/v2/messages/get-conversation states no rate per message; its example spends 1 credit, the
		// v1 page 1 per 10 results.
		'message:getMany':
			'LinkupAPI charges credits for each page of the conversation read (its example: 1 credit; its older rate: 1 per 10 messages): set a Limit unless you need them all. Given a member ID, telling who wrote each message may take one profile lookup (1 credit).',
		// …/v2/profiles/search-people: its example charges 2 credits for 2 results; the v1 page
		// (…/linkup/Profile/search) 1 credit per 10 results. Each answer says what it cost.
		'profile:search': `LinkupAPI charges credits for the people each search page returns (its example: 2 credits for 2 people; its older rate: 1 per 10). A page holds up to ${PAGE_SIZE} people; a Limit under ${PAGE_SIZE} without Exclude Connected and Pending asks for just that many. With Simplify off, each person shows its page's cost in metadata.credits_consumed. Company and Location are taken By Name.`,
	},

	listAccounts,

	invitations: linkupInvitations,

	messages: linkupMessages,

	search: linkupSearch,

	operations: {
		'profile:get': getProfile,

		'invitation:getManySent': async (client, input, options) =>
			await readList(client, SENT_INVITATIONS, input, invitationListParams(options)),

		'invitation:withdraw': async (client, input) => await withdrawInvitation(client, input),

		'invitation:getManyReceived': async (client, input, options) =>
			await readList(client, RECEIVED_INVITATIONS, input, invitationListParams(options)),

		'invitation:accept': async (client, input) => await answerInvitation(client, input, 'accept'),

		'invitation:decline': async (client, input) => await answerInvitation(client, input, 'decline'),

		'invitation:getStatus': invitationStatus,

		'profile:getMe': getMyProfile,

		'relation:getMany': getRelations,

		'message:getMany': getMessages,
	},
};

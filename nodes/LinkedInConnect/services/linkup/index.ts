/**
 * LinkupAPI v2 (https://docs.linkupapi.com/api-reference/v2/introduction): one URL per category
 * with `action` in the body, `x-api-key`, an `account_id` in every call, and the envelope
 * `{success, data | error: {code, message}, metadata: {credits_consumed}}`. It takes profile URLs,
 * so no lookup is needed before inviting; every call spends credits (errors spend none).
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKUP_BASE_URL } from '../../shared/baseUrl';
import { lookupMap, lookupRecord } from '../../shared/lookup';
import { identifierKey, profileUrlOf } from '../../shared/profileIdentifier';
import { object, objects, text } from '../../shared/values';
import type { Confirmation, ServiceClient } from '../../transport/types';
import { alreadyStatus, INVITED_MEMBER_FIELDS, memberOf, statusResult } from '../results';
import type {
	InvitationInput,
	LinkedInService,
	OperationResult,
	ReceivedInvitationInput,
	SendInvitationInput,
	SendStatus,
} from '../types';
import { describeFailure } from './errors';
import {
	checkInvitation,
	CONNECTIONS,
	invitationIdOf,
	invitationRefOf,
	invitationStatusOf,
	networkAction,
	readList,
	RECEIVED_INVITATIONS,
	SENT_INVITATIONS,
} from './network';
import { INVITATION_LIST_OPTIONS, invitationListParams } from './options';
import { creditsOf, normaliseProfile } from './profiles';
import { linkupTrigger } from './trigger';

/**
 * After a lost invite answer: is an invitation to this member pending now? Shaped like the invite
 * answer when it is. check_invitation answers for this member directly (1 credit); its
 * `invitation_id` is put in the invite answer's form (see invitationIdOf).
 */
async function findPendingInvitation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
): Promise<Confirmation> {
	const response = await checkInvitation(client, accountId, profileUrl);
	const data = object(response.data);
	if (data.invitation_state !== 'PENDING' || data.invitation_type !== 'SENT') {
		return { outcome: 'not_sent' };
	}
	return {
		outcome: 'sent',
		body: {
			success: true,
			data: { invitation_urn: invitationIdOf(data.invitation_id), profile_url: profileUrl },
			metadata: response.metadata,
		},
	};
}

/** LinkupAPI has no refusal code of its own for "already invited" (see alreadyFromMessage). */
const ALREADY = lookupRecord<SendStatus>({});

/**
 * ASSUMPTION: LinkupAPI refuses an invitation to someone already invited or connected with
 * CHANNEL_ERROR and a message (no code of its own is documented); the wording is matched.
 */
function alreadyFromMessage(failure: { code: string; message: string }): SendStatus | undefined {
	if (failure.code !== 'CHANNEL_ERROR') return undefined;
	if (/already connected/i.test(failure.message)) return 'already_connected';
	if (/already (pending|invited|sent)|invitation to this member is already/i.test(failure.message))
		return 'already_invited';
	return undefined;
}

async function sendInvitation(
	client: ServiceClient,
	input: SendInvitationInput,
): Promise<OperationResult> {
	const profileUrl = profileUrlOf(input.profile);
	const member = memberOf(input.profile);
	// Checking costs a credit, so only when asked to (off unless Skip If Connected or Pending is on).
	if (input.skipIfConnectedOrPending === true) {
		const check = await checkInvitation(client, input.accountId, profileUrl);
		const standing = invitationStatusOf(object(check.data));
		const credits = { ...member, credits_consumed: creditsOf(check) };
		if (standing === 'connected')
			return statusResult('skipped_connected', credits, 'Already a first-degree connection.');
		if (standing === 'pending_sent')
			return statusResult('skipped_pending', credits, 'An invitation to this member is pending.');
	}
	// network/invite (docs.linkupapi.com/api-reference/v2/network/invite): `params.profile_url`
	// (`linkedin_url` an alias, `identifier` instead), optional `message`; 1 credit.
	const params: IDataObject = { profile_url: profileUrl };
	if (input.message) params.message = input.message;
	const outcome = await client
		.writeOnce(
			{
				method: 'POST',
				url: '/v2/network',
				body: { account_id: input.accountId, action: 'invite', params },
			},
			async () => await findPendingInvitation(client, input.accountId, profileUrl),
		)
		.then(
			(written) => ({ written }),
			(error: unknown) => ({ error }),
		);
	if ('error' in outcome) {
		const refusal = alreadyStatus(outcome.error, ALREADY, input, alreadyFromMessage);
		if (refusal) return statusResult(refusal.status, member, refusal.reason);
		throw outcome.error;
	}
	const { body: response, confirmedAfterError } = outcome.written;
	const data = object(response.data);
	const { invitation_urn: invitationUrn, ...profile } = data;
	const simplified: IDataObject = {
		status: 'sent',
		// network/invite answers `invitation_urn: "urn:li:invitation:…"`; outputs keep that form.
		invitation_id: invitationIdOf(invitationUrn),
		...normaliseProfile(profile, creditsOf(response), INVITED_MEMBER_FIELDS),
	};
	if (input.profile.kind === 'providerId') simplified.provider_id ??= input.profile.value;
	simplified.profile_url ??= profileUrl;
	if (confirmedAfterError) simplified.confirmed_after_error = confirmedAfterError;
	return { simplified, raw: { status: 'sent', ...response } };
}

/** withdraw, accept and decline answer with data only; the item says what was done. */
async function invitationAction(
	client: ServiceClient,
	accountId: string,
	action: string,
	params: IDataObject,
	result: IDataObject,
): Promise<OperationResult> {
	const response = await networkAction(client, accountId, action, params, false);
	return { simplified: { ...result, credits_consumed: creditsOf(response) }, raw: response };
}

/**
 * accept (docs.linkupapi.com/api-reference/v2/network/accept): `params: {shared_secret, entity_urn}`,
 * both "obtained from the List Invitations endpoint", whose `entity_urn` is `urn:li:invitation:N`;
 * answers `data: {}`, 1 credit. decline: ASSUMPTION, no page found; sent like accept (a third-party
 * connector's tests do). Either form of the id is taken; the URN is sent.
 */
async function answerInvitation(
	client: ServiceClient,
	input: ReceivedInvitationInput,
	action: 'accept' | 'decline',
): Promise<OperationResult> {
	const invitation = invitationRefOf(input.invitationId);
	return await invitationAction(
		client,
		input.accountId,
		action,
		{ shared_secret: input.sharedSecret, entity_urn: invitation.urn },
		{ invitation_id: invitation.urn, status: action === 'accept' ? 'accepted' : 'declined' },
	);
}

/**
 * withdraw (docs.linkupapi.com/api-reference/v2/network/withdraw): `params: {invitation_id}`, the
 * digits as its example answer shows them (`"invitation_id": "7453486530700017665"`); answers
 * `{withdrawn: true, invitation_id}`, 1 credit. Either form of the id is taken; the digits are sent.
 */
async function withdrawInvitation(
	client: ServiceClient,
	input: InvitationInput,
): Promise<OperationResult> {
	const invitation = invitationRefOf(input.invitationId);
	return await invitationAction(
		client,
		input.accountId,
		'withdraw',
		{ invitation_id: invitation.digits },
		{ invitation_id: invitation.urn, status: 'withdrawn' },
	);
}

/** LinkupAPI's account statuses in words a user acts on (others are shown as they come). */
const ACCOUNT_STATUS = lookupMap({
	connected: 'connected',
	active: 'connected',
	checkpoint_required: 'needs a security check',
	inactive: 'inactive',
});

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
	},

	async listAccounts(client, pageToken) {
		// Free. The list is inside the usual envelope: {success, data: {items, total, limit, offset}}
		// (docs.linkupapi.com/api-reference/v2/accounts/list-accounts; Pipedream's list-accounts.mjs).
		const offset = Number(pageToken) || 0;
		const response = await client.request({
			method: 'GET',
			url: '/v2/accounts',
			qs: { limit: 100, offset },
			idempotent: true,
		});
		const data = object(response.data);
		const items = objects(data.items);
		const accounts = items
			.filter((account) => String(account.platform).toLowerCase() === 'linkedin')
			.map((account) => ({
				id: String(account.account_id),
				name: text(account.account_name) ?? String(account.account_id),
				status:
					ACCOUNT_STATUS.get(String(account.status)) ??
					text(account.status)?.replace(/_/g, ' ') ??
					'status unknown',
			}));
		const total = Number(data.total);
		const next = offset + items.length;
		return {
			accounts,
			nextPageToken:
				items.length && Number.isFinite(total) && next < total ? String(next) : undefined,
		};
	},

	operations: {
		async 'profile:get'(client, input): Promise<OperationResult> {
			// ASSUMPTION: `get` takes `params.profile_url`, as Pipedream's get-profile-info.mjs sends it
			// citing docs.linkupapi.com/api-reference/v2/profiles/get-profile (no stored copy of that page).
			// A read: retried after a failure (failed calls spend no credits), made once per member.
			const { body: response, reused } = await client.lookup({
				method: 'POST',
				url: '/v2/profiles',
				body: {
					account_id: input.accountId,
					action: 'get',
					params: { profile_url: profileUrlOf(input.profile) },
				},
				cacheKey: JSON.stringify([input.accountId, identifierKey(input.profile)]),
			});
			// A row that reused an earlier row's lookup spent nothing.
			const credits = reused ? 0 : creditsOf(response);
			return { simplified: normaliseProfile(object(response.data), credits), raw: response };
		},

		'invitation:send': sendInvitation,

		'invitation:getManySent': async (client, input, options) =>
			await readList(client, SENT_INVITATIONS, input, invitationListParams(options)),

		'invitation:withdraw': async (client, input) => await withdrawInvitation(client, input),

		'invitation:getManyReceived': async (client, input, options) =>
			await readList(client, RECEIVED_INVITATIONS, input, invitationListParams(options)),

		'invitation:accept': async (client, input) => await answerInvitation(client, input, 'accept'),

		'invitation:decline': async (client, input) => await answerInvitation(client, input, 'decline'),

		async 'invitation:getStatus'(client, input): Promise<OperationResult> {
			const profileUrl = profileUrlOf(input.profile);
			const response = await checkInvitation(client, input.accountId, profileUrl);
			const data = object(response.data);
			return {
				simplified: {
					invitation_status: invitationStatusOf(data),
					network_distance: typeof data.member_distance === 'number' ? data.member_distance : null,
					...memberOf(input.profile),
					invitation_id: invitationIdOf(data.invitation_id),
					credits_consumed: creditsOf(response),
				},
				raw: response,
			};
		},

		async 'profile:getMe'(client, input): Promise<OperationResult> {
			const response = await client.request({
				method: 'POST',
				url: '/v2/profiles',
				body: { account_id: input.accountId, action: 'get_me', params: {} },
				idempotent: true,
			});
			return {
				simplified: normaliseProfile(object(response.data), creditsOf(response)),
				raw: response,
			};
		},

		'relation:getMany': async (client, input) => await readList(client, CONNECTIONS, input),
	},
};

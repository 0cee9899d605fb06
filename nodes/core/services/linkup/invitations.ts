/**
 * LinkupAPI invitations (docs.linkupapi.com/api-reference/v2/network/*): send (`invite`, no lookup
 * needed: it takes the profile URL), withdraw, accept, decline, and where a member stands
 * (`check_invitation`, 1 credit), with the one form every output gives an invitation id.
 */
import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../shared/parameters';
import { profileUrlOf } from '../../shared/profileIdentifier';
import { object, text } from '../../shared/values';
import type { Confirmation, ServiceClient } from '../../transport/types';
import { INVITED_MEMBER_FIELDS, memberGiven } from '../results';
import type {
	GetProfileInput,
	InvitationInput,
	InvitationStatus,
	OperationResult,
	InvitationSender,
	ReceivedInvitationInput,
} from '../types';
import { creditsOf, normaliseProfile } from './profiles';
import { NETWORK, networkAction } from './routes';

/**
 * One LinkedIn invitation, written two ways on LinkupAPI's v2 pages:
 * - the URN `urn:li:invitation:N`: network/invite answers it as `invitation_urn`, network/list-sent
 *   and network/list-invitations as each item's `entity_urn`, and network/accept takes it as
 *   `params.entity_urn` ("obtained from the List Invitations endpoint");
 * - the digits `N`: network/withdraw takes `params.invitation_id` and its example answer echoes
 *   `"invitation_id": "7453486530700017665"`.
 * LinkedIn also writes `urn:li:fsd_invitation:N` (the v1 list pages' `entity_urn`); check_invitation's
 * `invitation_id` is null in its only example (ASSUMPTION: digits, as withdraw says it takes that
 * id). Every output of this adapter gives the URN form (see invitationIdOf).
 */
const INVITATION_ID = /^(?:urn:li:(?:fsd_)?invitation:)?(\d+)$/i;
const INVITATION_URN_PREFIX = 'urn:li:invitation:';

/** The invitation's number, from any of its forms; undefined when the value is none of them. */
export function invitationDigitsOf(value: unknown): string | undefined {
	// Ids above 2^53 lose digits as JSON numbers (v1 answers had them): only exact ones are read.
	const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text(value);
	return id ? INVITATION_ID.exec(id)?.[1] : undefined;
}

/**
 * The one form outputs give, whatever answer it came from: `urn:li:invitation:N`, as the invite and
 * both list pages write it (a value of another shape is kept as it came).
 */
export function invitationIdOf(value: unknown): string | undefined {
	const digits = invitationDigitsOf(value);
	return digits ? `${INVITATION_URN_PREFIX}${digits}` : text(value);
}

/** An invitation the user named (either form): what withdraw and accept/decline each take. */
export interface InvitationRef {
	/** For withdraw's `params.invitation_id`. */
	digits: string;
	/** For accept and decline's `params.entity_urn`, and every output's `invitation_id`. */
	urn: string;
}

/** Reads Withdraw, Accept and Decline's Invitation ID; refuses, before any request, what is no id. */
export function invitationRefOf(invitationId: string): InvitationRef {
	const digits = invitationDigitsOf(invitationId);
	if (!digits) {
		const shown = invitationId.length > 60 ? `${invitationId.slice(0, 57)}…` : invitationId;
		throw new InputError(
			`'Invitation ID' must be a LinkedIn invitation ID, digits such as 7332661864792854528 or a URN such as urn:li:invitation:7332661864792854528, but it is ${JSON.stringify(shown)}. Map it from the list's invitation_id. Nothing was sent.`,
		);
	}
	return { digits, urn: `${INVITATION_URN_PREFIX}${digits}` };
}

/** check_invitation's answer as one status (ACCEPTED → connected, PENDING → pending_sent|received). */
export function invitationStatusOf(data: IDataObject): InvitationStatus {
	if (data.invitation_state === 'ACCEPTED' || data.invitation_type === 'CONNECTED')
		return 'connected';
	if (data.invitation_state === 'PENDING')
		return data.invitation_type === 'RECEIVED' ? 'pending_received' : 'pending_sent';
	return 'none';
}

/**
 * check_invitation: where the member stands with the account (1 credit). The page's params schema
 * names `linkedin_url`; its curl example shows `profile_url` (docs.linkupapi.com/api-reference/v2/
 * network/check-invitation). The schema's name is sent, as the v1 page (network/invitation-status)
 * also names it.
 */
export async function checkInvitation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
): Promise<IDataObject> {
	return await networkAction(
		client,
		accountId,
		'check_invitation',
		{ linkedin_url: profileUrl },
		true,
	);
}

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

/**
 * ASSUMPTION: LinkupAPI refuses an invitation to someone already invited or connected with
 * CHANNEL_ERROR and a message (no code of its own is documented); the wording is matched.
 */
function alreadyFromMessage(failure: {
	code: string;
	message: string;
}): 'already_invited' | 'already_connected' | undefined {
	if (failure.code !== 'CHANNEL_ERROR') return undefined;
	if (/already connected/i.test(failure.message)) return 'already_connected';
	if (/already (pending|invited|sent)|invitation to this member is already/i.test(failure.message))
		return 'already_invited';
	return undefined;
}

/** Send Invitation's facts for LinkupAPI; the policy above decides what to do with them. */
export const linkupInvitations: InvitationSender = {
	// It takes profile URLs: nothing to look up, and checking costs a credit (only when asked).
	looksUpFirst: () => false,

	async standing(client, input) {
		const check = await checkInvitation(client, input.accountId, profileUrlOf(input.profile));
		return {
			member: { ...memberGiven(input.profile), credits_consumed: creditsOf(check) },
			standing: invitationStatusOf(object(check.data)),
			raw: check,
		};
	},

	async invite(client, input) {
		const profileUrl = profileUrlOf(input.profile);
		// network/invite (docs.linkupapi.com/api-reference/v2/network/invite): `params.profile_url`
		// (`linkedin_url` an alias, `identifier` instead), optional `message`; 1 credit.
		const params: IDataObject = { profile_url: profileUrl };
		if (input.message) params.message = input.message;
		const { body: response, confirmedAfterError } = await client.writeOnce(
			{
				method: 'POST',
				url: NETWORK,
				body: { account_id: input.accountId, action: 'invite', params },
			},
			async () => await findPendingInvitation(client, input.accountId, profileUrl),
		);
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
	},

	alreadyStatus: alreadyFromMessage,
};

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
export async function answerInvitation(
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
export async function withdrawInvitation(
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

/** Get Status: check_invitation (1 credit). */
export async function invitationStatus(
	client: ServiceClient,
	input: GetProfileInput,
): Promise<OperationResult> {
	const profileUrl = profileUrlOf(input.profile);
	const response = await checkInvitation(client, input.accountId, profileUrl);
	const data = object(response.data);
	return {
		simplified: {
			invitation_status: invitationStatusOf(data),
			network_distance: typeof data.member_distance === 'number' ? data.member_distance : null,
			...memberGiven(input.profile),
			invitation_id: invitationIdOf(data.invitation_id),
			credits_consumed: creditsOf(response),
		},
		raw: response,
	};
}

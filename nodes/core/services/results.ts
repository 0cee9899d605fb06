/** Output items several adapters build the same way. */
import type { IDataObject } from 'n8n-workflow';
import { type ProfileIdentifier, profileUrlOf } from '../shared/profileIdentifier';
import { lookupMap } from '../shared/lookup';
import type { MessageStatus, OperationResult, SendStatus } from './types';

/** A Send item that sent nothing: the status, what is known of the member, and why. */
export function statusResult(
	status: Exclude<SendStatus | MessageStatus, 'sent'>,
	member: IDataObject,
	reason: string,
): OperationResult {
	const item: IDataObject = { status, ...dropUndefined(member), reason };
	return { simplified: item, raw: item };
}

/** What the input says of a member before any answer: the identifier it gave, and its profile URL. */
export function memberGiven(profile: ProfileIdentifier): IDataObject {
	return {
		[profile.kind === 'providerId' ? 'provider_id' : 'public_identifier']: profile.value,
		profile_url: profileUrlOf(profile),
	};
}

export function dropUndefined(source: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
}

const DEGREES = lookupMap({ FIRST_DEGREE: 1, SECOND_DEGREE: 2, THIRD_DEGREE: 3 });

/** Unipile's FIRST_DEGREE… and LinkupAPI's 1, 2, 3 as one number (undefined out of network). */
export function degreeOf(distance: unknown): number | undefined {
	if (typeof distance === 'number') return distance > 0 ? distance : undefined;
	return DEGREES.get(String(distance));
}

/**
 * What Simplify gives of a member, in this order, for every service (each where the service says
 * it). The service's other fields stay in the output with Simplify off.
 */
export const PROFILE_FIELDS = [
	'provider_id',
	'public_identifier',
	'profile_url',
	'full_name',
	'first_name',
	'last_name',
	'headline',
	'location',
	'profile_picture_url',
	'network_distance',
] as const;

/** The member fields of a Send Invitation item (what the invite or its lookup tells). */
export const INVITED_MEMBER_FIELDS = PROFILE_FIELDS.slice(0, 7);

/** `fields` of `source`, in that order, leaving out what the service did not give. */
export function pick(source: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) {
		if (source[field] !== undefined && source[field] !== null) picked[field] = source[field];
	}
	return picked;
}

/** A message as Get Many gives it with Simplify on, for every service, in this order. */
export const MESSAGE_FIELDS = [
	'message_id',
	'chat_id',
	'text',
	'sent_at',
	'from_me',
	'sender_provider_id',
] as const;

/** The trigger's Message Received fields a service fills from a delivery (messagesIn). */
export const RECEIVED_MESSAGE_FIELDS = [
	'provider_id',
	'full_name',
	'profile_url',
	'chat_id',
	'message_id',
	'text',
	'sent_at',
] as const;

/**
 * A person as Profile → Search gives them, for every service, in this order. `provider_id` is the
 * id the service gave (Sales Navigator: its own `ACw…` id, which Send Invitation resolves);
 * `connection_degree` 1 | 2 | 3 | null; `pending_invitation` true | false | null (not said);
 * `source` classic | sales_navigator; `sales_navigator_url` only when there is one.
 */
export const SEARCH_FIELDS = [
	// The member as Get Profile names them, up to location (a search gives no picture here).
	...PROFILE_FIELDS.slice(0, 8),
	'connection_degree',
	'pending_invitation',
	'source',
	'sales_navigator_url',
] as const;

/**
 * LinkupAPI v2 (https://docs.linkupapi.com/api-reference/v2/introduction): one URL per category
 * with `action` in the body, `x-api-key`, an `account_id` in every call, and the envelope
 * `{success, data | error: {code, message}, metadata: {credits_consumed}}`. It takes profile URLs,
 * so no lookup is needed before inviting; every call spends credits (errors spend none).
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKUP_BASE_URL } from '../../shared/baseUrl';
import { identifierKey, profileUrlOf } from '../../shared/profileIdentifier';
import { object, objects, text } from '../../shared/values';
import type { Confirmation, ServiceClient } from '../../transport/types';
import type { LinkedInService, OperationResult } from '../types';
import { describeFailure } from './errors';

/** `urn:li:fsd_profile:ACoAAB…` → `ACoAAB…`, the id Unipile calls provider_id. */
function memberIdOf(urn: unknown): string | undefined {
	const value = text(urn);
	return value?.split(':').pop() || undefined;
}

function creditsOf(response: IDataObject): number | undefined {
	const credits = object(response.metadata).credits_consumed;
	return typeof credits === 'number' ? credits : undefined;
}

/** The same field names as Unipile where the data exists, then whatever else LinkupAPI returned. */
function normaliseProfile(data: IDataObject, credits: number | undefined): IDataObject {
	const { profile_urn: profileUrn, ...rest } = data;
	return {
		provider_id: memberIdOf(profileUrn),
		public_identifier: data.public_identifier,
		first_name: data.first_name,
		last_name: data.last_name,
		headline: data.headline,
		...rest,
		profile_urn: profileUrn,
		credits_consumed: credits,
	};
}

/**
 * Whether an invitation to this member is pending (check_invitation, 1 credit), shaped like the invite
 * answer. Used only when an invite's answer was lost; the service answers for this member directly.
 */
async function findPendingInvitation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
): Promise<Confirmation> {
	const response = await client.request({
		method: 'POST',
		url: '/v2/network',
		body: {
			account_id: accountId,
			action: 'check_invitation',
			params: { profile_url: profileUrl },
		},
		idempotent: true,
	});
	const data = object(response.data);
	if (data.invitation_state !== 'PENDING' || data.invitation_type !== 'SENT') {
		return { outcome: 'not_sent' };
	}
	return {
		outcome: 'sent',
		body: {
			success: true,
			data: { invitation_urn: data.invitation_id, profile_url: profileUrl },
			metadata: response.metadata,
		},
	};
}

export const linkupService: LinkedInService = {
	displayName: 'LinkupAPI',
	credentialType: 'linkupApi',
	summary: 'Pay per call in credits; takes profile URLs directly',
	baseUrlField: 'baseUrl',
	baseUrlRule: LINKUP_BASE_URL,
	secretFields: ['apiKey'],

	describeFailure,

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
				status: text(account.status) ?? 'unknown',
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
			const profileUrl = profileUrlOf(input.profile);
			// A read: retried after a failure (failed calls spend no credits), made once per member.
			const { body: response, reused } = await client.lookup({
				method: 'POST',
				url: '/v2/profiles',
				body: { account_id: input.accountId, action: 'get', params: { profile_url: profileUrl } },
				cacheKey: JSON.stringify([input.accountId, identifierKey(input.profile)]),
			});
			// A row that reused an earlier row's lookup spent nothing.
			const credits = reused ? 0 : creditsOf(response);
			return { simplified: normaliseProfile(object(response.data), credits), raw: response };
		},

		async 'invitation:send'(client, input): Promise<OperationResult> {
			const profileUrl = profileUrlOf(input.profile);
			const params: IDataObject = { profile_url: profileUrl };
			if (input.message) params.message = input.message;
			const { body: response, confirmedAfterError } = await client.writeOnce(
				{
					method: 'POST',
					url: '/v2/network',
					body: { account_id: input.accountId, action: 'invite', params },
				},
				async () => await findPendingInvitation(client, input.accountId, profileUrl),
			);
			const data = object(response.data);
			const { invitation_urn: invitationUrn, ...profile } = data;
			const simplified: IDataObject = {
				invitation_id: invitationUrn,
				...normaliseProfile(profile, creditsOf(response)),
			};
			if (input.profile.kind === 'providerId') simplified.provider_id ??= input.profile.value;
			if (confirmedAfterError) simplified.confirmed_after_error = confirmedAfterError;
			return { simplified, raw: response };
		},
	},
};

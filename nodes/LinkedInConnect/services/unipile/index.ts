/**
 * Unipile API v1 (https://developer.unipile.com/reference). The customer's DSN is the host; every
 * call carries `X-API-KEY`. Inviting needs the member's provider_id, so a URL or public identifier
 * is resolved with `GET /users/{identifier}` first.
 */
import type { IDataObject } from 'n8n-workflow';
import { UNIPILE_DSN } from '../../shared/baseUrl';
import { objects, text } from '../../shared/values';
import type { LinkedInService, OperationResult } from '../types';
import { describeFailure } from './errors';
import { PROFILE_OPTIONS, SEND_OPTIONS } from './options';
import { API, CLASSIC_LOOKUP, findSentInvitation, lookUpProfile, lookupSettings } from './reads';

const PROFILE_SUMMARY_FIELDS = [
	'provider_id',
	'public_identifier',
	'first_name',
	'last_name',
	'headline',
];

function pick(source: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (source[field] !== undefined) picked[field] = source[field];
	return picked;
}

export const unipileService: LinkedInService = {
	displayName: 'Unipile',
	credentialType: 'unipileApi',
	summary: 'Your Unipile DSN and access token (API v1)',
	baseUrlField: 'dsn',
	baseUrlRule: UNIPILE_DSN,
	secretFields: ['apiKey'],

	describeFailure,

	async listAccounts(client, pageToken) {
		const qs: IDataObject = { limit: 100 };
		if (pageToken) qs.cursor = pageToken;
		const response = await client.request({
			method: 'GET',
			url: `${API}/accounts`,
			qs,
			idempotent: true,
		});
		const items = objects(response.items);
		const accounts = items
			.filter((account) => account.type === 'LINKEDIN')
			.map((account) => {
				const sources = objects(account.sources);
				return {
					id: String(account.id),
					name: text(account.name) ?? String(account.id),
					status: text(sources[0]?.status) ?? 'UNKNOWN',
				};
			});
		return { accounts, nextPageToken: text(response.cursor) };
	},

	options: { 'profile:get': PROFILE_OPTIONS, 'invitation:send': SEND_OPTIONS },

	operations: {
		async 'profile:get'(client, input, options): Promise<OperationResult> {
			const profile = await lookUpProfile(
				client,
				input.accountId,
				input.profile,
				lookupSettings(options),
			);
			return { simplified: profile, raw: profile };
		},

		async 'invitation:send'(client, input, options): Promise<OperationResult> {
			let lookup: IDataObject | undefined;
			let providerId = input.profile.value;
			if (input.profile.kind === 'publicIdentifier') {
				lookup = await lookUpProfile(client, input.accountId, input.profile, CLASSIC_LOOKUP);
				const found = text(lookup.provider_id);
				if (!found) {
					throw new Error(
						`Unipile returned the profile "${input.profile.value}" without a provider_id, so no invitation was sent.`,
					);
				}
				providerId = found;
			}
			const body: IDataObject = { provider_id: providerId, account_id: input.accountId };
			if (input.message) body.message = input.message;
			const userEmail = text(options.userEmail);
			if (userEmail) body.user_email = userEmail;
			const { body: sent, confirmedAfterError } = await client.writeOnce(
				{ method: 'POST', url: `${API}/users/invite`, body },
				async (sentAt) => await findSentInvitation(client, input.accountId, providerId, sentAt),
			);
			const simplified: IDataObject = {
				...sent,
				provider_id: providerId,
				...(lookup ? pick(lookup, PROFILE_SUMMARY_FIELDS.slice(1)) : {}),
				...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
			};
			return { simplified, raw: sent };
		},
	},
};

/**
 * Unipile API v1 (https://developer.unipile.com/reference). The customer's DSN is the host; every
 * call carries `X-API-KEY`. Inviting needs the member's provider_id, so a URL or public identifier
 * is resolved with `GET /users/{identifier}` first.
 */
import type { IDataObject } from 'n8n-workflow';
import { UNIPILE_DSN } from '../../shared/baseUrl';
import { lookupMap } from '../../shared/lookup';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
import { fullName, objects, text } from '../../shared/values';
import { pick, PROFILE_FIELDS } from '../results';
import type { LinkedInService, OperationResult } from '../types';
import { describeFailure } from './errors';
import {
	handleReceived,
	invitationStatus,
	memberOf,
	sendInvitation,
	withdrawInvitation,
} from './invitations';
import { readList, RECEIVED_INVITATIONS, RELATIONS, SENT_INVITATIONS } from './lists';
import { PROFILE_OPTIONS, RELATION_OPTIONS, SEND_OPTIONS } from './options';
import { API, lookUpProfile, lookupSettings, sectionFields } from './reads';
import { unipileTrigger } from './trigger';

/** Unipile's source statuses (v1 spec, AccountSourceServiceStatus) in words a user acts on. */
const ACCOUNT_STATUS = lookupMap({
	OK: 'connected',
	CREDENTIALS: 'needs reconnecting',
	PERMISSIONS: 'missing permissions',
	CONNECTING: 'connecting',
	STOPPED: 'stopped',
	ERROR: 'error: see the Unipile dashboard',
});

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
	},

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
					status: ACCOUNT_STATUS.get(String(sources[0]?.status)) ?? 'status unknown',
				};
			});
		return { accounts, nextPageToken: text(response.cursor) };
	},

	trigger: unipileTrigger,

	options: {
		'profile:get': PROFILE_OPTIONS,
		'invitation:send': SEND_OPTIONS,
		'relation:getMany': RELATION_OPTIONS,
	},

	operations: {
		async 'profile:get'(client, input, options): Promise<OperationResult> {
			const settings = lookupSettings(options);
			const profile = await lookUpProfile(client, input.accountId, input.profile, settings);
			// The sections asked for stay in the simplified item: they are why the lookup asked.
			return {
				simplified: { ...memberOf(profile), ...pick(profile, sectionFields(settings.sections)) },
				raw: profile,
			};
		},

		'invitation:send': sendInvitation,

		'invitation:getManySent': async (client, input) =>
			await readList(client, SENT_INVITATIONS, input),

		'invitation:withdraw': async (client, input) => await withdrawInvitation(client, input),

		'invitation:getManyReceived': async (client, input) =>
			await readList(client, RECEIVED_INVITATIONS, input),

		'invitation:accept': async (client, input) => await handleReceived(client, input, 'accept'),

		'invitation:decline': async (client, input) => await handleReceived(client, input, 'decline'),

		'invitation:getStatus': async (client, input) => await invitationStatus(client, input),

		async 'profile:getMe'(client, input): Promise<OperationResult> {
			const me = await client.request({
				method: 'GET',
				url: `${API}/users/me`,
				qs: { account_id: input.accountId },
				idempotent: true,
			});
			const simplified = pick(
				{
					...me,
					profile_url: profileUrlOfSlug(me.public_identifier) ?? me.public_profile_url,
					full_name: fullName(me.first_name, me.last_name),
				},
				PROFILE_FIELDS,
			);
			return { simplified, raw: me };
		},

		'relation:getMany': async (client, input, options) =>
			await readList(
				client,
				RELATIONS,
				input,
				typeof options.nameFilter === 'string' && options.nameFilter.trim()
					? { filter: options.nameFilter.trim() }
					: {},
			),
	},
};

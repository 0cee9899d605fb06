/**
 * LinkupAPI v2 (https://docs.linkupapi.com/api-reference/v2/introduction): one URL per category
 * with `action` in the body, `x-api-key`, an `account_id` in every call, and the envelope
 * `{success, data | error: {code, message}, metadata: {credits_consumed}}`. It takes profile URLs,
 * so no lookup is needed before inviting; every call spends credits (errors spend none).
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKUP_BASE_URL } from '../shared/baseUrl';
import { identifierKey, profileUrlOf } from '../shared/profileIdentifier';
import { retryAfterSeconds } from '../shared/retryAfter';
import { object, objects, text } from '../shared/values';
import type {
	Confirmation,
	ServiceClient,
	ServiceFailure,
	ServiceResponse,
} from '../transport/types';
import type { LinkedInService, OperationResult } from './types';

/** Retries are decided by the transport from the HTTP status (one rule for every service). */
const ADVICE: Record<string, { advice: string }> = {
	INVALID_API_KEY: {
		advice:
			'LinkupAPI rejected the API key: copy it again from the LinkupAPI dashboard into the LinkupAPI credential.',
	},
	INVALID_ACCOUNT: {
		advice: "The account ID doesn't exist or isn't yours: pick the LinkedIn account from the list.",
	},
	ACCOUNT_INACTIVE: {
		advice:
			'The LinkedIn account is inactive or its session expired: reconnect it in the LinkupAPI dashboard, then run again.',
	},
	INVALID_ACTION: {
		advice:
			'LinkupAPI does not support this action: update the node, and report it if it persists.',
	},
	INVALID_PARAMS: {
		advice: 'LinkupAPI refused a parameter: check the profile, the account ID and the message.',
	},
	RATE_LIMITED: {
		advice:
			'LinkupAPI is rate limiting: space the requests out (e.g. a Wait node between items) and try later.',
	},
	INSUFFICIENT_CREDITS: {
		advice:
			'Your LinkupAPI credits are used up: top up in the LinkupAPI dashboard. This failed call cost nothing.',
	},
	INTERNAL_ERROR: { advice: 'LinkupAPI hit a server error: try again later.' },
	// ASSUMPTION: not in LinkupAPI's error-code table; third-party clients report it inside HTTP 200
	// answers with success:false when LinkedIn refuses (restricted profile, already invited…).
	CHANNEL_ERROR: {
		advice:
			'LinkedIn refused the request (e.g. already invited or connected, a restricted profile, a missing premium seat): nothing was done for this person.',
	},
};

const BY_STATUS: Record<number, string> = {
	400: 'LinkupAPI refused the request: check the parameters.',
	402: 'Your LinkupAPI credits are used up: top up in the LinkupAPI dashboard.',
	403: 'LinkupAPI refused access: check the API key and that the account is active.',
	404: 'LinkupAPI found nothing at that address: check the base URL and the account ID.',
	429: 'Rate limited: space the requests out and try later.',
	500: 'LinkupAPI reported a server error: try again later.',
	502: 'LinkupAPI could not be reached through its gateway: try again later.',
	503: 'LinkupAPI is temporarily unavailable: try again later.',
	504: 'LinkupAPI timed out: try again later.',
};

function describeFailure(response: ServiceResponse): ServiceFailure | undefined {
	const body = object(response.body);
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	// LinkupAPI may answer 200 with success:false; the envelope decides, not the status alone.
	if (ok && body.success !== false) return undefined;
	const error = object(body.error);
	const code = text(error.code);
	const shownCode = code ?? `HTTP ${response.statusCode}`;
	const known = code ? ADVICE[code] : undefined;
	const advice =
		known?.advice ??
		BY_STATUS[response.statusCode] ??
		`LinkupAPI answered with HTTP ${response.statusCode}.`;
	return {
		status: response.statusCode,
		code: shownCode,
		message: `LinkupAPI: ${text(error.message) ?? 'request failed'} [${shownCode}]. ${advice}`,
		description: code ? undefined : 'The response was not a LinkupAPI error envelope.',
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

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

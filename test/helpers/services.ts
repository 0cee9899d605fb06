/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * The two services behind the node, described once so that shared scenarios run against both.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import {
	linkupParams,
	LINKUP_KEY,
	UNIPILE_KEY,
	UNIPILE_V2_KEY,
	unipileParams,
	unipileV2Params,
} from './fixtures';

export interface ServiceUnderTest {
	name: string;
	key: string;
	/** Whether Send by URL looks the member up first (a second request per item). */
	looksUpFirst: boolean;
	/** The sandbox account the params use, and the name of the credential's host field. */
	accountId: string;
	hostField: 'DSN' | 'Base URL';
	/** Where its fake answers: a member's profile (services that look up), the invite, the account list. */
	profilePath(slug: string): string;
	invitePath: string;
	accountsPath: string;
	/** The requests that read the sent list (a cap's count, the check after a lost answer). */
	sentListReads(): unknown[];
	fake: FakeUnipile | FakeLinkup | FakeUnipileV2;
	params(resource: string, operation: string, extra?: INodeParameters): INodeParameters;
	credentials(baseUrl: string, apiKey?: string): Record<string, ICredentialDataDecryptedObject>;
	/** The error code a wrong key produces, as the message names it. */
	wrongKeyCode: string;
	/** The error code for inviting someone already invited. */
	alreadyInvitedCode: string;
	/** How many invitations the fake has recorded as sent. */
	sentCount(): number;
	/** Requests that send an invitation (a write). */
	inviteRequests(): unknown[];
	/** Where the fakes answer a profile read, an invite, and the check that follows a lost invite. */
	readFault: { path: string | RegExp; match?: string };
	inviteFault: { path: string | RegExp; match?: string };
	checkFault: { path: string | RegExp; match?: string };
	checkRequests(): unknown[];
	/** A body for a temporary failure with this status, as the service words it. */
	transientBody(status: number): object;
	/** A failure that must not be retried. */
	permanent: { status: number; body: object };
	/** Where the fake answers the request that sends a message (a fault there loses its answer). */
	messageSendFault: { method: 'POST'; path: string | RegExp; match?: string };
}

export function servicesUnderTest(): ServiceUnderTest[] {
	const unipile = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const linkup = new FakeLinkup({ apiKey: LINKUP_KEY });
	return [
		{
			name: 'Unipile',
			looksUpFirst: true,
			accountId: 'acc_ada_sales',
			hostField: 'DSN',
			profilePath: (slug) => `/api/v1/users/${encodeURIComponent(slug)}`,
			invitePath: '/api/v1/users/invite',
			accountsPath: '/api/v1/accounts',
			sentListReads: () => unipile.calls('GET', '/api/v1/users/invite/sent'),
			key: UNIPILE_KEY,
			fake: unipile,
			params: unipileParams,
			credentials: (dsn, apiKey = UNIPILE_KEY) => ({ unipileApi: { dsn, apiKey } }),
			wrongKeyCode: 'errors/missing_credentials',
			alreadyInvitedCode: 'errors/already_invited_recently',
			sentCount: () => unipile.invitations.length,
			inviteRequests: () => unipile.calls('POST', '/api/v1/users/invite'),
			readFault: { path: '/api/v1/users/julien-crepieux' },
			inviteFault: { path: '/api/v1/users/invite' },
			checkFault: { path: '/api/v1/users/invite/sent' },
			checkRequests: () => unipile.calls('GET', '/api/v1/users/invite/sent'),
			transientBody: (status) => {
				const type =
					{
						429: 'too_many_requests',
						500: 'provider_error',
						503: 'network_down',
						504: 'request_timeout',
					}[status] ?? 'unexpected_error';
				return { status, type: `errors/${type}`, title: type.replace(/_/g, ' ') };
			},
			permanent: {
				status: 403,
				body: { status: 403, type: 'errors/account_restricted', title: 'Account restricted' },
			},
			messageSendFault: { method: 'POST', path: /^\/api\/v1\/chats(\/[^/]+\/messages)?$/ },
		},
		{
			name: 'LinkupAPI',
			looksUpFirst: false,
			accountId: 'acc_linkup_ada',
			hostField: 'Base URL',
			profilePath: () => '/v2/profiles',
			invitePath: '/v2/network',
			accountsPath: '/v2/accounts',
			sentListReads: () =>
				linkup.calls('POST', '/v2/network').filter((r) => r.body?.action === 'list_sent'),
			key: LINKUP_KEY,
			fake: linkup,
			params: linkupParams,
			credentials: (baseUrl, apiKey = LINKUP_KEY) => ({ linkupApi: { baseUrl, apiKey } }),
			wrongKeyCode: 'INVALID_API_KEY',
			alreadyInvitedCode: 'CHANNEL_ERROR',
			sentCount: () => linkup.invitations.length,
			inviteRequests: () =>
				linkup.calls('POST', '/v2/network').filter((r) => r.body?.action === 'invite'),
			readFault: { path: '/v2/profiles' },
			inviteFault: { path: '/v2/network', match: '"action":"invite"' },
			checkFault: { path: '/v2/network', match: '"action":"check_invitation"' },
			checkRequests: () =>
				linkup.calls('POST', '/v2/network').filter((r) => r.body?.action === 'check_invitation'),
			transientBody: (status) => {
				const code = { 429: 'RATE_LIMITED', 500: 'INTERNAL_ERROR' }[status];
				return code
					? {
							success: false,
							error: { code, message: `${code} (fault)` },
							metadata: { credits_consumed: 0 },
						}
					: { message: `HTTP ${status} from a gateway` };
			},
			permanent: {
				status: 403,
				body: { success: false, error: { code: 'ACCOUNT_INACTIVE', message: 'inactive' } },
			},
			messageSendFault: { method: 'POST', path: '/v2/messages', match: '"action":"send"' },
		},
	];
}

/**
 * Unipile API v2, described the same way. Not in servicesUnderTest(): many tables there branch
 * `Unipile ? … : LinkupAPI` and would read it as LinkupAPI. Tables that branch on no service run
 * over allServicesUnderTest().
 */
export function unipileV2UnderTest(): ServiceUnderTest {
	const fake = new FakeUnipileV2({ apiKey: UNIPILE_V2_KEY });
	const requests = '/v2/acc_ada_sales/users/me/relation-requests';
	return {
		name: 'Unipile v2',
		looksUpFirst: true,
		accountId: 'acc_ada_sales',
		hostField: 'Base URL',
		profilePath: (slug) => `/v2/acc_ada_sales/users/${encodeURIComponent(slug)}`,
		invitePath: requests,
		accountsPath: '/v2/accounts/',
		sentListReads: () => fake.calls('GET', requests).filter((r) => r.query.type === 'sent'),
		key: UNIPILE_V2_KEY,
		fake,
		params: unipileV2Params,
		credentials: (baseUrl, apiKey = UNIPILE_V2_KEY) => ({ unipileV2Api: { baseUrl, apiKey } }),
		// ASSUMPTION, as the fake answers: Unipile's stored docs name neither type.
		wrongKeyCode: 'api/invalid_auth_format',
		alreadyInvitedCode: 'provider/already_invited_recently',
		sentCount: () => fake.invitations.length,
		inviteRequests: () => fake.calls('POST', requests),
		readFault: { path: '/v2/acc_ada_sales/users/julien-crepieux' },
		inviteFault: { path: requests, match: '"user_id"' },
		checkFault: { path: requests, match: 'type=sent' },
		checkRequests: () => fake.calls('GET', requests).filter((r) => r.query.type === 'sent'),
		transientBody: (status) => {
			const type =
				{
					429: 'api/too_many_requests',
					500: 'api/unexpected_error',
					503: 'api/service_unavailable',
					504: 'provider/network_down',
				}[status] ?? 'api/unexpected_error';
			return { object: 'Error', type, status, title: type, detail: type, req_id: 'req_fault' };
		},
		permanent: {
			status: 403,
			body: {
				object: 'Error',
				type: 'provider/account_restricted',
				status: 403,
				title: 'Account restricted',
				detail: 'LinkedIn restricted the account.',
				req_id: 'req_fault',
			},
		},
		messageSendFault: { method: 'POST', path: /^\/v2\/acc_ada_sales\/.*chats/ },
	};
}

/** Every service behind the node, Unipile v2 included. */
export function allServicesUnderTest(): ServiceUnderTest[] {
	return [...servicesUnderTest(), unipileV2UnderTest()];
}

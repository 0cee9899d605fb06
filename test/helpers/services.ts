/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * The two services behind the node, described once so that shared scenarios run against both.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { linkupParams, LINKUP_KEY, UNIPILE_KEY, unipileParams } from './fixtures';

export interface ServiceUnderTest {
	name: string;
	key: string;
	fake: FakeUnipile | FakeLinkup;
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
}

export function servicesUnderTest(): ServiceUnderTest[] {
	const unipile = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const linkup = new FakeLinkup({ apiKey: LINKUP_KEY });
	return [
		{
			name: 'Unipile',
			key: UNIPILE_KEY,
			fake: unipile,
			params: unipileParams,
			credentials: (dsn, apiKey = UNIPILE_KEY) => ({ unipileApi: { dsn, apiKey } }),
			wrongKeyCode: 'errors/missing_credentials',
			alreadyInvitedCode: 'errors/already_invited_recently',
			sentCount: () => unipile.invitations.length,
			inviteRequests: () => unipile.calls('POST', '/api/v1/users/invite'),
		},
		{
			name: 'LinkupAPI',
			key: LINKUP_KEY,
			fake: linkup,
			params: linkupParams,
			credentials: (baseUrl, apiKey = LINKUP_KEY) => ({ linkupApi: { baseUrl, apiKey } }),
			wrongKeyCode: 'INVALID_API_KEY',
			alreadyInvitedCode: 'CHANNEL_ERROR',
			sentCount: () => linkup.invitations.length,
			inviteRequests: () => linkup.calls('POST', '/v2/network').filter((r) => r.body?.action === 'invite'),
		},
	];
}

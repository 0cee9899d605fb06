import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import {
	baseUrlExpression,
	REDIRECT_STATUSES,
	redirectTestRules,
	UNIPILE_DSN,
} from '../nodes/core/shared/baseUrl';

export class UnipileApi implements ICredentialType {
	name = 'unipileApi';

	displayName = 'Unipile API';

	icon: Icon = {
		light: 'file:../icons/linkedin-connect.svg',
		dark: 'file:../icons/linkedin-connect.dark.svg',
	};

	// No #fragment: n8n appends its own query string after it, which would break the link.
	documentationUrl =
		'https://github.com/linkedin-connect/n8n-nodes-linkedin-connect/blob/main/README.md';

	properties: INodeProperties[] = [
		{
			displayName: 'DSN',
			name: 'dsn',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. api1.unipile.com:13111',
			description:
				'Your Unipile API host and port, shown at the top of the Unipile dashboard (e.g. api1.unipile.com:13111). https:// and a trailing /api/v1 are optional; plain http:// only for a server on this machine (localhost, 127.0.0.1).',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An access token from the Unipile dashboard (Access Tokens → Generate). Sent as the X-API-KEY header.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-KEY': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression('dsn', UNIPILE_DSN),
			url: '/api/v1/accounts',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
			// The API key must only go to the DSN: a redirect is reported, never followed.
			disableFollowRedirect: true,
			// Every other answer reaches the body rules, so a wrong key and a wrong host get their own message.
			ignoreHttpStatusErrors: { ignore: true, except: REDIRECT_STATUSES },
		},
		// n8n's type wants one kind of rule per list; its tester reads each rule by its own type.
		rules: [
			...redirectTestRules(UNIPILE_DSN),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'type',
					value: 'errors/missing_credentials',
					message:
						'Unipile rejected the API key: copy an access token from the Unipile dashboard (Access Tokens)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'object',
					value: undefined,
					message:
						"The DSN answered, but not like Unipile's API (or with a redirect, which is not followed): check it (e.g. api1.unipile.com:13111)",
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}

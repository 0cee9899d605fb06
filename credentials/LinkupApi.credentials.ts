import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import {
	baseUrlExpression,
	LINKUP_BASE_URL,
	REDIRECT_STATUSES,
	redirectTestRules,
} from '../nodes/core/shared/baseUrl';

export class LinkupApi implements ICredentialType {
	name = 'linkupApi';

	displayName = 'LinkupAPI API';

	icon: Icon = {
		light: 'file:../icons/linkedin-connect.svg',
		dark: 'file:../icons/linkedin-connect.dark.svg',
	};

	// No #fragment: n8n appends its own query string after it, which would break the link.
	documentationUrl =
		'https://github.com/linkedin-connect/n8n-nodes-linkedin-connect/blob/main/README.md';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your LinkupAPI key, from the LinkupAPI dashboard (app.linkupapi.com → API keys). Sent as the x-api-key header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.linkupapi.com',
			description:
				'Leave the default unless LinkupAPI gave you another host. Use https:// (plain http:// only for a server on this machine).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression('baseUrl', LINKUP_BASE_URL),
			url: '/v2/accounts',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
			// The API key must only go to the base URL: a redirect is reported, never followed.
			disableFollowRedirect: true,
			// Every other answer reaches the body rules, so a wrong key and a wrong host get their own message.
			ignoreHttpStatusErrors: { ignore: true, except: REDIRECT_STATUSES },
		},
		// n8n's type wants one kind of rule per list; its tester reads each rule by its own type.
		rules: [
			...redirectTestRules(LINKUP_BASE_URL),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 'INVALID_API_KEY',
					message:
						'LinkupAPI rejected the API key (INVALID_API_KEY): copy it again from the LinkupAPI dashboard',
				},
			},
			{
				type: 'responseSuccessBody',
				// Every LinkupAPI answer is an envelope with `success` (accounts sit under data.items).
				properties: {
					key: 'success',
					value: undefined,
					message:
						"The base URL answered, but not like LinkupAPI's (or with a redirect, which is not followed): leave it at https://api.linkupapi.com",
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}

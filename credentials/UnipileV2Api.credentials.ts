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
	UNIPILE_V2_BASE_URL,
	UNIPILE_V2_DEFAULT_BASE_URL,
} from '../nodes/core/shared/baseUrl';

/**
 * Unipile API v2: a scoped API key sent as `X-API-KEY` (DOC developer.unipile.com/v2.0/reference/
 * api-usage; PY unipile/unipile-python@6171191 configuration.py:537-543) to
 * `https://api.unipile.com/v2`. The test lists the key's accounts (`GET /v2/accounts/`, PY
 * accounts_api.py:619-620; N8N unipile/n8n-nodes-unipile@21c72297 tests the key with
 * `GET https://api.unipile.com/v2/accounts`), whose answer is `{object: "Accounts", …}`; errors
 * are `{object: "Error", type, status, …}` (DOC /v2.0/reference/error-responses).
 */
export class UnipileV2Api implements ICredentialType {
	name = 'unipileV2Api';

	displayName = 'Unipile V2 API';

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
				'A scoped Account API key from the Unipile dashboard (API v2). Sent as the X-API-KEY header. The key decides which accounts are visible.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: UNIPILE_V2_DEFAULT_BASE_URL,
			description:
				'Leave the default unless Unipile gave you another host. Use https:// (plain http:// only for a server on this machine).',
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
			baseURL: baseUrlExpression('baseUrl', UNIPILE_V2_BASE_URL),
			// The SDKs' path (with the slash): redirects are not followed, so no other form is relied on.
			url: '/v2/accounts/',
			qs: { limit: '1' },
			headers: { Accept: 'application/json' },
			// The API key must only go to the base URL: a redirect is reported, never followed.
			disableFollowRedirect: true,
			// Every other answer reaches the body rules, so a wrong key and a wrong host get their own message.
			ignoreHttpStatusErrors: { ignore: true, except: REDIRECT_STATUSES },
		},
		// n8n's type wants one kind of rule per list; its tester reads each rule by its own type.
		rules: [
			...redirectTestRules(UNIPILE_V2_BASE_URL),
			{
				type: 'responseSuccessBody',
				// ASSUMPTION: the answer to a wrong key (the docs' table names no other type for it).
				properties: {
					key: 'type',
					value: 'api/invalid_auth_format',
					message:
						'Unipile rejected the API key (api/invalid_auth_format): copy a scoped Account API key from the Unipile dashboard (API v2)',
				},
			},
			{
				type: 'responseSuccessBody',
				// Any other 401 thrown by Unipile itself is about the key too.
				properties: {
					key: 'status',
					value: 401,
					message:
						'Unipile refused the API key (HTTP 401): copy a scoped Account API key from the Unipile dashboard (API v2)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'object',
					value: 'Error',
					message:
						'Unipile answered with an error to listing the accounts: check the API key and the Base URL (https://api.unipile.com/v2)',
				},
			},
			{
				type: 'responseSuccessBody',
				// Every Unipile v2 answer names its `object` ("Accounts" here, "Error" for errors).
				properties: {
					key: 'object',
					value: undefined,
					message:
						"The Base URL answered, but not like Unipile's API v2 (or with a redirect, which is not followed): leave it at https://api.unipile.com/v2",
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}

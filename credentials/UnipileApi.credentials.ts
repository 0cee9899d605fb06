import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlExpression, UNIPILE_DSN } from '../nodes/LinkedInConnect/shared/baseUrl';

export class UnipileApi implements ICredentialType {
	name = 'unipileApi';

	displayName = 'Unipile API';

	icon: Icon = { light: 'file:../icons/linkedin-connect.svg', dark: 'file:../icons/linkedin-connect.dark.svg' };

	documentationUrl = 'https://github.com/linkedin-connect/n8n-nodes-linkedin-connect#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'DSN',
			name: 'dsn',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. api1.unipile.com:13111',
			description:
				'Your Unipile API host and port, shown at the top of the Unipile dashboard (e.g. api1.unipile.com:13111). https:// and a trailing /api/v1 are optional.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An access token from the Unipile dashboard (Access Tokens → Generate). Sent as the X-API-KEY header.',
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
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Unipile rejected the API key: generate a new access token in the Unipile dashboard' },
			},
		],
	};
}

/**
 * One registry of services: a third service ("Acme", defined only in this test) joins the node
 * with an adapter and a credential, touching no shared file. It offers Get Profile only, so its
 * Operation list leaves Send out, and a workflow that still asks Acme to send fails clearly.
 */
import type {
	ICredentialType,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { OPERATIONS, RESOURCES } from '../../nodes/LinkedInConnect/actions/operations';
import { type NodeRegistry, runOperation } from '../../nodes/LinkedInConnect/actions/router';
import { nodeProperties } from '../../nodes/LinkedInConnect/description';
import { credentialsOf } from '../../nodes/core/services/descriptions';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import { accountSearch } from '../../nodes/core/listSearch/searchAccounts';
import { SERVICES } from '../../nodes/core/services';
import type { LinkedInService } from '../../nodes/core/services/types';
import { object, text } from '../../nodes/core/shared/values';
import { FakeAcme } from '../fakes/acme';
import { registerCredentialType, runNode, withNodeType } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

class AcmeApi implements ICredentialType {
	name = 'acmeApi';

	displayName = 'Acme API';

	documentationUrl = 'https://example.com/acme';

	properties: INodeProperties[] = [
		{ displayName: 'Host', name: 'host', type: 'string', default: '' },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { 'x-acme-key': '={{$credentials.apiKey}}' } },
	};
}

const acmeService: LinkedInService = {
	displayName: 'Acme',
	credentialType: 'acmeApi',
	summary: 'A made-up service for this test',
	baseUrlField: 'host',
	baseUrlRule: { field: 'Host', example: 'api.acme.example', apiSuffixes: [] },
	secretFields: ['apiKey'],
	describeFailure: (response) =>
		response.statusCode >= 400
			? {
					status: response.statusCode,
					code: `HTTP ${response.statusCode}`,
					message: `Acme: ${text(object(response.body).error) ?? 'failed'}.`,
				}
			: undefined,
	listAccounts: async () => ({ accounts: [{ id: 'acme-1', name: 'Acme One', status: 'ok' }] }),
	options: {
		'profile:get': [
			{
				displayName: 'Region',
				name: 'acmeRegion',
				type: 'string',
				default: '',
				description: 'Where Acme reads from',
			},
		],
	},
	operations: {
		async 'profile:get'(client, input, options) {
			const body = await client.request({
				method: 'GET',
				url: `/acme/members/${encodeURIComponent(input.profile.value)}`,
				qs: options.acmeRegion ? { region: options.acmeRegion } : undefined,
				idempotent: true,
			});
			const member = object(body.member);
			return {
				simplified: {
					provider_id: member.urn,
					public_identifier: member.slug,
					full_name: member.name,
					region: member.region,
				},
				raw: body,
			};
		},
	},
};

const registry: NodeRegistry = {
	services: [...SERVICES, acmeService],
	resources: RESOURCES,
	operations: OPERATIONS,
};

class WithAcme implements INodeType {
	description: INodeTypeDescription = {
		...new LinkedInConnect().description,
		usableAsTool: true,
		credentials: credentialsOf(registry.services),
		properties: nodeProperties(registry),
	};

	methods = { listSearch: { searchAccounts: accountSearch(registry.services) } };

	async execute(this: IExecuteFunctions) {
		return await runOperation(this, registry);
	}
}

registerCredentialType(new AcmeApi());
const fake = new FakeAcme({ apiKey: 'acme-secret-key' });
const acmeUrl = useFake(fake);
const credentials = () => ({ acmeApi: { host: acmeUrl(), apiKey: 'acme-secret-key' } });
const params = (resource: string, operation: string, extra = {}) => ({
	authentication: 'acmeApi',
	resource,
	operation,
	accountId: rl('id', 'acme-1'),
	...extra,
});

describe('a third service registered from outside the shared code', () => {
	const { description } = new WithAcme();

	it('appears in the Service list and the credentials, the real node is unchanged', () => {
		const service = description.properties.find((p) => p.name === 'authentication');
		expect((service?.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
			'acmeApi',
		]);
		expect(description.credentials?.map((c) => c.name)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
			'acmeApi',
		]);
		expect(new LinkedInConnect().description.credentials?.map((c) => c.name)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
		]);
	});

	it('its Operation lists leave out what it lacks, and say so where it offers nothing', () => {
		const invitation = description.properties.filter(
			(p) =>
				p.displayOptions?.show?.resource?.[0] === 'invitation' &&
				!p.displayOptions?.show?.operation,
		);
		expect(invitation).toEqual([
			expect.objectContaining({
				name: 'operation',
				displayOptions: {
					show: {
						resource: ['invitation'],
						authentication: ['unipileApi', 'linkupApi', 'unipileV2Api'],
					},
				},
			}),
			expect.objectContaining({
				name: 'invitationNotOffered',
				type: 'notice',
				displayName: "Acme offers no Invitation operations: choose another service under 'Service'",
				displayOptions: { show: { resource: ['invitation'], authentication: ['acmeApi'] } },
			}),
			expect.objectContaining({ name: 'operation', type: 'hidden' }),
		]);
		// Acme has Get but not Get My Profile: the profile list splits in two, each for its services.
		const profile = description.properties.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'profile',
		);
		expect(
			profile.map((p) => [
				p.displayOptions?.show?.authentication,
				(p.options as INodePropertyOptions[]).map((o) => o.value),
			]),
		).toEqual([
			[
				['unipileApi', 'linkupApi', 'unipileV2Api'],
				['get', 'getMe', 'search'],
			],
			[['acmeApi'], ['get']],
		]);
	});

	it('its own option is shown only when it is chosen', () => {
		const options = description.properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.resource?.[0] === 'profile',
		);
		expect((options?.options as INodeProperties[]).find((o) => o.name === 'acmeRegion')).toEqual(
			expect.objectContaining({ displayOptions: { show: { '/authentication': ['acmeApi'] } } }),
		);
	});

	it('Get Profile runs through the shared transport with its credential and option', async () => {
		const result = await withNodeType(
			new WithAcme(),
			async () =>
				await runNode({
					parameters: params('profile', 'get', {
						profile: rl('url', JULIEN.url),
						options: { acmeRegion: 'eu' },
					}),
					credentials: credentials(),
				}),
		);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			provider_id: JULIEN.providerId,
			public_identifier: 'julien-crepieux',
			full_name: 'Julien Crepieux',
			region: 'eu',
		});
		expect(fake.requests.map((r) => r.rawUrl)).toEqual(['/acme/members/julien-crepieux?region=eu']);
		expect(fake.requests[0].headers['x-acme-key']).toBe('acme-secret-key');
	});

	it('a workflow that still asks it to send fails with a message naming the service, sending nothing', async () => {
		const result = await withNodeType(
			new WithAcme(),
			async () =>
				await runNode({
					parameters: params('invitation', 'send', { profile: rl('url', JULIEN.url) }),
					credentials: credentials(),
					onError: 'continueRegularOutput',
				}),
		);

		expect(result.error?.message).toBe(
			"Acme does not offer Invitation → Send. Choose Unipile or LinkupAPI or Unipile v2 under 'Service', or pick another operation.",
		);
		expect(fake.requests).toHaveLength(0);
	});
});

/**
 * Invariants over the whole node description and every service adapter, in the spirit of n8n's
 * N8n.structure.test.ts: they hold for operations added later too.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { LinkedInConnect } from '../nodes/LinkedInConnect/LinkedInConnect.node';
import { SERVICES } from '../nodes/LinkedInConnect/services';
import type { ServiceClient, ServiceRequest } from '../nodes/LinkedInConnect/services/types';
import { requestOptions } from '../nodes/LinkedInConnect/shared/descriptions';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../nodes/LinkedInConnect/shared/transport';
import packageJson from '../package.json';

const { description } = new LinkedInConnect();

function walk(properties: INodeProperties[], visit: (property: INodeProperties) => void) {
	for (const property of properties) {
		visit(property);
		for (const option of (property.options ?? []) as Array<
			INodeProperties | INodePropertyOptions
		>) {
			if ('type' in option) walk([option], visit);
			if ('values' in option)
				walk((option as unknown as { values: INodeProperties[] }).values, visit);
		}
	}
}

const operationProperties = description.properties.filter((p) => p.name === 'operation');

describe('node description', () => {
	it('keeps the public interface names (saved workflows depend on them)', () => {
		const names = description.properties.map((p) => p.name);
		expect(description.name).toBe('linkedInConnect');
		expect(description.version).toBe(1);
		for (const name of [
			'authentication',
			'resource',
			'operation',
			'accountId',
			'profile',
			'message',
			'options',
		]) {
			expect(names).toContain(name);
		}
		const optionValues = (name: string) =>
			description.properties
				.filter((p) => p.name === name)
				.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.value));
		expect(optionValues('authentication')).toEqual(
			expect.arrayContaining(['unipileApi', 'linkupApi']),
		);
		expect(optionValues('resource')).toEqual(expect.arrayContaining(['profile', 'invitation']));
		expect(optionValues('operation')).toEqual(expect.arrayContaining(['get', 'send']));
		const modes = (name: string) =>
			description.properties
				.filter((p) => p.name === name)
				.flatMap((p) => p.modes?.map((m) => m.name));
		expect(new Set(modes('accountId'))).toEqual(new Set(['list', 'id']));
		expect(new Set(modes('profile'))).toEqual(new Set(['url', 'publicIdentifier', 'providerId']));
		expect(description.credentials?.map((c) => c.name)).toEqual(['unipileApi', 'linkupApi']);
	});

	it('every operation has an action, a description, and runs through the operation runner', () => {
		for (const property of operationProperties) {
			for (const option of property.options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z][a-z]+ an? [a-z]+/);
				expect(option.description).toBeTruthy();
				expect(option.routing?.send?.paginate).toBe(true);
				expect(typeof option.routing?.operations?.pagination).toBe('function');
			}
		}
	});

	it('every field a user fills has a description, and required ones have a default', () => {
		walk(description.properties, (property) => {
			// Notices are text, collections are containers, resource/operation carry per-option descriptions.
			if (['notice', 'collection'].includes(property.type)) return;
			if (property.name === 'resource' || property.name === 'operation') return;
			expect({ name: property.name, description: property.description }).toEqual({
				name: property.name,
				description: expect.any(String),
			});
			if (property.required) expect(property.default).toBeDefined();
		});
	});

	it('offers usableAsTool, a subtitle and light/dark icons', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.icon).toEqual({
			light: expect.stringMatching(/^file:.*\.svg$/),
			dark: expect.stringMatching(/^file:.*\.dark\.svg$/),
		});
	});

	it('transport defaults shown in the editor match the code', () => {
		const defaults = Object.fromEntries(requestOptions.map((o) => [o.name, o.default]));
		expect(defaults).toEqual({
			maxRetries: DEFAULT_MAX_RETRIES,
			timeout: DEFAULT_TIMEOUT_MS / 1000,
		});
	});

	it('package.json registers the node and both credentials and has no runtime dependencies', () => {
		expect(packageJson.n8n.nodes).toEqual(['dist/nodes/LinkedInConnect/LinkedInConnect.node.js']);
		expect(packageJson.n8n.credentials).toEqual([
			'dist/credentials/UnipileApi.credentials.js',
			'dist/credentials/LinkupApi.credentials.js',
		]);
		expect((packageJson as IDataObject).dependencies).toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});

describe('every service adapter', () => {
	/** A client that records requests and answers like a friendly service. */
	function recordingClient(requests: ServiceRequest[]): ServiceClient {
		const answer = {
			provider_id: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
			items: [],
			cursor: null,
			success: true,
			data: {},
		};
		return {
			async request(request) {
				requests.push(request);
				return answer;
			},
			async writeOnce(request) {
				requests.push({ ...request, idempotent: false });
				return { body: answer };
			},
		};
	}

	const HOSTILE = 'a/b?c#d%2F..';

	it.each(Object.values(SERVICES).map((s) => [s.displayName, s]))(
		'%s encodes every dynamic path segment',
		async (_name, service) => {
			const requests: ServiceRequest[] = [];
			const client = recordingClient(requests);
			const profile = { kind: 'publicIdentifier' as const, value: HOSTILE };
			await service.getProfile(client, {
				accountId: HOSTILE,
				profile,
				sections: [],
				linkedinApi: 'classic',
				notify: false,
			});
			await service.sendInvitation(client, { accountId: HOSTILE, profile });
			await service.listAccounts(client, HOSTILE);

			expect(requests.length).toBeGreaterThan(0);
			for (const request of requests) {
				const decodedSegments = request.url
					.split('/')
					.map((segment) => decodeURIComponent(segment));
				// The hostile value may appear only as one whole, encoded segment; never split or raw.
				expect(request.url).not.toContain('?');
				expect(request.url).not.toContain('#');
				expect(request.url.split('/').some((s) => s === 'b' || s === '..')).toBe(false);
				if (decodedSegments.includes(HOSTILE))
					expect(request.url).toContain(encodeURIComponent(HOSTILE));
			}
		},
	);

	it.each(Object.values(SERVICES).map((s) => [s.displayName, s]))(
		'%s never retries a write',
		async (_name, service) => {
			const requests: ServiceRequest[] = [];
			await service.sendInvitation(recordingClient(requests), {
				accountId: 'acc',
				profile: { kind: 'publicIdentifier', value: 'julien-crepieux' },
			});
			for (const request of requests) expect(request.idempotent).toBe(request.method === 'GET');
		},
	);
});

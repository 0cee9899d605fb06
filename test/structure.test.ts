/**
 * Invariants over the whole node description and every service adapter, in the spirit of n8n's
 * N8n.structure.test.ts: they hold for operations added later too.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { OPERATIONS } from '../nodes/LinkedInConnect/actions/operations';
import { implementationOf } from '../nodes/LinkedInConnect/actions/types';
import { LinkedInConnect } from '../nodes/LinkedInConnect/LinkedInConnect.node';
import { LinkedInConnectTrigger } from '../nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node';
import { SERVICES } from '../nodes/core/services';
import { requestOptions } from '../nodes/core/shared/descriptions';
import { InputError } from '../nodes/core/shared/parameters';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../nodes/core/transport/settings';
import type { Confirmation, ServiceClient, ServiceRequest } from '../nodes/core/transport/types';
import packageJson from '../package.json';
import savedDefaults from './fixtures/defaults-v1.json';
import { readSource, relativeImports, sourceFiles, subfolders } from './helpers/sources';

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
		for (const name of [
			'authentication',
			'resource',
			'operation',
			'accountId',
			'profile',
			'message',
			'text',
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
		expect(optionValues('resource')).toEqual(
			expect.arrayContaining(['profile', 'invitation', 'relation', 'message']),
		);
		// ../shared/interface.md, "Names fixed for the next operations".
		expect(optionValues('operation')).toEqual(
			expect.arrayContaining([
				'get',
				'getMe',
				'send',
				'getManySent',
				'withdraw',
				'getManyReceived',
				'accept',
				'decline',
				'getStatus',
				'getMany',
			]),
		);
		for (const list of ['getManySent', 'getManyReceived', 'getMany']) {
			const fields = description.properties
				.filter((p) => p.displayOptions?.show?.operation?.includes(list))
				.map((p) => p.name);
			expect(fields).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
		const modes = (name: string) =>
			description.properties
				.filter((p) => p.name === name)
				.flatMap((p) => p.modes?.map((m) => m.name));
		expect(new Set(modes('accountId'))).toEqual(new Set(['list', 'id']));
		expect(new Set(modes('profile'))).toEqual(new Set(['url', 'publicIdentifier', 'providerId']));
		// Not "By Name": people typed a member's name there.
		const byPublicId = description.properties
			.find((p) => p.name === 'profile')
			?.modes?.find((m) => m.name === 'publicIdentifier');
		expect(byPublicId?.displayName).toBe('By Public ID');
		expect(description.credentials?.map((c) => c.name)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
		]);
	});

	it('is programmatic: execute() runs the items, no declarative routing is left', () => {
		expect(typeof new LinkedInConnect().execute).toBe('function');
		expect(description.requestDefaults).toBeUndefined();
		walk(description.properties, (property) => {
			expect({ name: property.name, routing: property.routing }).toEqual({
				name: property.name,
				routing: undefined,
			});
		});
		for (const property of operationProperties) {
			for (const option of property.options as INodePropertyOptions[]) {
				expect(option.routing).toBeUndefined();
			}
		}
	});

	it('every operation has an action and a description, and every service offers it', () => {
		for (const property of operationProperties) {
			for (const option of property.options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z][a-z]+ (an? |the |many |my |for )[a-z]+/);
				expect(option.description).toBeTruthy();
			}
		}
		for (const service of SERVICES)
			for (const operation of OPERATIONS)
				expect(implementationOf(operation, service)).toBeDefined();
	});

	it("each service's own options are shown only for the services declaring them, each name one option", () => {
		for (const operation of OPERATIONS) {
			const shared = new Set(operation.options.map((o) => o.name));
			const declared = new Map<string, INodeProperties>();
			for (const service of SERVICES) {
				for (const option of service.options?.[operation.key] ?? []) {
					// Never a shared option's name; two services' option of one name is the same option.
					expect(shared.has(option.name)).toBe(false);
					const earlier = declared.get(option.name);
					if (earlier) expect(option).toEqual(earlier);
					declared.set(option.name, option);
				}
			}
			const collection = description.properties.find(
				(p) =>
					p.name === 'options' &&
					p.displayOptions?.show?.operation?.includes(operation.operation) &&
					p.displayOptions?.show?.resource?.includes(operation.resource),
			);
			expect(collection).toBeDefined();
			for (const name of declared.keys()) {
				const shown = (collection!.options as INodeProperties[]).filter((o) => o.name === name);
				expect(shown).toHaveLength(1);
				expect(shown[0].displayOptions).toEqual({
					show: {
						'/authentication': SERVICES.filter((service) =>
							service.options?.[operation.key]?.some((o) => o.name === name),
						).map((service) => service.credentialType),
					},
				});
			}
		}
	});

	it('items are paced: Delay Between Items on every operation, concurrency only where reads allow it', () => {
		for (const operation of OPERATIONS) {
			const names = operation.options.map((o) => o.name);
			expect(names).toContain('delayBetweenItems');
			expect(names.includes('concurrency')).toBe(operation.maxConcurrency > 1);
		}
		expect(OPERATIONS.find((o) => o.key === 'invitation:send')?.maxConcurrency).toBe(1);
	});

	it("a service's notes on an operation (its cost) show only when that service is chosen", () => {
		for (const service of SERVICES) {
			const notices = description.properties.filter(
				(p) => p.name === `${service.credentialType}Notice`,
			);
			expect(notices).toHaveLength(Object.keys(service.notices ?? {}).length);
			for (const notice of notices) {
				expect(notice.type).toBe('notice');
				expect(notice.displayOptions?.show?.authentication).toEqual([service.credentialType]);
			}
		}
	});

	it('keeps what 0.1.x workflows saved under Settings → Request Options, hidden', () => {
		const legacy = description.properties.find((p) => p.name === 'requestOptions');
		expect(legacy).toMatchObject({ type: 'hidden', default: {} });
	});

	it('every field a user fills has a description, and required ones have a default', () => {
		walk(description.properties, (property) => {
			// Notices are text, collections are containers, resource/operation carry per-option descriptions.
			if (['notice', 'collection', 'hidden'].includes(property.type)) return;
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

	it('package.json registers the nodes and every credential and has no runtime dependencies', () => {
		expect(packageJson.n8n.nodes).toEqual([
			'dist/nodes/LinkedInConnect/LinkedInConnect.node.js',
			'dist/nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node.js',
		]);
		expect(packageJson.n8n.credentials).toEqual([
			'dist/credentials/UnipileApi.credentials.js',
			'dist/credentials/LinkupApi.credentials.js',
			'dist/credentials/UnipileV2Api.credentials.js',
		]);
		expect((packageJson as IDataObject).dependencies).toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});

describe('versions and defaults: a saved node keeps behaving as it did', () => {
	/** `name | key=values …` for a top-level parameter, as test/fixtures/defaults-v1.json lists them. */
	const keyOf = (property: INodeProperties) => {
		const show = Object.entries(property.displayOptions?.show ?? {}).sort(([a], [b]) =>
			a.localeCompare(b),
		);
		if (!show.length) return property.name;
		const values = (list: unknown) =>
			(list as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
		return `${property.name} | ${show.map(([key, list]) => `${key}=${values(list)}`).join(' ')}`;
	};
	const current = new Map(description.properties.map((p) => [keyOf(p), p]));

	it('on n8n versioning: version 1 stays, new nodes get the newest', () => {
		const versions = [description.version].flat();
		expect(versions).toContain(1);
		expect(description.defaultVersion).toBe(Math.max(...versions));
		// A parameter shown only for some versions names versions that exist.
		walk(description.properties, (property) => {
			for (const shown of [property.displayOptions?.show, property.displayOptions?.hide])
				for (const version of shown?.['@version'] ?? []) expect(versions).toContain(version);
		});
	});

	it.each(Object.entries(savedDefaults.defaults))('%s keeps its default', (key, value) => {
		expect(current.get(key)?.default).toEqual(value);
	});

	it('every choice list at the top has its default in the table (a new one adds a row)', () => {
		const choices = description.properties.filter((p) => p.type === 'options').map(keyOf);
		expect(choices.filter((key) => !(key in savedDefaults.defaults))).toEqual([]);
	});
});

describe('trigger node description', () => {
	const trigger = new LinkedInConnectTrigger().description;

	it('keeps the public interface names', () => {
		expect(trigger.name).toBe('linkedInConnectTrigger');
		expect(trigger.displayName).toBe('LinkedIn Connect Trigger');
		// Saved triggers keep version 1, whatever versions are added.
		expect([trigger.version].flat()).toContain(1);
		const names = trigger.properties.map((p) => p.name);
		for (const name of ['authentication', 'accountId', 'events', 'mode'])
			expect(names).toContain(name);
		const events = trigger.properties.find((p) => p.name === 'events');
		expect(events?.type).toBe('multiOptions');
		expect((events?.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'invitationAccepted',
			'messageReceived',
		]);
		expect(trigger.credentials?.map((c) => c.name)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
		]);
	});

	it('every field has a description; every service tells what each mode costs, shown only for it', () => {
		walk(trigger.properties, (property) => {
			if (['notice', 'hidden'].includes(property.type)) return;
			expect({ name: property.name, description: property.description }).toEqual({
				name: property.name,
				description: expect.any(String),
			});
		});
		for (const service of SERVICES) {
			expect(service.trigger).toBeDefined();
			for (const mode of ['Webhook', 'Polling']) {
				const notice = trigger.properties.find(
					(p) => p.name === `${service.credentialType}${mode}Notice`,
				);
				expect(notice?.displayOptions?.show).toEqual({
					authentication: [service.credentialType],
					mode: [mode.toLowerCase()],
				});
			}
		}
	});

	it('serves a webhook only in Webhook mode, answering at once; polls are its other way in', () => {
		expect(trigger.polling).toBe(true);
		expect(trigger.webhooks).toEqual([
			expect.objectContaining({
				name: 'default',
				responseMode: 'onReceived',
				httpMethod: '={{ $parameter["mode"] === "polling" ? "" : "POST" }}',
			}),
		]);
		expect(trigger.inputs).toEqual([]);
	});
});

describe('every service adapter', () => {
	/** A client that records requests and answers like a friendly service. */
	function recordingClient(requests: ServiceRequest[]): ServiceClient {
		const answer = {
			provider_id: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
			// Unipile v2's profile names the member's id `id`.
			id: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
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
			async lookup(request) {
				requests.push({
					method: request.method,
					url: request.url,
					qs: request.qs,
					idempotent: true,
				});
				return { body: answer, reused: false };
			},
			async writeOnce(request, confirm: (sentAt: number) => Promise<Confirmation>) {
				requests.push({ ...request, idempotent: false });
				// As the real client: a check that cannot read its answer is "unknown", not a failure.
				await confirm(Date.now()).catch(() => undefined);
				return { body: answer };
			},
		};
	}

	const HOSTILE = 'a/b?c#d%2F..';

	/** Every field any operation's input has, each set to the hostile value where it is text. */
	const hostileInput = {
		accountId: HOSTILE,
		profile: { kind: 'publicIdentifier' as const, value: HOSTILE },
		invitationId: HOSTILE,
		sharedSecret: HOSTILE,
		ifAlreadyInvited: 'fail' as const,
		skipIfConnectedOrPending: true,
		limit: 1,
	};
	type AnyOperation = (client: ServiceClient, input: unknown, options: object) => Promise<unknown>;

	it.each(Object.values(SERVICES).map((s) => [s.displayName, s]))(
		'%s encodes every dynamic path segment, in every operation',
		async (_name, service) => {
			const requests: ServiceRequest[] = [];
			const client = recordingClient(requests);
			let refused = 0;
			for (const operation of OPERATIONS) {
				const run = implementationOf(operation, service) as AnyOperation | undefined;
				// Refusing the value before any request is as safe as encoding it.
				await run?.(client, hostileInput, {}).catch((error: unknown) => {
					if (!(error instanceof InputError)) throw error;
					refused++;
				});
			}
			await service.listAccounts(client, HOSTILE);
			await service.trigger?.findWebhook(client, HOSTILE);
			await service.trigger?.deleteWebhook(client, HOSTILE);

			// Every operation ran: it sent requests, or refused the value.
			expect(requests.length + refused).toBeGreaterThan(OPERATIONS.length);
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
		'%s never retries a write: invitations, withdrawals, answers to invitations',
		async (_name, service) => {
			for (const key of [
				'invitation:send',
				'invitation:withdraw',
				'invitation:accept',
				'invitation:decline',
			] as const) {
				const requests: ServiceRequest[] = [];
				const run = implementationOf(
					OPERATIONS.find((operation) => operation.key === key)!,
					service,
				) as AnyOperation;
				await run(
					recordingClient(requests),
					{ ...hostileInput, invitationId: '7332661864792854528', skipIfConnectedOrPending: false },
					{},
				);
				const writes = requests.filter((r) => !r.idempotent);
				expect({ key, writes: writes.length }).toEqual({ key, writes: 1 });
				// Reads (a lookup, the check after a lost answer) may be retried; the write never.
				for (const request of requests) expect(request.idempotent).toBe(request !== writes[0]);
			}
		},
	);
});

describe('code layout', () => {
	const CORE = 'nodes/core/';
	const LAYERS = ['shared', 'transport', 'services', 'webhooks', 'listSearch'];
	const layer = (path: string) =>
		path.startsWith(CORE)
			? LAYERS.findIndex((l) => [l, `${l}/`].some((p) => path.slice(CORE.length).startsWith(p)))
			: -1;
	const NODES = ['nodes/LinkedInConnect/', 'nodes/LinkedInConnectTrigger/'];
	const nodeOf = (path: string) => NODES.find((folder) => path.startsWith(folder));

	it('the package core imports downwards only: shared ← transport ← services ← webhooks, listSearch', () => {
		const files = sourceFiles(CORE);
		expect(files.length).toBeGreaterThan(30);
		for (const file of files) {
			const from = layer(file);
			expect({ file, layer: from >= 0 }).toEqual({ file, layer: true });
			for (const target of relativeImports(file)) {
				const to = layer(target);
				expect({ file, target, ok: to >= 0 && to <= from }).toEqual({ file, target, ok: true });
			}
		}
	});

	it("neither node imports the other's files: what both use lives in the core", () => {
		for (const folder of NODES) {
			for (const file of sourceFiles(folder)) {
				for (const target of relativeImports(file)) {
					const other = nodeOf(target);
					expect({ file, target, ok: !other || other === folder }).toEqual({
						file,
						target,
						ok: true,
					});
				}
			}
		}
	});

	it('every service folder has the same files for the same jobs', () => {
		const shape = [
			'accounts.ts',
			'errors.ts',
			'index.ts',
			'invitations.ts',
			'lists.ts',
			'messages.ts',
			'profiles.ts',
			'relations.ts',
			'routes.ts',
			'search.ts',
			'webhooks.ts',
		];
		const folders = subfolders(`${CORE}services`);
		expect(Object.keys(folders).sort()).toEqual(['linkup', 'unipile', 'unipileV2']);
		for (const [folder, files] of Object.entries(folders)) {
			expect({ folder, files: files.filter((f) => f !== 'options.ts') }).toEqual({
				folder,
				files: shape,
			});
		}
	});

	it('shipped code has no inline lint disables (n8n verification ignores them)', () => {
		const shipped = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
		expect(shipped.length).toBeGreaterThan(20);
		for (const file of shipped)
			expect({ file, text: readSource(file) }).not.toMatchObject({
				text: expect.stringContaining('eslint-disable'),
			});
	});
});

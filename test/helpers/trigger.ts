/**
 * Drives the trigger node the way n8n does, through n8n-core's own contexts: HookContext for the
 * webhook methods at activation, WebhookContext for a delivery, PollContext for a poll. One
 * Workflow object per harness, so the node's static data lives on between calls as in n8n.
 */
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LinkedInConnectTrigger } from '../../nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node';
import { createHash } from 'node:crypto';
import { signatureFor as linkupSignature } from '../../nodes/core/services/linkup/webhooks';
import { signatureFor as v2Signature } from '../../nodes/core/services/unipileV2/webhooks';
import { makeAdditionalData } from './engine';
import { rl } from './fixtures';
import type { ServiceUnderTest } from './services';

/** n8n's webhook base, as it builds it from its host and the `webhook` endpoint. */
export const WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';
export const WEBHOOK_ID = '2b5f6c8e-1d4a-4c9b-8e7f-0a1b2c3d4e5f';
export const WEBHOOK_URL = `${WEBHOOK_BASE}/${WEBHOOK_ID}/linkedin-connect`;
export const WEBHOOK_TEST_BASE = 'http://127.0.0.1:5678/webhook-test';

export interface HarnessOptions {
	typeVersion?: number;
	/** n8n's webhook base (WEBHOOK_URL changed: another one). */
	webhookBase?: string;
	/** The workflow's static data as n8n kept it (a restart: the same data, a new Workflow). */
	staticData?: IDataObject;
	/** Another trigger node of the same workflow: its own id and webhook path. */
	nodeId?: string;
	webhookId?: string;
}

const nodeType = new LinkedInConnectTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
};

export interface Answer {
	status: number;
	body: unknown;
}

/**
 * Whether n8n 2.8 reads the body before the node runs (webhook-helpers' parseRequestBody): always
 * for a node at version 1 of its type, else only for the content types it knows.
 */
function readByN8n(typeVersion: number, contentType: string | undefined): boolean {
	if (typeVersion === 1) return true;
	const type = contentType?.toLowerCase() ?? '';
	return ['application/json', 'text/plain', 'application/x-www-form-urlencoded'].some((known) =>
		type.startsWith(known),
	);
}

/** What n8n's parseBody makes of a body (packages/cli/src/middlewares/body-parser.ts). */
function parsedByN8n(contentType: string | undefined, raw: Buffer): unknown {
	const type = contentType?.split(';')[0].trim().toLowerCase();
	if (!raw.length) return undefined;
	if (type === 'application/json') return JSON.parse(raw.toString('utf8'));
	if (type === 'application/x-www-form-urlencoded')
		return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	if (type === 'text/plain') return raw.toString('utf8');
	return undefined;
}

export class TriggerHarness {
	readonly workflow: Workflow;

	readonly node: INode;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	/** Lines the node logged at warn level. */
	readonly warnings: string[] = [];

	constructor(
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		{
			typeVersion = 1.1,
			webhookBase = WEBHOOK_BASE,
			staticData,
			nodeId = 'trigger-under-test',
			webhookId = WEBHOOK_ID,
		}: HarnessOptions = {},
	) {
		this.node = {
			id: nodeId,
			name: nodeId === 'trigger-under-test' ? 'LinkedIn Connect Trigger' : `Trigger ${nodeId}`,
			type: 'n8n-nodes-linkedin-connect.linkedInConnectTrigger',
			typeVersion,
			position: [0, 0],
			webhookId,
			parameters,
			credentials: Object.fromEntries(
				Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
			),
		};
		this.workflow = new Workflow({
			id: 'wf-trigger',
			nodes: [this.node],
			connections: {},
			nodeTypes,
			active: true,
			staticData: staticData && JSON.parse(JSON.stringify(staticData)),
		});
		this.additionalData = {
			...makeAdditionalData(credentials),
			webhookBaseUrl: webhookBase,
			webhookTestBaseUrl: WEBHOOK_TEST_BASE,
		} as IWorkflowExecuteAdditionalData;
	}

	/** The node's static data, as n8n keeps it with the workflow. */
	get state(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** The whole static data of the workflow, as n8n would save it. */
	get staticData(): IDataObject {
		return this.workflow.staticData as IDataObject;
	}

	private webhookData(isTest = false): IWebhookData {
		return {
			isTest,
			httpMethod: 'POST',
			node: this.node.name,
			path: `${WEBHOOK_ID}/linkedin-connect`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: 'wf-trigger',
			workflowExecuteAdditionalData: this.additionalData,
		} as IWebhookData;
	}

	/** What n8n does on activation: checkExists, then create when it said no. */
	async activate(mode: WorkflowExecuteMode = 'trigger'): Promise<void> {
		if (!(await this.hook('checkExists', mode))) await this.hook('create', mode);
	}

	/** `manual`: the editor's "Listen for test event"; `trigger`: an active workflow. */
	async hook(
		method: 'checkExists' | 'create' | 'delete',
		mode: WorkflowExecuteMode = 'trigger',
	): Promise<boolean> {
		const context = new HookContext(
			this.workflow,
			this.node,
			this.additionalData,
			mode,
			'activate',
			this.webhookData(mode === 'manual'),
		);
		this.watchWarnings(context);
		return await nodeType.webhookMethods.default[method].call(context);
	}

	/** Replaces the context's logger (before n8n's memoised one is read) to record warnings. */
	private watchWarnings(context: object) {
		const quiet = () => undefined;
		Object.defineProperty(context, 'logger', {
			value: {
				warn: (message: string) => this.warnings.push(message),
				error: quiet,
				info: quiet,
				debug: quiet,
			},
		});
	}

	/**
	 * A delivery as n8n hands it to the node: `rawBody` as sent (default: `body` as JSON), `body`
	 * parsed only for the content types n8n's body parser knows (none: no parsed body at all).
	 */
	async deliver(
		body: IDataObject | undefined,
		headers: Record<string, string> = {},
		rawBody?: string | Buffer,
		{
			mode = 'webhook',
			withoutRawBody = false,
		}: { mode?: WorkflowExecuteMode; withoutRawBody?: boolean } = {},
	) {
		let answer: Answer | undefined;
		const response = {
			status(status: number) {
				return {
					json(payload: unknown) {
						answer = { status, body: payload };
					},
				};
			},
		};
		const bytes = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody ?? JSON.stringify(body));
		const lowered = Object.fromEntries(
			Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
		);
		const read = readByN8n(this.node.typeVersion, lowered['content-type']);
		const data = {
			...this.additionalData,
			httpRequest: {
				body: withoutRawBody
					? body
					: read
						? parsedByN8n(lowered['content-type'], bytes)
						: undefined,
				headers: lowered,
				rawBody: withoutRawBody || !read ? undefined : bytes,
				// n8n's rawBodyReader leaves this on every request.
				async readRawBody(this: { rawBody?: Buffer }) {
					if (!withoutRawBody) this.rawBody ??= bytes;
				},
				params: {},
				query: {},
			},
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			data,
			mode,
			this.webhookData(mode === 'manual'),
			[],
			null,
		);
		this.watchWarnings(context);
		const result = await nodeType.webhook.call(context);
		return { result, answer };
	}

	async poll(mode: WorkflowExecuteMode = 'trigger') {
		const context = new PollContext(
			this.workflow,
			this.node,
			this.additionalData,
			mode,
			'activate',
		);
		return await nodeType.poll.call(context);
	}
}

/** The trigger's side of each service under test: its accounts and how its fake shows a webhook. */
export interface TriggerService {
	account: string;
	otherAccount: string;
	/** The id the fake gave a webhook it holds. */
	idOf(webhook: IDataObject): string;
	/** Headers that prove `raw` as the service proves its deliveries (a secret header or a signature). */
	prove(secret: string, raw: string | Buffer, at?: number): Record<string, string>;
	parameters(extra?: INodeParameters): INodeParameters;
}

export function triggerSide(service: ServiceUnderTest): TriggerService {
	const linkup = service.name === 'LinkupAPI';
	const account = service.accountId;
	return {
		account,
		otherAccount: linkup ? 'acc_linkup_grace' : 'acc_grace_recruiting',
		idOf: (webhook) => String(webhook[linkup ? 'webhook_id' : 'id']),
		prove(secret, raw, at = Math.floor(Date.now() / 1000)): Record<string, string> {
			if (service.name === 'Unipile') return { 'X-LinkedIn-Connect-Secret': secret };
			if (linkup)
				return {
					'X-Linkup-Timestamp': String(at),
					'X-Linkup-Signature': linkupSignature(secret, String(at), raw),
				};
			// One event, one id: the same bytes proved twice are the same delivery.
			const id = `evt_${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
			return {
				'webhook-id': id,
				'webhook-timestamp': String(at),
				'webhook-signature': `v1,${v2Signature(secret, id, String(at), raw)}`,
			};
		},
		parameters: (extra = {}) => ({
			authentication: service.params('x', 'y').authentication,
			accountId: rl('id', account),
			events: ['invitationAccepted'],
			mode: 'webhook',
			...extra,
		}),
	};
}

/** A webhook the node recorded for a slot (the first, or the one at `index`). */
export function recordIn(
	h: TriggerHarness,
	slot: 'production' | 'test' = 'production',
	index = 0,
): IDataObject {
	const kept = (h.state.webhooks as IDataObject | undefined)?.[slot];
	const records = (Array.isArray(kept) ? kept : kept ? [kept] : []) as IDataObject[];
	return records[index] ?? {};
}

/** Every webhook the node recorded for a slot. */
export function recordsIn(
	h: TriggerHarness,
	slot: 'production' | 'test' = 'production',
): IDataObject[] {
	const kept = (h.state.webhooks as IDataObject | undefined)?.[slot];
	return (Array.isArray(kept) ? kept : kept ? [kept] : []) as IDataObject[];
}

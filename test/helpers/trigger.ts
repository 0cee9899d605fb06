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
import { makeAdditionalData } from './engine';

/** n8n's webhook base, as it builds it from its host and the `webhook` endpoint. */
export const WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';
export const WEBHOOK_ID = '2b5f6c8e-1d4a-4c9b-8e7f-0a1b2c3d4e5f';
export const WEBHOOK_URL = `${WEBHOOK_BASE}/${WEBHOOK_ID}/linkedin-connect`;

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

export class TriggerHarness {
	readonly workflow: Workflow;

	readonly node: INode;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	constructor(
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		this.node = {
			id: 'trigger-under-test',
			name: 'LinkedIn Connect Trigger',
			type: 'n8n-nodes-linkedin-connect.linkedInConnectTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
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
		});
		this.additionalData = {
			...makeAdditionalData(credentials),
			webhookBaseUrl: WEBHOOK_BASE,
		} as IWorkflowExecuteAdditionalData;
	}

	/** The node's static data, as n8n keeps it with the workflow. */
	get state(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private webhookData(): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${WEBHOOK_ID}/linkedin-connect`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: 'wf-trigger',
			workflowExecuteAdditionalData: this.additionalData,
		} as IWebhookData;
	}

	/** What n8n does on activation: checkExists, then create when it said no. */
	async activate(): Promise<void> {
		if (!(await this.hook('checkExists'))) await this.hook('create');
	}

	async hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const context = new HookContext(
			this.workflow,
			this.node,
			this.additionalData,
			'trigger',
			'activate',
			this.webhookData(),
		);
		return await nodeType.webhookMethods.default[method].call(context);
	}

	/** A delivery to the webhook URL: what the node answers and what it would start. */
	async deliver(body: IDataObject, headers: Record<string, string> = {}, rawBody?: string) {
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
		const text = rawBody ?? JSON.stringify(body);
		const lowered = Object.fromEntries(
			Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
		);
		const data = {
			...this.additionalData,
			httpRequest: { body, headers: lowered, rawBody: Buffer.from(text), params: {}, query: {} },
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			data,
			'webhook',
			this.webhookData(),
			[],
			null,
		);
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

import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { credentialsOf } from '../LinkedInConnect/description';
import { accountSearch } from '../LinkedInConnect/listSearch/searchAccounts';
import { endpointOf, SERVICES, serviceFor } from '../LinkedInConnect/services';
import type { LinkedInService, TriggerAdapter } from '../LinkedInConnect/services/types';
import { toNodeError } from '../LinkedInConnect/shared/errors';
import { accountIdFrom } from '../LinkedInConnect/shared/parameters';
import {
	createServiceClient,
	openConnection,
	type RequestContext,
} from '../LinkedInConnect/transport/client';
import { DEFAULT_TRANSPORT } from '../LinkedInConnect/transport/settings';
import type { ServiceClient } from '../LinkedInConnect/transport/types';
import { acceptanceItem, memberKey } from './acceptances';
import { POLL_WINDOW, type TriggerMode, triggerProperties } from './description';

/** What the node keeps in the workflow's static data (n8n stores it with the workflow, for every worker). */
interface TriggerState extends IDataObject {
	/** The registered webhook: its service, account, URL, id and the secret that proves deliveries. */
	service?: string;
	accountId?: string;
	url?: string;
	webhookId?: string;
	secret?: string;
	/** Polling: the account polled and the newest connections already seen. */
	polledAccount?: string;
	seen?: string[];
}

/** Connections remembered as seen: the poll window and then some, so a removed one is not re-announced. */
const SEEN_KEPT = POLL_WINDOW * 4;

type TriggerContext = IHookFunctions | IWebhookFunctions | IPollFunctions;

function setup(context: TriggerContext): {
	service: LinkedInService;
	trigger: TriggerAdapter;
	accountId: string;
	state: TriggerState;
} {
	const service = serviceFor(SERVICES, context.getNodeParameter('authentication', 'unipileApi'));
	const { trigger } = service;
	if (!trigger) {
		throw new NodeOperationError(
			context.getNode(),
			`${service.displayName} offers no Invitation Accepted events. Choose another service under 'Service'.`,
		);
	}
	const accountId = accountIdFrom(
		context.getNodeParameter('accountId', undefined, { extractValue: false }),
	);
	return {
		service,
		trigger,
		accountId,
		state: context.getWorkflowStaticData('node') as TriggerState,
	};
}

async function clientFor(
	context: RequestContext,
	service: LinkedInService,
): Promise<ServiceClient> {
	return createServiceClient(
		context,
		await openConnection(context, endpointOf(service), DEFAULT_TRANSPORT),
	);
}

function forget(state: TriggerState) {
	for (const key of ['service', 'accountId', 'url', 'webhookId', 'secret'] as const)
		delete state[key];
}

/**
 * Starts a workflow when a LinkedIn invitation sent from the account is accepted, through the same
 * services as LinkedIn Connect. Webhook mode registers one webhook per active workflow (checked,
 * recreated if the service lost it, removed on deactivation) and refuses deliveries that do not
 * prove they come from it; Polling mode reads the newest connections and emits the new ones.
 */
export class LinkedInConnectTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkedIn Connect Trigger',
		name: 'linkedInConnectTrigger',
		icon: {
			light: 'file:../../icons/linkedin-connect.svg',
			dark: 'file:../../icons/linkedin-connect.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "invitation accepted (" + $parameter["mode"] + ")" }}',
		description:
			'Starts the workflow when a LinkedIn invitation is accepted, via Unipile or LinkupAPI',
		defaults: { name: 'LinkedIn Connect Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsOf(SERVICES),
		// Both ways in one node: n8n polls (Poll Times) and, in Webhook mode only, serves the webhook.
		polling: true,
		webhooks: [
			{
				name: 'default',
				// No method in Polling mode: n8n then registers no webhook at all.
				httpMethod: '={{ $parameter["mode"] === "polling" ? "" : "POST" }}',
				responseMode: 'onReceived',
				path: 'linkedin-connect',
			},
		],
		properties: triggerProperties(SERVICES),
	};

	methods = {
		listSearch: { searchAccounts: accountSearch(SERVICES) },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { service, trigger, accountId, state } = setup(this);
				const url = this.getNodeWebhookUrl('default');
				if (
					!url ||
					!state.webhookId ||
					state.service !== service.credentialType ||
					state.accountId !== accountId ||
					state.url !== url
				) {
					return false;
				}
				const exists = await trigger.webhookExists(await clientFor(this, service), {
					webhookId: state.webhookId,
					url,
				});
				// The service lost it (or it was removed by hand): n8n creates it again.
				if (!exists) forget(state);
				return exists;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const { service, trigger, accountId, state } = setup(this);
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no webhook URL.');
				const registered = await trigger.createWebhook(await clientFor(this, service), {
					accountId,
					url,
					name: `n8n LinkedIn Connect Trigger (workflow ${this.getWorkflow().id ?? 'unsaved'})`,
				});
				Object.assign(state, {
					service: service.credentialType,
					accountId,
					url,
					webhookId: registered.webhookId,
					secret: registered.secret,
				});
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.webhookId || !state.service) return true;
				const service = serviceFor(SERVICES, state.service);
				await service.trigger?.deleteWebhook(await clientFor(this, service), state.webhookId);
				forget(state);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { trigger, accountId, state } = setup(this);
		const request = this.getRequestObject() as { rawBody?: Buffer };
		const body = this.getBodyData();
		const refusal = state.secret
			? trigger.rejectDelivery(
					{
						headers: this.getHeaderData(),
						rawBody: request.rawBody?.toString('utf8') ?? JSON.stringify(body),
						body,
					},
					state.secret,
					Date.now(),
				)
			: 'no webhook of this workflow is registered';
		if (refusal) {
			// Nothing starts; the caller learns why, without any detail of the secret.
			this.getResponseObject()
				.status(401)
				.json({ error: `Refused: ${refusal}.` });
			return { noWebhookResponse: true };
		}
		const acceptances = trigger.acceptancesIn(body, accountId);
		if (!acceptances.length) return { webhookResponse: { received: true, started: false } };
		return {
			workflowData: [acceptances.map((member) => acceptanceItem(member, accountId, body))],
		};
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const mode = this.getNodeParameter('mode', 'webhook') as TriggerMode;
		const testing = this.getMode() === 'manual';
		// In Webhook mode the service calls n8n; the scheduled poll then does nothing at all.
		if (mode !== 'polling' && !testing) return null;
		const { service, accountId, state } = setup(this);
		const list = service.operations['relation:getMany'];
		if (!list) {
			throw new NodeOperationError(
				this.getNode(),
				`${service.displayName} cannot list connections, so Polling mode cannot work with it. Use Webhook mode.`,
			);
		}
		let connections;
		try {
			connections = await list(
				await clientFor(this, service),
				{ accountId, limit: POLL_WINDOW },
				{},
			);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		const members = connections.map((connection) => connection.simplified);
		// Testing in the editor: the newest connection, as a sample of what the node emits.
		if (testing) {
			return members.length ? [[acceptanceItem(members[0], accountId, connections[0].raw)]] : null;
		}
		const keys = members.map(memberKey);
		if (!state.seen || state.polledAccount !== accountId) {
			// The first poll records who is connected now; only later ones announce anyone.
			state.seen = keys.slice(0, SEEN_KEPT);
			state.polledAccount = accountId;
			return null;
		}
		const seen = new Set(state.seen);
		const fresh = connections.filter((_, index) => !seen.has(keys[index]));
		state.seen = [...new Set([...keys, ...state.seen])].slice(0, SEEN_KEPT);
		if (!fresh.length) return null;
		// Oldest first, as they happened (lists come newest first).
		return [fresh.reverse().map((one) => acceptanceItem(one.simplified, accountId, one.raw))];
	}
}

import { createHash } from 'node:crypto';
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
import { credentialsOf } from '../core/services/descriptions';
import { accountSearch } from '../core/listSearch/searchAccounts';
import { SERVICES, serviceFor } from '../core/services';
import type { LinkedInService, TriggerAdapter, TriggerEvent } from '../core/services/types';
import { toNodeError } from '../core/shared/errors';
import { accountIdFrom } from '../core/shared/parameters';
import { acceptanceItem, memberKey, messageItem } from './items';
import { clientFor } from '../core/services/client';
import { readDelivery } from '../core/webhooks/delivery';
import {
	POLL_CATCH_UP_MAX,
	POLL_WINDOW,
	readEveryMinutes,
	type TriggerMode,
	triggerProperties,
} from './description';
import {
	type DesiredWebhooks,
	recordsOf,
	registerWebhooks,
	slotOf,
	specsFor,
	unregisterWebhooks,
	webhookIsInPlace,
	webhookName,
} from '../core/webhooks/reconciler';

/** What the node keeps in the workflow's static data (n8n stores it with the workflow, for every worker). */
interface TriggerState extends IDataObject {
	/** Deliveries that started the workflow (hashed keys, newest first): a repeat starts nothing. */
	delivered?: string[];
	/** Polling: the account polled, the newest connections already seen, when the service was last read. */
	polledAccount?: string;
	seen?: string[];
	polledAt?: number;
}

/** Connections remembered as seen: the poll window and then some, so a removed one is not re-announced. */
const SEEN_KEPT = POLL_WINDOW * 4;

/** Deliveries remembered: a retry comes within minutes, a replay at any time; the oldest go first. */
export const DELIVERIES_KEPT = 1000;

type TriggerContext = IHookFunctions | IWebhookFunctions | IPollFunctions;

function stateOf(context: TriggerContext): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

const TRIGGER_EVENTS: readonly TriggerEvent[] = ['invitationAccepted', 'messageReceived'];

function eventsOf(context: TriggerContext): TriggerEvent[] {
	const events = context.getNodeParameter('events', ['invitationAccepted']);
	return TRIGGER_EVENTS.filter((event) =>
		(Array.isArray(events) ? events : [events]).includes(event),
	);
}

function setup(context: TriggerContext): {
	service: LinkedInService;
	trigger: TriggerAdapter;
	accountId: string;
} {
	let service: LinkedInService;
	let accountId: string;
	try {
		service = serviceFor(SERVICES, context.getNodeParameter('authentication', 'unipileApi'));
		accountId = accountIdFrom(
			context.getNodeParameter('accountId', undefined, { extractValue: false }),
		);
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
	const { trigger } = service;
	if (!trigger) {
		throw new NodeOperationError(
			context.getNode(),
			`${service.displayName} offers no trigger events. Choose another service under 'Service'.`,
		);
	}
	return { service, trigger, accountId };
}

/** The webhooks this node wants at the service now. */
function desiredWebhooks(context: IHookFunctions): DesiredWebhooks {
	const { service, trigger, accountId } = setup(context);
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL.');
	const events = eventsOf(context);
	if (!events.length) {
		throw new NodeOperationError(
			context.getNode(),
			"'Events' is empty: choose what starts the workflow (e.g. Invitation Accepted).",
		);
	}
	const slot = slotOf(context);
	const name = webhookName(context.getWorkflow().id, context.getNode().id, slot);
	return { service, trigger, slot, specs: specsFor(trigger, { accountId, url, name }, events) };
}

/** A short, fixed-length form of a delivery key, for the static data. */
function hashed(key: string): string {
	return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * 200 with a JSON body, starting nothing. Written here rather than returned as `webhookResponse`:
 * n8n 2.41 answers such a return with its own text instead of the body.
 */
function answer(context: IWebhookFunctions, body: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(200).json(body);
	return { noWebhookResponse: true };
}

function refuse(context: IWebhookFunctions, status: 400 | 401, reason: string) {
	context.logger.warn(`LinkedIn Connect Trigger refused a delivery (${status}): ${reason}.`);
	// Nothing starts; the caller learns why, without any detail of the secret.
	context
		.getResponseObject()
		.status(status)
		.json({ error: `Refused: ${reason}.` });
	return { noWebhookResponse: true };
}

/**
 * Starts a workflow when a LinkedIn invitation sent from the account is accepted, or a member
 * writes to the account, through the same services as LinkedIn Connect. Webhook mode keeps the
 * webhooks an active workflow needs at the service (core/webhooks/reconciler.ts), refuses
 * deliveries that do not prove they come from it, and starts each event at most once; Polling
 * mode reads the newest connections and emits the new ones (acceptances only).
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
		// A behaviour change ships as a new version; saved nodes keep theirs. 1.1: Polling reads the
		// service at most every 15 minutes by default (1: at every Poll Time).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ ($parameter["events"] || []).map(e => e === "messageReceived" ? "message received" : "invitation accepted").join(", ") + " (" + $parameter["mode"] + ")" }}',
		description:
			'Starts the workflow when a LinkedIn invitation is accepted or a member writes to the account, via Unipile or LinkupAPI',
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
				return await webhookIsInPlace(this, stateOf(this), desiredWebhooks(this));
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await registerWebhooks(this, stateOf(this), desiredWebhooks(this));
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				let desired: DesiredWebhooks | undefined;
				try {
					desired = desiredWebhooks(this);
				} catch (error) {
					// Parameters no longer valid: the recorded webhook is still removed, none is searched for.
					this.logger.debug(`LinkedIn Connect Trigger: ${(error as Error).message}`);
				}
				return await unregisterWebhooks(this, stateOf(this), desired);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { trigger, accountId } = setup(this);
		const state = stateOf(this);
		const records = recordsOf(state, slotOf(this));
		if (!records.length) return refuse(this, 401, 'no webhook of this workflow is registered');
		const { delivery, problem } = await readDelivery(this);
		// Proof first: a stranger learns nothing about how the body would have been read. Each of
		// this node's webhooks has its own secret; one of them must prove the delivery.
		const now = Date.now();
		const refusals = records.map((record) => trigger.rejectDelivery(delivery, record.secret, now));
		if (refusals.every((refusal) => refusal !== undefined))
			return refuse(this, 401, String(refusals[0]));
		if (problem) return refuse(this, 400, problem);

		const events = eventsOf(this);
		const items: INodeExecutionData[] = [];
		for (const [event, found] of [
			['invitationAccepted', trigger.acceptancesIn(delivery.body, accountId)],
			['messageReceived', trigger.messagesIn(delivery.body, accountId)],
		] as const) {
			if (found.warning) this.logger.warn(`LinkedIn Connect Trigger: ${found.warning}`);
			if (!events.includes(event)) continue;
			if ('members' in found)
				items.push(
					...found.members.map((member) => acceptanceItem(member, accountId, delivery.body)),
				);
			else
				items.push(
					...found.messages.map((message) => messageItem(message, accountId, delivery.body)),
				);
		}
		if (!items.length) return answer(this, { received: true, started: false });

		const key = trigger.deliveryKey(delivery);
		if (key) {
			const id = hashed(key);
			if (state.delivered?.includes(id)) {
				// 200, so the service stops retrying; the workflow already ran for this event.
				return answer(this, { received: true, started: false, duplicate: true });
			}
			state.delivered = [id, ...(state.delivered ?? [])].slice(0, DELIVERIES_KEPT);
		}
		return { workflowData: [items] };
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const mode = this.getNodeParameter('mode', 'webhook') as TriggerMode;
		const testing = this.getMode() === 'manual';
		// In Webhook mode the service calls n8n; the scheduled poll then does nothing at all.
		if (mode !== 'polling' && !testing) return null;
		const { service, accountId } = setup(this);
		if (!eventsOf(this).includes('invitationAccepted')) {
			throw new NodeOperationError(
				this.getNode(),
				"Polling mode reads new connections only: with 'Events' set to Message Received, choose Webhook mode (the service then calls n8n for each message).",
			);
		}
		const state = stateOf(this);
		const list = service.operations['relation:getMany'];
		if (!list) {
			throw new NodeOperationError(
				this.getNode(),
				`${service.displayName} cannot list connections, so Polling mode cannot work with it. Use Webhook mode.`,
			);
		}
		const firstPoll = !state.seen || state.polledAccount !== accountId;
		// Poll Times may say every minute; the service is read at most this often (each read may cost).
		const everyMs = readEveryMinutes(this) * 60_000;
		if (!testing && !firstPoll && state.polledAt && Date.now() - state.polledAt < everyMs - 5_000)
			return null;
		const seen = new Set(state.seen ?? []);
		let connections;
		try {
			connections = await list(
				await clientFor(this, service),
				firstPoll || testing
					? { accountId, limit: POLL_WINDOW }
					: // Newest first: read on until a member already seen, so none is skipped.
						{
							accountId,
							limit: POLL_CATCH_UP_MAX,
							until: (member) => seen.has(memberKey(member)),
						},
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
		state.polledAt = Date.now();
		const keys = members.map(memberKey);
		if (firstPoll) {
			// The first poll records who is connected now; only later ones announce anyone.
			state.seen = keys.slice(0, SEEN_KEPT);
			state.polledAccount = accountId;
			return null;
		}
		if (connections.length >= POLL_CATCH_UP_MAX) {
			this.logger.warn(
				`LinkedIn Connect Trigger: ${POLL_CATCH_UP_MAX} or more new connections since the last poll; older ones than these were not read. Poll more often.`,
			);
		}
		const fresh = connections.filter((_, index) => !seen.has(keys[index]));
		state.seen = [...new Set([...keys, ...(state.seen ?? [])])].slice(0, SEEN_KEPT);
		if (!fresh.length) return null;
		// Oldest first, as they happened (lists come newest first).
		return [fresh.reverse().map((one) => acceptanceItem(one.simplified, accountId, one.raw))];
	}
}

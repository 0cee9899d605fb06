/**
 * Keeps exactly the webhooks a trigger node needs at the service (one, or one per kind of event
 * where the service needs that: TriggerAdapter.webhookGroups), whatever happened in between: a
 * changed webhook URL, account or service, a restart, a creation answer that lacked its id or
 * secret, a webhook the service lost or that was deleted by hand, one registered without what
 * the node needs to read it (issue: Unipile webhooks created without a JSON content type). Billed
 * webhooks (LinkupAPI: about 10 credits a day each) must never be left behind.
 *
 * The editor's test webhook ("Listen for test event") is kept apart from the production one: its
 * own record and name, so testing never removes the webhook an active workflow relies on.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { SERVICES, serviceFor } from '../services';
import type {
	LinkedInService,
	ListedWebhook,
	TriggerAdapter,
	TriggerEvent,
	WebhookSpec,
} from '../services/types';
import { toNodeError } from '../shared/errors';
import type { ServiceClient } from '../transport/types';
import { clientFor } from '../services/client';

/** One webhook this node registered, as kept in the workflow's static data. */
export interface WebhookRecord extends IDataObject {
	service: string;
	accountId: string;
	url: string;
	webhookId: string;
	secret: string;
	events: TriggerEvent[];
}

export type WebhookSlot = 'production' | 'test';

interface WebhookState extends IDataObject {
	/** Per slot, one record per webhook registered (older 0.3 builds kept a single record). */
	webhooks?: Partial<Record<WebhookSlot, WebhookRecord | WebhookRecord[]>>;
}

/** What version 0.2 kept at the top of the static data (production only). */
const LEGACY_KEYS = ['service', 'accountId', 'url', 'webhookId', 'secret'] as const;

/** The records of this slot, moving a 0.2 record to where it lives now. */
export function recordsOf(state: WebhookState, slot: WebhookSlot): WebhookRecord[] {
	if (typeof state.webhookId === 'string' && typeof state.service === 'string') {
		state.webhooks = {
			...state.webhooks,
			production: {
				service: state.service,
				accountId: String(state.accountId ?? ''),
				url: String(state.url ?? ''),
				webhookId: state.webhookId,
				secret: String(state.secret ?? ''),
				events: ['invitationAccepted'],
			},
		};
	}
	for (const key of LEGACY_KEYS) delete state[key];
	const kept = state.webhooks?.[slot];
	return kept === undefined ? [] : Array.isArray(kept) ? kept : [kept];
}

function setRecords(state: WebhookState, slot: WebhookSlot, records: WebhookRecord[]) {
	const webhooks = { ...state.webhooks };
	if (records.length) webhooks[slot] = records;
	else delete webhooks[slot];
	state.webhooks = webhooks;
}

/** The editor's "Listen for test event" runs in manual mode; everything else is production. */
export function slotOf(context: IHookFunctions | IWebhookFunctions): WebhookSlot {
	return context.getMode() === 'manual' ? 'test' : 'production';
}

/**
 * The name ours carry at the service: it finds them again when their record was lost. The node's
 * id is in it: two trigger nodes of one workflow must never sweep each other's webhooks.
 */
export function webhookName(
	workflowId: string | undefined,
	nodeId: string | undefined,
	slot: WebhookSlot,
): string {
	const id = workflowId ?? 'unsaved';
	return `n8n LinkedIn Connect Trigger (workflow ${id}, node ${nodeId ?? 'unknown'}${slot === 'test' ? ', test' : ''})`;
}

/** What a trigger node wants at the service: one spec per webhook, all with the node's URL and name. */
export interface DesiredWebhooks {
	service: LinkedInService;
	trigger: TriggerAdapter;
	specs: WebhookSpec[];
	slot: WebhookSlot;
}

/** The specs for these events: split as the service needs (TriggerAdapter.webhookGroups). */
export function specsFor(
	trigger: TriggerAdapter,
	base: Omit<WebhookSpec, 'events'>,
	events: TriggerEvent[],
): WebhookSpec[] {
	const groups = trigger.webhookGroups?.(events) ?? [events];
	return groups.filter((group) => group.length).map((group) => ({ ...base, events: group }));
}

function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((event) => b.includes(event));
}

/** Whether ours are there as wanted: one per spec, same service, account, URL and events, and readable. */
export async function webhookIsInPlace(
	context: IHookFunctions,
	state: WebhookState,
	desired: DesiredWebhooks,
): Promise<boolean> {
	const records = recordsOf(state, desired.slot);
	const { service, specs } = desired;
	if (records.length !== specs.length) return false;
	const client = await clientFor(context, service);
	for (const spec of specs) {
		const record = records.find((candidate) => sameEvents(candidate.events ?? [], spec.events));
		if (
			!record ||
			record.service !== service.credentialType ||
			record.accountId !== spec.accountId ||
			record.url !== spec.url
		) {
			return false;
		}
		const found = await desired.trigger.findWebhook(client, record.webhookId);
		// Lost, pointed elsewhere, or unreadable (no JSON content type): create() replaces them.
		if (!found || found.url !== spec.url || !found.healthy) return false;
	}
	return true;
}

/** Removes what this slot registered before, with the service it was registered with. */
async function removeRecorded(
	context: IHookFunctions,
	state: WebhookState,
	slot: WebhookSlot,
): Promise<void> {
	// One at a time, each record dropped once removed: a failure keeps only what is still there.
	for (const record of recordsOf(state, slot)) {
		await removeRecord(context, record);
		setRecords(
			state,
			slot,
			recordsOf(state, slot).filter((kept) => kept.webhookId !== record.webhookId),
		);
	}
}

/** Removes one recorded webhook with the service it was registered with. */
async function removeRecord(context: IHookFunctions, record: WebhookRecord): Promise<void> {
	let service: LinkedInService | undefined;
	let client: ServiceClient | undefined;
	try {
		service = serviceFor(SERVICES, record.service);
		client = await clientFor(context, service);
	} catch (error) {
		// Its credential is no longer on the node: nothing here can reach it any more.
		context.logger.warn(
			`LinkedIn Connect Trigger: the webhook ${record.webhookId} registered with ${service?.displayName ?? record.service} could not be removed (${(error as Error).message}). Remove it in that service's dashboard.`,
		);
		return;
	}
	// A failure here keeps the record: activation fails and the next one tries again.
	await service.trigger?.deleteWebhook(client, record.webhookId);
}

/** Ours left behind (a lost record, a lost creation answer): same name or same URL. */
async function sweep(
	trigger: TriggerAdapter,
	client: ServiceClient,
	spec: Pick<WebhookSpec, 'name' | 'url'>,
	keep?: string,
): Promise<ListedWebhook[]> {
	if (!trigger.listWebhooks) return [];
	const ours = (await trigger.listWebhooks(client)).filter(
		(webhook) =>
			webhook.webhookId !== keep && (webhook.name === spec.name || webhook.url === spec.url),
	);
	for (const webhook of ours) await trigger.deleteWebhook(client, webhook.webhookId);
	return ours;
}

/** Replaces whatever was there with the webhooks wanted; on any failure leaves none behind. */
export async function registerWebhooks(
	context: IHookFunctions,
	state: WebhookState,
	desired: DesiredWebhooks,
): Promise<void> {
	const { service, trigger, specs, slot } = desired;
	await removeRecorded(context, state, slot);
	const client = await clientFor(context, service);
	// Ours share a name and URL: swept once, before any is created.
	if (specs[0]) await sweep(trigger, client, specs[0]);
	const records: WebhookRecord[] = [];
	try {
		for (const spec of specs) records.push(await registerOne(context, service, client, spec));
	} catch (error) {
		// One failed: those created before it go too, so a retry starts from nothing.
		for (const record of records)
			await trigger.deleteWebhook(client, record.webhookId).catch(() => undefined);
		throw toNodeError(context.getNode(), error);
	}
	setRecords(state, slot, records);
}

/** Creates one webhook; on a failure or an answer lacking its id or secret, leaves it removed. */
async function registerOne(
	context: IHookFunctions,
	service: LinkedInService,
	client: ServiceClient,
	spec: WebhookSpec,
): Promise<WebhookRecord> {
	const trigger = service.trigger as TriggerAdapter;
	const created = await trigger.createWebhook(client, spec).catch(async (error: unknown) => {
		// A lost answer may hide a webhook that was created: find it by name where the service lists.
		await sweep(trigger, client, spec).catch(() => undefined);
		throw toNodeError(context.getNode(), error);
	});
	if (!created.webhookId || !created.secret) {
		const missing = [!created.webhookId && 'its id', !created.secret && 'its secret']
			.filter(Boolean)
			.join(' and ');
		let removed = false;
		if (created.webhookId) {
			removed = await trigger.deleteWebhook(client, created.webhookId).then(
				() => true,
				() => false,
			);
		} else {
			removed = (await sweep(trigger, client, spec).catch(() => [])).length > 0;
		}
		throw new NodeOperationError(
			context.getNode(),
			`${service.displayName} registered the webhook but its answer lacked ${missing}, so deliveries could not be proved.`,
			{
				description: removed
					? 'The webhook was removed again; nothing is left registered. Try activating again, and report this if it repeats.'
					: `It may still be registered at ${service.displayName}: remove the webhook pointing at ${spec.url} in its dashboard.`,
			},
		);
	}
	return {
		service: service.credentialType,
		accountId: spec.accountId,
		url: spec.url,
		webhookId: created.webhookId,
		secret: created.secret,
		events: spec.events,
	};
}

/** Deactivation: removes ours, recorded or left behind; says (never throws) what it could not. */
export async function unregisterWebhooks(
	context: IHookFunctions,
	state: WebhookState,
	desired: DesiredWebhooks | undefined,
): Promise<boolean> {
	const slot = slotOf(context);
	try {
		await removeRecorded(context, state, slot);
		if (desired?.specs[0])
			await sweep(desired.trigger, await clientFor(context, desired.service), desired.specs[0]);
		return true;
	} catch (error) {
		context.logger.warn(
			`LinkedIn Connect Trigger: removing its webhook failed (${(error as Error).message}); the next activation removes it.`,
		);
		return false;
	}
}

/**
 * LinkupAPI v2 webhooks for the trigger (D = https://docs.linkupapi.com/api-reference/v2; D/webhooks/
 * create, /introduction, /signature, /events): `POST /v2/webhooks` with the account, the URL,
 * `events` ("Available event types: message_received, accepted_invitation, all") and
 * `enable_signature: true` ("The response returns a secret once"); deliveries are `{account_id,
 * account_name, event: {type, …}, timestamp}` ("All events share the same wrapper structure"),
 * signed with `X-Linkup-Timestamp` and `X-Linkup-Signature: v1=<hex HMAC-SHA256(secret,
 * "<timestamp>.<raw body>")>` ("Use the raw request body"). A message is `event: {type: "message",
 * sender_name, message_text, sender_profile}` (D/webhooks/events' example, the same wrapper). Every
 * webhook also receives disconnection events, "not filterable".
 *
 * Billing: monitoring costs about 10 credits a day per account from creation on; "Billing is
 * per-account (not per-webhook)" (D/webhooks/create). One webhook asks for every chosen event
 * anyway (webhookGroups left undefined): one secret, one delivery per event.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
import type { IDataObject } from 'n8n-workflow';
import { fullName, object, objects, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { ListedWebhook, TriggerAdapter, TriggerEvent } from '../types';
import { isoTimeOf, mailboxOf } from './messages';
import { memberIdOf } from './profiles';
import { WEBHOOKS } from './routes';

/** Deliveries signed longer ago than this are refused (a replayed request). */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

/** Clocks drift a little; a signature from further in the future than this is refused. */
export const MAX_CLOCK_AHEAD_SECONDS = 60;

/** The subscription's event names for the trigger's events (D/webhooks/create). */
const SUBSCRIBED: Record<TriggerEvent, string> = {
	invitationAccepted: 'accepted_invitation',
	messageReceived: 'message_received',
};
const OURS = new Set([...Object.values(SUBSCRIBED), 'all']);

/** The inner `event.type` of an acceptance; of a message, "message" (D/webhooks/events). */
const ACCEPTED = 'accepted_invitation';
const MESSAGE = 'message';

/** Seconds since the epoch; ASSUMPTION: seconds, as in the docs' example (milliseconds accepted too). */
function timestampSeconds(raw: string): number | undefined {
	if (!/^\d{1,16}$/.test(raw)) return undefined;
	const value = Number(raw);
	return value > 1e12 ? value / 1000 : value;
}

/** The signature over the bytes as sent: decoding them first would let two byte strings share one. */
export function signatureFor(secret: string, timestamp: string, rawBody: Buffer | string): string {
	return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/**
 * One webhook as GET /v2/webhooks lists it. ASSUMPTION: the docs name the route, not its items. If
 * they are shaped otherwise nothing is found to sweep: activation still works, and a webhook left
 * behind stays (said in the error when a creation answer lacked its id).
 *
 * Healthy unless it says it delivers nothing the node reads: "GET /v2/webhooks returns
 * signature_enabled: true|false" (D/webhooks/signature), and an unsigned delivery is refused; a
 * webhook stopped with /stop delivers nothing (ASSUMPTION: it shows `status: "stopped"` or
 * `is_active: false`); one whose `events`, when listed, holds none of ours. The reconciler replaces
 * an unhealthy one. Where these fields are missing it counts as healthy.
 */
function listed(webhook: IDataObject): ListedWebhook | undefined {
	const webhookId = text(webhook.webhook_id) ?? text(webhook.id);
	if (!webhookId) return undefined;
	const events = Array.isArray(webhook.events) ? webhook.events.map(String) : undefined;
	const stopped =
		webhook.is_active === false ||
		['stopped', 'inactive', 'paused', 'disabled'].includes(String(webhook.status).toLowerCase());
	const unsigned = webhook.signature_enabled === false || webhook.enable_signature === false;
	return {
		webhookId,
		url: text(webhook.url),
		healthy: !stopped && !unsigned && (!events || events.some((event) => OURS.has(event))),
	};
}

/**
 * One accepted member of an event (an event naming none is logged, never dropped silently).
 * ASSUMPTION: no page shows the acceptance's fields ("One or
 * more connection requests you sent were accepted"); read from `new_connections[]` when there is
 * such a list, else from the event itself, by whichever field carries the profile.
 */
function memberIn(entry: IDataObject, accountId: string): IDataObject | undefined {
	const url = text(entry.profile_url) ?? text(entry.linkedin_url) ?? text(entry.sender_profile);
	const identifier = identifierInUrl(url);
	const member = {
		account_id: accountId,
		provider_id:
			memberIdOf(entry.profile_urn) ??
			(identifier?.kind === 'providerId' ? identifier.value : undefined),
		public_identifier:
			text(entry.public_identifier) ??
			text(entry.public_id) ??
			(identifier?.kind === 'publicIdentifier' ? identifier.value : undefined),
		profile_url: identifier ? profileUrlOfSlug(identifier.value) : url,
		full_name: text(entry.name) ?? fullName(entry.first_name, entry.last_name),
	};
	return member.provider_id || member.public_identifier || member.profile_url ? member : undefined;
}

/**
 * One message event in the trigger's shared fields (RECEIVED_MESSAGE_FIELDS). D/webhooks/events
 * shows `sender_name`, `message_text`, `sender_profile`; the rest is read where a delivery has it
 * (ASSUMPTION: `conversation_id`, a message `entity_urn`/`message_id`, a time in ms), else null. The
 * time is the event's own, else the wrapper's `timestamp` ("2025-01-15T10:31:00Z").
 */
function receivedMessage(event: IDataObject, wrapperTime: unknown): IDataObject {
	const url = text(event.sender_profile) ?? text(event.profile_url);
	const identifier = identifierInUrl(url);
	return {
		provider_id:
			memberIdOf(event.sender_urn) ??
			(identifier?.kind === 'providerId' ? identifier.value : undefined) ??
			null,
		full_name: text(event.sender_name) ?? null,
		profile_url: (identifier ? profileUrlOfSlug(identifier.value) : url) ?? null,
		chat_id: text(event.conversation_id) ?? null,
		message_id: text(event.entity_urn) ?? text(event.message_id) ?? null,
		text: typeof event.message_text === 'string' ? event.message_text : null,
		sent_at: isoTimeOf(event.timestamp ?? event.time) ?? isoTimeOf(wrapperTime),
	};
}

/**
 * Whether a message event is one the account sent itself. ASSUMPTION: no page says whether those
 * are delivered; if they are, one is told by an `is_me`/`from_me` flag (list_inbox's senders have
 * `is_me`), by a sender whose member id is the mailbox's (see mailboxOf), or by a sender named as
 * the account (`sender_name` equal to the wrapper's `account_name`): a workflow answering received
 * messages must not be started by its own answer.
 */
function sentByAccount(event: IDataObject, body: IDataObject): boolean {
	if (event.is_me === true || event.from_me === true) return true;
	const sender = identifierInUrl(text(event.sender_profile));
	const mailbox = mailboxOf(event.conversation_id) ?? mailboxOf(event.entity_urn);
	if (sender?.kind === 'providerId' && mailbox) return sender.value === mailbox;
	const name = text(event.sender_name)?.toLowerCase();
	return name !== undefined && name === text(body.account_name)?.toLowerCase();
}

export const linkupTrigger: TriggerAdapter = {
	notices: {
		webhook:
			'A LinkupAPI webhook monitors the account and costs about 10 credits a day while this workflow is active; it is removed when the workflow is turned off.',
		polling:
			'Each poll that reads LinkupAPI costs 1 credit (list_connections, read in pages of 50; more only when more than 50 connections are new): at the default of one read every 15 minutes, about 96 credits a day; every minute would be about 1,440. The first poll only notes who is already connected.',
	},

	async createWebhook(client, { accountId, url, events }) {
		const created = await client.request({
			method: 'POST',
			url: WEBHOOKS,
			body: {
				account_id: accountId,
				url,
				// One subscription for every chosen event (never "all": only what was asked for).
				events: [...new Set(events.map((event) => SUBSCRIBED[event]))],
				enable_signature: true,
			},
			idempotent: false,
		});
		// ASSUMPTION: the creation answer holds the id and the signing secret (see the fake). Without
		// either, the reconciler removes the webhook again and activation fails with that said.
		const data = object(created.data);
		return {
			webhookId: text(data.webhook_id) ?? text(data.id),
			secret: text(data.secret) ?? text(data.signing_secret),
		};
	},

	async findWebhook(client, webhookId) {
		const found = await client
			.request({
				method: 'GET',
				url: `${WEBHOOKS}/${encodeURIComponent(webhookId)}`,
				idempotent: true,
			})
			.catch((error: unknown) => {
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return undefined;
				throw error;
			});
		return found ? listed({ webhook_id: webhookId, ...object(found.data) }) : undefined;
	},

	async listWebhooks(client) {
		const answer: IDataObject = await client
			.request({ method: 'GET', url: WEBHOOKS, idempotent: true })
			.catch((error: unknown) => {
				// A host without the list route has nothing to sweep.
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return {};
				throw error;
			});
		const data = answer.data;
		const items = Array.isArray(data)
			? objects(data)
			: objects(object(data).webhooks ?? object(data).items);
		return items.map(listed).filter((webhook): webhook is ListedWebhook => webhook !== undefined);
	},

	async deleteWebhook(client, webhookId) {
		await client
			.request({
				method: 'DELETE',
				url: `${WEBHOOKS}/${encodeURIComponent(webhookId)}`,
				idempotent: true,
			})
			.catch((error: unknown) => {
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return {};
				throw error;
			});
	},

	rejectDelivery(delivery, secret, now) {
		const timestamp = delivery.header('X-Linkup-Timestamp');
		const signature = delivery.header('X-Linkup-Signature');
		if (!timestamp || !signature)
			return 'the X-Linkup-Timestamp or X-Linkup-Signature header is missing';
		const seconds = timestampSeconds(timestamp);
		if (seconds === undefined) return 'X-Linkup-Timestamp is not a time';
		const age = now / 1000 - seconds;
		if (age > MAX_SIGNATURE_AGE_SECONDS)
			return `the signature is more than ${MAX_SIGNATURE_AGE_SECONDS / 60} minutes old`;
		if (-age > MAX_CLOCK_AHEAD_SECONDS)
			return `the signature is dated more than ${MAX_CLOCK_AHEAD_SECONDS} seconds in the future`;
		if (!delivery.rawBody) return 'n8n kept no raw body to check the signature against';
		const expected = Buffer.from(signatureFor(secret, timestamp, delivery.rawBody));
		const given = Buffer.from(signature);
		return expected.length === given.length && timingSafeEqual(expected, given)
			? undefined
			: 'the signature does not match the body';
	},

	// The bytes that were signed: a retry or a replay of one event carries the same ones.
	deliveryKey({ rawBody }) {
		return rawBody ? createHash('sha256').update(rawBody).digest('hex') : undefined;
	},

	acceptancesIn(body, accountId) {
		if (body.account_id !== accountId) return { members: [] };
		const event = object(body.event);
		const type = text(event.type);
		// A message names its sender (sender_profile): never an acceptance; messagesIn reads it.
		if (type === MESSAGE) return { members: [] };
		const entries = Array.isArray(event.new_connections) ? objects(event.new_connections) : [event];
		const members = entries
			.map((entry) => memberIn(entry, accountId))
			.filter((member): member is IDataObject => member !== undefined);
		// Disconnection events come on every subscription, "not filterable": an event of another type
		// naming a member is read as an acceptance, anything else is said in the log, never dropped silently.
		if (type === ACCEPTED || (!type && members.length)) return { members };
		return {
			members,
			warning: members.length
				? `LinkupAPI delivered an event of type "${type}" on the accepted_invitation subscription; it names a member, so it was read as an acceptance.`
				: `LinkupAPI delivered an event of type "${type ?? 'unknown'}" that names no member; it started nothing.`,
		};
	},

	messagesIn(body, accountId) {
		if (body.account_id !== accountId) return { messages: [] };
		const event = object(body.event);
		// Acceptances and other events are acceptancesIn's (which says what was odd about them).
		if (text(event.type) !== MESSAGE || sentByAccount(event, body)) return { messages: [] };
		const message = receivedMessage(event, body.timestamp);
		return message.text === null && message.profile_url === null
			? {
					messages: [message],
					warning:
						'LinkupAPI delivered a message event with neither a text nor a sender profile; it was read all the same.',
				}
			: { messages: [message] };
	},
};

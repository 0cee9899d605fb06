/**
 * Unipile v1 webhooks for the trigger (developer.unipile.com/docs/detecting-accepted-invitations,
 * developer.unipile.com/docs/new-messages-webhook and the v1 spec's /api/v1/webhooks). Each event
 * needs its own kind of webhook, told apart by `source`: a `users` webhook raises `new_relation`
 * when LinkedIn shows a new connection (Unipile finds them by checking LinkedIn at random
 * intervals, so an event may come hours after the acceptance); a `messaging` webhook raises
 * `message_received` for each new message, received or sent. v1 webhooks are not signed: each is
 * created with a custom header carrying a random secret, and deliveries without it are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
import { isoDate, object, objects, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { ServiceClient } from '../../transport/types';
import type { ListedWebhook, TriggerAdapter, TriggerEvent } from '../types';
import { API } from './routes';

/** The header Unipile sends back with every delivery, carrying the secret chosen at creation. */
export const SECRET_HEADER = 'X-LinkedIn-Connect-Secret';

/**
 * "Unlike webhook created from Dashboard, webhook created by API does not contain header content
 * type JSON by default … You can use "headers" parameter to set it" (developer.unipile.com/docs/
 * webhooks-2, "Webhook Content-Type"). Without it n8n parses no body.
 */
export const JSON_CONTENT_TYPE = { key: 'Content-Type', value: 'application/json' };

/**
 * The kind of webhook each trigger event needs (v1 spec, POST /api/v1/webhooks: the "Users webhook"
 * body takes `source: users` and `events: [new_relation]`, the "Messaging webhook" body `source:
 * messaging` and `events` among message_received, message_read, …).
 */
const WEBHOOK_KINDS: Record<TriggerEvent, { source: string; event: string }> = {
	invitationAccepted: { source: 'users', event: 'new_relation' },
	messageReceived: { source: 'messaging', event: 'message_received' },
};

/** Pages of the webhook list read at most (250 each, the spec's maximum). */
const MAX_LIST_PAGES = 20;

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A listed webhook (spec: WebhookList items: id, name, request_url, format, headers[{key, value}]). */
function listed(webhook: IDataObject): ListedWebhook {
	const sendsJson = objects(webhook.headers).some(
		(header) =>
			String(header.key).toLowerCase() === 'content-type' &&
			/^application\/json\b/i.test(String(header.value)),
	);
	return {
		webhookId: String(webhook.id),
		url: text(webhook.request_url),
		name: text(webhook.name),
		healthy: sendsJson && (webhook.format === undefined || webhook.format === 'json'),
	};
}

async function listWebhooks(client: ServiceClient): Promise<ListedWebhook[]> {
	const found: ListedWebhook[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_LIST_PAGES; page++) {
		const qs: IDataObject = { limit: 250 };
		if (cursor) qs.cursor = cursor;
		const list = await client.request({
			method: 'GET',
			url: `${API}/webhooks`,
			qs,
			idempotent: true,
		});
		found.push(
			...objects(list.items)
				.filter((w) => text(w.id))
				.map(listed),
		);
		cursor = text(list.cursor);
		if (!cursor) break;
	}
	return found;
}

export const unipileTrigger: TriggerAdapter = {
	notices: {
		webhook:
			'Unipile finds new connections by checking LinkedIn at random intervals: an acceptance may start this workflow hours after it happened (received messages come as they arrive). Polling mode reads the connections themselves instead (a read per interval).',
		polling:
			"Each poll reads the account's newest connections from Unipile (no credits; a request to your Unipile account). The first poll only notes who is already connected.",
	},

	// One webhook per event: each event is its own source at Unipile.
	webhookGroups: (events) => events.map((event) => [event]),

	async createWebhook(client, { accountId, url, name, events }) {
		if (events.length !== 1 || !WEBHOOK_KINDS[events[0]]) {
			throw new Error(
				`A Unipile v1 webhook is made for exactly one event, but it was asked for ${events.length ? events.join(', ') : 'none'}.`,
			);
		}
		const kind = WEBHOOK_KINDS[events[0]];
		const secret = randomBytes(32).toString('hex');
		const created = await client.request({
			method: 'POST',
			url: `${API}/webhooks`,
			body: {
				source: kind.source,
				request_url: url,
				name,
				format: 'json',
				account_ids: [accountId],
				events: [kind.event],
				headers: [JSON_CONTENT_TYPE, { key: SECRET_HEADER, value: secret }],
			},
			idempotent: false,
		});
		return { webhookId: text(created.webhook_id), secret };
	},

	// v1 has no route for one webhook: the list is where it shows.
	async findWebhook(client, webhookId) {
		return (await listWebhooks(client)).find((webhook) => webhook.webhookId === webhookId);
	},

	listWebhooks,

	async deleteWebhook(client, webhookId) {
		await client
			.request({
				method: 'DELETE',
				url: `${API}/webhooks/${encodeURIComponent(webhookId)}`,
				idempotent: true,
			})
			.catch((error: unknown) => {
				// Already gone is what we wanted.
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return {};
				throw error;
			});
	},

	rejectDelivery(delivery, secret) {
		const given = delivery.header(SECRET_HEADER);
		if (!given) return `the ${SECRET_HEADER} header is missing`;
		return sameSecret(given, secret) ? undefined : `the ${SECRET_HEADER} header does not match`;
	},

	// Unipile signs nothing and retries what is not answered 200 within 30 s: one acceptance is one
	// member connecting with one account; one message is its message_id.
	deliveryKey({ body }) {
		if (body.event === 'message_received') {
			const messageId = text(body.message_id);
			return messageId ? `message_received:${text(body.account_id)}:${messageId}` : undefined;
		}
		const member = text(body.user_provider_id) ?? text(body.user_public_identifier);
		return member ? `${text(body.event)}:${text(body.account_id)}:${member}` : undefined;
	},

	acceptancesIn(body, accountId) {
		if (body.event !== 'new_relation' || body.account_id !== accountId) return { members: [] };
		return {
			members: [
				{
					account_id: body.account_id,
					provider_id: text(body.user_provider_id),
					public_identifier: text(body.user_public_identifier),
					profile_url: profileUrlOfSlug(body.user_public_identifier) ?? text(body.user_profile_url),
					full_name: text(body.user_full_name),
				},
			],
		};
	},

	/**
	 * A message_received delivery (docs: new-messages-webhook, its example payload: `message`,
	 * `message_id`, `chat_id`, `timestamp`, `sender{attendee_id, attendee_name,
	 * attendee_provider_id, attendee_profile_url}`). The docs: "real-time notification on new
	 * messages, received or sent. Sent messages are included because they can be sent by the
	 * connected user from another device", and the account's own are left out here.
	 */
	messagesIn(body, accountId) {
		if (body.event !== 'message_received' || body.account_id !== accountId) return { messages: [] };
		const sender = object(body.sender);
		const senderId = text(sender.attendee_provider_id);
		// ASSUMPTION: `account_info` is a field of the delivery (the spec lists it among a messaging
		// webhook's `data` keys) but no document shows it; deliveries seen in client code carry
		// `account_info.user_id`, the account's own member id, which a message the account sent
		// has as its sender's.
		const ownId = text(object(body.account_info).user_id);
		if (ownId && senderId === ownId) return { messages: [] };
		// ASSUMPTION: `is_event` (a spec data key, undescribed) marks LinkedIn's notices in a chat,
		// which no member wrote.
		if (body.is_event === 1 || body.is_event === true) return { messages: [] };
		const message = {
			provider_id: senderId ?? null,
			full_name: text(sender.attendee_name) ?? null,
			profile_url: text(sender.attendee_profile_url) ?? null,
			chat_id: text(body.chat_id) ?? null,
			message_id: text(body.message_id) ?? null,
			text: typeof body.message === 'string' ? body.message : null,
			sent_at: isoDate(body.timestamp) ?? null,
		};
		// Not knowing who wrote it starts nothing: a workflow that answers messages must never answer
		// its own (a loop writing to a member again and again).
		return ownId
			? { messages: [message] }
			: {
					messages: [],
					warning:
						'a message_received delivery had no account_info.user_id, so whether the account sent it itself could not be told: it started nothing',
				};
	},
};

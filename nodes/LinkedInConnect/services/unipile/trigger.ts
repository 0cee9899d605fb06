/**
 * Unipile v1 webhooks for the trigger (developer.unipile.com/docs/detecting-accepted-invitations and
 * the v1 spec's /api/v1/webhooks): a `users` webhook raises `new_relation` when LinkedIn shows a new
 * connection. Unipile finds them by checking LinkedIn at random intervals, so an event may come
 * hours after the acceptance. v1 webhooks are not signed: the webhook is created with a custom
 * header carrying a random secret, and deliveries without it are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { profileUrlOfSlug } from '../../shared/profileIdentifier';
import { objects, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { TriggerAdapter, WebhookDelivery } from '../types';
import { API } from './reads';

/** The header Unipile sends back with every delivery, carrying the secret chosen at creation. */
export const SECRET_HEADER = 'X-LinkedIn-Connect-Secret';

function headerValue(delivery: WebhookDelivery, name: string): string | undefined {
	const value = delivery.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export const unipileTrigger: TriggerAdapter = {
	notices: {
		webhook:
			'Unipile finds new connections by checking LinkedIn at random intervals: an acceptance may start this workflow hours after it happened. Polling mode catches any a webhook missed.',
		polling:
			"Each poll reads the account's newest connections from Unipile (no extra cost); the first poll only notes who is already connected.",
	},

	async createWebhook(client, { accountId, url, name }) {
		const secret = randomSecret();
		const created = await client.request({
			method: 'POST',
			url: `${API}/webhooks`,
			body: {
				source: 'users',
				request_url: url,
				name,
				format: 'json',
				account_ids: [accountId],
				events: ['new_relation'],
				headers: [{ key: SECRET_HEADER, value: secret }],
			},
			idempotent: false,
		});
		const webhookId = text(created.webhook_id);
		if (!webhookId) throw new Error('Unipile created the webhook without telling its id.');
		return { webhookId, secret };
	},

	async webhookExists(client, { webhookId, url }) {
		let cursor: string | undefined;
		for (let page = 0; page < 20; page++) {
			const qs: IDataObject = { limit: 250 };
			if (cursor) qs.cursor = cursor;
			const list = await client.request({
				method: 'GET',
				url: `${API}/webhooks`,
				qs,
				idempotent: true,
			});
			if (objects(list.items).some((w) => w.id === webhookId && w.request_url === url)) return true;
			cursor = text(list.cursor);
			if (!cursor) return false;
		}
		return false;
	},

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
		const given = headerValue(delivery, SECRET_HEADER);
		if (!given) return `the ${SECRET_HEADER} header is missing`;
		return sameSecret(given, secret) ? undefined : `the ${SECRET_HEADER} header does not match`;
	},

	acceptancesIn(body, accountId) {
		if (body.event !== 'new_relation' || body.account_id !== accountId) return [];
		return [
			{
				account_id: body.account_id,
				provider_id: text(body.user_provider_id),
				public_identifier: text(body.user_public_identifier),
				profile_url: profileUrlOfSlug(body.user_public_identifier) ?? text(body.user_profile_url),
				full_name: text(body.user_full_name),
			},
		];
	},
};

/** 32 random bytes, hex: what a forged delivery would have to guess. */
function randomSecret(): string {
	return randomBytes(32).toString('hex');
}

/**
 * LinkupAPI v2 webhooks for the trigger (docs' webhooks pages): `POST /v2/webhooks` with the
 * account, the URL, `events: ["accepted_invitation"]` and `enable_signature: true`; deliveries are
 * `{account_id, account_name, event: {type, …}, timestamp}`, signed with `X-Linkup-Timestamp` and
 * `X-Linkup-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. A webhook monitors
 * the account and costs about 10 credits a day.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { identifierInUrl, profileUrlOfSlug } from '../../shared/profileIdentifier';
import { fullName, object, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { TriggerAdapter, WebhookDelivery } from '../types';
import { memberIdOf } from './profiles';

/** Deliveries signed longer ago than this are refused (a replayed request). */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

function headerValue(delivery: WebhookDelivery, name: string): string | undefined {
	const value = delivery.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Seconds since the epoch; ASSUMPTION: seconds, as in the docs' example (milliseconds accepted too). */
function timestampSeconds(raw: string): number | undefined {
	if (!/^\d+$/.test(raw)) return undefined;
	const value = Number(raw);
	return value > 1e12 ? value / 1000 : value;
}

export function signatureFor(secret: string, timestamp: string, rawBody: string): string {
	return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export const linkupTrigger: TriggerAdapter = {
	notices: {
		webhook:
			'A LinkupAPI webhook monitors the account and costs about 10 credits a day while this workflow is active; it is removed when the workflow is turned off.',
		polling:
			"Each poll reads the account's newest connections with list_connections (about a credit per poll); the first poll only notes who is already connected.",
	},

	async createWebhook(client, { accountId, url }) {
		const created = await client.request({
			method: 'POST',
			url: '/v2/webhooks',
			body: {
				account_id: accountId,
				url,
				events: ['accepted_invitation'],
				enable_signature: true,
			},
			idempotent: false,
		});
		// ASSUMPTION: the creation answer holds the id and the signing secret (see the fake).
		const data = object(created.data);
		const webhookId = text(data.webhook_id) ?? text(data.id);
		const secret = text(data.secret) ?? text(data.signing_secret);
		if (!webhookId || !secret)
			throw new Error('LinkupAPI created the webhook without its id or signing secret.');
		return { webhookId, secret };
	},

	async webhookExists(client, { webhookId, url }) {
		const found = await client
			.request({
				method: 'GET',
				url: `/v2/webhooks/${encodeURIComponent(webhookId)}`,
				idempotent: true,
			})
			.catch((error: unknown) => {
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return undefined;
				throw error;
			});
		return Boolean(found) && object(found?.data).url === url;
	},

	async deleteWebhook(client, webhookId) {
		await client
			.request({
				method: 'DELETE',
				url: `/v2/webhooks/${encodeURIComponent(webhookId)}`,
				idempotent: true,
			})
			.catch((error: unknown) => {
				if (error instanceof ServiceError && error.serviceFailure.status === 404) return {};
				throw error;
			});
	},

	rejectDelivery(delivery, secret, now) {
		const timestamp = headerValue(delivery, 'X-Linkup-Timestamp');
		const signature = headerValue(delivery, 'X-Linkup-Signature');
		if (!timestamp || !signature)
			return 'the X-Linkup-Timestamp or X-Linkup-Signature header is missing';
		const seconds = timestampSeconds(timestamp);
		if (seconds === undefined) return 'X-Linkup-Timestamp is not a time';
		if (Math.abs(now / 1000 - seconds) > MAX_SIGNATURE_AGE_SECONDS)
			return `the signature is more than ${MAX_SIGNATURE_AGE_SECONDS / 60} minutes old`;
		const expected = Buffer.from(signatureFor(secret, timestamp, delivery.rawBody));
		const given = Buffer.from(signature);
		return expected.length === given.length && timingSafeEqual(expected, given)
			? undefined
			: 'the signature does not match the body';
	},

	acceptancesIn(body, accountId) {
		const event = object(body.event);
		if (event.type !== 'accepted_invitation' || body.account_id !== accountId) return [];
		// The docs describe the event's inner fields sparsely: map what is there, keep it all under raw.
		const url = text(event.profile_url) ?? text(event.linkedin_url);
		const identifier = identifierInUrl(url);
		return [
			{
				account_id: body.account_id,
				provider_id:
					memberIdOf(event.profile_urn) ??
					(identifier?.kind === 'providerId' ? identifier.value : undefined),
				public_identifier:
					text(event.public_identifier) ??
					(identifier?.kind === 'publicIdentifier' ? identifier.value : undefined),
				profile_url: identifier ? profileUrlOfSlug(identifier.value) : url,
				full_name: text(event.name) ?? fullName(event.first_name, event.last_name),
			},
		];
	},
};

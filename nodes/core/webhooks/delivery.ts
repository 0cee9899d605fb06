/**
 * Reads a delivery as n8n hands it over. n8n parses a body only when the request names a content
 * type it knows, and Unipile's API-created webhooks send none (developer.unipile.com/docs/
 * webhooks-2, "Webhook Content-Type"): the raw bytes are then read here, as JSON or as the
 * form encoding Unipile's `format: "form"` sends. Only a JSON object is a delivery.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { WebhookDelivery } from '../services/types';

/** The delivery (body empty when unreadable, so its proof can still be checked) and what was wrong. */
export interface DeliveryReading {
	delivery: WebhookDelivery;
	problem?: string;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object: n8n's parse when it made one, else the raw bytes read here. */
export function readBody(parsed: unknown, rawBody: Buffer | undefined): IDataObject | string {
	if (isObject(parsed) && Object.keys(parsed).length) return parsed;
	const text = rawBody?.length ? rawBody.toString('utf8').trim() : '';
	if (!text) return 'the body is empty';
	if (/^[[{"]|^(null|true|false|-?\d)/.test(text)) {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			return 'the body is not valid JSON';
		}
		return isObject(json) ? json : 'the body is JSON but not an object';
	}
	// ASSUMPTION: Unipile's `format: "form"` sends the delivery's fields form-encoded, one level deep
	// (the node creates its webhooks with `format: "json"`). Nested fields then arrive as text.
	if (/^[^=&\s]+=/.test(text)) {
		const form: IDataObject = {};
		for (const [key, value] of new URLSearchParams(text)) form[key] = value;
		return form;
	}
	return 'the body is neither JSON nor form-encoded';
}

/**
 * The delivery n8n received. For a trigger at version 2 or later of its type n8n reads the body
 * only for content types it knows (webhook-helpers' parseRequestBody), so the raw bytes of a
 * delivery without one are read here, through the reader n8n leaves on the request.
 */
export async function readDelivery(context: IWebhookFunctions): Promise<DeliveryReading> {
	const request = context.getRequestObject() as {
		rawBody?: unknown;
		body?: unknown;
		readRawBody?: () => Promise<void>;
	};
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	const rawBody =
		Buffer.isBuffer(request.rawBody) && request.rawBody.length ? request.rawBody : undefined;
	const headers = context.getHeaderData() as Record<string, string | string[] | undefined>;
	const body = readBody(request.body, rawBody);
	return {
		problem: typeof body === 'string' ? body : undefined,
		delivery: {
			header(name) {
				const value = headers[name.toLowerCase()];
				return Array.isArray(value) ? value[0] : value;
			},
			rawBody,
			body: typeof body === 'string' ? {} : body,
		},
	};
}

/**
 * Unipile v1 messaging: Send Message and Message → Get Many.
 *
 * Sending uses `POST /api/v1/chats` (v1 spec, m_startNewChat), multipart/form-data with
 * `account_id`, `attendees_ids` (the member's provider id) and `text`. The docs' send-messages
 * page (developer.unipile.com/docs/send-messages, "Send a message to a User") says it "will send a
 * message in a 1 to 1 chat, and: If the chat does not exist, it will be created, synced, and
 * returned", so the same route continues the conversation with a member who has one; the v2 guide
 * says the same of LinkedIn ("starting a chat with a user who already has an existing conversation
 * will add a new message to that ongoing chat", developer.unipile.com/v2.0/docs/linkedin-send-messages).
 * The SDK (unipile/unipile-node-sdk src/resources/messaging.resource.ts, startNewChat) sends the
 * same multipart fields, one `attendees_ids` field per id.
 *
 * Reading uses `GET /api/v1/chat_attendees/{attendee_id}/chats` (l_listChatsByAttendee, "List all
 * 1to1 chats for a given attendee"; the path takes "the Unipile ID OR provider_id of the attendee")
 * and `GET /api/v1/chats/{chat_id}/messages` (m_listChatMessages, cursor-paged, limit 1–250).
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKEDIN_MESSAGE_MAX_LENGTH } from '../../shared/parameters';
import { collectPages } from '../../shared/pagination';
import {
	type ProfileIdentifier,
	profileUrlOfSlug,
	isOtherProductId,
} from '../../shared/profileIdentifier';
import { isoDate, objects, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { ServiceClient, ServiceFailure } from '../../transport/types';
import { type Conversation, findSentMessage } from '../messageCheck';
import { INVITED_MEMBER_FIELDS, pick } from '../results';
import type { MessageSender, MessagesInput, OperationResult, SendMessageInput } from '../types';
import { CLASSIC_LOOKUP, lookUpProfile, memberOf } from './profiles';
import { attendeeChatsPath, CHATS, chatMessagesPath } from './routes';

/** The largest page of both lists (spec: limit "between 1 and 250"). */
const PAGE_SIZE = 250;

/** Messages per page of the check after a lost answer (messageCheck.ts). */
const CHECK_PAGE_SIZE = 50;

/** Refusals meaning "not a first-degree connection" (v1 spec, m_startNewChat 422: "The recipient appears not to be first degree connection"). */
const NOT_CONNECTED = new Set(['errors/no_connection_with_recipient']);

interface Recipient {
	providerId: string;
	/** The member in the shared field names: what the lookup said, or the id and its URL. */
	member: IDataObject;
}

/** The member's provider id: the one given, or the profile lookup's (a profile view, once per run). */
async function recipientOf(
	client: ServiceClient,
	accountId: string,
	profile: ProfileIdentifier,
	nothingDone: string,
): Promise<Recipient> {
	// A Sales Navigator or Recruiter id (e.g. from Profile → Search) is looked up for the Classic one.
	if (profile.kind === 'providerId' && !isOtherProductId(profile)) {
		return {
			providerId: profile.value,
			member: { provider_id: profile.value, profile_url: profileUrlOfSlug(profile.value) },
		};
	}
	const lookup = await lookUpProfile(client, accountId, profile, CLASSIC_LOOKUP);
	const providerId = text(lookup.provider_id);
	if (!providerId) {
		throw new Error(
			`Unipile returned the profile "${profile.value}" without a provider_id, so ${nothingDone}.`,
		);
	}
	return { providerId, member: pick(memberOf(lookup), INVITED_MEMBER_FIELDS) };
}

/** Unipile's 0 | 1 flags (spec: `is_sender` is 0 or 1); a boolean is read the same way. */
function isSet(flag: unknown): boolean {
	return flag === 1 || flag === true;
}

/** The member's 1:1 chats with the account (every page; a member has few). */
async function memberChats(
	client: ServiceClient,
	accountId: string,
	providerId: string,
): Promise<{ chats: IDataObject[]; readable: boolean }> {
	let readable = true;
	const chats = await collectPages<IDataObject>(async (cursor) => {
		const qs: IDataObject = { account_id: accountId, limit: PAGE_SIZE };
		if (cursor) qs.cursor = cursor;
		const response = await client
			.request({ method: 'GET', url: attendeeChatsPath(providerId), qs, idempotent: true })
			.catch((error: unknown) => {
				// ASSUMPTION: no document says what a member never written to gives; a 404 (no such
				// attendee) is read as "no chat", the same as an empty list. If a 404 meant something
				// else, Get Many shows no messages instead of an error, and Send's check after a lost
				// answer still ends UNCERTAIN (never "not sent"): nothing is sent twice.
				if (error instanceof ServiceError && error.serviceFailure.status === 404)
					return { items: [] } as IDataObject;
				throw error;
			});
		if (!Array.isArray(response.items)) readable = false;
		return { items: objects(response.items), nextPageToken: text(response.cursor) };
	});
	return { chats: chats.filter((chat) => text(chat.id)), readable };
}

/**
 * One page of a chat's messages, newest first (ASSUMPTION: the spec states no order). Were it oldest
 * first, Get Many's Limit would keep the oldest messages, and the check after a lost answer would
 * read its bounded pages and end UNCERTAIN: wrong order costs completeness, never a second message.
 */
async function messagePage(
	client: ServiceClient,
	chatId: string,
	cursor: string | undefined,
	limit: number,
) {
	const qs: IDataObject = { limit };
	if (cursor) qs.cursor = cursor;
	const response = await client.request({
		method: 'GET',
		url: chatMessagesPath(chatId),
		qs,
		idempotent: true,
	});
	return {
		readable: Array.isArray(response.items),
		items: objects(response.items),
		nextPageToken: text(response.cursor),
	};
}

/**
 * The member's chats, as the check after a lost answer (messageCheck.ts) reads them. A chat list
 * or a page that is not a list cannot tell, so the check fails ("checking failed too").
 */
async function checkedChats(
	client: ServiceClient,
	input: SendMessageInput,
	providerId: string,
): Promise<Conversation[]> {
	const { chats, readable } = await memberChats(client, input.accountId, providerId);
	if (!readable) throw new Error('Unipile answered the chat list without a list of chats');
	return chats.map((chat): Conversation => {
		const chatId = String(chat.id);
		return {
			async readPage(cursor) {
				const page = await messagePage(client, chatId, cursor, CHECK_PAGE_SIZE);
				if (!page.readable) throw new Error('Unipile answered a chat without a list of messages');
				return page;
			},
			pageSize: CHECK_PAGE_SIZE,
			idOf: (message) => text(message.id),
			fromMe: (message) => isSet(message.is_sender),
			textOf: (message) => message.text,
			sentAt: (message) => {
				const at = Date.parse(String(message.timestamp));
				return Number.isFinite(at) ? at : undefined;
			},
			answerFor: (message) => ({
				object: 'ChatStarted',
				chat_id: chatId,
				message_id: text(message.id) ?? null,
			}),
		};
	});
}

/** Send Message's facts for Unipile v1; the policy above decides what a refusal becomes. */
export const unipileMessages: MessageSender = {
	// No documented limit: LinkedIn's message box (shared/parameters.ts, ASSUMPTION there).
	maxLength: LINKEDIN_MESSAGE_MAX_LENGTH,

	async send(client, input) {
		const { providerId, member } = await recipientOf(
			client,
			input.accountId,
			input.profile,
			'no message was sent',
		);
		const form: Record<string, string | string[]> = {
			account_id: input.accountId,
			attendees_ids: [providerId],
			text: input.text,
		};
		if (input.inmail) {
			// The spec's m_startNewChat: "the correct format is linkedin[inmail] = true, linkedin[api]...";
			// `inmail` is a field of its "Classic options" (api: classic).
			form['linkedin[api]'] = 'classic';
			form['linkedin[inmail]'] = 'true';
		}
		const { body: sent, confirmedAfterError } = await client.writeOnce(
			{ method: 'POST', url: CHATS, form },
			async (sentAt) =>
				await findSentMessage(await checkedChats(client, input, providerId), input.text, sentAt),
			'the conversation on LinkedIn',
		);
		const simplified: IDataObject = {
			status: 'sent',
			// 201 ChatStarted: "chat_id" and "message_id", either of which may be null (spec).
			chat_id: text(sent.chat_id) ?? null,
			message_id: text(sent.message_id) ?? null,
			...member,
			...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
		};
		return { simplified, raw: { status: 'sent', ...sent } };
	},

	notConnected: (failure: ServiceFailure) => NOT_CONNECTED.has(failure.code),
};

/** A message (spec: m_listChatMessages items) in the shared MESSAGE_FIELDS. */
export function simplifyMessage(message: IDataObject, chatId: string): IDataObject {
	return {
		message_id: text(message.id) ?? null,
		chat_id: text(message.chat_id) ?? chatId,
		text: typeof message.text === 'string' ? message.text : null,
		sent_at: isoDate(message.timestamp) ?? null,
		// "Boolean telling if the message sender is the account's user" (docs: message-payload).
		from_me: isSet(message.is_sender),
		// "Unique identifier of the sender for the provider" (docs: message-payload).
		sender_provider_id: text(message.sender_id) ?? null,
	};
}

/** The newest first across chats; undated messages last. */
function newestFirst(a: OperationResult, b: OperationResult): number {
	const time = (item: OperationResult) => {
		const at = Date.parse(String(item.simplified.sent_at));
		return Number.isFinite(at) ? at : -Infinity;
	};
	return time(b) - time(a);
}

/**
 * Message → Get Many: the messages of the member's 1:1 chat(s) with the account, newest first.
 * No chat: no items. Several (LinkedIn may keep an InMail apart): each is read to the limit, then
 * they are merged.
 */
export async function getMessages(
	client: ServiceClient,
	input: MessagesInput,
): Promise<OperationResult[]> {
	const { providerId } = await recipientOf(
		client,
		input.accountId,
		input.profile,
		'no messages were read',
	);
	const { chats } = await memberChats(client, input.accountId, providerId);
	const { keep, until } = input;
	const perChat: OperationResult[][] = [];
	for (const chat of chats) {
		const chatId = String(chat.id);
		perChat.push(
			await collectPages<OperationResult>(
				async (cursor, wanted) => {
					const page = await messagePage(
						client,
						chatId,
						cursor,
						Math.min(PAGE_SIZE, wanted ?? PAGE_SIZE),
					);
					return {
						items: page.items.map((raw) => ({ simplified: simplifyMessage(raw, chatId), raw })),
						nextPageToken: page.nextPageToken,
					};
				},
				{
					limit: input.limit,
					keep: keep && ((item) => keep(item.simplified)),
					until: until && ((item) => until(item.simplified)),
				},
			),
		);
	}
	if (perChat.length <= 1) return perChat[0] ?? [];
	const merged = perChat.flat().sort(newestFirst);
	return input.limit === undefined ? merged : merged.slice(0, input.limit);
}

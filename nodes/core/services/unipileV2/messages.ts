/**
 * Unipile v2 messages: Send Message (a chat started from LinkedIn Classic's primary inbox, which
 * continues the member's 1:1 conversation when there is one), the check after a lost answer, and
 * Get Many (the member's chat, then its messages newest first).
 *
 * Sources (tags as in the v2 fact sheet; PY unipile/unipile-python@6171191):
 * - Send: `POST /v2/{account_id}/inboxes/{inbox_id}/chats/send` "Start a Chat from Inbox" (PY
 *   docs/MessagingApi.md:29, 2006-2074; messaging_api.py:7506, JSON body at :7486-7494) with
 *   `{text, users_ids, name?, attachments?, specifics?}` (docs/StartChatFromInboxRequest.md:8-12).
 *   DOC /v2.0/docs/linkedin-send-messages: "For LinkedIn Classic, the correct Inbox to initiate a
 *   conversation is CLASSIC_PRIMARY"; "Typically, starting a chat with a user who already has an
 *   existing conversation will add a new message to that ongoing chat, rather than creating a new
 *   conversation" (so one request sends in the existing chat too; `POST …/chats/{chat_id}/messages/send`,
 *   PY MessagingApi.md:26, 1665-1730, would need the chat id first). DOC /v2.0/docs/migration-messaging-api:
 *   "Content-Type header now only accepts application/json"; "Body param attendees_ids is renamed to
 *   users_ids and it accepts a single user ID as well as an array of user IDs".
 *   Answer 200 `{object: "ChatStarted", chat_id, message_id}` (docs/StartChat200Response.md:8-10,
 *   models/start_chat200_response.py:39), `message_id` a string, a list ("Some providers send
 *   attachments separately") or null (docs/StartChat200ResponseMessageId.md:3).
 * - InMail: `specifics.linkedin.classic.inmail` "Whether the chat should be started with an InMail"
 *   (docs/StartChatRequestSpecifics.md:9, StartChatRequestSpecificsLinkedin.md:9, LinkedInClassic.md:9).
 * - The member's chat: `GET /v2/{account_id}/users/{user_id}/chat` "Get a User Chat" (MessagingApi.md:23,
 *   1240-1298; messaging_api.py:4807), answering `{object: "ChatLookup", data: [{chat_id, inbox_id?,
 *   has_history?}]}`, "Empty if none could be resolved", possibly "multiple matches across inboxes or
 *   contexts" (docs/GetUserChat200Response.md:8-9, GetUserChat200ResponseDataInner.md:8-10). DOC
 *   linkedin-send-messages: "multiple conversations can occur … such as when multiple InMails are
 *   sent at different times".
 * - Messages: `GET /v2/{account_id}/chats/{chat_id}/messages` "sorted by their timestamp, with the most
 *   recent appearing first" (MessagingApi.md:20, 1058-1128; messaging_api.py:4204), query `before`,
 *   `after` (exclusive ISO 8601), `user_id`, `offset`, `limit` (default 20), `cursor`; answer
 *   `{data, total_count?, next_cursor?}` (docs/GetMessagesList200Response.md:8-10), each a `Message`
 *   `{id, text?, sender_id, chat_id, timestamp, is_sender ("Is the current user the sender of the
 *   message"), is_event, sender?: User, …}` (docs/GetMessagesList200ResponseDataInner.md:8-31; TS
 *   unipile/unipile-node@0b17e714 types.gen.ts GetChatsListResponses `last_message`, same fields).
 *
 * N8N unipile/n8n-nodes-unipile@21c72297 `startChat` posts `{attendees_ids: [ids], text}` to
 * `/{account_id}/chats/send` (Start a Chat, PY messaging_api.py:7202), v1's field name, which the
 * migration guide says v2 renamed: `users_ids` is sent here.
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKEDIN_MESSAGE_MAX_LENGTH } from '../../shared/parameters';
import { collectPages } from '../../shared/pagination';
import { lookupMap } from '../../shared/lookup';
import { profileUrlOfSlug, isOtherProductId } from '../../shared/profileIdentifier';
import { isoDate, object, objects, text } from '../../shared/values';
import type { ServiceClient } from '../../transport/types';
import { type Conversation, findSentMessage, MESSAGE_CLOCK_MARGIN_MS } from '../messageCheck';
import { INVITED_MEMBER_FIELDS, MESSAGE_FIELDS, pick } from '../results';
import type { MessageSender, MessagesInput, OperationResult, SendMessageInput } from '../types';
import { PAGE_SIZE, readPage } from './lists';
import { lookUpProfile, memberOf } from './profiles';
import { accountPath } from './routes';

/** DOC linkedin-send-messages: LinkedIn Classic's inbox for starting a conversation. */
export const CLASSIC_INBOX = 'CLASSIC_PRIMARY';

/**
 * ASSUMPTION: the refusal to message a member who is not a connection. The v2 types are NOT SHOWN;
 * this is v1's `errors/no_connection_with_recipient` ("The recipient appears not to be first degree
 * connection", v1 spec `POST /api/v1/chats` 422) under v2's prefixes (see errors.ts).
 */
const NOT_CONNECTED = lookupMap({
	'provider/no_connection_with_recipient': true,
	'api/no_connection_with_recipient': true,
});

/** Who the message is for: the member id Unipile takes, and what is known of them. */
async function recipient(
	client: ServiceClient,
	accountId: string,
	profile: SendMessageInput['profile'],
): Promise<{ userId: string; member: IDataObject }> {
	// A Sales Navigator or Recruiter id (e.g. from Profile → Search) is looked up for the Classic one.
	if (profile.kind === 'providerId' && !isOtherProductId(profile)) {
		return {
			userId: profile.value,
			member: { provider_id: profile.value, profile_url: profileUrlOfSlug(profile.value) },
		};
	}
	const lookup = await lookUpProfile(client, accountId, profile);
	const userId = text(lookup.id);
	if (!userId) {
		throw new Error(
			`Unipile returned the profile "${profile.value}" without an id, so it cannot be messaged.`,
		);
	}
	return { userId, member: pick(memberOf(lookup), INVITED_MEMBER_FIELDS) };
}

/** `GET …/users/{user_id}/chat`: the ids of the member's chats with the account (none: empty). */
async function userChats(
	client: ServiceClient,
	accountId: string,
	userId: string,
): Promise<string[]> {
	const answer = await client.request({
		method: 'GET',
		url: accountPath(accountId, 'users', userId, 'chat'),
		idempotent: true,
	});
	const ids = objects(answer.data)
		.map((chat) => text(chat.chat_id) ?? text(chat.id))
		.filter((id): id is string => id !== undefined);
	return [...new Set(ids)];
}

const messagesPath = (accountId: string, chatId: string) =>
	accountPath(accountId, 'chats', chatId, 'messages');

function timeOf(message: IDataObject): number | undefined {
	const time = typeof message.timestamp === 'string' ? Date.parse(message.timestamp) : NaN;
	return Number.isFinite(time) ? time : undefined;
}

/** `message_id` as answered: a string, a list of them (several only with attachments), or null. */
function firstId(value: unknown): string | null {
	if (Array.isArray(value)) return value.map(text).find((id) => id !== undefined) ?? null;
	return text(value) ?? null;
}

/**
 * The member's chat(s), as the check after a lost answer (messageCheck.ts) reads them: only the
 * messages `after` the attempt less the clock margin are asked for (a host ignoring the filter is
 * stopped at the first older message). ASSUMPTION: a message that went through shows in these
 * lists at once (no document says how soon).
 */
async function checkedChats(
	client: ServiceClient,
	input: SendMessageInput,
	userId: string,
	attemptAt: number,
): Promise<Conversation[]> {
	const after = new Date(attemptAt - MESSAGE_CLOCK_MARGIN_MS).toISOString();
	return (await userChats(client, input.accountId, userId)).map((chatId) => ({
		async readPage(token) {
			const page = await readPage(
				client,
				messagesPath(input.accountId, chatId),
				{ after },
				token,
				PAGE_SIZE,
			);
			if (!page.readable) throw new Error('Unipile answered without a list of messages');
			return page;
		},
		pageSize: PAGE_SIZE,
		idOf: (message) => text(message.id),
		fromMe: (message) => message.is_sender === true,
		textOf: (message) => message.text,
		sentAt: timeOf,
		answerFor: (message) => ({
			object: 'ChatStarted',
			chat_id: text(message.chat_id) ?? chatId,
			message_id: message.id,
		}),
	}));
}

/** Send Message's facts for Unipile v2; the policy above decides what a refusal becomes. */
export const unipileV2Messages: MessageSender = {
	// No documented limit: LinkedIn's message box (shared/parameters.ts, ASSUMPTION there).
	maxLength: LINKEDIN_MESSAGE_MAX_LENGTH,

	async send(client, input) {
		const { userId, member } = await recipient(client, input.accountId, input.profile);
		// ASSUMPTION (the body choice): `users_ids` as one string, PY's "A single user ID to start a
		// 1to1 chat" (models/start_chat_request_users_ids.py:34-36; a list is "to start a group chat").
		// DOC linkedin-send-messages writes a one-item list for an individual chat; both are documented.
		const body: IDataObject = { text: input.text, users_ids: userId };
		if (input.inmail) body.specifics = { linkedin: { classic: { inmail: true } } };
		const { body: sent, confirmedAfterError } = await client.writeOnce(
			{
				method: 'POST',
				url: accountPath(input.accountId, 'inboxes', CLASSIC_INBOX, 'chats', 'send'),
				body,
			},
			async (sentAt) =>
				await findSentMessage(
					await checkedChats(client, input, userId, sentAt),
					input.text,
					sentAt,
				),
			'the conversation on LinkedIn',
		);
		const simplified: IDataObject = {
			status: 'sent',
			chat_id: text(sent.chat_id) ?? null,
			message_id: firstId(sent.message_id),
			...member,
			...(confirmedAfterError ? { confirmed_after_error: confirmedAfterError } : {}),
		};
		return { simplified, raw: { status: 'sent', ...sent } };
	},

	notConnected: (failure) => NOT_CONNECTED.has(failure.code),
};

/** A `Message` in the shared field names (MESSAGE_FIELDS). */
export function messageItem(message: IDataObject, chatId: string): IDataObject {
	const simplified: IDataObject = {
		message_id: text(message.id) ?? null,
		chat_id: text(message.chat_id) ?? chatId,
		text: typeof message.text === 'string' ? message.text : null,
		sent_at: isoDate(message.timestamp) ?? null,
		from_me: message.is_sender === true,
		sender_provider_id: text(message.sender_id) ?? text(object(message.sender).id) ?? null,
	};
	return Object.fromEntries(MESSAGE_FIELDS.map((field) => [field, simplified[field]]));
}

/** One chat's messages, newest first, read a page at a time as the merge needs them. */
interface ChatReader {
	chatId: string;
	buffer: IDataObject[];
	token?: string;
	done: boolean;
	seen: Set<string>;
}

/**
 * Message → Get Many: the member's chat(s) (`GET …/users/{user_id}/chat`), then their messages,
 * newest first. Several chats (e.g. InMails) are merged by timestamp. Events (`is_event`: "special
 * messages that are not displayed in the chat") are left out. No chat: no items.
 */
export async function getMessages(
	client: ServiceClient,
	input: MessagesInput,
): Promise<OperationResult[]> {
	const { keep, until } = input;
	const { userId } = await recipient(client, input.accountId, input.profile);
	const chats = await userChats(client, input.accountId, userId);
	if (!chats.length) return [];
	const readers: ChatReader[] = chats.map((chatId) => ({
		chatId,
		buffer: [],
		done: false,
		seen: new Set(),
	}));

	async function fill(reader: ChatReader, size: number): Promise<void> {
		while (!reader.buffer.length && !reader.done) {
			const page = await readPage(
				client,
				messagesPath(input.accountId, reader.chatId),
				{},
				reader.token,
				size,
			);
			// A host that ignored the cursor would send the first page again and again: seen ids end it.
			const fresh = page.items.filter((item) => {
				const id = text(item.id);
				if (!id) return true;
				if (reader.seen.has(id)) return false;
				reader.seen.add(id);
				return true;
			});
			reader.buffer.push(...fresh.filter((item) => item.is_event !== true));
			reader.token = page.nextPageToken;
			if (!page.nextPageToken || !fresh.length) reader.done = true;
		}
	}

	/** The newest message not yet given, across the chats; undefined when all are read. */
	async function next(size: number): Promise<OperationResult | undefined> {
		for (const reader of readers) await fill(reader, size);
		let newest: ChatReader | undefined;
		for (const reader of readers) {
			if (!reader.buffer.length) continue;
			if (
				!newest ||
				(timeOf(reader.buffer[0]) ?? -Infinity) > (timeOf(newest.buffer[0]) ?? -Infinity)
			)
				newest = reader;
		}
		const raw = newest?.buffer.shift();
		return raw && newest ? { simplified: messageItem(raw, newest.chatId), raw } : undefined;
	}

	let served = 0;
	return await collectPages<OperationResult>(
		async (_token, wanted) => {
			const size = Math.min(PAGE_SIZE, wanted ?? PAGE_SIZE);
			const items: OperationResult[] = [];
			while (items.length < size) {
				const item = await next(size);
				if (!item) break;
				items.push(item);
			}
			served += items.length;
			return { items, nextPageToken: items.length < size ? undefined : String(served) };
		},
		{
			limit: input.limit,
			keep: keep && ((item) => keep(item.simplified)),
			until: until && ((item) => until(item.simplified)),
		},
	);
}

/**
 * LinkupAPI messages (D = https://docs.linkupapi.com/api-reference/v2): Send Message with `send`
 * (D/messages/send) and a member's conversation with `get_conversation` (D/messages/get-conversation),
 * both `POST /v2/messages {account_id, action, params}` in the usual envelope.
 *
 * - send: `params: {profile_url, message_text, media_link | media_file | media_path}` ("Sends a
 *   message to a user identified by their profile URL"), answered `data: {entityUrn,
 *   conversation_id, deliveredAt}`; "1 credit for text-only messages and 2 credits when media is
 *   attached". The member is given as invitations give it: the canonical profile URL, a member ID
 *   as /in/<id>/ (the v1 send page: "LinkedIn profile URL of the recipient … or profile URN (e.g.,
 *   ACoAAFHoUZgB6wGz0HEW1MdqGW45NI4e-JhvGqQ)").
 * - get_conversation: `params: {conversation_id | profile_url, count, cursor}` ("the conversation
 *   with that user is resolved automatically"), "ordered from most recent to oldest", "Pagination
 *   is cursor-based — pass the next_cursor returned by a previous call to fetch older messages";
 *   items `{text, timestamp (ms), sender (a name), sender_info: {first_name, last_name,
 *   profile_url}, message_type, entity_urn}`. No page states the cost per message: the example
 *   answer spends 1 credit, the v1 page (linkup/Messages/conversation) "1 credit per 10 results".
 *
 * Who wrote a message: get_conversation has no `is_me` (list_inbox's `last_message.sender` has
 * one). See fromMe below for how it is told, and its ASSUMPTIONs.
 */
import type { IDataObject } from 'n8n-workflow';
import { LINKEDIN_MESSAGE_MAX_LENGTH } from '../../shared/parameters';
import { collectPages } from '../../shared/pagination';
import {
	identifierInUrl,
	identifierKey,
	type ProfileIdentifier,
	profileUrlOf,
} from '../../shared/profileIdentifier';
import { object, objects, text } from '../../shared/values';
import { ServiceError } from '../../transport/errors';
import type { ServiceClient } from '../../transport/types';
import { type Conversation, findSentMessage } from '../messageCheck';
import { memberGiven } from '../results';
import type { MessageSender, MessagesInput, OperationResult, SendMessageInput } from '../types';
import { isNoConversation, isNotConnectedRefusal } from './errors';
import { creditsOf, getProfile } from './profiles';
import { MESSAGES, messagesAction } from './routes';

/** Messages asked per get_conversation page. ASSUMPTION: the pages state no largest `count`. */
export const PAGE_SIZE = 50;

/** Messages per get_conversation page of the check after a lost send answer (messageCheck.ts). */
const CHECK_PAGE_SIZE = 20;

/** A LinkupAPI time as milliseconds: the pages write ms numbers (1777147641366) or ISO strings. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0)
		return value < 1e12 ? value * 1000 : value;
	if (typeof value === 'string' && /^\d{9,16}$/.test(value.trim())) return timeOf(Number(value));
	const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(parsed) ? parsed : undefined;
}

export function isoTimeOf(value: unknown): string | null {
	const time = timeOf(value);
	return time === undefined ? null : new Date(time).toISOString();
}

/**
 * The member id in a message's `entity_urn`, `urn:li:msg_message:(urn:li:fsd_profile:<id>,2-…)`.
 * ASSUMPTION: it is the account's own (the mailbox the message sits in), not the sender's: in the
 * v1 conversation page's example both messages, one from each participant, carry the same id, and
 * the v1 inbox page's example gives that id as the account's own sender profile URL
 * (linkedin.com/in/ACoAADxnv0oB…) and in its conversation_id.
 */
export function mailboxOf(entityUrn: unknown): string | undefined {
	return /urn:li:fsd_profile:([A-Za-z0-9_-]+)/.exec(text(entityUrn) ?? '')?.[1];
}

/**
 * Tells the account's messages from the member's in one conversation. get_conversation names each
 * sender by `sender_info.profile_url` only (no id, no is_me), so:
 * - a sender named by member id is the account when that id is the mailbox's (see mailboxOf);
 * - otherwise the sender is compared with the member: ASSUMPTION, a conversation read by
 *   profile_url has two people, so a message not from the member is from the account;
 * - when the sender's URL and the member are written in different forms (a public identifier and a
 *   member id), the member's other form is learnt once from a profile lookup (`get`, 1 credit,
 *   shared with Get Profile in the run); the check after a lost send does without (mayLookUp false).
 * A sender with no profile URL, or one that cannot be compared, is `from_me: null`.
 */
class Participants {
	private readonly keys: Set<string>;

	private readonly kinds: Set<ProfileIdentifier['kind']>;

	private memberId: string | undefined;

	private looked = false;

	constructor(
		private readonly client: ServiceClient,
		private readonly accountId: string,
		private readonly member: ProfileIdentifier,
		private readonly mayLookUp: boolean,
	) {
		this.keys = new Set([identifierKey(member)]);
		this.kinds = new Set([member.kind]);
		this.memberId = member.kind === 'providerId' ? member.value : undefined;
	}

	private async lookUpMember(): Promise<void> {
		this.looked = true;
		const found = await getProfile(this.client, {
			accountId: this.accountId,
			profile: this.member,
		}).catch((error: unknown) => {
			// The conversation is still read; who wrote what stays unknown (from_me null).
			if (error instanceof ServiceError) return undefined;
			throw error;
		});
		const member = found?.simplified ?? {};
		for (const [kind, value] of [
			['providerId', member.provider_id],
			['publicIdentifier', member.public_identifier],
		] as const) {
			if (typeof value !== 'string' || !value) continue;
			this.keys.add(identifierKey({ kind, value }));
			this.kinds.add(kind);
			if (kind === 'providerId') this.memberId ??= value;
		}
	}

	async fromMe(message: IDataObject): Promise<boolean | null> {
		const sender = identifierInUrl(object(message.sender_info).profile_url);
		if (!sender) return null;
		const mailbox = mailboxOf(message.entity_urn);
		if (sender.kind === 'providerId' && mailbox) return sender.value === mailbox;
		if (!this.kinds.has(sender.kind) && this.mayLookUp && !this.looked) await this.lookUpMember();
		if (!this.kinds.has(sender.kind)) return null;
		return !this.keys.has(identifierKey(sender));
	}

	/** One message in the shared field names (MESSAGE_FIELDS), in their order. */
	async simplify(message: IDataObject, chatId: string | undefined): Promise<IDataObject> {
		const fromMe = await this.fromMe(message);
		const sender = identifierInUrl(object(message.sender_info).profile_url);
		const senderId =
			sender?.kind === 'providerId'
				? sender.value
				: fromMe === false
					? this.memberId
					: fromMe === true
						? mailboxOf(message.entity_urn)
						: undefined;
		return {
			message_id: text(message.entity_urn) ?? null,
			chat_id: chatId ?? null,
			text: typeof message.text === 'string' ? message.text : null,
			sent_at: isoTimeOf(message.timestamp),
			from_me: fromMe,
			sender_provider_id: senderId ?? null,
		};
	}
}

interface ConversationPage {
	messages: IDataObject[];
	nextCursor?: string;
	/** get_conversation's v2 example has none; the v1 page's answer had `conversation_id`. */
	conversationId?: string;
	/** False when the answer held no list of messages. */
	readable: boolean;
}

/** One page of the conversation with the member, newest first; no conversation yet is an empty page. */
async function readConversation(
	client: ServiceClient,
	accountId: string,
	profileUrl: string,
	count: number,
	cursor: string | undefined,
): Promise<ConversationPage> {
	const params: IDataObject = { profile_url: profileUrl, count };
	if (cursor !== undefined) params.cursor = cursor;
	const response = await messagesAction(client, accountId, 'get_conversation', params).catch(
		(error: unknown) => {
			if (error instanceof ServiceError && isNoConversation(error.serviceFailure)) return undefined;
			throw error;
		},
	);
	if (!response) return { messages: [], readable: true };
	const data = object(response.data);
	const next = data.next_cursor;
	return {
		messages: objects(data.messages),
		// No list where one belongs: the check after a lost send must not read it as "not there".
		readable: Array.isArray(data.messages),
		// D/messages/get-conversation's example: "next_cursor": "1777146285823" (a string of ms).
		nextCursor: typeof next === 'number' ? String(next) : text(next),
		conversationId: text(data.conversation_id),
	};
}

/** Message → Get Many: the conversation with the member, newest first, to the limit or the end. */
export async function getMessages(
	client: ServiceClient,
	input: MessagesInput,
): Promise<OperationResult[]> {
	const profileUrl = profileUrlOf(input.profile);
	const participants = new Participants(client, input.accountId, input.profile, true);
	const { keep, until } = input;
	return await collectPages<OperationResult>(
		async (cursor, wanted) => {
			const page = await readConversation(
				client,
				input.accountId,
				profileUrl,
				Math.min(PAGE_SIZE, wanted ?? PAGE_SIZE),
				cursor,
			);
			const items: OperationResult[] = [];
			for (const raw of page.messages)
				items.push({ simplified: await participants.simplify(raw, page.conversationId), raw });
			return { items, nextPageToken: page.nextCursor };
		},
		{
			limit: input.limit,
			keep: keep && ((item) => keep(item.simplified)),
			until: until && ((item) => until(item.simplified)),
		},
	);
}

/**
 * The conversation with the member, as the check after a lost send answer (messageCheck.ts) reads
 * it. A message not from the member may be ours (Participants, without the paid profile lookup);
 * the one found stands for the send's answer, `data: {entityUrn, conversation_id, deliveredAt}`.
 */
function checkedConversation(
	client: ServiceClient,
	input: SendMessageInput,
	profileUrl: string,
): Conversation {
	const participants = new Participants(client, input.accountId, input.profile, false);
	let conversationId: string | undefined;
	return {
		async readPage(cursor) {
			const page = await readConversation(
				client,
				input.accountId,
				profileUrl,
				CHECK_PAGE_SIZE,
				cursor,
			);
			if (!page.readable) throw new Error('LinkupAPI answered without a list of messages');
			conversationId = page.conversationId;
			return { items: page.messages, nextPageToken: page.nextCursor };
		},
		pageSize: CHECK_PAGE_SIZE,
		idOf: (message) => text(message.entity_urn),
		fromMe: async (message) => (await participants.fromMe(message)) ?? undefined,
		textOf: (message) => message.text,
		sentAt: (message) => timeOf(message.timestamp),
		answerFor: (message) => ({
			success: true,
			data: {
				entityUrn: message.entity_urn,
				conversation_id: conversationId,
				deliveredAt: message.timestamp,
			},
		}),
	};
}

/** Send Message's facts for LinkupAPI; the policy above decides what a refusal becomes. */
export const linkupMessages: MessageSender = {
	// No documented limit: LinkedIn's message box (shared/parameters.ts, ASSUMPTION there).
	maxLength: LINKEDIN_MESSAGE_MAX_LENGTH,

	async send(client, input) {
		const profileUrl = profileUrlOf(input.profile);
		// D/messages/send: text only (this node attaches no media), 1 credit. A write: sent once, and
		// a lost answer is checked in the conversation, never resent.
		const { body: response, confirmedAfterError } = await client.writeOnce(
			{
				method: 'POST',
				url: MESSAGES,
				body: {
					account_id: input.accountId,
					action: 'send',
					params: { profile_url: profileUrl, message_text: input.text },
				},
			},
			async (sentAt) =>
				await findSentMessage([checkedConversation(client, input, profileUrl)], input.text, sentAt),
			'the conversation on LinkedIn',
		);
		const data = object(response.data);
		const simplified: IDataObject = {
			status: 'sent',
			chat_id: text(data.conversation_id) ?? null,
			message_id: text(data.entityUrn) ?? text(data.entity_urn) ?? null,
			...memberGiven(input.profile),
		};
		// What the send spent, as the envelope reports it (a confirmed send's answer was lost: unknown).
		const credits = creditsOf(response);
		if (credits !== undefined) simplified.credits_consumed = credits;
		if (confirmedAfterError) simplified.confirmed_after_error = confirmedAfterError;
		return { simplified, raw: { status: 'sent', ...response } };
	},

	notConnected: isNotConnectedRefusal,
};

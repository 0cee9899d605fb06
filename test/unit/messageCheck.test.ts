/**
 * The check after a lost Send Message answer, over conversations held in memory: what counts as our
 * message, what ends a conversation, and when the check cannot tell.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	type Conversation,
	findSentMessage,
	MAX_MESSAGE_CHECK_PAGES,
	MESSAGE_CLOCK_MARGIN_MS,
	sameText,
} from '../../nodes/core/services/messageCheck';

/** Not found is never "not sent": the service may still be delivering it. */
const NOT_FOUND = {
	outcome: 'unknown',
	reason:
		'it was not in the conversation when checked, moments later, but the service may still have been delivering it',
};

const ATTEMPT = Date.parse('2025-05-01T12:00:00Z');
const TEXT = 'Thanks for connecting!';

interface Message {
	id: string;
	text: string;
	/** undefined: the service gave no date. */
	at?: number;
	/** false: the member wrote it; undefined: the service cannot tell. */
	mine?: boolean;
}

const message = (id: string, text: string, at: number | undefined, mine?: boolean): Message => ({
	id,
	text,
	at,
	mine,
});

/** Messages newest first, served `pageSize` a page; `repeat` serves the first page for every token. */
function conversation(
	messages: Message[],
	{ pageSize = 2, repeat = false } = {},
): Conversation & { reads: number } {
	const reads = { count: 0 };
	return {
		get reads() {
			return reads.count;
		},
		async readPage(token) {
			reads.count++;
			const start = repeat || !token ? 0 : Number(token);
			const items = messages.slice(start, start + pageSize) as unknown as IDataObject[];
			const next = start + pageSize;
			return { items, nextPageToken: next < messages.length ? String(next) : undefined };
		},
		pageSize,
		idOf: (m) => m.id as string,
		fromMe: async (m) => (m.mine as boolean | undefined) ?? undefined,
		textOf: (m) => m.text,
		sentAt: (m) => m.at as number | undefined,
		answerFor: (m) => ({ message_id: m.id }),
	};
}

/** `n` messages of the member, dated at the attempt. */
const chatter = (n: number): Message[] =>
	Array.from({ length: n }, (_, i) => message(`m${i}`, `Other ${i}`, ATTEMPT, false));

describe('sameText', () => {
	it('ignores line endings and outer blanks, nothing else', () => {
		expect(sameText(' Hi\r\nthere \n', 'Hi\nthere')).toBe(true);
		expect(sameText('Hi\rthere', 'Hi\nthere')).toBe(true);
		expect(sameText('Hi there', 'Hi\nthere')).toBe(false);
		expect(sameText(undefined, '')).toBe(false);
	});
});

describe('findSentMessage', () => {
	it('found on the second page: sent, answered as the message found stands for it', async () => {
		const chat = conversation([
			...chatter(2),
			message('ours', `${TEXT}\r\n`, ATTEMPT + 1000, true),
		]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual({
			outcome: 'sent',
			body: { message_id: 'ours' },
		});
		expect(chat.reads).toBe(2);
	});

	it('a message dated within the clock margin before the attempt still counts', async () => {
		const chat = conversation([message('ours', TEXT, ATTEMPT - MESSAGE_CLOCK_MARGIN_MS + 1000)]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toMatchObject({ outcome: 'sent' });
	});

	it('a message older than the attempt less the margin ends the conversation: unknown, never "not sent"', async () => {
		const chat = conversation([
			message('old', 'Earlier', ATTEMPT - MESSAGE_CLOCK_MARGIN_MS - 1000, true),
			message('older', TEXT, ATTEMPT - 60 * 60 * 1000, true),
			...chatter(10),
		]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual(NOT_FOUND);
		expect(chat.reads).toBe(1);
	});

	it("the member's own message with the same text is not ours", async () => {
		const chat = conversation([message('theirs', TEXT, ATTEMPT, false)]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual(NOT_FOUND);
	});

	it('a message whose writer the service cannot tell may be ours', async () => {
		const chat = conversation([message('either', TEXT, ATTEMPT)]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toMatchObject({ outcome: 'sent' });
	});

	it('the same text without a date, nothing else: unknown', async () => {
		const chat = conversation([message('undated', TEXT, undefined, true)]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual({
			outcome: 'unknown',
			reason: 'a message with this text is in the conversation, but the service gave it no date',
		});
	});

	it('an undated one does not hide a dated one further on', async () => {
		const chat = conversation([
			message('undated', TEXT, undefined, true),
			message('ours', TEXT, ATTEMPT, true),
		]);
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toMatchObject({
			outcome: 'sent',
			body: { message_id: 'ours' },
		});
	});

	it('a host that serves the same page again: unknown', async () => {
		const chat = conversation(chatter(6), { repeat: true });
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual({
			outcome: 'unknown',
			reason: 'the list of messages repeated itself',
		});
		expect(chat.reads).toBe(2);
	});

	it('more pages of newer messages than it reads: unknown, the number read said', async () => {
		const chat = conversation(chatter(MAX_MESSAGE_CHECK_PAGES * 2 + 1));
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual({
			outcome: 'unknown',
			reason: `the check read the newest ${MAX_MESSAGE_CHECK_PAGES * 2} messages of the conversation without reaching older ones`,
		});
		expect(chat.reads).toBe(MAX_MESSAGE_CHECK_PAGES);
	});

	it('exactly as many pages as it reads, then the end: unknown, never "not sent"', async () => {
		const chat = conversation(chatter(MAX_MESSAGE_CHECK_PAGES * 2));
		expect(await findSentMessage([chat], TEXT, ATTEMPT)).toEqual(NOT_FOUND);
	});

	it('an empty page ends the conversation, whatever token it gives', async () => {
		const empty: Conversation = {
			...conversation([]),
			readPage: async () => ({ items: [], nextPageToken: 'more' }),
		};
		expect(await findSentMessage([empty], TEXT, ATTEMPT)).toEqual(NOT_FOUND);
	});

	it('several conversations: read in turn, found in the second', async () => {
		const first = conversation(chatter(3));
		const second = conversation([message('inmail', TEXT, ATTEMPT, true)]);
		expect(await findSentMessage([first, second], TEXT, ATTEMPT)).toEqual({
			outcome: 'sent',
			body: { message_id: 'inmail' },
		});
		expect([first.reads, second.reads]).toEqual([2, 1]);
	});

	it('an undated match in one conversation and nothing in the next: unknown', async () => {
		const first = conversation([message('undated', TEXT, undefined, true)]);
		const second = conversation(chatter(1));
		expect(await findSentMessage([first, second], TEXT, ATTEMPT)).toMatchObject({
			outcome: 'unknown',
		});
	});

	it('no conversation: unknown, never "not sent"', async () => {
		expect(await findSentMessage([], TEXT, ATTEMPT)).toEqual(NOT_FOUND);
	});

	it('an unreadable page fails the check (the client says "checking failed too")', async () => {
		const broken: Conversation = {
			...conversation([]),
			readPage: async () => {
				throw new Error('not a list');
			},
		};
		await expect(findSentMessage([broken], TEXT, ATTEMPT)).rejects.toThrow('not a list');
	});
});

/** Unipile v1's routes: every path sits under /api/v1 on the customer's DSN (developer.unipile.com/reference). */
export const API = '/api/v1';

/** A member's profile; the identifier is one encoded path segment (a public identifier or provider id). */
export function profilePath(identifier: string): string {
	return `${API}/users/${encodeURIComponent(identifier)}`;
}

/** Starts a chat, or writes in the 1:1 chat that exists (v1 spec, m_startNewChat). */
export const CHATS = `${API}/chats`;

/** A chat's messages: read them (m_listChatMessages), or write in it (m_sendMessageInChat). */
export function chatMessagesPath(chatId: string): string {
	return `${API}/chats/${encodeURIComponent(chatId)}/messages`;
}

/**
 * The 1:1 chats with one member (v1 spec, l_listChatsByAttendee): the path takes "the Unipile ID
 * OR provider_id of the attendee".
 */
export function attendeeChatsPath(providerId: string): string {
	return `${API}/chat_attendees/${encodeURIComponent(providerId)}/chats`;
}

/**
 * LinkedIn people search, Classic or Sales Navigator, from filters, a pasted URL or a cursor (v1
 * spec, A_search: POST /api/v1/linkedin/search, unipile-v1-openapi.yaml L30825-36611).
 */
export const SEARCH = `${API}/linkedin/search`;

/** LinkedIn's ids for search filters (v1 spec, A_getSearchParametersList, L30554-30824). */
export const SEARCH_PARAMETERS = `${API}/linkedin/search/parameters`;

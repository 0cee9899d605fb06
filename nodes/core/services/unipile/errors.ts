/**
 * Unipile's error answers, `{status, type: "errors/<slug>", title, detail?}` (v1 OpenAPI: every error
 * response schema), turned into what the user should do. Retries are decided by the transport.
 */
import { lookupMap } from '../../shared/lookup';
import { retryAfterSeconds } from '../../shared/retryAfter';
import { object, text } from '../../shared/values';
import type { ServiceFailure, ServiceResponse } from '../../transport/types';

/** What to tell the user for each documented error type. Types not listed get a generic message by status. */
const ADVICE = lookupMap<{ advice: string }>({
	// 400: input problems
	// The same type for an invitation note and a message (v1 spec: users/invite and chats 400s).
	too_many_characters: {
		advice:
			'The text is too long for LinkedIn: an invitation note takes 300 characters or fewer (200 on free accounts); shorten the note or the message.',
	},
	invalid_parameters: {
		advice:
			'Unipile refused a parameter: check the account ID, the profile, the search filters (Additional Filters JSON: the fields Unipile documents) and the options.',
	},
	// Search by URL (v1 spec, A_search 400 types): LinkedIn's own search URL, as the browser shows it.
	invalid_url: {
		advice:
			'Unipile refused the URL: for Profile → Search paste a LinkedIn people search as the browser shows it (linkedin.com/search/results/people/… or linkedin.com/sales/search/people…), a saved search or a lead list.',
	},
	missing_parameters: {
		advice: 'Unipile says a required parameter is missing: check the account ID and the profile.',
	},
	// 401: the same status for a bad key and for a disconnected LinkedIn account
	missing_credentials: {
		advice:
			'Unipile rejected the API key: check the API Key in the Unipile API credential (Unipile dashboard → Access Tokens).',
	},
	invalid_credentials: {
		advice:
			'The LinkedIn login stored in Unipile is no longer valid: reconnect the LinkedIn account in the Unipile dashboard.',
	},
	expired_credentials: {
		advice:
			'The LinkedIn session stored in Unipile has expired: reconnect the LinkedIn account in the Unipile dashboard.',
	},
	disconnected_account: {
		advice:
			'The LinkedIn account is disconnected from Unipile: reconnect it in the Unipile dashboard, then run again.',
	},
	multiple_sessions: {
		advice:
			'LinkedIn reports several sessions for this account: reconnect it in the Unipile dashboard.',
	},
	checkpoint_error: {
		advice:
			'LinkedIn asks for a security check on this account: resolve it in the Unipile dashboard.',
	},
	insufficient_privileges: {
		advice: 'The API key lacks the privileges for this call: use a key with full access.',
	},
	// 403: account or plan
	account_restricted: {
		advice:
			'LinkedIn has restricted this account: stop sending and check the account on linkedin.com before trying again.',
	},
	// A Sales Navigator search (or a pasted /sales/ URL) from an account without the seat (v1
	// spec, A_search 403: "The requested feature has either not been subscribed or not been
	// authenticated properly"; "requires a subscription to provider's services").
	feature_not_subscribed: {
		advice:
			"This LinkedIn account has no subscription for that feature: Sales Navigator (a Sales Navigator search, a pasted linkedin.com/sales/ URL) needs a Sales Navigator seat on the account, Recruiter a Recruiter seat. Set 'LinkedIn API' to Classic (or paste a classic search URL), or subscribe.",
	},
	subscription_required: {
		advice:
			"This needs a paid LinkedIn subscription on the account: a Sales Navigator search (or a pasted linkedin.com/sales/ URL) needs a Sales Navigator seat. Set 'LinkedIn API' to Classic, or subscribe.",
	},
	account_mismatch: {
		advice: 'The account ID does not belong to this API key: pick the account from the list.',
	},
	insufficient_permissions: {
		advice: 'The account lacks the permission for this action on LinkedIn.',
	},
	action_required: {
		advice: 'LinkedIn requires an action on this account: open the Unipile dashboard.',
	},
	// 404
	resource_not_found: {
		advice:
			'Unipile found no such profile or account: check the profile identifier and the account ID.',
	},
	invalid_resource_identifier: {
		advice: 'The profile identifier is not one LinkedIn knows: check it, or use the profile URL.',
	},
	// 422: per-recipient refusals, never retried
	already_invited_recently: {
		advice:
			'An invitation was already sent to this person recently; nothing new was sent. Wait before inviting them again.',
	},
	already_connected: { advice: 'You are already connected with this person; nothing was sent.' },
	action_already_performed: {
		advice: 'This action was already done for this person; nothing was sent.',
	},
	cannot_resend_yet: {
		advice:
			"LinkedIn's temporary invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day).",
	},
	cannot_resend_within_24hrs: {
		advice:
			'An invitation to this person was withdrawn less than 24 hours ago: wait a day before inviting again.',
	},
	limit_exceeded: {
		advice:
			"LinkedIn's invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day, ~200 a week).",
	},
	cannot_invite_attendee: {
		advice: 'LinkedIn does not allow inviting this member (e.g. an event attendee restriction).',
	},
	invalid_account: {
		advice: 'The account ID is not a LinkedIn account: pick a LinkedIn account from the list.',
	},
	invalid_recipient: { advice: 'LinkedIn refused this recipient: check the profile.' },
	user_unreachable: {
		advice:
			'LinkedIn says this member cannot be reached from this account (by invitation or message).',
	},
	// Send Message's 422 (v1 spec, POST /chats: "The recipient appears not to be first degree connection").
	no_connection_with_recipient: {
		advice:
			'The member is not a first-degree connection of this account, so LinkedIn refuses a message: invite them first, turn on Options → Send as InMail, or set Options → If Not Connected → Return Status to branch on it.',
	},
	cant_send_message: {
		advice:
			'LinkedIn would not deliver this message (e.g. the member restricts who may write to them, or the conversation is closed): look at the conversation on LinkedIn.',
	},
	unprocessable_entity: {
		advice:
			'LinkedIn could not process this request for this member: check the profile and the message.',
	},
	invalid_message: {
		advice:
			'LinkedIn refused the invitation note: remove links or unusual characters, or send without a note.',
	},
	not_allowed_inmail: {
		advice:
			"This member does not accept InMail from this account, or the account's plan has no InMail: write to them once connected, or invite them.",
	},
	blocked_recipient: {
		advice: 'This member has blocked the account or cannot receive invitations from it.',
	},
	insufficient_credits: {
		advice:
			'The LinkedIn account has no credits left for this action (for InMail: its monthly InMail credits); wait for them to renew, or write to members who are connections without InMail.',
	},
	// 429 and 5xx: temporary
	too_many_requests: {
		advice:
			'LinkedIn or Unipile is rate limiting this account: space the requests out (e.g. a Wait node between items) and try later.',
	},
	// Also how LinkedIn's throttling may come back ("Exceeding LinkedIn's limits will result in an
	// HTTP 429 or 500 error", developer.unipile.com/docs/provider-limits-and-restrictions).
	provider_error: {
		advice:
			'LinkedIn is having problems, or is slowing this account down: try again in a few minutes, and space searches and other requests out.',
	},
	unexpected_error: {
		advice: 'Unipile hit an unexpected error: try again; if it persists, contact Unipile support.',
	},
	network_down: {
		advice: 'Unipile lost its connection to LinkedIn: wait a moment and retry.',
	},
	service_unavailable: {
		advice: 'Unipile is temporarily unavailable: retry in a moment.',
	},
	no_client_session: {
		advice: 'Unipile has no live LinkedIn session for this account yet: retry in a moment.',
	},
	request_timeout: { advice: 'LinkedIn did not answer in time: try again.' },
});

const BY_STATUS: Record<number, string> = {
	400: 'Unipile refused the request: check the parameters.',
	401: 'Unipile refused the credentials: check the API key and that the LinkedIn account is connected.',
	403: 'Unipile refused the action for this account: check the account in the Unipile dashboard.',
	404: 'Unipile found nothing at that address: check the profile and the account ID.',
	422: 'LinkedIn refused this action for this person.',
	429: 'Rate limited: space the requests out and try later.',
	500: 'Unipile reported a server error: try again later.',
	502: 'Unipile could not be reached through its gateway: try again later.',
	503: 'Unipile is temporarily unavailable: try again later.',
	504: 'Unipile timed out: try again later.',
};

export function describeFailure(response: ServiceResponse): ServiceFailure | undefined {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) return undefined;
	const body = object(response.body);
	const type = text(body.type);
	const slug = type?.replace(/^errors\//, '');
	const known = slug ? ADVICE.get(slug) : undefined;
	const code = type ?? `HTTP ${statusCode}`;
	const title = text(body.title);
	const advice =
		known?.advice ?? BY_STATUS[statusCode] ?? `Unipile answered with HTTP ${statusCode}.`;
	return {
		status: statusCode,
		code,
		message: `Unipile: ${title ?? 'request failed'} [${code}]. ${advice}`,
		description:
			text(body.detail) ?? (type ? undefined : 'The response was not a Unipile error body.'),
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

/**
 * Unipile API v2's error answers turned into what the user should do. Retries are decided by the
 * transport.
 *
 * Shape (DOC developer.unipile.com/v2.0/reference/error-responses: "Unipile API uses the RFC 7807
 * specification … An error response is always of the following shape"):
 * `{object: "Error", type, status, title, detail, req_id}`, `type` written `thrower/info`, where
 * `api/…` is thrown by Unipile and `provider/…` by LinkedIn and forwarded. The SDKs (PY, TS)
 * declare no error responses at all.
 *
 * Documented types (the part of that page's table that is stored): `api/invalid_parameters`,
 * `provider/invalid_parameters`, `api/invalid_auth_format` (400), `provider/invalid_authorization`,
 * `provider/invalid_credentials` (401). The rest of the table is NOT SHOWN.
 *
 * ASSUMPTION: the other types keep v1's names under the new prefixes (v1 `errors/invalid_parameters`
 * became `api/` and `provider/invalid_parameters`, v1 `errors/invalid_credentials` became
 * `provider/invalid_credentials`), so v1's advice is kept for those names; the fact sheet warns that
 * no source confirms it. A type not listed gets a message by HTTP status, and the type is always
 * shown as it came.
 */
import { lookupMap } from '../../shared/lookup';
import { retryAfterSeconds } from '../../shared/retryAfter';
import { object, text } from '../../shared/values';
import type { ServiceFailure, ServiceResponse } from '../../transport/types';

/** The name messages start with. */
export const SERVICE_NAME = 'Unipile v2';

const KEY_ADVICE =
	'Unipile rejected the API key: copy a scoped Account API key from the Unipile dashboard (API v2) into the Unipile V2 API credential.';

const SEARCH_PRODUCT_ADVICE =
	"This LinkedIn account has no subscription for that feature (a Sales Navigator search needs a Sales Navigator seat): set 'LinkedIn API' to Classic, paste a Classic search URL, or subscribe.";

const SEARCH_URL_ADVICE =
	"The search URL was refused: paste a people search as the browser's address bar shows it (linkedin.com/search/results/people/… or linkedin.com/sales/search/people…).";

/** Advice by full type (`api/…`, `provider/…`): the documented ones first, then ASSUMPTION ones. */
const ADVICE = lookupMap<string>({
	// Documented (DOC error-responses).
	'api/invalid_parameters':
		'Unipile refused the request\'s parameters ("does not respect the required shape"): check the account ID, the profile and the message; the detail below says which.',
	'provider/invalid_parameters':
		'LinkedIn refused the parameters: check the profile (a member LinkedIn knows) and the message.',
	// "The given account token is invalid." ASSUMPTION: this is also the answer to a wrong API key
	// (the page names no other type for it).
	'api/invalid_auth_format': KEY_ADVICE,
	'provider/invalid_authorization':
		'LinkedIn no longer accepts the session stored in Unipile ("Account require re-authentication"): reconnect the LinkedIn account in the Unipile dashboard.',
	'provider/invalid_credentials':
		'The LinkedIn login stored in Unipile is not valid: reconnect the LinkedIn account in the Unipile dashboard.',
	// ASSUMPTION (v1 names under the v2 prefixes; see the file comment).
	'api/unauthorized': KEY_ADVICE,
	'api/missing_credentials': KEY_ADVICE,
	'api/invalid_api_key': KEY_ADVICE,
	'api/resource_not_found':
		'Unipile found no such member, account or invitation: check the profile, the account ID and the invitation ID.',
	'provider/resource_not_found':
		'LinkedIn found no such member or invitation: check the profile or the invitation ID.',
	'api/account_mismatch':
		'The account ID does not belong to this API key: pick the account from the list (a scoped key sees only its own accounts).',
	'api/insufficient_privileges':
		'The API key lacks the scope for this call: use a key whose scope includes this account.',
	'provider/already_invited_recently':
		'An invitation was already sent to this person recently; nothing new was sent. Wait before inviting them again.',
	'provider/already_connected': 'You are already connected with this person; nothing was sent.',
	'provider/action_already_performed':
		'This action was already done for this person; nothing was sent.',
	'provider/cannot_resend_yet':
		"LinkedIn's temporary invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day).",
	'provider/limit_exceeded':
		"LinkedIn's invitation limit is reached: stop for today and resume tomorrow (stay under ~80–100 a day, ~200 a week).",
	// Messaging refusals: v1's 422 types of `POST /api/v1/chats` (v1 spec, "Recipient cannot be
	// reached: The recipient appears not to be first degree connection") under the `provider/` prefix.
	'provider/no_connection_with_recipient':
		'LinkedIn only lets this account message its first-degree connections: invite the member first, or send an InMail (Options → Send as InMail).',
	'provider/not_allowed_inmail':
		'This member cannot be reached by InMail from this account: invite them instead.',
	'provider/insufficient_credits':
		'The LinkedIn account has no InMail credits left: wait for them to renew, or message connections only.',
	'provider/blocked_recipient': 'This member cannot receive messages from this account.',
	'provider/invalid_recipient': 'LinkedIn refused this recipient: check the profile.',
	'provider/user_unreachable': 'LinkedIn says this member cannot be reached.',
	'provider/invalid_message':
		'LinkedIn refused the text: remove unusual characters or links, or shorten it.',
	'provider/cant_send_message':
		'LinkedIn would not send this message (e.g. the conversation is read-only): check it on linkedin.com.',
	'provider/account_restricted':
		'LinkedIn has restricted this account: stop sending and check the account on linkedin.com before trying again.',
	// Search refusals: v1's `POST /api/v1/linkedin/search` types (400 `errors/invalid_url`, 403
	// `errors/feature_not_subscribed` and `errors/subscription_required`; v1 spec, fact sheet §1.9)
	// under both v2 prefixes, as it is NOT SHOWN which side raises them.
	'api/feature_not_subscribed': SEARCH_PRODUCT_ADVICE,
	'provider/feature_not_subscribed': SEARCH_PRODUCT_ADVICE,
	'api/subscription_required': SEARCH_PRODUCT_ADVICE,
	'provider/subscription_required': SEARCH_PRODUCT_ADVICE,
	'api/invalid_url': SEARCH_URL_ADVICE,
	'provider/invalid_url': SEARCH_URL_ADVICE,
	'api/disconnected_account':
		'The LinkedIn account is disconnected from Unipile: reconnect it in the Unipile dashboard, then run again.',
	'api/too_many_requests':
		'Unipile is rate limiting this key: space the requests out (e.g. a Wait node between items) and try later.',
	'provider/too_many_requests':
		'LinkedIn is rate limiting this account: space the requests out and try later.',
	'api/unexpected_error':
		'Unipile hit an unexpected error: try again; if it persists, contact Unipile support.',
	'provider/unexpected_error': 'LinkedIn answered with an unexpected error: try again later.',
	'provider/network_down': 'Unipile lost its connection to LinkedIn: wait a moment and retry.',
	'api/service_unavailable': 'Unipile is temporarily unavailable: retry in a moment.',
});

/** By status when the type is not known (or missing). */
const BY_STATUS = new Map<number, string>([
	[400, 'Unipile refused the request: check the parameters.'],
	[
		401,
		'Unipile refused the request: check the API key in the Unipile V2 API credential, and that the LinkedIn account is connected.',
	],
	[
		403,
		"Unipile refused the action for this account: check the key's scope and the account in the Unipile dashboard.",
	],
	[
		404,
		'Unipile found nothing at that address: check the profile, the account ID and the Base URL.',
	],
	[409, 'LinkedIn refused this action for this person (a conflict with its current state).'],
	[422, 'LinkedIn refused this action for this person.'],
	[429, 'Rate limited: space the requests out and try later.'],
	[500, 'Unipile reported a server error: try again later.'],
	[502, 'Unipile could not be reached through its gateway: try again later.'],
	[503, 'Unipile is temporarily unavailable: try again later.'],
	[504, 'Unipile timed out: try again later.'],
]);

/** A 401 thrown by Unipile itself (not forwarded from LinkedIn) is about the key. */
function adviceFor(type: string | undefined, status: number): string {
	const known = type ? ADVICE.get(type) : undefined;
	if (known) return known;
	if (status === 401 && (!type || type.startsWith('api/'))) return KEY_ADVICE;
	return BY_STATUS.get(status) ?? `Unipile answered with HTTP ${status}.`;
}

export function describeFailure(response: ServiceResponse): ServiceFailure | undefined {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) return undefined;
	const body = object(response.body);
	const isErrorBody = body.object === 'Error';
	const type = text(body.type);
	const code = type ?? `HTTP ${statusCode}`;
	const detail = text(body.detail);
	const requestId = text(body.req_id);
	return {
		status: statusCode,
		code,
		message: `${SERVICE_NAME}: ${text(body.title) ?? 'request failed'} [${code}]. ${adviceFor(type, statusCode)}`,
		description: isErrorBody
			? [detail, requestId && `Unipile request ID: ${requestId}`].filter(Boolean).join(' ') ||
				undefined
			: 'The response was not a Unipile error body.',
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

/**
 * LinkupAPI's error envelope, `{success: false, error: {code, message}, metadata}`
 * (docs.linkupapi.com/api-reference/v2/error-codes), turned into what the user should do. Retries
 * are decided by the transport.
 */
import { lookupMap } from '../../shared/lookup';
import { retryAfterSeconds } from '../../shared/retryAfter';
import { object, text } from '../../shared/values';
import type { ServiceFailure, ServiceResponse } from '../../transport/types';

const ADVICE = lookupMap<{ advice: string }>({
	INVALID_API_KEY: {
		advice:
			'LinkupAPI rejected the API key: copy it again from the LinkupAPI dashboard into the LinkupAPI credential.',
	},
	INVALID_ACCOUNT: {
		advice: "The account ID doesn't exist or isn't yours: pick the LinkedIn account from the list.",
	},
	ACCOUNT_INACTIVE: {
		advice:
			'The LinkedIn account is inactive or its session expired: reconnect it in the LinkupAPI dashboard, then run again.',
	},
	INVALID_ACTION: {
		advice:
			'LinkupAPI does not support this action: update the node, and report it if it persists.',
	},
	INVALID_PARAMS: {
		advice:
			'LinkupAPI refused a parameter: check the profile, the account ID and the message (Search: the filters, and Additional Filters in LinkupAPI\'s own field names, e.g. {"school_url": ["…"]}).',
	},
	RATE_LIMITED: {
		advice:
			'LinkupAPI is rate limiting: space the requests out (e.g. a Wait node between items) and try later.',
	},
	INSUFFICIENT_CREDITS: {
		advice:
			'Your LinkupAPI credits are used up: top up in the LinkupAPI dashboard. This failed call cost nothing.',
	},
	INTERNAL_ERROR: { advice: 'LinkupAPI hit a server error: try again later.' },
	// ASSUMPTION: not in LinkupAPI's error-code table; third-party clients report it inside HTTP 200
	// answers with success:false when LinkedIn refuses (restricted profile, already invited…).
	CHANNEL_ERROR: {
		advice:
			'LinkedIn refused the request (e.g. already invited or connected, a restricted profile, a missing premium seat): nothing was done for this person.',
	},
});

/**
 * A refusal to write to someone who is not a 1st-degree connection. ASSUMPTION: no LinkupAPI page
 * documents it. Its error-code table (D/error-codes) has no such code, Pipedream's send-message.mjs
 * says "Make sure you are already connected to the recipient", and third-party clients report
 * LinkedIn's refusals as CHANNEL_ERROR with LinkedIn's words: the wording is matched, and a code of
 * its own (should LinkupAPI add one) is taken too.
 */
const NOT_CONNECTED_CODE = /^NOT_(?:A_)?(?:CONNECTED|CONNECTION|FIRST_DEGREE)$/;
const NOT_CONNECTED_WORDS =
	/not (?:yet )?(?:a )?(?:1st[- ]degree |first[- ]degree )?(?:connected|connection)|only (?:message|write to) (?:your )?(?:1st[- ]degree |first[- ]degree )?connections|not in your network|must be connected/i;

export function isNotConnectedRefusal(failure: { code: string; message: string }): boolean {
	if (NOT_CONNECTED_CODE.test(failure.code)) return true;
	return failure.code === 'CHANNEL_ERROR' && NOT_CONNECTED_WORDS.test(failure.message);
}

const NOT_CONNECTED_ADVICE =
	"LinkedIn lets this account message only its 1st-degree connections: invite the member first (Invitation → Send), or set the option If Not Connected to 'Return Status' to route such members on. Nothing was sent.";

/**
 * ASSUMPTION, as for not-connected: get_conversation for a member the account never wrote to. No
 * page shows that answer; an empty `messages` list is read as none, and a CHANNEL_ERROR saying
 * there is no conversation is read the same way.
 */
export function isNoConversation(failure: { code: string; message: string }): boolean {
	return (
		failure.code === 'CHANNEL_ERROR' &&
		/no (?:existing )?conversation|conversation (?:was )?not found/i.test(failure.message)
	);
}

const BY_STATUS: Record<number, string> = {
	400: 'LinkupAPI refused the request: check the parameters.',
	402: 'Your LinkupAPI credits are used up: top up in the LinkupAPI dashboard.',
	403: 'LinkupAPI refused access: check the API key and that the account is active.',
	404: 'LinkupAPI found nothing at that address: check the base URL and the account ID.',
	429: 'Rate limited: space the requests out and try later.',
	500: 'LinkupAPI reported a server error: try again later.',
	502: 'LinkupAPI could not be reached through its gateway: try again later.',
	503: 'LinkupAPI is temporarily unavailable: try again later.',
	504: 'LinkupAPI timed out: try again later.',
};

export function describeFailure(response: ServiceResponse): ServiceFailure | undefined {
	const body = object(response.body);
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	// LinkupAPI may answer 200 with success:false; the envelope decides, not the status alone.
	if (ok && body.success !== false) return undefined;
	const error = object(body.error);
	const code = text(error.code);
	const shownCode = code ?? `HTTP ${response.statusCode}`;
	const known = code ? ADVICE.get(code) : undefined;
	const message = text(error.message) ?? 'request failed';
	const advice =
		(code && isNotConnectedRefusal({ code, message }) ? NOT_CONNECTED_ADVICE : undefined) ??
		known?.advice ??
		BY_STATUS[response.statusCode] ??
		`LinkupAPI answered with HTTP ${response.statusCode}.`;
	return {
		status: response.statusCode,
		code: shownCode,
		message: `LinkupAPI: ${message} [${shownCode}]. ${advice}`,
		description: code ? undefined : 'The response was not a LinkupAPI error envelope.',
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

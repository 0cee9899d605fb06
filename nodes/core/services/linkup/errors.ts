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
		advice: 'LinkupAPI refused a parameter: check the profile, the account ID and the message.',
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
	const advice =
		known?.advice ??
		BY_STATUS[response.statusCode] ??
		`LinkupAPI answered with HTTP ${response.statusCode}.`;
	return {
		status: response.statusCode,
		code: shownCode,
		message: `LinkupAPI: ${text(error.message) ?? 'request failed'} [${shownCode}]. ${advice}`,
		description: code ? undefined : 'The response was not a LinkupAPI error envelope.',
		retryAfterSeconds: retryAfterSeconds(response.headers),
	};
}

/**
 * Unipile API v2's error answers (`{object: "Error", type, status, title, detail, req_id}`, DOC
 * /v2.0/reference/error-responses) in the user's terms: the documented types, the ASSUMPTION ones,
 * unknown types by status, and what the transport does with them (reads retried, invitations not).
 */
import { describeFailure } from '../../nodes/core/services/unipileV2/errors';
import { expectNoSecret } from '../helpers/assertions';
import { JULIEN, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';
import { FakeUnipileV2 } from '../fakes/unipileV2';
import { runV2, V2_ACCOUNT, V2_KEY, v2Credentials, v2ErrorAnswer, v2Params } from './harness';

const error = v2ErrorAnswer;

describe('describeFailure (Unipile v2)', () => {
	it('is undefined for a success', () => {
		expect(
			describeFailure({ statusCode: 201, headers: {}, body: { object: 'RelationRequest' } }),
		).toBeUndefined();
	});

	it.each([
		[400, 'api/invalid_parameters', /Unipile refused the request's parameters/],
		[400, 'provider/invalid_parameters', /LinkedIn refused the parameters/],
		[400, 'api/invalid_auth_format', /Unipile rejected the API key/],
		[401, 'provider/invalid_authorization', /reconnect the LinkedIn account/],
		[401, 'provider/invalid_credentials', /LinkedIn login stored in Unipile is not valid/],
	])('documented %i %s has its advice', (status, type, advice) => {
		const failure = describeFailure(error(status, type));

		expect(failure).toEqual({
			status,
			code: type,
			message: expect.stringMatching(
				new RegExp(`^Unipile v2: Title from Unipile \\[${type.replace('/', '\\/')}\\]\\. `),
			),
			description: 'Detail Unipile request ID: req_1',
			retryAfterSeconds: undefined,
		});
		expect(failure?.message).toMatch(advice);
	});

	it('an unknown 401 thrown by Unipile is about the key; one forwarded from LinkedIn is not', () => {
		expect(describeFailure(error(401, 'api/something_new'))?.message).toMatch(
			/rejected the API key/,
		);
		expect(describeFailure(error(401, 'provider/something_new'))?.message).toMatch(
			/check the API key in the Unipile V2 API credential, and that the LinkedIn account is connected/,
		);
	});

	it('an unknown type gets advice by status, and keeps its type as the code', () => {
		const failure = describeFailure(error(409, 'provider/some_conflict'));
		expect(failure?.code).toBe('provider/some_conflict');
		expect(failure?.message).toMatch(/\[provider\/some_conflict\]\. LinkedIn refused this action/);
	});

	it('a body that is not a Unipile error says so; Retry-After is read', () => {
		const failure = describeFailure({
			statusCode: 503,
			headers: { 'retry-after': '7' },
			body: '<html>busy</html>',
		});
		expect(failure).toEqual({
			status: 503,
			code: 'HTTP 503',
			message:
				'Unipile v2: request failed [HTTP 503]. Unipile is temporarily unavailable: try again later.',
			description: 'The response was not a Unipile error body.',
			retryAfterSeconds: 7,
		});
	});

	it('a type named like an Object.prototype member finds no advice', () => {
		expect(describeFailure(error(400, 'constructor'))?.message).toMatch(
			/\[constructor\]\. Unipile refused the request: check the parameters\.$/,
		);
	});
});

describe('Unipile v2 failures through the engine', () => {
	const fake = new FakeUnipileV2({ apiKey: V2_KEY });
	const baseUrl = useFake(fake);
	const credentials = () => v2Credentials(baseUrl());
	const PROFILE = `/v2/${V2_ACCOUNT}/users/julien-crepieux`;
	const REQUESTS = `/v2/${V2_ACCOUNT}/users/me/relation-requests`;

	it('a read is retried after a rate limit (honouring Retry-After) and succeeds', async () => {
		fake.addFault({
			path: PROFILE,
			status: 429,
			headers: { 'retry-after': '0' },
			body: {
				object: 'Error',
				type: 'api/too_many_requests',
				status: 429,
				title: 'Too many requests',
				detail: 'Slow down',
				req_id: 'r',
			},
		});
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(fake.calls('GET', PROFILE)).toHaveLength(2);
	});

	it('an invitation refused with a rate limit is not retried', async () => {
		fake.addFault({
			method: 'POST',
			path: REQUESTS,
			status: 429,
			headers: { 'retry-after': '0' },
			body: {
				object: 'Error',
				type: 'provider/too_many_requests',
				status: 429,
				title: 'Too many requests',
				detail: 'LinkedIn',
				req_id: 'r',
			},
		});
		const result = await runV2({
			parameters: v2Params('invitation', 'send', { profile: rl('providerId', JULIEN.providerId) }),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(
			/\[provider\/too_many_requests\]\. LinkedIn is rate limiting this account/,
		);
		expect(fake.calls('POST', REQUESTS)).toHaveLength(1);
		expect(fake.invitations).toHaveLength(0);
	});

	it('a non-LinkedIn account is refused by Unipile with the documented invalid_parameters', async () => {
		const result = await runV2({
			parameters: {
				...v2Params('profile', 'get', { profile: rl('url', JULIEN.url) }),
				accountId: rl('id', 'acc_whatsapp'),
			},
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(
			/^Unipile v2: Invalid parameters \[api\/invalid_parameters\]/,
		);
		expect(result.error?.description).toMatch(
			/^The account acc_whatsapp is not a LinkedIn account\./,
		);
	});

	it('a redirect is never followed; the key goes nowhere else', async () => {
		fake.addFault({
			path: PROFILE,
			mode: 'redirect',
			location: 'https://elsewhere.example/v2/x',
			status: 307,
		});
		const result = await runV2({
			parameters: v2Params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: credentials(),
		});

		expect(result.error?.message).toMatch(
			/^Unipile v2 answered with a redirect \(HTTP 307\) to https:\/\/elsewhere\.example \[REDIRECT\]\..*check its Base URL/,
		);
		expect(fake.requests).toHaveLength(1);
		expectNoSecret(result, V2_KEY);
	});
});

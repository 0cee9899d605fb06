/**
 * Fault injection against both fake services, through n8n's engine. Reads retry a bounded number of
 * times with backoff (honouring Retry-After); an invitation is sent once, and when its answer is lost
 * the node asks the service whether it went through. No scenario may produce two invitations.
 */
import { expectNoSecret } from '../helpers/assertions';
import { runNode, searchAccounts } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
const SAM_ID = 'ACoAAEEEsamSales000000000000000000000000';

for (const service of allServicesUnderTest()) {
	// File-level hooks: each service's fake runs for the whole file and is reset before every test.
	const baseUrl = useFake(service.fake);
	const read = (options = {}) =>
		runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url), options }),
			credentials: service.credentials(baseUrl()),
		});
	const invite = (options = {}, profileId = JULIEN.providerId) =>
		runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('providerId', profileId),
				options,
			}),
			credentials: service.credentials(baseUrl()),
		});
	const reads = () => service.fake.calls(undefined, service.readFault.path as string);

	describe('faults on reads', () => {
		describe(service.name, () => {
			it.each([
				['429 without Retry-After', { status: 429 }],
				['500 provider error', { status: 500 }],
				['503 outage', { status: 503 }],
				['504 gateway timeout', { status: 504 }],
				['an HTML 502 page', { mode: 'html', status: 502 }],
				['invalid JSON', { mode: 'badjson' }],
				['a reset connection', { mode: 'reset' }],
			])(
				'%s once: retried, then the profile comes back',
				async (_label, fault: { status?: number; mode?: string }) => {
					service.fake.addFault({
						...service.readFault,
						...fault,
						body: fault.status ? service.transientBody(fault.status) : undefined,
					});
					const result = await read();

					expect(result.error).toBeUndefined();
					expect(result.items[0].json.public_identifier).toBe('julien-crepieux');
					expect(reads()).toHaveLength(2);
				},
			);

			it('429 with Retry-After: 1 waits at least that long before the retry', async () => {
				service.fake.addFault({
					...service.readFault,
					status: 429,
					body: service.transientBody(429),
					headers: { 'retry-after': '1' },
				});
				const result = await read();

				expect(result.error).toBeUndefined();
				const [first, second] = reads();
				expect(second.at - first.at).toBeGreaterThanOrEqual(950);
			});

			it('429 asking to wait an hour fails at once, saying so', async () => {
				service.fake.addFault({
					...service.readFault,
					status: 429,
					body: service.transientBody(429),
					headers: { 'retry-after': '3600' },
				});
				const result = await read();

				expect(result.error?.message).toMatch(
					/The service asked to wait 3600 s before trying again\.$/,
				);
				expect(reads()).toHaveLength(1);
			});

			it('a lasting outage: 1 + 2 retries by default, then the mapped error', async () => {
				service.fake.addFault({
					...service.readFault,
					status: 503,
					body: service.transientBody(503),
					times: 99,
				});
				const result = await read();

				expect(result.error?.message).toMatch(/\(tried 3 times\)$/);
				expect(reads()).toHaveLength(3);
				expectNoSecret(result, service.key);
			});

			it.each([
				[0, 1],
				[4, 5],
			])('Retries = %i: %i attempts at most', async (maxRetries, attempts) => {
				service.fake.addFault({
					...service.readFault,
					status: 503,
					body: service.transientBody(503),
					times: 99,
				});
				const result = await read({ maxRetries });

				expect(result.error).toBeDefined();
				expect(reads()).toHaveLength(attempts);
			});

			it('a refusal (403) is not retried', async () => {
				service.fake.addFault({ ...service.readFault, ...service.permanent });
				const result = await read();

				expect(result.error).toBeDefined();
				expect(reads()).toHaveLength(1);
			});

			it('the account search retries too', async () => {
				const path = service.accountsPath;
				service.fake.addFault({ path, status: 503, body: service.transientBody(503) });
				const { results } = await searchAccounts(
					service.params('invitation', 'send'),
					service.credentials(baseUrl()),
				);

				expect(results.length).toBe(3);
				expect(service.fake.calls('GET', path)).toHaveLength(2);
			});
		});
	});

	describe('faults on invitations', () => {
		describe(service.name, () => {
			it.each([
				['a reset connection', { mode: 'reset' }],
				['500', { status: 500 }],
				['an HTML 502 page', { mode: 'html', status: 502 }],
				['503', { status: 503 }],
				['504', { status: 504 }],
				['invalid JSON', { mode: 'badjson' }],
				['no answer (timeout)', { mode: 'hang' }],
			])(
				'%s before the service acted: checked, reported as not sent, never re-sent',
				async (_label, fault: { status?: number; mode?: string }) => {
					service.fake.addFault({
						...service.inviteFault,
						...fault,
						body: fault.status ? service.transientBody(fault.status) : undefined,
					});
					const result = await invite({ timeout: 1 });

					expect(result.error?.message).toMatch(
						/Checked with the service: it did not go through, so running this item again is safe\.$/,
					);
					expect(service.inviteRequests()).toHaveLength(1);
					expect(service.checkRequests()).toHaveLength(1);
					expect(service.sentCount()).toBe(0);
					expectNoSecret(result, service.key);
				},
			);

			it.each([
				['a reset connection', { mode: 'reset' }, 'ECONNRESET'],
				[
					'504',
					{ status: 504 },
					// The service's own type for it, or the status when its answer is not in its format.
					(service.transientBody(504) as { type?: string }).type ?? 'HTTP 504',
				],
				['invalid JSON', { mode: 'badjson' }, 'INVALID_RESPONSE'],
				['no answer (timeout)', { mode: 'hang' }, 'ETIMEDOUT'],
			])(
				'%s after the service acted: found by the check, reported as sent, never re-sent',
				async (_label, fault: { status?: number; mode?: string }, code) => {
					service.fake.addFault({
						...service.inviteFault,
						...fault,
						after: true,
						body: fault.status ? service.transientBody(fault.status) : undefined,
					});
					const result = await invite({ timeout: 1 });

					expect(result.error).toBeUndefined();
					expect(result.items[0].json).toMatchObject({
						invitation_id: expect.any(String),
						provider_id: JULIEN.providerId,
						confirmed_after_error: code,
					});
					expect(service.inviteRequests()).toHaveLength(1);
					expect(service.sentCount()).toBe(1);
				},
			);

			it('when the check fails too, the message says the outcome is unknown', async () => {
				service.fake.addFault({ ...service.inviteFault, mode: 'reset' });
				service.fake.addFault({
					...service.checkFault,
					status: 503,
					body: service.transientBody(503),
					times: 99,
				});
				const result = await invite({ maxRetries: 1 });

				expect(result.error?.message).toMatch(
					/It may or may not have gone through, and checking failed too: look at the sent invitations on LinkedIn before running this item again\.$/,
				);
				expect(service.inviteRequests()).toHaveLength(1);
			});

			it('a rate limit on the invite is reported without a retry or a check (nothing was done)', async () => {
				service.fake.addFault({
					...service.inviteFault,
					status: 429,
					body: service.transientBody(429),
				});
				const result = await invite();

				expect(result.error).toBeDefined();
				expect(service.inviteRequests()).toHaveLength(1);
				expect(service.checkRequests()).toHaveLength(0);
			});

			it('running an item again after "not sent" sends exactly one invitation', async () => {
				service.fake.addFault({ ...service.inviteFault, mode: 'reset' });
				await invite();
				const again = await invite();

				expect(again.error).toBeUndefined();
				expect(service.inviteRequests()).toHaveLength(2);
				expect(service.sentCount()).toBe(1);
			});

			it('mixed items under the error output: one item per input, the lost answer recovered, no duplicates', async () => {
				service.fake.addFault({
					...service.inviteFault,
					match: MARIE_ID.slice(0, 12),
					after: true,
					mode: 'reset',
				});
				service.fake.addFault({
					...service.inviteFault,
					match: SAM_ID.slice(0, 12),
					mode: 'reset',
				});
				const result = await runNode({
					parameters: service.params('invitation', 'send', {
						profile: rl('providerId', '={{ $json.id }}'),
					}),
					items: [{ id: JULIEN.providerId }, { id: MARIE_ID }, { id: SAM_ID }],
					credentials: service.credentials(baseUrl()),
					onError: 'continueErrorOutput',
				});

				expect(result.items.map((i) => [i.pairedItem, i.json.provider_id])).toEqual([
					[{ item: 0 }, JULIEN.providerId],
					[{ item: 1 }, MARIE_ID],
				]);
				expect(result.items[1].json.confirmed_after_error).toBe('ECONNRESET');
				expect(result.errorItems).toHaveLength(1);
				expect(result.errorItems[0].pairedItem).toEqual({ item: 2 });
				expect(result.errorItems[0].json.error).toMatch(/did not go through/);
				expect(service.sentCount()).toBe(2);
				expect(service.inviteRequests()).toHaveLength(3);
			});
		});
	});

	describe('timeouts', () => {
		describe(service.name, () => {
			it('a server that never answers gives a clear timeout error, not a stuck execution', async () => {
				service.fake.addFault({ ...service.readFault, mode: 'hang', times: 99 });
				const result = await read({ timeout: 1, maxRetries: 0 });

				expect(result.error?.message).toBe(
					`${service.name} did not answer within 1 s [ETIMEDOUT]. Try again later, or raise 'Timeout (Seconds)' under Options.`,
				);
				expect(reads()).toHaveLength(1);
			});

			it('a read that timed out once is retried and succeeds', async () => {
				service.fake.addFault({ ...service.readFault, mode: 'hang' });
				const result = await read({ timeout: 1 });

				expect(result.error).toBeUndefined();
				expect(reads()).toHaveLength(2);
			});

			it('Continue On Fail keeps one item per input when every request times out', async () => {
				service.fake.addFault({ ...service.readFault, mode: 'hang', times: 99 });
				const result = await runNode({
					parameters: service.params('profile', 'get', {
						profile: rl('url', JULIEN.url),
						options: { timeout: 1, maxRetries: 0 },
					}),
					items: [{}, {}, {}],
					credentials: service.credentials(baseUrl()),
					onError: 'continueRegularOutput',
				});

				expect(result.items.map((i) => i.pairedItem)).toEqual([
					{ item: 0 },
					{ item: 1 },
					{ item: 2 },
				]);
				for (const item of result.items) expect(item.json.error).toMatch(/\[ETIMEDOUT\]/);
			});
		});
	});
}

describe('timeouts', () => {
	describe("a 0.1.x workflow's saved Settings → Request Options → Timeout", () => {
		const [unipile] = allServicesUnderTest();
		const baseUrl = useFake(unipile.fake);

		it('is honoured when Options → Timeout is not set', async () => {
			unipile.fake.addFault({ ...unipile.readFault, mode: 'hang', times: 9 });
			const result = await runNode({
				parameters: {
					...unipile.params('profile', 'get', {
						profile: rl('url', JULIEN.url),
						options: { maxRetries: 0 },
					}),
					requestOptions: { timeout: 1000 },
				},
				credentials: unipile.credentials(baseUrl()),
			});

			expect(result.error?.message).toMatch(/^Unipile did not answer within 1 s \[ETIMEDOUT\]/);
		});
	});
});

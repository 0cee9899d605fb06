/**
 * The API key must never show: not in output items, error messages or descriptions, the run data,
 * or n8n's log lines — as given or URL-encoded — whatever path the run takes, including a service
 * that echoes the key back in its error.
 */
import type { INodeParameters } from 'n8n-workflow';
import { expectNoSecret, loggedText, visibleText } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

describe('secrets', () => {
	describe.each(allServicesUnderTest())('$name', (service) => {
		const baseUrl = useFake(service.fake);

		const get = () =>
			service.params('profile', 'get', {
				profile: rl('url', JULIEN.url),
				options: { timeout: 1, maxRetries: 1 },
			});
		const send = () =>
			service.params('invitation', 'send', {
				profile: rl('url', JULIEN.url),
				message: 'Hi',
				options: { timeout: 1 },
			});
		const onInvite = (fault: object) => () =>
			service.fake.addFault({ ...service.inviteFault, ...fault });
		const onRead = (fault: object) => () =>
			service.fake.addFault({ ...service.readFault, ...fault });

		const nothing = () => {};
		// Every row has three entries: with fewer, jest would pass its `done` callback as `arrange`.
		const PATHS: Array<[label: string, parameters: () => INodeParameters, arrange: () => void]> = [
			['a successful read', get, nothing],
			['a successful invitation', send, nothing],
			['a refusal (403)', get, onRead(service.permanent)],
			[
				'a lasting outage (503)',
				get,
				onRead({ status: 503, body: service.transientBody(503), times: 9 }),
			],
			['rate limited (429)', send, onInvite({ status: 429, body: service.transientBody(429) })],
			['an HTML error page', get, onRead({ mode: 'html', status: 502, times: 9 })],
			['invalid JSON', get, onRead({ mode: 'badjson', times: 9 })],
			['a reset connection on the invite', send, onInvite({ mode: 'reset' })],
			['a lost invite answer, recovered', send, onInvite({ mode: 'reset', after: true })],
			['a timeout', get, onRead({ mode: 'hang', times: 9 })],
			[
				'bad input',
				() =>
					service.params('invitation', 'send', {
						profile: rl('url', 'https://www.linkedin.com/company/x'),
					}),
				nothing,
			],
		];

		it.each(PATHS)('%s', async (_label, parameters, arrange) => {
			for (const onError of [
				'continueRegularOutput',
				'continueErrorOutput',
				'stopWorkflow',
			] as const) {
				service.fake.reset();
				arrange();
				const result = await runNode({
					parameters: parameters(),
					credentials: service.credentials(baseUrl()),
					onError,
				});
				expectNoSecret(result, service.key);
			}
		});

		it('a wrong key, as given and encoded, appears nowhere', async () => {
			const wrongKey = 'wr0ng/Key+with=chars&more';
			const result = await runNode({
				parameters: get(),
				credentials: service.credentials(baseUrl(), wrongKey),
			});

			expect(result.error).toBeDefined();
			expectNoSecret(result, wrongKey);
		});

		it('a service that echoes the key in its error is redacted', async () => {
			const echo = service.looksUpFirst
				? {
						status: 400,
						type: 'errors/invalid_parameters',
						title: `Bad key ${service.key}`,
						detail: `key=${encodeURIComponent(service.key)}`,
					}
				: {
						success: false,
						error: {
							code: 'INVALID_PARAMS',
							message: `Bad key ${service.key} (${encodeURIComponent(service.key)})`,
						},
					};
			service.fake.addFault({ ...service.readFault, status: 400, body: echo });
			const result = await runNode({
				parameters: get(),
				credentials: service.credentials(baseUrl()),
				onError: 'continueRegularOutput',
			});

			expect(String(result.items[0].json.error)).toContain('Bad key ***');
			expectNoSecret(result, service.key);
			// Proof that the sweep sees what it must: the redacted message is in the output, and in n8n's
			// log once the error stops the run.
			expect(visibleText(result)).toContain('Bad key ***');
			service.fake.addFault({ ...service.readFault, status: 400, body: echo });
			const stopped = await runNode({
				parameters: get(),
				credentials: service.credentials(baseUrl()),
			});
			expect(loggedText()).toContain('Bad key ***');
			expectNoSecret(stopped, service.key);
		});
	});
});

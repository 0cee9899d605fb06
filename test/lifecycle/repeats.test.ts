/**
 * A member invited earlier in the same node run is not sent to again, however the row writes them
 * (URL, public identifier or member id), with both services; counted at the fakes.
 */
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const send = async (rows: string[], options: object = {}) =>
		await runNode({
			parameters: service.params('invitation', 'send', {
				profile: rl('url', '={{ $json.member }}'),
				options: { ifAlreadyInvited: 'returnStatus', ...options } as never,
			}),
			items: rows.map((member) => ({ member })),
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});

	it('a repeated row is skipped_pending with no request, and the others still go out', async () => {
		const result = await send([
			'https://www.linkedin.com/in/julien-crepieux/',
			'https://www.linkedin.com/in/marie-curie/',
			'Julien-Crepieux',
		]);

		expect(result.items.map((i) => i.json.status)).toEqual(['sent', 'sent', 'skipped_pending']);
		expect(result.items[2].json).toMatchObject({
			public_identifier: 'julien-crepieux',
			reason: 'An invitation to this member was sent earlier in this run; nothing was sent again.',
		});
		expect(result.items[2].pairedItem).toEqual({ item: 2 });
		expect(service.inviteRequests()).toHaveLength(2);
		expect(service.sentCount()).toBe(2);
	});

	it('the member id of a member invited by URL is known too (from the answer)', async () => {
		const result = await send(['https://www.linkedin.com/in/julien-crepieux/', JULIEN.providerId]);

		// Both services name the member id in the invite answer (Unipile's lookup, LinkupAPI's profile_urn).
		expect(result.items[0].json.provider_id).toBe(JULIEN.providerId);
		expect(result.items.map((i) => i.json.status)).toEqual(['sent', 'skipped_pending']);
		expect(service.inviteRequests()).toHaveLength(1);
		expect(service.sentCount()).toBe(1);
	});

	it('Skip If Connected or Pending switched off: the service is asked again (and refuses)', async () => {
		const result = await send(['https://www.linkedin.com/in/julien-crepieux/', 'julien-crepieux'], {
			skipIfConnectedOrPending: false,
		});

		expect(result.items.map((i) => i.json.status)).toEqual(['sent', 'already_invited']);
		expect(service.inviteRequests()).toHaveLength(2);
		expect(service.sentCount()).toBe(1);
	});

	it('nothing is remembered between runs: the service says it is pending', async () => {
		await send(['julien-crepieux']);
		const second = await send(['julien-crepieux']);

		expect(second.items[0].json.status).not.toBe('sent');
		expect(service.sentCount()).toBe(1);
	});
});

/**
 * n8n's Retry On Fail runs the whole node again, earlier items included. Through n8n-core's engine
 * against both fakes: five rows, the third invitation refused once (a rate limit), so the node
 * fails and n8n runs it again. No member may get a second invitation: the retry must see the
 * first run's invitations as pending (Unipile's lookup; LinkupAPI's paid check), or take the
 * service's "already invited" refusal as a status.
 */
import type { INodeParameters } from 'n8n-workflow';
import { PEOPLE } from '../fakes/people';
import { rl } from '../helpers/fixtures';
import { type ServiceUnderTest, servicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { linkedInConnectNode, rowsNode, runWorkflow } from '../helpers/workflow';

const MEMBERS = ['julien-crepieux', 'marie-curie', 'jérôme-dupont', 'sam-sales', 'barbara-liskov'];
const ROWS = MEMBERS.map((slug) => ({ linkedin: `https://www.linkedin.com/in/${slug}/` }));

/** The invite requests naming each member, in MEMBERS order (refused ones included). */
function inviteRequestsPerMember(service: ServiceUnderTest): number[] {
	return MEMBERS.map((slug) => {
		const providerId = PEOPLE.find((p: { publicIdentifier: string }) => p.publicIdentifier === slug)
			?.providerId as string;
		return service.inviteRequests().filter((r) => {
			const body = JSON.stringify((r as { body: unknown }).body);
			return body.includes(providerId) || body.includes(encodeURIComponent(slug));
		}).length;
	});
}

/** Invitations the fake holds per member, in MEMBERS order. */
function invitationsPerMember(service: ServiceUnderTest): number[] {
	const invitations = service.fake.invitations as Array<{ public_identifier?: string }>;
	return MEMBERS.map((slug) => invitations.filter((i) => i.public_identifier === slug).length);
}

describe.each(servicesUnderTest())('$name: Retry On Fail after the third row failed', (service) => {
	const baseUrl = useFake(service.fake);

	const CONFIGURATIONS: Array<{
		label: string;
		options: INodeParameters;
		statuses: string[];
		requests: number[];
	}> = [
		{
			label:
				service.name === 'Unipile'
					? 'the default: the lookup by URL sees the pending invitations'
					: 'Skip If Connected or Pending on: the paid check sees the pending invitations',
			options: service.name === 'Unipile' ? {} : { skipIfConnectedOrPending: true },
			statuses: ['skipped_pending', 'skipped_pending', 'sent', 'sent', 'sent'],
			requests: [1, 1, 2, 1, 1],
		},
		{
			label: 'no check, If Already Invited → Return Status: the service refuses the repeats',
			options: { skipIfConnectedOrPending: false, ifAlreadyInvited: 'returnStatus' },
			statuses: ['already_invited', 'already_invited', 'sent', 'sent', 'sent'],
			requests: [2, 2, 2, 1, 1],
		},
	];

	it.each(CONFIGURATIONS)('$label', async ({ options, statuses, requests }) => {
		service.fake.addFault({
			...service.inviteFault,
			status: 429,
			body: service.transientBody(429),
			skip: 2,
		});
		const credentials = service.credentials(baseUrl());
		const workflow = await runWorkflow(
			[
				rowsNode(ROWS, 'Send Invitation'),
				linkedInConnectNode(
					'Send Invitation',
					service.params('invitation', 'send', {
						profile: rl('url', '={{ $json.linkedin }}'),
						options,
					}),
					credentials,
					// 0 would mean n8n's default of 1 s.
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
				),
			],
			credentials,
		);

		expect(workflow.run.data.resultData.error).toBeUndefined();
		expect(workflow.output('Send Invitation').map((i) => i.json.status)).toEqual(statuses);
		expect(invitationsPerMember(service)).toEqual([1, 1, 1, 1, 1]);
		expect(inviteRequestsPerMember(service)).toEqual(requests);
	});
});

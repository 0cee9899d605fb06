/** The trigger's parameters, built from the same service registry as the action node. */
import type { INodeProperties } from 'n8n-workflow';
import { serviceProperty } from '../LinkedInConnect/description';
import type { LinkedInService } from '../LinkedInConnect/services/types';
import { accountIdLocator } from '../LinkedInConnect/shared/descriptions';

export type TriggerMode = 'webhook' | 'polling';

/** How many of the newest connections a poll reads: the most acceptances one poll can catch up on. */
export const POLL_WINDOW = 50;

export function triggerProperties(services: readonly LinkedInService[]): INodeProperties[] {
	const notices = services.flatMap((service) =>
		(['webhook', 'polling'] as const).flatMap((mode): INodeProperties[] => {
			const text = service.trigger?.notices[mode];
			return text
				? [
						{
							displayName: text,
							name: `${service.credentialType}${mode === 'webhook' ? 'Webhook' : 'Polling'}Notice`,
							type: 'notice',
							default: '',
							displayOptions: { show: { authentication: [service.credentialType], mode: [mode] } },
						},
					]
				: [];
		}),
	);
	return [
		serviceProperty(services),
		{
			...accountIdLocator,
			description: 'The connected LinkedIn account whose accepted invitations start the workflow',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			required: true,
			options: [
				{
					name: 'Invitation Accepted',
					value: 'invitationAccepted',
					description:
						'A member accepted an invitation from the account (a new first-degree connection)',
				},
			],
			default: ['invitationAccepted'],
			description: 'What starts the workflow',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Webhook',
					value: 'webhook',
					description:
						'The service calls n8n: the node registers a webhook when the workflow is activated and removes it when it is deactivated',
				},
				{
					name: 'Polling',
					value: 'polling',
					description: `At the Poll Times above, n8n asks the service for the newest connections (up to ${POLL_WINDOW} new ones per poll)`,
				},
			],
			default: 'webhook',
			description: 'How the node learns about acceptances',
		},
		...notices,
		{
			displayName:
				'Poll Times above apply in Polling mode only; in Webhook mode the service calls n8n as acceptances come.',
			name: 'pollTimesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { mode: ['webhook'] } },
		},
	];
}

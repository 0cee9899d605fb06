/** The trigger's parameters, built from the same service registry as the action node. */
import type { IPollFunctions, INodeProperties } from 'n8n-workflow';
import { serviceProperty } from '../core/services/descriptions';
import type { LinkedInService } from '../core/services/types';
import { accountIdLocator } from '../core/shared/descriptions';

export type TriggerMode = 'webhook' | 'polling';

/** How many of the newest connections the first poll notes as already there. */
export const POLL_WINDOW = 50;

/** A later poll reads back to the newest member already seen, but never more than this many. */
export const POLL_CATCH_UP_MAX = 500;

/** Minutes between reads of the service by default: from version 1.1, 15; version 1 read at every Poll Time (0). */
const READ_EVERY_DEFAULT = new Map([
	[1, 0],
	[1.1, 15],
]);

export function readEveryMinutes(context: IPollFunctions): number {
	const fallback = READ_EVERY_DEFAULT.get(context.getNode().typeVersion) ?? 15;
	const value = Number(context.getNodeParameter('readEvery', fallback));
	return Number.isFinite(value) && value >= 0 ? Math.min(value, 24 * 60) : fallback;
}

/** The same field for each version, each with its own default (a saved node keeps its version's). */
function readEveryProperties(): INodeProperties[] {
	return [...READ_EVERY_DEFAULT].map(([version, minutes]) => ({
		displayName: 'Read the Service at Most Every (Minutes)',
		name: 'readEvery',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 24 * 60 },
		default: minutes,
		description:
			'However often Poll Times fire, the service is read at most this often (0: at every Poll Time). Each read is a request to your account, and about 1 credit with LinkupAPI.',
		displayOptions: { show: { mode: ['polling'], '@version': [version] } },
	}));
}

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
			description:
				'The connected LinkedIn account whose accepted invitations or received messages start the workflow',
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
				{
					name: 'Message Received',
					value: 'messageReceived',
					description:
						'A member wrote to the account (messages the account sends itself start nothing). Webhook mode only.',
				},
			],
			default: ['invitationAccepted'],
			description:
				'What starts the workflow; the webhooks subscribe to these only, and other events start nothing. The output field event tells which one it was.',
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
					description:
						'At the Poll Times above (at most as often as set below), n8n asks the service for the connections made since the last read',
				},
			],
			default: 'webhook',
			description: 'How the node learns about events',
		},
		{
			displayName: 'Polling mode reads new connections only: Message Received needs Webhook mode.',
			name: 'pollingEventsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { mode: ['polling'] } },
		},
		...readEveryProperties(),
		...notices,
		{
			displayName:
				'Poll Times above apply in Polling mode only; in Webhook mode the service calls n8n as events come.',
			name: 'pollTimesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { mode: ['webhook'] } },
		},
	];
}

import type { INodeProperties } from 'n8n-workflow';
import { runOperation } from '../../shared/operationRunner';
import { invitationSendDescription, sendInvitation } from './send';

export const invitationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invitation'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send an invitation',
				description: 'Send a connection invitation, looking up the member first when needed',
				routing: {
					send: { paginate: true },
					operations: { pagination: runOperation(sendInvitation) },
				},
			},
		],
		default: 'send',
	},
	...invitationSendDescription,
];

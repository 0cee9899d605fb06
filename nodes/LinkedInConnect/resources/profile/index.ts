import type { INodeProperties } from 'n8n-workflow';
import { runOperation } from '../../shared/operationRunner';
import { getProfile, profileGetDescription } from './get';

export const profileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a profile',
				description:
					"Look up a LinkedIn member's profile (counts as a profile view for the account)",
				routing: { send: { paginate: true }, operations: { pagination: runOperation(getProfile) } },
			},
		],
		default: 'get',
	},
	...profileGetDescription,
];

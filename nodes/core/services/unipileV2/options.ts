import type { INodeProperties } from 'n8n-workflow';

/**
 * Get Many Relations options only Unipile v2 has (a name of its own: no two services share an
 * option name, test/structure.test.ts).
 */
export const RELATION_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'relationSearch',
		type: 'string',
		default: '',
		placeholder: 'e.g. Curie',
		description:
			'Only connections matching this text: Unipile\'s own `search` filter, applied "if supported by the provider"',
	},
];

import type { INodeProperties } from 'n8n-workflow';
import { inmailOption } from '../../shared/descriptions';

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

/**
 * Send Message options only Unipile has. v2 sends InMail as `specifics.linkedin.classic.inmail`
 * (PY unipile/unipile-python@6171191 docs/LinkedInClassic.md:9, "Whether the chat should be started
 * with an InMail").
 */
export const MESSAGE_OPTIONS: INodeProperties[] = [inmailOption];

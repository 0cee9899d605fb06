import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	accountIdLocator,
	profileLocator,
	requestOptions,
	simplifyProperty,
} from '../../shared/descriptions';
import type { OperationDefinition } from '../../shared/operationRunner';
import { readAccountId, readOptions, readProfile } from '../../shared/parameters';
import type { GetProfileInput } from '../../services/types';

const properties: INodeProperties[] = [
	accountIdLocator,
	profileLocator,
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'LinkedIn API',
				name: 'linkedinApi',
				type: 'options',
				options: [
					{ name: 'Classic', value: 'classic' },
					{ name: 'Recruiter', value: 'recruiter' },
					{ name: 'Sales Navigator', value: 'sales_navigator' },
				],
				default: 'classic',
				description:
					'Which LinkedIn product reads the profile (Unipile only); Recruiter and Sales Navigator need that seat on the account',
				displayOptions: { show: { '/authentication': ['unipileApi'] } },
			},
			{
				displayName: 'Notify the Member',
				name: 'notify',
				type: 'boolean',
				default: false,
				description: 'Whether the member sees your visit in "Who viewed my profile" (Unipile only)',
				displayOptions: { show: { '/authentication': ['unipileApi'] } },
			},
			...requestOptions,
			{
				displayName: 'Sections',
				name: 'linkedinSections',
				type: 'multiOptions',
				options: [
					{ name: 'About', value: 'about' },
					{ name: 'All Sections', value: '*' },
					{ name: 'Certifications', value: 'certifications' },
					{ name: 'Education', value: 'education' },
					{ name: 'Experience', value: 'experience' },
					{ name: 'Languages', value: 'languages' },
					{ name: 'Projects', value: 'projects' },
					{ name: 'Recommendations Given', value: 'recommendations_given' },
					{ name: 'Recommendations Received', value: 'recommendations_received' },
					{ name: 'Skills', value: 'skills' },
					{ name: 'Volunteering Experience', value: 'volunteering_experience' },
				],
				default: [],
				description:
					'Extra profile sections to fetch (Unipile only); each adds to the time the lookup takes',
				displayOptions: { show: { '/authentication': ['unipileApi'] } },
			},
		],
	},
];

export const profileGetDescription = updateDisplayOptions(
	{ show: { resource: ['profile'], operation: ['get'] } },
	properties,
);

export const getProfile: OperationDefinition<GetProfileInput> = {
	readInput(context) {
		const options = readOptions(context);
		const sections = Array.isArray(options.linkedinSections)
			? options.linkedinSections.map(String)
			: [];
		return {
			accountId: readAccountId(context),
			profile: readProfile(context),
			sections,
			linkedinApi: typeof options.linkedinApi === 'string' ? options.linkedinApi : 'classic',
			notify: options.notify === true,
		};
	},
	run: async (service, client, input) => await service.getProfile(client, input),
};

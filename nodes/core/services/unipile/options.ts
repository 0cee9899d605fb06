/** Options only Unipile has, shown only when it is the chosen service. */
import type { INodeProperties } from 'n8n-workflow';
import { inmailOption } from '../../shared/descriptions';

/** Get Profile options only Unipile has. */
export const PROFILE_OPTIONS: INodeProperties[] = [
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
	},
	{
		displayName: 'Notify the Member',
		name: 'notify',
		type: 'boolean',
		default: false,
		description: 'Whether the member sees your visit in "Who viewed my profile" (Unipile only)',
	},
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
	},
];

/** Send Invitation options only Unipile has. */
export const SEND_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Member Email',
		name: 'userEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description:
			"The member's email address, which LinkedIn asks for before some invitations (Unipile only)",
	},
];

/** Get Many Relations options only Unipile has. */
export const RELATION_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Name Filter',
		name: 'nameFilter',
		type: 'string',
		default: '',
		placeholder: 'e.g. Curie',
		description: "Only connections whose name contains this text (Unipile's own filter)",
	},
];

/** Send Message options only Unipile has (read by actions/message/send.operation.ts). */
export const MESSAGE_OPTIONS: INodeProperties[] = [inmailOption];

import type { INodeProperties } from 'n8n-workflow';

/** Fields both nodes and several operations share. */

export const accountIdLocator: INodeProperties = {
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The connected LinkedIn account that acts: its profile views and invitations count against its LinkedIn limits',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a LinkedIn account...',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. t5XY4yQzR9WVrlNFyzPMhw',
			hint: 'The account ID your service shows for the connected LinkedIn account',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\S{1,100}\\s*$',
						errorMessage: 'An account ID is one word without spaces',
					},
				},
			],
		},
	],
};

export const profileLocator: INodeProperties = {
	displayName: 'Profile',
	name: 'profile',
	type: 'resourceLocator',
	default: { mode: 'url', value: '' },
	required: true,
	description: 'The LinkedIn member: a profile URL, the public ID after /in/, or a provider ID',
	modes: [
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://www.linkedin.com/in/julien-crepieux/',
			hint: 'Any linkedin.com/in/… link works: with or without https:// or www., country subdomains, query strings',
			validation: [
				{
					type: 'regex',
					properties: {
						regex:
							'^\\s*(?:[Hh][Tt][Tt][Pp][Ss]?://)?(?:[A-Za-z0-9-]+\\.)*[Ll][Ii][Nn][Kk][Ee][Dd][Ii][Nn]\\.[Cc][Oo][Mm]/[Ii][Nn]/[^/?#\\s]+.*$',
						errorMessage: 'Not a LinkedIn profile URL (expected linkedin.com/in/…)',
					},
				},
			],
		},
		{
			// Short mode names: n8n's mode picker cuts longer ones ("By Provider ID" showed as "By Provi").
			// Not "By Name": people typed a member's name ("Marie Curie") there.
			displayName: 'By Public ID',
			name: 'publicIdentifier',
			type: 'string',
			placeholder: 'e.g. julien-crepieux',
			hint: "The part after /in/ in the member's profile URL, not their name",
			url: '=https://www.linkedin.com/in/{{encodeURIComponent($value)}}/',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[^/?#\\s]+/?\\s*$',
						errorMessage:
							'A public ID is the part after /in/ in the profile URL (e.g. julien-crepieux), not a name: no spaces, /, ? or #',
					},
				},
			],
		},
		{
			displayName: 'By ID',
			name: 'providerId',
			type: 'string',
			placeholder: 'e.g. ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
			hint: "LinkedIn's internal member ID (ACo…), the provider_id Get Profile returns; with Unipile it saves a profile lookup",
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*(?:ACo|ADo|ACw|AE)[A-Za-z0-9_-]{16,120}\\s*$',
						errorMessage: 'A provider ID starts with ACo, ADo, ACw or AE',
					},
				},
			],
		},
	],
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the same field names for every service instead of the raw response',
};

/** Transport settings every operation offers under Options (defaults match transport/settings.ts; a test checks it). */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Retries on Rate Limit or Outage',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 2,
		description:
			'How many times to retry a read (profile lookups, lists) after a rate limit or a temporary outage, with growing pauses. Invitations are never re-sent blindly.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 30,
		description: 'How long to wait for each answer from the service before giving up',
	},
];

/** The longest pause between two items. */
export const MAX_DELAY_SECONDS = 3600;

/**
 * Options → Delay Between Items: a random pause, between Min and Max seconds, before each item
 * that sends a request (the first item and items refused before sending do not wait).
 */
export function delayBetweenItemsOption(
	suggestion: { minSeconds: number; maxSeconds: number },
	description: string,
): INodeProperties {
	const seconds = (name: string, displayName: string, value: number): INodeProperties => ({
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_DELAY_SECONDS },
		default: value,
		description: `${displayName === 'Min' ? 'Shortest' : 'Longest'} pause in seconds`,
	});
	return {
		displayName: 'Delay Between Items',
		name: 'delayBetweenItems',
		type: 'fixedCollection',
		placeholder: 'Add Delay',
		default: {},
		description,
		options: [
			{
				displayName: 'Range',
				name: 'range',
				values: [
					seconds('minSeconds', 'Min', suggestion.minSeconds),
					seconds('maxSeconds', 'Max', suggestion.maxSeconds),
				],
			},
		],
	};
}

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const invitationIdProperty: INodeProperties = {
	displayName: 'Invitation ID',
	name: 'invitationId',
	type: 'string',
	required: true,
	default: '={{ $json.invitation_id }}',
	placeholder: 'e.g. 7332661864792854528 or urn:li:invitation:7332661864792854528',
	description:
		"The invitation's ID as Get Many Sent or Get Many Received return it (invitation_id); the default maps it from the previous node",
};

export const sharedSecretProperty: INodeProperties = {
	displayName: 'Shared Secret',
	name: 'sharedSecret',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '={{ $json.shared_secret }}',
	description:
		"LinkedIn's token for answering this invitation, as Get Many Received returns it (shared_secret); the default maps it from the previous node",
};

/** Options every operation has: its suggested pacing, then the transport settings. */
export function pacedOptions(
	suggestion: { minSeconds: number; maxSeconds: number },
	description: string,
): INodeProperties[] {
	return [delayBetweenItemsOption(suggestion, description), ...requestOptions];
}

/** The fields of a list operation: the account, Return All and Limit, and Simplify last. */
export function listProperties(...filters: INodeProperties[]): INodeProperties[] {
	return [accountIdLocator, returnAllProperty, limitProperty, ...filters, simplifyProperty];
}

/** Lists are read again for each input item; one per run is the usual case. */
export const LIST_PACING = pacedOptions(
	{ minSeconds: 5, maxSeconds: 15 },
	'Pause a random time before each input item (each reads the list again)',
);

/**
 * Send Message's InMail option, for the services that send InMails (Unipile v1 and v2): one
 * definition, so the node shows one option for both.
 */
export const inmailOption: INodeProperties = {
	displayName: 'Send as InMail',
	name: 'inmail',
	type: 'boolean',
	default: false,
	description:
		"Whether to start the conversation with an InMail, to reach a member who is not a connection (uses the LinkedIn account's InMail credits; needs Premium, Sales Navigator or Recruiter, or the member's open profile)",
};

/** What a write's expected refusal becomes: an error (default), or an item with a status saying it. */
export function refusalOption(
	name: string,
	displayName: string,
	returnStatus: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: [
			{
				name: 'Fail',
				value: 'fail',
				description: 'Report it as an error (the item fails, or goes on as an error item)',
			},
			{ name: 'Return Status', value: 'returnStatus', description: returnStatus },
		],
		default: 'fail',
		description,
	};
}

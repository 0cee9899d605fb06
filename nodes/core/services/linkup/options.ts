/** Options only LinkupAPI has, shown only when it is the chosen service. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** list_sent and list_invitations filter by what was invited to (docs' network/list-sent). */
export const INVITATION_LIST_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Invitation Type',
		name: 'invitationType',
		type: 'options',
		options: [
			{ name: 'Connection', value: 'CONNECTION' },
			{ name: 'Newsletter', value: 'CONTENT_SERIES' },
			{ name: 'Page', value: 'ORGANIZATION' },
		],
		default: 'CONNECTION',
		description:
			'Which invitations to list (LinkupAPI only): to connect, to follow a page, or to a newsletter',
	},
];

export function invitationListParams(options: IDataObject): IDataObject {
	return typeof options.invitationType === 'string' && options.invitationType
		? { invitation_type: options.invitationType }
		: {};
}

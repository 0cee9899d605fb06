/** The trigger's output item: the same field names for both services and both modes. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export function acceptanceItem(
	member: IDataObject,
	accountId: string,
	raw: IDataObject,
	receivedAt = new Date(),
): INodeExecutionData {
	return {
		json: {
			account_id: accountId,
			provider_id: member.provider_id ?? null,
			public_identifier: member.public_identifier ?? null,
			profile_url: member.profile_url ?? null,
			full_name: member.full_name ?? null,
			event: 'invitationAccepted',
			received_at: receivedAt.toISOString(),
			raw,
		},
	};
}

/** One member, however the service writes it: its id, else its public identifier, else its URL. */
export function memberKey(member: IDataObject): string {
	return String(member.provider_id ?? member.public_identifier ?? member.profile_url ?? '');
}

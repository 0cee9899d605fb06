import { acceptInvitation } from './invitation/accept.operation';
import { declineInvitation } from './invitation/decline.operation';
import { getManyReceivedInvitations } from './invitation/getManyReceived.operation';
import { getManySentInvitations } from './invitation/getManySent.operation';
import { getInvitationStatus } from './invitation/getStatus.operation';
import { sendInvitation } from './invitation/send.operation';
import { withdrawInvitation } from './invitation/withdraw.operation';
import { getManyMessages } from './message/getMany.operation';
import { sendMessage } from './message/send.operation';
import { getProfile } from './profile/get.operation';
import { getMyProfile } from './profile/getMe.operation';
import { searchProfiles } from './profile/search.operation';
import { getManyRelations } from './relation/getMany.operation';
import type { OperationDefinition, ResourceDefinition } from './types';

export const RESOURCES: readonly ResourceDefinition[] = [
	{ value: 'invitation', name: 'Invitation' },
	{ value: 'message', name: 'Message' },
	{ value: 'profile', name: 'Profile' },
	{ value: 'relation', name: 'Connection' },
];

/** Every operation, in the order of its resource's list; the first of a resource is its default. */
export const OPERATIONS: readonly OperationDefinition[] = [
	sendInvitation,
	getManySentInvitations,
	withdrawInvitation,
	getManyReceivedInvitations,
	acceptInvitation,
	declineInvitation,
	getInvitationStatus,
	sendMessage,
	getManyMessages,
	getProfile,
	getMyProfile,
	searchProfiles,
	getManyRelations,
];

import { sendInvitation } from './invitation/send.operation';
import { getProfile } from './profile/get.operation';
import type { OperationDefinition, ResourceDefinition } from './types';

export const RESOURCES: readonly ResourceDefinition[] = [
	{ value: 'invitation', name: 'Invitation' },
	{ value: 'profile', name: 'Profile' },
];

/** Every operation, in the order of its resource's list; the first of a resource is its default. */
export const OPERATIONS: readonly OperationDefinition[] = [sendInvitation, getProfile];

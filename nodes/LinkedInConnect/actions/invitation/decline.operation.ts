import { answerOperation } from './answer';

export const declineInvitation = answerOperation(
	'invitation:decline',
	'Decline',
	'Decline an invitation the account received',
);

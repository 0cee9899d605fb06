import { answerOperation } from './answer';

export const acceptInvitation = answerOperation(
	'invitation:accept',
	'Accept',
	'Accept an invitation the account received: the member becomes a connection',
);

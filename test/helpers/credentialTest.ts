/**
 * A credential's `test` request run the way n8n's credential tester runs it (the engine:
 * ./n8nHarness.js, shared with the live check).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
} from 'n8n-workflow';
import * as harness from './n8nHarness';

export interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** n8n's CredentialsTester#testCredentials for a credential with a `test` request (n8n 2.x). */
export async function testCredential(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	test = type.test as ICredentialTestRequest,
): Promise<TestResult> {
	return await harness.testCredential({
		type,
		data,
		test,
		credentialsHelper: new harness.CredentialsHelper(() => type, { [type.name]: data }),
	});
}

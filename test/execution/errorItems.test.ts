/**
 * Error items a workflow can branch on, through n8n-core's engine against both fakes: with Continue
 * (regular output) a failed item says what it was (`code`, `http_code`, `description`) and which row
 * it was (the identifiers it was given); with Continue (using error output) it reaches the error
 * output, which n8n only allows for `{ error }` (it adds the input row).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { ExpressionError } from 'n8n-workflow';
import { errorDetailsOf, toNodeError } from '../../nodes/core/shared/errors';
import { runNode } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest, type ServiceUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { ifNode, linkedInConnectNode, rowsNode, runWorkflow } from '../helpers/workflow';

const COMPANY_PAGE = 'https://www.linkedin.com/company/unipile/';

/** How each service words its refusal of a second invitation. */
const REFUSAL: Record<string, { http_code: number; description: string | null }> = {
	Unipile: {
		http_code: 422,
		description:
			'An invitation has already been sent recently to this recipient. Please try again later.',
	},
	// ASSUMPTION (see test/fakes/linkup.js): LinkedIn's refusals come as CHANNEL_ERROR inside HTTP 200.
	LinkupAPI: { http_code: 200, description: null },
};

/** The code of each service's `permanent` refusal (test/helpers/services.ts). */
/** The service's own code in the table's permanent failure (Unipile: `type`; LinkupAPI: `error.code`). */
const permanentCode = (service: ServiceUnderTest) => {
	const body = service.permanent.body as { type?: string; error?: { code?: string } };
	return body.type ?? body.error?.code;
};

interface Case {
	label: string;
	/** Faults to set up (and anything else) before the failing run. */
	arrange?: (service: ServiceUnderTest, run: () => Promise<unknown>) => Promise<void> | void;
	resource?: string;
	operation?: string;
	parameters: INodeParameters;
	expected: (service: ServiceUnderTest) => IDataObject;
	/** Fields the item must not have (what could not be read). */
	absent?: string[];
	/** Requests the failing run may make. */
	requests?: number;
}

const byId = { profile: rl('providerId', JULIEN.providerId) };

const CASES: Case[] = [
	{
		label: 'a refused invitation: the service code, its HTTP status and detail',
		arrange: async (_service, run) => {
			await run();
		},
		parameters: byId,
		expected: (service) => ({ code: service.alreadyInvitedCode, ...REFUSAL[service.name] }),
	},
	{
		label: 'a bad URL: INPUT, nothing sent',
		// From an expression: n8n itself refuses a typed-in value that is not a profile URL.
		parameters: { profile: rl('url', `={{ "${COMPANY_PAGE}" }}`) },
		expected: () => ({ code: 'INPUT', http_code: null, profile_url: COMPANY_PAGE }),
		requests: 0,
	},
	{
		label: 'an expression that finds nothing: INPUT, the empty field left out',
		parameters: { profile: rl('url', '={{ $json.contact.linkedin }}') },
		expected: () => ({ code: 'INPUT', http_code: null }),
		absent: ['profile_url'],
		requests: 0,
	},
	{
		label: 'a redirect: REDIRECT with its status',
		arrange: (service) =>
			service.fake.addFault({
				...service.inviteFault,
				mode: 'redirect',
				status: 307,
				location: 'https://elsewhere.example/api',
			}),
		parameters: byId,
		expected: () => ({ code: 'REDIRECT', http_code: 307, description: null }),
		requests: 1,
	},
	{
		label: 'no answer in time: TIMEOUT',
		arrange: (service) => service.fake.addFault({ ...service.readFault, mode: 'hang' }),
		resource: 'profile',
		operation: 'get',
		parameters: { profile: rl('url', JULIEN.url), options: { timeout: 1, maxRetries: 0 } },
		expected: () => ({ code: 'TIMEOUT', http_code: null, profile_url: JULIEN.url }),
		requests: 1,
	},
	{
		label: 'a connection reset: NETWORK',
		arrange: (service) => service.fake.addFault({ ...service.readFault, mode: 'reset' }),
		resource: 'profile',
		operation: 'get',
		parameters: { profile: rl('url', JULIEN.url), options: { maxRetries: 0 } },
		expected: () => ({ code: 'NETWORK', http_code: null }),
		requests: 1,
	},
	{
		label: 'a lost answer the check proves not sent: the lost answer’s code (NETWORK)',
		arrange: (service) => service.fake.addFault({ ...service.inviteFault, mode: 'reset' }),
		parameters: byId,
		expected: () => ({ code: 'NETWORK', error: expect.stringMatching(/did not go through/) }),
	},
	{
		label: 'a lost answer the check cannot settle: UNCERTAIN',
		arrange: (service) => {
			service.fake.addFault({ ...service.inviteFault, mode: 'reset' });
			service.fake.addFault({
				...service.checkFault,
				status: 503,
				body: service.transientBody(503),
				times: 99,
			});
		},
		parameters: { ...byId, options: { maxRetries: 0 } },
		expected: () => ({ code: 'UNCERTAIN', http_code: null, description: null }),
	},
	{
		label: 'a 5xx answer the check cannot settle: UNCERTAIN, with the status that was seen',
		arrange: (service) => {
			service.fake.addFault({
				...service.inviteFault,
				status: 500,
				body: service.transientBody(500),
			});
			service.fake.addFault({
				...service.checkFault,
				status: 503,
				body: service.transientBody(503),
				times: 99,
			});
		},
		parameters: { ...byId, options: { maxRetries: 0 } },
		expected: () => ({ code: 'UNCERTAIN', http_code: 500 }),
	},
];

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const { accountId } = service;
	const run = async (
		resource: string,
		operation: string,
		parameters: INodeParameters,
		onError: 'continueRegularOutput' | 'continueErrorOutput' = 'continueRegularOutput',
	) =>
		await runNode({
			parameters: service.params(resource, operation, parameters),
			items: [{ name: 'Julien' }],
			credentials: service.credentials(baseUrl()),
			onError,
		});

	describe('Continue (regular output): the error item says what failed and for which row', () => {
		it.each(CASES)('$label', async (testCase) => {
			const { resource = 'invitation', operation = 'send', parameters } = testCase;
			await testCase.arrange?.(service, () => run(resource, operation, parameters));
			const before = service.fake.requests.length;
			const result = await run(resource, operation, parameters);

			expect(result.items).toHaveLength(1);
			const [item] = result.items;
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(Object.keys(item.json).slice(0, 4)).toEqual([
				'error',
				'code',
				'http_code',
				'description',
			]);
			expect(item.json).toMatchObject({
				error: expect.any(String),
				account_id: accountId,
				...testCase.expected(service),
			});
			for (const field of testCase.absent ?? []) expect(item.json).not.toHaveProperty(field);
			if (testCase.requests !== undefined)
				expect(service.fake.requests.length - before).toBe(testCase.requests);
		});

		it.each([
			['url', 'linkedin.com/in/julien-crepieux', 'profile_url'],
			['publicIdentifier', 'julien crepieux', 'public_identifier'],
			['providerId', 'ACo-too-short', 'provider_id'],
		])('the Profile as given in %s mode: %s', async (mode, value, field) => {
			service.fake.addFault({ path: /./, ...service.permanent, times: 99 });
			const result = await run('invitation', 'send', { profile: rl(mode, `={{ "${value}" }}`) });

			expect(result.items[0].json).toMatchObject({ [field]: value, account_id: accountId });
		});

		it('Withdraw: the invitation ID as given', async () => {
			service.fake.addFault({ path: /./, ...service.permanent, times: 99 });
			const result = await run('invitation', 'withdraw', { invitationId: '7332661864792854528' });

			expect(result.items[0].json).toMatchObject({
				invitation_id: '7332661864792854528',
				account_id: accountId,
				http_code: 403,
			});
		});

		it('If Over a Cap → Fail: CAP_REACHED', async () => {
			service.fake.seedSentInvitations(1, { sentAt: new Date() });
			const result = await run('invitation', 'send', {
				...byId,
				options: { dailyCap: 1, overCap: 'fail' },
			});

			expect(result.items[0].json).toMatchObject({ code: 'CAP_REACHED', http_code: null });
		});
	});

	describe('Continue (using error output): n8n routes only { error } there', () => {
		it.each(CASES)('$label', async (testCase) => {
			const { resource = 'invitation', operation = 'send', parameters } = testCase;
			await testCase.arrange?.(service, () => run(resource, operation, parameters));
			const result = await run(resource, operation, parameters, 'continueErrorOutput');

			expect(result.items).toEqual([]);
			expect(result.errorItems).toHaveLength(1);
			expect(Object.keys(result.errorItems[0].json)).toEqual(['error']);
		});
	});

	describe('in a workflow', () => {
		const rows = [
			{ name: 'Julien', linkedin: JULIEN.url },
			{ name: 'Unipile', linkedin: COMPANY_PAGE },
			{ name: 'Marie', linkedin: 'https://www.linkedin.com/in/marie-curie/' },
		];
		const send = (onError: 'continueRegularOutput' | 'continueErrorOutput', outputs: string[][]) =>
			linkedInConnectNode(
				'Send Invitation',
				service.params('invitation', 'send', { profile: rl('url', '={{ $json.linkedin }}') }),
				service.credentials(baseUrl()),
				{ onError },
				outputs,
			);

		it('an IF on {{ $json.code }} sends the bad row one way, the rest the other', async () => {
			// Marie's invitation (the second one sent) is refused.
			service.fake.addFault({ ...service.inviteFault, ...service.permanent, skip: 1 });
			const workflow = await runWorkflow(
				[
					rowsNode(rows, 'Send Invitation'),
					send('continueRegularOutput', [['Bad input?']]),
					ifNode('Bad input?', '={{ $json.code }}', 'INPUT'),
				],
				service.credentials(baseUrl()),
			);

			expect(workflow.run.data.resultData.error).toBeUndefined();
			expect(workflow.output('Bad input?', 0).map((i) => i.json.profile_url)).toEqual([
				COMPANY_PAGE,
			]);
			expect(workflow.output('Bad input?', 1).map((i) => [i.json.status, i.json.code])).toEqual([
				['sent', undefined],
				[undefined, permanentCode(service)],
			]);
		});

		it('the error output carries the row it came from, with the error', async () => {
			const workflow = await runWorkflow(
				[rowsNode(rows, 'Send Invitation'), send('continueErrorOutput', [])],
				service.credentials(baseUrl()),
			);

			expect(workflow.output('Send Invitation', 0)).toHaveLength(2);
			const failed = workflow.output('Send Invitation', 1);
			expect(failed.map((i) => i.json)).toEqual([
				{ ...rows[1], error: expect.stringMatching(/^'Profile' is a \/company\/ page/) },
			]);
		});
	});
});

it('an expression n8n could not evaluate for the item is INPUT, however wrapped', () => {
	const failed = new ExpressionError("Cannot read properties of undefined (reading 'trim')");
	const node = { id: 'n', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

	expect(errorDetailsOf(toNodeError(node as never, failed))).toEqual({
		code: 'INPUT',
		http_code: null,
		description: null,
	});
	expect(errorDetailsOf(new Error('a bug')).code).toBe('UNEXPECTED');
});

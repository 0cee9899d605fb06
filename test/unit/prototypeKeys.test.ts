/**
 * Text a service sends (an error code, an account status) is looked up in our tables. Names of
 * Object.prototype's members must find nothing there: the answer is then a normal error, or the
 * service's own words, never a function.
 */
import type { IDataObject } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { expectNoSecret } from '../helpers/assertions';
import { runNode, searchAccounts } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { servicesUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';
import { sectionFields } from '../../nodes/core/services/unipile/profiles';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Nothing a user sees may come from a function or an object's default string. */
function expectPlainText(value: unknown): void {
	expect(typeof value).toBe('string');
	expect(String(value)).not.toMatch(/function|native code|\[object /);
}

describe.each(servicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const unipile = service.fake instanceof FakeUnipile;

	/** The service's error answer carrying `code` as its error type. */
	const refusal = (code: string, status = 422) => ({
		status,
		body: unipile
			? { status, type: code, title: 'Refused' }
			: { success: false, error: { code, message: 'Refused' } },
	});

	it.each(PROTOTYPE_NAMES)('error code %j gives a normal error', async (code) => {
		service.fake.addFault({ ...service.readFault, ...refusal(code, 400) });
		const result = await runNode({
			parameters: service.params('profile', 'get', { profile: rl('url', JULIEN.url) }),
			credentials: service.credentials(baseUrl()),
			onError: 'continueRegularOutput',
		});

		const error = result.items[0].json.error;
		expectPlainText(error);
		expect(error).toContain(`[${code}]`);
		expect(error).toMatch(/refused the request: check the parameters\./);
		expectNoSecret(result, service.key);
	});

	it.each(PROTOTYPE_NAMES)(
		'Send with Return Status: error code %j stays an error, never a status',
		async (code) => {
			service.fake.addFault({ ...service.inviteFault, ...refusal(code) });
			const result = await runNode({
				parameters: service.params('invitation', 'send', {
					profile: rl('providerId', JULIEN.providerId),
					options: { ifAlreadyInvited: 'returnStatus', skipIfConnectedOrPending: false },
				}),
				credentials: service.credentials(baseUrl()),
				onError: 'continueRegularOutput',
			});

			const [item] = result.items;
			expect(typeof item.json.status).not.toBe('function');
			expect(item.json.status).toBeUndefined();
			expectPlainText(item.json.error);
			expect(item.json.error).toContain(`[${code}]`);
		},
	);

	it.each(PROTOTYPE_NAMES)(
		'an account whose status is %j is listed with plain text',
		async (status) => {
			const fake = service.fake as FakeUnipile & FakeLinkup;
			const account = fake.accounts.find((a: IDataObject) =>
				unipile ? a.type === 'LINKEDIN' : a.platform === 'linkedin',
			) as IDataObject;
			if (unipile) (account.sources as IDataObject[])[0].status = status;
			else account.status = status;

			const result = await searchAccounts(
				service.params('invitation', 'send'),
				service.credentials(baseUrl()),
			);

			for (const entry of result.results) expectPlainText(entry.name);
			expect(result.results[0].name).toMatch(unipile ? /\(status unknown\)$/ : / \(.+\)$/);
		},
	);
});

describe('Unipile profile sections', () => {
	it('a section named like an Object member adds no field', () => {
		expect(sectionFields(PROTOTYPE_NAMES)).toEqual([]);
		expect(sectionFields(['about', 'constructor'])).toEqual(['summary']);
	});
});

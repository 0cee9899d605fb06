import { FakeUnipile } from '../fakes/unipile';
import { searchAccounts } from '../helpers/engine';
import { UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
const dsn = useFake(fake);

const params = () => unipileParams('invitation', 'send');
const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });

describe('Account locator list mode (Unipile)', () => {
	it('lists only LinkedIn accounts, with name and status', async () => {
		const result = await searchAccounts(params(), credentials());

		expect(result.results).toEqual([
			{ name: 'Ada Lovelace (connected)', value: 'acc_ada_sales' },
			{ name: 'Grace Hopper (needs reconnecting)', value: 'acc_grace_recruiting' },
			{ name: 'Alan Turing (connected)', value: 'acc_alan_founder' },
		]);
		expect(result.paginationToken).toBeUndefined();
		expect(fake.requests.map((r) => r.rawUrl)).toEqual(['/api/v1/accounts?limit=100']);
		expect(fake.requests[0].headers['x-api-key']).toBe(UNIPILE_KEY);
	});

	it('follows the cursor page by page', async () => {
		fake.maxPageSize = 2;
		const first = await searchAccounts(params(), credentials());
		const second = await searchAccounts(params(), credentials(), undefined, first.paginationToken);

		expect(first.results.map((r) => r.value)).toEqual(['acc_ada_sales']);
		expect(first.paginationToken).toEqual(expect.any(String));
		expect(second.results.map((r) => r.value)).toEqual([
			'acc_grace_recruiting',
			'acc_alan_founder',
		]);
		expect(second.paginationToken).toBeUndefined();
		expect(fake.requests[1].query.cursor).toBe(first.paginationToken);
	});

	it('filters by name or id, reading further pages until something matches', async () => {
		fake.maxPageSize = 1;
		const result = await searchAccounts(params(), credentials(), 'turing');

		expect(result.results).toEqual([
			{ name: 'Alan Turing (connected)', value: 'acc_alan_founder' },
		]);
		expect(fake.requests).toHaveLength(4);
	});

	it('reports a bad key with the mapped message', async () => {
		await expect(
			searchAccounts(params(), { unipileApi: { dsn: dsn(), apiKey: 'nope-nope' } }),
		).rejects.toThrow(/\[errors\/missing_credentials\]/);
	});
});

/**
 * Each lookup is a LinkedIn profile view (Unipile) or a paid credit (LinkupAPI): within one node
 * run, the same account and member, however the row writes it, is looked up once. Counted at the fake.
 */
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import { runNode } from '../helpers/engine';
import { LINKUP_KEY, linkupParams, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const JULIEN_ROWS = [
	{ url: 'https://www.linkedin.com/in/julien-crepieux/' },
	{ url: 'julien-crepieux' },
	{ url: 'fr.linkedin.com/in/Julien-Crepieux?originalSubdomain=fr' },
	{ url: 'https://www.linkedin.com/in/marie-curie' },
	{ url: 'https://linkedin.com/in/julien-crepieux' },
];

describe('Unipile', () => {
	const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const dsn = useFake(fake);
	const credentials = () => ({ unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY } });

	it('Get Profile: a sheet with repeated members spends one profile view per member', async () => {
		const result = await runNode({
			parameters: unipileParams('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
			items: JULIEN_ROWS,
			credentials: credentials(),
		});

		expect(result.items.map((i) => i.json.public_identifier)).toEqual([
			'julien-crepieux',
			'julien-crepieux',
			'julien-crepieux',
			'marie-curie',
			'julien-crepieux',
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual(JULIEN_ROWS.map((_, item) => ({ item })));
		expect(fake.calls('GET').map((r) => r.path)).toEqual([
			'/api/v1/users/julien-crepieux',
			'/api/v1/users/marie-curie',
		]);
	});

	it('different settings or accounts are different lookups', async () => {
		await runNode({
			parameters: unipileParams('profile', 'get', {
				profile: rl('publicIdentifier', 'julien-crepieux'),
				accountId: rl('id', '={{ $json.account }}'),
				options: { linkedinSections: '={{ $json.sections }}' as never },
			}),
			items: [
				{ account: 'acc_ada_sales', sections: [] },
				{ account: 'acc_alan_founder', sections: [] },
				{ account: 'acc_ada_sales', sections: ['skills'] },
				{ account: 'acc_ada_sales', sections: [] },
			],
			credentials: credentials(),
		});

		expect(fake.calls('GET').map((r) => r.rawUrl)).toEqual([
			'/api/v1/users/julien-crepieux?account_id=acc_ada_sales',
			'/api/v1/users/julien-crepieux?account_id=acc_alan_founder',
			'/api/v1/users/julien-crepieux?account_id=acc_ada_sales&linkedin_sections=skills',
		]);
	});

	it('Send Invitation: one lookup and one invitation for a repeated member', async () => {
		const result = await runNode({
			parameters: unipileParams('invitation', 'send', { profile: rl('url', '={{ $json.url }}') }),
			items: JULIEN_ROWS.slice(0, 2),
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items[0].json.invitation_id).toEqual(expect.any(String));
		expect(result.items[1].json.status).toBe('skipped_pending');
		expect(fake.calls('GET')).toHaveLength(1);
		expect(fake.calls('POST', '/api/v1/users/invite')).toHaveLength(1);
	});

	it('Send Invitation with Skip If Connected or Pending off: the repeat is sent and refused, not re-looked-up', async () => {
		const result = await runNode({
			parameters: unipileParams('invitation', 'send', {
				profile: rl('url', '={{ $json.url }}'),
				options: { skipIfConnectedOrPending: false },
			}),
			items: JULIEN_ROWS.slice(0, 2),
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items[0].json.invitation_id).toEqual(expect.any(String));
		expect(result.items[1].json.error).toMatch(/errors\/already_invited_recently/);
		expect(fake.calls('GET')).toHaveLength(1);
		expect(fake.calls('POST', '/api/v1/users/invite')).toHaveLength(2);
		expect(fake.invitations).toHaveLength(1);
	});

	it('a failed lookup is not remembered: the next row asks again', async () => {
		fake.addFault({
			path: '/api/v1/users/julien-crepieux',
			status: 403,
			body: { status: 403, type: 'errors/account_restricted', title: 'Restricted' },
		});
		const result = await runNode({
			parameters: unipileParams('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
			items: JULIEN_ROWS.slice(0, 2),
			credentials: credentials(),
			onError: 'continueRegularOutput',
		});

		expect(result.items[0].json.error).toMatch(/account_restricted/);
		expect(result.items[1].json.public_identifier).toBe('julien-crepieux');
		expect(fake.calls('GET')).toHaveLength(2);
	});

	it('nothing is remembered between runs (queue mode runs executions on any worker)', async () => {
		for (let run = 0; run < 2; run++) {
			await runNode({
				parameters: unipileParams('profile', 'get', {
					profile: rl('publicIdentifier', 'julien-crepieux'),
				}),
				credentials: credentials(),
			});
		}
		expect(fake.calls('GET')).toHaveLength(2);
	});
});

describe('LinkupAPI', () => {
	const fake = new FakeLinkup({ apiKey: LINKUP_KEY });
	const baseUrl = useFake(fake);

	it('Get Profile: one paid call per member; rows that reuse it report 0 credits', async () => {
		const result = await runNode({
			parameters: linkupParams('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
			items: JULIEN_ROWS,
			credentials: { linkupApi: { baseUrl: baseUrl(), apiKey: LINKUP_KEY } },
		});

		expect(fake.calls('POST', '/v2/profiles')).toHaveLength(2);
		expect(fake.credits).toBe(98);
		expect(result.items.map((i) => i.json.credits_consumed)).toEqual([1, 0, 0, 1, 0]);
	});
});

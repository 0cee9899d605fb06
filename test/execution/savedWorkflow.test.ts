/**
 * Workflows saved while the node was declarative (0.1.0) keep working: same parameter names and
 * values, and what n8n saved under Settings → Request Options (timeout, batching) still applies.
 * The fixture holds every parameter 0.1.0 offered, as its editor saved them.
 */
import type { INodeParameters } from 'n8n-workflow';
import { FakeLinkup } from '../fakes/linkup';
import { FakeUnipile } from '../fakes/unipile';
import saved from '../fixtures/saved-by-0.1.0.workflow.json';
import { runNode, type RunOptions } from '../helpers/engine';
import { JULIEN, LINKUP_KEY, UNIPILE_KEY } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const unipile = new FakeUnipile({ apiKey: UNIPILE_KEY });
const linkup = new FakeLinkup({ apiKey: LINKUP_KEY });
const dsn = useFake(unipile);
const linkupUrl = useFake(linkup);

function savedNode(name: string) {
	const node = saved.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`no node "${name}" in the fixture`);
	return {
		parameters: node.parameters as unknown as INodeParameters,
		onError: (node as { onError?: RunOptions['onError'] }).onError,
	};
}

const credentials = () => ({
	unipileApi: { dsn: dsn(), apiKey: UNIPILE_KEY },
	linkupApi: { baseUrl: linkupUrl(), apiKey: LINKUP_KEY },
});

describe('a workflow saved by 0.1.0', () => {
	it('Get Profile with every Unipile option and Simplify off: the same request and raw output', async () => {
		const result = await runNode({
			...savedNode('Get Profile (Sales Navigator)'),
			items: [{ linkedin: JULIEN.url }, { linkedin: 'https://www.linkedin.com/company/x/' }],
			credentials: credentials(),
		});

		expect(unipile.requests.map((r) => r.rawUrl)).toEqual([
			'/api/v1/users/julien-crepieux?account_id=acc_ada_sales&linkedin_sections=skills%2Cexperience&linkedin_api=sales_navigator&notify=true',
		]);
		expect(result.items[0].json).toMatchObject({
			object: 'UserProfile',
			provider_id: JULIEN.providerId,
			work_experience: expect.any(Array),
		});
		expect(result.items[1].json.error).toMatch(/^'Profile' is a \/company\/ page/);
	});

	it('Send Invitation with its saved Batching: spaced out as before, a connection skipped', async () => {
		const result = await runNode({
			...savedNode('Send Invitation (batched)'),
			items: [
				{ slug: 'julien-crepieux', name: 'Julien', email: 'julien@example.com' },
				{ slug: 'marie-curie', name: 'Marie', email: '' },
				{ slug: 'linus-t', name: 'Linus', email: '' },
			],
			credentials: credentials(),
		});

		expect(result.items.map((i) => [i.json.status, i.json.provider_id])).toEqual([
			['sent', JULIEN.providerId],
			['sent', 'ACoAABBBmarieCurie0000000000000000000000'],
			// 0.2: the lookup already says Linus is a connection, so nothing is sent (0.1 sent and failed).
			['skipped_connected', 'ACoAADDDlinusTorvalds00000000000000000000'],
		]);
		expect(result.errorItems).toEqual([]);
		expect(unipile.calls('POST', '/api/v1/users/invite')[0].body).toEqual({
			provider_id: JULIEN.providerId,
			account_id: 'acc_ada_sales',
			message: "Hi Julien, let's connect!",
			user_email: 'julien@example.com',
		});
		// The saved 300 ms batch interval now separates items: each lookup starts ≥ 300 ms after the last answer.
		const lookups = unipile.calls('GET');
		const invites = unipile.calls('POST');
		for (let i = 1; i < lookups.length; i++)
			expect(lookups[i].at - (invites[i - 1].finishedAt ?? Infinity)).toBeGreaterThanOrEqual(290);
	});

	it('LinkupAPI Send Invitation: the same single call', async () => {
		const result = await runNode({
			...savedNode('Send Invitation (LinkupAPI)'),
			items: [{ provider_id: JULIEN.providerId }],
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.invitation_id).toMatch(/^urn:li:invitation:/);
		expect(linkup.requests.map((r) => [r.path, r.body.action])).toEqual([
			['/v2/network', 'invite'],
		]);
	});
});

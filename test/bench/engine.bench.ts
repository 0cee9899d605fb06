/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Benchmark, run on demand (`npm run bench`; never part of `npm test`: these machines are shared
 * and noisy). Runs batches of items through n8n-core's engine against the fake Unipile server and
 * prints wall time per item, requests and heap growth for our operations side by side with a
 * baseline: a bare declarative node doing the same single GET with plain routing, both as n8n runs
 * it by default (every item at once) and one item per batch (what our node does by default).
 * Every item names a different member, so the once-per-member lookup does not flatter us.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { FakeUnipile } from '../fakes/unipile';
import { runNode, withNodeType } from '../helpers/engine';
import { ACCOUNT_ID, rl, UNIPILE_KEY, unipileParams } from '../helpers/fixtures';

/** The baseline: what n8n does for a declarative GET with no hooks at all. */
class BaselineNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Baseline',
		name: 'baseline',
		group: ['output'],
		version: 1,
		description: 'Plain declarative GET',
		usableAsTool: true,
		defaults: { name: 'Baseline' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unipileApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.dsn }}',
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Identifier',
				name: 'identifier',
				type: 'string',
				default: '',
				routing: {
					request: {
						method: 'GET',
						url: '=/api/v1/users/{{ encodeURIComponent($value) }}',
						qs: { account_id: ACCOUNT_ID },
					},
				},
			},
		],
	};
}

const ITEMS = Number(process.env.BENCH_ITEMS || 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);

interface Row {
	scenario: string;
	msPerItem: number;
	requestsPerItem: number;
	heapMb: number;
}

it(`benchmark: ${ITEMS} items × ${ROUNDS} rounds`, async () => {
	const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const dsn = await fake.start();
	const credentials = { unipileApi: { dsn, apiKey: UNIPILE_KEY } };
	const items = Array.from({ length: ITEMS }, (_, i) => ({
		url: `https://www.linkedin.com/in/member-${i}/`,
		id: `ACoAAYYYmember${String(i).padStart(26, '0')}`,
	}));
	const seed = () => {
		fake.reset();
		fake.seedMembers(ITEMS);
	};

	const scenarios: Array<[string, () => Promise<unknown>]> = [
		[
			'baseline: declarative GET, all items at once',
			async () =>
				await withNodeType(
					new BaselineNode(),
					async () =>
						await runNode({ parameters: { identifier: '={{ $json.id }}' }, items, credentials }),
				),
		],
		[
			'baseline: declarative GET, one item per batch',
			async () =>
				await withNodeType(
					new BaselineNode(),
					async () =>
						await runNode({
							parameters: {
								identifier: '={{ $json.id }}',
								requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 0 } } },
							},
							items,
							credentials,
						}),
				),
		],
		[
			'Profile → Get (URL parsed, one GET)',
			async () =>
				await runNode({
					parameters: unipileParams('profile', 'get', { profile: rl('url', '={{ $json.url }}') }),
					items,
					credentials,
				}),
		],
		[
			'Profile → Get, 5 profiles at once',
			async () =>
				await runNode({
					parameters: unipileParams('profile', 'get', {
						profile: rl('url', '={{ $json.url }}'),
						options: { concurrency: 5 },
					}),
					items,
					credentials,
				}),
		],
		[
			'Invitation → Send by provider ID (one POST)',
			async () =>
				await runNode({
					parameters: unipileParams('invitation', 'send', {
						profile: rl('providerId', '={{ $json.id }}'),
					}),
					items,
					credentials,
					onError: 'continueRegularOutput',
				}),
		],
		[
			'Invitation → Send by URL (lookup + POST)',
			async () =>
				await runNode({
					parameters: unipileParams('invitation', 'send', {
						profile: rl('url', '={{ $json.url }}'),
					}),
					items,
					credentials,
					onError: 'continueRegularOutput',
				}),
		],
	];

	const rows: Row[] = [];
	for (const [scenario, run] of scenarios) {
		seed();
		await run(); // warm-up
		const times: number[] = [];
		let requests = 0;
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		for (let round = 0; round < ROUNDS; round++) {
			seed();
			const started = performance.now();
			await run();
			times.push(performance.now() - started);
			requests += fake.requests.length;
		}
		const heapAfter = process.memoryUsage().heapUsed;
		times.sort((a, b) => a - b);
		rows.push({
			scenario,
			msPerItem: times[Math.floor(times.length / 2)] / ITEMS,
			requestsPerItem: requests / (ROUNDS * ITEMS),
			heapMb: (heapAfter - heapBefore) / 1024 / 1024,
		});
	}
	await fake.stop();

	const baseline = rows[0].msPerItem;
	const lines = [
		`${'scenario'.padEnd(50)}${'ms/item'.padStart(10)}${'× baseline'.padStart(12)}${'req/item'.padStart(10)}${'heap Δ MB'.padStart(11)}`,
		...rows.map(
			(r) =>
				`${r.scenario.padEnd(50)}${r.msPerItem.toFixed(3).padStart(10)}${(r.msPerItem / baseline).toFixed(2).padStart(12)}${r.requestsPerItem.toFixed(2).padStart(10)}${r.heapMb.toFixed(1).padStart(11)}`,
		),
	];
	process.stdout.write(
		`\nLinkedIn Connect benchmark (median of ${ROUNDS} rounds of ${ITEMS} items, Node ${process.version})\n${lines.join('\n')}\n`,
	);
	expect(rows.every((r) => r.msPerItem > 0)).toBe(true);
});

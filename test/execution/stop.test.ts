/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Stop stops: n8n's Stop during Delay Between Items, on every operation that writes, against both
 * fakes, with Continue On Fail on. The node outputs no item for a cancelled execution (not even an
 * error item), and sends nothing after the stop.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { LinkedInConnect } from '../../nodes/LinkedInConnect/LinkedInConnect.node';
import { runNode, withNodeType } from '../helpers/engine';
import { JULIEN, rl } from '../helpers/fixtures';
import { allServicesUnderTest, type ServiceUnderTest } from '../helpers/services';
import { useFake } from '../helpers/useFake';

type Recorded = ServiceUnderTest['fake']['requests'][number];

const LINKUP_WRITES = new Set(['invite', 'withdraw', 'accept', 'decline']);

function isWrite(request: Recorded): boolean {
	if (request.path === '/v2/network') return LINKUP_WRITES.has(request.body?.action);
	return request.method !== 'GET';
}

const MEMBERS = ['julien-crepieux', 'marie-curie', 'sam-sales'];
const INVITATIONS = ['7332661864792854528', '7332661864792854529', '7332661864792854530'].map(
	(id) => ({ id, secret: `secret-${id}` }),
);

/** Each operation that writes, with what it needs per item; Send by URL looks up first on Unipile. */
const WRITE_PATHS: Array<[string, string, IDataObject, IDataObject[]]> = [
	[
		'Send by URL',
		'send',
		{ profile: rl('url', '={{ $json.url }}') },
		MEMBERS.map((slug) => ({ url: `https://www.linkedin.com/in/${slug}/` })),
	],
	[
		'Send by provider ID',
		'send',
		{ profile: rl('providerId', '={{ $json.id }}') },
		[
			JULIEN.providerId,
			'ACoAABBBmarieCurie0000000000000000000000',
			'ACoAAEEEsamSales000000000000000000000000',
		].map((id) => ({ id })),
	],
	['Withdraw', 'withdraw', { invitationId: '={{ $json.id }}' }, INVITATIONS],
	[
		'Accept',
		'accept',
		{ invitationId: '={{ $json.id }}', sharedSecret: '={{ $json.secret }}' },
		INVITATIONS,
	],
	[
		'Decline',
		'decline',
		{ invitationId: '={{ $json.id }}', sharedSecret: '={{ $json.secret }}' },
		INVITATIONS,
	],
];

const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe.each(allServicesUnderTest())('$name: Stop during Delay Between Items', (service) => {
	const baseUrl = useFake(service.fake);

	it.each(WRITE_PATHS)(
		'%s: no item, nothing sent after the stop',
		async (_label, operation, extra, items) => {
			let outcome: { returned?: INodeExecutionData[][]; threw?: unknown } | undefined;
			class Watched extends LinkedInConnect {
				async execute(this: IExecuteFunctions) {
					const running = LinkedInConnect.prototype.execute.call(this);
					running.then(
						(returned) => (outcome = { returned }),
						(threw: unknown) => (outcome = { threw }),
					);
					return await running;
				}
			}
			let cancel: () => void = () => {};
			const run = withNodeType(
				new Watched(),
				async () =>
					await runNode({
						parameters: service.params('invitation', operation, {
							...extra,
							options: { delayBetweenItems: { range: { minSeconds: 60, maxSeconds: 60 } } },
						}),
						// Two: the stop hits the pause before the last item (a later item would fail on its own).
						items: items.slice(0, 2),
						credentials: service.credentials(baseUrl()),
						onError: 'continueRegularOutput',
						onStart: (fn) => (cancel = fn),
					}),
			);
			// The first item has written and been answered: the node is in its pause before the second.
			while (!service.fake.requests.some((r) => isWrite(r) && r.finishedAt)) await wait(10);
			await wait(50);
			const sent = service.fake.requests.length;
			cancel();
			const result = await run;
			while (!outcome) await wait(10);
			await wait(300);

			expect(outcome.returned).toBeUndefined();
			expect(result.items).toEqual([]);
			expect(result.errorItems).toEqual([]);
			expect(service.fake.requests).toHaveLength(sent);
			expect(service.fake.requests.filter(isWrite)).toHaveLength(1);
		},
		15_000,
	);
});

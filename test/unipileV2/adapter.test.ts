/**
 * The invariants test/structure.test.ts holds every adapter in SERVICES to, held by Unipile v2
 * (which SERVICES does not list yet): every dynamic path segment encoded, in every operation and
 * trigger route; a write sent once, never retried; its option names its own.
 */
import { OPERATIONS } from '../../nodes/LinkedInConnect/actions/operations';
import { unipileV2Service } from '../../nodes/core/services/unipileV2';
import { InputError } from '../../nodes/core/shared/parameters';
import type {
	Confirmation,
	ServiceClient,
	ServiceRequest,
} from '../../nodes/core/transport/types';
import { registry } from './harness';

/** A client that records requests and answers like a friendly Unipile v2. */
function recordingClient(requests: ServiceRequest[]): ServiceClient {
	const answer = {
		object: 'UserProfile',
		id: 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E',
		secret: 'secret',
		data: [],
	};
	return {
		async request(request) {
			requests.push(request);
			return answer;
		},
		async lookup(request) {
			requests.push({ method: request.method, url: request.url, qs: request.qs, idempotent: true });
			return { body: answer, reused: false };
		},
		async writeOnce(request, confirm: (sentAt: number) => Promise<Confirmation>) {
			requests.push({ ...request, idempotent: false });
			await confirm(Date.now());
			return { body: answer };
		},
	};
}

const HOSTILE = 'a/b?c#d%2F..';
const hostileInput = {
	accountId: HOSTILE,
	profile: { kind: 'publicIdentifier' as const, value: HOSTILE },
	invitationId: HOSTILE,
	sharedSecret: HOSTILE,
	ifAlreadyInvited: 'fail' as const,
	skipIfConnectedOrPending: true,
	limit: 1,
};
type AnyOperation = (client: ServiceClient, input: unknown, options: object) => Promise<unknown>;

describe('the Unipile v2 adapter', () => {
	it('encodes every dynamic path segment, in every operation and trigger route', async () => {
		const requests: ServiceRequest[] = [];
		const client = recordingClient(requests);
		let refused = 0;
		for (const operation of OPERATIONS) {
			const run = unipileV2Service.operations[operation.key] as AnyOperation;
			await run(client, hostileInput, {}).catch((error: unknown) => {
				if (!(error instanceof InputError)) throw error;
				refused++;
			});
		}
		await unipileV2Service.listAccounts(client, HOSTILE);
		const trigger = unipileV2Service.trigger!;
		await trigger.findWebhook(client, HOSTILE);
		await trigger.deleteWebhook(client, HOSTILE);

		expect(requests.length + refused).toBeGreaterThan(OPERATIONS.length);
		for (const request of requests) {
			expect(request.url).not.toContain('?');
			expect(request.url).not.toContain('#');
			expect(request.url.split('/').some((s) => s === 'b' || s === '..')).toBe(false);
			if (request.url.split('/').map(decodeURIComponent).includes(HOSTILE))
				expect(request.url).toContain(encodeURIComponent(HOSTILE));
		}
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(
			expect.arrayContaining([
				`POST /v2/${encodeURIComponent(HOSTILE)}/users/me/relation-requests/${encodeURIComponent(HOSTILE)}/accept`,
				`GET /v2/webhooks/endpoints/${encodeURIComponent(HOSTILE)}`,
			]),
		);
	});

	it('never retries a write: invitations, withdrawals, answers to invitations', async () => {
		for (const key of [
			'invitation:send',
			'invitation:withdraw',
			'invitation:accept',
			'invitation:decline',
		] as const) {
			const requests: ServiceRequest[] = [];
			const run = unipileV2Service.operations[key] as AnyOperation;
			await run(
				recordingClient(requests),
				{ ...hostileInput, invitationId: '7332661864792854528', skipIfConnectedOrPending: false },
				{},
			);
			const writes = requests.filter((r) => !r.idempotent);
			expect({ key, writes: writes.length }).toEqual({ key, writes: 1 });
			for (const request of requests) expect(request.idempotent).toBe(request !== writes[0]);
		}
	});

	it('offers every operation, and no option name another service uses', () => {
		for (const operation of OPERATIONS) {
			expect(unipileV2Service.operations[operation.key]).toBeDefined();
			const names = new Set(operation.options.map((o) => o.name));
			for (const service of registry.services) {
				for (const option of service.options?.[operation.key] ?? []) {
					expect({
						operation: operation.key,
						name: option.name,
						taken: names.has(option.name),
					}).toEqual({ operation: operation.key, name: option.name, taken: false });
					names.add(option.name);
				}
			}
		}
	});
});

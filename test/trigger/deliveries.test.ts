/**
 * What the trigger does with a delivery, whatever its encoding: a proven acceptance starts the
 * workflow once (a retry or a replay starts nothing), a body that cannot be read gets 400 and a
 * logged warning (never a 500), and LinkupAPI's signature is checked over the bytes as sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { allServicesUnderTest } from '../helpers/services';
import { recordIn, TriggerHarness, triggerSide } from '../helpers/trigger';
import { useFake } from '../helpers/useFake';

describe.each(allServicesUnderTest())('$name', (service) => {
	const baseUrl = useFake(service.fake);
	const side = triggerSide(service);
	const unipile = service.name === 'Unipile';
	const harness = (extra: INodeParameters = {}) =>
		new TriggerHarness(side.parameters(extra), service.credentials(baseUrl()));
	const simulate = service.fake as unknown as {
		simulateAcceptance(
			member: string,
			accountId: string,
		): Promise<Array<{ body: IDataObject; raw: string }>>;
	};
	/** An acceptance as the service sends it: its body and the exact bytes. */
	const acceptance = async (h: TriggerHarness) => {
		await h.activate();
		const [delivery] = await simulate.simulateAcceptance('marie-curie', side.account);
		return delivery;
	};
	/** Headers proving `raw` as the service proves its deliveries. */
	const proof = (h: TriggerHarness, raw: string | Buffer, at?: number) =>
		side.prove(String(recordIn(h).secret), raw, at);
	const started = (result: { workflowData?: Array<Array<{ json: IDataObject }>> }) =>
		result.workflowData?.[0].map((item) => item.json.public_identifier) ?? [];

	const encodings: Array<[string, Record<string, string>, (body: IDataObject) => string]> = [
		['no content type', {}, (body) => JSON.stringify(body)],
		['application/json', { 'Content-Type': 'application/json' }, (body) => JSON.stringify(body)],
		['text/plain', { 'Content-Type': 'text/plain' }, (body) => JSON.stringify(body)],
	];
	// Unipile's webhooks may be created with `format: "form"` (v1 spec); LinkupAPI signs JSON only.
	if (unipile) {
		encodings.push(
			[
				'form encoding, with a content type',
				{ 'Content-Type': 'application/x-www-form-urlencoded' },
				(body) => formOf(body),
			],
			['form encoding, without a content type', {}, (body) => formOf(body)],
		);
	}
	it.each(encodings)(
		'a delivery with %s starts the workflow with the same item',
		async (_label, type, encode) => {
			const h = harness();
			const { body } = await acceptance(h);
			const raw = encode(body);
			const { result, answer } = await h.deliver(undefined, { ...type, ...proof(h, raw) }, raw);

			expect(answer).toBeUndefined();
			expect(started(result)).toEqual(['marie-curie']);
			expect(result.workflowData?.[0][0].json).toMatchObject({
				account_id: side.account,
				provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
				full_name: 'Marie Curie',
			});
		},
	);

	it.each([
		['not JSON', 'hello, n8n', 'the body is neither JSON nor form-encoded'],
		['broken JSON', '{"event": ', 'the body is not valid JSON'],
		['JSON null', 'null', 'the body is JSON but not an object'],
		['a JSON list', '[1, 2]', 'the body is JSON but not an object'],
		// Signed services: an empty body has no bytes to check a signature over (401, below).
		...(unipile ? [['empty', '', 'the body is empty']] : []),
	])(
		'a proven delivery whose body is %s gets 400, a warning, and starts nothing',
		async (_label, raw, reason) => {
			const h = harness();
			await h.activate();
			const { result, answer } = await h.deliver(undefined, proof(h, raw), raw);

			expect(answer).toEqual({ status: 400, body: { error: `Refused: ${reason}.` } });
			expect(result).toEqual({ noWebhookResponse: true });
			expect(h.warnings).toEqual([expect.stringContaining(`(400): ${reason}`)]);
		},
	);

	it('an unproven delivery is refused 401 before its body is read', async () => {
		const h = harness();
		await h.activate();
		const { answer } = await h.deliver(undefined, {}, 'hello');
		expect(answer?.status).toBe(401);
	});

	it('the same delivery twice (a retry, a replay) starts the workflow once; the repeat is answered 200', async () => {
		const h = harness();
		const { raw } = await acceptance(h);
		const headers = proof(h, raw);
		const first = await h.deliver(undefined, headers, raw);
		const second = await h.deliver(undefined, headers, raw);

		expect(started(first.result)).toEqual(['marie-curie']);
		expect(second.answer).toEqual({
			status: 200,
			body: { received: true, started: false, duplicate: true },
		});
		expect(second.result).toEqual({ noWebhookResponse: true });
	});

	it('another member accepting is not a repeat', async () => {
		const h = harness();
		const { raw } = await acceptance(h);
		await h.deliver(undefined, proof(h, raw), raw);
		const [other] = await simulate.simulateAcceptance('sam-sales', side.account);
		const { result } = await h.deliver(undefined, proof(h, other.raw), other.raw);
		expect(started(result)).toEqual(['sam-sales']);
	});

	it('remembers the last 1,000 deliveries, dropping the oldest', async () => {
		const h = harness();
		const { raw } = await acceptance(h);
		await h.deliver(undefined, proof(h, raw), raw);
		const delivered = h.state.delivered as string[];
		h.state.delivered = [...delivered, ...Array.from({ length: 1200 }, (_, i) => `older-${i}`)];
		const [other] = await simulate.simulateAcceptance('sam-sales', side.account);
		await h.deliver(undefined, proof(h, other.raw), other.raw);

		expect(h.state.delivered).toHaveLength(1000);
		expect((h.state.delivered as string[]).slice(0, 2)).toEqual([expect.any(String), delivered[0]]);
	});

	it("with no event chosen, activation fails before any request, naming 'Events'", async () => {
		const h = harness({ events: [] });
		service.fake.requests.length = 0;
		await expect(h.activate()).rejects.toThrow("'Events' is empty");
		expect(service.fake.requests).toHaveLength(0);
	});

	if (service.name === 'LinkupAPI') {
		it('a signature dated more than a minute ahead is refused; a few seconds ahead is fine', async () => {
			const h = harness();
			const { raw } = await acceptance(h);
			const now = Math.floor(Date.now() / 1000);
			const ahead = await h.deliver(undefined, proof(h, raw, now + 120), raw);
			expect(ahead.answer).toEqual({
				status: 401,
				body: { error: 'Refused: the signature is dated more than 60 seconds in the future.' },
			});
			const skewed = await h.deliver(undefined, proof(h, raw, now + 10), raw);
			expect(started(skewed.result)).toEqual(['marie-curie']);
		});

		it('an event listing several new connections starts the workflow with one item each', async () => {
			const h = harness();
			await h.activate();
			const body = {
				account_id: side.account,
				event: {
					type: 'accepted_invitation',
					new_connections: [
						{ profile_url: 'https://www.linkedin.com/in/marie-curie', name: 'Marie Curie' },
						{ profile_url: 'https://www.linkedin.com/in/sam-sales/', name: 'Sam Sales' },
					],
				},
				timestamp: new Date().toISOString(),
			};
			const raw = JSON.stringify(body);
			const { result } = await h.deliver(undefined, proof(h, raw), raw);
			expect(started(result)).toEqual(['marie-curie', 'sam-sales']);
		});

		it('a disconnection event (sent to every webhook) starts nothing and is said in the log', async () => {
			const h = harness();
			await h.activate();
			const raw = JSON.stringify({
				account_id: side.account,
				event: { type: 'account_disconnected', reason: 'session expired' },
			});
			const { result, answer } = await h.deliver(undefined, proof(h, raw), raw);
			expect(answer).toEqual({ status: 200, body: { received: true, started: false } });
			expect(result).toEqual({ noWebhookResponse: true });
			expect(h.warnings).toEqual([
				expect.stringContaining('type "account_disconnected" that names no member'),
			]);
		});

		it('the signature covers the bytes as sent: other bytes that decode to the same text are refused', async () => {
			const h = harness();
			const { body } = await acceptance(h);
			const text = JSON.stringify({ ...body, note: '#' });
			const at = text.lastIndexOf('#');
			const signed = Buffer.from(text);
			signed[at] = 0xff; // not UTF-8: decodes to U+FFFD
			const sent = Buffer.from(signed);
			sent[at] = 0xfe; // another invalid byte, the same decoded text
			expect(sent.toString('utf8')).toBe(signed.toString('utf8'));

			const forged = await h.deliver(undefined, proof(h, signed), sent);
			expect(forged.answer?.status).toBe(401);
			const genuine = await h.deliver(undefined, proof(h, signed), signed);
			expect(started(genuine.result)).toEqual(['marie-curie']);
		});

		it('without the raw body n8n received, nothing can be checked: 401 and a warning', async () => {
			const h = harness();
			const { body, raw } = await acceptance(h);
			const { answer } = await h.deliver(body, proof(h, raw), raw, { withoutRawBody: true });
			expect(answer).toEqual({
				status: 401,
				body: { error: 'Refused: n8n kept no raw body to check the signature against.' },
			});
			expect(h.warnings).toEqual([expect.stringContaining('no raw body')]);
		});
	}
});

/** One level of form fields, nested objects as JSON text (see formEncoded in test/fakes/base.js). */
function formOf(body: IDataObject): string {
	return new URLSearchParams(
		Object.entries(body).map(([key, value]): [string, string] => [
			key,
			value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? ''),
		]),
	).toString();
}

/**
 * The trigger's webhooks in a real n8n, after the sample workflows are published and have run
 * (run.js): deliveries sent exactly as the services send them, repeats, a webhook left without its
 * JSON content type by version 0.2, and n8n restarted under another webhook URL. After each step
 * the fakes hold exactly one webhook per active trigger.
 */
'use strict';

/** Posts `raw` to `url` with exactly `headers`, as a service retrying (or someone replaying) would. */
async function resend(url, headers, raw) {
	const response = await fetch(url, { method: 'POST', headers, body: Buffer.from(raw) });
	return { status: response.status, answer: await response.text() };
}

async function triggerTrust({ scenario, assert, n8n, fake, linkup, collector, eventually, log }) {
	await scenario(
		'Trigger: a delivery without a content type starts the workflow; repeated byte for byte (a retry, a replay) it starts nothing more',
		async () => {
			// What a webhook created by version 0.2 (or by anyone via Unipile's API) sends: no content type.
			const [webhook] = fake.webhooks;
			webhook.headers = webhook.headers.filter((h) => h.key !== 'Content-Type');
			const crm = () => collector.at('/api/linkedin/accepted').length;
			const before = crm();
			const [unipileDelivery] = await fake.simulateAcceptance('julien-crepieux', 'acc_ada_sales');
			assert.deepEqual(Object.keys(unipileDelivery.headers), ['X-LinkedIn-Connect-Secret']);
			assert.equal(unipileDelivery.status, 200, unipileDelivery.answer);
			await eventually(() => crm() === before + 1, 'a delivery without a content type did not run');
			log.push(
				`Unipile delivers new_relation (julien-crepieux) with only the secret header, no content type → n8n ${unipileDelivery.status} → the sample ran`,
			);

			const linkupDelivery = linkup.deliveries.find((d) => d.status === 200);
			const linkupRuns = collector.at('/collect/linkup-webhook').length;
			const again = await resend(unipileDelivery.url, unipileDelivery.headers, unipileDelivery.raw);
			const replay = await resend(linkupDelivery.url, linkupDelivery.headers, linkupDelivery.raw);
			assert.equal(again.status, 200, again.answer);
			assert.equal(replay.status, 200, replay.answer);
			assert.match(again.answer, /"duplicate":true/);
			assert.match(replay.answer, /"duplicate":true/);
			await new Promise((resolveWait) => setTimeout(resolveWait, 3000));
			assert.equal(crm(), before + 1, 'the repeated Unipile delivery ran again');
			assert.equal(
				collector.at('/collect/linkup-webhook').length,
				linkupRuns,
				'the replay ran again',
			);
			log.push(
				`the same Unipile delivery again → n8n ${again.status} ${again.answer}; the LinkupAPI delivery replayed byte for byte → n8n ${replay.status} ${replay.answer}; no new execution`,
			);
		},
	);

	await scenario(
		'Trigger: n8n restarted under another webhook URL replaces each webhook (and heals one without a JSON content type): one per service',
		async () => {
			// The Unipile webhook lacks its Content-Type header since the scenario above (as 0.2 created it).
			const [oldUnipile] = fake.webhooks;
			const [oldLinkup] = linkup.webhooks;
			assert.ok(!oldUnipile.headers.some((h) => h.key === 'Content-Type'));
			const port = n8n.port;
			n8n.extraEnv.WEBHOOK_URL = `http://localhost:${port}/`;
			await n8n.stop();
			await n8n.start();
			await eventually(
				() =>
					fake.webhooks.length === 1 &&
					linkup.webhooks.length === 1 &&
					fake.webhooks[0].id !== oldUnipile.id &&
					linkup.webhooks[0].webhook_id !== oldLinkup.webhook_id,
				'the webhooks were not replaced after the restart',
				60_000,
			);
			const [unipileHook] = fake.webhooks;
			const [linkupHook] = linkup.webhooks;
			assert.match(unipileHook.request_url, new RegExp(`^http://localhost:${port}/webhook/`));
			assert.match(linkupHook.url, new RegExp(`^http://localhost:${port}/webhook/`));
			assert.deepEqual(unipileHook.headers[0], { key: 'Content-Type', value: 'application/json' });
			assert.equal(fake.calls('DELETE', `/api/v1/webhooks/${oldUnipile.id}`).length, 1);
			assert.equal(linkup.calls('DELETE', `/v2/webhooks/${oldLinkup.webhook_id}`).length, 1);

			// The replacement works: an acceptance through it starts the sample.
			const before = collector.at('/api/linkedin/accepted').length;
			const [delivery] = await fake.simulateAcceptance('linus-t', 'acc_ada_sales');
			assert.equal(delivery.status, 200, delivery.answer);
			await eventually(
				() => collector.at('/api/linkedin/accepted').length === before + 1,
				'the replaced Unipile webhook did not start the sample',
			);
			log.push(
				`restart with WEBHOOK_URL=http://localhost:${port}/ → Unipile DELETE ${oldUnipile.id} (no content type) + POST → ${unipileHook.id}; LinkupAPI DELETE ${oldLinkup.webhook_id} + POST → ${linkupHook.webhook_id}; fakes hold ${fake.webhooks.length} + ${linkup.webhooks.length}`,
			);

			delete n8n.extraEnv.WEBHOOK_URL;
			await n8n.stop();
			await n8n.start();
			await eventually(
				() =>
					fake.webhooks.length === 1 &&
					linkup.webhooks.length === 1 &&
					fake.webhooks[0].request_url.startsWith(`http://127.0.0.1:${port}/`) &&
					linkup.webhooks[0].url.startsWith(`http://127.0.0.1:${port}/`),
				'the webhooks were not moved back after the second restart',
				60_000,
			);
			log.push(`restart without WEBHOOK_URL → back on 127.0.0.1, fakes hold 1 + 1`);
		},
	);
}

module.exports = { triggerTrust };

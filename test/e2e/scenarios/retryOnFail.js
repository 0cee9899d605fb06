/**
 * End-to-end: n8n's Retry On Fail runs the whole node again, earlier rows included. Five rows, the
 * third invitation refused once (a rate limit): the node fails, n8n runs it again, and no member
 * gets a second invitation: the retry sees the first run's invitations as pending (Unipile's lookup
 * by URL; LinkupAPI's check, on here with Skip If Connected or Pending).
 */
'use strict';
const { join } = require('node:path');

const MEMBERS = ['julien-crepieux', 'marie-curie', 'jérôme-dupont', 'sam-sales', 'barbara-liskov'];

function output(assert, run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	return runs[0].data.main[0] ?? [];
}

async function retryOnFail({ scenario, assert, n8n, fake, linkup, WORKFLOWS }) {
	await scenario(
		'n8n execute: Retry On Fail after the third invitation failed re-runs the node, and nobody is invited twice',
		async () => {
			await n8n.importWorkflows([join(WORKFLOWS, 'retry-on-fail.json')]);
			fake.reset();
			linkup.reset();
			fake.addFault({
				path: '/api/v1/users/invite',
				skip: 2,
				status: 429,
				body: { status: 429, type: 'errors/too_many_requests', title: 'Too many requests' },
			});
			linkup.addFault({
				path: '/v2/network',
				match: '"action":"invite"',
				skip: 2,
				status: 429,
				body: {
					success: false,
					error: { code: 'RATE_LIMITED', message: 'Rate limited (fault)' },
					metadata: { credits_consumed: 0 },
				},
			});
			const { run } = await n8n.execute('lcRetryOnFail001');
			assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);

			for (const [nodeName, server, inviteRequests] of [
				['Send (Unipile)', fake, () => fake.calls('POST', '/api/v1/users/invite')],
				[
					'Send (LinkupAPI)',
					linkup,
					() => linkup.calls('POST', '/v2/network').filter((r) => r.body.action === 'invite'),
				],
			]) {
				assert.deepEqual(
					output(assert, run, nodeName).map((i) => i.json.status),
					['skipped_pending', 'skipped_pending', 'sent', 'sent', 'sent'],
					`${nodeName}: the retry did not skip the rows the first run had invited`,
				);
				const invited = server.invitations.map((i) => i.public_identifier);
				for (const slug of MEMBERS)
					assert.equal(
						invited.filter((one) => one === slug).length,
						1,
						`${nodeName}: ${slug} has ${invited.filter((one) => one === slug).length} invitations`,
					);
				// Five invitations, plus the one refused by the fault; none re-sent by the retry.
				assert.equal(inviteRequests().length, 6, `${nodeName}: invite requests`);
			}
		},
	);
}

module.exports = { retryOnFail };

/**
 * End-to-end: error items in a real n8n. With Continue (regular output) a failed row carries
 * `code`, `http_code`, `description` and the identifiers it was given, and an IF on `code` routes
 * it. With Continue (using error output) n8n passes on only `error`, merged into the input row
 * (n8n-core's handleNodeErrorOutput accepts no other field there): that is checked too.
 */
'use strict';
const { join } = require('node:path');

const SAM_LOOKUP = '/api/v1/users/sam-sales';
const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';

function output(assert, run, nodeName, index = 0) {
	const runs = run.data.resultData.runData[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	return runs[0].data.main[index] ?? [];
}

async function errorItems({ scenario, assert, n8n, fake, WORKFLOWS }) {
	await scenario(
		'n8n execute: a refused invitation, a bad URL and a redirect become error items with their code; an IF routes them',
		async () => {
			await n8n.importWorkflows([join(WORKFLOWS, 'error-items.json')]);
			fake.reset();
			// Marie was invited before: Unipile refuses a second invitation.
			fake.addFault({
				path: '/api/v1/users/invite',
				match: MARIE_ID.slice(0, 16),
				status: 422,
				body: {
					status: 422,
					type: 'errors/already_invited_recently',
					title: 'Should delay new invitation to this recipient',
					detail: 'An invitation has already been sent recently to this recipient.',
				},
			});
			// Sam's lookup is answered with a redirect, once by each LinkedIn Connect node.
			fake.addFault({
				path: SAM_LOOKUP,
				mode: 'redirect',
				location: 'https://elsewhere.example/api/v1/users/sam-sales',
				times: 2,
			});
			const { run } = await n8n.execute('lcErrorItems0001');
			assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);

			const sent = output(assert, run, 'Send Invitation').map((i) => i.json);
			assert.equal(sent.length, 4);
			assert.equal(sent[0].status, 'sent');
			const fields = (item) => ({
				code: item.code,
				http_code: item.http_code,
				description: item.description,
				profile_url: item.profile_url,
				account_id: item.account_id,
			});
			assert.deepEqual(fields(sent[1]), {
				code: 'INPUT',
				http_code: null,
				description: null,
				profile_url: 'https://www.linkedin.com/company/unipile/',
				account_id: 'acc_ada_sales',
			});
			assert.match(sent[1].error, /^'Profile' is a \/company\/ page/);
			assert.deepEqual(fields(sent[2]), {
				code: 'errors/already_invited_recently',
				http_code: 422,
				description: 'An invitation has already been sent recently to this recipient.',
				profile_url: 'https://www.linkedin.com/in/marie-curie/',
				account_id: 'acc_ada_sales',
			});
			assert.deepEqual(fields(sent[3]), {
				code: 'REDIRECT',
				http_code: 302,
				description: null,
				profile_url: 'https://www.linkedin.com/in/sam-sales/',
				account_id: 'acc_ada_sales',
			});
			assert.match(sent[3].error, /\[REDIRECT\]/);

			assert.deepEqual(
				output(assert, run, 'Fix the row').map((i) => i.json.profile_url),
				['https://www.linkedin.com/company/unipile/'],
			);
			assert.deepEqual(
				output(assert, run, 'The rest').map((i) => i.json.status ?? i.json.code),
				['sent', 'errors/already_invited_recently', 'REDIRECT'],
			);

			// The error output: the input row and the message, nothing else (n8n's rule).
			const failed = output(assert, run, 'Get Profile', 1).map((i) => i.json);
			assert.deepEqual(
				failed.map((row) => Object.keys(row)),
				[
					['name', 'linkedin', 'error'],
					['name', 'linkedin', 'error'],
				],
			);
			assert.equal(failed[0].name, 'Unipile (a company page)');
			assert.match(failed[1].error, /\[REDIRECT\]/);
			assert.equal(output(assert, run, 'Get Profile', 0).length, 2);
			// Bad input sent nothing; the redirect target was never contacted.
			assert.equal(fake.calls('GET', '/api/v1/users/unipile').length, 0);
			assert.equal(fake.calls('POST', '/api/v1/users/invite').length, 2);
		},
	);
}

module.exports = { errorItems };

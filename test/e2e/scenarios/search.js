/**
 * Search in a real n8n (before `n8n start`, with `n8n execute`): a Classic search read in pages of
 * 10 to a Limit of 25 hands its member ids to Send Invitation, which invites without a single
 * profile lookup; the Sales Navigator example (a pasted search URL, Exclude Connected and Pending,
 * Limit 40, a daily cap) resolves each Sales Navigator id with one lookup and invites the Classic id.
 */
'use strict';
const { join } = require('node:path');
const { exampleCopy, SERVICES } = require('./messages');

/** The example's copy to import: run by hand, its sheet replaced by the collector. */
function searchWorkflows(examples, folder, collectorUrl) {
	return {
		example: exampleCopy(
			join(examples, 'sales-navigator-search-invite.json'),
			SERVICES[0],
			folder,
			{
				collectorUrl,
				manual: true,
				replace: {
					'Sheet row': {
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							method: 'POST',
							url: `${collectorUrl}/sheet/invited`,
							sendBody: true,
							specifyBody: 'json',
							jsonBody:
								"={{ JSON.stringify({ name: $('Search').item.json.full_name, linkedin: $('Search').item.json.profile_url, status: $json.status ?? $json.error, invitation_id: $json.invitation_id ?? '' }) }}",
							options: {},
						},
					},
				},
			},
		),
	};
}

async function searchScenarios({
	scenario,
	assert,
	n8n,
	fake,
	collector,
	nodeOutput,
	copies,
	keywords,
}) {
	await scenario(
		'n8n execute: Search (Limit 25, pages of 10) → Send Invitation by provider_id: 25 invitations, zero profile lookups',
		async () => {
			fake.reset();
			fake.maxPageSize = 10;
			const { run } = await n8n.execute('lcSearchInvite25');
			assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);
			const found = nodeOutput(run, 'Search');
			const sent = nodeOutput(run, 'Send Invitation');
			assert.equal(found.length, 25);
			assert.deepEqual(
				sent.map((item) => item.json.status),
				Array(25).fill('sent'),
			);
			const searches = fake.calls('POST', '/api/v1/linkedin/search');
			const lookups = fake.requests.filter(
				(r) => r.method === 'GET' && /^\/api\/v1\/users\/(?!invite|me\b)/.test(r.path),
			);
			assert.equal(
				searches.length,
				3,
				`${searches.length} search requests for 25 results in pages of 10`,
			);
			assert.equal(lookups.length, 0, `${lookups.length} profile lookups`);
			assert.equal(fake.calls('POST', '/api/v1/users/invite').length, 25);
			process.stdout.write(
				`      request counts: ${searches.length} × POST /api/v1/linkedin/search (limits ${searches.map((r) => r.query.limit).join(', ')}), ${lookups.length} × GET /api/v1/users/{id}, 25 × POST /api/v1/users/invite (keywords "${keywords}")\n`,
			);
		},
	);

	await scenario(
		'examples/sales-navigator-search-invite.json: a pasted Sales Navigator search → 40 people, each Sales Navigator id resolved with one lookup and invited with its Classic id; a sheet row each',
		async () => {
			fake.reset();
			const { run } = await n8n.execute(copies.example.id);
			assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);
			const found = nodeOutput(run, 'Search');
			assert.equal(found.length, 40);
			assert.ok(found.every((item) => item.json.source === 'sales_navigator'));
			assert.ok(found.every((item) => String(item.json.provider_id).startsWith('ACw')));
			const invites = fake.calls('POST', '/api/v1/users/invite');
			const lookups = fake.requests.filter(
				(r) => r.method === 'GET' && /^\/api\/v1\/users\/ACw/.test(r.path),
			);
			assert.equal(lookups.length, 40, `${lookups.length} lookups of Sales Navigator ids`);
			assert.equal(invites.length, 40);
			assert.ok(invites.every((r) => String(r.body.provider_id).startsWith('ACo')));
			assert.equal(collector.at('/sheet/invited').length, 40);
			process.stdout.write(
				`      request counts: ${fake.calls('POST', '/api/v1/linkedin/search').length} × POST /api/v1/linkedin/search ({url}), ${lookups.length} × GET /api/v1/users/ACw…, ${invites.length} × POST /api/v1/users/invite (provider_id ACo…), 40 sheet rows\n`,
			);
		},
	);
}

module.exports = { searchWorkflows, searchScenarios };

/**
 * End-to-end suite: the packed package inside a real n8n (pinned, see install-n8n.js), against
 * the fake services from test/fakes, on 127.0.0.1 only. Every scenario is checked on n8n's output
 * and on the requests the fake recorded. Ends with "N passed, M failed".
 *
 *   npm run test:e2e              N8N_E2E_VERSION=2.8.4  KEEP_E2E_FOLDER=1 (keep n8n's user folder)
 */
'use strict';
const assert = require('node:assert/strict');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { FakeLinkup } = require('../fakes/linkup');
const { FakeUnipile } = require('../fakes/unipile');
const { FakeUnipileV2 } = require('../fakes/unipileV2');
const { ensureN8n, exitOn, preflight } = require('./install-n8n');
const messages = require('./scenarios/messages');
const search = require('./scenarios/search');
const { N8nSandbox, buildAndPack, setActive, signIn, ROOT } = require('./sandbox');

const UNIPILE_KEY = 'e2e-unipile-Secret/Key+42';
const LINKUP_KEY = 'e2e-linkup-Secret/Key+43';
const UNIPILE_V2_KEY = 'e2e-unipile-v2-Secret/Key+44';
const WRONG_KEY = 'e2e-wrong-key-000111';
const WORKFLOWS = join(__dirname, 'workflows');
const EXAMPLES = join(ROOT, 'examples');

const results = [];
async function scenario(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
		process.stdout.write(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
	} catch (error) {
		results.push({ name, ok: false, seconds: (Date.now() - started) / 1000, error });
		process.stdout.write(
			`  ✗ ${name}\n      ${String(error?.stack ?? error)
				.split('\n')
				.join('\n      ')}\n`,
		);
	}
}

function nodeOutput(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	assert.ok(
		runs,
		`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
	);
	return runs[0].data.main[0];
}

/**
 * The README's sample outputs are copied from real runs: the JSON block under
 * `<!-- sample: <name> -->` must have the same fields, in the same order, with the same values,
 * but for ids and dates that differ at every run.
 */
function expectReadmeSample(name, actual) {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const marker = `<!-- sample: ${name} -->`;
	const at = readme.indexOf(marker);
	assert.ok(at >= 0, `the README has no ${marker}`);
	const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(at));
	const documented = JSON.parse(block[1]);
	const volatile = new Set(['invitation_id', 'sent_at']);
	const shape = (object) =>
		Object.entries(object).map(([key, value]) => [key, volatile.has(key) ? typeof value : value]);
	assert.deepEqual(
		shape(actual),
		shape(documented),
		`the README's "${name}" sample differs from the real output:\n${JSON.stringify(actual, null, 2)}`,
	);
}

function expectNoSecretIn(text, secret, where) {
	for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
		assert.ok(
			!text.includes(form),
			`the API key (${form === secret ? 'as given' : 'encoded'}) appears in ${where}`,
		);
	}
}

/** Stands in for a CRM: records every POST it receives, by path; answers a GET with what `serve` set. */
async function startCollector() {
	const http = require('node:http');
	const received = [];
	const served = new Map();
	const server = http.createServer((req, res) => {
		if (req.method === 'GET') {
			res.writeHead(served.has(req.url) ? 200 : 404, { 'content-type': 'application/json' });
			res.end(JSON.stringify(served.get(req.url) ?? { error: 'not found' }));
			return;
		}
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			let body;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				body = Buffer.concat(chunks).toString('utf8');
			}
			received.push({ path: req.url, body, at: Date.now() });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		received,
		serve: (path, body) => served.set(path, body),
		at: (path) => received.filter((r) => r.path === path),
		stop: () => new Promise((resolveClose) => server.close(resolveClose)),
	};
}

/** Resolves once `check()` is true, polling every 250 ms; fails after `timeoutMs` with `what`. */
async function eventually(check, what, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
}

/** A workflow whose outgoing URLs point at the collector instead of a real CRM. */
function pointedAtCollector(file, collectorUrl, folder) {
	const text = readFileSync(file, 'utf8')
		.split('http://COLLECTOR')
		.join(collectorUrl)
		.split('https://crm.example.com')
		.join(collectorUrl);
	const copy = join(folder, `collector-${require('node:path').basename(file)}`);
	writeFileSync(copy, text);
	return copy;
}

/**
 * `n8n execute` can start only from a manual trigger: a copy of a scheduled example, the same nodes
 * behind a manual trigger of the same name, under the id `<id>Run`; returns its file.
 */
function runnableCopy(file, folder) {
	const workflow = JSON.parse(readFileSync(file, 'utf8'));
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	Object.assign(trigger, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	workflow.id = `${workflow.id.slice(0, 13)}Run`;
	const copy = join(folder, `${workflow.id}.json`);
	writeFileSync(copy, JSON.stringify(workflow));
	return copy;
}

async function main() {
	const started = Date.now();
	await preflight();
	const { binary, version, nodeHome } = await ensureN8n();
	process.stdout.write(`LinkedIn Connect end-to-end suite on n8n ${version}\n`);
	const { tarball, files: packedFiles } = buildAndPack();
	const fake = new FakeUnipile({ apiKey: UNIPILE_KEY });
	const fakeUrl = await fake.start();
	const linkup = new FakeLinkup({ apiKey: LINKUP_KEY });
	const linkupUrl = await linkup.start();
	const unipileV2 = new FakeUnipileV2({ apiKey: UNIPILE_V2_KEY });
	const unipileV2Url = await unipileV2.start();
	const collector = await startCollector();
	const n8n = new N8nSandbox({ binary, version, nodeHome });
	const killServer = () => n8n.server?.kill('SIGKILL');
	process.on('exit', killServer);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

	const fakes = { Unp: fake, Lnk: linkup, Uv2: unipileV2 };
	const messageLog = [];
	let messageCopies;
	let searchCopies;
	try {
		await scenario(
			'the npm tarball holds only dist/, README.md, LICENSE and package.json',
			async () => {
				const unexpected = packedFiles.filter(
					(file) =>
						!/^(dist\/(credentials|nodes|icons)\/|dist\/package\.json$|README\.md$|LICENSE$|package\.json$)/.test(
							file,
						),
				);
				assert.deepEqual(unexpected, []);
				for (const file of ['README.md', 'LICENSE', 'package.json'])
					assert.ok(packedFiles.includes(file), `${file} is not packed`);
				assert.ok(
					!packedFiles.some((file) => file.endsWith('.map') || file.includes('tsbuildinfo')),
					'build leftovers are packed',
				);
			},
		);

		await scenario(
			'the npm tarball installs into n8n with the node and both credentials',
			async () => {
				const installed = n8n.installPackage(tarball);
				const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
				assert.equal(installed.version, manifest.version);
				for (const file of [
					...manifest.n8n.nodes,
					...manifest.n8n.credentials,
					'dist/icons/linkedin-connect.svg',
					'dist/icons/linkedin-connect.dark.svg',
					'dist/nodes/LinkedInConnect/LinkedInConnect.node.json',
				]) {
					assert.ok(existsSync(join(installed.dir, file)), `the published package lacks ${file}`);
				}
				assert.ok(
					!existsSync(join(installed.dir, 'node_modules', 'n8n-workflow')),
					'the package must not bring its own n8n-workflow',
				);
				await n8n.importCredentials([
					{
						id: 'unipileSandbox01',
						name: 'Unipile sandbox',
						type: 'unipileApi',
						data: { dsn: fakeUrl, apiKey: UNIPILE_KEY },
					},
					{
						id: 'unipileWrongKey1',
						name: 'Unipile with a wrong key',
						type: 'unipileApi',
						data: { dsn: `${fakeUrl}/api/v1/`, apiKey: WRONG_KEY },
					},
					{
						id: 'linkupSandbox001',
						name: 'LinkupAPI sandbox',
						type: 'linkupApi',
						data: { baseUrl: linkupUrl, apiKey: LINKUP_KEY },
					},
					{
						id: 'unipileV2Sandbox',
						name: 'Unipile v2 sandbox',
						type: 'unipileV2Api',
						data: { baseUrl: `${unipileV2Url}/v2`, apiKey: UNIPILE_V2_KEY },
					},
				]);
				messageCopies = messages.messageWorkflows(EXAMPLES, n8n.userFolder, collector.url);
				searchCopies = search.searchWorkflows(EXAMPLES, n8n.userFolder, collector.url);
				await n8n.importWorkflows([
					join(EXAMPLES, 'sales-navigator-search-invite.json'),
					searchCopies.example.file,
					join(WORKFLOWS, 'search-invite.json'),
					join(EXAMPLES, 'welcome-new-connections.json'),
					join(EXAMPLES, 'stop-follow-up-on-reply.json'),
					...['followUp', 'welcome', 'reply'].flatMap((kind) =>
						Object.values(messageCopies[kind]).map((copy) => copy.file),
					),
					join(EXAMPLES, 'sheet-to-invitations.json'),
					join(EXAMPLES, 'crm-webhook-invite.json'),
					join(EXAMPLES, 'linkupapi-sheet-invitations.json'),
					join(WORKFLOWS, 'wrong-key.json'),
					join(WORKFLOWS, 'paced-invitations.json'),
					join(WORKFLOWS, 'capped-invitations.json'),
					join(WORKFLOWS, 'redirected.json'),
					join(WORKFLOWS, 'lifecycle-unipile.json'),
					join(WORKFLOWS, 'lifecycle-linkupapi.json'),
					join(WORKFLOWS, 'lifecycle-unipilev2.json'),
					pointedAtCollector(
						join(WORKFLOWS, 'trigger-unipilev2-webhook.json'),
						collector.url,
						n8n.userFolder,
					),
					join(EXAMPLES, 'withdraw-stale-invitations.json'),
					runnableCopy(join(EXAMPLES, 'withdraw-stale-invitations.json'), n8n.userFolder),
					pointedAtCollector(
						join(EXAMPLES, 'invitation-accepted-update-crm.json'),
						collector.url,
						n8n.userFolder,
					),
					pointedAtCollector(
						join(WORKFLOWS, 'trigger-linkupapi-webhook.json'),
						collector.url,
						n8n.userFolder,
					),
					pointedAtCollector(
						join(WORKFLOWS, 'trigger-unipile-polling.json'),
						collector.url,
						n8n.userFolder,
					),
					pointedAtCollector(
						join(WORKFLOWS, 'trigger-linkupapi-polling.json'),
						collector.url,
						n8n.userFolder,
					),
				]);
			},
		);

		await scenario(
			'n8n execute: sheet rows → Get Profile → Send Invitation, one item per row, minimal requests',
			async () => {
				fake.reset();
				const { run } = await n8n.execute('lcSheetInvites01');
				assert.equal(
					run.data.resultData.error,
					undefined,
					`the run failed: ${run.data.resultData.error?.message}`,
				);
				const profiles = nodeOutput(run, 'Get Profile');
				const invitations = nodeOutput(run, 'Send Invitation');
				// The company page fails at Get Profile and leaves by its error output, with its row.
				assert.equal(profiles.length, 4);
				assert.equal(invitations.length, 4);
				assert.deepEqual(
					invitations.map((i) => i.json.status),
					['sent', 'sent', 'sent', 'sent'],
				);
				// Items run one at a time, in input order.
				assert.deepEqual(
					invitations.map((i) => i.json.provider_id),
					fake.invitations.map((i) => i.provider_id),
				);
				for (const item of invitations) assert.match(String(item.json.invitation_id), /^\d+$/);
				const toFix = nodeOutput(run, 'Rows to fix');
				assert.equal(toFix.length, 1);
				assert.deepEqual(Object.keys(toFix[0].json), ['name', 'linkedin', 'error']);
				assert.equal(toFix[0].json.name, 'Unipile (a company page)');
				assert.match(toFix[0].json.error, /^'Profile' is a \/company\/ page, not a member profile/);
				expectReadmeSample('sheet-to-invitations: Get Profile', profiles[0].json);
				// Four lookups (the provider-id row too: Get Profile is a lookup), then four invites that reuse provider_id.
				assert.equal(fake.calls('GET').length, 4);
				assert.equal(fake.calls('POST', '/api/v1/users/invite').length, 4);
				assert.deepEqual(
					fake.calls('GET').map((r) => r.path),
					[
						'/api/v1/users/julien-crepieux',
						'/api/v1/users/marie-curie',
						'/api/v1/users/j%C3%A9r%C3%B4me-dupont',
						'/api/v1/users/ACoAAEEEsamSales000000000000000000000000',
					],
				);
				const julien = fake.invitations.find((i) => i.public_identifier === 'julien-crepieux');
				assert.equal(
					julien.message,
					"Hi Julien, I enjoyed your work as Co-founder at Unipile. Let's connect!",
				);
				for (const request of fake.requests)
					assert.equal(request.headers['x-api-key'], UNIPILE_KEY);
			},
		);

		await scenario(
			'n8n execute (LinkupAPI): sheet rows → Send Invitation, one call per row, credits reported',
			async () => {
				linkup.reset();
				const { run } = await n8n.execute('lcLinkupInvites1');
				assert.equal(
					run.data.resultData.error,
					undefined,
					`the run failed: ${run.data.resultData.error?.message}`,
				);
				const invitations = nodeOutput(run, 'Send Invitation');
				assert.equal(invitations.length, 5);
				assert.deepEqual(
					invitations.map((i) => i.pairedItem),
					[0, 1, 2, 3, 4].map((item) => ({ item })),
				);
				for (const item of invitations.slice(0, 4)) {
					assert.match(String(item.json.invitation_id), /^urn:li:invitation:\d+$/);
					assert.equal(item.json.credits_consumed, 1);
				}
				assert.equal(invitations[3].json.provider_id, 'ACoAAEEEsamSales000000000000000000000000');
				assert.match(invitations[4].json.error, /^'Profile' is a \/company\/ page/);
				assert.equal(
					linkup.requests.length,
					4,
					'one call per valid row, none for the company page',
				);
				for (const request of linkup.requests) {
					assert.equal(`${request.method} ${request.path}`, 'POST /v2/network');
					assert.equal(request.body.action, 'invite');
					assert.equal(request.headers['x-api-key'], LINKUP_KEY);
				}
				assert.deepEqual(
					linkup.requests.map((r) => r.body.params.profile_url),
					[
						'https://www.linkedin.com/in/julien-crepieux/',
						'https://www.linkedin.com/in/marie-curie/',
						'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/',
						'https://www.linkedin.com/in/ACoAAEEEsamSales000000000000000000000000/',
					],
				);
			},
		);

		await scenario(
			'n8n execute, twice: a Daily Cap of 3 holds across executions, counted from each service',
			async () => {
				fake.reset();
				linkup.reset();
				// One invitation sent today outside n8n (by hand): it counts for Unipile.
				fake.seedSentInvitations(1);
				const statuses = (run, node) => nodeOutput(run, node).map((i) => i.json.status);
				const nextUtcMidnight = new Date(new Date().setUTCHours(24, 0, 0, 0)).toISOString();

				const first = (await n8n.execute('lcCappedInvite01')).run;
				assert.equal(first.data.resultData.error, undefined, first.data.resultData.error?.message);
				assert.deepEqual(statuses(first, 'Send (Unipile)'), [
					'sent',
					'sent',
					'skipped_budget',
					'skipped_budget',
					'skipped_budget',
				]);
				assert.deepEqual(statuses(first, 'Send (LinkupAPI)'), [
					'sent',
					'sent',
					'sent',
					'skipped_budget',
					'skipped_budget',
				]);
				const skipped = nodeOutput(first, 'Send (Unipile)')[2].json;
				assert.equal(skipped.budget_frees_at, nextUtcMidnight);
				assert.match(skipped.reason, /Daily Cap of 3 is reached for account acc_ada_sales/);
				assert.equal(skipped.public_identifier, 'jérôme-dupont');

				// A second execution knows nothing of the first but what the services list.
				const second = (await n8n.execute('lcCappedInvite01')).run;
				assert.equal(
					second.data.resultData.error,
					undefined,
					second.data.resultData.error?.message,
				);
				for (const node of ['Send (Unipile)', 'Send (LinkupAPI)'])
					assert.deepEqual(statuses(second, node), Array(5).fill('skipped_budget'));
				assert.equal(fake.invitations.length, 3);
				assert.equal(fake.calls('POST', '/api/v1/users/invite').length, 2);
				assert.equal(linkup.invitations.length, 3);
				// Each execution read the sent list once per account, and nothing was looked up in vain.
				assert.equal(fake.calls('GET', '/api/v1/users/invite/sent').length, 2);
				assert.equal(
					linkup.calls('POST', '/v2/network').filter((r) => r.body.action === 'list_sent').length,
					2,
				);
				assert.equal(
					fake.calls('GET').filter((r) => !r.path.startsWith('/api/v1/users/invite')).length,
					2,
				);
			},
		);

		await scenario(
			'n8n execute: five invitations by URL run one at a time, in order, with Delay Between Items',
			async () => {
				fake.reset();
				fake.latencyMs = 40;
				try {
					const { run } = await n8n.execute('lcPacedInvites01');
					const invitations = nodeOutput(run, 'Send Invitation');
					assert.equal(invitations.length, 5);
					assert.deepEqual(
						invitations.map((i) => i.json.status),
						['sent', 'sent', 'sent', 'sent', 'skipped_connected'],
					);
				} finally {
					fake.latencyMs = 0;
				}
				const log = fake.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
				assert.deepEqual(
					log,
					['julien-crepieux', 'marie-curie', 'jérôme-dupont', 'sam-sales', 'linus-t'].flatMap(
						(slug) => [
							`GET /api/v1/users/${slug}`,
							// linus-t is already a connection: the lookup says so, nothing is sent.
							...(slug === 'linus-t' ? [] : ['POST /api/v1/users/invite']),
						],
					),
				);
				for (let i = 1; i < fake.requests.length; i++) {
					const gap = fake.requests[i].at - fake.requests[i - 1].finishedAt;
					assert.ok(gap >= 0, `request ${i} started before request ${i - 1} was answered`);
					// Every item after the first waits 0.3–0.5 s before its lookup.
					if (fake.requests[i].method === 'GET')
						assert.ok(gap >= 290, `request ${i} (a lookup) waited only ${gap} ms`);
				}
				process.stdout.write(
					`      request log: ${fake.requests
						.map((r) => `${r.method} ${decodeURIComponent(r.path).replace('/api/v1/users/', '')}`)
						.join(', ')}\n`,
				);
			},
		);

		await scenario(
			'n8n execute: a redirect to another host fails the item and the key never leaves for it',
			async () => {
				fake.reset();
				const elsewhere = new FakeUnipile({ apiKey: 'another-host-key' });
				const elsewhereUrl = await elsewhere.start();
				try {
					fake.addFault({
						path: '/api/v1/users/julien-crepieux',
						mode: 'redirect',
						location: `${elsewhereUrl}/api/v1/users/julien-crepieux?account_id=acc_ada_sales`,
					});
					const { run } = await n8n.execute('lcRedirected0001');
					const error = run.data.resultData.error;
					assert.ok(error, 'the run should fail');
					assert.equal(
						error.message,
						`Unipile answered with a redirect (HTTP 302) to ${elsewhereUrl} [REDIRECT]. LinkedIn Connect does not follow redirects, so your API key is only ever sent to the host in the credential: check its DSN (the exact address Unipile gives you, with https://).`,
					);
					assert.equal(elsewhere.requests.length, 0, 'the other host was contacted');
					assert.equal(fake.requests.length, 1);
				} finally {
					await elsewhere.stop();
				}
			},
		);

		for (const [service, workflowId, server] of [
			['Unipile', 'lcLifecycleUni01', fake],
			['LinkupAPI', 'lcLifecycleLnk01', linkup],
			['Unipile v2', 'lcLifecycleUv201', unipileV2],
		]) {
			await scenario(
				`n8n execute (${service}): Send → Get Many Sent (older than 0 days) → Withdraw`,
				async () => {
					server.reset();
					const { run } = await n8n.execute(workflowId);
					assert.equal(
						run.data.resultData.error,
						undefined,
						`the run failed: ${run.data.resultData.error?.message}`,
					);
					assert.deepEqual(
						nodeOutput(run, 'Send Invitation').map((i) => i.json.status),
						['sent', 'sent', 'skipped_connected'],
					);
					const listed = nodeOutput(run, 'Get Many Sent');
					if (service === 'Unipile') expectReadmeSample('lifecycle: Get Many Sent', listed[0].json);
					assert.deepEqual(listed.map((i) => i.json.public_identifier).sort(), [
						'julien-crepieux',
						'marie-curie',
					]);
					const withdrawn = nodeOutput(run, 'Withdraw');
					assert.deepEqual(
						withdrawn.map((i) => [i.json.invitation_id, i.json.status]),
						listed.map((i) => [i.json.invitation_id, 'withdrawn']),
					);
					assert.equal(server.invitations.length, 0, 'invitations are still pending');
					process.stdout.write(
						`      request log: ${server.requests
							.map((r) =>
								r.body?.action
									? `${r.method} ${r.path} ${r.body.action}`
									: `${r.method} ${decodeURIComponent(r.path).replace(/^\/api\/v1\/users\/|^\/v2\/acc_ada_sales\/users\//, '')}`,
							)
							.join(', ')}\n`,
					);
				},
			);
		}

		await scenario(
			'examples/withdraw-stale-invitations.json: only invitations older than 14 days are withdrawn, paced',
			async () => {
				fake.reset();
				fake.seedSentInvitations(2, { sentAt: new Date(Date.now() - 20 * 86_400_000) });
				fake.seedSentInvitations(1);
				const stale = fake.invitations.slice(0, 2).map((i) => i.id);
				const { run } = await n8n.execute('lcWithdrawStaRun');
				assert.equal(
					run.data.resultData.error,
					undefined,
					`the run failed: ${run.data.resultData.error?.message}`,
				);
				const withdrawn = nodeOutput(run, 'Withdraw');
				assert.deepEqual(withdrawn.map((i) => i.json.invitation_id).sort(), [...stale].sort());
				assert.equal(fake.invitations.length, 1);
				const deletes = fake.calls('DELETE');
				assert.equal(deletes.length, 2);
				// Delay Between Items: 10–30 s before the second withdrawal.
				assert.ok(deletes[1].at - deletes[0].finishedAt >= 9_900, 'the withdrawals were not paced');
				process.stdout.write(
					`      request log: ${fake.requests
						.map(
							(r) =>
								`+${((r.at - fake.requests[0].at) / 1000).toFixed(1)} s ${r.method} ${r.rawUrl}`,
						)
						.join(', ')}\n`,
				);
			},
		);

		await scenario(
			'n8n execute: a wrong API key fails with the mapped message and the key is stored nowhere',
			async () => {
				fake.reset();
				const { run } = await n8n.execute('lcWrongKey000001');
				const error = run.data.resultData.error;
				assert.ok(error, 'the run should fail');
				assert.equal(
					error.message,
					'Unipile: Missing credentials [errors/missing_credentials]. Unipile rejected the API key: check the API Key in the Unipile API credential (Unipile dashboard → Access Tokens).',
				);
				assert.equal(fake.requests.length, 1);
				expectNoSecretIn(JSON.stringify(run), WRONG_KEY, "n8n's execution result");
				expectNoSecretIn(n8n.storedText(), WRONG_KEY, "n8n's user folder (database, logs)");
				expectNoSecretIn(n8n.storedText(), UNIPILE_KEY, "n8n's user folder (database, logs)");
			},
		);

		await messages.followUps({
			scenario,
			assert,
			n8n,
			fakes,
			collector,
			nodeOutput,
			copies: messageCopies,
			log: messageLog,
		});

		await search.searchScenarios({
			scenario,
			assert,
			n8n,
			fake,
			collector,
			nodeOutput,
			copies: searchCopies,
			keywords: 'engineer',
		});

		// Error items a workflow branches on, and Retry On Fail (scenarios/*.js import their workflows).
		await require('./scenarios/errorItems').errorItems({ scenario, assert, n8n, fake, WORKFLOWS });
		await require('./scenarios/retryOnFail').retryOnFail({
			scenario,
			assert,
			n8n,
			fake,
			linkup,
			WORKFLOWS,
		});
		// An AI Agent with LinkedIn Connect as its tools, on a fake OpenAI-compatible model.
		await require('./scenarios/aiAgent').aiAgent({
			scenario,
			assert,
			n8n,
			fake,
			nodeOutput,
			expectNoSecretIn,
			UNIPILE_KEY,
			WORKFLOWS,
		});

		let baseUrl;
		await scenario(
			'n8n start: CRM webhook → Send Invitation → Respond to Webhook answers with the invitation',
			async () => {
				fake.reset();
				linkup.reset();
				unipileV2.reset();
				await n8n.publishWorkflow('lcCrmWebhook0001');
				// The trigger workflows go live with the same start (checked in the scenarios after this one).
				for (const id of [
					'lcInviteAccepted',
					'lcTriggerLnkWeb1',
					'lcTriggerUv2Web1',
					'lcTriggerUniPol1',
					'lcTriggerLnkPol1',
				])
					await n8n.publishWorkflow(id);
				baseUrl = await n8n.start();
				await n8n.waitForWebhook('linkedin-invite');
				// Only this scenario's requests: the triggers register webhooks and poll relations (newer n8n
				// does so a little after start), so those are left out of what this scenario compares.
				fake.requests.length = 0;
				const crmRequests = () =>
					fake.requests.filter(
						(r) => !r.path.startsWith('/api/v1/webhooks') && r.path !== '/api/v1/users/relations',
					);
				const response = await fetch(`${baseUrl}/webhook/linkedin-invite`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						contact: {
							id: 'crm-42',
							linkedin: 'https://www.linkedin.com/in/marie-curie/?trk=crm',
							note: 'Hi Marie, we met at the summit.',
						},
					}),
				});
				const body = await response.json();
				assert.equal(response.status, 200, JSON.stringify(body));
				assert.equal(body.invitation_id, fake.invitations[0]?.id);
				assert.equal(body.provider_id, 'ACoAABBBmarieCurie0000000000000000000000');
				assert.equal(body.first_name, 'Marie');
				assert.deepEqual(
					crmRequests().map((r) => `${r.method} ${r.path}`),
					['GET /api/v1/users/marie-curie', 'POST /api/v1/users/invite'],
				);
				assert.equal(fake.invitations[0].message, 'Hi Marie, we met at the summit.');
				expectNoSecretIn(JSON.stringify(body), UNIPILE_KEY, 'the webhook response');
				expectReadmeSample('crm-webhook-invite: Send Invitation', body);

				// A contact without a usable profile: the CRM gets a 422 with the reason, not a 200.
				const refused = await fetch(`${baseUrl}/webhook/linkedin-invite`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						contact: { id: 'crm-43', linkedin: 'https://www.linkedin.com/company/unipile/' },
					}),
				});
				const refusal = await refused.json();
				assert.equal(refused.status, 422, JSON.stringify(refusal));
				assert.deepEqual(Object.keys(refusal), ['error', 'contact_id']);
				assert.match(refusal.error, /^'Profile' is a \/company\/ page/);
				assert.equal(refusal.contact_id, 'crm-43');
				assert.equal(crmRequests().length, 2, 'the refused contact sent something');
			},
		);

		const triggerLog = [];
		await scenario(
			'Trigger (webhook mode): n8n start registers one webhook per service with its production URL and a proof',
			async () => {
				assert.ok(baseUrl, 'n8n is not running');
				await eventually(
					() => fake.webhooks.length === 1 && linkup.webhooks.length === 1,
					'the trigger webhooks were not registered',
				);
				const [unipileHook] = fake.webhooks;
				assert.equal(
					unipileHook.request_url,
					`${baseUrl}/webhook/7c2d9a41-5b6e-4f3a-9c8d-1e2f3a4b5c6d/linkedin-connect`,
				);
				assert.deepEqual(unipileHook.account_ids, [{ id: 'acc_ada_sales', type: 'LINKEDIN' }]);
				// Unipile's API-created webhooks send no content type unless told (docs: webhooks-2).
				assert.deepEqual(unipileHook.headers[0], {
					key: 'Content-Type',
					value: 'application/json',
				});
				assert.equal(unipileHook.headers[1].key, 'X-LinkedIn-Connect-Secret');
				assert.match(unipileHook.headers[1].value, /^[0-9a-f]{64}$/);
				const [linkupHook] = linkup.webhooks;
				assert.equal(
					linkupHook.url,
					`${baseUrl}/webhook/8d3e0b52-6c7f-4a4b-8d9e-2f3a4b5c6d7e/linkedin-connect`,
				);
				assert.deepEqual(linkupHook.events, ['accepted_invitation']);
				assert.equal(linkupHook.enable_signature, true);
				triggerLog.push(
					`Unipile POST /api/v1/webhooks → ${unipileHook.id} → ${unipileHook.request_url}`,
					`LinkupAPI POST /v2/webhooks → ${linkupHook.webhook_id} → ${linkupHook.url}`,
				);
			},
		);

		await scenario(
			'Trigger → Get Profile → CRM (the sample): a Unipile delivery starts it; a forged one gets 401 and starts nothing',
			async () => {
				const [delivery] = await fake.simulateAcceptance('marie-curie', 'acc_ada_sales');
				assert.equal(delivery.status, 200, delivery.answer);
				await eventually(
					() => collector.at('/api/linkedin/accepted').length === 1,
					'the sample did not write to the CRM',
				);
				const [written] = collector.at('/api/linkedin/accepted');
				assert.deepEqual(Object.keys(written.body), [
					'linkedin',
					'name',
					'headline',
					'member_id',
					'accepted_at',
				]);
				assert.equal(written.body.linkedin, 'https://www.linkedin.com/in/marie-curie/');
				assert.equal(written.body.name, 'Marie Curie');
				assert.equal(written.body.headline, 'Head of Research');
				assert.equal(written.body.member_id, 'ACoAABBBmarieCurie0000000000000000000000');
				triggerLog.push(
					`Unipile delivers new_relation (marie-curie) → n8n ${delivery.status} → Get Profile → CRM got ${JSON.stringify(written.body)}`,
				);

				const forged = await fetch(fake.webhooks[0].request_url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(delivery.body),
				});
				const refusal = await forged.json();
				assert.equal(forged.status, 401, JSON.stringify(refusal));
				assert.match(refusal.error, /^Refused: the X-LinkedIn-Connect-Secret header is missing\.$/);
				await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
				assert.equal(
					collector.at('/api/linkedin/accepted').length,
					1,
					'a forged event ran the workflow',
				);
				triggerLog.push('a delivery without the secret header → n8n 401, nothing ran');
			},
		);

		await scenario(
			'Trigger (LinkupAPI webhook): a signed delivery starts it with the mapped item; a tampered one gets 401',
			async () => {
				const [delivery] = await linkup.simulateAcceptance('marie-curie', 'acc_linkup_ada');
				assert.equal(delivery.status, 200, delivery.answer);
				await eventually(
					() => collector.at('/collect/linkup-webhook').length === 1,
					'the LinkupAPI trigger did not run',
				);
				const [item] = collector.at('/collect/linkup-webhook').map((r) => r.body);
				assert.deepEqual(Object.keys(item), [
					'account_id',
					'provider_id',
					'public_identifier',
					'profile_url',
					'full_name',
					'event',
					'received_at',
					'raw',
				]);
				assert.equal(item.account_id, 'acc_linkup_ada');
				assert.equal(item.provider_id, 'ACoAABBBmarieCurie0000000000000000000000');
				assert.equal(item.public_identifier, 'marie-curie');
				assert.equal(item.full_name, 'Marie Curie');
				assert.equal(item.event, 'invitationAccepted');
				assert.deepEqual(item.raw, delivery.body);
				triggerLog.push(
					`LinkupAPI delivers accepted_invitation, signed → n8n ${delivery.status} → item ${item.public_identifier}`,
				);

				const [tampered] = await linkup.simulateAcceptance('marie-curie', 'acc_linkup_ada', {
					tamper: true,
				});
				assert.equal(tampered.status, 401, tampered.answer);
				assert.match(tampered.answer, /the signature does not match the body/);
				await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
				assert.equal(collector.at('/collect/linkup-webhook').length, 1, 'a tampered event ran');
				triggerLog.push('a delivery signed over another body → n8n 401, nothing ran');
			},
		);

		await scenario(
			'Trigger (Unipile v2 webhook): one webhook endpoint registered; a signed delivery starts it once, its replay starts nothing',
			async () => {
				await eventually(() => unipileV2.webhooks.length === 1, 'no Unipile v2 webhook');
				const [hook] = unipileV2.webhooks;
				assert.equal(
					hook.url,
					`${baseUrl}/webhook/9e4f1c63-7d80-4b5c-9eaf-3a4b5c6d7e8f/linkedin-connect`,
				);
				const [delivery] = await unipileV2.simulateAcceptance('marie-curie', 'acc_ada_sales');
				assert.equal(delivery.status, 200, delivery.answer);
				await eventually(
					() => collector.at('/collect/unipilev2-webhook').length === 1,
					'the Unipile v2 trigger did not run',
				);
				const [item] = collector.at('/collect/unipilev2-webhook').map((r) => r.body);
				assert.equal(item.provider_id, 'ACoAABBBmarieCurie0000000000000000000000');
				assert.equal(item.public_identifier, 'marie-curie');
				assert.equal(item.event, 'invitationAccepted');
				const again = await fetch(delivery.url, {
					method: 'POST',
					headers: delivery.headers,
					body: Buffer.from(delivery.raw),
				});
				assert.match(await again.text(), /"duplicate":true/);
				await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
				assert.equal(collector.at('/collect/unipilev2-webhook').length, 1, 'the replay ran');
				triggerLog.push(
					`Unipile v2 POST /v2/webhooks/endpoints/ → ${hook.id}; relation event signed → n8n ${delivery.status} → item ${item.public_identifier}; replayed → ${again.status}, no new execution`,
				);
			},
		);

		await scenario(
			'Trigger (polling mode, both services): a connection added to the service is emitted once by a later poll',
			async () => {
				fake.simulateAcceptance('sam-sales', 'acc_ada_sales');
				linkup.connections.push({
					account_id: 'acc_linkup_ada',
					public_identifier: 'sam-sales',
					connected_at: new Date().toISOString(),
				});
				const emitted = (path) => collector.at(path).map((r) => r.body);
				await eventually(
					() =>
						['/collect/unipile-polling', '/collect/linkup-polling'].every((path) =>
							emitted(path).some((item) => item.public_identifier === 'sam-sales'),
						),
					'the polling triggers did not emit the new connection',
					100_000,
				);
				// Marie (from the webhook scenarios) and Sam are new since the first poll; Linus was there before.
				for (const path of ['/collect/unipile-polling', '/collect/linkup-polling']) {
					const items = emitted(path);
					assert.deepEqual(
						items.map((i) => i.public_identifier).sort(),
						['marie-curie', 'sam-sales'],
						`${path}: ${JSON.stringify(items)}`,
					);
					for (const item of items) assert.equal(item.event, 'invitationAccepted');
					triggerLog.push(
						`polling ${path.split('/').pop()}: emitted ${items.map((i) => i.public_identifier).join(', ')} once`,
					);
				}
			},
		);

		await require('./scenarios/triggerTrust').triggerTrust({
			scenario,
			assert,
			n8n,
			fake,
			linkup,
			collector,
			eventually,
			log: triggerLog,
		});

		await scenario('Trigger: deactivating the workflows removes their webhooks', async () => {
			const cookie = await signIn(baseUrl);
			const unipileId = fake.webhooks[0]?.id;
			const linkupId = linkup.webhooks[0]?.webhook_id;
			const unipileV2Id = unipileV2.webhooks[0]?.id;
			for (const id of ['lcInviteAccepted', 'lcTriggerLnkWeb1', 'lcTriggerUv2Web1']) {
				await setActive(baseUrl, cookie, id, false);
			}
			await eventually(
				() =>
					fake.webhooks.length === 0 &&
					linkup.webhooks.length === 0 &&
					unipileV2.webhooks.length === 0,
				'the webhooks were not removed',
			);
			assert.equal(fake.calls('DELETE', `/api/v1/webhooks/${unipileId}`).length, 1);
			assert.equal(linkup.calls('DELETE', `/v2/webhooks/${linkupId}`).length, 1);
			triggerLog.push(
				`deactivated → Unipile DELETE /api/v1/webhooks/${unipileId}, LinkupAPI DELETE /v2/webhooks/${linkupId}, Unipile v2 DELETE /v2/webhooks/endpoints/${unipileV2Id}; the fakes hold 0 + 0 + 0`,
			);
			process.stdout.write(
				`      trigger log:\n${triggerLog.map((l) => `        ${l}`).join('\n')}\n`,
			);
		});

		await messages.liveMessages({
			scenario,
			assert,
			baseUrl,
			signIn,
			fakes,
			collector,
			eventually,
			copies: messageCopies,
			log: messageLog,
		});
		process.stdout.write(
			`      message log:\n${messageLog.map((l) => `        ${l}`).join('\n')}\n`,
		);

		await scenario(
			"n8n's credential test tells a wrong key from an unreachable host, without echoing the key",
			async () => {
				assert.ok(baseUrl, 'n8n is not running');
				const cookie = await signIn(baseUrl);
				const test = async (id, type, data) => {
					const response = await fetch(`${baseUrl}/rest/credentials/test`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie },
						body: JSON.stringify({ credentials: { id, name: 'test', type, data } }),
					});
					const text = await response.text();
					assert.equal(response.status, 200, text);
					return JSON.parse(text).data;
				};
				const notUnipile = await test('unipileSandbox01', 'unipileApi', {
					dsn: linkupUrl,
					apiKey: UNIPILE_KEY,
				});
				const goodHttp = await test('unipileSandbox01', 'unipileApi', {
					dsn: `${fakeUrl}/api/v1`,
					apiKey: UNIPILE_KEY,
				});
				const wrong = await test('unipileWrongKey1', 'unipileApi', {
					dsn: fakeUrl,
					apiKey: WRONG_KEY,
				});
				const unreachable = await test('unipileSandbox01', 'unipileApi', {
					dsn: 'http://127.0.0.1:9',
					apiKey: UNIPILE_KEY,
				});
				const linkupWrong = await test('linkupSandbox001', 'linkupApi', {
					baseUrl: linkupUrl,
					apiKey: WRONG_KEY,
				});
				// LinkupAPI lists accounts inside its usual envelope: a valid key must pass.
				const linkupGood = await test('linkupSandbox001', 'linkupApi', {
					baseUrl: `${linkupUrl}/v2`,
					apiKey: LINKUP_KEY,
				});
				const notLinkup = await test('linkupSandbox001', 'linkupApi', {
					baseUrl: fakeUrl,
					apiKey: LINKUP_KEY,
				});
				assert.equal(goodHttp.status, 'OK', JSON.stringify(goodHttp));
				assert.equal(wrong.status, 'Error');
				assert.match(wrong.message, /Unipile rejected the API key/);
				assert.equal(unreachable.status, 'Error');
				assert.doesNotMatch(unreachable.message, /API key/);
				assert.match(unreachable.message, /ECONNREFUSED|refused|connect/i);
				assert.match(linkupWrong.message, /LinkupAPI rejected the API key/);
				assert.equal(linkupGood.status, 'OK', JSON.stringify(linkupGood));
				assert.equal(notLinkup.status, 'Error');
				assert.match(notLinkup.message, /answered, but not like LinkupAPI's/);
				assert.equal(notUnipile.status, 'Error');
				assert.match(notUnipile.message, /The DSN answered, but not like Unipile's API/);
				const everything = JSON.stringify({
					notUnipile,
					goodHttp,
					wrong,
					unreachable,
					linkupWrong,
					linkupGood,
					notLinkup,
				});
				expectNoSecretIn(everything, UNIPILE_KEY, 'the credential test answers');
				expectNoSecretIn(everything, WRONG_KEY, 'the credential test answers');
				expectNoSecretIn(everything, LINKUP_KEY, 'the credential test answers');
			},
		);

		await require('./scenarios/credentialRedirect').credentialRedirect({
			scenario,
			assert,
			baseUrl,
			signIn,
			UNIPILE_KEY,
			LINKUP_KEY,
		});

		if (process.env.E2E_SKIP_BROWSER === '1') {
			process.stdout.write('  - the editor in a real browser: skipped (E2E_SKIP_BROWSER=1)\n');
		} else {
			await scenario(
				'the editor in headless Chromium: node panel, account list from the service, credential dialogs, service choice',
				async () => {
					assert.ok(baseUrl, 'n8n is not running');
					const { checkEditor } = require('./browser');
					await checkEditor({ baseUrl, workflowId: 'lcCrmWebhook0001', fake });
				},
			);
		}

		await scenario('the key is in no stored execution or log after the whole run', async () => {
			await n8n.stop();
			const stored = n8n.storedText();
			// Proof that executions are really in what we searched: the sheet run's data is there.
			assert.ok(
				stored.includes('ACoAABBBmarieCurie0000000000000000000000'),
				'no execution data found in the user folder',
			);
			expectNoSecretIn(stored, UNIPILE_KEY, "n8n's user folder (database, logs)");
			expectNoSecretIn(stored, LINKUP_KEY, "n8n's user folder (database, logs)");
		});
		await scenario('npm run demo starts n8n with the sandbox and its webhook answers', async () => {
			const { execFile } = require('node:child_process');
			const { freePort } = require('./sandbox');
			const port = await freePort();
			const output = await new Promise((resolveRun, reject) => {
				execFile(
					process.execPath,
					[join(__dirname, 'demo.js'), '--smoke'],
					{ env: { ...process.env, DEMO_PORT: String(port) }, timeout: 240_000 },
					(error, stdout, stderr) =>
						error
							? reject(new Error(`${error.message}\n${stdout}\n${stderr}`))
							: resolveRun(stdout),
				);
			});
			assert.match(output, new RegExp(`n8n: +http://127\\.0\\.0\\.1:${port}`));
			assert.match(output, /curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/webhook\/linkedin-invite/);
			assert.match(
				output,
				/smoke: the webhook answered invitation \d+ \(simulated: recorded by the local sandbox\)/,
			);
			assert.match(
				output,
				/smoke: an accepted invitation reached the sandbox CRM: \{"linkedin":"https:\/\/www\.linkedin\.com\/in\/katherine-johnson\/"/,
			);
			assert.match(output, /curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/__sandbox\/accept/);
			assert.match(output, /curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/__sandbox\/reply/);
			assert.match(
				output,
				/smoke: the welcome was sent and the reply reached the sandbox CRM: \{"member_id":"ACoAAGGGkatherineJohnson00000000000000"/,
			);
			assert.match(
				output,
				/the "Unipile v2" one on http:\/\/127\.0\.0\.1:\d+\/v2 \(pick the credential "Unipile v2 sandbox"/,
			);
		});
	} finally {
		await n8n.stop();
		await fake.stop();
		await linkup.stop();
		await unipileV2.stop();
		await collector.stop();
		if (process.env.KEEP_E2E_FOLDER === '1')
			process.stdout.write(`n8n user folder kept at ${n8n.userFolder}\n`);
		else n8n.cleanup();
	}

	const failed = results.filter((r) => !r.ok).length;
	process.stdout.write(
		`\nn8n ${version}, ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`,
	);
	process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	process.stdout.write('0 passed, 1 failed\n');
	exitOn(error);
});

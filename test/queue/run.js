/**
 * Queue mode, for real (`npm run test:queue`): n8n's own distributed engine — a main process and two
 * workers (`EXECUTIONS_MODE=queue`) sharing Redis and PostgreSQL from Debian's packages — each with
 * the package installed from its npm tarball, against the fake Unipile, on 127.0.0.1 only.
 * Ends with "N passed, M failed"; a missing prerequisite that cannot be installed ends it with
 * exit code 3 and the reason (.ci/run then says the suite was skipped).
 *
 *   npm run test:queue      N8N_E2E_VERSION=2.8.4 (the pinned n8n, as the e2e suite)
 */
'use strict';
const assert = require('node:assert/strict');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { FakeUnipile } = require('../fakes/unipile');
const { SetupError, ensureN8n, preflight } = require('../e2e/install-n8n');
const { N8nSandbox, buildAndPack, freePort, signIn, ROOT } = require('../e2e/sandbox');
const { ensurePackages, log, startPostgres, startRedis } = require('./services');

const KEY = 'queue-unipile-Secret/Key+45';
const CAP = 10;
const RECHECK_EVERY = 5;
const SKIPPED = 3;

const results = [];
async function scenario(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		process.stdout.write(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(
			`  ✗ ${name}\n      ${String(error?.stack ?? error)
				.split('\n')
				.join('\n      ')}\n`,
		);
	}
}

async function eventually(check, what, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const webhookNode = (name, path, responseMode) => ({
	id: `queue-${path}-trigger`,
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: `0f6c1a52-${path.length.toString(16).padStart(4, '0')}-4e2b-9a3c-${Buffer.from(path).toString('hex').padEnd(12, '0').slice(0, 12)}`,
	parameters: {
		httpMethod: 'POST',
		path,
		responseMode,
		...(responseMode === 'lastNode' ? { responseData: 'allEntries' } : {}),
	},
});

const unipileCredentials = { unipileApi: { id: 'unipileSandbox01', name: 'Unipile sandbox' } };

function sendNode(options) {
	return {
		id: 'queue-send',
		name: 'Send Invitation',
		type: 'n8n-nodes-linkedin-connect.linkedInConnect',
		typeVersion: 1,
		position: [440, 0],
		onError: 'continueRegularOutput',
		parameters: {
			authentication: 'unipileApi',
			resource: 'invitation',
			operation: 'send',
			accountId: { __rl: true, mode: 'id', value: 'acc_ada_sales' },
			profile: { __rl: true, mode: 'url', value: '={{ $json.member }}' },
			options,
		},
		credentials: unipileCredentials,
	};
}

/** Webhook → a Code node making the rows → Send Invitation. */
function webhookWorkflow(id, path, responseMode, rowsCode, options) {
	const trigger = webhookNode('Webhook', path, responseMode);
	return {
		id,
		name: `queue: ${path}`,
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			trigger,
			{
				id: `${id}-rows`,
				name: 'Rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: rowsCode },
			},
			sendNode(options),
		],
		connections: {
			Webhook: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Send Invitation', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** The sheet sample, started by a webhook instead of by hand (manual runs stay on main). */
function sheetOnWebhook() {
	const sheet = JSON.parse(
		readFileSync(join(ROOT, 'examples', 'sheet-to-invitations.json'), 'utf8'),
	);
	const manual = sheet.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	Object.assign(manual, webhookNode(manual.name, 'queue-sheet', 'onReceived'), {
		position: manual.position,
	});
	return { ...sheet, id: 'queueSheetHook01', name: 'queue: the sheet sample on a webhook' };
}

async function main() {
	await preflight();
	try {
		ensurePackages();
	} catch (error) {
		if (!(error instanceof SetupError)) throw error;
		process.stdout.write(`queue-mode suite skipped: ${error.message}\n`);
		process.exit(3);
	}
	const { binary, version, nodeHome } = await ensureN8n();
	process.stdout.write(
		`LinkedIn Connect queue-mode suite on n8n ${version} (main + 2 workers, Redis, PostgreSQL)\n`,
	);
	const { tarball } = buildAndPack();
	const redis = await startRedis(await freePort());
	const postgres = await startPostgres(await freePort());
	const fake = new FakeUnipile({ apiKey: KEY });
	const fakeUrl = await fake.start();
	const env = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_LOG_LEVEL: 'info',
	};
	const sandbox = async () =>
		new N8nSandbox({ binary, version, nodeHome, port: await freePort(), env });
	const main = await sandbox();
	const workers = [await sandbox(), await sandbox()];
	const everyone = [main, ...workers];
	const stopAll = () => {
		for (const n8n of everyone) n8n.server?.kill('SIGKILL');
		redis.stop();
		postgres.stop();
	};
	process.on('exit', stopAll);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
	/** The worker whose log says it started execution `id` (n8n logs it; the row does not keep it). */
	const workerOf = (id) =>
		workers.findIndex((w) => w.serverLog.includes(`Worker started execution ${id} `));
	const startedSince = (marks) =>
		workers.flatMap((w, index) =>
			[...w.serverLog.slice(marks[index]).matchAll(/Worker started execution (\d+) /g)].map(
				(m) => ({ id: m[1], worker: index }),
			),
		);
	const marks = () => workers.map((w) => w.serverLog.length);
	let baseUrl;
	let cookie;
	const executionOf = async (id) => {
		const response = await fetch(`${baseUrl}/rest/executions/${id}`, { headers: { cookie } });
		assert.equal(response.status, 200, `GET /rest/executions/${id}: ${response.status}`);
		return (await response.json()).data;
	};

	try {
		await scenario(
			'main and two workers start in queue mode, each with the package from its tarball',
			async () => {
				for (const n8n of everyone) n8n.installPackage(tarball);
				await main.importCredentials([
					{
						id: 'unipileSandbox01',
						name: 'Unipile sandbox',
						type: 'unipileApi',
						data: { dsn: fakeUrl, apiKey: KEY },
					},
				]);
				const capped = webhookWorkflow(
					'queueCappedHook1',
					'queue-capped',
					'lastNode',
					"const from = Number($input.first().json.body.from);\nreturn Array.from({ length: 20 }, (_, i) => ({ json: { member: `ACoAAYYYmember${String(from + i).padStart(26, '0')}` } }));",
					{ dailyCap: CAP, recheckEvery: RECHECK_EVERY, timeZone: 'UTC' },
				);
				const killed = webhookWorkflow(
					'queueKilledHook1',
					'queue-killed',
					'onReceived',
					"return ['julien-crepieux', 'marie-curie', 'jérôme-dupont'].map((slug) => ({ json: { member: `https://www.linkedin.com/in/${slug}/` } }));",
					{ ifAlreadyInvited: 'returnStatus' },
				);
				const files = [sheetOnWebhook(), capped, killed].map((definition) => {
					const file = join(main.userFolder, `${definition.id}.json`);
					writeFileSync(file, JSON.stringify(definition));
					return file;
				});
				await main.importWorkflows([...files, join(ROOT, 'examples', 'crm-webhook-invite.json')]);
				for (const id of [
					'queueSheetHook01',
					'queueCappedHook1',
					'queueKilledHook1',
					'lcCrmWebhook0001',
				])
					await main.publishWorkflow(id);
				baseUrl = await main.start();
				for (const worker of workers)
					await worker.start({
						args: ['worker', '--concurrency=1'],
						ready: 'n8n worker is now ready',
					});
				for (const path of ['queue-sheet', 'queue-capped', 'queue-killed', 'linkedin-invite'])
					await main.waitForWebhook(path);
				cookie = await signIn(baseUrl);
			},
		);

		await scenario(
			'the sheet sample runs on a worker: one item per row, minimal requests',
			async () => {
				fake.reset();
				const before = marks();
				const response = await fetch(`${baseUrl}/webhook/queue-sheet`, { method: 'POST' });
				assert.equal(response.status, 200);
				const [started] = await eventually(
					() => startedSince(before).length && startedSince(before),
					'a worker to start the sheet',
				);
				const execution = await eventually(async () => {
					const found = await executionOf(started.id);
					return ['success', 'error', 'crashed'].includes(found.status) && found;
				}, 'the sheet execution to finish');
				assert.equal(execution.status, 'success');
				assert.equal(execution.mode, 'webhook');
				assert.ok(
					!main.serverLog.includes(`Worker started execution ${started.id} `),
					'main ran it',
				);
				assert.deepEqual(
					fake.invitations.map((i) => i.public_identifier),
					['julien-crepieux', 'marie-curie', 'jérôme-dupont', 'sam-sales'],
				);
				assert.equal(fake.calls('GET').length, 4);
				log(`sheet: execution ${started.id} on worker ${started.worker + 1}`);
			},
		);

		await scenario(
			'the CRM webhook sample answers with the invitation, sent by a worker',
			async () => {
				fake.reset();
				const before = marks();
				const response = await fetch(`${baseUrl}/webhook/linkedin-invite`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						contact: { id: 'crm-7', linkedin: 'https://www.linkedin.com/in/marie-curie/' },
					}),
				});
				const body = await response.json();
				assert.equal(response.status, 200, JSON.stringify(body));
				assert.equal(body.status, 'sent');
				assert.equal(body.invitation_id, fake.invitations[0]?.id);
				const started = startedSince(before);
				assert.equal(started.length, 1, `workers started ${JSON.stringify(started)}`);
				log(`CRM webhook: execution ${started[0].id} on worker ${started[0].worker + 1}`);
			},
		);

		await scenario(
			`two capped executions at once on two workers send at most cap + (2 − 1) × N (${CAP} + ${RECHECK_EVERY})`,
			async () => {
				fake.reset();
				fake.seedMembers(40);
				fake.seedSentInvitations(SKIPPED);
				// A far service: both executions are still sending when the other reads the list.
				fake.latencyMs = 60;
				const before = marks();
				const fire = (from) =>
					fetch(`${baseUrl}/webhook/queue-capped`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ from }),
					}).then(async (response) => ({ status: response.status, items: await response.json() }));
				const answers = await Promise.all([fire(0), fire(20)]);
				fake.latencyMs = 0;
				for (const answer of answers)
					assert.equal(answer.status, 200, JSON.stringify(answer.items));
				const started = startedSince(before);
				assert.deepEqual(
					started.map((s) => s.worker).sort(),
					[0, 1],
					`ran on ${JSON.stringify(started)}`,
				);
				const sent = answers
					.flatMap((a) => a.items)
					.filter((item) => item.status === 'sent').length;
				const skipped = answers
					.flatMap((a) => a.items)
					.filter((item) => item.status === 'skipped_budget');
				const total = fake.invitations.length;
				assert.equal(total, SKIPPED + sent);
				assert.ok(total >= CAP, `only ${total} for the account: the cap stopped too early`);
				assert.ok(total <= CAP + RECHECK_EVERY, `${total} for the account, over cap + bound`);
				assert.equal(sent + skipped.length, 40);
				assert.match(skipped[0].reason, new RegExp(`Daily Cap of ${CAP} is reached`));
				log(
					`capped: ${answers.map((a) => a.items.filter((i) => i.status === 'sent').length).join(' + ')} sent (+${SKIPPED} sent before), executions ${started.map((s) => `${s.id} on worker ${s.worker + 1}`).join(', ')}`,
				);
			},
		);

		await scenario(
			'a worker killed between the lookup and the invite: the retried execution sends no duplicate',
			async () => {
				fake.reset();
				const before = marks();
				let killed;
				fake.onAnswered = (record) => {
					if (killed || record.path !== `/api/v1/users/${encodeURIComponent('marie-curie')}`)
						return;
					const [started] = startedSince(before);
					killed = {
						execution: started.id,
						worker: started.worker,
						invitations: fake.invitations.length,
					};
					workers[started.worker].server.kill('SIGKILL');
				};
				await fetch(`${baseUrl}/webhook/queue-killed`, { method: 'POST' });
				await eventually(
					() => killed !== undefined && workers[killed.worker].server.signalCode === 'SIGKILL',
					'the worker to be killed',
				);
				fake.onAnswered = undefined;
				// Killed after Marie's lookup, before her invitation: only Julien's went out.
				assert.equal(killed.invitations, 1);
				await new Promise((resolve) => setTimeout(resolve, 500));
				assert.deepEqual(
					fake.invitations.map((i) => i.public_identifier),
					['julien-crepieux'],
				);
				assert.equal(fake.calls('POST', '/api/v1/users/invite').length, 1);

				const retried = await fetch(`${baseUrl}/rest/executions/${killed.execution}/retry`, {
					method: 'POST',
					headers: { cookie, 'content-type': 'application/json' },
					body: JSON.stringify({ loadWorkflow: false }),
				});
				assert.equal(retried.status, 200, await retried.text());
				const survivor = 1 - killed.worker;
				await eventually(
					() => fake.invitations.length === 3 && fake.requests.at(-1)?.finishedAt,
					'the retry to invite the rest',
				);
				await new Promise((resolve) => setTimeout(resolve, 500));
				const invited = fake.invitations.map((i) => i.public_identifier);
				assert.deepEqual(
					new Set(invited),
					new Set(['julien-crepieux', 'marie-curie', 'jérôme-dupont']),
				);
				assert.equal(invited.length, 3);
				// Julien: the retry's lookup shows the pending invitation, so nothing is sent to him again.
				const invitesTo = (providerId) =>
					fake
						.calls('POST', '/api/v1/users/invite')
						.filter((r) => r.body.provider_id === providerId).length;
				assert.equal(invitesTo('ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E'), 1);
				assert.ok(
					workers[survivor].serverLog.slice(before[survivor]).includes('Worker started execution'),
					'the retry did not run on the other worker',
				);
				log(
					`killed worker ${killed.worker + 1} in execution ${killed.execution}; the retry ran on worker ${survivor + 1}`,
				);
			},
		);

		await scenario('the API key is in no worker or main log and no database row', async () => {
			const logs = everyone.map((n8n) => n8n.storedText()).join('\n');
			assert.ok(logs.includes('Worker started execution'), 'the logs were not captured');
			assert.ok(!logs.includes(KEY), 'the API key is in a log or a user folder');
			const dump = postgres.dump();
			assert.ok(dump.includes('unipileSandbox01'), 'the dump lacks the credential row');
			assert.ok(dump.includes('acc_ada_sales'), 'the dump lacks the executions');
			assert.ok(!dump.includes(KEY), 'the API key is in the database');
			assert.ok(
				!dump.includes(encodeURIComponent(KEY)),
				'the API key (URL-encoded) is in the database',
			);
		});
	} finally {
		for (const n8n of everyone) await n8n.stop();
		await fake.stop();
		stopAll();
		for (const n8n of everyone) n8n.cleanup();
	}

	const failed = results.filter((r) => !r.ok).length;
	process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});

/**
 * `npm run bench:n8n`: Send Invitation in a real n8n (pinned, see test/e2e/install-n8n.js) next to
 * what users build today, against the fake Unipile with 20 ms of latency a request, on loopback.
 * Figures only, printed side by side; nothing here passes or fails on a timing (shared machines
 * are noisy). `-- --write` also puts them in bench/RESULTS.md, between its figure markers.
 *
 *   (a) LinkedIn Connect → Send Invitation (Delay Between Items 0)
 *   (b) HTTP Request GET /users/{id} → HTTP Request POST /users/invite, as Unipile's docs show
 *       (n8n's defaults: every item at once — a burst on one LinkedIn account)
 *   (b₁) the same two nodes inside Loop Over Items (1 item a loop): one item at a time, as (a)
 *   (c) a raw undici loop, one request at a time, asking only what must be asked: the floor
 *
 * The sheet: 1,000 rows, every 10th repeats an earlier member, a fifth give the member id.
 * Then Get Profile over 1,000 and 10,000 rows against HTTP Request GET, for memory growth
 * (no latency: it changes time, not memory).
 *
 *   BENCH_ROWS=1000  BENCH_MEMORY_ROWS=10000  BENCH_LATENCY_MS=20  N8N_E2E_VERSION=2.8.4
 *   BENCH_PROFILE=1: also runs (a) once more under V8's CPU profiler and prints where n8n's
 *   process spent its CPU (this package, n8n-core, n8n-workflow, axios, the database, Node);
 *   BENCH_PROFILE=only: that run alone.
 */
'use strict';
const { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, tmpdir, totalmem } = require('node:os');
const { join } = require('node:path');
const { Agent, request } = require('undici');
const { FakeUnipile } = require('../fakes/unipile');
const { ensureN8n, exitOn, preflight } = require('../e2e/install-n8n');
const { N8nSandbox, buildAndPack, ROOT } = require('../e2e/sandbox');

const KEY = 'bench-unipile-Secret/Key+44';
const ACCOUNT = 'acc_ada_sales';
const ROWS = Number(process.env.BENCH_ROWS || 1000);
const MEMORY_ROWS = Number(process.env.BENCH_MEMORY_ROWS || 10_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

/**
 * The benchmark sheet, also run inside n8n's Code node (so it must stay self-contained):
 * every 10th row repeats an earlier member; members whose number is a multiple of 5 come as a
 * member id (a CRM that stored it), the others as a profile URL.
 */
function sheetRows(count, duplicates) {
	const rows = [];
	let next = 0;
	for (let i = 0; i < count; i++) {
		const member = duplicates && i % 10 === 9 ? Math.floor((next * 7) / 10) : next++;
		rows.push(
			member % 5 === 0
				? { provider_id: `ACoAAYYYmember${String(member).padStart(26, '0')}` }
				: { linkedin: `https://www.linkedin.com/in/member-${member}/` },
		);
	}
	return rows;
}

const distinctMembers = (count, duplicates) =>
	new Set(sheetRows(count, duplicates).map((row) => row.provider_id ?? row.linkedin)).size;

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return {
		id: `bench-${name.replace(/\W/g, '-')}`,
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	};
}

/** Manual trigger → the sheet (a Code node) → `steps`, chained. */
function workflow(id, name, count, duplicates, steps) {
	const nodes = [
		node("When clicking 'Execute workflow'", 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
		node('Sheet rows', 'n8n-nodes-base.code', 2, [220, 0], {
			jsCode: `return (${sheetRows.toString()})(${count}, ${duplicates}).map((json) => ({ json }));`,
		}),
		...steps.map((step, i) => ({ ...step, position: [440 + 220 * i, 0] })),
	];
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}

const ourCredentials = { unipileApi: { id: 'benchUnipile0001', name: 'Unipile (bench)' } };
const headerCredentials = { httpHeaderAuth: { id: 'benchHeaderAuth1', name: 'Unipile X-API-KEY' } };

function ourNode(name, resource, operation, extraParameters = {}) {
	return node(
		name,
		'n8n-nodes-linkedin-connect.linkedInConnect',
		1,
		[0, 0],
		{
			authentication: 'unipileApi',
			resource,
			operation,
			accountId: { __rl: true, mode: 'id', value: ACCOUNT },
			profile: { __rl: true, mode: 'url', value: '={{ $json.provider_id || $json.linkedin }}' },
			...extraParameters,
		},
		{ credentials: ourCredentials, onError: 'continueRegularOutput' },
	);
}

/** HTTP Request as a user sets it up for Unipile: Header Auth, account_id in the query. */
function httpNode(name, parameters) {
	return node(
		name,
		'n8n-nodes-base.httpRequest',
		4.2,
		[0, 0],
		{
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			...parameters,
			options: {},
		},
		{ credentials: headerCredentials, onError: 'continueRegularOutput' },
	);
}

const slugOf = "($json.provider_id || $json.linkedin.split('/in/')[1].replace(/\\/$/, ''))";

function httpGetProfile(fakeUrl) {
	return httpNode('HTTP GET profile', {
		method: 'GET',
		url: `={{ '${fakeUrl}/api/v1/users/' + encodeURIComponent(${slugOf}) }}`,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'account_id', value: ACCOUNT }] },
	});
}

function httpInvite(fakeUrl) {
	return httpNode('HTTP POST invite', {
		method: 'POST',
		url: `${fakeUrl}/api/v1/users/invite`,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify({ provider_id: $json.provider_id, account_id: '${ACCOUNT}' }) }}`,
	});
}

/**
 * (b₁): the sheet → Loop Over Items (1 item a loop) → GET → POST → back to the loop: how n8n users
 * make HTTP Request go one item at a time (its Batching option only spaces the starts of requests,
 * it does not wait for answers).
 */
function loopWorkflow(id, name, count, fakeUrl) {
	const definition = workflow(id, name, count, true, [
		node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, [0, 0], {
			batchSize: 1,
			options: {},
		}),
		httpGetProfile(fakeUrl),
		httpInvite(fakeUrl),
	]);
	const to = (target) => [{ node: target, type: 'main', index: 0 }];
	definition.connections['Loop Over Items'] = { main: [[], to('HTTP GET profile')] };
	definition.connections['HTTP POST invite'] = { main: [to('Loop Over Items')] };
	return definition;
}

/** The n8n process's peak resident set (VmHWM), watched until it exits. */
function watchPeakRss(child) {
	const watch = { peakKb: 0 };
	const read = () => {
		try {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
			if (kb > watch.peakKb) watch.peakKb = kb;
		} catch {
			// exited between two reads: the last reading stands
		}
	};
	const timer = setInterval(read, 50);
	child.on('exit', () => clearInterval(timer));
	return watch;
}

function isProfileView(request) {
	const [, , , , id, more] = request.path.split('/');
	return request.method === 'GET' && more === undefined && !['me', 'relations'].includes(id);
}

/** Puts the fake back as the last `fresh()` left it (set in main). */
let refreshFake = () => {};

async function runInN8n(n8n, fake, workflowId, nodeNames, nodeArgs) {
	let watch;
	let pid;
	const execute = async () =>
		await n8n.execute(workflowId, {
			timeoutMs: 1_800_000,
			nodeArgs,
			onSpawn: (child) => {
				pid = child.pid;
				watch = watchPeakRss(child);
			},
		});
	let run;
	try {
		({ run } = await execute());
	} catch (error) {
		// Seen once in a 10,000-item run: the printed run did not parse (another process's line in
		// the middle of it?). The figures come from a complete run, so that one is run again.
		const file = join(n8n.userFolder, `${workflowId}.failed-output.txt`);
		writeFileSync(file, String(error?.message ?? error));
		process.stderr.write(
			`[bench] ${workflowId}: n8n's output did not parse (kept in ${file}); running it again\n`,
		);
		refreshFake();
		({ run } = await execute());
	}
	if (run.data.resultData.error)
		throw new Error(`${workflowId} failed: ${run.data.resultData.error.message}`);
	const runData = run.data.resultData.runData;
	// Every run of every node counts: a loop runs its nodes once per item.
	const nodeMs = nodeNames
		.flatMap((name) => runData[name])
		.reduce((sum, one) => sum + one.executionTime, 0);
	const lastOutput = runData[nodeNames[nodeNames.length - 1]].flatMap((one) => one.data.main[0]);
	return {
		seconds: nodeMs / 1000,
		requests: fake.requests.length,
		profileViews: fake.requests.filter(isProfileView).length,
		invitations: fake.invitations.length,
		peakRssMb: watch.peakKb / 1024,
		errorItems: lastOutput.filter((item) => item.json.error !== undefined).length,
		pid,
	};
}

/** Who a profiled function belongs to: the package its script is in (the last node_modules/ in its path). */
function ownerOf({ url, functionName }) {
	if (!url) return functionName.startsWith('(') ? functionName : 'Node.js (native)';
	if (url.startsWith('node:')) return 'Node.js (built-in modules)';
	const inPackage = url.split('/node_modules/').slice(1).pop();
	if (!inPackage) return 'other scripts';
	const parts = inPackage.split('/');
	const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
	const owners = {
		'n8n-nodes-linkedin-connect': 'LinkedIn Connect (this package)',
		'n8n-core': 'n8n-core (requests, credentials, contexts)',
		'n8n-workflow': 'n8n-workflow (parameters, expressions)',
		axios: 'axios + follow-redirects',
		'follow-redirects': 'axios + follow-redirects',
		sqlite3: 'database (sqlite3, TypeORM)',
		typeorm: 'database (sqlite3, TypeORM)',
		n8n: 'n8n (cli: start-up, execution lifecycle)',
	};
	return (
		owners[name] ??
		(name.startsWith('@n8n/') ? 'n8n (cli: start-up, execution lifecycle)' : 'other packages')
	);
}

/** Self time by owner and the busiest functions, from a V8 .cpuprofile. */
function summarizeProfile(file) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((one) => [one.id, one]));
	const selfMs = new Map();
	profile.samples.forEach((id, i) => {
		selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	const owners = new Map();
	const functions = new Map();
	for (const [id, ms] of selfMs) {
		const frame = byId.get(id).callFrame;
		const owner = ownerOf(frame);
		owners.set(owner, (owners.get(owner) ?? 0) + ms);
		const place = `${frame.functionName || '(anonymous)'} ${frame.url.split('/node_modules/').pop()}:${frame.lineNumber + 1}`;
		if (!owner.startsWith('(')) functions.set(place, (functions.get(place) ?? 0) + ms);
	}
	const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
	return { owners: sorted(owners), functions: sorted(functions).slice(0, 15) };
}

async function profileOurs(n8n, fake, fresh, members) {
	const dir = mkdtempSync(join(tmpdir(), 'linkedin-connect-profile-'));
	fresh(members, LATENCY_MS);
	const run = await runInN8n(
		n8n,
		fake,
		'benchSendOurs001',
		['Send Invitation'],
		['--cpu-prof', `--cpu-prof-dir=${dir}`],
	);
	const file = readdirSync(dir).find((name) => name.includes(`.${run.pid}.`));
	if (!file) throw new Error(`no CPU profile of process ${run.pid} in ${dir}`);
	const { owners, functions } = summarizeProfile(join(dir, file));
	rmSync(dir, { recursive: true, force: true });
	const total = owners.reduce((sum, [, ms]) => sum + ms, 0);
	const lines = [
		`CPU profile of (a), the whole n8n execute process (${(total / 1000).toFixed(1)} s sampled, ${run.requests} requests):`,
		...owners.map(
			([owner, ms]) =>
				`  ${owner.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${((ms / run.requests) * 1).toFixed(2).padStart(6)} ms/request`,
		),
		'Busiest functions (self time, idle and GC excluded):',
		...functions.map(([place, ms]) => `  ${(ms / 1000).toFixed(2).padStart(6)} s  ${place}`),
	];
	process.stdout.write(`\n${lines.join('\n')}\n`);
}

/** (c): the same job with undici, one request at a time, no repeated lookup, no repeated invite. */
async function rawLoop(fakeUrl, fake) {
	const dispatcher = new Agent({ connections: 1 });
	const headers = { 'x-api-key': KEY, accept: 'application/json' };
	const lookedUp = new Map();
	const invited = new Set();
	const started = performance.now();
	for (const row of sheetRows(ROWS, true)) {
		let providerId = row.provider_id;
		if (!providerId) {
			const slug = row.linkedin.split('/in/')[1].replace(/\/$/, '');
			if (!lookedUp.has(slug)) {
				const response = await request(
					`${fakeUrl}/api/v1/users/${encodeURIComponent(slug)}?account_id=${ACCOUNT}`,
					{ headers, dispatcher },
				);
				lookedUp.set(slug, (await response.body.json()).provider_id);
			}
			providerId = lookedUp.get(slug);
		}
		if (invited.has(providerId)) continue;
		const response = await request(`${fakeUrl}/api/v1/users/invite`, {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: JSON.stringify({ provider_id: providerId, account_id: ACCOUNT }),
			dispatcher,
		});
		await response.body.json();
		invited.add(providerId);
	}
	const seconds = (performance.now() - started) / 1000;
	await dispatcher.close();
	return {
		seconds,
		requests: fake.requests.length,
		profileViews: fake.requests.filter(isProfileView).length,
		invitations: fake.invitations.length,
		peakRssMb: undefined,
		errorItems: 0,
	};
}

const fixed = (value, digits = 1) => (value === undefined ? '–' : value.toFixed(digits));

function sendTable(results) {
	const rows = [
		'| | wall time (s) | requests | requests / invitation | profile views | invitations | error items | peak RSS of n8n (MB) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const [label, r] of results) {
		rows.push(
			`| ${label} | ${fixed(r.seconds)} | ${r.requests} | ${fixed(r.requests / r.invitations, 2)} | ${r.profileViews} | ${r.invitations} | ${r.errorItems} | ${fixed(r.peakRssMb, 0)} |`,
		);
	}
	return rows.join('\n');
}

function chart(results) {
	const labels = results.map(([label]) => `"${label.split(' ')[0]}"`);
	const values = results.map(([, r]) => r.seconds.toFixed(1));
	return [
		'```mermaid',
		'xychart-beta',
		`    title "Send Invitation, ${ROWS} rows, ${LATENCY_MS} ms a request: wall time (s)"`,
		`    x-axis [${labels.join(', ')}]`,
		`    y-axis "seconds"`,
		`    bar [${values.join(', ')}]`,
		'```',
	].join('\n');
}

function bars(results) {
	const longest = Math.max(...results.map(([, r]) => r.seconds));
	return results
		.map(
			([label, r]) =>
				`  ${label.padEnd(50)} ${'█'.repeat(Math.max(1, Math.round((r.seconds / longest) * 40)))} ${r.seconds.toFixed(1)} s`,
		)
		.join('\n');
}

function memoryTable(memory) {
	const rows = [
		`| | peak RSS, ${ROWS.toLocaleString('en')} rows (MB) | peak RSS, ${MEMORY_ROWS.toLocaleString('en')} rows (MB) | growth per 1,000 rows (MB) | wall time, ${MEMORY_ROWS.toLocaleString('en')} rows (s) |`,
		'|---|---:|---:|---:|---:|',
	];
	for (const [label, small, large] of memory) {
		const growth = ((large.peakRssMb - small.peakRssMb) / (MEMORY_ROWS - ROWS)) * 1000;
		rows.push(
			`| ${label} | ${fixed(small.peakRssMb, 0)} | ${fixed(large.peakRssMb, 0)} | ${fixed(growth, 1)} | ${fixed(large.seconds)} |`,
		);
	}
	return rows.join('\n');
}

async function main() {
	const write = process.argv.includes('--write');
	await preflight();
	const { binary, version, nodeHome } = await ensureN8n();
	const { tarball } = buildAndPack();
	const fake = new FakeUnipile({ apiKey: KEY });
	const fakeUrl = await fake.start();
	const n8n = new N8nSandbox({ binary, version, nodeHome });
	process.stderr.write(`[bench] n8n ${version} in ${n8n.userFolder}\n`);
	n8n.installPackage(tarball);
	await n8n.importCredentials([
		{
			id: 'benchUnipile0001',
			name: 'Unipile (bench)',
			type: 'unipileApi',
			data: { dsn: fakeUrl, apiKey: KEY },
		},
		{
			id: 'benchHeaderAuth1',
			name: 'Unipile X-API-KEY',
			type: 'httpHeaderAuth',
			data: { name: 'X-API-KEY', value: KEY },
		},
	]);
	const workflows = [
		workflow('benchSendOurs001', 'bench (a) Send Invitation', ROWS, true, [
			ourNode('Send Invitation', 'invitation', 'send', {
				options: {
					ifAlreadyInvited: 'returnStatus',
					delayBetweenItems: { range: { minSeconds: 0, maxSeconds: 0 } },
				},
			}),
		]),
		workflow('benchSendHttp001', 'bench (b) HTTP Request chain', ROWS, true, [
			httpGetProfile(fakeUrl),
			httpInvite(fakeUrl),
		]),
		loopWorkflow('benchSendHttp002', 'bench (b1) HTTP Request chain in a loop', ROWS, fakeUrl),
		workflow('benchEmptySheet1', 'bench: the sheet alone', ROWS, true, []),
		workflow('benchGetOurs0001', 'bench Get Profile (small)', ROWS, false, [
			ourNode('Get Profile', 'profile', 'get'),
		]),
		workflow('benchGetOurs0002', 'bench Get Profile (large)', MEMORY_ROWS, false, [
			ourNode('Get Profile', 'profile', 'get'),
		]),
		workflow('benchGetHttp0001', 'bench HTTP GET (small)', ROWS, false, [httpGetProfile(fakeUrl)]),
		workflow('benchGetHttp0002', 'bench HTTP GET (large)', MEMORY_ROWS, false, [
			httpGetProfile(fakeUrl),
		]),
	];
	const files = workflows.map((definition) => {
		const file = join(n8n.userFolder, `${definition.id}.json`);
		writeFileSync(file, JSON.stringify(definition));
		return file;
	});
	await n8n.importWorkflows(files);

	const fresh = (members, latencyMs) => {
		refreshFake = () => {
			fake.reset();
			fake.seedMembers(members);
			fake.latencyMs = latencyMs;
		};
		refreshFake();
	};
	const step = (what) => process.stderr.write(`[bench] ${what}…\n`);
	const members = distinctMembers(ROWS, true);
	if (process.env.BENCH_PROFILE === 'only') {
		step('(a) under the CPU profiler, nothing else');
		await profileOurs(n8n, fake, fresh, members);
		process.exit(0);
	}

	step('the sheet alone (n8n with no request)');
	fresh(members, LATENCY_MS);
	const idle = await runInN8n(n8n, fake, 'benchEmptySheet1', ['Sheet rows']);
	step('(a) LinkedIn Connect');
	fresh(members, LATENCY_MS);
	const ours = await runInN8n(n8n, fake, 'benchSendOurs001', ['Send Invitation']);
	step("(b) HTTP Request chain, n8n's defaults");
	fresh(members, LATENCY_MS);
	const http = await runInN8n(n8n, fake, 'benchSendHttp001', [
		'HTTP GET profile',
		'HTTP POST invite',
	]);
	step('(b₁) HTTP Request chain in Loop Over Items');
	fresh(members, LATENCY_MS);
	const httpLoop = await runInN8n(n8n, fake, 'benchSendHttp002', [
		'Loop Over Items',
		'HTTP GET profile',
		'HTTP POST invite',
	]);
	step('(c) raw undici loop');
	fresh(members, LATENCY_MS);
	const raw = await rawLoop(fakeUrl, fake);

	const memory = [];
	for (const [label, small, large, nodes] of [
		['Get Profile (LinkedIn Connect)', 'benchGetOurs0001', 'benchGetOurs0002', ['Get Profile']],
		['HTTP Request GET', 'benchGetHttp0001', 'benchGetHttp0002', ['HTTP GET profile']],
	]) {
		step(`${label}, ${ROWS} then ${MEMORY_ROWS} rows`);
		fresh(MEMORY_ROWS, 0);
		const smallRun = await runInN8n(n8n, fake, small, nodes);
		fresh(MEMORY_ROWS, 0);
		const largeRun = await runInN8n(n8n, fake, large, nodes);
		memory.push([label, smallRun, largeRun]);
	}

	const sends = [
		['(a) LinkedIn Connect → Send Invitation', ours],
		['(b) HTTP Request GET → POST (all at once)', http],
		['(b₁) the same in Loop Over Items (one at a time)', httpLoop],
		['(c) raw undici loop (the floor)', raw],
	];
	const ratios = [
		`a/b wall time ${fixed(ours.seconds / http.seconds, 2)}×, requests ${fixed(ours.requests / http.requests, 2)}×, profile views ${fixed(ours.profileViews / http.profileViews, 2)}×`,
		`a/b₁ wall time ${fixed(ours.seconds / httpLoop.seconds, 2)}×, requests ${fixed(ours.requests / httpLoop.requests, 2)}×`,
		`a/c wall time ${fixed(ours.seconds / raw.seconds, 2)}×, requests ${fixed(ours.requests / raw.requests, 2)}×`,
	];
	const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version} for the loop, n8n ${version}`;
	const figures = [
		`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
		`${ROWS.toLocaleString('en')} rows (${members} members; every 10th row repeats one, a fifth give the member id), ${LATENCY_MS} ms a request.`,
		`Wall time: the nodes' own execution time in n8n (the sheet excluded), the loop's for (c). The sheet alone: peak RSS ${fixed(idle.peakRssMb, 0)} MB.`,
		'',
		sendTable(sends),
		'',
		...ratios.map((line) => `- ${line}`),
		'',
		chart(sends),
		'',
		`Memory, Get Profile over distinct members, no latency:`,
		'',
		memoryTable(memory),
	].join('\n');

	process.stdout.write(`\n${figures}\n\n${bars(sends)}\n`);
	if (write) {
		const text = readFileSync(RESULTS, 'utf8');
		const start = '<!-- figures:start -->';
		const end = '<!-- figures:end -->';
		const from = text.indexOf(start);
		const to = text.indexOf(end);
		if (from < 0 || to < from) throw new Error(`${RESULTS} lacks the ${start} … ${end} markers`);
		writeFileSync(RESULTS, `${text.slice(0, from + start.length)}\n${figures}\n${text.slice(to)}`);
		process.stderr.write(`[bench] figures written to ${RESULTS}\n`);
	}
	if (process.env.BENCH_PROFILE) {
		step('(a) once more, under the CPU profiler');
		await profileOurs(n8n, fake, fresh, members);
	}
	await fake.stop?.();
	process.exit(0);
}

main().catch(exitOn);

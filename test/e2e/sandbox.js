/**
 * A real n8n with this package installed the way users get it (the npm tarball), on loopback only,
 * in a throw-away user folder. Shared by the end-to-end suite and `npm run demo`.
 */
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { delimiter, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-linkedin-connect';

function log(message) {
	process.stderr.write(`[sandbox] ${message}\n`);
}

/** Builds the package and packs it as npm would publish it; returns the tarball path. */
function buildAndPack() {
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const destination = join(ROOT, '.cache', 'pack');
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename, files }] = JSON.parse(output);
	return { tarball: join(destination, filename), files: files.map((f) => f.path) };
}

async function freePort() {
	return await new Promise((resolvePort, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** n8n prints log lines around the --rawOutput JSON: take the first complete top-level object. */
function firstJsonObject(text) {
	for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
		let depth = 0;
		let inString = false;
		for (let i = start; i < text.length; i++) {
			const char = text[i];
			if (inString) {
				if (char === '\\') i++;
				else if (char === '"') inString = false;
			} else if (char === '"') inString = true;
			else if (char === '{') depth++;
			else if (char === '}' && --depth === 0) {
				try {
					const value = JSON.parse(text.slice(start, i + 1));
					// A run, not one of the objects inside it (should the run's own text not parse).
					if (value?.data?.resultData) return value;
				} catch {
					// not JSON after all: keep looking
				}
				break;
			}
		}
	}
	return undefined;
}

/** Creates n8n's owner account (or logs in) and returns the session cookie. */
async function signIn(baseUrl) {
	const owner = {
		email: 'owner@example.com',
		firstName: 'Ada',
		lastName: 'Owner',
		password: 'Sandbox-Passw0rd!',
	};
	let response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) {
		response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
	}
	if (!response.ok) throw new Error(`could not sign in to n8n: ${response.status}`);
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

class N8nSandbox {
	/**
	 * @param {{ binary: string, version: string, nodeHome?: string, port?: number, userFolder?: string }} options
	 * nodeHome: the Node to run n8n with, when the system's is too old for this n8n (see install-n8n.js).
	 */
	constructor({ binary, version, nodeHome, port, userFolder, env = {} }) {
		this.binary = binary;
		/** Settings of this instance's own (queue mode, database), over the sandbox's. */
		this.extraEnv = env;
		this.version = version;
		this.nodeHome = nodeHome;
		this.port = port;
		this.userFolder = userFolder ?? mkdtempSync(join(tmpdir(), 'linkedin-connect-n8n-'));
		this.encryptionKey = 'linkedin-connect-e2e-encryption-key';
		this.server = undefined;
		this.serverLog = '';
	}

	env(extra = {}) {
		const env = {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port ?? 5678),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String((this.port ?? 5678) + 1),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			...this.extraEnv,
			...extra,
		};
		// Modules newer n8n versions start by default and that want the network; 2.8 does not know them.
		const [major, minor] = String(this.version).split('.').map(Number);
		if (major > 2 || (major === 2 && minor >= 36))
			env.N8N_DISABLED_MODULES = 'mcp-registry,insights';
		delete env.NODE_OPTIONS;
		if (this.nodeHome) env.PATH = `${join(this.nodeHome, 'bin')}${delimiter}${env.PATH}`;
		return env;
	}

	/** Installs the npm tarball where n8n keeps community packages, as the Community Nodes screen does. */
	installPackage(tarball) {
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
		);
		// n8n provides n8n-workflow itself; installing the peer would load a second copy.
		execFileSync(
			'npm',
			[
				'install',
				tarball,
				'--legacy-peer-deps',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{
				cwd: nodesDir,
				stdio: ['ignore', 'ignore', 'inherit'],
			},
		);
		const installed = join(nodesDir, 'node_modules', PACKAGE_NAME);
		const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
		return { dir: installed, version: manifest.version };
	}

	/**
	 * onSpawn(child): e.g. to watch the process's memory; nodeArgs: flags for Node itself, such as
	 * --cpu-prof, which NODE_OPTIONS does not take (the benchmark).
	 */
	async cli(args, { timeoutMs = 120_000, onSpawn, nodeArgs } = {}) {
		return await new Promise((resolveRun, reject) => {
			const node = this.nodeHome ? join(this.nodeHome, 'bin', 'node') : process.execPath;
			const [command, commandArgs] = nodeArgs
				? [node, [...nodeArgs, this.binary, ...args]]
				: [this.binary, args];
			const child = spawn(command, commandArgs, {
				env: this.env(),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			onSpawn?.(child);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(
					new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`),
				);
			}, timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolveRun({ code, stdout, stderr });
			});
		});
	}

	async importCredentials(credentials) {
		const file = join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		rmSync(file);
		if (result.code !== 0)
			throw new Error(`import:credentials failed\n${result.stdout}\n${result.stderr}`);
	}

	async importWorkflows(files) {
		for (const file of files) {
			const result = await this.cli(['import:workflow', `--input=${file}`]);
			if (result.code !== 0)
				throw new Error(`import:workflow ${file} failed\n${result.stdout}\n${result.stderr}`);
		}
	}

	async publishWorkflow(id) {
		const result = await this.cli(['publish:workflow', `--id=${id}`]);
		if (result.code !== 0)
			throw new Error(`publish:workflow ${id} failed\n${result.stdout}\n${result.stderr}`);
	}

	/** Runs a workflow with `n8n execute` and returns n8n's run data (parsed from --rawOutput). */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		const run = firstJsonObject(result.stdout);
		if (!run)
			throw new Error(
				`n8n execute --id=${id} printed no result (exit ${result.code})\n${result.stdout}\n${result.stderr}`,
			);
		return { code: result.code, run, stdout: result.stdout, stderr: result.stderr };
	}

	/**
	 * Starts `n8n start` and resolves once the editor and webhooks are up; with `args` and `ready`,
	 * another long-running command (e.g. `worker`, ready at 'n8n worker is now ready').
	 */
	async start({ timeoutMs = 120_000, args = ['start'], ready = 'Editor is now accessible' } = {}) {
		this.port ??= await freePort();
		const child = spawn(this.binary, args, {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: false,
		});
		this.server = child;
		await new Promise((resolveStart, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`n8n did not start within ${timeoutMs} ms\n${this.serverLog}`)),
				timeoutMs,
			);
			const onData = (chunk) => {
				this.serverLog += chunk;
				if (this.serverLog.includes(ready)) {
					clearTimeout(timer);
					resolveStart();
				}
			};
			child.stdout.on('data', onData);
			child.stderr.on('data', onData);
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`n8n exited with ${code} while starting\n${this.serverLog}`));
			});
		});
		return `http://127.0.0.1:${this.port}`;
	}

	/**
	 * Resolves once a published workflow's webhook is live. Newer n8n registers webhooks a few
	 * seconds after the editor is up; a GET to a POST-only webhook tells the two states apart
	 * without firing the workflow.
	 */
	async waitForWebhook(path, { timeoutMs = 60_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`http://127.0.0.1:${this.port}/webhook/${path}`);
			const text = await response.text();
			if (response.status !== 404 || /Did you mean to make a POST request/i.test(text)) return;
			if (Date.now() > deadline)
				throw new Error(`webhook ${path} not registered after ${timeoutMs} ms: ${text}`);
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
	}

	async stop() {
		const child = this.server;
		this.server = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise((resolveStop) => {
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			child.once('exit', () => {
				clearTimeout(timer);
				resolveStop();
			});
			child.kill('SIGTERM');
		});
	}

	/** Every file n8n wrote (database, logs, settings) as one searchable text. */
	storedText() {
		const chunks = [];
		const walk = (dir) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) {
					if (entry.name !== 'node_modules') walk(path);
				} else {
					chunks.push(readFileSync(path).toString('latin1'));
				}
			}
		};
		walk(this.userFolder);
		return chunks.join('\n') + this.serverLog;
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Activates (or deactivates) workflows through n8n's REST API, as the editor's toggle does. */
async function setActive(baseUrl, cookie, id, active) {
	const headers = { 'content-type': 'application/json', cookie };
	let body = '{}';
	if (active) {
		const found = await fetch(`${baseUrl}/rest/workflows/${id}`, { headers });
		const { data } = await found.json();
		body = JSON.stringify({ versionId: data.versionId });
	}
	const response = await fetch(
		`${baseUrl}/rest/workflows/${id}/${active ? 'activate' : 'deactivate'}`,
		{
			method: 'POST',
			headers,
			body,
		},
	);
	if (!response.ok)
		throw new Error(
			`${active ? 'activate' : 'deactivate'} ${id}: ${response.status} ${await response.text()}`,
		);
}

module.exports = {
	setActive,
	N8nSandbox,
	buildAndPack,
	freePort,
	signIn,
	ROOT,
	PACKAGE_NAME,
};

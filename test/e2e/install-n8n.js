/**
 * Installs the n8n the end-to-end suite and the demo run in, into a per-user cache, and reuses it
 * when present: a second clone or a `git clean` does not pay for it again. The cache is
 * $LINKEDIN_CONNECT_CACHE, else $XDG_CACHE_HOME/n8n-nodes-linkedin-connect, else
 * ~/.cache/n8n-nodes-linkedin-connect. The default n8n is pinned by test/e2e/n8n-runtime
 * (package.json + lockfile); N8N_E2E_VERSION=<version> selects another (resolved without a lockfile).
 * While installing it prints a line at least every 15 s: the first install takes minutes.
 *
 *   node test/e2e/install-n8n.js        prints the path of the n8n binary
 */
'use strict';
const { spawn } = require('node:child_process');
const {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} = require('node:fs');
const { homedir } = require('node:os');
const { delimiter, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const PINNED_DIR = join(__dirname, 'n8n-runtime');
const PINNED_VERSION = JSON.parse(readFileSync(join(PINNED_DIR, 'package.json'), 'utf8'))
	.dependencies.n8n;

function log(message) {
	process.stderr.write(`[install-n8n] ${message}\n`);
}

/** Where installed n8n versions (and Node 24) are kept, shared by every clone of this project. */
function cacheDir() {
	if (process.env.LINKEDIN_CONNECT_CACHE) return resolve(process.env.LINKEDIN_CONNECT_CACHE);
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-linkedin-connect');
}

/** A failure the user can fix: the scripts print its message alone, without a stack trace. */
class SetupError extends Error {}

/**
 * Runs a command to its end, printing every 15 s how long it has been running and what it is
 * doing (`progress()` may add a measure, e.g. how many packages are in place).
 */
async function runWithProgress(step, command, args, options, progress = () => '') {
	const started = Date.now();
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
	let errors = '';
	child.stderr.on('data', (chunk) => {
		errors = `${errors}${chunk}`.slice(-4000);
	});
	const timer = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		const extra = progress();
		log(
			`${step}: ${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s${extra ? `, ${extra}` : ''}`,
		);
	}, 15_000);
	const code = await new Promise((resolveExit) => child.on('close', resolveExit));
	clearInterval(timer);
	if (code !== 0) {
		throw new SetupError(`${step} failed (exit ${code}):\n${errors.trim()}`);
	}
}

/** A progress measure for npm install: packages in place, then (when that stops growing) the build. */
function packagesIn(dir) {
	let last = -1;
	return () => {
		const modules = join(dir, 'node_modules');
		const count = existsSync(modules) ? readdirSync(modules).length : 0;
		const building = count > 0 && count === last;
		last = count;
		if (!count) return 'downloading';
		return `${count} packages in place${building ? '; compiling native modules (sqlite3), the longest step' : ''}`;
	};
}

/** [major, minor] of a version string. */
function minorOf(version) {
	const [major, minor] = String(version).split('.').map(Number);
	return major * 1000 + minor;
}

/**
 * n8n 2.10 and newer need a newer Node than this machine's 20 (2.36+: Node 24). The npm registry
 * ships Node itself (the `node` package): install Node 24 into .cache and return its folder (bin/,
 * include/), or undefined when the system Node will do.
 */
async function ensureNodeFor(version) {
	if (minorOf(version) < minorOf('2.10')) return undefined;
	const dir = join(cacheDir(), 'node-24');
	const platformDir = () => {
		const parent = join(dir, 'node_modules', 'node', 'node_modules');
		const found = existsSync(parent)
			? readdirSync(parent).find((name) => /^node-(linux|darwin|win)/.test(name))
			: undefined;
		return found && existsSync(join(parent, found, 'bin', 'node'))
			? join(parent, found)
			: undefined;
	};
	if (!platformDir()) {
		mkdirSync(dir, { recursive: true });
		log(`installing Node 24 from the npm registry into ${dir} (n8n ${version} needs it)`);
		await runWithProgress(
			'installing Node 24',
			'npm',
			['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', 'node@24'],
			{ env: { ...process.env, npm_config_ignore_scripts: 'false' } },
		);
	}
	const home = platformDir();
	if (!home) throw new Error(`Node 24 did not install into ${dir}`);
	return home;
}

function installedVersion(dir) {
	const file = join(dir, 'node_modules', 'n8n', 'package.json');
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

async function ensureN8n(version = process.env.N8N_E2E_VERSION || PINNED_VERSION) {
	const dir = join(cacheDir(), `n8n-${version}`);
	const binary = join(dir, 'node_modules', '.bin', 'n8n');
	const marker = join(dir, '.installed');
	const nodeHome = await ensureNodeFor(version);
	if (existsSync(marker) && installedVersion(dir) === version && existsSync(binary)) {
		return { version, dir, binary, nodeHome };
	}

	mkdirSync(dir, { recursive: true });
	const env = {
		...process.env,
		npm_config_yes: 'true',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		// Under `npm run`, the project's ignore-scripts=true reaches us as npm_config_ignore_scripts;
		// n8n needs its install scripts (sqlite3 builds its native binding).
		npm_config_ignore_scripts: 'false',
	};
	if (nodeHome) {
		env.PATH = `${join(nodeHome, 'bin')}${delimiter}${process.env.PATH}`;
		env.npm_config_nodedir = nodeHome;
	}
	const started = Date.now();
	const manifest = JSON.parse(readFileSync(join(PINNED_DIR, 'package.json'), 'utf8'));
	if (version === PINNED_VERSION) {
		copyFileSync(join(PINNED_DIR, 'package-lock.json'), join(dir, 'package-lock.json'));
	} else {
		manifest.dependencies.n8n = version;
		// Newer n8n pulls a linkedom whose default version this registry cannot serve.
		if (minorOf(version) >= minorOf('2.36')) manifest.overrides.linkedom = '0.18.13';
	}
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	log(
		`first use of n8n ${version}: installing it into ${dir}${version === PINNED_VERSION ? '' : ' (not pinned by a lockfile)'}. ` +
			"This happens once per machine: 3 minutes here on 2 cores with npm's download cache warm, up to " +
			'10 with a cold one, and about 2.1 GB of disk ' +
			'(n8n brings about 1,000 packages, and its database driver sqlite3 compiles from source); later runs reuse it. ' +
			'Set LINKEDIN_CONNECT_CACHE to keep it elsewhere.',
	);
	// `npm install` with the lockfile, not `npm ci`: the registry here lacks some other platforms'
	// optional binaries, which leaves them out of the lockfile, and `npm ci` refuses such a lockfile.
	// On Node 24 some optional install steps download from the internet: skip scripts, then build sqlite3.
	const scripts = nodeHome ? ['--ignore-scripts'] : [];
	await runWithProgress(
		`npm install n8n ${version} (downloading, then compiling sqlite3)`,
		'npm',
		['install', ...scripts, '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: dir, env },
		packagesIn(dir),
	);
	if (nodeHome)
		await runWithProgress(
			'compiling sqlite3 for Node 24',
			'npm',
			['rebuild', 'sqlite3', '--loglevel=error'],
			{
				cwd: dir,
				env,
			},
		);
	const actual = installedVersion(dir);
	if (actual !== version)
		throw new SetupError(`expected n8n ${version} in ${dir}, found ${actual ?? 'nothing'}`);
	// n8n's database driver is a native module: prove it built before calling the install good.
	await runWithProgress(
		'checking that sqlite3 loads',
		nodeHome ? join(nodeHome, 'bin', 'node') : process.execPath,
		['-e', "require('sqlite3')"],
		{ cwd: dir },
	);
	writeFileSync(marker, `${version}\n`);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return { version, dir, binary, nodeHome };
}

/**
 * Checks what the scripts need before anything slow starts: the project's own dependencies
 * (`npm install` first) and, when given, a free port. Throws SetupError with the fix.
 */
async function preflight({ port } = {}) {
	for (const needed of ['@n8n/node-cli', 'n8n-workflow', 'playwright-core']) {
		if (!existsSync(join(ROOT, 'node_modules', needed, 'package.json'))) {
			throw new SetupError(
				`The project's dependencies are not installed (${needed} is missing). Run \`npm install\` first, then try again.`,
			);
		}
	}
	if (port !== undefined) await ensurePortFree(port);
}

/** DEMO_PORT as a port number, or a SetupError saying what is wrong with it. */
function portFrom(value, fallback) {
	if (value === undefined || value === '') return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1024 || port > 65535) {
		throw new SetupError(
			`DEMO_PORT must be a port number from 1024 to 65535, but it is "${value}". For example: DEMO_PORT=5680 npm run demo`,
		);
	}
	return port;
}

async function ensurePortFree(port) {
	const net = require('node:net');
	const free = await new Promise((resolveFree) => {
		const server = net.createServer();
		server.once('error', () => resolveFree(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
	});
	if (!free) {
		throw new SetupError(
			`Port ${port} is already in use (often by another n8n). Pick a free one, e.g.: DEMO_PORT=${port + 2} npm run demo`,
		);
	}
}

/** Ends a script: a SetupError prints its message alone; anything else, its stack. */
function exitOn(error) {
	process.stderr.write(
		error instanceof SetupError ? `\n${error.message}\n` : `${error?.stack ?? error}\n`,
	);
	process.exit(1);
}

module.exports = { ensureN8n, PINNED_VERSION, SetupError, cacheDir, preflight, portFrom, exitOn };

if (require.main === module) {
	ensureN8n().then(({ binary }) => process.stdout.write(`${binary}\n`), exitOn);
}

/**
 * Installs the n8n the end-to-end suite runs in, into .cache/n8n-<version> (git-ignored), and
 * reuses it when present. The default is pinned by test/e2e/n8n-runtime (package.json + lockfile);
 * N8N_E2E_VERSION=<version> selects another n8n for compatibility runs (resolved without a lockfile).
 *
 *   node test/e2e/install-n8n.js        prints the path of the n8n binary
 */
'use strict';
const { execFileSync } = require('node:child_process');
const {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} = require('node:fs');
const { delimiter, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const PINNED_DIR = join(__dirname, 'n8n-runtime');
const PINNED_VERSION = JSON.parse(readFileSync(join(PINNED_DIR, 'package.json'), 'utf8'))
	.dependencies.n8n;

function log(message) {
	process.stderr.write(`[install-n8n] ${message}\n`);
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
function ensureNodeFor(version) {
	if (minorOf(version) < minorOf('2.10')) return undefined;
	const dir = join(ROOT, '.cache', 'node-24');
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
		execFileSync(
			'npm',
			['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', 'node@24'],
			{
				stdio: ['ignore', 'ignore', 'inherit'],
				env: { ...process.env, npm_config_ignore_scripts: 'false' },
			},
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

function ensureN8n(version = process.env.N8N_E2E_VERSION || PINNED_VERSION) {
	const dir = join(ROOT, '.cache', `n8n-${version}`);
	const binary = join(dir, 'node_modules', '.bin', 'n8n');
	const marker = join(dir, '.installed');
	const nodeHome = ensureNodeFor(version);
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
		`installing n8n ${version} into ${dir} (a few minutes the first time${version === PINNED_VERSION ? '' : '; not pinned by a lockfile'})`,
	);
	// `npm install` with the lockfile, not `npm ci`: the registry here lacks some other platforms'
	// optional binaries, which leaves them out of the lockfile, and `npm ci` refuses such a lockfile.
	// On Node 24 some optional install steps download from the internet: skip scripts, then build sqlite3.
	const scripts = nodeHome ? ['--ignore-scripts'] : [];
	execFileSync('npm', ['install', ...scripts, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (nodeHome)
		execFileSync('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
			cwd: dir,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	const actual = installedVersion(dir);
	if (actual !== version)
		throw new Error(`expected n8n ${version} in ${dir}, found ${actual ?? 'nothing'}`);
	// n8n's database driver is a native module: prove it built before calling the install good.
	execFileSync(
		nodeHome ? join(nodeHome, 'bin', 'node') : process.execPath,
		['-e', "require('sqlite3')"],
		{
			cwd: dir,
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
	writeFileSync(marker, `${version}\n`);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return { version, dir, binary, nodeHome };
}

module.exports = { ensureN8n, PINNED_VERSION };

if (require.main === module) {
	process.stdout.write(`${ensureN8n().binary}\n`);
}

/**
 * Installs the n8n the end-to-end suite runs in, into .cache/n8n-<version> (git-ignored), and
 * reuses it when present. The default is pinned by test/e2e/n8n-runtime (package.json + lockfile);
 * N8N_E2E_VERSION=<version> selects another n8n for compatibility runs (resolved without a lockfile).
 *
 *   node test/e2e/install-n8n.js        prints the path of the n8n binary
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const PINNED_DIR = join(__dirname, 'n8n-runtime');
const PINNED_VERSION = JSON.parse(readFileSync(join(PINNED_DIR, 'package.json'), 'utf8'))
	.dependencies.n8n;

function log(message) {
	process.stderr.write(`[install-n8n] ${message}\n`);
}

function installedVersion(dir) {
	const file = join(dir, 'node_modules', 'n8n', 'package.json');
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

function ensureN8n(version = process.env.N8N_E2E_VERSION || PINNED_VERSION) {
	const dir = join(ROOT, '.cache', `n8n-${version}`);
	const binary = join(dir, 'node_modules', '.bin', 'n8n');
	const marker = join(dir, '.installed');
	if (existsSync(marker) && installedVersion(dir) === version && existsSync(binary))
		return { version, dir, binary };

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
	const started = Date.now();
	if (version === PINNED_VERSION) {
		copyFileSync(join(PINNED_DIR, 'package.json'), join(dir, 'package.json'));
		copyFileSync(join(PINNED_DIR, 'package-lock.json'), join(dir, 'package-lock.json'));
		log(`installing pinned n8n ${version} into ${dir} (a few minutes the first time)`);
		// `npm install` with the lockfile, not `npm ci`: the registry here lacks some other platforms'
		// optional binaries, which leaves them out of the lockfile, and `npm ci` refuses such a lockfile.
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: dir,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	} else {
		const manifest = JSON.parse(readFileSync(join(PINNED_DIR, 'package.json'), 'utf8'));
		manifest.dependencies.n8n = version;
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		log(`installing n8n ${version} into ${dir} (npm install, not pinned by a lockfile)`);
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: dir,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}
	const actual = installedVersion(dir);
	if (actual !== version)
		throw new Error(`expected n8n ${version} in ${dir}, found ${actual ?? 'nothing'}`);
	// n8n's database driver is a native module: prove it built before calling the install good.
	execFileSync(process.execPath, ['-e', "require('sqlite3')"], {
		cwd: dir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	writeFileSync(marker, `${version}\n`);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return { version, dir, binary };
}

module.exports = { ensureN8n, PINNED_VERSION };

if (require.main === module) {
	process.stdout.write(`${ensureN8n().binary}\n`);
}

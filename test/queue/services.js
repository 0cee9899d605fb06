/**
 * Redis and PostgreSQL for the queue-mode suite, from Debian's packages (installed when missing,
 * like Chromium for the editor check), each started on 127.0.0.1 in a throw-away folder and
 * stopped at the end. Nothing is left running and no system service is touched.
 */
'use strict';
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { SetupError } = require('../e2e/install-n8n');

function log(message) {
	process.stderr.write(`[queue] ${message}\n`);
}

const onPath = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;

/** The newest PostgreSQL server's bin folder Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** Installs redis-server and postgresql with apt when missing; SetupError when that cannot be done. */
function ensurePackages({ timeoutMs = 600_000 } = {}) {
	const missing = [];
	if (!onPath('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length === 0) return;
	const root = process.getuid?.() === 0;
	if (!root && !onPath('sudo'))
		throw new SetupError(
			`The queue-mode suite needs ${missing.join(' and ')}: install them (apt-get install ${missing.join(' ')}).`,
		);
	const sudo = root ? [] : ['sudo', '-n'];
	log(`installing ${missing.join(', ')} from Debian's packages…`);
	const run = (args) => {
		const [command, ...rest] = [...sudo, ...args];
		const result = spawnSync(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			stdio: ['ignore', 'ignore', 'pipe'],
			timeout: timeoutMs,
		});
		if (result.status !== 0)
			throw new SetupError(
				`'${args.join(' ')}' failed: ${String(result.stderr).trim().slice(-500) || result.error?.message}`,
			);
	};
	run(['apt-get', 'update', '-qq']);
	run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** Resolves when `pattern` shows in the child's output; rejects if it exits first. */
function waitForOutput(child, pattern, what, timeoutMs = 60_000) {
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${what} did not start in ${timeoutMs} ms:\n${output}`)),
			timeoutMs,
		);
		const onData = (chunk) => {
			output += chunk;
			if (pattern.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited with ${code}:\n${output}`));
		});
	});
}

async function startRedis(port) {
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	await waitForOutput(child, /Ready to accept connections/, 'redis-server');
	return {
		port,
		stop: () => child.kill('SIGKILL'),
	};
}

/**
 * A PostgreSQL cluster in a temporary folder, superuser `n8n`, trust on loopback only, database
 * `n8n`. As root the server runs as Debian's `postgres` user (PostgreSQL refuses root).
 */
async function startPostgres(port) {
	const bin = postgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'linkedin-connect-pg-'));
	const asRoot = process.getuid?.() === 0;
	const user = asRoot
		? {
				uid: Number(execFileSync('id', ['-u', 'postgres'])),
				gid: Number(execFileSync('id', ['-g', 'postgres'])),
			}
		: {};
	if (asRoot) chownSync(dir, user.uid, user.gid);
	const data = join(dir, 'data');
	execFileSync(
		join(bin, 'initdb'),
		['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync'],
		{
			stdio: ['ignore', 'ignore', 'pipe'],
			cwd: dir,
			...user,
		},
	);
	const child = spawn(
		join(bin, 'postgres'),
		['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off'],
		{ stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...user },
	);
	await waitForOutput(child, /ready to accept connections/, 'postgres');
	const psql = (sql) =>
		execFileSync(
			join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'n8n',
				'-d',
				'postgres',
				'-v',
				'ON_ERROR_STOP=1',
				'-qAtc',
				sql,
			],
			{
				encoding: 'utf8',
			},
		);
	psql('CREATE DATABASE n8n');
	return {
		port,
		/** The whole database as SQL text (to search it for what must not be stored). */
		dump: () =>
			execFileSync(
				join(bin, 'pg_dump'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '--data-only', 'n8n'],
				{
					encoding: 'utf8',
					maxBuffer: 512 * 1024 * 1024,
					// pg_dump warns about n8n's circular foreign keys (harmless for reading).
					stdio: ['ignore', 'pipe', 'ignore'],
				},
			),
		/** Immediate shutdown (SIGQUIT ends the server's children too), then the folder goes. */
		stop: () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { ensurePackages, startRedis, startPostgres, log };

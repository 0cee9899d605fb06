#!/usr/bin/env node
/**
 * npm run check:live [-- --write --yes --record DIR --json --replay DIR]
 *
 * Runs the built package's own operations (through n8n-core, as n8n would) against the services
 * your environment names, read only, and prints for each answer which fields the package reads
 * (found or missing) and which it ignores. Exit 0: every field it read was there; 1: a field is
 * missing or a step failed; 2: the check could not run (nothing to check, a flag or the build).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const { replayEnvironment } = require('./record');

const ROOT = resolve(__dirname, '..', '..');
/** Above this many LinkupAPI credits, the run waits for --yes. */
const FEW_CREDITS = 5;

const HELP = `Check LinkedIn Connect against your own service account (read only by default).

Set any of these, then run: npm run check:live
  UNIPILE_DSN + UNIPILE_API_KEY   Unipile API v1 (the DSN from your Unipile dashboard)
  LINKUP_API_KEY                  LinkupAPI (costs credits: the run says how many first)
  UNIPILE_V2_API_KEY              Unipile API v2 (an Account API key)
Optional:
  LIVE_ACCOUNT_ID     the connected LinkedIn account to use (default: the first one listed)
  LIVE_PROFILE_URL    a member's profile URL: adds Get Profile and that conversation's messages
  LINKUP_BASE_URL, UNIPILE_V2_BASE_URL   another host the service gave you
Flags (after --):
  --json         the whole report as JSON
  --record DIR   also write the answers, personal data replaced, as replayable fixtures
  --replay DIR   run against answers recorded with --record instead of the services
  --yes          spend the LinkupAPI credits the run announces
  --write        also send ONE real invitation to LIVE_INVITE_URL, find it, withdraw it (needs
                 --yes; LinkedIn then blocks inviting that member again for about three weeks)`;

class Refusal extends Error {}

function parseFlags(argv) {
	const flags = { write: false, yes: false, json: false, record: undefined, replay: undefined };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--write' || flag === '--yes' || flag === '--json') flags[flag.slice(2)] = true;
		else if (flag === '--record' || flag === '--replay') {
			const value = argv[++i];
			if (!value || value.startsWith('--'))
				throw new Refusal(`${flag} needs a folder: ${flag} DIR`);
			flags[flag.slice(2)] = resolve(value);
		} else if (flag === '--help' || flag === '-h') flags.help = true;
		else throw new Refusal(`Unknown flag ${flag}. Run with --help for the list.`);
	}
	return flags;
}

/** Newest modification time under `dir` of files ending in `suffix`. */
function newest(dir, suffix) {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return Math.max(latest, newest(path, suffix));
		return entry.name.endsWith(suffix) ? Math.max(latest, statSync(path).mtimeMs) : latest;
	}, 0);
}

/** The check runs what users install: builds it when dist/ is missing or older than the source. */
function ensureBuilt() {
	const source = Math.max(
		newest(join(ROOT, 'nodes'), '.ts'),
		newest(join(ROOT, 'credentials'), '.ts'),
	);
	const built = newest(join(ROOT, 'dist'), '.js');
	if (built >= source) return;
	process.stderr.write('Building the package first (npm run build)…\n');
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/** The report as text: per service, per step, per answer its request, status and shape. */
function formatReport(report) {
	const lines = [];
	const list = (label, paths) => {
		if (!paths.length) return;
		lines.push(`        ${label} (${paths.length}): ${paths.join(', ')}`);
	};
	for (const service of report.services) {
		lines.push('', `${service.service} (${service.credentialType})`);
		for (const step of service.steps) {
			const mark = step.skipped ? 'skip' : step.failed ? 'FAIL' : 'ok  ';
			const says = step.skipped ?? step.failed ?? step.summary ?? '';
			lines.push(`  ${mark} ${step.title}: ${says}`);
			for (const answer of step.answers ?? []) {
				const { found, missing, optional, ignored, copied } = answer.shape;
				lines.push(
					`      ${answer.request.method} ${answer.request.url} → ${answer.status}${answer.shape.unread ? " (read by n8n's credential tester)" : ''}`,
				);
				list('MISSING, read but not in the answer', missing);
				list('read and found', found);
				list(
					'absent, optional',
					optional.map(({ path, why }) => `${path}: ${why}`),
				);
				list(
					'passed on whole',
					copied.map((path) => path || '(the whole answer)'),
				);
				list('ignored', ignored);
			}
		}
	}
	const steps = report.services.flatMap((service) => service.steps);
	const answers = steps.flatMap((step) => step.answers ?? []);
	const count = (field) => answers.reduce((sum, answer) => sum + answer.shape[field].length, 0);
	lines.push(
		'',
		`${steps.filter((s) => !s.skipped).length} steps run, ${steps.filter((s) => s.failed).length} failed, ${steps.filter((s) => s.skipped).length} skipped; ${answers.length} answers; fields read: ${count('found')} found, ${count('missing')} missing, ${count('optional')} absent but optional; ${count('ignored')} ignored.`,
	);
	return lines.join('\n');
}

async function main() {
	const flags = parseFlags(process.argv.slice(2));
	if (flags.help) {
		process.stdout.write(`${HELP}\n`);
		return 0;
	}
	const replay = flags.replay ? await replayEnvironment(flags.replay) : undefined;
	if (replay && !replay.services)
		throw new Refusal(`${flags.replay} holds no recording (no */check.json).`);
	const env = replay ? { ...replay.env } : process.env;
	const { servicesIn } = require('./services');
	const { chosen, incomplete } = servicesIn(env);
	for (const { settings, missing } of incomplete)
		process.stderr.write(`${settings.credentialType}: also set ${missing.join(' and ')}.\n`);
	if (!chosen.length) throw new Refusal(`Nothing to check: no service is fully set.\n\n${HELP}`);
	if (flags.write && !env.LIVE_INVITE_URL)
		throw new Refusal('--write needs LIVE_INVITE_URL: the profile URL of the member to invite.');
	if (flags.write && !flags.yes && !replay)
		throw new Refusal(
			`--write sends a real invitation to ${env.LIVE_INVITE_URL} and withdraws it (LinkedIn then blocks inviting them again for about three weeks). Add --yes to go ahead.`,
		);
	const options = {
		write: flags.write,
		profileUrl: env.LIVE_PROFILE_URL,
	};
	if (chosen.some((settings) => settings.credentialType === 'linkupApi') && !replay) {
		const { creditsFor } = require('./check');
		const credits = creditsFor(options);
		process.stderr.write(`This run costs up to ${credits} LinkupAPI credits.\n`);
		if (credits > FEW_CREDITS && !flags.yes)
			throw new Refusal(`Add --yes to spend them (more than ${FEW_CREDITS}).`);
	}
	ensureBuilt();
	const { runCheck } = require('./check');
	let report;
	try {
		report = await runCheck({ env, write: flags.write });
	} finally {
		await replay?.close();
	}
	if (flags.record) {
		const { recordService } = require('./record');
		for (const service of report.services) {
			const { folder, files } = recordService(flags.record, service, {
				accountId: service.accountId,
				profileUrl: env.LIVE_PROFILE_URL,
				inviteUrl: flags.write ? env.LIVE_INVITE_URL : undefined,
			});
			process.stderr.write(`Recorded ${files.length} answers in ${folder}\n`);
		}
	}
	const printable = {
		...report,
		services: report.services.map((service) => ({
			...service,
			steps: service.steps.map((step) => ({
				...step,
				answers: step.answers?.map(({ body: _body, ...answer }) => answer),
			})),
		})),
	};
	process.stdout.write(
		flags.json ? `${JSON.stringify(printable, null, 2)}\n` : `${formatReport(printable)}\n`,
	);
	return report.exitCode;
}

if (require.main === module) {
	main().then(
		(code) => {
			process.exitCode = code;
		},
		(error) => {
			process.stderr.write(`${error instanceof Refusal ? error.message : error.stack}\n`);
			process.exitCode = 2;
		},
	);
}

module.exports = { formatReport, parseFlags };

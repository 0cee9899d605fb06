/**
 * n8n's verification scan (@n8n/scan-community-package's lint stage), as n8n runs it before it
 * verifies a community package: over the source files it scans (package.json, nodes/, credentials/)
 * and over the packed tarball (what npm would publish). Zero findings, or the run fails.
 *
 *   npm run scan      (after npm run build)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	process.stdout.write(`${label}: ${result.passed ? 'no findings' : result.message}\n`);
	if (!result.passed) process.stdout.write(`${result.details ?? result.error ?? ''}\n`);
	return result.passed;
}

const folder = mkdtempSync(join(tmpdir(), 'linkedin-connect-scan-'));
try {
	const sourcePassed = await scan(
		'source (package.json, nodes/, credentials/)',
		ROOT,
		SOURCE_FILE_PATTERNS,
	);
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	);
	execFileSync('tar', ['xzf', join(folder, packed.filename), '-C', folder]);
	// As analyzePackageByName scopes the tarball leg: compiled .js and the published package.json.
	const tarballPassed = await scan(
		`tarball ${packed.filename} (.js, package.json)`,
		join(folder, 'package'),
		['**/*.js', 'package.json'],
	);
	process.exitCode = sourcePassed && tarballPassed ? 0 : 1;
} finally {
	rmSync(folder, { recursive: true, force: true });
}

#!/usr/bin/env node
/**
 * npm run screenshots: the README's pictures, from what the end-to-end suite's browser check last
 * captured (.cache/e2e-artifacts). Refresh them with: npm run test:e2e && npm run screenshots
 */
'use strict';
const { copyFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { ARTIFACTS } = require('./browser');

const IMAGES = join(__dirname, '..', '..', '.github', 'images');
/** The captures the README shows. */
const SHOWN = ['node-panel.png', 'account-list.png', 'trigger-panel.png'];

const missing = SHOWN.filter((name) => !existsSync(join(ARTIFACTS, name)));
if (missing.length) {
	process.stderr.write(
		`No capture of ${missing.join(', ')} in ${ARTIFACTS}: run npm run test:e2e first (with Chromium, without E2E_SKIP_BROWSER).\n`,
	);
	process.exitCode = 1;
} else {
	for (const name of SHOWN) copyFileSync(join(ARTIFACTS, name), join(IMAGES, name));
	process.stdout.write(`Copied ${SHOWN.join(', ')} to .github/images.\n`);
}

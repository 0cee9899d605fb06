#!/usr/bin/env node
/**
 * npm run check:live:sandbox [-- flags of check:live]
 *
 * The live check against this project's fake services (test/fakes) instead of the real ones: the
 * three started on 127.0.0.1 with their sandbox keys, a conversation seeded with the member the
 * check reads, then `npm run check:live` pointed at them. CI runs it (so the check cannot rot);
 * the README's sample report is its output; `--record` here makes test/fixtures/recorded/sandbox.
 */
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { FakeLinkup, DEFAULT_API_KEY: LINKUP_KEY } = require('../fakes/linkup');
const { FakeUnipile, DEFAULT_API_KEY: UNIPILE_KEY } = require('../fakes/unipile');
const { FakeUnipileV2, DEFAULT_API_KEY: UNIPILE_V2_KEY } = require('../fakes/unipileV2');

const PROFILE_URL = 'https://www.linkedin.com/in/linus-t/';
const INVITE_URL = 'https://www.linkedin.com/in/marie-curie/';

async function main() {
	const unipile = new FakeUnipile();
	const linkup = new FakeLinkup();
	const unipileV2 = new FakeUnipileV2();
	const [unipileUrl, linkupUrl, unipileV2Url] = await Promise.all(
		[unipile, linkup, unipileV2].map((fake) => fake.start()),
	);
	unipile.seedConversation('acc_ada_sales', 'linus-t', 3);
	linkup.seedConversation('acc_linkup_ada', 'linus-t', 3);
	unipileV2.seedConversation('acc_ada_sales', 'linus-t', 3);
	const env = {
		...process.env,
		UNIPILE_DSN: unipileUrl,
		UNIPILE_API_KEY: UNIPILE_KEY,
		LINKUP_API_KEY: LINKUP_KEY,
		LINKUP_BASE_URL: linkupUrl,
		UNIPILE_V2_API_KEY: UNIPILE_V2_KEY,
		UNIPILE_V2_BASE_URL: unipileV2Url,
		LIVE_PROFILE_URL: PROFILE_URL,
		LIVE_INVITE_URL: INVITE_URL,
	};
	delete env.LIVE_ACCOUNT_ID;
	const code = await new Promise((resolve) =>
		spawn(process.execPath, [join(__dirname, 'run.js'), ...process.argv.slice(2)], {
			env,
			stdio: 'inherit',
		}).on('close', resolve),
	);
	await Promise.all([unipile, linkup, unipileV2].map((fake) => fake.stop()));
	return code;
}

main().then(
	(code) => {
		process.exitCode = code ?? 2;
	},
	(error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exitCode = 2;
	},
);

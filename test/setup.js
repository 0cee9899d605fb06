/**
 * Jest setup. n8n-core writes instance settings under the user folder: keep tests away from ~/.n8n.
 * n8n's log lines are captured (not printed) so tests can check that no secret is ever logged.
 */
'use strict';
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { LoggerProxy } = require('n8n-workflow');

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'linkedin-connect-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key';

globalThis.__n8nLogLines = [];
const capture = (level) => (message, meta) => {
	let text;
	try {
		text = `${level} ${String(message)} ${JSON.stringify(meta ?? {})}`;
	} catch {
		text = `${level} ${String(message)} [unserialisable meta]`;
	}
	globalThis.__n8nLogLines.push(text);
};
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	verbose: capture('verbose'),
	scoped: () => LoggerProxy,
});

/**
 * One n8n user folder for the whole `npm test` run (n8n-core writes instance settings there),
 * shared by every test file and removed at the end: nothing is left in the temp folder.
 */
'use strict';
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'linkedin-connect-test-'));
	process.env.LINKEDIN_CONNECT_TEST_FOLDER = process.env.N8N_USER_FOLDER;
};

/** Removes the n8n user folder test/global-setup.js made. */
'use strict';
const { rmSync } = require('node:fs');

module.exports = async () => {
	const folder = process.env.LINKEDIN_CONNECT_TEST_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
};

/** `npm run bench`: the benchmark only, on demand. */
const base = require('./jest.config');

module.exports = {
	...base,
	testMatch: ['**/*.bench.ts'],
	reporters: ['default'],
	testTimeout: 600000,
};

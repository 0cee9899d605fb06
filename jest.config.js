/** Unit and routing tests: `npm test`. The real-n8n suite is `npm run test:e2e`. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	globalSetup: '<rootDir>/test/global-setup.js',
	globalTeardown: '<rootDir>/test/global-teardown.js',
	setupFiles: ['<rootDir>/test/setup.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup-console.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/faults/reporter.js'],
};

/**
 * Runs after jest has installed its console: n8n-core's own logger (winston) writes to the console,
 * so capture those lines too (for the secret checks) and print them only when asked (TEST_LOGS=1).
 */
'use strict';

for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
	const original = console[method].bind(console);
	console[method] = (...args) => {
		globalThis.__n8nLogLines.push(
			`console.${method} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
		);
		if (process.env.TEST_LOGS === '1') original(...args);
	};
}

// winston binds console.log when its transport is built, but prefers console._stdout when present.
console._stdout = {
	write(chunk) {
		globalThis.__n8nLogLines.push(`stdout ${String(chunk)}`);
		if (process.env.TEST_LOGS === '1') process.stdout.write(chunk);
		return true;
	},
};

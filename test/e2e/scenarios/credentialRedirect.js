/**
 * End-to-end scenario: n8n's own credential test (POST /rest/credentials/test) never follows a
 * redirect and never sends the key to a host hidden in the DSN. Two local servers: a redirector
 * that answers every request with `302 Location: <the other host>`, and the other host, which
 * records whatever reaches it and must receive nothing.
 *
 * Used by test/e2e/run.js:
 *   await credentialRedirect({ scenario, assert, baseUrl, signIn, UNIPILE_KEY, LINKUP_KEY });
 * The credential ids must exist in n8n (the test endpoint merges with the stored credential);
 * by default those run.js imports.
 */
'use strict';
const http = require('node:http');

/** A server on 127.0.0.1 that records every request; `answer(req, res)` replies. */
async function startServer(answer) {
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, headers: req.headers });
		answer(req, res);
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/** The key must not appear, as given or encoded, in what n8n answered. */
function assertNoKey(assert, text, key, where) {
	for (const form of [key, encodeURIComponent(key), Buffer.from(key).toString('base64')]) {
		assert.ok(!text.includes(form), `the API key appears in ${where}`);
	}
}

async function credentialRedirect({
	scenario,
	assert,
	baseUrl,
	signIn,
	UNIPILE_KEY,
	LINKUP_KEY,
	unipileCredentialId = 'unipileSandbox01',
	linkupCredentialId = 'linkupSandbox001',
}) {
	const elsewhere = await startServer((req, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ object: 'AccountList', items: [], success: true }));
	});
	const redirector = await startServer((req, res) => {
		res.writeHead(302, { location: `${elsewhere.url}${req.url}`, 'content-type': 'text/plain' });
		res.end('Found');
	});
	try {
		const testCredential = async (id, type, data) => {
			const cookie = await signIn(baseUrl);
			const response = await fetch(`${baseUrl}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: { id, name: 'test', type, data } }),
			});
			const text = await response.text();
			assert.equal(response.status, 200, text);
			return { result: JSON.parse(text).data, text };
		};

		await scenario(
			"n8n's credential test reports a redirecting DSN or base URL and never follows it",
			async () => {
				assert.ok(baseUrl, 'n8n is not running');
				const unipile = await testCredential(unipileCredentialId, 'unipileApi', {
					dsn: redirector.url,
					apiKey: UNIPILE_KEY,
				});
				const linkup = await testCredential(linkupCredentialId, 'linkupApi', {
					baseUrl: redirector.url,
					apiKey: LINKUP_KEY,
				});

				assert.equal(unipile.result.status, 'Error', unipile.text);
				assert.match(unipile.result.message, /redirect/i);
				assert.match(unipile.result.message, /DSN/);
				assert.equal(linkup.result.status, 'Error', linkup.text);
				assert.match(linkup.result.message, /redirect/i);
				assert.match(linkup.result.message, /base URL/i);
				assert.ok(redirector.requests.length >= 2, 'the redirector was not asked');
				assert.deepEqual(
					elsewhere.requests.map((r) => `${r.method} ${r.url}`),
					[],
					'a redirect was followed',
				);
				assertNoKey(assert, unipile.text, UNIPILE_KEY, 'the Unipile credential test answer');
				assertNoKey(assert, linkup.text, LINKUP_KEY, 'the LinkupAPI credential test answer');
			},
		);

		await scenario(
			"n8n's credential test sends nothing to a host hidden behind user@ in the DSN",
			async () => {
				assert.ok(baseUrl, 'n8n is not running');
				elsewhere.requests.length = 0;
				const unipile = await testCredential(unipileCredentialId, 'unipileApi', {
					dsn: `http://api1.unipile.com:13111@127.0.0.1:${elsewhere.port}`,
					apiKey: UNIPILE_KEY,
				});
				const linkup = await testCredential(linkupCredentialId, 'linkupApi', {
					baseUrl: `https://api.linkupapi.com@127.0.0.1:${elsewhere.port}`,
					apiKey: LINKUP_KEY,
				});

				assert.equal(unipile.result.status, 'Error', unipile.text);
				assert.equal(linkup.result.status, 'Error', linkup.text);
				assert.deepEqual(
					elsewhere.requests.map((r) => `${r.method} ${r.url}`),
					[],
					'the host after @ was asked',
				);
				assertNoKey(assert, unipile.text, UNIPILE_KEY, 'the Unipile credential test answer');
				assertNoKey(assert, linkup.text, LINKUP_KEY, 'the LinkupAPI credential test answer');
			},
		);
	} finally {
		await redirector.close();
		await elsewhere.close();
	}
}

module.exports = { credentialRedirect };

/**
 * `npm run demo`: try the node without a LinkedIn or Unipile account. Builds the package, starts a
 * SIMULATED Unipile API (the local sandbox) and the pinned n8n with the package installed, a sandbox
 * credential, an owner account and the sample workflows from examples/, all on 127.0.0.1.
 * Ctrl-C stops everything it started.
 *
 *   DEMO_PORT=5678 (n8n's port)   --smoke: start, fire the webhook once, check the answer, stop
 *
 * The sandbox keeps what the demo sends (invitations, withdrawals) until it stops; every start is fresh.
 */
'use strict';
const { join } = require('node:path');
const { FakeLinkup } = require('../fakes/linkup');
const { FakeUnipile } = require('../fakes/unipile');
const { FakeUnipileV2 } = require('../fakes/unipileV2');
const { ensureN8n, exitOn, portFrom, preflight, SetupError } = require('./install-n8n');
const { N8nSandbox, buildAndPack, ROOT } = require('./sandbox');

const SANDBOX_KEY = 'sandbox-unipile-key';
const LINKUP_SANDBOX_KEY = 'sandbox-linkup-key';
const UNIPILE_V2_SANDBOX_KEY = 'sandbox-unipile-v2-key';
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-Passw0rd!',
};
const smoke = process.argv.includes('--smoke');

/** A copy of a sample whose CRM address is the sandbox's stand-in CRM. */
function withSandboxCrm(file, fakeUrl, folder) {
	const { readFileSync, writeFileSync } = require('node:fs');
	const copy = join(folder, 'sample-invitation-accepted.json');
	writeFileSync(
		copy,
		readFileSync(file, 'utf8').split('https://crm.example.com').join(`${fakeUrl}/__sandbox/crm`),
	);
	return copy;
}

function say(line = '') {
	process.stdout.write(`${line}\n`);
}

async function main() {
	// Everything that can be wrong is checked before the minutes of building and installing.
	const port = portFrom(process.env.DEMO_PORT, 5678);
	await preflight({ port });
	say(
		`LinkedIn Connect demo: n8n on http://127.0.0.1:${port} with a local sandbox in place of Unipile and LinkupAPI.`,
	);
	const { binary, version, nodeHome } = await ensureN8n();
	say(`Building the package and starting n8n ${version} with it…`);
	const { tarball } = buildAndPack();
	const fake = new FakeUnipile({ apiKey: SANDBOX_KEY, label: true });
	const fakeUrl = await fake.start();
	const linkup = new FakeLinkup({ apiKey: LINKUP_SANDBOX_KEY, label: true });
	const linkupUrl = await linkup.start();
	const unipileV2 = new FakeUnipileV2({ apiKey: UNIPILE_V2_SANDBOX_KEY, label: true });
	const unipileV2Url = await unipileV2.start();
	const n8n = new N8nSandbox({
		binary,
		version,
		nodeHome,
		port,
	});

	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await fake.stop();
		await linkup.stop();
		await unipileV2.stop();
		n8n.cleanup();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	process.on('exit', () => n8n.server?.kill('SIGKILL'));

	try {
		n8n.installPackage(tarball);
		await n8n.importCredentials([
			{
				id: 'unipileSandbox01',
				name: 'Unipile sandbox',
				type: 'unipileApi',
				data: { dsn: fakeUrl, apiKey: SANDBOX_KEY },
			},
			{
				id: 'linkupSandbox001',
				name: 'LinkupAPI sandbox',
				type: 'linkupApi',
				data: { baseUrl: linkupUrl, apiKey: LINKUP_SANDBOX_KEY },
			},
			{
				id: 'unipileV2Sandbox',
				name: 'Unipile v2 sandbox',
				type: 'unipileV2Api',
				data: { baseUrl: `${unipileV2Url}/v2`, apiKey: UNIPILE_V2_SANDBOX_KEY },
			},
		]);
		await n8n.importWorkflows(
			[
				'sheet-to-invitations.json',
				'crm-webhook-invite.json',
				'linkupapi-sheet-invitations.json',
				'withdraw-stale-invitations.json',
			]
				.map((file) => join(ROOT, 'examples', file))
				// The trigger sample "updates the CRM": here the sandbox stands in for it.
				.concat(
					withSandboxCrm(
						join(ROOT, 'examples', 'invitation-accepted-update-crm.json'),
						fakeUrl,
						n8n.userFolder,
					),
				),
		);
		// The message samples, their CRM at the sandbox and the welcome's wait shortened to 10 s.
		const { exampleCopy, SERVICES } = require('./scenarios/messages');
		const crm = `${fakeUrl}/__sandbox/crm`;
		const welcome = exampleCopy(
			join(ROOT, 'examples', 'welcome-new-connections.json'),
			SERVICES[0],
			n8n.userFolder,
			{
				collectorUrl: crm,
				waitSeconds: 10,
			},
		);
		const replies = exampleCopy(
			join(ROOT, 'examples', 'stop-follow-up-on-reply.json'),
			SERVICES[0],
			n8n.userFolder,
			{
				collectorUrl: crm,
				keep: ['Message received', 'Mark as replied'],
			},
		);
		await n8n.importWorkflows([welcome.file, replies.file]);
		await n8n.publishWorkflow('lcInviteAccepted');
		await n8n.publishWorkflow('lcCrmWebhook0001');
		await n8n.publishWorkflow(welcome.id);
		await n8n.publishWorkflow(replies.id);
		const baseUrl = await n8n.start();
		await n8n.waitForWebhook('linkedin-invite');
		const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok)
			throw new Error(`could not create the owner account: ${setup.status} ${await setup.text()}`);

		const webhook = `${baseUrl}/webhook/linkedin-invite`;
		const payload = {
			contact: {
				// Not one of the sample sheets' people: firing the curl first leaves them untouched.
				linkedin: 'https://www.linkedin.com/in/barbara-liskov/',
				note: 'Hi Barbara, shall we connect?',
			},
		};
		say('');
		say('  LinkedIn Connect demo is running. Everything below is LOCAL and SIMULATED:');
		say(
			`  the "Unipile" it talks to is a sandbox on ${fakeUrl}, the "LinkupAPI" one on ${linkupUrl}`,
		);
		say(
			`  and the "Unipile v2" one on ${unipileV2Url}/v2 (pick the credential "Unipile v2 sandbox" under Credential to connect with);`,
		);
		say('  nothing reaches LinkedIn. The sandbox remembers what you send until you stop the demo:');
		say(
			'  inviting the same person again is skipped (skipped_pending, where the member is looked up) or',
		);
		say('  refused by the sandbox, as the service would; every start is fresh.');
		say('');
		say(`  n8n:       ${baseUrl}`);
		say(`  log in:    ${OWNER.email} / ${OWNER.password}`);
		say(
			'  workflows: "LinkedIn Connect: sheet rows → Get Profile → Send Invitation" (click Execute workflow)',
		);
		say(
			'             "LinkedIn Connect (LinkupAPI): sheet rows → Send Invitation" (click Execute workflow)',
		);
		say(
			'             "LinkedIn Connect: withdraw invitations pending for more than 14 days" (scheduled; off)',
		);
		say(
			'             "LinkedIn Connect: CRM webhook → Send Invitation (422 …)" (published; fire it with:)',
		);
		say('');
		say(`  curl -s -X POST ${webhook} -H 'content-type: application/json' \\`);
		say(`    -d '${JSON.stringify(payload)}'`);
		say('');
		say(
			'  "LinkedIn Connect: invitation accepted → look up the profile → update the CRM" is published too;',
		);
		say('  simulate someone accepting an invitation (the sandbox calls n8n as Unipile would):');
		say(`  curl -s -X POST ${fakeUrl}/__sandbox/accept -H 'content-type: application/json' \\`);
		say(`    -d '{"member":"katherine-johnson","account_id":"acc_ada_sales"}'`);
		say(
			`  then see the run in n8n's Executions, and what reached the sandbox "CRM": ${fakeUrl}/__sandbox/crm`,
		);
		say('');
		say(
			'  "LinkedIn Connect: welcome new connections" is published as well (its wait shortened to 10 s here):',
		);
		say(
			'  10 s after that acceptance it writes to Katherine. Simulate her reply (the sandbox calls n8n',
		);
		say(
			'  as Unipile would; "mark replies in the CRM" is published and writes it to the sandbox CRM):',
		);
		say(`  curl -s -X POST ${fakeUrl}/__sandbox/reply -H 'content-type: application/json' \\`);
		say(
			`    -d '{"member":"katherine-johnson","account_id":"acc_ada_sales","text":"Thanks Ada, happy to connect!"}'`,
		);
		say('');
		say('  Ctrl-C stops n8n and the sandbox.');

		if (smoke) {
			const response = await fetch(webhook, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(payload),
			});
			const body = await response.json();
			// Simplify keeps the sandbox's label out of the item: the sandbox's own record proves it.
			if (
				response.status !== 200 ||
				!body.invitation_id ||
				!fake.invitations.some((invitation) => invitation.id === body.invitation_id)
			) {
				throw new Error(`the demo webhook answered ${response.status}: ${JSON.stringify(body)}`);
			}
			say(
				`\n  smoke: the webhook answered invitation ${body.invitation_id} (simulated: recorded by the local sandbox)`,
			);
			// The trigger sample: an acceptance reaches n8n, which looks the member up and writes to the CRM.
			for (let i = 0; i < 80 && !fake.webhooks.length; i++)
				await new Promise((r) => setTimeout(r, 250));
			await fake.simulateAcceptance('katherine-johnson', 'acc_ada_sales');
			for (let i = 0; i < 80 && !fake.crm.length; i++) await new Promise((r) => setTimeout(r, 250));
			if (!fake.crm.length)
				throw new Error('the accepted invitation did not reach the sandbox CRM');
			say(
				`  smoke: an accepted invitation reached the sandbox CRM: ${JSON.stringify(fake.crm[0].body)}`,
			);
			// The welcome goes out 10 s after the acceptance; then a reply reaches the CRM.
			const welcomed = () =>
				fake.conversation('acc_ada_sales', 'katherine-johnson').some((m) => m.from_me);
			for (let i = 0; i < 120 && !welcomed(); i++) await new Promise((r) => setTimeout(r, 250));
			if (!welcomed()) throw new Error('the welcome message was not sent');
			const crmBefore = fake.crm.length;
			await fake.simulateReply(
				'katherine-johnson',
				'acc_ada_sales',
				'Thanks Ada, happy to connect!',
			);
			for (let i = 0; i < 80 && fake.crm.length === crmBefore; i++)
				await new Promise((r) => setTimeout(r, 250));
			if (fake.crm.length === crmBefore) throw new Error('the reply did not reach the sandbox CRM');
			say(
				`  smoke: the welcome was sent and the reply reached the sandbox CRM: ${JSON.stringify(fake.crm.at(-1).body)}`,
			);
			await stop(0);
		}
	} catch (error) {
		say(`demo failed: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
		await stop(1);
	}
}

main().catch(exitOn);

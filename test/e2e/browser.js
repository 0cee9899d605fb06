/**
 * The editor, checked as a user sees it: headless Chromium (Debian's package) driven by
 * playwright-core against a running n8n. Asserts on the DOM and saves screenshots to
 * .cache/e2e-artifacts/ (git-ignored).
 */
'use strict';
const assert = require('node:assert/strict');
const { existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

// Under .cache (git-ignored, and a dot-folder that n8n-node build's icon copy never enters).
const ARTIFACTS = join(__dirname, '..', '..', '.cache', 'e2e-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'Sandbox-Passw0rd!',
};
// The flags a closed network needs: without them Chromium keeps dialling Google's hosts.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** Creates the owner account on a fresh n8n (idempotent: logs in when it exists). */
async function signIn(request, baseUrl) {
	const setup = await request.post(`${baseUrl}/rest/owner/setup`, { data: OWNER });
	if (setup.ok()) return;
	const login = await request.post(`${baseUrl}/rest/login`, {
		data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	assert.ok(login.ok(), `could not sign in to n8n: ${login.status()} ${await login.text()}`);
}

async function checkEditor({ baseUrl, fake }) {
	assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
	const { chromium } = require('playwright-core');
	rmSync(ARTIFACTS, { recursive: true, force: true });
	mkdirSync(ARTIFACTS, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	let page;
	try {
		// No animations: a screenshot never catches a list half faded in.
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			reducedMotion: 'reduce',
		});
		await context.addInitScript(() => {
			const still = () => {
				const style = document.createElement('style');
				style.textContent =
					'*, *::before, *::after { transition: none !important; animation: none !important; }';
				document.head.appendChild(style);
			};
			if (document.head) still();
			else document.addEventListener('DOMContentLoaded', still);
		});
		await signIn(context.request, baseUrl);
		page = await context.newPage();
		page.setDefaultTimeout(20_000);

		// The sample workflow, with our node's subtitle on the canvas.
		await page.goto(`${baseUrl}/workflow/lcSheetInvites01`);
		const sendNode = page.locator('[data-test-id="canvas-node"]', { hasText: 'Send Invitation' });
		await sendNode.waitFor();
		assert.match(await sendNode.innerText(), /send: invitation/);
		await page.screenshot({ path: join(ARTIFACTS, 'workflow.png') });

		// The node panel: operation, limits notice, locators, options.
		await sendNode.dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor();
		const panelText = await ndv.innerText();
		for (const text of [
			'Resource',
			'Invitation',
			'Operation',
			'Send',
			'Account',
			'Profile',
			'Message',
			'Options',
		]) {
			assert.ok(panelText.includes(text), `the node panel lacks "${text}"`);
		}
		assert.match(panelText, /LinkedIn allows about 80–100 invitations a day and 200 a week/);
		assert.match(
			panelText,
			/Options → Daily Cap and Weekly Cap to stay within them.*Delay Between Items/,
		);

		await ndv.locator('[data-test-id="parameter-input-operation"]').click();
		// The dropdown animates open: wait for its option before reading the list.
		await page
			.locator('.el-select-dropdown__item:visible', { hasText: 'connection invitation' })
			.first()
			.waitFor();
		const operations = await page
			.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
			.allInnerTexts();
		assert.ok(
			operations.some((o) => o.includes('Send')),
			`operation list: ${operations.join(', ')}`,
		);
		assert.ok(
			operations.some((o) => /connection invitation/.test(o)),
			`operation descriptions missing: ${operations.join(' | ')}`,
		);
		await page.keyboard.press('Escape');

		// Account locator, list mode: served by the fake service through our list search.
		fake.requests.length = 0;
		await ndv
			.locator('[data-test-id="resource-locator-accountId"] [data-test-id="rlc-input"]')
			.click();
		await page.getByText('Alan Turing (connected)').waitFor();
		for (const account of [
			'Ada Lovelace (connected)',
			'Grace Hopper (needs reconnecting)',
			'Alan Turing (connected)',
		]) {
			assert.ok(
				await page.getByText(account, { exact: true }).count(),
				`account "${account}" is not listed`,
			);
		}
		assert.ok(
			!(await page.getByText('Support line').count()),
			'a WhatsApp account must not be offered',
		);
		assert.ok(
			fake.requests.some((r) => r.path === '/api/v1/accounts'),
			'the account list did not come from the service',
		);
		await page.screenshot({ path: join(ARTIFACTS, 'account-list.png') });
		await page.getByText('Alan Turing (connected)').click();
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-test-id="resource-locator-accountId"] input')].some(
				(input) => input.value === 'Alan Turing (connected)',
			),
		);

		// Options offered for Send.
		await ndv.locator('[data-test-id="collection-parameter-add"]:visible').first().click();
		await page
			.locator('[data-test-id="collection-parameter-option"]', { hasText: 'Member Email' })
			.waitFor();
		const optionNames = await page
			.locator('[data-test-id="collection-parameter-option"]')
			.allInnerTexts();
		for (const name of [
			'Daily Cap',
			'Weekly Cap',
			'Delay Between Items',
			'Member Email',
			'Retries on Rate Limit or Outage',
			'Timeout (Seconds)',
		]) {
			assert.ok(
				optionNames.some((o) => o.includes(name)),
				`option "${name}" missing: ${optionNames.join(', ')}`,
			);
		}
		await page.keyboard.press('Escape');
		await page.screenshot({ path: join(ARTIFACTS, 'node-panel.png') });

		// The credential dialog: fields, the key masked, and n8n's credential test passing against the service.
		fake.requests.length = 0;
		await ndv.locator('[data-test-id="credential-edit-button"]').click();
		const dialog = page.locator('[data-test-id="editCredential-modal"]');
		await dialog.waitFor();
		await dialog.locator('[data-test-id="credentials-config-container-test-success"]').waitFor();
		const dialogText = await dialog.innerText();
		for (const text of ['Unipile API', 'DSN', 'API Key', 'Connection tested successfully']) {
			assert.ok(dialogText.includes(text), `the credential dialog lacks "${text}"`);
		}
		assert.ok(
			fake.requests.some((r) => r.path === '/api/v1/accounts'),
			"n8n's credential test did not reach the service",
		);
		const html = await page.content();
		assert.ok(!html.includes(fake.apiKey), 'the API key is visible in the page');
		await page.screenshot({ path: join(ARTIFACTS, 'credential-dialog.png') });
		await page.keyboard.press('Escape');

		// Field hints, on the webhook sample whose account is given by ID.
		await page.goto(`${baseUrl}/workflow/lcCrmWebhook0001`);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Send Invitation' }).dblclick();
		const parameters = page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		await parameters.waitFor();
		const parameterText = await parameters.innerText();
		assert.match(
			parameterText,
			/The account ID your service shows for the connected LinkedIn account/,
		);
		assert.match(parameterText, /Simplify/);
		await page.screenshot({ path: join(ARTIFACTS, 'webhook-node-panel.png') });

		// Choosing the service: a new credential offers both, with the Unipile / LinkupAPI choice.
		await page.locator('[data-test-id="ndv"] [data-test-id="node-credentials-select"]').click();
		await page.getByText('Create new credential').click();
		const newCredential = page.locator('[data-test-id="editCredential-modal"]');
		// n8n 2.8 lists the choice as "Connect using"; newer n8n puts it in a menu at the dialog's top.
		const connectUsing = newCredential.getByText('Connect using');
		const setup = newCredential.getByText('Setup credential');
		await connectUsing.or(setup).first().waitFor();
		let choiceText;
		if (await connectUsing.count()) {
			choiceText = await newCredential.innerText();
			// From a node set to Unipile, the dialog preselects Unipile (the first in the Service list).
			const selected = await newCredential
				.locator('.is-checked, [aria-checked="true"], input[type="radio"]:checked + *')
				.allInnerTexts();
			assert.match(selected.join(' | '), /Unipile/, `preselected: ${selected.join(' | ')}`);
		} else {
			await newCredential.getByText('Unipile', { exact: true }).first().click();
			// The menu lists each credential of the node by its service name.
			await page.getByText('LinkupAPI', { exact: true }).waitFor();
			const unipileShown = await page.getByText('Unipile', { exact: true }).count();
			assert.ok(unipileShown >= 2, 'the menu does not offer Unipile');
			choiceText = 'LinkupAPI | Unipile';
			await page.keyboard.press('Escape');
		}
		assert.match(choiceText, /LinkupAPI/);
		assert.match(choiceText, /Unipile/);
		await page.screenshot({ path: join(ARTIFACTS, 'new-credential.png') });
		await page.keyboard.press('Escape');

		// The trigger's panel: its events and modes, on the acceptance sample.
		await page.keyboard.press('Escape');
		await page.goto(`${baseUrl}/workflow/lcInviteAccepted`);
		await page
			.locator('[data-test-id="canvas-node"]', { hasText: 'Invitation accepted' })
			.dblclick();
		const triggerParameters = page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		await triggerParameters.waitFor();
		const triggerText = await triggerParameters.innerText();
		for (const text of ['Events', 'Mode', 'Invitation Accepted'])
			assert.ok(triggerText.includes(text), `the trigger panel lacks "${text}"`);
		await page.screenshot({ path: join(ARTIFACTS, 'trigger-panel.png') });
	} catch (error) {
		await page?.screenshot({ path: join(ARTIFACTS, 'failure.png') }).catch(() => {});
		throw error;
	} finally {
		await browser.close();
	}
}

module.exports = { checkEditor, ARTIFACTS };

/**
 * Messages in a real n8n, on every service: the two message examples (examples/welcome-new-
 * connections.json, examples/stop-follow-up-on-reply.json) as published, and copies of them for
 * LinkupAPI and Unipile v2. An acceptance starts the welcome (its wait shortened to seconds) and
 * the message goes out once; a member's reply starts the reply workflow; the scheduled follow-up
 * reads each conversation first and writes only to members who have not replied.
 */
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { setActive } = require('../sandbox');

/** The sandbox credential and account of each service (imported by run.js). */
const SERVICES = [
	{
		key: 'Unp',
		hex: 'a01',
		type: 'unipileApi',
		id: 'unipileSandbox01',
		name: 'Unipile sandbox',
		account: 'acc_ada_sales',
	},
	{
		key: 'Lnk',
		hex: 'b02',
		type: 'linkupApi',
		id: 'linkupSandbox001',
		name: 'LinkupAPI sandbox',
		account: 'acc_linkup_ada',
	},
	{
		key: 'Uv2',
		hex: 'c03',
		type: 'unipileV2Api',
		id: 'unipileV2Sandbox',
		name: 'Unipile v2 sandbox',
		account: 'acc_ada_sales',
	},
];

/**
 * A copy of an example for `service`, under its own id and webhook ids, its outgoing URLs at the
 * collector, its Wait shortened to `waitSeconds`; `keep` names the nodes kept (a branch of it).
 */
function exampleCopy(
	file,
	service,
	folder,
	{ collectorUrl, waitSeconds = 3, keep, manual, replace = {} } = {},
) {
	const workflow = JSON.parse(
		readFileSync(file, 'utf8')
			.split('https://crm.example.com')
			.join(collectorUrl ?? 'https://crm.example.com'),
	);
	workflow.id = `${workflow.id.slice(0, 12)}${service.key}${manual ? 'R' : ''}`.slice(0, 16);
	workflow.name = `${workflow.name} (${service.name})`;
	if (keep) {
		workflow.nodes = workflow.nodes.filter((node) => keep.includes(node.name));
		workflow.connections = Object.fromEntries(
			Object.entries(workflow.connections).filter(([from]) => keep.includes(from)),
		);
	}
	for (const node of workflow.nodes) {
		// A node the sandbox cannot run (a Google Sheet) stands in as another (an HTTP Request to the collector).
		if (replace[node.name]) Object.assign(node, replace[node.name]);
		if (node.credentials?.unipileApi)
			node.credentials = { [service.type]: { id: service.id, name: service.name } };
		if (node.parameters?.authentication === 'unipileApi')
			node.parameters.authentication = service.type;
		if (node.parameters?.accountId?.value === 'acc_ada_sales')
			node.parameters.accountId.value = service.account;
		if (node.webhookId)
			node.webhookId = `${node.webhookId.slice(0, 32)}${service.hex}${manual ? '1' : '0'}`;
		if (node.type === 'n8n-nodes-base.wait')
			Object.assign(node.parameters, { amount: waitSeconds, unit: 'seconds' });
		if (manual && node.type === 'n8n-nodes-base.scheduleTrigger')
			Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		// The e2e run does not wait minutes between two follow-ups.
		if (node.parameters?.options?.delayBetweenItems)
			delete node.parameters.options.delayBetweenItems;
	}
	const copy = join(folder, `${workflow.id}.json`);
	writeFileSync(copy, JSON.stringify(workflow));
	return { file: copy, id: workflow.id };
}

const SAM = 'ACoAAEEEsamSales000000000000000000000000';
const LINUS = 'ACoAADDDlinusTorvalds00000000000000000000';

/** A fake's requests as a log line (LinkupAPI's actions named: its routes take several). */
function requestLog(requests) {
	return requests
		.map((r) => `${r.method} ${r.path}${r.body?.action ? ` (${r.body.action})` : ''}`)
		.join(', ');
}

/** Copies of the examples for every service, to import with the others (all inactive). */
function messageWorkflows(examples, folder, collectorUrl) {
	const copies = { followUp: {}, welcome: {}, reply: {} };
	for (const service of SERVICES) {
		copies.followUp[service.key] = exampleCopy(
			join(examples, 'stop-follow-up-on-reply.json'),
			service,
			folder,
			{
				collectorUrl,
				manual: true,
				keep: [
					'Every weekday at 10:00',
					'Members to follow up',
					'Conversation',
					'Not replied yet',
					'Follow-up message',
				],
			},
		);
		copies.welcome[service.key] = exampleCopy(
			join(examples, 'welcome-new-connections.json'),
			service,
			folder,
			{
				collectorUrl,
			},
		);
		copies.reply[service.key] = exampleCopy(
			join(examples, 'stop-follow-up-on-reply.json'),
			service,
			folder,
			{
				collectorUrl,
				keep: ['Message received', 'Mark as replied'],
			},
		);
	}
	return copies;
}

/** Before `n8n start`: the scheduled follow-up, run with `n8n execute` for every service. */
async function followUps({ scenario, assert, n8n, fakes, collector, nodeOutput, copies, log }) {
	await scenario(
		'examples/stop-follow-up-on-reply.json (scheduled part), every service: each conversation is read first; the member who replied gets nothing, the other one the follow-up',
		async () => {
			collector.serve('/api/linkedin/follow-ups', [
				{ provider_id: SAM, first_name: 'Sam' },
				{ provider_id: LINUS, first_name: 'Linus' },
			]);
			for (const service of SERVICES) {
				const fake = fakes[service.key];
				await fake.simulateAcceptance('sam-sales', service.account);
				await fake.simulateReply('sam-sales', service.account, 'Thanks, not right now.');
				fake.requests.length = 0;
				const { run } = await n8n.execute(copies.followUp[service.key].id);
				const sent = nodeOutput(run, 'Follow-up message');
				assert.deepEqual(
					sent.map((item) => [item.json.provider_id, item.json.status]),
					[[LINUS, 'sent']],
					`${service.name}: ${JSON.stringify(sent.map((item) => item.json))}`,
				);
				assert.match(
					fake.conversation(service.account, 'linus-t')[0].text,
					/^Hi Linus, just following up/,
				);
				assert.equal(
					fake.conversation(service.account, 'sam-sales')[0].text,
					'Thanks, not right now.',
				);
				assert.equal(
					fake.messageRequests().length,
					1,
					`${service.name} sent more than one message`,
				);
				log.push(`${service.name} follow-up run: ${requestLog(fake.requests)}`);
			}
		},
	);
}

/** With n8n running and no other trigger active: welcome after an acceptance, and replies, on every service. */
async function liveMessages({
	scenario,
	assert,
	baseUrl,
	signIn,
	fakes,
	collector,
	eventually,
	copies,
	log,
}) {
	await scenario(
		"Messages, every service: accepted → wait (3 s) → the welcome message, sent once; the member replies → the reply workflow runs (the account's own message starts nothing)",
		async () => {
			const cookie = await signIn(baseUrl);
			const ids = SERVICES.flatMap((service) => [
				copies.welcome[service.key].id,
				copies.reply[service.key].id,
			]);
			for (const id of ids) await setActive(baseUrl, cookie, id, true);
			try {
				for (const service of SERVICES) {
					const fake = fakes[service.key];
					// Unipile v1 needs a users and a messaging webhook; the others one each workflow.
					await eventually(
						() => fake.webhooks.length === 2,
						`${service.name}: the two webhooks were not registered`,
					);
					fake.requests.length = 0;
					const replied = () => collector.at('/api/linkedin/replied').length;
					const before = replied();
					const [accepted] = await fake.simulateAcceptance('jérôme-dupont', service.account);
					assert.equal(accepted.status, 200, accepted.answer);
					const welcomed = () =>
						fake.conversation(service.account, 'jérôme-dupont').filter((m) => m.from_me);
					await eventually(
						() => welcomed().length === 1,
						`${service.name}: no welcome message`,
						30_000,
					);
					assert.match(welcomed()[0].text, /^Thanks for connecting, Jérôme!/);
					const sentLog = requestLog(fake.requests);
					// Unipile tells its messaging webhook of the account's own message too: it must start nothing.
					await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
					assert.equal(
						replied(),
						before,
						`${service.name}: the account's own message started the reply workflow`,
					);

					const [delivery] = await fake.simulateReply(
						'jérôme-dupont',
						service.account,
						'Merci, Ada !',
					);
					assert.equal(delivery.status, 200, delivery.answer);
					await eventually(
						() => replied() === before + 1,
						`${service.name}: the reply did not run`,
					);
					const written = collector.at('/api/linkedin/replied').at(-1).body;
					assert.equal(written.text, 'Merci, Ada !');
					assert.equal(written.name, 'Jérôme Dupont');
					assert.equal(welcomed().length, 1, `${service.name}: the welcome was sent twice`);
					log.push(
						`${service.name}: an acceptance delivered → n8n ${accepted.status} → wait 3 s → ${sentLog}; reply delivered → n8n ${delivery.status} → CRM got ${JSON.stringify(written)}`,
					);
				}
			} finally {
				for (const id of ids) await setActive(baseUrl, cookie, id, false).catch(() => undefined);
			}
			await eventually(
				() => SERVICES.every((service) => fakes[service.key].webhooks.length === 0),
				'the message webhooks were not removed',
			);
		},
	);
}

module.exports = { SERVICES, exampleCopy, messageWorkflows, followUps, liveMessages };

/**
 * End-to-end: an AI Agent uses LinkedIn Connect as its tools, in a real n8n (`n8n execute`). The
 * workflow (workflows/ai-agent-invite.json): Manual Trigger → Chat message (Edit Fields, chatInput)
 * → AI Agent, with an OpenAI Chat Model on the fake model server (test/fakes/chatModel.js) and two
 * LinkedIn Connect nodes on its ai_tool input, Get Profile and Send Invitation, whose Profile (and
 * note) the model fills through $fromAI(). Both tools have Settings → On Error → Continue, so a
 * failed call reaches the model as its result instead of ending the execution.
 *
 * How n8n runs it (n8n 2.8.4 source):
 * - A community node with `usableAsTool: true` gets a tool twin, type `<package>.<node>Tool`
 *   (packages/cli/src/tool-generation/ai-tools.ts, convertNodeToAiTool; the editor's list:
 *   packages/cli/src/modules/community-packages/community-node-types.service.ts, createAiTools).
 *   No setting is needed: 2.8.4 reads no N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE.
 * - The tool the model sees: name = node name with anything but [a-zA-Z0-9_-] as `_`
 *   (packages/workflow/src/tool-helpers.ts, nodeNameToToolName); description = the node's Tool
 *   Description, by default `<operation's action> in <node's default name>` (node-helpers.ts,
 *   makeDescription); parameters = one required string per $fromAI() key, described by its $fromAI
 *   description (packages/core/src/execution-engine/node-execution-context/utils/
 *   create-node-as-tool.ts, getSchema). None of the node's own field descriptions reach the model.
 * - Agent v3 has each tool call run by the workflow engine as a run of the tool node, with one
 *   input item (an engine request: packages/core/src/execution-engine/requests-response.ts); the
 *   output items go back to the model as JSON text (@n8n/n8n-nodes-langchain
 *   utils/agent-execution/buildSteps.ts, buildObservation). A tool node that fails ends the
 *   execution with its error, unless its On Error setting continues: then its error item is the
 *   result the model reads (tried on 2.8.4).
 */
'use strict';
const { join } = require('node:path');
const { FakeChatModel } = require('../../fakes/chatModel');

const MODEL_KEY = 'e2e-model-Secret/Key+45';
const MEMBER = 'barbara-liskov';
const MEMBER_ID = 'ACoAAHHHbarbaraLiskov0000000000000000000';
const WORKFLOW_ID = 'lcAiAgentInvite1';

/** A tool node's items for each of its runs (a tool's output is logged under ai_tool). */
function toolRuns(assert, run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	assert.ok(runs, `tool "${nodeName}" never ran`);
	return runs.map((r) => (r.data?.ai_tool?.[0] ?? r.data?.main?.[0] ?? []).map((i) => i.json));
}

async function aiAgent({
	scenario,
	assert,
	n8n,
	fake,
	nodeOutput,
	expectNoSecretIn,
	UNIPILE_KEY,
	WORKFLOWS,
}) {
	const model = new FakeChatModel({ apiKey: MODEL_KEY });
	const modelUrl = await model.start();

	/** Runs the workflow on fresh fakes; checks what every run must show, returns what differs. */
	async function runAgent() {
		fake.reset();
		model.reset();
		const { run } = await n8n.execute(WORKFLOW_ID);
		const failure = run.data.resultData.error;
		assert.equal(
			failure,
			undefined,
			`the run failed: ${failure?.message}\nmodel log:\n${model.log().join('\n')}`,
		);
		// The service: Get Profile's lookup, Send Invitation's lookup (by URL, Skip If Connected or
		// Pending checks the member on the way), one invitation; nothing else.
		const serviceLog = fake.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
		assert.deepEqual(serviceLog, [
			`GET /api/v1/users/${MEMBER}`,
			`GET /api/v1/users/${MEMBER}`,
			'POST /api/v1/users/invite',
		]);
		const invited = fake.invitations.filter((i) => i.provider_id === MEMBER_ID);
		assert.equal(invited.length, 1, `${invited.length} invitations to ${MEMBER}`);
		assert.equal(invited[0].message, 'Hi Barbara, I would be glad to connect.');
		assert.equal(fake.invitations.length, 1);
		// The agent's answer carries the status the tool returned.
		const [answer] = nodeOutput(run, 'AI Agent');
		assert.match(
			answer.json.output,
			/^Invitation to Barbara Liskov: status sent \(invitation \d+\)/,
		);
		const completions = model.requests.filter((r) => r.path === '/v1/chat/completions');
		for (const request of completions) {
			assert.equal(request.headers.authorization, `Bearer ${MODEL_KEY}`);
			assert.equal(request.body.model, 'fake-tool-model');
		}
		// The service's key never reaches the model (tool results carry no credential), nor the
		// model's key the service.
		expectNoSecretIn(JSON.stringify(model.requests), UNIPILE_KEY, "the model's requests");
		expectNoSecretIn(JSON.stringify(fake.requests), MODEL_KEY, "the service's requests");
		const logs = [
			'      service (Unipile v1 fake) log:',
			...serviceLog.map((line) => `        ${line}`),
			'      model (OpenAI-compatible fake) log:',
			...model.log().map((line) => `        ${line}`),
			`      agent output: ${answer.json.output}`,
		];
		return { run, completions, answer: answer.json.output, logs };
	}

	try {
		await n8n.importCredentials([
			{
				id: 'openAiSandbox001',
				name: 'OpenAI-compatible sandbox',
				type: 'openAiApi',
				// `url`: the credential's Base URL (n8n-nodes-base credentials/OpenAiApi.credentials.ts).
				data: { apiKey: MODEL_KEY, url: `${modelUrl}/v1` },
			},
		]);
		await n8n.importWorkflows([join(WORKFLOWS, 'ai-agent-invite.json')]);

		await scenario(
			'n8n execute: an AI Agent (OpenAI-compatible model) calls LinkedIn Connect as tools, Get Profile then Send Invitation: one invitation, its status in the answer, a described tool schema',
			async () => {
				model.nameFirst = false;
				const { run, completions, logs } = await runAgent();

				// Each tool call was its own run of its node, with one item.
				const profiles = toolRuns(assert, run, 'Get Profile');
				const sends = toolRuns(assert, run, 'Send Invitation');
				assert.equal(profiles.length, 1);
				assert.equal(sends.length, 1);
				assert.equal(profiles[0][0].provider_id, MEMBER_ID);
				assert.equal(sends[0][0].status, 'sent');

				// Three completions, not streamed; the tool results came back to the model.
				assert.equal(completions.length, 3, model.log().join('\n'));
				assert.ok(completions.every((r) => !r.body.stream));
				const toolMessages = completions[2].body.messages.filter((m) => m.role === 'tool');
				assert.equal(toolMessages.length, 2);
				assert.match(toolMessages[0].content, new RegExp(`"provider_id":"${MEMBER_ID}"`));
				assert.match(toolMessages[1].content, /"status":"sent"/);

				// The tool schema: the two tools, named after their nodes, described by their operation,
				// taking only the $fromAI() keys, each one described.
				const tools = completions[0].body.tools
					.map((t) => t.function)
					.sort((a, b) => a.name.localeCompare(b.name));
				assert.deepEqual(
					tools.map((t) => [t.name, t.description]),
					[
						['Get_Profile', 'Get a profile in LinkedIn Connect'],
						['Send_Invitation', 'Send an invitation in LinkedIn Connect'],
					],
				);
				const [lookup, send] = tools;
				assert.deepEqual(Object.keys(lookup.parameters.properties), ['profile_url']);
				assert.deepEqual(Object.keys(send.parameters.properties), ['profile_url', 'note']);
				for (const tool of tools) {
					assert.equal(tool.parameters.type, 'object');
					assert.equal(tool.parameters.additionalProperties, false);
					assert.deepEqual(tool.parameters.required, Object.keys(tool.parameters.properties));
					for (const [key, property] of Object.entries(tool.parameters.properties)) {
						assert.equal(property.type, 'string', `${tool.name}.${key}`);
						assert.ok(
							String(property.description).length >= 40,
							`${tool.name}.${key} has no clear description: ${property.description}`,
						);
					}
				}
				assert.match(lookup.parameters.properties.profile_url.description, /linkedin\.com\/in\//);
				assert.match(send.parameters.properties.profile_url.description, /linkedin\.com\/in\//);
				assert.match(send.parameters.properties.note.description, /at most 300 characters/);
				assert.match(send.parameters.properties.note.description, /empty string/);

				process.stdout.write(
					[
						...logs,
						'      tools as the model received them:',
						...tools.map(
							(t) =>
								`        ${t.name}: "${t.description}" ${JSON.stringify(t.parameters.properties)}`,
						),
						'',
					].join('\n'),
				);
			},
		);

		await scenario(
			"n8n execute: AI Agent, the model's mistake (a name for the profile URL) comes back to it as Get Profile's error, nothing is sent for it, and its retry with the URL invites once",
			async () => {
				model.nameFirst = true;
				const { run, completions, logs } = await runAgent();
				const profiles = toolRuns(assert, run, 'Get Profile');
				assert.equal(profiles.length, 2, 'Get Profile should have run twice');
				assert.match(profiles[0][0].error, /^'Profile' looks like a person's name/);
				assert.match(profiles[0][0].error, /"Barbara Liskov"/);
				assert.equal(profiles[1][0].provider_id, MEMBER_ID);
				assert.equal(toolRuns(assert, run, 'Send Invitation').length, 1);
				assert.equal(completions.length, 4, model.log().join('\n'));
				const [failed] = completions[1].body.messages.filter((m) => m.role === 'tool');
				assert.match(failed.content, /"error":"'Profile' looks like a person's name/);
				assert.match(
					failed.content,
					/Give the member's profile URL such as https:\/\/www\.linkedin\.com\/in\/julien-crepieux\//,
				);
				process.stdout.write(`${logs.join('\n')}\n`);
			},
		);
	} finally {
		await model.stop();
	}
}

module.exports = { aiAgent };

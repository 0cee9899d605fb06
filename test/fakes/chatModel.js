/**
 * A fake OpenAI-compatible chat model, for proving the AI Agent path in a real n8n: n8n's OpenAI
 * Chat Model node (`@n8n/n8n-nodes-langchain.lmChatOpenAi`, "Use Responses API" off) talks to it
 * through the `openAiApi` credential's Base URL (`url`). It plays a scripted model that looks a
 * member up, invites them, and reports the invitation's status, and it records every request, so
 * a test can read the tool schemas n8n sent.
 *
 * Wire format: OpenAI's Chat Completions API (platform.openai.com/docs/api-reference/chat/create,
 * …/chat/object, …/chat/streaming), as typed by the `openai` SDK n8n's model node uses
 * (@langchain/openai → openai@6, resources/chat/completions/completions.d.ts):
 * - POST {baseURL}/chat/completions with `model`, `messages` (roles system, user, assistant, tool)
 *   and `tools`: [{ type: 'function', function: { name, description, parameters: JSON Schema } }].
 * - A tool request: choices[0].message = { role: 'assistant', content: null, tool_calls: [{ id,
 *   type: 'function', function: { name, arguments: a JSON *string* } }] }, finish_reason
 *   'tool_calls'. The tool's result comes back as a { role: 'tool', tool_call_id, content } message.
 * - A final answer: message.content text, finish_reason 'stop'.
 * - `stream: true`: Server-Sent Events, one `data: <chat.completion.chunk>` per event (the message in
 *   `choices[0].delta`), then `data: [DONE]`. n8n 2.8.4's agent sends `stream: false`
 *   (ToolsAgent/V3/helpers/createAgentSequence.js builds it with `streamRunnable: false`); it
 *   streams only when its trigger streams the response, and then this fake answers the same way.
 * - GET {baseURL}/models: { object: 'list', data: [{ id, object: 'model', created, owned_by }] }
 *   (the credential's test and the model list call it).
 * - Errors: { error: { message, type, code } } with the HTTP status.
 * Authentication: `Authorization: Bearer <API key>` (what n8n's OpenAiApi credential sets).
 *
 * The script, not a model: the 1st call asks for the lookup tool with the first linkedin.com/in/ URL
 * in the user's message, the 2nd for the invitation tool with the same URL (and a note naming the
 * member the lookup returned), the 3rd answers in text with the status the invitation tool gave.
 * With `nameFirst`, the first lookup passes the member's name instead (a model's typical mistake)
 * and, when an error comes back as the tool's result, the lookup is retried with the URL.
 * Tool arguments are filled from the tool's JSON Schema: a property named like a URL or profile gets
 * the URL, one named like a note or message the note; any other property is refused, so a schema
 * that grows a field this test does not know about fails loudly.
 */
'use strict';
const http = require('node:http');

const MODEL_ID = 'fake-tool-model';

class FakeChatModel {
	/**
	 * @param {{ apiKey: string, lookupTool?: string, inviteTool?: string, nameFirst?: boolean }} options
	 * lookupTool, inviteTool: the tools' names as n8n sends them (the node names, spaces → `_`:
	 * n8n-workflow's nodeNameToToolName). nameFirst: make a model's mistake first, looking the
	 * member up by their name instead of the URL, then retry with the URL once the tool's error
	 * comes back.
	 */
	constructor({
		apiKey,
		lookupTool = 'Get_Profile',
		inviteTool = 'Send_Invitation',
		nameFirst = false,
	}) {
		this.apiKey = apiKey;
		this.nameFirst = nameFirst;
		this.lookupTool = lookupTool;
		this.inviteTool = inviteTool;
		this.url = undefined;
		/** @type {Array<{method: string, path: string, headers: Record<string, any>, body: any, at: number, answer?: any}>} */
		this.requests = [];
		this.calls = 0;
		this.server = http.createServer((req, res) => this.handle(req, res));
	}

	reset() {
		this.requests = [];
		this.calls = 0;
	}

	async start(port = 0, host = '127.0.0.1') {
		await new Promise((resolve) => this.server.listen(port, host, resolve));
		this.url = `http://${host}:${this.server.address().port}`;
		return this.url;
	}

	async stop() {
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** One line per request: method, path and what the model answered (for a test's output). */
	log() {
		return this.requests.map((r) => {
			const answer = r.answer?.tool_calls
				? r.answer.tool_calls
						.map((call) => `tool_calls ${call.function.name}(${call.function.arguments})`)
						.join(', ')
				: r.answer?.content !== undefined
					? `"${r.answer.content}"`
					: (r.answer?.error ?? '');
			const stream = r.body?.stream ? ' (stream)' : '';
			return `${r.method} ${r.path}${stream}${answer ? ` → ${answer}` : ''}`;
		});
	}

	handle(req, res) {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			const path = new URL(req.url, 'http://fake').pathname;
			const record = { method: req.method, path, headers: req.headers, body, at: Date.now() };
			this.requests.push(record);
			const fail = (status, message, type, code) => {
				record.answer = { error: `${status} ${message}` };
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message, type, param: null, code } }));
			};
			if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
				return fail(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
			}
			if (req.method === 'GET' && path === '/v1/models') {
				res.writeHead(200, { 'content-type': 'application/json' });
				return res.end(
					JSON.stringify({
						object: 'list',
						data: [{ id: MODEL_ID, object: 'model', created: 1700000000, owned_by: 'sandbox' }],
					}),
				);
			}
			if (req.method !== 'POST' || path !== '/v1/chat/completions') {
				return fail(404, `Unknown request ${req.method} ${path}`, 'invalid_request_error', null);
			}
			let message;
			try {
				message = this.next(body);
			} catch (error) {
				return fail(400, error.message, 'invalid_request_error', null);
			}
			record.answer = message;
			this.answer(res, body, message);
		});
	}

	/**
	 * The scripted assistant message for this conversation, read from its history: the tool calls
	 * the assistant made (with their ids) and the tool results that answer them.
	 */
	next(body) {
		this.calls++;
		const messages = Array.isArray(body?.messages) ? body.messages : [];
		const tools = Array.isArray(body?.tools) ? body.tools : [];
		const userText = messages
			.filter((m) => m.role === 'user')
			.map((m) => textOf(m.content))
			.join('\n');
		const profileUrl = /https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/[^\s"'<>),]+/i.exec(
			userText,
		)?.[0];
		if (!profileUrl) return { role: 'assistant', content: 'Which LinkedIn profile should I use?' };
		const history = [];
		for (const m of messages) {
			if (m.role === 'assistant')
				for (const call of m.tool_calls ?? [])
					history.push({ id: call.id, name: call.function?.name, result: undefined });
			if (m.role === 'tool') {
				const call = history.find((h) => h.id === m.tool_call_id);
				if (call) call.result = parseResult(m.content);
			}
		}
		const lookups = history.filter((h) => h.name === this.lookupTool);
		const invites = history.filter((h) => h.name === this.inviteTool);
		const lookup = lookups.at(-1);
		if (!lookup) {
			// The scripted mistake: the member's name (guessed from the URL) instead of the URL.
			const name = profileUrl
				.replace(/\/+$/, '')
				.split('/')
				.pop()
				.split('-')
				.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
				.join(' ');
			return this.toolCall(tools, this.lookupTool, {
				profileUrl: this.nameFirst ? name : profileUrl,
			});
		}
		if (lookup.result?.error) {
			// Reads the error and tries once more, with the URL.
			if (lookups.length < 2) return this.toolCall(tools, this.lookupTool, { profileUrl });
			return { role: 'assistant', content: `The lookup failed: ${lookup.result.error}` };
		}
		const profile = lookup.result ?? {};
		if (!invites.length) {
			const name = profile.first_name ?? profile.full_name;
			const note = name ? `Hi ${name}, I would be glad to connect.` : '';
			return this.toolCall(tools, this.inviteTool, { profileUrl, note });
		}
		const invitation = invites.at(-1).result ?? {};
		if (invitation.error)
			return { role: 'assistant', content: `The invitation failed: ${invitation.error}` };
		const who = invitation.full_name ?? profile.full_name ?? profileUrl;
		return {
			role: 'assistant',
			content: `Invitation to ${who}: status ${invitation.status}${invitation.invitation_id ? ` (invitation ${invitation.invitation_id})` : ''}.`,
		};
	}

	/** An assistant message calling `name`, its arguments filled from the tool's JSON Schema. */
	toolCall(tools, name, values) {
		const tool = tools.find((t) => t?.function?.name === name);
		if (!tool) {
			throw new Error(
				`The fake model needs a tool named ${name}; the request offered: ${tools.map((t) => t?.function?.name).join(', ') || 'none'}`,
			);
		}
		const args = {};
		for (const key of Object.keys(tool.function.parameters?.properties ?? {})) {
			if (/url|profile/i.test(key)) args[key] = values.profileUrl;
			else if (/note|message/i.test(key)) args[key] = values.note ?? '';
			else throw new Error(`The fake model does not know what to put in ${name}'s "${key}"`);
		}
		return {
			role: 'assistant',
			content: null,
			tool_calls: [
				{
					id: `call_${this.calls}_${name}`,
					type: 'function',
					function: { name, arguments: JSON.stringify(args) },
				},
			],
		};
	}

	answer(res, body, message) {
		const id = `chatcmpl-fake-${this.calls}`;
		const created = Math.floor(Date.now() / 1000);
		const finish_reason = message.tool_calls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
		if (!body.stream) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id,
					object: 'chat.completion',
					created,
					model: body.model ?? MODEL_ID,
					choices: [{ index: 0, message, logprobs: null, finish_reason }],
					usage,
				}),
			);
			return;
		}
		// Streaming: the role and content (or the tool call, with its index) in one delta, then the
		// finish reason in an empty delta, then usage if asked (stream_options.include_usage), then [DONE].
		const chunk = (choices, extra = {}) =>
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? MODEL_ID, choices, ...extra })}\n\n`;
		const delta = message.tool_calls
			? {
					role: 'assistant',
					content: null,
					tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
				}
			: { role: 'assistant', content: message.content };
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		res.write(chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]));
		res.write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason }]));
		if (body.stream_options?.include_usage) res.write(chunk([], { usage }));
		res.end('data: [DONE]\n\n');
	}
}

/** A message's text: a string, or the text parts of a content array. */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part?.text ?? '').join('');
	return '';
}

/**
 * A tool result as the agent sends it: the tool node's output items' JSON, as a JSON text (n8n's
 * utils/agent-execution/buildSteps.js, buildObservation), or `{ error }` when the node failed.
 * Returns the first item's fields.
 */
function parseResult(content) {
	const text = textOf(content);
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return { error: text };
	}
	while (Array.isArray(value)) value = value[0];
	if (typeof value?.response === 'string') return parseResult(value.response);
	return value && typeof value === 'object' ? value : { error: text };
}

module.exports = { FakeChatModel, MODEL_ID };

if (require.main === module) {
	const model = new FakeChatModel({ apiKey: process.env.FAKE_MODEL_KEY ?? 'sandbox-model-key' });
	model.start(Number(process.argv[2] ?? 0)).then((url) => {
		process.stdout.write(`fake chat model on ${url}/v1 (key: ${model.apiKey})\n`);
	});
}

/**
 * The fake Unipile speaks Unipile's documented wire format: every answer it gives (successes and
 * errors, each route we call) is validated against the response schemas of Unipile's v1 OpenAPI
 * document, the subset committed beside this file (see its info.x-subset for what was trimmed).
 * Answers no document shows are listed below as assumptions and checked to be the only exceptions.
 * The search bodies the node builds are validated against the route's request schema too.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { IDataObject } from 'n8n-workflow';
import { unipileSearch } from '../../nodes/core/services/unipile/search';
import type { SearchInput } from '../../nodes/core/services/types';
import type { ServiceClient, ServiceRequest } from '../../nodes/core/transport/types';
import { FakeUnipile } from '../fakes/unipile';
import openapi from './unipile-v1.openapi.json';

type Schema = Record<string, unknown>;

/** Error types the fake answers that the v1 spec does not list (see the fake's ASSUMPTION notes). */
const ASSUMED_ERROR_TYPES = new Set(['errors/already_connected']);
/** Statuses the fake answers on routes whose spec lists no such answer (see the fake's ASSUMPTION notes). */
const ASSUMED_STATUSES = new Set([
	'post /api/v1/users/invite/received/{invitation_id} 400',
	'post /api/v1/users/invite/received/{invitation_id} 404',
	// The spec lists no 400 for writing in a chat; the fake refuses a body that is not multipart so.
	'post /api/v1/chats/{chat_id}/messages 400',
]);

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type; annotations are dropped. */
function toJsonSchema(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(toJsonSchema);
	if (!schema || typeof schema !== 'object') return schema;
	const source = schema as Schema;
	const out: Schema = {};
	for (const [key, value] of Object.entries(source)) {
		if (['nullable', 'example', 'title', 'description', 'format', 'default'].includes(key))
			continue;
		out[key] =
			key === 'properties'
				? Object.fromEntries(
						Object.entries(value as Schema).map(([name, property]) => [
							name,
							toJsonSchema(property),
						]),
					)
				: toJsonSchema(value);
	}
	if (source.nullable === true) {
		if (out.type === undefined && out.anyOf === undefined) return { type: 'null' };
		if (typeof out.type === 'string') out.type = [out.type, 'null'];
		if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
	}
	return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
const paths = openapi.paths as unknown as Record<string, Record<string, { responses: Schema }>>;

function validatorFor(path: string, method: string, status: number): ValidateFunction {
	const responses = paths[path]?.[method]?.responses as
		| Record<string, { content?: { 'application/json'?: { schema: unknown } } }>
		| undefined;
	const schema = responses?.[String(status)]?.content?.['application/json']?.schema;
	if (!schema)
		throw new Error(`the spec has no ${status} answer for ${method.toUpperCase()} ${path}`);
	return ajv.compile(toJsonSchema(schema) as Schema);
}

/** The spec's path template for a concrete request path. */
function templateOf(method: string, path: string): string {
	if (path === '/api/v1/accounts') return path;
	if (
		[
			'/api/v1/users/invite',
			'/api/v1/users/invite/sent',
			'/api/v1/users/invite/received',
			'/api/v1/users/me',
			'/api/v1/users/relations',
		].includes(path)
	)
		return path;
	if (path === '/api/v1/webhooks') return path;
	if (path === '/api/v1/linkedin/search' || path === '/api/v1/linkedin/search/parameters')
		return path;
	if (method === 'post' && path === '/api/v1/chats') return path;
	if (/^\/api\/v1\/chats\/[^/]+\/messages$/.test(path)) return '/api/v1/chats/{chat_id}/messages';
	if (method === 'get' && /^\/api\/v1\/chat_attendees\/[^/]+\/chats$/.test(path))
		return '/api/v1/chat_attendees/{attendee_id}/chats';
	if (method === 'delete' && path.startsWith('/api/v1/webhooks/')) return '/api/v1/webhooks/{id}';
	if (method === 'post' && path.startsWith('/api/v1/users/invite/received/'))
		return '/api/v1/users/invite/received/{invitation_id}';
	if (method === 'delete' && path.startsWith('/api/v1/users/invite/sent/'))
		return '/api/v1/users/invite/sent/{invitation_id}';
	if (method === 'get' && /^\/api\/v1\/users\/[^/]+$/.test(path))
		return '/api/v1/users/{identifier}';
	throw new Error(`no spec path for ${method} ${path}`);
}

const fake = new FakeUnipile({ apiKey: 'contract-key' });
let base = '';
beforeAll(async () => {
	base = await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

async function call(method: string, path: string, body?: object, apiKey = 'contract-key') {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	return { status: response.status, body: (await response.json()) as Schema };
}

/** A multipart/form-data request, as the chat routes take (a list: one field per value). */
async function callForm(path: string, fields: Record<string, string | string[]>) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'x-api-key': 'contract-key' },
		body: form,
	});
	return { status: response.status, body: (await response.json()) as Schema };
}

function expectDocumented(method: string, path: string, answer: { status: number; body: Schema }) {
	const template = templateOf(method.toLowerCase(), new URL(path, 'http://x').pathname);
	if (answer.status >= 400 && ASSUMED_ERROR_TYPES.has(String(answer.body.type))) return;
	if (ASSUMED_STATUSES.has(`${method.toLowerCase()} ${template} ${answer.status}`)) return;
	const validate = validatorFor(template, method.toLowerCase(), answer.status);
	expect({
		[`${method} ${path} → ${answer.status}`]: validate(answer.body) ? [] : validate.errors,
	}).toEqual({ [`${method} ${path} → ${answer.status}`]: [] });
}

const ADA = 'acc_ada_sales';
const JULIEN_ID = 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E';
const LINUS_ID = 'ACoAADDDlinusTorvalds00000000000000000000';

describe('the fake Unipile answers as the v1 OpenAPI document describes', () => {
	it.each([
		['GET', '/api/v1/accounts'],
		['GET', '/api/v1/accounts?limit=2'],
		['GET', `/api/v1/users/julien-crepieux?account_id=${ADA}`],
		['GET', `/api/v1/users/${JULIEN_ID}?account_id=${ADA}&linkedin_sections=*`],
		['GET', `/api/v1/users/linus-t?account_id=${ADA}&linkedin_sections=experience,skills`],
		['GET', `/api/v1/users/invite/sent?account_id=${ADA}`],
		['GET', `/api/v1/users/invite/received?account_id=${ADA}`],
		['GET', `/api/v1/users/rosalind-franklin?account_id=${ADA}`],
		['GET', `/api/v1/users/me?account_id=${ADA}`],
		['GET', `/api/v1/users/relations?account_id=${ADA}`],
		['GET', `/api/v1/users/relations?account_id=${ADA}&filter=linus&limit=1000`],
	])('%s %s', async (method, path) => {
		expectDocumented(method, path, await call(method, path));
	});

	it('invitations: send, list (exact and day dates), cancel', async () => {
		const sent = await call('POST', '/api/v1/users/invite', {
			provider_id: JULIEN_ID,
			account_id: ADA,
			message: 'Hello',
		});
		expect(sent.status).toBe(200);
		expectDocumented('POST', '/api/v1/users/invite', sent);

		fake.usageEvery = 1;
		const withUsage = await call('POST', '/api/v1/users/invite', {
			provider_id: 'ACoAABBBmarieCurie0000000000000000000000',
			account_id: ADA,
		});
		expect(withUsage.body.usage).toBe(50);
		expectDocumented('POST', '/api/v1/users/invite', withUsage);

		fake.seedSentInvitations(3);
		for (const precision of ['exact', 'day']) {
			fake.sentDatePrecision = precision;
			const listed = await call('GET', `/api/v1/users/invite/sent?account_id=${ADA}&limit=100`);
			expect((listed.body.items as unknown[]).length).toBe(5);
			expectDocumented('GET', '/api/v1/users/invite/sent', listed);
		}

		const path = `/api/v1/users/invite/sent/${String(sent.body.invitation_id)}?account_id=${ADA}`;
		expectDocumented('DELETE', path, await call('DELETE', path));
	});

	it('received invitations: accept, decline, then the relation is listed', async () => {
		const listed = await call('GET', `/api/v1/users/invite/received?account_id=${ADA}`);
		const [first, second] = listed.body.items as Array<{
			id: string;
			specifics: { shared_secret: string };
		}>;
		for (const [invitation, action] of [
			[first, 'accept'],
			[second, 'decline'],
		] as const) {
			const path = `/api/v1/users/invite/received/${invitation.id}`;
			const handled = await call('POST', path, {
				provider: 'LINKEDIN',
				shared_secret: invitation.specifics.shared_secret,
				account_id: ADA,
				action,
			});
			expect(handled.body.status).toBe(action === 'accept' ? 'ACCEPTED' : 'DECLINED');
			expectDocumented('POST', path, handled);
		}
		const relations = await call('GET', `/api/v1/users/relations?account_id=${ADA}`);
		expect((relations.body.items as unknown[]).length).toBe(2);
		expectDocumented('GET', '/api/v1/users/relations', relations);
	});

	it('webhooks: create (201), list, delete, and a webhook already gone', async () => {
		const created = await call('POST', '/api/v1/webhooks', {
			source: 'users',
			request_url: 'http://127.0.0.1:5678/webhook/abc/linkedin-connect',
			name: 'n8n',
			format: 'json',
			account_ids: [ADA],
			events: ['new_relation'],
			headers: [{ key: 'X-LinkedIn-Connect-Secret', value: 'x'.repeat(64) }],
		});
		expect(created.status).toBe(201);
		expectDocumented('POST', '/api/v1/webhooks', created);
		expectDocumented('GET', '/api/v1/webhooks', await call('GET', '/api/v1/webhooks'));
		const path = `/api/v1/webhooks/${String(created.body.webhook_id)}`;
		expectDocumented('DELETE', path, await call('DELETE', path));
		const gone = await call('DELETE', path);
		expect(gone.status).toBe(404);
		expectDocumented('DELETE', path, gone);
	});

	it('messaging: start a chat, write in it, list the chats and the messages, an InMail', async () => {
		const started = await callForm('/api/v1/chats', {
			account_id: ADA,
			attendees_ids: [LINUS_ID],
			text: 'Hello Linus',
		});
		expect(started.status).toBe(201);
		expectDocumented('POST', '/api/v1/chats', started);
		const again = await callForm('/api/v1/chats', {
			account_id: ADA,
			attendees_ids: LINUS_ID,
			text: 'Hello again',
		});
		expect(again.body.chat_id).toBe(started.body.chat_id);
		const chatPath = `/api/v1/chats/${String(started.body.chat_id)}/messages`;
		const written = await callForm(chatPath, { text: 'And once more', account_id: ADA });
		expect(written.status).toBe(201);
		expectDocumented('POST', chatPath, written);
		await fake.simulateReply('linus-t', ADA, 'Hi Ada');

		const chats = `/api/v1/chat_attendees/${LINUS_ID}/chats?account_id=${ADA}`;
		const listed = await call('GET', chats);
		expect((listed.body.items as unknown[]).length).toBe(1);
		expectDocumented('GET', chats, listed);
		fake.maxPageSize = 3;
		const first = await call('GET', `${chatPath}?limit=250`);
		expect((first.body.items as unknown[]).length).toBe(3);
		expectDocumented('GET', chatPath, first);
		const last = await call('GET', `${chatPath}?limit=250&cursor=${String(first.body.cursor)}`);
		expect(last.body).toMatchObject({ cursor: null, items: [{ text: 'Hello Linus' }] });
		expectDocumented('GET', chatPath, last);

		const inmail = await callForm('/api/v1/chats', {
			account_id: ADA,
			attendees_ids: JULIEN_ID,
			text: 'Hello Julien',
			'linkedin[api]': 'classic',
			'linkedin[inmail]': 'true',
		});
		expect(inmail.status).toBe(201);
		expectDocumented('POST', '/api/v1/chats', inmail);
		const inmailChats = `/api/v1/chat_attendees/${JULIEN_ID}/chats`;
		const withInmail = await call('GET', inmailChats);
		expect(withInmail.body.items).toMatchObject([{ content_type: 'inmail' }]);
		expectDocumented('GET', inmailChats, withInmail);
		const none = `/api/v1/chat_attendees/ACoAABBBmarieCurie0000000000000000000000/chats?account_id=${ADA}`;
		expectDocumented('GET', none, await call('GET', none));
	});

	it('webhooks: a messaging webhook is created and listed as documented', async () => {
		const created = await call('POST', '/api/v1/webhooks', {
			source: 'messaging',
			request_url: 'http://127.0.0.1:5678/webhook/abc/linkedin-connect',
			name: 'n8n',
			format: 'json',
			account_ids: [ADA],
			events: ['message_received'],
			headers: [{ key: 'X-LinkedIn-Connect-Secret', value: 'x'.repeat(64) }],
		});
		expect(created.status).toBe(201);
		expectDocumented('POST', '/api/v1/webhooks', created);
		const listed = await call('GET', '/api/v1/webhooks');
		expect(listed.body.items).toMatchObject([{ events: ['message_received'] }]);
		expectDocumented('GET', '/api/v1/webhooks', listed);
	});

	it.each([
		[
			'a member who is not a connection',
			{ account_id: ADA, attendees_ids: JULIEN_ID, text: 'Hi' },
			422,
		],
		['no attendee', { account_id: ADA, text: 'Hi' }, 400],
		['a text too long', { account_id: ADA, attendees_ids: LINUS_ID, text: 'a'.repeat(8001) }, 400],
		['an unknown account', { account_id: 'acc_nobody', attendees_ids: LINUS_ID, text: 'Hi' }, 404],
		[
			'a public identifier as attendee',
			{ account_id: ADA, attendees_ids: 'linus-t', text: 'Hi' },
			404,
		],
		[
			'Sales Navigator without the seat',
			{ account_id: ADA, attendees_ids: LINUS_ID, text: 'Hi', 'linkedin[api]': 'sales_navigator' },
			403,
		],
	])('chat errors: %s', async (_label, fields, status) => {
		const answer = await callForm('/api/v1/chats', fields);
		expect(answer.status).toBe(status);
		expectDocumented('POST', '/api/v1/chats', answer);
	});

	it('chat errors: a JSON body, an unknown chat, an unknown account', async () => {
		const json = await call('POST', '/api/v1/chats', {
			account_id: ADA,
			attendees_ids: [LINUS_ID],
			text: 'Hi',
		});
		expect(json).toMatchObject({ status: 400, body: { type: 'errors/malformed_request' } });
		expectDocumented('POST', '/api/v1/chats', json);
		const unknownChat = '/api/v1/chats/nochat/messages';
		const missing = await call('GET', unknownChat);
		expect(missing.status).toBe(404);
		expectDocumented('GET', unknownChat, missing);
		const missingWrite = await callForm(unknownChat, { text: 'Hi' });
		expect(missingWrite.status).toBe(404);
		expectDocumented('POST', unknownChat, missingWrite);
		const notJson = await call('POST', unknownChat, { text: 'Hi' });
		expect(notJson.status).toBe(400);
		const chats = `/api/v1/chat_attendees/${LINUS_ID}/chats?account_id=acc_nobody`;
		const noAccount = await call('GET', chats);
		expect(noAccount.status).toBe(404);
		expectDocumented('GET', chats, noAccount);
	});

	it.each([
		['a wrong key', 'GET', '/api/v1/accounts', undefined, 'wrong-key', 401],
		[
			'an unknown member',
			'GET',
			`/api/v1/users/nobody-here?account_id=${ADA}`,
			undefined,
			undefined,
			404,
		],
		[
			'a WhatsApp account',
			'GET',
			'/api/v1/users/julien-crepieux?account_id=acc_whatsapp',
			undefined,
			undefined,
			422,
		],
		[
			'a second invitation',
			'POST',
			'/api/v1/users/invite',
			{ provider_id: JULIEN_ID, account_id: ADA },
			undefined,
			422,
		],
		[
			'an unknown invitation',
			'DELETE',
			`/api/v1/users/invite/sent/123?account_id=${ADA}`,
			undefined,
			undefined,
			404,
		],
	])('errors: %s', async (_label, method, path, body, key, status) => {
		if (_label === 'a second invitation') await call('POST', path, body);
		const answer = await call(method, path, body, key);
		expect(answer.status).toBe(status);
		expectDocumented(method, path, answer);
	});

	it('the only undocumented answer is the assumed errors/already_connected', async () => {
		const answer = await call('POST', '/api/v1/users/invite', {
			provider_id: 'ACoAADDDlinusTorvalds00000000000000000000',
			account_id: ADA,
		});
		expect(answer.status).toBe(422);
		expect(answer.body.type).toBe('errors/already_connected');
		const validate = validatorFor('/api/v1/users/invite', 'post', 422);
		expect(validate(answer.body)).toBe(false);
	});
});

describe('LinkedIn search: the fake answers as documented, the node asks as documented', () => {
	const SEARCH = '/api/v1/linkedin/search';
	const PARAMETERS = '/api/v1/linkedin/search/parameters';
	const post = async (query: string, body: object) => {
		const path = `${SEARCH}?account_id=${ADA}${query}`;
		const answer = await call('POST', path, body);
		expectDocumented('POST', path, answer);
		return answer;
	};

	it('Classic, Sales Navigator and URL searches, and their next pages by cursor', async () => {
		const classic = await post('&limit=50', {
			api: 'classic',
			category: 'people',
			keywords: 'engineer',
			advanced_keywords: { title: 'engineer' },
			location: ['105015875'],
			network_distance: [2, 3],
		});
		expect(classic.status).toBe(200);
		expect((classic.body.items as unknown[]).length).toBeGreaterThan(0);
		const sales = await post('&limit=100', {
			api: 'sales_navigator',
			category: 'people',
			role: { include: ['Sales'] },
			company: { include: ['Globex', '2003'] },
			location: { include: ['105015875'] },
		});
		expect(sales.status).toBe(200);
		expect(sales.body.items).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: expect.stringMatching(/^ACw/) })]),
		);
		fake.maxPageSize = 5;
		const byUrl = await post('&limit=10', {
			url: 'https://www.linkedin.com/search/results/people/?keywords=engineer',
		});
		expect(byUrl.body.cursor).toEqual(expect.any(String));
		const next = await post('&limit=10', { cursor: byUrl.body.cursor as string });
		expect(next.body.paging).toMatchObject({ start: 5, page_count: 5 });
		const salesUrl = await post('&limit=100', {
			url: 'https://www.linkedin.com/sales/search/people?query=(keywords:engineer)',
		});
		expect(salesUrl.status).toBe(200);
		fake.maxPageSize = 1000;
		const last = await post('&limit=50', {
			api: 'classic',
			category: 'people',
			keywords: 'Torvalds',
		});
		expect(last.body).toMatchObject({ cursor: null, paging: { total_count: 1 } });
	});

	it.each([
		['a Classic page over 50', '&limit=51', { api: 'classic', category: 'people' }, 400],
		[
			'a Sales Navigator page over 100',
			'&limit=101',
			{ api: 'sales_navigator', category: 'people' },
			400,
		],
		['no api', '', { keywords: 'x' }, 400],
		[
			'a name as a Classic company',
			'',
			{ api: 'classic', category: 'people', company: ['Acme'] },
			400,
		],
		['not a search URL', '', { url: 'https://example.com/search' }, 400],
		['a bad cursor', '', { cursor: 'not-a-cursor' }, 400],
		['a Recruiter search without the seat', '', { api: 'recruiter', category: 'people' }, 403],
	])('search errors: %s', async (_label, query, body, status) => {
		const answer = await post(query, body);
		expect(answer.status).toBe(status);
	});

	it('search errors: no account, an unknown account, Sales Navigator without the seat', async () => {
		const body = { api: 'classic', category: 'people', keywords: 'x' };
		const missing = await call('POST', SEARCH, body);
		expect(missing.status).toBe(400);
		expectDocumented('POST', SEARCH, missing);
		const unknown = `${SEARCH}?account_id=acc_nobody`;
		const none = await call('POST', unknown, body);
		expect(none.status).toBe(404);
		expectDocumented('POST', unknown, none);
		const alan = `${SEARCH}?account_id=acc_alan_founder`;
		const noSeat = await call('POST', alan, { api: 'sales_navigator', category: 'people' });
		expect(noSeat.body.type).toBe('errors/feature_not_subscribed');
		expectDocumented('POST', alan, noSeat);
	});

	it.each([
		[`${PARAMETERS}?account_id=${ADA}&type=LOCATION&keywords=paris&limit=50`, 200],
		[`${PARAMETERS}?account_id=${ADA}&type=COMPANY`, 200],
		[`${PARAMETERS}?account_id=${ADA}&type=SKILL&keywords=go`, 200],
		[`${PARAMETERS}?account_id=${ADA}&type=PLANET`, 400],
		[`${PARAMETERS}?account_id=${ADA}`, 400],
		[`${PARAMETERS}?account_id=${ADA}&type=LOCATION&limit=101`, 400],
		[`${PARAMETERS}?account_id=acc_nobody&type=LOCATION`, 404],
	])('search parameters: GET %s', async (path, status) => {
		const answer = await call('GET', path);
		expect(answer.status).toBe(status);
		expectDocumented('GET', path, answer);
	});

	/** The route's request body schema: one of its variants, by title. */
	const bodyVariants = (
		paths[SEARCH].post as unknown as {
			requestBody: { content: { 'application/json': { schema: { anyOf: Schema[] } } } };
		}
	).requestBody.content['application/json'].schema.anyOf;
	const variant = (title: string) => {
		const found = bodyVariants.find((v) => v.title === title);
		if (!found) throw new Error(`no body variant "${title}"`);
		return found;
	};
	const queryLimit = (
		paths[SEARCH].post as unknown as { parameters: Array<{ name: string; schema: Schema }> }
	).parameters.find((p) => p.name === 'limit')!.schema;

	/** What the adapter sends for one page, from a client that records and answers a documented page. */
	async function requestOf(input: Partial<SearchInput>, token?: string, wanted?: number) {
		const requests: ServiceRequest[] = [];
		const client: ServiceClient = {
			async request(request) {
				requests.push(request);
				return { object: 'LinkedinSearch', items: [], paging: {}, cursor: null };
			},
			lookup: async () => await Promise.reject(new Error('no lookup expected')),
			writeOnce: async () => await Promise.reject(new Error('no write expected')),
		};
		const full: SearchInput = {
			accountId: ADA,
			api: 'classic',
			connectionDegree: [],
			additionalFilters: {},
			excludeConnectedAndPending: false,
			...input,
		};
		await unipileSearch.readPage(client, full, token, wanted, {});
		expect(requests).toHaveLength(1);
		return requests[0];
	}

	function expectBodyOf(title: string, body: IDataObject | undefined) {
		const schema = variant(title);
		const validate = ajv.compile(toJsonSchema(schema) as Schema);
		expect({ [title]: validate(body) ? [] : validate.errors }).toEqual({ [title]: [] });
		// Every field is one the variant documents (the schema itself allows any other).
		const documented = Object.keys(schema.properties as Schema);
		expect(Object.keys(body ?? {}).filter((key) => !documented.includes(key))).toEqual([]);
	}

	it.each([
		[
			'Classic - People',
			{
				keywords: 'head of sales',
				title: 'VP Sales',
				company: { value: '2001', isId: true },
				location: { value: '105015875', isId: true },
				connectionDegree: [2, 3] as Array<1 | 2 | 3>,
				additionalFilters: { industry: ['4'], advanced_keywords: { first_name: 'Ada' } },
			},
		],
		[
			'Sales Navigator - People',
			{
				api: 'salesNavigator' as const,
				keywords: 'head of sales',
				title: 'VP Sales',
				company: { value: 'Globex', isId: false },
				location: { value: '105015875', isId: true },
				connectionDegree: [1] as Array<1 | 2 | 3>,
				additionalFilters: { seniority: { include: ['director'] }, company: { exclude: ['2003'] } },
			},
		],
		[
			'Search from URL',
			{ url: 'https://www.linkedin.com/sales/search/people?query=(keywords:cto)' },
		],
	])('the node sends a documented %s body and query', async (title, input) => {
		const request = await requestOf(input, undefined, 5000);
		expect(request).toMatchObject({ method: 'POST', url: SEARCH, idempotent: true });
		expectBodyOf(title, request.body);
		const limit = ajv.compile(toJsonSchema(queryLimit) as Schema);
		expect(limit(request.qs?.limit)).toBe(true);
		expect(request.qs).toEqual({ account_id: ADA, limit: title.startsWith('Classic') ? 50 : 100 });
	});

	it('the node sends a documented Cursor body for a next page', async () => {
		const request = await requestOf({ keywords: 'cto' }, 'eyJzdGFydCI6MTB9', 7);
		expectBodyOf('Cursor', request.body);
		expect(request.qs).toEqual({ account_id: ADA, limit: 7 });
	});
});

/**
 * The live check (`npm run check:live`): the package's own operations, run through n8n-core's
 * engine (./../helpers/n8nHarness.js) against the services named by the environment, each answer
 * watched (./shapes.js) so the report says which fields the package read, found or missing, and
 * which it ignored. Read only unless `write` is asked for: then one invitation is sent, found in
 * the sent list and withdrawn.
 *
 * `runCheck` is what the command and its tests call; the command (./run.js) adds the flags, the
 * environment and the exit code. It never holds an API key in anything it returns: the report
 * goes through `redactSecrets` before it leaves.
 */
'use strict';
const { dirname, join, resolve } = require('node:path');
const harness = require('../helpers/n8nHarness');
const { classifyMissing } = require('./optional');
const { servicesIn } = require('./services');
const { ShapeRecorder } = require('./shapes');

const ROOT = resolve(__dirname, '..', '..');
const NODE_TYPE = 'n8n-nodes-linkedin-connect.linkedInConnect';
const TRIGGER_TYPE = 'n8n-nodes-linkedin-connect.linkedInConnectTrigger';

/** What a list's first page asks for: a handful is enough to see every field. */
const FIRST_PAGE = { returnAll: false, limit: 10, simplify: true };

/**
 * The read-only steps, in order. `credits`: what the step costs on LinkupAPI, from its docs
 * (docs.linkupapi.com, see ../../shared notes in the adapter): 1 per request where a list's first
 * page fits one request; the account list, webhook list and credential test are free.
 */
const READ_STEPS = [
	{ key: 'credential', title: 'Credential test', credits: 0 },
	{ key: 'accounts', title: 'Account list (the Account field)', credits: 0 },
	{ key: 'profile:getMe', title: 'Profile → Get My Profile', credits: 1 },
	{ key: 'profile:get', title: 'Profile → Get', credits: 1, needs: 'profileUrl' },
	{ key: 'invitation:getManySent', title: 'Invitation → Get Many Sent', credits: 1, page: true },
	{
		key: 'invitation:getManyReceived',
		title: 'Invitation → Get Many Received',
		credits: 1,
		page: true,
	},
	{ key: 'relation:getMany', title: 'Connection → Get Many', credits: 1, page: true },
	// Given a URL, telling who wrote each message needs no lookup; one page of the conversation.
	{ key: 'message:getMany', title: 'Message → Get Many', credits: 2, needs: 'profileUrl' },
	{ key: 'webhooks', title: 'Trigger: webhooks registered at the service', credits: 0 },
];

/** With `write`: a real invitation, then where the service lists it, then withdrawn. */
const WRITE_STEPS = [
	{ key: 'invitation:send', title: 'Invitation → Send (--write)', credits: 1 },
	{ key: 'invitation:find', title: 'Invitation → Get Many Sent, finding it (--write)', credits: 3 },
	{ key: 'invitation:withdraw', title: 'Invitation → Withdraw (--write)', credits: 1 },
];

/** How often, and how far apart, the sent list is read for the invitation --write just sent. */
const FIND_ATTEMPTS = 3;
const FIND_PAUSE_MS = 5_000;

/** The LinkupAPI credits a run would spend, at most. */
function creditsFor(options) {
	const steps = [...READ_STEPS, ...(options.write ? WRITE_STEPS : [])];
	return steps
		.filter((step) => !step.needs || options[step.needs])
		.reduce((sum, step) => sum + step.credits, 0);
}

/** The package, built (`dist`, what users install) or its TypeScript source (inside Jest). */
function loadPackage(from = 'dist') {
	const base = from === 'dist' ? join(ROOT, 'dist') : ROOT;
	const load = (path) => require(join(base, path));
	const credentials = {
		unipileApi: new (load('credentials/UnipileApi.credentials').UnipileApi)(),
		linkupApi: new (load('credentials/LinkupApi.credentials').LinkupApi)(),
		unipileV2Api: new (load('credentials/UnipileV2Api.credentials').UnipileV2Api)(),
	};
	const node = new (load('nodes/LinkedInConnect/LinkedInConnect.node').LinkedInConnect)();
	const trigger = new (load(
		'nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node',
	).LinkedInConnectTrigger)();
	return {
		credentials,
		nodeTypes: harness.registryOf(() => node),
		triggerTypes: harness.registryOf(() => trigger),
		services: load('nodes/core/services').SERVICES,
		endpointOf: load('nodes/core/services').endpointOf,
		transport: load('nodes/core/transport/client'),
		defaultTransport: load('nodes/core/transport/settings').DEFAULT_TRANSPORT,
		operations: load('nodes/LinkedInConnect/actions/operations').OPERATIONS,
		implementationOf: load('nodes/LinkedInConnect/actions/types').implementationOf,
		redactSecrets: load('nodes/core/shared/errors').redactSecrets,
	};
}

/**
 * Hands every answer n8n's HTTP stack receives to `recorder` (n8n-core 2.x sends through
 * @n8n/backend-network's OutboundHttp, request-helpers/authentication.js); returns the undo.
 */
function watchAnswers(recorder) {
	const core = dirname(require.resolve('n8n-core'));
	const { OutboundHttp } = require(require.resolve('@n8n/backend-network', { paths: [core] }));
	const original = OutboundHttp.prototype.requests;
	OutboundHttp.prototype.requests = function requests(...args) {
		const client = original.apply(this, args);
		return {
			...client,
			async request(options) {
				const response = await client.request(options);
				if (options.returnFullResponse && response && typeof response === 'object') {
					response.body = recorder.observe(requestOf(options), response.statusCode, response.body);
				}
				return response;
			},
		};
	};
	return () => {
		OutboundHttp.prototype.requests = original;
	};
}

/** What is shown of a request: never its headers (the key is one of them). */
function requestOf(options) {
	const url = new URL(`${options.baseURL ?? ''}${options.url}`);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		if (value !== undefined) url.searchParams.set(key, String(value));
	return { method: options.method ?? 'GET', url: url.toString() };
}

function rl(mode, value) {
	return { __rl: true, mode, value };
}

/**
 * The report with every secret masked, by the package's own redaction (as given, URL-encoded, any
 * case), also in the escaped form JSON gives a key with quotes or backslashes: the check's own last
 * line of defence.
 */
function redactSecrets(value, secrets, redact) {
	const forms = secrets
		.filter(Boolean)
		.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
	return JSON.parse(redact(JSON.stringify(value), [...new Set(forms)]));
}

/**
 * Runs the check for one service: every step it offers, each with its requests, statuses and
 * shapes. `options`: { accountId?, profileUrl?, inviteUrl?, write?, pkg, recorder }.
 */
async function checkService(settings, credential, options) {
	const { pkg, recorder } = options;
	const service = pkg.services.find((s) => s.credentialType === settings.credentialType);
	const type = pkg.credentials[settings.credentialType];
	const credentialsHelper = new harness.CredentialsHelper((name) => pkg.credentials[name], {
		[settings.credentialType]: credential,
	});
	const credentials = { [settings.credentialType]: { id: 'live-check', name: 'live check' } };
	let accountId = options.accountId;
	const nodeOf = (typeName, parameters) => ({
		id: 'live-check',
		name: typeName === NODE_TYPE ? 'LinkedIn Connect' : 'LinkedIn Connect Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'live-check',
		parameters: { authentication: settings.credentialType, ...parameters },
		credentials,
	});
	const offered = (key) => {
		const definition = pkg.operations.find((d) => d.key === key);
		return Boolean(definition && pkg.implementationOf(definition, service));
	};
	const operation = async (key, parameters) => {
		const [resource, name] = key.split(':');
		const result = await harness.runSingleNode({
			node: nodeOf(NODE_TYPE, {
				resource,
				operation: name,
				accountId: rl('id', accountId),
				...parameters,
			}),
			nodeTypes: pkg.nodeTypes,
			items: [{}],
			credentialsHelper,
		});
		const failure = result.refused ?? result.error;
		if (failure) throw failure;
		return result.items;
	};

	/** What the --write steps learn, for the next one: the Send item, then the invitation's id. */
	const written = {};
	const run = {
		credential: async () => {
			const tested = await harness.testCredential({ type, data: credential, credentialsHelper });
			if (tested.status !== 'OK') throw new Error(tested.message);
			return { summary: tested.message };
		},
		accounts: async () => {
			const found = await harness.listSearch({
				node: nodeOf(NODE_TYPE, { resource: 'profile', operation: 'getMe' }),
				nodeTypes: pkg.nodeTypes,
				credentialsHelper,
				method: 'searchAccounts',
				parameter: 'accountId',
			});
			const ids = found.results.map((account) => account.value);
			if (!accountId && !ids.length) throw new Error('the key sees no LinkedIn account');
			accountId ??= ids[0];
			return {
				summary: `${ids.length} LinkedIn account(s); checking with ${accountId}${options.accountId ? '' : ' (the first; set LIVE_ACCOUNT_ID for another)'}`,
			};
		},
		'profile:getMe': async () => itemsSummary(await operation('profile:getMe', {})),
		'profile:get': async () =>
			itemsSummary(await operation('profile:get', { profile: rl('url', options.profileUrl) })),
		'invitation:getManySent': async () =>
			itemsSummary(await operation('invitation:getManySent', FIRST_PAGE)),
		'invitation:getManyReceived': async () =>
			itemsSummary(await operation('invitation:getManyReceived', FIRST_PAGE)),
		'relation:getMany': async () => itemsSummary(await operation('relation:getMany', FIRST_PAGE)),
		'message:getMany': async () =>
			itemsSummary(
				await operation('message:getMany', {
					...FIRST_PAGE,
					profile: rl('url', options.profileUrl),
				}),
			),
		webhooks: async () => {
			const context = harness.editorContext({
				node: nodeOf(TRIGGER_TYPE, { accountId: rl('id', accountId) }),
				nodeTypes: pkg.triggerTypes,
				credentialsHelper,
			});
			const connection = await pkg.transport.openConnection(
				context,
				pkg.endpointOf(service),
				pkg.defaultTransport,
			);
			const listed = await service.trigger.listWebhooks(
				pkg.transport.createServiceClient(context, connection),
			);
			return { summary: `${listed.length} webhook(s) registered with this key` };
		},
		'invitation:send': async () => {
			const items = await operation('invitation:send', {
				profile: rl('url', options.inviteUrl),
				message: '',
			});
			written.sent = items[0]?.json ?? {};
			return itemsSummary(items, `status ${written.sent.status}`);
		},
		'invitation:find': async () => {
			const sent = written.sent;
			if (sent?.status !== 'sent') throw new Error('no invitation was sent (see the step above)');
			const member = sent.provider_id ?? sent.member_id;
			const isMine = (json) =>
				(sent.invitation_id && json.invitation_id === sent.invitation_id) ||
				(member && (json.provider_id === member || json.member_id === member));
			// LinkedIn may list a new invitation a moment late: a few reads, a few seconds apart.
			for (let attempt = 1; ; attempt++) {
				const items = await operation('invitation:getManySent', { ...FIRST_PAGE, limit: 50 });
				const mine = items.map((item) => item.json).find(isMine);
				if (mine?.invitation_id) {
					written.invitationId = mine.invitation_id;
					return itemsSummary(items, `found as ${mine.invitation_id}`);
				}
				if (attempt === FIND_ATTEMPTS)
					throw new Error(
						`the invitation just sent (${sent.invitation_id ?? 'no id given'}) is not in the sent list after ${FIND_ATTEMPTS} reads: withdraw it by hand on LinkedIn if you do not want it`,
					);
				await new Promise((resolve) => setTimeout(resolve, FIND_PAUSE_MS));
			}
		},
		'invitation:withdraw': async () => {
			if (!written.invitationId) throw new Error('no invitation to withdraw (see the steps above)');
			return itemsSummary(
				await operation('invitation:withdraw', { invitationId: written.invitationId }),
			);
		},
	};

	const steps = [];
	const wanted = [...READ_STEPS, ...(options.write ? WRITE_STEPS : [])];
	for (const step of wanted) {
		const report = { key: step.key, title: step.title };
		steps.push(report);
		const operationKey = step.key === 'invitation:find' ? 'invitation:getManySent' : step.key;
		if (step.needs && !options[step.needs]) {
			report.skipped = 'set LIVE_PROFILE_URL to check it';
		} else if (operationKey.includes(':') && !offered(operationKey)) {
			report.skipped = `${service.displayName} does not offer it`;
		} else if (step.key === 'webhooks' && !service.trigger?.listWebhooks) {
			report.skipped = `${service.displayName} cannot list webhooks`;
		} else if (step.key !== 'credential' && step.key !== 'accounts' && !accountId) {
			report.skipped = 'no account to check with';
		} else {
			// The credential test's answer is read by n8n's tester, not by the package: kept, not watched.
			recorder.begin({ watched: step.key !== 'credential' });
			try {
				Object.assign(report, await run[step.key]());
			} catch (error) {
				report.failed = error.description
					? `${error.message} ${error.description}`
					: String(error.message ?? error);
			}
			report.answers = recorder.end().map((answer) => {
				const shape = answer.report();
				const { missing, optional } = classifyMissing(settings.credentialType, shape.missing);
				return {
					request: answer.request,
					status: answer.status,
					shape: { ...shape, missing, optional },
					body: answer.body,
				};
			});
		}
	}
	return {
		service: service.displayName,
		credentialType: settings.credentialType,
		accountId,
		steps,
	};
}

function itemsSummary(items, extra) {
	const errors = items.filter((item) => item.json?.error);
	const parts = [`${items.length} item(s)`];
	if (errors.length) parts.push(`${errors.length} with an error: ${errors[0].json.error}`);
	if (extra) parts.push(extra);
	return { summary: parts.join(', '), items: items.length };
}

/**
 * The whole check: each chosen service in turn. Returns the report (secrets redacted) and the
 * exit code: 0 every field read was found, 1 a field is missing or a step failed.
 */
async function runCheck({ env, write = false, from = 'dist' }) {
	const { chosen } = servicesIn(env);
	const pkg = loadPackage(from);
	const recorder = new ShapeRecorder();
	const unwatch = watchAnswers(recorder);
	const options = {
		pkg,
		recorder,
		write,
		accountId: env.LIVE_ACCOUNT_ID || undefined,
		profileUrl: env.LIVE_PROFILE_URL || undefined,
		inviteUrl: env.LIVE_INVITE_URL || undefined,
	};
	const secrets = chosen.flatMap((settings) =>
		settings.variables.filter((name) => /KEY/.test(name)).map((name) => env[name]),
	);
	const services = [];
	try {
		for (const settings of chosen) {
			services.push(await checkService(settings, settings.credential(env), options));
		}
	} finally {
		unwatch();
	}
	const report = redactSecrets({ services }, secrets, pkg.redactSecrets);
	const allSteps = report.services.flatMap((service) => service.steps);
	const missing = allSteps.flatMap((step) =>
		(step.answers ?? []).flatMap((answer) => answer.shape.missing),
	);
	const failed = allSteps.filter((step) => step.failed);
	report.exitCode = missing.length || failed.length ? 1 : 0;
	return report;
}

module.exports = {
	READ_STEPS,
	WRITE_STEPS,
	creditsFor,
	runCheck,
};

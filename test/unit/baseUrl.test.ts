/**
 * One table of credential hosts, run through both readers of the rule: the node's normaliseBaseUrl
 * and the credential test's expression (evaluated by n8n's own expression engine). For each value
 * both give the same origin, or both refuse it: the node with a message, the expression with an
 * address no HTTP client can send to.
 */
import { Workflow } from 'n8n-workflow';
import type { INodeTypes } from 'n8n-workflow';
import {
	baseUrlExpression,
	type BaseUrlRule,
	LINKUP_BASE_URL,
	normaliseBaseUrl,
	REFUSED_BASE_URL,
	UNIPILE_DSN,
} from '../../nodes/core/shared/baseUrl';

/** [input, the origin both must give, or the reason the node gives for refusing it]. */
type Row = [input: unknown, expected: string | RegExp];

const UNIPILE_ROWS: Row[] = [
	// The forms users copy from the Unipile dashboard
	['api1.unipile.com:13111', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api/', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api/v1', 'https://api1.unipile.com:13111'],
	['api1.unipile.com:13111/api/v1/', 'https://api1.unipile.com:13111'],
	['  api1.unipile.com:13111  ', 'https://api1.unipile.com:13111'],
	['HTTPS://API1.UNIPILE.COM:13111/API/V1', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:443', 'https://api1.unipile.com'],
	['https://10.0.0.5:13111', 'https://10.0.0.5:13111'],
	// Plain http:// to this machine (a local server, the test fakes)
	['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
	['http://127.0.0.1:8080/api/v1', 'http://127.0.0.1:8080'],
	['http://127.1.2.3:8080', 'http://127.1.2.3:8080'],
	['http://localhost:3000', 'http://localhost:3000'],
	['HTTP://LOCALHOST:3000/', 'http://localhost:3000'],
	['http://[::1]:8080', 'http://[::1]:8080'],
	['localhost:3000', 'https://localhost:3000'],
	// Refused
	['', /DSN is empty/],
	['   ', /DSN is empty/],
	[undefined, /DSN is empty/],
	[13111, /DSN is empty/],
	['api1.unipile.com :13111', /contains spaces/],
	['api1.unipile.com:13111\t', 'https://api1.unipile.com:13111'],
	['api1.unipile.com\n:13111', /contains spaces/],
	['ftp://api1.unipile.com:13111', /uses ftp:\/\/, which is not HTTP/],
	['file:///etc/passwd', /uses file:\/\/, which is not HTTP/],
	['javascript:alert(1)', /is not a host name/],
	['https://api1.unipile.com:13111/v2', /has the path \/v2/],
	['https://api1.unipile.com:13111/api/v1/users', /has the path \/api\/v1\/users/],
	['https://api1.unipile.com:13111/api/v1/../../admin', /has the path \/admin/],
	['https://api1.unipile.com:13111//api/v1', /has the path \/\/api\/v1/],
	[
		'https://user:pass@api1.unipile.com:13111',
		/contains a user name or password \(text before "@"/,
	],
	['user@api1.unipile.com:13111', /contains a user name or password/],
	['http://api1.unipile.com:13111@127.0.0.1:8080', /contains a user name or password/],
	['https://api1.unipile.com%40evil.example', /is not a host name/],
	['https://api1.unipile.com:13111?port=1', /query string or fragment/],
	['https://api1.unipile.com:13111#top', /query string or fragment/],
	['https://127.0.0.1:8080\\@api1.unipile.com', /contains a backslash/],
	['https:\\\\api1.unipile.com', /contains a backslash/],
	[
		'http://api1.unipile.com:13111',
		/DSN uses http:\/\/ to api1\.unipile\.com, which would send the API key unencrypted: use https:\/\//,
	],
	['http://localhost.evil.example:80', /uses http:\/\/ to localhost\.evil\.example/],
	['http://127.0.0.1.nip.io:8080', /uses http:\/\/ to 127\.0\.0\.1\.nip\.io/],
	['http://10.0.0.5:13111', /uses http:\/\/ to 10\.0\.0\.5/],
	['http://[::2]:8080', /uses http:\/\/ to \[::2\]/],
	['http://2130706433:8080', /is not a host name with an optional port/],
	['http://0x7f.0.0.1:8080', /is not a host name with an optional port/],
	['https://api1.unipile.123', /is not a host name/],
	['https://exämple.com', /is not a host name with an optional port/],
	['https://api1.unipile.com:99999', /is not a host name/],
	['https://api1.unipile.com:013111', /is not a host name with an optional port/],
	['unipile', /not a full host name/],
	['https://', /is not a host name/],
];

const LINKUP_ROWS: Row[] = [
	['https://api.linkupapi.com', 'https://api.linkupapi.com'],
	['api.linkupapi.com', 'https://api.linkupapi.com'],
	['https://api.linkupapi.com/v2/', 'https://api.linkupapi.com'],
	['https://API.linkupapi.com/V2', 'https://api.linkupapi.com'],
	['http://127.0.0.1:9000/v2', 'http://127.0.0.1:9000'],
	['http://api.linkupapi.com', /Base URL uses http:\/\/ to api\.linkupapi\.com.*use https:\/\//],
	['https://api.linkupapi.com/api/v1', /has the path \/api\/v1/],
	['https://api.linkupapi.com@127.0.0.1:9000', /contains a user name or password/],
	['', /Base URL is empty/],
];

const nodeTypes: INodeTypes = {
	getByName: () => undefined as never,
	getByNameAndVersion: () => undefined as never,
	getKnownTypes: () => ({}),
};
const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
const node = {
	id: 'n',
	name: 'n',
	type: 't',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** The credential test's base URL, as n8n resolves it with the credential's data. */
function evaluate(field: string, value: unknown, rule: BaseUrlRule): string {
	return String(
		workflow.expression.getSimpleParameterValue(node, baseUrlExpression(field, rule), 'internal', {
			$credentials: { [field]: value },
		}),
	);
}

/** The host and port an HTTP client would connect to, or undefined when it cannot parse it. */
function destination(baseUrl: string): string | undefined {
	try {
		return new URL(`${baseUrl}/api/v1/accounts`).origin;
	} catch {
		return undefined;
	}
}

describe.each([
	['Unipile DSN', 'dsn', UNIPILE_DSN, UNIPILE_ROWS],
	['LinkupAPI base URL', 'baseUrl', LINKUP_BASE_URL, LINKUP_ROWS],
] as const)('%s: the node and the credential test apply one rule', (_name, field, rule, rows) => {
	const accepted = rows.filter((row): row is [unknown, string] => typeof row[1] === 'string');
	const refused = rows.filter((row): row is [unknown, RegExp] => row[1] instanceof RegExp);

	it.each(accepted)('%j → %s (both)', (input, origin) => {
		expect(normaliseBaseUrl(input, rule)).toBe(origin);
		expect(destination(evaluate(field, input, rule))).toBe(origin);
	});

	it.each(refused)(
		'%j is refused by both: the node says why, the test sends nowhere',
		(input, reason) => {
			expect(() => normaliseBaseUrl(input, rule)).toThrow(reason);
			expect(() => normaliseBaseUrl(input, rule)).toThrow(
				new RegExp(`^The credential's ${rule.field} .*Expected the form `),
			);
			expect(evaluate(field, input, rule)).toBe(REFUSED_BASE_URL);
			expect(destination(REFUSED_BASE_URL)).toBeUndefined();
		},
	);
});

describe('baseUrlExpression', () => {
	it('is one n8n expression (nothing in the pattern closes it early)', () => {
		for (const [field, rule] of [
			['dsn', UNIPILE_DSN],
			['baseUrl', LINKUP_BASE_URL],
		] as const) {
			const expression = baseUrlExpression(field, rule);
			expect(expression.startsWith('={{ ')).toBe(true);
			expect(expression.match(/\{\{/g)).toHaveLength(1);
			expect(expression.match(/\}\}/g)).toHaveLength(1);
		}
	});

	it('never echoes a refused value, which may hold a password', () => {
		expect(evaluate('dsn', 'https://admin:hunter2@api1.unipile.com', UNIPILE_DSN)).not.toContain(
			'hunter2',
		);
		expect(() => normaliseBaseUrl('https://admin:hunter2@api1.unipile.com', UNIPILE_DSN)).toThrow(
			/^(?!.*hunter2)/,
		);
	});
});

import { Workflow } from 'n8n-workflow';
import type { INodeTypes } from 'n8n-workflow';
import {
	baseUrlExpression,
	LINKUP_BASE_URL,
	normaliseBaseUrl,
	UNIPILE_DSN,
} from '../../nodes/LinkedInConnect/shared/baseUrl';

const ACCEPTED_DSNS: Array<[string, string]> = [
	['api1.unipile.com:13111', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api/', 'https://api1.unipile.com:13111'],
	['https://api1.unipile.com:13111/api/v1', 'https://api1.unipile.com:13111'],
	['api1.unipile.com:13111/api/v1/', 'https://api1.unipile.com:13111'],
	['  api1.unipile.com:13111  ', 'https://api1.unipile.com:13111'],
	['HTTPS://API1.UNIPILE.COM:13111/API/V1', 'https://api1.unipile.com:13111'],
	['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
	['http://127.0.0.1:8080/api/v1', 'http://127.0.0.1:8080'],
	['http://localhost:3000', 'http://localhost:3000'],
];

describe('normaliseBaseUrl (Unipile DSN)', () => {
	it.each(ACCEPTED_DSNS)('%j → %s', (input, expected) => {
		expect(normaliseBaseUrl(input, UNIPILE_DSN)).toBe(expected);
	});

	it.each([
		['', /DSN is empty/],
		['   ', /DSN is empty/],
		[undefined, /DSN is empty/],
		['api1.unipile.com :13111', /contains spaces/],
		['ftp://api1.unipile.com:13111', /uses ftp:\/\//],
		['https://api1.unipile.com:13111/v2', /has the path \/v2/],
		['https://api1.unipile.com:13111/api/v1/users', /has the path \/api\/v1\/users/],
		['https://user:pass@api1.unipile.com:13111', /user name or password/],
		['https://api1.unipile.com:13111?port=1', /query string/],
		['unipile', /not a full host name/],
		['https://', /not a host name/],
	])('%j fails with a message showing the expected form', (input, problem) => {
		expect(() => normaliseBaseUrl(input, UNIPILE_DSN)).toThrow(problem);
		expect(() => normaliseBaseUrl(input, UNIPILE_DSN)).toThrow(
			/Expected the form api1\.unipile\.com:13111/,
		);
	});
});

describe('normaliseBaseUrl (LinkupAPI base URL)', () => {
	it.each([
		['https://api.linkupapi.com', 'https://api.linkupapi.com'],
		['api.linkupapi.com', 'https://api.linkupapi.com'],
		['https://api.linkupapi.com/v2/', 'https://api.linkupapi.com'],
	])('%j → %s', (input, expected) => {
		expect(normaliseBaseUrl(input, LINKUP_BASE_URL)).toBe(expected);
	});
});

describe('baseUrlExpression (credential test requests) agrees with normaliseBaseUrl', () => {
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

	const evaluate = (field: string, value: string, rule: typeof UNIPILE_DSN) =>
		workflow.expression.getSimpleParameterValue(node, baseUrlExpression(field, rule), 'internal', {
			$credentials: { [field]: value },
		});

	// Host names are case-insensitive; the expression keeps the user's case.
	it.each(ACCEPTED_DSNS)('%j', (input, expected) => {
		expect(String(evaluate('dsn', input, UNIPILE_DSN)).toLowerCase()).toBe(expected);
	});

	it('agrees for LinkupAPI base URLs', () => {
		expect(evaluate('baseUrl', 'https://api.linkupapi.com/v2/', LINKUP_BASE_URL)).toBe(
			'https://api.linkupapi.com',
		);
		expect(evaluate('baseUrl', 'api.linkupapi.com', LINKUP_BASE_URL)).toBe(
			'https://api.linkupapi.com',
		);
	});
});

/**
 * The README against the node (the source of truth): every operation has its row in an
 * operations table, every option a user can add is named, every status an item can carry and every
 * error code is explained; and what the README names exists: operations, options, error codes,
 * npm scripts, examples, pictures and in-page links.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import packageJson from '../package.json';
import { SERVICES } from '../nodes/core/services';
import { ERROR_CODES } from '../nodes/core/shared/errors';
import { OPERATIONS, RESOURCES } from '../nodes/LinkedInConnect/actions/operations';
import { LinkedInConnectTrigger } from '../nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node';
import { exists, filesIn, readSource } from './helpers/sources';

const README = readSource('README.md');

/** The Operations table's rows: resource and the operations named in bold. */
const TABLE_ROWS = README.split('\n')
	.filter((line) => /^\| (?!Resource|---)[A-Z][a-z]+ \| \*\*/.test(line))
	.map((line) => {
		const [, resource, operations] = line.split('|').map((cell) => cell.trim());
		return { resource, operations: [...operations.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]) };
	});

describe('README', () => {
	it.each(OPERATIONS.map((op) => [op.resource, op.name, op]))(
		'%s → %s has its row in the Operations table',
		(resource, name) => {
			const resourceName = RESOURCES.find((r) => r.value === resource)?.name;
			expect(
				TABLE_ROWS.some((row) => row.resource === resourceName && row.operations.includes(name)),
			).toBe(true);
		},
	);

	it('every operation the table names exists', () => {
		for (const row of TABLE_ROWS) {
			const resource = RESOURCES.find((r) => r.name === row.resource);
			expect(resource).toBeDefined();
			for (const name of row.operations)
				expect(OPERATIONS.some((op) => op.resource === resource?.value && op.name === name)).toBe(
					true,
				);
		}
	});

	const options = new Set<string>();
	for (const op of OPERATIONS) {
		for (const option of op.options) options.add(option.displayName);
		for (const service of SERVICES)
			for (const option of service.options?.[op.key] ?? []) options.add(option.displayName);
	}
	it.each([...options].map((name) => [name]))('the option %s is named', (name) => {
		expect(README).toContain(`*${name}*`);
	});

	it("every option the Options table names exists (in the node's or a service's options)", () => {
		const start = README.indexOf('### Options');
		const table = README.slice(start, README.indexOf('\n## ', start));
		const named = table
			.split('\n')
			.filter((line) => /^\| \*/.test(line))
			.flatMap((line) => [...line.split('|')[1].matchAll(/\*([^*]+)\*/g)].map((m) => m[1]));
		expect(named.length).toBeGreaterThan(10);
		for (const name of named)
			expect({ name, exists: options.has(name) }).toEqual({ name, exists: true });
	});

	/** The values of a string-literal union type in the services' contract, read from its source. */
	const unionOf = (type: string) => {
		const source = readSource('nodes/core/services/types.ts');
		const body = new RegExp(`export type ${type} =([^;]+);`).exec(source)?.[1] ?? '';
		return [...body.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
	};
	const statuses = ['SendStatus', 'MessageStatus', 'InvitationStatus'].flatMap(unionOf);
	it('reads the statuses from the code', () => expect(statuses.length).toBeGreaterThan(12));
	it.each(statuses.map((status) => [status]))('the status %s is explained', (status) => {
		expect(README).toContain(`\`${status}\``);
	});

	const codesTable = README.slice(README.indexOf('### Error codes'));
	it.each(Object.values(ERROR_CODES).map((code) => [code]))(
		'the error code %s has its row',
		(code) => {
			expect(codesTable).toContain(`| \`${code}\` |`);
		},
	);

	it('every code of ours the error codes table names exists', () => {
		const named = codesTable
			.split('\n')
			.filter((line) => /^\| `[A-Z_]+` \|/.test(line))
			.map((line) => /`([A-Z_]+)`/.exec(line)![1]);
		// Ours: ERROR_CODES, and the codes the transport writes for answers it cannot read.
		const transport = ['client.ts', 'responses.ts', 'network.ts', 'errors.ts'].flatMap((file) => [
			...readSource(`nodes/core/transport/${file}`).matchAll(/code: '([A-Z_]+)'/g),
		]);
		const known = new Set([...Object.values(ERROR_CODES), ...transport.map((m) => m[1])]);
		for (const code of named)
			expect({ code, known: known.has(code) }).toEqual({ code, known: true });
	});

	it('every npm script it names exists', () => {
		const named = [...README.matchAll(/npm run ([a-z:0-9-]+)/g)].map((m) => m[1]);
		const scripts = Object.keys(packageJson.scripts);
		for (const name of new Set(named))
			expect({ name, exists: scripts.includes(name) }).toEqual({ name, exists: true });
	});

	it('names every example, and every example it names exists', () => {
		const examples = filesIn('examples').filter((name) => name.endsWith('.json'));
		const named = new Set([...README.matchAll(/examples\/([a-z-]+\.json)/g)].map((m) => m[1]));
		expect([...named].sort()).toEqual(examples.sort());
	});

	it('every picture and local file it links to exists', () => {
		const links = [...README.matchAll(/\]\((?!https?:|#)([^)#]+)\)/g)].map((m) => m[1]);
		expect(links.length).toBeGreaterThan(5);
		for (const link of links)
			expect({ link, exists: exists(link) }).toEqual({ link, exists: true });
	});

	it('every in-page link leads to a heading', () => {
		// GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens.
		const anchors = new Set(
			[...README.matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
				m[1]
					.toLowerCase()
					.replace(/[^a-z0-9 _-]/g, '')
					.replace(/ /g, '-'),
			),
		);
		const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
		for (const link of links)
			expect({ link, found: anchors.has(link) }).toEqual({ link, found: true });
	});

	it("every trigger event is described, under the name the node's Events list shows", () => {
		const events = new LinkedInConnectTrigger().description.properties.find(
			(p: INodeProperties) => p.name === 'events',
		);
		for (const event of events?.options as INodePropertyOptions[]) {
			expect(README).toContain(event.name);
			expect(README).toContain(String(event.value));
		}
	});
});

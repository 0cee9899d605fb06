/**
 * The README against the node's description (the source of truth): every operation has its row
 * in the Operations table, every option a user can add is named, and every status an item can
 * carry is explained; and what the README names as an operation exists.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SERVICES } from '../nodes/core/services';
import { OPERATIONS, RESOURCES } from '../nodes/LinkedInConnect/actions/operations';
import { LinkedInConnectTrigger } from '../nodes/LinkedInConnectTrigger/LinkedInConnectTrigger.node';
import { readSource } from './helpers/sources';

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

	it.each(
		[
			'sent',
			'already_invited',
			'already_connected',
			'skipped_pending',
			'skipped_connected',
			'skipped_budget',
			'not_connected',
			'skipped_repeat',
		].map((status) => [status]),
	)('the status %s is explained', (status) => {
		expect(README).toContain(`\`${status}\``);
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

/**
 * Unipile v2 in the node's description, with a registry that lists it: the Service choice and its
 * credential, every operation offered (so the Operation lists are not split), its own option and
 * notices shown only when it is chosen.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { unipileV2Service } from '../../nodes/core/services/unipileV2';
import { OPERATIONS } from '../../nodes/LinkedInConnect/actions/operations';
import { implementationOf } from '../../nodes/LinkedInConnect/actions/types';
import { WithUnipileV2 } from './harness';

describe('Unipile v2 in the node description', () => {
	const { description } = new WithUnipileV2();

	it('is a third Service with its credential; Unipile v1 stays the default', () => {
		const service = description.properties.find((p) => p.name === 'authentication');
		expect((service?.options as INodePropertyOptions[]).map((o) => [o.value, o.name])).toEqual([
			['unipileApi', 'Unipile'],
			['linkupApi', 'LinkupAPI'],
			['unipileV2Api', 'Unipile v2'],
		]);
		expect(service?.default).toBe('unipileApi');
		expect(description.credentials?.map((c) => c.name)).toEqual([
			'unipileApi',
			'linkupApi',
			'unipileV2Api',
		]);
	});

	it('offers every operation, so each resource keeps one Operation list for all services', () => {
		for (const operation of OPERATIONS)
			expect(implementationOf(operation, unipileV2Service)).toBeDefined();
		const lists = description.properties.filter((p) => p.name === 'operation');
		expect(lists.map((p) => p.displayOptions?.show)).toEqual([
			{ resource: ['invitation'] },
			{ resource: ['message'] },
			{ resource: ['profile'] },
			{ resource: ['relation'] },
		]);
	});

	it('Shared Secret is hidden for it (v2 answers an invitation by its id alone) and never read', () => {
		const secrets = description.properties.filter((p) => p.name === 'sharedSecret');
		expect(secrets.map((p) => p.displayOptions?.hide?.authentication)).toEqual([
			['unipileV2Api'],
			['unipileV2Api'],
		]);
	});

	it('its Search option and notices show only when it is chosen', () => {
		const relationOptions = description.properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.resource?.[0] === 'relation',
		);
		expect(
			(relationOptions?.options as INodeProperties[]).map((o) => [
				o.name,
				o.displayOptions?.show?.['/authentication'],
			]),
		).toEqual(
			expect.arrayContaining([
				['nameFilter', ['unipileApi']],
				['relationSearch', ['unipileV2Api']],
			]),
		);
		const notices = description.properties.filter(
			(p) => p.type === 'notice' && p.displayOptions?.show?.authentication?.[0] === 'unipileV2Api',
		);
		expect(notices.map((p) => p.displayOptions?.show?.operation)).toEqual([['getStatus']]);
	});

	it('Send Message’s Send as InMail option (`inmail`) shows when it is chosen, never for LinkupAPI', () => {
		const messageOptions = description.properties.find(
			(p) =>
				p.name === 'options' &&
				p.displayOptions?.show?.resource?.[0] === 'message' &&
				p.displayOptions?.show?.operation?.[0] === 'send',
		);
		const inmail = (messageOptions?.options as INodeProperties[]).filter(
			(o) => o.name === 'inmail',
		);
		expect(inmail).toHaveLength(1);
		expect([inmail[0].type, inmail[0].default]).toEqual(['boolean', false]);
		const shownFor = inmail[0].displayOptions?.show?.['/authentication'];
		expect(shownFor).toContain('unipileV2Api');
		expect(shownFor).not.toContain('linkupApi');
	});
});

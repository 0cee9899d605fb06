/**
 * "Acme", a made-up third LinkedIn automation service used by test/execution/registry.test.ts to
 * prove that adding a service takes an adapter and a credential and no change to shared code.
 * One route: GET /acme/members/{id} with the key in `x-acme-key`. Acme has no documents: every
 * shape here is invented for that test (an ASSUMPTION by design, mirroring no real service).
 */
'use strict';
const { FakeService } = require('./base');
const { PEOPLE } = require('./people');

class FakeAcme extends FakeService {
	constructor({ apiKey = 'acme-key' } = {}) {
		super({ apiKey, keyHeader: 'x-acme-key' });
	}

	unauthorised() {
		return [401, { error: 'bad key' }];
	}

	serverError() {
		return { error: 'oops' };
	}

	route({ method, path, query }) {
		const match = /^\/acme\/members\/([^/]+)$/.exec(path);
		if (method !== 'GET' || !match) return [404, { error: 'no such route' }];
		const id = decodeURIComponent(match[1]);
		const person = PEOPLE.find((p) => p.publicIdentifier === id || p.providerId === id);
		if (!person) return [404, { error: 'no such member' }];
		return [
			200,
			{
				member: {
					urn: person.providerId,
					slug: person.publicIdentifier,
					name: `${person.firstName} ${person.lastName}`,
					region: query.region ?? null,
				},
			},
		];
	}
}

module.exports = { FakeAcme };

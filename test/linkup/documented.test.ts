/**
 * LinkupAPI as its v2 pages document it (D = https://docs.linkupapi.com/api-reference/v2): the exact
 * request bodies the fake receives, either form of an invitation ID taken by Withdraw, Accept and
 * Decline, one form of `invitation_id` in every output, the profile fields under both of the pages'
 * names, check_invitation's `linkedin_url`, and the credit notices. The fake refuses what the pages
 * do not show, so an adapter sending another shape fails here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { linkupService } from '../../nodes/core/services/linkup';
import { FakeLinkup } from '../fakes/linkup';
import { expectNoSecret } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { JULIEN, LINKUP_ACCOUNT_ID, LINKUP_KEY, linkupParams, rl } from '../helpers/fixtures';
import { useFake } from '../helpers/useFake';

const fake = new FakeLinkup({ apiKey: LINKUP_KEY });
const baseUrl = useFake(fake);
const MARIE_ID = 'ACoAABBBmarieCurie0000000000000000000000';
/** The one form every output gives (D/network/invite, list-sent, list-invitations). */
const URN = /^urn:li:invitation:\d+$/;

const run = async (
	resource: string,
	operation: string,
	extra: INodeParameters = {},
	items?: IDataObject[],
	onError?: 'continueRegularOutput',
) =>
	await runNode({
		parameters: linkupParams(resource, operation, extra),
		credentials: { linkupApi: { baseUrl: baseUrl(), apiKey: LINKUP_KEY } },
		items,
		onError,
	});

/** The /v2/network bodies the fake received for one action. */
const bodies = (action: string) =>
	fake
		.calls('POST', '/v2/network')
		.filter((r) => r.body?.action === action)
		.map((r) => r.body);

const digitsOf = (urn: string) => urn.split(':').pop() as string;

/** A request straight to the fake, as another client would send it. */
async function post(path: string, body: object) {
	const response = await fetch(`${baseUrl()}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': LINKUP_KEY },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
}

describe('Withdraw (D/network/withdraw: params.invitation_id, the digits)', () => {
	it.each([
		['the URN (as Get Many Sent gives it)', (urn: string) => urn],
		['the digits', (urn: string) => digitsOf(urn)],
		["LinkedIn's fsd URN", (urn: string) => `urn:li:fsd_invitation:${digitsOf(urn)}`],
		['the URN with spaces around', (urn: string) => `  ${urn} `],
	])('takes %s and sends the digits', async (_form, form) => {
		fake.seedSentInvitations(1);
		const urn = fake.invitations[0].invitation_urn as string;

		const result = await run('invitation', 'withdraw', { invitationId: form(urn) });

		expect(result.error).toBeUndefined();
		expect(bodies('withdraw')).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'withdraw',
				params: { invitation_id: digitsOf(urn) },
			},
		]);
		expect(result.items[0].json).toEqual({
			invitation_id: urn,
			status: 'withdrawn',
			credits_consumed: 1,
		});
		expect(fake.invitations).toHaveLength(0);
		expectNoSecret(result, LINKUP_KEY);
	});

	it.each([
		['a profile URN', 'urn:li:fsd_profile:ACoAABBBmarieCurie0000000000000000000000'],
		['a word', 'pending'],
		['digits with a letter', '7332661864792854528x'],
	])('refuses %s before any request, naming the forms it takes', async (_label, invitationId) => {
		const result = await run('invitation', 'withdraw', { invitationId });

		expect(result.error?.message).toMatch(
			/^'Invitation ID' must be a LinkedIn invitation ID, digits such as 7332661864792854528 or a URN such as urn:li:invitation:7332661864792854528, but it is ".*"\. Map it from the list's invitation_id\. Nothing was sent\.$/,
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('the fake refuses a URN in params.invitation_id, as the page shows digits', async () => {
		fake.seedSentInvitations(1);
		const urn = fake.invitations[0].invitation_urn as string;

		const answer = await post('/v2/network', {
			account_id: LINKUP_ACCOUNT_ID,
			action: 'withdraw',
			params: { invitation_id: urn },
		});

		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ success: false, error: { code: 'INVALID_PARAMS' } });
		expect(fake.invitations).toHaveLength(1);
	});
});

describe('Accept and Decline (D/network/accept: params.shared_secret and params.entity_urn)', () => {
	it.each([
		['accept', 'accepted'],
		['decline', 'declined'],
	])('%s takes the URN or the digits and sends the URN', async (operation, status) => {
		const [katherine, rosalind] = fake.received as Array<{
			entity_urn: string;
			shared_secret: string;
		}>;

		const byUrn = await run('invitation', operation, {
			invitationId: katherine.entity_urn,
			sharedSecret: katherine.shared_secret,
		});
		const byDigits = await run('invitation', operation, {
			invitationId: digitsOf(rosalind.entity_urn),
			sharedSecret: rosalind.shared_secret,
		});

		expect(byUrn.error).toBeUndefined();
		expect(byDigits.error).toBeUndefined();
		expect(bodies(operation)).toEqual(
			[katherine, rosalind].map((invitation) => ({
				account_id: LINKUP_ACCOUNT_ID,
				action: operation,
				params: { shared_secret: invitation.shared_secret, entity_urn: invitation.entity_urn },
			})),
		);
		expect(byUrn.items[0].json).toEqual({
			invitation_id: katherine.entity_urn,
			status,
			credits_consumed: 1,
		});
		expect(byDigits.items[0].json.invitation_id).toBe(rosalind.entity_urn);
		expect(fake.received.filter((r) => r.account_id === LINKUP_ACCOUNT_ID)).toHaveLength(0);
		expectNoSecret(byUrn, LINKUP_KEY);
	});

	it('an id that is no invitation fails before any request', async () => {
		const result = await run('invitation', 'accept', {
			invitationId: 'not-an-id',
			sharedSecret: 'secret',
		});

		expect(result.error?.message).toMatch(/^'Invitation ID' must be a LinkedIn invitation ID/);
		expect(fake.requests).toHaveLength(0);
	});

	it('the fake refuses digits in params.entity_urn, as the page takes the list’s URN', async () => {
		const [katherine] = fake.received as Array<{ entity_urn: string; shared_secret: string }>;

		const answer = await post('/v2/network', {
			account_id: LINKUP_ACCOUNT_ID,
			action: 'accept',
			params: {
				shared_secret: katherine.shared_secret,
				entity_urn: digitsOf(katherine.entity_urn),
			},
		});

		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ error: { code: 'INVALID_PARAMS' } });
	});
});

describe('invitation_id: one form in every output (urn:li:invitation:N)', () => {
	it('Send, Get Many Sent and Get Status name the same invitation the same way', async () => {
		const sent = await run('invitation', 'send', { profile: rl('providerId', MARIE_ID) });
		const listed = await run('invitation', 'getManySent', { returnAll: true });
		const status = await run('invitation', 'getStatus', { profile: rl('providerId', MARIE_ID) });

		const id = fake.invitations[0].invitation_urn;
		expect(id).toMatch(URN);
		expect(sent.items[0].json.invitation_id).toBe(id);
		expect(listed.items.map((i) => i.json.invitation_id)).toEqual([id]);
		// check_invitation answers the digits (its id is the one withdraw takes): given as the URN.
		expect(status.items[0].json).toMatchObject({
			invitation_status: 'pending_sent',
			invitation_id: id,
		});
	});

	it('a Send recovered after a lost answer gives the URN, as a normal Send does', async () => {
		fake.addFault({ path: '/v2/network', match: '"action":"invite"', mode: 'reset', after: true });

		const result = await run('invitation', 'send', {
			profile: rl('url', JULIEN.url),
			options: { maxRetries: 0 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'sent',
			invitation_id: fake.invitations[0].invitation_urn,
			public_identifier: JULIEN.publicIdentifier,
			profile_url: JULIEN.url,
			confirmed_after_error: 'ECONNRESET',
		});
		expect(result.items[0].json.invitation_id).toMatch(URN);
		expect(bodies('invite')).toHaveLength(1);
		expect(bodies('check_invitation')).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'check_invitation',
				params: { linkedin_url: JULIEN.url },
			},
		]);
	});

	it('Get Many Received gives the URN, and Accept takes it as it is', async () => {
		const received = await run('invitation', 'getManyReceived', { returnAll: true });
		const accepted = await run('invitation', 'accept', {}, [received.items[0].json]);

		for (const item of received.items) expect(item.json.invitation_id).toMatch(URN);
		expect(accepted.items[0].json.invitation_id).toBe(received.items[0].json.invitation_id);
	});

	it('an answer writing urn:li:fsd_invitation:N or a bare number is output as urn:li:invitation:N', async () => {
		fake.addFault({
			path: '/v2/network',
			match: '"action":"list_sent"',
			status: 200,
			body: {
				success: true,
				data: {
					invitations: [
						{ entity_urn: 'urn:li:fsd_invitation:7329176687475109888', recipient: {} },
						{ entity_urn: '7329176687475109889', recipient: {} },
						{ entity_urn: 42, recipient: {} },
					],
					pagination: { has_more: false },
				},
				metadata: { credits_consumed: 1 },
			},
		});

		const result = await run('invitation', 'getManySent', { returnAll: true });

		expect(result.items.map((i) => i.json.invitation_id)).toEqual([
			'urn:li:invitation:7329176687475109888',
			'urn:li:invitation:7329176687475109889',
			'urn:li:invitation:42',
		]);
	});
});

describe('check_invitation (D/network/check-invitation: the params schema names linkedin_url)', () => {
	it('Get Status sends params.linkedin_url, the profile URL', async () => {
		await run('invitation', 'getStatus', { profile: rl('publicIdentifier', 'linus-t') });

		expect(bodies('check_invitation')).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'check_invitation',
				params: { linkedin_url: 'https://www.linkedin.com/in/linus-t/' },
			},
		]);
	});

	it('Send with Skip If Connected or Pending checks with params.linkedin_url', async () => {
		await run('invitation', 'send', {
			profile: rl('url', JULIEN.url),
			options: { skipIfConnectedOrPending: true },
		});

		expect(bodies('check_invitation')).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'check_invitation',
				params: { linkedin_url: JULIEN.url },
			},
		]);
		expect(bodies('invite')).toHaveLength(1);
	});

	it('the fake takes the example’s profile_url too, and refuses a call with neither', async () => {
		const request = (params: object) =>
			post('/v2/network', { account_id: LINKUP_ACCOUNT_ID, action: 'check_invitation', params });

		expect((await request({ profile_url: JULIEN.url })).status).toBe(200);
		expect((await request({ linkedin_url: JULIEN.url })).status).toBe(200);
		expect((await request({})).body).toMatchObject({ error: { code: 'INVALID_PARAMS' } });
	});
});

describe('profile readers take both of the pages’ names', () => {
	const answer = (data: object) => ({
		path: '/v2/profiles',
		status: 200,
		body: { success: true, data, metadata: { credits_consumed: 1 } },
	});

	it.each([
		[
			'public_id and linkedin_url (D/profiles/search-people)',
			{
				public_id: 'marie-curie',
				linkedin_url: 'https://www.linkedin.com/in/marie-curie',
				profile_urn: `urn:li:fsd_profile:${MARIE_ID}`,
			},
		],
		['linkedin_url only', { linkedin_url: 'https://www.linkedin.com/in/marie-curie' }],
		[
			'public_identifier and profile_url (D/network/invite, list-connections)',
			{ public_identifier: 'marie-curie', profile_url: 'https://www.linkedin.com/in/marie-curie/' },
		],
	])('Get Profile and Get My Profile read %s', async (_label, fields) => {
		fake.addFault(answer({ ...fields, first_name: 'Marie', last_name: 'Curie' }));
		fake.addFault(answer({ ...fields, first_name: 'Marie', last_name: 'Curie' }));

		const profile = await run('profile', 'get', {
			profile: rl('url', 'linkedin.com/in/marie-curie'),
		});
		const me = await run('profile', 'getMe');

		for (const result of [profile, me]) {
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				public_identifier: 'marie-curie',
				profile_url: 'https://www.linkedin.com/in/marie-curie/',
				full_name: 'Marie Curie',
			});
		}
		if ('profile_urn' in fields) expect(profile.items[0].json.provider_id).toBe(MARIE_ID);
	});

	it('Get Profile sends params.profile_url (Pipedream’s get-profile-info, citing D/profiles/get-profile)', async () => {
		await run('profile', 'get', { profile: rl('publicIdentifier', 'marie-curie') });

		expect(fake.calls('POST', '/v2/profiles').map((r) => r.body)).toEqual([
			{
				account_id: LINKUP_ACCOUNT_ID,
				action: 'get',
				params: { profile_url: 'https://www.linkedin.com/in/marie-curie/' },
			},
		]);
	});
});

describe('lists as the pages show them', () => {
	it('the example items carry no note: message is null, and the fake invents none', async () => {
		await run('invitation', 'send', { profile: rl('url', JULIEN.url), message: 'Hi Julien!' });
		const sent = await run('invitation', 'getManySent', { returnAll: true, simplify: false });
		const received = await run('invitation', 'getManyReceived', { returnAll: true });
		const sentSimple = await run('invitation', 'getManySent', { returnAll: true });

		expect(sent.items[0].json).not.toHaveProperty('message');
		expect(sentSimple.items[0].json.message).toBeNull();
		for (const item of received.items) expect(item.json.message).toBeNull();
	});

	it('a note is read when an answer has one', async () => {
		fake.addFault({
			path: '/v2/network',
			match: '"action":"list_invitations"',
			status: 200,
			body: {
				success: true,
				data: {
					invitations: [
						{
							entity_urn: 'urn:li:invitation:123456789',
							// The example value on D/network/list-invitations, no real secret.
							// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets
							shared_secret: 'abcdef12-3456-7890-abcd-ef1234567890',
							sender: { linkedin_url: 'https://www.linkedin.com/in/alicejohnson' },
							message: 'Hello!',
						},
					],
					pagination: { has_more: false },
				},
				metadata: { credits_consumed: 1 },
			},
		});

		const result = await run('invitation', 'getManyReceived', { returnAll: true });

		expect(result.items[0].json).toMatchObject({
			invitation_id: 'urn:li:invitation:123456789',
			public_identifier: 'alicejohnson',
			message: 'Hello!',
		});
	});

	it('list_sent costs 1 credit per 50 results returned (D/network/list-sent)', async () => {
		fake.seedSentInvitations(60);

		await run('invitation', 'getManySent', { returnAll: true });

		// Pages of 50: each costs one credit, so a read that stops early never pays for a page of 100.
		expect(bodies('list_sent')).toEqual([
			{ account_id: LINKUP_ACCOUNT_ID, action: 'list_sent', params: { count: 50, offset: 0 } },
			{ account_id: LINKUP_ACCOUNT_ID, action: 'list_sent', params: { count: 50, offset: 50 } },
		]);
		expect(fake.credits).toBe(98);
	});
});

describe('credit notices say what each page states', () => {
	it.each([
		['invitation:getManySent', /1 credit per 50 results returned/],
		['relation:getMany', /1 credit per 50 results returned/],
		['invitation:getManyReceived', /state no rate per result/],
		['invitation:getStatus', /one credit per item/],
	] as const)('%s', (operation, expected) => {
		expect(linkupService.notices?.[operation]).toMatch(expected);
	});
});

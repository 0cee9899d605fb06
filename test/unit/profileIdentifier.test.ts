import {
	parseProfile,
	parseProfileUrl,
	parsePublicIdentifier,
	parseProviderId,
	profileUrlOf,
} from '../../nodes/core/shared/profileIdentifier';

const JULIEN_ID = 'ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E';

describe('parseProfileUrl accepts what users paste', () => {
	it.each([
		['https://www.linkedin.com/in/julien-crepieux/', 'julien-crepieux'],
		['https://www.linkedin.com/in/julien-crepieux', 'julien-crepieux'],
		['http://www.linkedin.com/in/julien-crepieux', 'julien-crepieux'],
		['www.linkedin.com/in/julien-crepieux', 'julien-crepieux'],
		['linkedin.com/in/julien-crepieux/', 'julien-crepieux'],
		['  https://linkedin.com/in/julien-crepieux  ', 'julien-crepieux'],
		['https://fr.linkedin.com/in/julien-crepieux/', 'julien-crepieux'],
		['HTTPS://WWW.LINKEDIN.COM/IN/julien-crepieux', 'julien-crepieux'],
		['https://www.linkedin.com/in/julien-crepieux/?originalSubdomain=fr', 'julien-crepieux'],
		[
			'https://www.linkedin.com/in/julien-crepieux?trk=public_profile#experience',
			'julien-crepieux',
		],
		['https://www.linkedin.com/in/julien-crepieux/details/experience/', 'julien-crepieux'],
		['https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/', 'jérôme-dupont'],
		['https://www.linkedin.com/in/jérôme-dupont/', 'jérôme-dupont'],
		['https://www.linkedin.com:443/in/julien-crepieux', 'julien-crepieux'],
		['www.linkedin.com:443/in/julien-crepieux', 'julien-crepieux'],
		['julien-crepieux', 'julien-crepieux'],
		['jérôme-dupont', 'jérôme-dupont'],
	])('%s → public identifier %s', (input, expected) => {
		expect(parseProfileUrl(input)).toEqual({ kind: 'publicIdentifier', value: expected });
	});

	it('treats /in/ACo… internal-id URLs as provider ids', () => {
		expect(parseProfileUrl(`https://www.linkedin.com/in/${JULIEN_ID}`)).toEqual({
			kind: 'providerId',
			value: JULIEN_ID,
		});
		expect(parseProfileUrl(`linkedin.com/in/${JULIEN_ID}/?miniProfileUrn=x`)).toEqual({
			kind: 'providerId',
			value: JULIEN_ID,
		});
	});
});

describe('parseProfileUrl refuses what is not a member profile, naming the field and the fix', () => {
	it.each([
		['', /'Profile' is empty/],
		['   ', /'Profile' is empty/],
		['https://www.linkedin.com/', /not a member profile/],
		['https://www.linkedin.com/company/unipile/', /a \/company\/ page, not a member profile/],
		['https://www.linkedin.com/school/mit/', /a \/school\/ page/],
		['https://www.linkedin.com/in/', /no member identifier after \/in\//],
		['https://www.linkedin.com/in//', /no member identifier after \/in\//],
		['https://example.com/in/julien-crepieux', /points to example\.com, not linkedin\.com/],
		['https://linkedin.com.evil.io/in/julien', /not linkedin\.com/],
		['https://notlinkedin.com/in/julien', /not linkedin\.com/],
		['javascript:alert(1)', /javascript: address, not a LinkedIn profile URL/],
		['data:text/html,<b>x</b>', /data: address/],
		['ftp://www.linkedin.com/in/julien', /ftp: address/],
		['https://www.linkedin.com/in/a%2Fb', /characters a LinkedIn identifier cannot have/],
		['https://www.linkedin.com/in/%2E%2E/admin', /not a member profile|cannot have/],
		['https://www.linkedin.com/in/a%0Ab', /cannot have/],
		['https://www.linkedin.com/in/%E0%A4%A', /malformed percent-encoding/],
		[`https://www.linkedin.com/in/${'x'.repeat(300)}`, /characters long \(at most 200\)/],
	])('%j is refused', (input, message) => {
		expect(() => parseProfileUrl(input)).toThrow(message);
	});

	it('every refusal starts with the field name and gives an example or fix', () => {
		for (const input of ['', 'https://www.linkedin.com/company/x', 'https://example.com/in/x']) {
			expect(() => parseProfileUrl(input)).toThrow(/^'Profile' .+\. .+/);
		}
	});

	it.each([
		[{ url: 'x' }, 'an object'],
		[['a'], 'a list'],
		[true, 'boolean'],
	])('non-text value %j is refused', (value, kind) => {
		expect(() => parseProfileUrl(value)).toThrow(
			`'Profile' must be text, but the value is ${kind}`,
		);
	});

	it.each([[null], [undefined]])(
		'a missing value (%j) is reported as empty, hinting at the expression',
		(value) => {
			expect(() => parseProfileUrl(value)).toThrow(
				/^'Profile' is empty\. If it comes from an expression, check that the input item has that field/,
			);
		},
	);
});

describe('parsePublicIdentifier', () => {
	it.each([
		['julien-crepieux', 'julien-crepieux'],
		[' julien-crepieux ', 'julien-crepieux'],
		['julien-crepieux/', 'julien-crepieux'],
		['Julien-Crepieux', 'Julien-Crepieux'],
		['jérôme-dupont', 'jérôme-dupont'],
		['j%C3%A9r%C3%B4me-dupont', 'jérôme-dupont'],
		['https://www.linkedin.com/in/julien-crepieux/', 'julien-crepieux'],
	])('%j → %j', (input, expected) => {
		expect(parsePublicIdentifier(input)).toEqual({ kind: 'publicIdentifier', value: expected });
	});

	it.each([
		['julien crepieux'],
		['a/b'],
		['a?b'],
		['a#b'],
		['..'],
		['../admin'],
		['a%2Fb'],
		['a\u0000b'],
		['a\tb'],
	])('%j is refused', (input) => {
		expect(() => parsePublicIdentifier(input)).toThrow(/'Profile'/);
	});
});

describe("a person's name instead of a profile (a sheet's Name column, an AI agent's guess)", () => {
	it.each([['Barbara Liskov'], ['Jérôme Dupont'], ["Conan O'Brien"]])(
		'%j is refused as a name, By URL and By Public ID, saying what to give instead',
		(name) => {
			for (const parse of [parseProfileUrl, parsePublicIdentifier])
				expect(() => parse(name)).toThrow(
					/'Profile' looks like a person's name .* not a LinkedIn profile\. Give the member's profile URL/,
				);
		},
	);
});

describe('parseProviderId', () => {
	it('accepts the documented prefixes', () => {
		for (const id of [
			JULIEN_ID,
			'ADoAAAcDMMQBODyLwZrRcgYhrkC',
			'ACwAAAcDMMQBODyLwZrRcgYhrkC',
			'AEMAAAcDMMQBODyLwZrRcgYhrkC',
		]) {
			expect(parseProviderId(` ${id} `)).toEqual({ kind: 'providerId', value: id });
		}
	});

	it.each([
		['julien-crepieux'],
		['ACo'],
		['XYZAAAcDMMQBODyLwZrRcgYhrkC'],
		['ACoAAAcD MMQBODyLwZrRcgYhrkC'],
		['ACoAAAcD/MQBODyLwZrRcgYhrkC'],
	])('%j is refused with the expected shape', (input) => {
		expect(() => parseProviderId(input)).toThrow(
			/is not a LinkedIn provider ID\. Provider IDs start with ACo/,
		);
	});
});

describe('parseProfile and profileUrlOf', () => {
	it('dispatches on the locator mode', () => {
		expect(parseProfile('url', 'linkedin.com/in/x-y')).toEqual({
			kind: 'publicIdentifier',
			value: 'x-y',
		});
		expect(parseProfile('publicIdentifier', 'x-y')).toEqual({
			kind: 'publicIdentifier',
			value: 'x-y',
		});
		expect(parseProfile('providerId', JULIEN_ID)).toEqual({ kind: 'providerId', value: JULIEN_ID });
		expect(() => parseProfile('email', 'x')).toThrow(/unknown mode "email"/);
	});

	it('builds a canonical URL with the identifier encoded', () => {
		expect(profileUrlOf({ kind: 'publicIdentifier', value: 'jérôme-dupont' })).toBe(
			'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/',
		);
	});
});

import { redactSecrets } from '../../nodes/core/shared/errors';

const KEY = 'Abc-Secret/Key+1 x';

describe('redactSecrets', () => {
	it.each([
		['as given', `key ${KEY} refused`],
		['upper-cased by the server', `KEY ${KEY.toUpperCase()} REFUSED`],
		['lower-cased', `key ${KEY.toLowerCase()} refused`],
		['URL-encoded', `GET /x?key=${encodeURIComponent(KEY)}`],
		['URL-encoded with lower-case escapes', `GET /x?key=${encodeURIComponent(KEY).toLowerCase()}`],
		['form-encoded (+ for spaces)', `key=${encodeURIComponent(KEY).replace(/%20/g, '+')}`],
		['several times', `${KEY} and ${KEY.toUpperCase()} and ${encodeURIComponent(KEY)}`],
	])('hides the key %s', (_label, text) => {
		const redacted = redactSecrets(text, [KEY]);

		expect(redacted).toContain('***');
		expect(redacted.toLowerCase()).not.toContain(KEY.toLowerCase());
		expect(redacted.toLowerCase()).not.toContain(encodeURIComponent(KEY).toLowerCase());
		expect(redacted.toLowerCase()).not.toContain('secret/key');
		expect(redacted.toLowerCase()).not.toContain('secret%2fkey');
	});

	it('keeps the rest of the text as it was', () => {
		expect(redactSecrets(`Unipile said: bad key ${KEY.toUpperCase()}.`, [KEY])).toBe(
			'Unipile said: bad key ***.',
		);
	});

	it('treats the key as text, not as a pattern', () => {
		expect(redactSecrets('a.b*c(d) and aXbbc(d)', ['a.b*c(d)'])).toBe('*** and aXbbc(d)');
	});

	it('leaves very short values alone (they would redact ordinary words)', () => {
		expect(redactSecrets('the key abc', ['abc'])).toBe('the key abc');
	});
});

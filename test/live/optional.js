/**
 * Fields the package reads that an answer may lack and still be read right: a documented optional
 * field, or one of two names the package tries for the same thing. The shape report shows them as
 * "absent, optional" instead of MISSING, so a live run fails only on what the package needs.
 *
 * Each with its reason, from the adapter that reads it (the sources are cited there). A live run
 * that reports a field MISSING which turns out to be optional too: add it here with its reason.
 */
'use strict';

const OPTIONAL_FIELDS = {
	unipileApi: {
		profile_picture_url: 'a member without a photo (optional in the v1 spec’s UserProfile)',
		invitation: 'only while an invitation to the member is pending (UserProfile.invitation)',
		usage: 'Unipile adds it to an invitation’s answer only sometimes (optional in the spec)',
	},
	linkupApi: {
		'data.network_distance': 'your own profile has no distance to you',
		'data.linkedin_url': 'one of two names for the profile URL (linkup/invitations.ts)',
		'data.profile_url': 'one of two names for the profile URL (linkup/invitations.ts)',
		'data.invitations[].message': 'only an invitation sent with a note has one',
		'data.conversation_id':
			'the v1 answer had it, the v2 example has none (linkup/messages.ts); the chat id is then null',
	},
	unipileV2Api: {
		headline:
			'no v2 user object shows it; the package reads `description` (ASSUMPTION in unipileV2/profiles.ts)',
		'data[].user.headline': 'as `headline`: `description` is read instead',
		'data[].user.location': 'read from `specifics.location` when absent',
		next_cursor: 'absent on the last page',
		'specifics.relation_request': 'only while an invitation is pending',
		'specifics.relation_request_status': 'only while an invitation is pending',
		'data[].message': 'only an invitation sent with a note has one',
	},
};

/** Splits a shape's missing fields into those the service must send and those it may leave out. */
function classifyMissing(credentialType, missing) {
	const optional = OPTIONAL_FIELDS[credentialType] ?? {};
	return {
		missing: missing.filter((path) => !optional[path]),
		optional: missing
			.filter((path) => optional[path])
			.map((path) => ({ path, why: optional[path] })),
	};
}

module.exports = { OPTIONAL_FIELDS, classifyMissing };

/**
 * The services `npm run check:live` can check, as the environment names them. Kept apart from the
 * check itself so the command can say what to set without loading n8n.
 */
'use strict';

/**
 * The services the environment can name, with the variables each needs, its credential from them
 * and back (`envOf`: the variables naming a credential). Base URLs may be overridden (another host
 * the service gave you; the tests' fakes; a replay).
 */
const SERVICE_SETTINGS = [
	{
		credentialType: 'unipileApi',
		variables: ['UNIPILE_DSN', 'UNIPILE_API_KEY'],
		credential: (env) => ({ dsn: env.UNIPILE_DSN, apiKey: env.UNIPILE_API_KEY }),
		envOf: ({ dsn, apiKey }) => ({ UNIPILE_DSN: dsn, UNIPILE_API_KEY: apiKey }),
	},
	{
		credentialType: 'linkupApi',
		variables: ['LINKUP_API_KEY'],
		credential: (env) => ({
			apiKey: env.LINKUP_API_KEY,
			baseUrl: env.LINKUP_BASE_URL || 'https://api.linkupapi.com',
		}),
		envOf: ({ baseUrl, apiKey }) => ({ LINKUP_API_KEY: apiKey, LINKUP_BASE_URL: baseUrl }),
	},
	{
		credentialType: 'unipileV2Api',
		variables: ['UNIPILE_V2_API_KEY'],
		credential: (env) => ({
			apiKey: env.UNIPILE_V2_API_KEY,
			baseUrl: env.UNIPILE_V2_BASE_URL || 'https://api.unipile.com/v2',
		}),
		envOf: ({ baseUrl, apiKey }) => ({ UNIPILE_V2_API_KEY: apiKey, UNIPILE_V2_BASE_URL: baseUrl }),
	},
];

/** Which services the environment names, and which it names only in part. */
function servicesIn(env) {
	const chosen = [];
	const incomplete = [];
	for (const settings of SERVICE_SETTINGS) {
		const set = settings.variables.filter((name) => env[name]);
		if (set.length === settings.variables.length) chosen.push(settings);
		else if (set.length)
			incomplete.push({ settings, missing: settings.variables.filter((n) => !env[n]) });
	}
	return { chosen, incomplete };
}

module.exports = { SERVICE_SETTINGS, servicesIn };

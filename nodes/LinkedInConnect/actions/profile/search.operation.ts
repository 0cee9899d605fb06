import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { runSearch } from '../../../core/services/searchPaging';
import type { LinkedInService, SearchFilterValue } from '../../../core/services/types';
import {
	accountIdLocator,
	delayBetweenItemsOption,
	limitProperty,
	pacedOptions,
	returnAllProperty,
	simplifyProperty,
} from '../../../core/shared/descriptions';
import { pause, pauseLength } from '../../../core/shared/pacing';
import {
	InputError,
	numberOption,
	readAccountId,
	readLimit,
	readOptions,
} from '../../../core/shared/parameters';
import type { OperationDefinition } from '../types';

/** Where Search by URL, Sales Navigator and the Location/Company lists are offered (from the registry). */
export function searchProperties(services: readonly LinkedInService[]): INodeProperties[] {
	const withUrl = services.filter((s) => s.search?.byUrl).map((s) => s.credentialType);
	const withSalesNavigator = services
		.filter((s) => s.search?.salesNavigator)
		.map((s) => s.credentialType);
	const filterLocator = (name: 'location' | 'company', displayName: string, example: string) => ({
		displayName,
		name,
		type: 'resourceLocator' as const,
		default: { mode: 'list', value: '' },
		description: `Only people ${name === 'location' ? 'located in' : 'currently working at'} this ${name}`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list' as const,
				placeholder: `Search for a ${name}...`,
				typeOptions: {
					searchListMethod: name === 'location' ? 'searchLocations' : 'searchCompanies',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string' as const,
				placeholder: 'e.g. 105015875',
				hint: "LinkedIn's numeric ID, as the list gives it",
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string' as const,
				placeholder: `e.g. ${example}`,
				hint: 'Plain text, where the service takes it (LinkupAPI; Sales Navigator companies; a Unipile v2 Classic company); locations on Unipile need an ID from the list',
			},
		],
	});
	return [
		{
			displayName:
				'LinkedIn gives at most 1,000 results per Classic search and 2,500 per Sales Navigator search, and Unipile advises no more per day. Each page read is a request from the account: pages are paced (Options → Delay Between Pages).',
			name: 'searchLimitsNotice',
			type: 'notice',
			default: '',
		},
		accountIdLocator,
		{
			displayName: 'Search By',
			name: 'searchBy',
			type: 'options',
			options: [
				{
					name: 'Keywords and Filters',
					value: 'keywords',
					description: 'Keywords, title, company, location, connection degree',
				},
				{
					name: 'Search URL',
					value: 'url',
					description:
						'A LinkedIn or Sales Navigator people search, saved search or lead list, pasted',
				},
			],
			default: 'keywords',
			description: 'Search with keywords and filters here, or run a search built on LinkedIn',
			displayOptions: { show: { authentication: withUrl } },
		},
		{
			displayName: 'Search URL',
			name: 'searchUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://www.linkedin.com/search/results/people/?keywords=founder',
			description:
				'A people search as the browser shows it (linkedin.com/search/results/people/… or linkedin.com/sales/search/people…); it sets the product and every filter',
			displayOptions: { show: { searchBy: ['url'], authentication: withUrl } },
		},
		{
			displayName: 'LinkedIn API',
			name: 'linkedinApi',
			type: 'options',
			options: [
				{ name: 'Classic', value: 'classic', description: 'LinkedIn search (pages of up to 50)' },
				{
					name: 'Sales Navigator',
					value: 'salesNavigator',
					description:
						'Needs a Sales Navigator seat on the account; results carry Sales Navigator IDs, which Send Invitation resolves',
				},
			],
			default: 'classic',
			description: 'Which LinkedIn product runs the search',
			displayOptions: { show: { searchBy: ['keywords'], authentication: withSalesNavigator } },
		},
		{
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			placeholder: 'e.g. head of sales',
			description: 'What LinkedIn searches for in names, titles, companies and profiles',
			displayOptions: { hide: { searchBy: ['url'] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { hide: { searchBy: ['url'] } },
			options: [
				{
					displayName: 'Additional Filters (JSON)',
					name: 'additionalFilters',
					type: 'json',
					default: '{}',
					description:
						'More of the service\'s own search fields, merged into its request as it documents them (e.g. Unipile Classic: {"industry": ["4"]})',
				},
				filterLocator('company', 'Company', 'Unipile'),
				{
					displayName: 'Connection Degree',
					name: 'connectionDegree',
					type: 'multiOptions',
					options: [
						{ name: '1st', value: 1 },
						{ name: '2nd', value: 2 },
						{ name: '3rd and Beyond', value: 3 },
					],
					default: [],
					description: 'Only people at these distances from the account',
				},
				filterLocator('location', 'Location', 'Paris'),
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					placeholder: 'e.g. VP Sales',
					description: 'Words in the current job title',
				},
			],
		},
		returnAllProperty,
		{ ...limitProperty, description: 'Max number of people to return (LinkedIn caps a search)' },
		simplifyProperty,
	];
}

const options: INodeProperties[] = [
	{
		displayName: 'Exclude Connected and Pending',
		name: 'excludeConnectedAndPending',
		type: 'boolean',
		default: false,
		description:
			'Whether to leave out first-degree connections and people your invitation already waits for (LinkupAPI: asks for the invitation state, which it reports per result)',
	},
	{
		...delayBetweenItemsOption(
			{ minSeconds: 2, maxSeconds: 5 },
			'Pause a random time before each page after the first (default 2–5 seconds when not added). Unipile asks for searches spaced at random intervals.',
		),
		displayName: 'Delay Between Pages',
		name: 'delayBetweenPages',
	},
	...pacedOptions(
		{ minSeconds: 30, maxSeconds: 90 },
		'Pause a random time before each input item (each runs a search)',
	),
];

/** Default pause between pages when Delay Between Pages is not added (milliseconds). */
const PAGE_PAUSE_MS = { minMs: 2000, maxMs: 5000, every: 1 };

/** Delay Between Pages: its range, or the default. */
function pagePause(context: IExecuteFunctions, settings: IDataObject): () => Promise<void> {
	const range = (settings.delayBetweenPages as IDataObject | undefined)?.range as
		| IDataObject
		| undefined;
	const pace = range
		? {
				minMs: numberOption(range, 'minSeconds', 0, 0, 3600) * 1000,
				maxMs: numberOption(range, 'maxSeconds', 0, 0, 3600) * 1000,
				every: 1,
			}
		: PAGE_PAUSE_MS;
	const signal = context?.getExecutionCancelSignal?.();
	return async () => {
		const ms = pauseLength(pace);
		if (ms > 0) await pause(ms, signal);
	};
}

const SEARCH_URL =
	/^(?:https?:\/\/)?((?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(?:search\/results\/people|sales\/search\/people|sales\/lists\/people)\b.*)$/i;

function readSearchUrl(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('searchUrl', itemIndex, '') as unknown;
	const url = typeof raw === 'string' ? raw.trim() : '';
	if (!url)
		throw new InputError(
			"'Search URL' is empty. Paste a LinkedIn people search URL. Nothing was sent.",
		);
	const match = SEARCH_URL.exec(url);
	if (!match) {
		throw new InputError(
			`'Search URL' ${JSON.stringify(url.slice(0, 80))} is not a LinkedIn people search: paste one from linkedin.com/search/results/people/… or linkedin.com/sales/search/people… (a lead list: linkedin.com/sales/lists/people/…). Nothing was sent.`,
		);
	}
	// Pasted without a scheme or over http: sent as the https URL LinkedIn serves.
	return `https://${match[1]}`;
}

/** A Location or Company locator: an id (From List, By ID) or a name. */
function filterValue(raw: unknown, label: string): SearchFilterValue | undefined {
	const locator =
		raw && typeof raw === 'object' ? (raw as IDataObject) : { mode: 'name', value: raw };
	const value = typeof locator.value === 'number' ? String(locator.value) : locator.value;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		throw new InputError(`'${label}' must be text or an ID. Nothing was sent.`);
	}
	const isId = locator.mode !== 'name';
	if (isId && !/^\d+$/.test(value.trim())) {
		throw new InputError(
			`'${label}' ${JSON.stringify(value.slice(0, 40))} is not a LinkedIn ID (digits only): pick it From List, or choose By Name. Nothing was sent.`,
		);
	}
	return { value: value.trim(), isId };
}

const NOT_JSON = Symbol('not JSON');

function parsedJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

function readAdditionalFilters(raw: unknown): IDataObject {
	if (raw === undefined || raw === null || raw === '') return {};
	const parsed = typeof raw === 'string' ? parsedJson(raw) : raw;
	if (parsed === NOT_JSON) {
		throw new InputError(
			'\'Additional Filters (JSON)\' is not valid JSON: write an object such as {"industry": ["4"]}. Nothing was sent.',
		);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(
			'\'Additional Filters (JSON)\' must be a JSON object of the service\'s search fields, such as {"industry": ["4"]}. Nothing was sent.',
		);
	}
	return parsed as IDataObject;
}

export const searchProfiles: OperationDefinition<'profile:search'> = {
	key: 'profile:search',
	resource: 'profile',
	operation: 'search',
	name: 'Search',
	action: 'Search for people',
	description:
		'Find people by keywords and filters or a pasted search URL, ready for Send Invitation',
	properties: [],
	propertiesFor: searchProperties,
	options,
	maxConcurrency: 1,
	readInput(context, itemIndex, service) {
		const search = service.search;
		if (!search) throw new InputError(`${service.displayName} does not offer Search.`);
		const settings = readOptions(context, itemIndex);
		const byUrl =
			search.byUrl && context.getNodeParameter('searchBy', itemIndex, 'keywords') === 'url';
		const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const api =
			search.salesNavigator &&
			context.getNodeParameter('linkedinApi', itemIndex, 'classic') === 'salesNavigator'
				? 'salesNavigator'
				: 'classic';
		const keywords = String(context.getNodeParameter('keywords', itemIndex, '') ?? '').trim();
		const degrees = (Array.isArray(filters.connectionDegree) ? filters.connectionDegree : [])
			.map(Number)
			.filter((degree): degree is 1 | 2 | 3 => degree === 1 || degree === 2 || degree === 3);
		const input = {
			accountId: readAccountId(context, itemIndex),
			url: byUrl ? readSearchUrl(context, itemIndex) : undefined,
			api: api as 'classic' | 'salesNavigator',
			keywords: byUrl || !keywords ? undefined : keywords,
			title: byUrl ? undefined : String(filters.title ?? '').trim() || undefined,
			company: byUrl ? undefined : filterValue(filters.company, 'Company'),
			location: byUrl ? undefined : filterValue(filters.location, 'Location'),
			connectionDegree: byUrl ? [] : degrees,
			additionalFilters: byUrl ? {} : readAdditionalFilters(filters.additionalFilters),
			limit: readLimit(context, itemIndex),
			excludeConnectedAndPending: settings.excludeConnectedAndPending === true,
		};
		if (
			!byUrl &&
			!input.keywords &&
			!input.title &&
			!input.company &&
			!input.location &&
			!degrees.length &&
			!Object.keys(input.additionalFilters).length
		) {
			throw new InputError(
				"Nothing to search for: give 'Keywords' or at least one filter (a search of everyone returns LinkedIn's first 1,000 people at random). Nothing was sent.",
			);
		}
		return input;
	},
	implementation(service) {
		const search = service.search;
		return (
			search &&
			(async (client, input, options, context) => {
				const outcome = await runSearch(
					search,
					client,
					input,
					options,
					pagePause(context, options),
				);
				return Object.assign(outcome.results, { hint: outcome.hint });
			})
		);
	},
};

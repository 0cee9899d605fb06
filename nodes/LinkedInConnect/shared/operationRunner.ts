/**
 * Runs one operation for one item. RoutingNode offers no hook *around* a request, only before
 * (preSend) and after (postReceive) it, so errors there would reach the output as empty items. Its
 * `pagination` hook is the one place that wraps the whole call: we use it to validate input before
 * anything is sent, chain requests (lookup → invite), retry reads, and turn a failure into an
 * `{ error }` item under Continue On Fail — always one output item per input item, paired to it.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { serviceFor } from '../services';
import type { LinkedInService, OperationResult, ServiceClient } from '../services/types';
import { toNodeError } from './errors';
import { readOptions } from './parameters';
import { createServiceClient, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './transport';

export interface OperationDefinition<TInput> {
	/** Reads and validates the item's parameters; throws before any request is sent. */
	readInput(context: IExecuteSingleFunctions): TInput;
	run(service: LinkedInService, client: ServiceClient, input: TInput): Promise<OperationResult>;
}

/** n8n's own request settings worth keeping (the node's hidden `requestOptions`). */
function inheritedOptions(
	options: DeclarativeRestApiSettings.HttpRequestOptions,
): Partial<IHttpRequestOptions> {
	const inherited: Partial<IHttpRequestOptions> = {};
	if (options.proxy) inherited.proxy = options.proxy;
	if (options.skipSslCertificateValidation)
		inherited.skipSslCertificateValidation =
			options.skipSslCertificateValidation === true ||
			options.skipSslCertificateValidation === 'true';
	return inherited;
}

function numberOption(
	options: IDataObject,
	name: string,
	fallback: number,
	min: number,
	max: number,
): number {
	const value = Number(options[name]);
	return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function runOperation<TInput>(operation: OperationDefinition<TInput>) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		try {
			const service = serviceFor(this.getNodeParameter('authentication', 'unipileApi'));
			const input = operation.readInput(this);
			const options = readOptions(this);
			// Our Options → Timeout wins; n8n's Settings → Request Options → Timeout (ms) is honoured too.
			const settings = this.getNodeParameter('requestOptions', {}) as IDataObject;
			const defaultTimeout =
				Number(settings.timeout) > 0 ? Number(settings.timeout) / 1000 : DEFAULT_TIMEOUT_MS / 1000;
			const client = await createServiceClient(this, service, {
				timeoutMs: numberOption(options, 'timeout', defaultTimeout, 1, 600) * 1000,
				maxRetries: numberOption(options, 'maxRetries', DEFAULT_MAX_RETRIES, 0, 10),
				baseOptions: inheritedOptions(requestData.options),
			});
			const result = await operation.run(service, client, input);
			const simplify = this.getNodeParameter('simplify', true) !== false;
			return [{ json: simplify ? result.simplified : result.raw, pairedItem: { item: itemIndex } }];
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				return [{ json: { error: nodeError.message }, pairedItem: { item: itemIndex } }];
			}
			throw nodeError;
		}
	};
}

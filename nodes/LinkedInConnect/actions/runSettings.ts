/**
 * Settings that hold for a whole node run, read once from the first item: how items are paced, how
 * many run at once, and the transport settings.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { MAX_DELAY_SECONDS } from '../../core/shared/descriptions';
import { NO_PACE, type PaceSettings } from '../../core/shared/pacing';
import { InputError, numberOption, readOptions } from '../../core/shared/parameters';
import {
	type LegacyRequestOptions,
	readLegacyRequestOptions,
	type TransportSettings,
	transportSettings,
} from '../../core/transport/settings';

export interface RunSettings {
	transport: TransportSettings;
	pace: PaceSettings;
	/** Items in flight at once. */
	concurrency: number;
}

/** Read once, from the first item: these shape the whole run, not one item. */
export function readRunSettings(context: IExecuteFunctions, maxConcurrency: number): RunSettings {
	const options = readOptions(context, 0);
	const legacy = readLegacyRequestOptions(context.getNodeParameter('requestOptions', 0, {}));
	return {
		transport: transportSettings(options, legacy),
		pace: paceSettings(options, legacy),
		concurrency: concurrencyOf(options, maxConcurrency),
	};
}

function seconds(value: unknown, field: string): number {
	const number = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
	if (!Number.isFinite(number) || number < 0 || number > MAX_DELAY_SECONDS) {
		throw new InputError(
			`'Delay Between Items' ${field} must be a number of seconds from 0 to ${MAX_DELAY_SECONDS}, but it is ${JSON.stringify(value)}. Nothing was sent.`,
		);
	}
	return number;
}

/**
 * Options → Delay Between Items; without it, a 0.1.x workflow's saved Batching (its interval after
 * every batch), so workflows that relied on it stay spaced out.
 */
export function paceSettings(options: IDataObject, legacy: LegacyRequestOptions): PaceSettings {
	const delay = options.delayBetweenItems as IDataObject | undefined;
	const range = delay?.range as IDataObject | undefined;
	if (range && typeof range === 'object') {
		const min = seconds(range.minSeconds ?? 0, 'Min');
		const max = seconds(range.maxSeconds ?? min, 'Max');
		if (max < min) {
			throw new InputError(
				`'Delay Between Items' Min (${min} s) is more than Max (${max} s). Set Max to at least ${min}. Nothing was sent.`,
			);
		}
		return { minMs: min * 1000, maxMs: max * 1000, every: 1 };
	}
	if (legacy.batching) {
		const { intervalMs, size } = legacy.batching;
		return { minMs: intervalMs, maxMs: intervalMs, every: size };
	}
	return NO_PACE;
}

/** Items in flight at once: 1 unless the operation allows more and the user asked for it. */
export function concurrencyOf(options: IDataObject, maxConcurrency: number): number {
	if (maxConcurrency <= 1) return 1;
	return Math.floor(numberOption(options, 'concurrency', 1, 1, maxConcurrency));
}

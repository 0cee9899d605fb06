import type { OperationKey } from '../../core/services/types';
import type { RunGuard } from './types';

/** Several guards as one: the first `before` that answers wins; every `after` sees the result. */
export function combineGuards<K extends OperationKey>(
	guards: Array<RunGuard<K> | undefined>,
): RunGuard<K> | undefined {
	const present = guards.filter((guard): guard is RunGuard<K> => guard !== undefined);
	if (present.length <= 1) return present[0];
	return {
		async before(client, input) {
			for (const guard of present) {
				const early = await guard.before(client, input);
				if (early) return early;
			}
			return undefined;
		},
		after(input, result) {
			for (const guard of present) guard.after(input, result);
		},
		failed(input, error) {
			for (const guard of present) guard.failed?.(input, error);
		},
	};
}

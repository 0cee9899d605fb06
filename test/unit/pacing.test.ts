/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Pauses, the pacer that spaces items out, and the run settings that configure them. */
import { concurrencyOf, paceSettings } from '../../nodes/LinkedInConnect/actions/runSettings';
import {
	ExecutionCancelled,
	NO_PACE,
	Pacer,
	pause,
	pauseLength,
} from '../../nodes/core/shared/pacing';

describe('pause', () => {
	it('ends early when the execution is cancelled', async () => {
		const controller = new AbortController();
		// A pause that ignored the signal would outlast the test's timeout and fail it.
		const waiting = pause(60_000, controller.signal);
		setTimeout(() => controller.abort(), 50);
		await expect(waiting).rejects.toBeInstanceOf(ExecutionCancelled);
	});

	it('refuses to start on an execution already cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(pause(10, controller.signal)).rejects.toBeInstanceOf(ExecutionCancelled);
	});
});

describe('pauseLength', () => {
	it('picks uniformly between min and max', () => {
		const settings = { minMs: 1000, maxMs: 3000, every: 1 };
		expect(pauseLength(settings, () => 0)).toBe(1000);
		expect(pauseLength(settings, () => 0.5)).toBe(2000);
		expect(pauseLength(settings, () => 1)).toBe(3000);
		expect(pauseLength({ minMs: 500, maxMs: 500, every: 1 }, Math.random)).toBe(500);
	});
});

describe('Pacer', () => {
	it('the first turn is immediate; every later one waits its pause, one at a time', async () => {
		const pacer = new Pacer({ minMs: 150, maxMs: 150, every: 1 });
		const times: number[] = [];
		await Promise.all([0, 1, 2].map(async () => times.push((await pacer.turn(), Date.now()))));
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(140);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(140);
	});

	it('with `every`, pauses after each group of turns (what 0.1.x batching did)', async () => {
		const pacer = new Pacer({ minMs: 150, maxMs: 150, every: 2 });
		const times: number[] = [];
		for (let i = 0; i < 4; i++) {
			await pacer.turn();
			times.push(Date.now());
		}
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(140);
		// Within a group nothing waits; compared with the gap that did wait, not with a clock.
		expect(times[1] - times[0]).toBeLessThan(times[2] - times[1]);
	});

	it('a turn waiting when the execution is cancelled fails at once', async () => {
		const controller = new AbortController();
		const pacer = new Pacer({ minMs: 60_000, maxMs: 60_000, every: 1 }, controller.signal);
		await pacer.turn();
		const second = pacer.turn();
		setTimeout(() => controller.abort(), 20);
		await expect(second).rejects.toBeInstanceOf(ExecutionCancelled);
	});
});

describe('run settings', () => {
	it('Delay Between Items in seconds; none means no pause', () => {
		expect(paceSettings({}, {})).toEqual(NO_PACE);
		expect(
			paceSettings({ delayBetweenItems: { range: { minSeconds: 120, maxSeconds: 300 } } }, {}),
		).toEqual({ minMs: 120_000, maxMs: 300_000, every: 1 });
	});

	it.each([
		[
			{ minSeconds: 60, maxSeconds: 30 },
			/Min \(60 s\) is more than Max \(30 s\)\. Set Max to at least 60/,
		],
		[
			{ minSeconds: -1, maxSeconds: 30 },
			/Min must be a number of seconds from 0 to 3600, but it is -1/,
		],
		[
			{ minSeconds: 1, maxSeconds: 'soon' },
			/Max must be a number of seconds from 0 to 3600, but it is "soon"/,
		],
	])('refuses %j before anything is sent', (range, message) => {
		expect(() => paceSettings({ delayBetweenItems: { range } }, {})).toThrow(message);
	});

	it("without it, a 0.1.x workflow's Batching keeps its interval after each batch", () => {
		expect(paceSettings({}, { batching: { size: 3, intervalMs: 2000 } })).toEqual({
			minMs: 2000,
			maxMs: 2000,
			every: 3,
		});
		expect(
			paceSettings(
				{ delayBetweenItems: { range: { minSeconds: 1, maxSeconds: 1 } } },
				{ batching: { size: 3, intervalMs: 2000 } },
			),
		).toEqual({ minMs: 1000, maxMs: 1000, every: 1 });
	});

	it('concurrency only where the operation allows it, within its bound', () => {
		expect(concurrencyOf({ concurrency: 4 }, 1)).toBe(1);
		expect(concurrencyOf({}, 5)).toBe(1);
		expect(concurrencyOf({ concurrency: 3 }, 5)).toBe(3);
		expect(concurrencyOf({ concurrency: 50 }, 5)).toBe(5);
	});
});

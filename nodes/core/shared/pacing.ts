/**
 * Waiting: pauses that end early when the execution is cancelled, and the pacer that spaces items
 * out. Items run one at a time, and an item that sends nothing (bad input, a lookup already made)
 * does not make the next one wait.
 */
import { sleep } from 'n8n-workflow';
import { causesOf } from './errors';

/** Raised when the execution is cancelled during a pause. */
export class ExecutionCancelled extends Error {
	constructor() {
		super('The execution was cancelled.');
	}
}

/** Whether the error is a cancellation, however wrapped: a cancelled execution outputs nothing. */
export function isCancellation(error: unknown): boolean {
	return causesOf(error).some((cause) => cause instanceof ExecutionCancelled);
}

/** Longest single sleep: n8n versions before 2.10 have no abortable sleep, so we look up this often. */
const SLICE_MS = 250;

/** Waits `ms`, ending early with ExecutionCancelled when `signal` aborts. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	for (;;) {
		if (signal?.aborted) throw new ExecutionCancelled();
		const left = until - Date.now();
		if (left <= 0) return;
		// Newer n8n-workflow versions take the signal and reject at once (seen on the next turn); older ones ignore it.
		await (sleep as (ms: number, signal?: AbortSignal) => Promise<void>)(
			Math.min(left, SLICE_MS),
			signal,
		).catch(() => undefined);
	}
}

export interface PaceSettings {
	/** Shortest and longest pause, picked at random for each gap (LinkedIn flags regular intervals). */
	minMs: number;
	maxMs: number;
	/** Pause after every `every` items that sent something (1: between every two). */
	every: number;
}

export const NO_PACE: PaceSettings = { minMs: 0, maxMs: 0, every: 1 };

export function pauseLength(settings: PaceSettings, random = Math.random): number {
	const { minMs, maxMs } = settings;
	return Math.round(minMs + (Math.max(maxMs, minMs) - minMs) * random());
}

/**
 * Hands out turns to items that are about to send their first request. The first item goes at
 * once; every later one first waits its pause. With several items in flight (Get Profile's
 * concurrency), turns are still granted one by one.
 */
export class Pacer {
	private queue: Promise<void> = Promise.resolve();

	private granted = 0;

	constructor(
		private readonly settings: PaceSettings,
		private readonly signal?: AbortSignal,
	) {}

	async turn(): Promise<void> {
		const next = this.queue.then(async () => {
			const { every } = this.settings;
			if (this.granted > 0 && this.granted % Math.max(1, every) === 0) {
				const ms = pauseLength(this.settings);
				if (ms > 0) await pause(ms, this.signal);
			}
			this.granted++;
		});
		// A cancelled wait must not block the turns after it; each caller still sees its own outcome.
		this.queue = next.catch(() => undefined);
		return await next;
	}
}

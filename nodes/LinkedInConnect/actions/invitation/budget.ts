/**
 * Daily and Weekly Caps on invitations, per LinkedIn account, counted from the service's own list
 * of sent invitations: read once per node run and account, then counted up as this run sends, and
 * read again before every Nth invitation so that executions running at once (other workers, other
 * workflows, invitations sent by hand) are seen. Nothing is stored in n8n.
 *
 * Bound: between two readings an execution knows only its own invitations. With k executions of
 * capped workflows sending for one account at the same time, the account can end up at most
 * (k − 1) × N over a cap (N: Re-Read Sent List Every).
 *
 * The services list pending invitations only: one accepted or withdrawn leaves the list. This run's
 * own invitations are counted by ID even after they leave it; others' then no longer count.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { memberGiven, statusResult } from '../../../core/services/results';
import type { LinkedInService } from '../../../core/services/types';
import { CodedError, ERROR_CODES } from '../../../core/shared/errors';
import { InputError, numberOption } from '../../../core/shared/parameters';
import { isTimeZone, startOfDay, startOfNextDay } from '../../../core/shared/timeZone';
import type { RunGuard } from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

export interface BudgetSettings {
	dailyCap?: number;
	weeklyCap?: number;
	timeZone: string;
	overCap: 'skip' | 'fail';
	recheckEvery: number;
}

/** The caps asked for under Options, or undefined when there are none. */
export function readBudgetSettings(
	options: IDataObject,
	workflowTimeZone: string,
): BudgetSettings | undefined {
	const cap = (name: string, label: string) => {
		if (options[name] === undefined || options[name] === '') return undefined;
		const value = Number(options[name]);
		if (!Number.isInteger(value) || value < 1) {
			throw new InputError(
				`'${label}' must be a whole number of invitations from 1, but it is ${JSON.stringify(options[name])}. Remove the option to have no cap. Nothing was sent.`,
			);
		}
		return value;
	};
	const dailyCap = cap('dailyCap', 'Daily Cap');
	const weeklyCap = cap('weeklyCap', 'Weekly Cap');
	if (dailyCap === undefined && weeklyCap === undefined) return undefined;
	const asked = typeof options.timeZone === 'string' ? options.timeZone.trim() : '';
	const timeZone = asked || workflowTimeZone || 'UTC';
	if (!isTimeZone(timeZone)) {
		throw new InputError(
			`'Time Zone' "${timeZone}" is not a time zone. Use an IANA name such as Europe/Paris or America/New_York, or leave it empty for the workflow's. Nothing was sent.`,
		);
	}
	return {
		dailyCap,
		weeklyCap,
		timeZone,
		overCap: options.overCap === 'fail' ? 'fail' : 'skip',
		recheckEvery: Math.floor(numberOption(options, 'recheckEvery', 10, 1, 1000)),
	};
}

export type BudgetCheck = { ok: true } | { ok: false; reason: string; freesAt: string };

export interface SentInvitation {
	id?: string;
	/** When it was sent, in ms since the epoch. */
	time: number;
}

/** The account's invitations the service lists as sent, back to `since` at least. */
export type SentListReader = (since: number) => Promise<SentInvitation[]>;

interface AccountCount {
	/** The last reading of the service's list. */
	listed: SentInvitation[];
	/** This run's own invitations, by ID: still counted once accepted (gone from the list). */
	own: Map<string, number>;
	/** Invitations this run sent since the last reading. */
	sinceReading: number;
}

export class InvitationBudget {
	private readonly accounts = new Map<string, AccountCount>();
	private unnamed = 0;

	constructor(
		private readonly settings: BudgetSettings,
		private readonly now: () => number = Date.now,
	) {}

	get overCap(): BudgetSettings['overCap'] {
		return this.settings.overCap;
	}

	/** Whether the account may send one more; reads the service's list when due. */
	async check(accountId: string, readSentList: SentListReader): Promise<BudgetCheck> {
		const now = this.now();
		let count = this.accounts.get(accountId);
		if (!count || count.sinceReading >= this.settings.recheckEvery) {
			const listed = await readSentList(now - WEEK_MS);
			count = { listed, own: count?.own ?? new Map(), sinceReading: 0 };
			this.accounts.set(accountId, count);
		}
		const listedIds = new Set(count.listed.map((one) => one.id).filter(Boolean));
		const times = [
			...count.listed.map((one) => one.time),
			...[...count.own].filter(([id]) => !listedIds.has(id)).map(([, time]) => time),
		];
		const { dailyCap, weeklyCap, timeZone } = this.settings;
		const week = times.filter((time) => time > now - WEEK_MS).sort((a, b) => a - b);
		if (dailyCap !== undefined) {
			const dayStart = startOfDay(now, timeZone);
			const today = week.filter((time) => time >= dayStart).length;
			if (today >= dailyCap) {
				return {
					ok: false,
					reason: `the Daily Cap of ${dailyCap} is reached for account ${accountId} (${today} sent today, ${timeZone})`,
					freesAt: new Date(startOfNextDay(now, timeZone)).toISOString(),
				};
			}
		}
		if (weeklyCap !== undefined && week.length >= weeklyCap) {
			// A rolling week: a place frees up when the oldest counted invitation turns 7 days old.
			const oldestToLeave = week[week.length - weeklyCap];
			return {
				ok: false,
				reason: `the Weekly Cap of ${weeklyCap} is reached for account ${accountId} (${week.length} sent in the last 7 days)`,
				freesAt: new Date(oldestToLeave + WEEK_MS).toISOString(),
			};
		}
		return { ok: true };
	}

	/** An invitation went out for the account now. */
	record(accountId: string, invitationId?: string): void {
		const count = this.accounts.get(accountId);
		if (!count) return;
		// Without an ID it cannot be matched to the list: count it apart (it may count twice, never zero times).
		count.own.set(invitationId || `unnamed-${++this.unnamed}`, this.now());
		count.sinceReading++;
	}
}

/** Send Invitation's caps around a node run; undefined when no cap is set. */
export function budgetGuard(
	context: IExecuteFunctions,
	options: IDataObject,
	service: LinkedInService,
): RunGuard<'invitation:send'> | undefined {
	const settings = readBudgetSettings(options, context.getTimezone());
	if (!settings) return undefined;
	const listSent = service.operations['invitation:getManySent'];
	if (!listSent) {
		throw new InputError(
			`${service.displayName} cannot list sent invitations, so it cannot count a Daily or Weekly Cap. Remove the caps. Nothing was sent.`,
		);
	}
	const budget = new InvitationBudget(settings);
	const sentTime = (item: { sent_at?: unknown }) => Date.parse(String(item.sent_at));
	return {
		async before(client, input) {
			const verdict = await budget.check(input.accountId, async (since) => {
				// Newest first: the reading stops at the first invitation older than the window.
				const sent = await listSent(
					client,
					{ accountId: input.accountId, until: (item) => sentTime(item) < since },
					{},
				);
				return sent
					.map(({ simplified }) => ({
						id: typeof simplified.invitation_id === 'string' ? simplified.invitation_id : undefined,
						time: sentTime(simplified),
					}))
					.filter((one) => Number.isFinite(one.time));
			});
			if (verdict.ok) return undefined;
			const reason = `Nothing was sent: ${verdict.reason}; it frees up at ${verdict.freesAt}.`;
			if (budget.overCap === 'fail') throw new CodedError(ERROR_CODES.capReached, reason);
			const skipped = statusResult('skipped_budget', memberGiven(input.profile), reason);
			skipped.simplified.budget_frees_at = verdict.freesAt;
			return skipped;
		},
		after(input, result) {
			if (Array.isArray(result) || result.simplified.status !== 'sent') return;
			const id = result.simplified.invitation_id;
			budget.record(input.accountId, id === undefined || id === null ? undefined : String(id));
		},
	};
}

/** Days in a time zone, and the invitation budget's arithmetic, with a fixed clock. */
import type { IDataObject } from 'n8n-workflow';
import {
	InvitationBudget,
	readBudgetSettings,
} from '../../nodes/LinkedInConnect/actions/invitation/budget';
import { startOfDay, startOfNextDay } from '../../nodes/core/shared/timeZone';

const at = (iso: string) => Date.parse(iso);
const HOUR = 60 * 60 * 1000;

describe('calendar days in a time zone', () => {
	it.each([
		['2026-11-23T10:00:00Z', 'UTC', '2026-11-23T00:00:00.000Z'],
		['2026-11-23T10:00:00Z', 'Europe/Paris', '2026-11-22T23:00:00.000Z'],
		['2026-11-23T03:00:00Z', 'America/New_York', '2026-11-22T05:00:00.000Z'],
		['2026-11-23T20:00:00Z', 'Asia/Tokyo', '2026-11-23T15:00:00.000Z'],
		// The day Paris moves its clocks forward (23 hours long).
		['2026-03-29T12:00:00Z', 'Europe/Paris', '2026-03-28T23:00:00.000Z'],
	])('%s in %s began at %s', (now, zone, start) => {
		expect(new Date(startOfDay(at(now), zone)).toISOString()).toBe(start);
	});

	it('the next day starts 23, 24 or 25 hours later, as the clocks say', () => {
		expect(new Date(startOfNextDay(at('2026-03-29T12:00:00Z'), 'Europe/Paris')).toISOString()).toBe(
			'2026-03-29T22:00:00.000Z',
		);
		expect(new Date(startOfNextDay(at('2026-11-23T10:00:00Z'), 'UTC')).toISOString()).toBe(
			'2026-11-24T00:00:00.000Z',
		);
	});
});

describe('budget settings', () => {
	it('no cap: no budget', () => {
		expect(readBudgetSettings({}, 'UTC')).toBeUndefined();
	});

	it("caps, the workflow's time zone unless given, Skip by default, re-read every 10", () => {
		expect(readBudgetSettings({ dailyCap: 80 }, 'Europe/Paris')).toEqual({
			dailyCap: 80,
			weeklyCap: undefined,
			timeZone: 'Europe/Paris',
			overCap: 'skip',
			recheckEvery: 10,
		});
		expect(
			readBudgetSettings(
				{ weeklyCap: 200, timeZone: 'Asia/Tokyo', overCap: 'fail', recheckEvery: 3 },
				'UTC',
			),
		).toMatchObject({ weeklyCap: 200, timeZone: 'Asia/Tokyo', overCap: 'fail', recheckEvery: 3 });
	});

	it.each([
		[{ dailyCap: 0 }, /^'Daily Cap' must be a whole number of invitations from 1, but it is 0/],
		[{ weeklyCap: 2.5 }, /^'Weekly Cap' must be a whole number/],
		[{ dailyCap: 5, timeZone: 'Mars/Olympus' }, /^'Time Zone' "Mars\/Olympus" is not a time zone/],
	])('refuses %j', (options: IDataObject, message) => {
		expect(() => readBudgetSettings(options, 'UTC')).toThrow(message);
	});
});

describe('InvitationBudget', () => {
	const now = at('2026-11-23T10:00:00Z');
	const clock = { now };
	const budget = (options: IDataObject) =>
		new InvitationBudget(readBudgetSettings(options, 'UTC')!, () => clock.now);

	it('counts what the service lists for today, then its own invitations', async () => {
		const b = budget({ dailyCap: 3 });
		let readings = 0;
		const read = async () => (readings++, [{ time: now - 2 * HOUR }, { time: now - 30 * HOUR }]);
		// One sent today (the other was yesterday), then two of this run's own.
		expect(await b.check('acc', read)).toEqual({ ok: true });
		b.record('acc');
		expect(await b.check('acc', read)).toEqual({ ok: true });
		b.record('acc');
		expect(await b.check('acc', read)).toEqual({
			ok: false,
			reason: 'the Daily Cap of 3 is reached for account acc (3 sent today, UTC)',
			freesAt: '2026-11-24T00:00:00.000Z',
		});
		expect(readings).toBe(1);
	});

	it('a rolling week frees a place when the oldest counted invitation turns 7 days old', async () => {
		const b = budget({ weeklyCap: 2 });
		const verdict = await b.check('acc', async () => [
			{ time: now - 6 * 24 * HOUR },
			{ time: now - HOUR },
		]);
		expect(verdict).toEqual({
			ok: false,
			reason: 'the Weekly Cap of 2 is reached for account acc (2 sent in the last 7 days)',
			freesAt: new Date(now - 6 * 24 * HOUR + 7 * 24 * HOUR).toISOString(),
		});
	});

	it('reads the service again before every Nth invitation, and per account', async () => {
		const b = budget({ dailyCap: 100, recheckEvery: 2 });
		const readings: string[] = [];
		const read = (account: string) => async () => (readings.push(account), []);
		for (let i = 0; i < 5; i++) {
			await b.check('a', read('a'));
			b.record('a');
		}
		await b.check('b', read('b'));
		expect(readings).toEqual(['a', 'a', 'a', 'b']);
	});

	it("counts this run's own invitations by ID, also once they leave the list (accepted)", async () => {
		const b = budget({ dailyCap: 3, recheckEvery: 1 });
		const listed: { id: string; time: number }[] = [{ id: 'other', time: now - HOUR }];
		const read = async () => listed.slice();
		expect(await b.check('acc', read)).toEqual({ ok: true });
		b.record('acc', 'mine-1');
		// Re-read: the service lists it now, so it is not counted twice.
		listed.push({ id: 'mine-1', time: now });
		expect(await b.check('acc', read)).toEqual({ ok: true });
		b.record('acc', 'mine-2');
		// Both of this run's invitations were accepted meanwhile and left the list: still counted.
		listed.splice(1);
		expect(await b.check('acc', read)).toMatchObject({
			ok: false,
			reason: 'the Daily Cap of 3 is reached for account acc (3 sent today, UTC)',
		});
	});
});

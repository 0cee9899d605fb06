/**
 * Calendar days in a time zone, with the platform's Intl only (no runtime dependency): where a
 * day starts, for the Daily Cap.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, format);
	}
	return format;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: number, timeZone: string): number {
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(new Date(instant))
			.map((part) => [part.type, Number(part.value)]),
	);
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant the calendar day holding `instant` began in `timeZone`. */
export function startOfDay(instant: number, timeZone: string): number {
	const wall = new Date(instant + offsetMs(instant, timeZone));
	const midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
	// Twice: the offset at midnight may differ from the offset now (a daylight-saving change today).
	const first = midnight - offsetMs(midnight, timeZone);
	return midnight - offsetMs(first, timeZone);
}

/** The instant the next calendar day begins in `timeZone`. */
export function startOfNextDay(instant: number, timeZone: string): number {
	// 26 h after the start of today is always within tomorrow, whatever daylight saving does.
	return startOfDay(startOfDay(instant, timeZone) + 26 * 60 * 60 * 1000, timeZone);
}

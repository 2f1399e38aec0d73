const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs more than formatting: one per time zone serves every item. */
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Today's date (YYYY-MM-DD) in the workflow's time zone: "overdue" means overdue where the team works. */
export function runDateIn(timeZone: string, now: Date): string {
	const parts = dayFormatter(timeZone).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

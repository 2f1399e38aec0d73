/** Today's date (YYYY-MM-DD) in the workflow's time zone: "overdue" means overdue where the team works. */
export function runDateIn(timeZone: string, now: Date): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

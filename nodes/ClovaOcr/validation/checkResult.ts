/**
 * null = could not tell (masked or missing input). `warnings` are findings a person can act
 * on; `notes` are advisory (e.g. a checksum that newer numbers need not satisfy), absent when none.
 */
export type CheckResult = { valid: boolean | null; warnings: string[]; notes?: string[] };

/** The advisory findings of a check ([] when none). */
export function notesOf(check: CheckResult | undefined): string[] {
	return check?.notes ?? [];
}

export function withFieldPrefix(field: string, warnings: readonly string[]): string[] {
	return warnings.map((warning) => `${field}: ${warning}`);
}

/** false wins over null, null wins over true; an empty list is null. */
export function combineValidity(values: ReadonlyArray<boolean | null>): boolean | null {
	if (values.length === 0) return null;
	if (values.includes(false)) return false;
	if (values.includes(null)) return null;
	return true;
}

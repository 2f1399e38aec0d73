/** null = could not tell (masked or missing input). */
export type CheckResult = { valid: boolean | null; warnings: string[] };

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

import { readDate } from '../model/dateReading';
import type { ValidationContext } from './types';

/** First non-empty value of a field; documents carry one value per field in practice. */
export function firstValue(context: ValidationContext, field: string): string | null {
	return (context.fields[field] ?? []).find((value) => value.trim() !== '') ?? null;
}

/** ISO date of a field's first value, or null when missing, masked or not a real date. */
export function dateOfField(context: ValidationContext, field: string): string | null {
	const value = firstValue(context, field);
	return value === null ? null : readDate(value).iso;
}

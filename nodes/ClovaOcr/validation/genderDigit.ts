import type { Sex } from './types';

// The 7th digit of a registration number: 9/0 → 1800s, 1/2 → 1900s, 3/4 → 2000s;
// foreigners 5/6 → 1900s, 7/8 → 2000s.
const CENTURY_BY_GENDER_DIGIT: Readonly<Record<number, number>> = {
	9: 1800,
	0: 1800,
	1: 1900,
	2: 1900,
	3: 2000,
	4: 2000,
	5: 1900,
	6: 1900,
	7: 2000,
	8: 2000,
};

/** The first year of the century a gender digit (0-9) gives, e.g. 1900. */
export function centuryOfGenderDigit(digit: number): number {
	return CENTURY_BY_GENDER_DIGIT[digit];
}

/** Odd digits are male, even ones female. */
export function sexOfGenderDigit(digit: number): Sex {
	return digit % 2 === 1 ? 'male' : 'female';
}

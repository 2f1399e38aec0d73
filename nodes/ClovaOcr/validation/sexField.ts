import type { Sex } from './types';
import { readableFieldText } from './fieldTextLimit';

const MALE: ReadonlySet<string> = new Set(['M', 'MALE', '남', '남자']);
const FEMALE: ReadonlySet<string> = new Set(['F', 'FEMALE', '여', '여자']);

/** The holder's sex as a passport prints it (`M`/`F`, `남`/`여`); null when masked or unreadable. */
export function readSexField(text: string): Sex | null {
	const compact = readableFieldText(text).replace(/\s+/g, '').toUpperCase();
	if (MALE.has(compact)) return 'male';
	if (FEMALE.has(compact)) return 'female';
	return null;
}

import type { CheckResult } from './checkResult';
import { isTooLongToRead, MAX_FIELD_TEXT_LENGTH } from './fieldTextLimit';
import { licenseClassTokens } from './licenseClassTokens';

/** Canonical class names (Road Traffic Act Art. 80), in the order they are listed. */
export const LICENSE_CLASSES = [
	'1종대형',
	'1종보통',
	'1종소형',
	'1종특수(대형견인)',
	'1종특수(소형견인)',
	'1종특수(구난)',
	'2종보통',
	'2종소형',
	'2종원동기',
	'1종보통연습',
	'2종보통연습',
] as const;

export type LicenseClass = (typeof LICENSE_CLASSES)[number];

// 트레일러 and 레커 are the names used before the 2016 reform.
const SPECIAL_SUBCLASS: Readonly<Record<string, LicenseClass>> = {
	대형견인: '1종특수(대형견인)',
	대형견인차: '1종특수(대형견인)',
	트레일러: '1종특수(대형견인)',
	소형견인: '1종특수(소형견인)',
	소형견인차: '1종특수(소형견인)',
	구난: '1종특수(구난)',
	구난차: '1종특수(구난)',
	레커: '1종특수(구난)',
	레카: '1종특수(구난)',
};

type Grade = '1' | '2';

export type LicenseClassesReading = CheckResult & {
	classes: LicenseClass[];
	/** 1-based positions of tokens that are no license class. */
	unknownTokens: number[];
	maskedTokens: number;
};

function specialClasses(body: string): LicenseClass[] | null {
	const bracketed = /^특수\((.*)\)$/.exec(body);
	const subclasses = bracketed
		? bracketed[1].split(/[,·、/]/).filter((part) => part !== '')
		: [body.slice('특수'.length)];
	if (subclasses.length === 0) return null;
	if (!subclasses.every((sub) => Object.prototype.hasOwnProperty.call(SPECIAL_SUBCLASS, sub)))
		return null;
	return subclasses.map((sub) => SPECIAL_SUBCLASS[sub]);
}

/** Classes of one token, or null when it is no license class. */
function classesOfToken(grade: Grade | null, body: string): LicenseClass[] | null {
	if (body.startsWith('특수')) return grade === '2' ? null : specialClasses(body);
	if (body === '대형') return grade === '2' ? null : ['1종대형'];
	if (body === '원동기' || body === '원동기장치자전거') return grade === '1' ? null : ['2종원동기'];
	if (grade === null) return null;
	if (body === '보통') return [`${grade}종보통`];
	if (body === '소형') return [`${grade}종소형`];
	if (body === '보통연습' || body === '보통(연습)') return [`${grade}종보통연습`];
	return null;
}

/**
 * Parses the `type` field, e.g.
 * `1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기`.
 * A bare 보통/소형 takes the grade (1종/2종) of the token before it.
 */
export function readLicenseClasses(text: string): LicenseClassesReading {
	if (isTooLongToRead(text)) {
		return {
			valid: false,
			warnings: [`longer than ${MAX_FIELD_TEXT_LENGTH} characters: not read`],
			classes: [],
			unknownTokens: [],
			maskedTokens: 0,
		};
	}
	const found = new Set<LicenseClass>();
	const unknownTokens: number[] = [];
	let maskedTokens = 0;
	let lastGrade: Grade | null = null;

	licenseClassTokens(text).forEach((token, index) => {
		const match = /^(?:([12*])종)?(.*)$/.exec(token) as RegExpExecArray;
		const gradeChar = match[1];
		const explicitGrade: Grade | null = gradeChar === '1' || gradeChar === '2' ? gradeChar : null;
		if (gradeChar !== undefined) lastGrade = explicitGrade;
		if (token.includes('*')) {
			maskedTokens++;
			return;
		}
		const classes = match[2] === '' ? null : classesOfToken(explicitGrade ?? lastGrade, match[2]);
		if (classes === null) unknownTokens.push(index + 1);
		else classes.forEach((cls) => found.add(cls));
	});

	const classes = LICENSE_CLASSES.filter((cls) => found.has(cls));
	let valid: boolean | null = true;
	if (unknownTokens.length > 0) valid = false;
	else if (maskedTokens > 0 || classes.length === 0) valid = null;
	return {
		valid,
		warnings: unknownTokens.map((position) => `token ${position} is not a known license class`),
		classes,
		unknownTokens,
		maskedTokens,
	};
}

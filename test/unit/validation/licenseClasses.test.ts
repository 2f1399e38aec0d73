import {
	readLicenseClasses,
	type LicenseClass,
	type LicenseClassesReading,
} from '../../../nodes/ClovaOcr/validation/licenseClasses';

const DOCUMENTED_TYPE =
	'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기';

function ok(classes: LicenseClass[]): LicenseClassesReading {
	return { valid: true, warnings: [], classes, unknownTokens: [], maskedTokens: 0 };
}

function unknown(classes: LicenseClass[], positions: number[]): LicenseClassesReading {
	return {
		valid: false,
		warnings: positions.map((position) => `token ${position} is not a known license class`),
		classes,
		unknownTokens: positions,
		maskedTokens: 0,
	};
}

describe('readLicenseClasses', () => {
	test.each<[string, string, LicenseClassesReading]>([
		[
			'documented type string',
			DOCUMENTED_TYPE,
			ok([
				'1종대형',
				'1종보통',
				'1종소형',
				'1종특수(대형견인)',
				'1종특수(소형견인)',
				'1종특수(구난)',
				'2종보통',
				'2종소형',
				'2종원동기',
			]),
		],
		['class 1 and class 2 in one string', '1종보통 2종소형', ok(['1종보통', '2종소형'])],
		['canonical order and no duplicates', '2종보통 1종대형 2종보통', ok(['1종대형', '2종보통'])],
		['spaced grade', '1종 보통 2종 소형', ok(['1종보통', '2종소형'])],
		[
			'glued tokens',
			'1종대형1종보통2종소형원동기',
			ok(['1종대형', '1종보통', '2종소형', '2종원동기']),
		],
		['bare class takes the grade before it', '1종 대형 보통', ok(['1종대형', '1종보통'])],
		['full moped name', '2종 원동기장치자전거', ok(['2종원동기'])],
		['explicit 1종특수', '1종특수(구난)', ok(['1종특수(구난)'])],
		['special without brackets', '1종특수대형견인', ok(['1종특수(대형견인)'])],
		[
			'spaces inside brackets',
			'특수 ( 대형견인 , 소형견인 )',
			ok(['1종특수(대형견인)', '1종특수(소형견인)']),
		],
		['pre-2016 special names', '특수(트레일러, 레커)', ok(['1종특수(대형견인)', '1종특수(구난)'])],
		['learner permits', '1종보통연습 2종보통연습', ok(['1종보통연습', '2종보통연습'])],
		['comma separated', '1종보통, 2종보통', ok(['1종보통', '2종보통'])],
		['class 2 large does not exist', '2종대형', unknown([], [1])],
		['class 3 does not exist', '1종보통 3종보통', unknown(['1종보통'], [2])],
		['class 1 moped does not exist', '1종원동기', unknown([], [1])],
		['class 2 special does not exist', '2종특수(구난)', unknown([], [1])],
		['bare 보통 without a grade', '보통', unknown([], [1])],
		['special without a subclass', '특수', unknown([], [1])],
		['unknown special subclass', '특수(대형견인, 버스)', unknown([], [1])],
		['grade with nothing after it', '2종보통 1종', unknown(['2종보통'], [2])],
		[
			'masked token',
			'1종** 2종보통',
			{ valid: null, warnings: [], classes: ['2종보통'], unknownTokens: [], maskedTokens: 1 },
		],
		[
			'masked grade resets the carried grade',
			'1종대형 *종보통 소형',
			{ ...unknown(['1종대형'], [3]), maskedTokens: 1 },
		],
		[
			'fully masked',
			'***',
			{ valid: null, warnings: [], classes: [], unknownTokens: [], maskedTokens: 1 },
		],
		['empty', '  ', { valid: null, warnings: [], classes: [], unknownTokens: [], maskedTokens: 0 }],
	])('%s', (_name, text, expected) => {
		expect(readLicenseClasses(text)).toEqual(expected);
	});
});

import { combineValidity, withFieldPrefix } from '../../../nodes/ClovaOcr/validation/checkResult';

describe('combineValidity', () => {
	test.each<[Array<boolean | null>, boolean | null]>([
		[[true, true], true],
		[[true, null], null],
		[[null, false, true], false],
		[[], null],
	])('%j → %s', (values, expected) => {
		expect(combineValidity(values)).toBe(expected);
	});
});

describe('withFieldPrefix', () => {
	test('prefixes every warning with the field key', () => {
		expect(withFieldPrefix('num', ['unknown region code', 'x'])).toEqual([
			'num: unknown region code',
			'num: x',
		]);
	});
});

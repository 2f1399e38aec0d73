import { checkPassportNumber } from '../../../nodes/ClovaOcr/validation/passportNumber';

const SHAPE_WARNING = 'not a Korean passport number shape (M12345678 or M123A4567)';

test.each([
	['old format', 'M12345678', true],
	['format since 2021', 'M123A4567', true],
	['other type letter, lower case, spaces', 's 123 a 4567', true],
	['masked as in the synthetic example', 'M000*****', null],
	['masked since-2021 format', 'M123*****', null],
	['empty', ' ', null],
	['too short', 'M1234567', false],
	['letter in the wrong place', 'M12A45678', false],
	['digits only', '123456789', false],
	['masked but too long', 'M000******', false],
] as const)('%s', (_case, text, valid) => {
	expect(checkPassportNumber(text)).toEqual({
		valid,
		warnings: valid === false ? [SHAPE_WARNING] : [],
	});
});

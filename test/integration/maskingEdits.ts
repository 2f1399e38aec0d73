/**
 * Emulator documentEdits that serve many registration-number texts in one answer: extra
 * personalNum values before the specimen's, and an alienRegNumEtc field in the ic/dl section.
 */
import { NOISE_CASES, SPECIMEN_NUMBER } from './maskingCases';

export const ALIEN_NUMBER_ETC: readonly [string, string] = ['991231ㅡ5I2345l', '991231ㅡ5******'];

function valueJson(text: string): string {
	return `{ "text": ${JSON.stringify(text)}, "formatted": { "value": ${JSON.stringify(text)} } }`;
}

/** For ic-specimen and dl-specimen: personalNum gets every noise text, then the specimen. */
export function noisyRegistrationNumberEdits(): Array<[string, string]> {
	const noisy = NOISE_CASES.map(([, text]) => valueJson(text)).join(', ');
	const etc = `"alienRegNumEtc": [ ${valueJson(ALIEN_NUMBER_ETC[0])} ],`;
	return [
		['"personalNum": [', `"personalNum": [ ${noisy},`],
		['"ic": {', `"ic": { ${etc}`],
		['"dl": {', `"dl": { ${etc}`],
	];
}

/**
 * personalNum texts as the default output shows them, in order. One field is one number: its
 * values are read together (the field rule), so after the first value's 7 positions every
 * later value is masked whole.
 */
export const SHOWN_PERSONAL_NUMBERS = [
	'800101-1******',
	'******.*******',
	'******ㅡ*******',
	'******-*******',
	'******-********',
	'******-******',
	'******－*******',
	'주민등록번호 ******-*******',
	'****** - *******',
	'******-\n*******',
	'******-******* ******-*******',
	'******-*******',
	'******-*******',
];

/** Every full number served: none may appear in default output. */
export const SERVED_NUMBERS = [
	SPECIMEN_NUMBER,
	...NOISE_CASES.map(([, text]) => text),
	ALIEN_NUMBER_ETC[0],
];

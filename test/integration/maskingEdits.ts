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

/** personalNum texts as the default output shows them, in order. */
export const SHOWN_PERSONAL_NUMBERS = [
	...NOISE_CASES.map(([, , shown]) => shown),
	'800101-1******',
];

/** Every full number served: none may appear in default output. */
export const SERVED_NUMBERS = [
	SPECIMEN_NUMBER,
	...NOISE_CASES.map(([, text]) => text),
	ALIEN_NUMBER_ETC[0],
];

import { corporateNumberOf } from '../../model/businessNumbers';
import {
	checkNumberWithCheckDigit,
	type CheckDigitRule,
	type NumberCheck,
} from './checkDigitNumber';

/*
 * 법인등록번호 `NNNNNN-NNNNNNN`: a 4-digit registry office code, a 2-digit kind of corporation,
 * a 6-digit serial and a check digit (오류검색번호), set by the Supreme Court rule on
 * registration numbers (법인 및 재외국민의 부동산등기용등록번호 부여에 관한 규칙): weights
 * 1,2,1,2,… over the first twelve digits, check = (10 − sum mod 10) mod 10. The rule's own
 * worked example: 110111-006243 → sum 28 → check 2.
 */
export type CorporateNumberCheck = NumberCheck;

/** The check digit of the first twelve digits (a string of twelve ASCII digits). */
export function corporateCheckDigit(firstTwelve: string): number {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(firstTwelve[i]) * (i % 2 === 0 ? 1 : 2);
	return (10 - (sum % 10)) % 10;
}

const CORPORATE_NUMBER: CheckDigitRule = {
	digits: 13,
	shape: 'NNNNNN-NNNNNNN',
	written: corporateNumberOf,
	checkDigit: corporateCheckDigit,
};

/** Shape and check digit; warnings never echo the number. */
export function checkCorporateNumber(fieldText: string): CorporateNumberCheck {
	return checkNumberWithCheckDigit(fieldText, CORPORATE_NUMBER);
}

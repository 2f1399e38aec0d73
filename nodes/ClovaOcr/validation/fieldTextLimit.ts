/**
 * The longest field text a check reads. The longest documented value is a license's `type`
 * (51 characters: `1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기`)
 * and every class written out in full is under 100; other fields are shorter (a registration
 * number is 14).
 */
export const MAX_FIELD_TEXT_LENGTH = 256;

/** Stands for a text over the limit: it has no field's shape. */
const UNREAD = '?';

export function isTooLongToRead(text: string): boolean {
	return text.length > MAX_FIELD_TEXT_LENGTH;
}

/** The text a check reads: the text, or past the limit a stand-in that every check fails as text of the wrong shape. */
export function readableFieldText(text: string): string {
	return isTooLongToRead(text) ? UNREAD : text;
}

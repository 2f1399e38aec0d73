import { readRrn } from '../validation/rrn';

/**
 * Masks the last 6 digits of a resident/alien registration number, keeping
 * the original separator and spacing. Text that is already masked (holds a
 * `*`, as the service may send it) or is not a 13-digit number shape is
 * returned unchanged.
 */
export function maskRrn(text: string): string {
	if (text.includes('*') || !readRrn(text).shape) return text;
	const chars = Array.from(text);
	let remaining = 6;
	for (let i = chars.length - 1; i >= 0 && remaining > 0; i--) {
		if (/[0-9*]/.test(chars[i])) {
			chars[i] = '*';
			remaining--;
		}
	}
	return chars.join('');
}

/** Masks the last 6 digits of resident/alien registration numbers; other fields are returned unchanged. */
export function maskSensitiveValue(field: string, value: string): string {
	return field === 'personalNum' || field === 'alienRegNum' ? maskRrn(value) : value;
}

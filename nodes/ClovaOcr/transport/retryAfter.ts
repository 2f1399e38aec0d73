/**
 * The longest header value read: an IMF-fixdate is 29 characters, the longest RFC 850 date
 * (a Wednesday) 33. A longer value is unreadable, like any other this cannot read.
 */
export const MAX_RETRY_AFTER_LENGTH = 64;

const DELAY_SECONDS = /^\s*(\d+)\s*$/;
/**
 * IMF-fixdate and RFC 850 dates: the day's name first, GMT last. Date.parse
 * alone takes "1.5" for a date, and asctime dates (no zone) for local time.
 */
const HTTP_DATE = /^\s*[A-Za-z]{3}.*\bGMT\s*$/;

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or
 * an HTTP date in GMT (a date in the past asks for no wait). Undefined when the
 * header is absent or unreadable.
 */
export function parseRetryAfterMs(header: unknown, nowMs: number): number | undefined {
	const value = Array.isArray(header) ? (header[0] as unknown) : header;
	if (typeof value !== 'string' || value.length > MAX_RETRY_AFTER_LENGTH) return undefined;
	if (value.trim() === '') return undefined;
	const seconds = DELAY_SECONDS.exec(value);
	if (seconds) return Number(seconds[1]) * 1000;
	if (!HTTP_DATE.test(value)) return undefined;
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

import {
	MAX_RETRY_AFTER_LENGTH,
	parseRetryAfterMs,
} from '../../../nodes/ClovaOcr/transport/retryAfter';

const NOW = Date.parse('Tue, 03 Jun 2025 10:00:00 GMT');

describe('parseRetryAfterMs', () => {
	test.each<[string, unknown, number | undefined]>([
		['delay-seconds', '3', 3000],
		['zero', '0', 0],
		['with spaces', ' 12 ', 12000],
		['as a list (repeated header)', ['2', '9'], 2000],
		['HTTP date ahead', 'Tue, 03 Jun 2025 10:00:05 GMT', 5000],
		['HTTP date past', 'Tue, 03 Jun 2025 09:59:00 GMT', 0],
		['fraction (not allowed by HTTP)', '1.5', undefined],
		['negative', '-1', undefined],
		['not a date', 'soon', undefined],
		['RFC 850 date', 'Tuesday, 03-Jun-25 10:00:02 GMT', 2000],
		['asctime date (obsolete, no zone): ignored', 'Tue Jun  3 10:00:01 2025', undefined],
		['empty', '', undefined],
		['absent', undefined, undefined],
		['a number, not a header string', 3, undefined],
	])('%s', (_case, header, expected) => {
		expect(parseRetryAfterMs(header, NOW)).toBe(expected);
	});
});

describe(`parseRetryAfterMs reads at most ${MAX_RETRY_AFTER_LENGTH} characters`, () => {
	test('the longest HTTP date (a Wednesday in RFC 850 form) is read', () => {
		const wednesday = 'Wednesday, 04-Jun-25 10:00:00 GMT';
		expect(parseRetryAfterMs(wednesday.padEnd(MAX_RETRY_AFTER_LENGTH), NOW)).toBe(86_400_000);
	});

	test('a longer value is unreadable, without a regex run', () => {
		const exec = jest.spyOn(RegExp.prototype, 'exec');
		try {
			expect(parseRetryAfterMs('3'.padEnd(MAX_RETRY_AFTER_LENGTH + 1), NOW)).toBeUndefined();
			expect(exec).not.toHaveBeenCalled();
		} finally {
			exec.mockRestore();
		}
	});
});

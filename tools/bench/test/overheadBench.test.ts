import { resolve } from 'node:path';

import { OWN_PACKAGE_DIR } from '../nodeOverhead';
import { parseOverheadArgs } from '../overheadBench';
import { rangeOf } from '../range';

describe('npm run bench -- overhead', () => {
	it('reads its flags, with defaults', () => {
		expect(parseOverheadArgs([])).toEqual({
			runs: 8,
			documents: 5000,
			packageDir: OWN_PACKAGE_DIR,
			help: false,
		});
		expect(parseOverheadArgs(['--runs', '3', '--documents=200', '--package', 'x'])).toEqual({
			runs: 3,
			documents: 200,
			packageDir: resolve('x'),
			help: false,
		});
		expect(parseOverheadArgs(['-h']).help).toBe(true);
	});

	it.each([
		[['--runs', '0'], '--runs: an integer from 1 to 50, not 0'],
		[['--documents', '99'], '--documents: an integer from 100 to 100000, not 99'],
		[['--package'], '--package needs a value'],
		[['--nope'], 'unknown flag --nope'],
	])('rejects %j', (argv, message) => {
		expect(() => parseOverheadArgs(argv)).toThrow(message);
	});

	it('the fastest and the median run (rangeOf, shared with the PDF bench and the matrix)', () => {
		expect(rangeOf([0.3, 0.2, 0.5])).toMatchObject({ min: 0.2, median: 0.3 });
		expect(rangeOf([0.4, 0.2, 0.3, 0.5])).toMatchObject({ min: 0.2, median: 0.35 });
	});
});

import { MAX_TIFF_DIRECTORIES, tiffPageCount } from '../../../nodes/ClovaOcr/input/tiffPageCount';
import type { ReadMeter } from '../../../nodes/ClovaOcr/input/readMeter';
import { tiffWithPages } from '../../fixtures/pagedFiles';

const ENTRY_BYTES = 12;
const MAX_ENTRIES = 0xffff;

/**
 * `directories` IFDs at neighbouring offsets 4 bytes apart, each claiming 65,535 entries over
 * the same bytes, chained from the highest offset down: a 790 KB file that made the walk
 * read 67 million entries.
 */
function overlappingDirectories(directories: number): Buffer {
	const span = 2 + MAX_ENTRIES * ENTRY_BYTES;
	const first = 8 + 4 * directories;
	const file = Buffer.alloc(first + span + 4);
	file.write('II', 0, 'latin1');
	file.writeUInt16LE(42, 2);
	file.writeUInt32LE(first, 4);
	for (let k = 0; k < directories; k++) {
		const offset = first - 4 * k;
		file.writeUInt16LE(MAX_ENTRIES, offset);
		file.writeUInt32LE(k + 1 === directories ? 0 : offset - 4, offset + span);
	}
	return file;
}

describe('tiffPageCount reads each entry of a file at most once', () => {
	test.each([2, 100, MAX_TIFF_DIRECTORIES + 1])(
		'%i directories over the same bytes: unreadable (null), within one read per entry the file holds',
		(directories) => {
			const file = overlappingDirectories(directories);
			const meter: ReadMeter = { reads: 0 };
			expect(tiffPageCount(file, meter)).toBeNull();
			expect(meter.reads).toBeLessThanOrEqual(file.length / ENTRY_BYTES);
		},
	);

	test('a chain that does not overlap is read as before, entry by entry', () => {
		const file = tiffWithPages(MAX_TIFF_DIRECTORIES + 1);
		const meter: ReadMeter = { reads: 0 };
		expect(tiffPageCount(file, meter)).toEqual({ pages: MAX_TIFF_DIRECTORIES, exact: false });
		expect(meter.reads).toBeGreaterThanOrEqual(MAX_TIFF_DIRECTORIES);
		expect(meter.reads).toBeLessThanOrEqual(file.length / ENTRY_BYTES);
	});
});

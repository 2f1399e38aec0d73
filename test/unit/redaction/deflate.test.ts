import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { adler32, crc32 } from '../../../nodes/ClovaOcr/redaction/checksums';
import { zlibDeflate } from '../../../nodes/ClovaOcr/redaction/deflate/deflate';
import { zlibInflate } from '../../../nodes/ClovaOcr/redaction/deflate/inflate';
import { RedactionError } from '../../../nodes/ClovaOcr/redaction';
import { huffmanCodeLengths } from '../../../nodes/ClovaOcr/redaction/huffmanCodeLengths';
import { photoPixels, rng } from './testImages';

function samples(): Array<[string, Buffer]> {
	const r = rng(42);
	const random = Buffer.alloc(200_000);
	for (let i = 0; i < random.length; i++) random[i] = Math.floor(r() * 256);
	const text = Buffer.from('the quick brown fox jumps over the lazy dog; '.repeat(3000), 'latin1');
	const skewed = Buffer.alloc(100_000);
	for (let i = 0; i < skewed.length; i++) skewed[i] = Math.floor(r() ** 4 * 20);
	return [
		['empty', Buffer.alloc(0)],
		['one byte', Buffer.from([7])],
		['three bytes', Buffer.from([1, 2, 3])],
		['zeros (long runs, distance 1)', Buffer.alloc(300_000)],
		['random (incompressible)', random],
		['text (long matches)', text],
		['skewed literals', skewed],
		['photo pixels', photoPixels(300, 200, 3)],
	];
}

describe('deflate: our compressor, inflated by node zlib', () => {
	it.each(samples())('%s round-trips', (_label, data) => {
		const parts = zlibDeflate(new Uint8Array(data));
		const stream = Buffer.concat(parts);
		expect(inflateSync(stream).equals(data)).toBe(true);
	});

	it('compresses text well and random data with little overhead', () => {
		const [, , , , [, random], [, text]] = samples();
		expect(Buffer.concat(zlibDeflate(new Uint8Array(text))).length).toBeLessThan(text.length / 50);
		expect(Buffer.concat(zlibDeflate(new Uint8Array(random))).length).toBeLessThan(
			random.length * 1.01,
		);
	});
});

describe('inflate: node zlib streams, inflated by ours', () => {
	const variants: Array<[string, object]> = [
		['stored (level 0)', { level: 0 }],
		['level 1', { level: 1 }],
		['level 9', { level: 9 }],
		['fixed Huffman', { strategy: constants.Z_FIXED }],
		['Huffman only', { strategy: constants.Z_HUFFMAN_ONLY }],
		['RLE', { strategy: constants.Z_RLE }],
	];
	for (const [name, options] of variants) {
		it.each(samples())(`${name}: %s`, (_label, data) => {
			const stream = new Uint8Array(deflateSync(data, options));
			expect(Buffer.from(zlibInflate([stream], data.length)).equals(data)).toBe(true);
			// The same stream cut into pieces (as over several IDAT chunks).
			const cuts = [0, 1, 2, 5, Math.floor(stream.length / 3), stream.length - 3, stream.length]
				.filter((c, i, a) => c <= stream.length && a.indexOf(c) === i)
				.sort((a, b) => a - b);
			const parts = cuts.slice(1).map((c, i) => stream.subarray(cuts[i], c));
			expect(Buffer.from(zlibInflate(parts, data.length)).equals(data)).toBe(true);
		});
	}

	it('reports a stream that ends short, one with more data than expected, and garbage as damaged', () => {
		const data = photoPixels(50, 50, 3);
		const stream = new Uint8Array(deflateSync(data));
		const damagedCall = (f: () => unknown): string => {
			try {
				f();
			} catch (error) {
				expect(error).toBeInstanceOf(RedactionError);
				return (error as RedactionError).kind;
			}
			return 'no error';
		};
		expect(
			damagedCall(() => zlibInflate([stream.subarray(0, stream.length >> 1)], data.length)),
		).toBe('damaged');
		expect(damagedCall(() => zlibInflate([stream], data.length + 10))).toBe('damaged');
		expect(damagedCall(() => zlibInflate([stream], data.length - 10))).toBe('damaged');
		expect(
			damagedCall(() => zlibInflate([new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff])], 100)),
		).toBe('damaged');
		expect(
			damagedCall(() => zlibInflate([new Uint8Array(deflateRawSync(data))], data.length)),
		).toBe('damaged'); // no zlib header
	});
});

describe('checksums and Huffman code lengths', () => {
	it('CRC-32 and Adler-32 match known values', () => {
		const text = new Uint8Array(Buffer.from('123456789', 'latin1'));
		expect(crc32(text)).toBe(0xcbf43926);
		expect(adler32(new Uint8Array(Buffer.from('Wikipedia', 'latin1')))).toBe(0x11e60398);
	});

	it.each([15, 16, 7])(
		'lengths are limited to %i bits and form a prefix code (Kraft sum ≤ 1)',
		(maxBits) => {
			// Fibonacci frequencies force a very deep unlimited tree.
			const freq = new Uint32Array(40);
			let [a, b] = [1, 1];
			for (let i = 0; i < freq.length; i++) {
				freq[i] = maxBits === 7 && i >= 19 ? 0 : a;
				[a, b] = [b, Math.min(a + b, 2 ** 31)];
			}
			for (const reserve of [false, true]) {
				const lengths = huffmanCodeLengths(freq, maxBits, reserve);
				let kraft = 0;
				for (let i = 0; i < freq.length; i++) {
					if (freq[i] > 0) expect(lengths[i]).toBeGreaterThan(0);
					expect(lengths[i]).toBeLessThanOrEqual(maxBits);
					if (lengths[i]) kraft += 2 ** -lengths[i];
				}
				// With the JPEG reserved code point one code of the longest length stays free.
				expect(kraft).toBeLessThanOrEqual(reserve ? 1 - 2 ** -Math.max(...lengths) : 1);
			}
		},
	);
});

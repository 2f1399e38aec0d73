import { damaged } from '../redactionError';
import { JpegBitReader } from './jpegBitReader';
import type { JpegComponent, JpegFrame } from './jpegFrame';
import { decodeHuffman, type HuffmanDecodeTable } from './jpegHuffmanTable';

export interface ScanHeader {
	components: JpegComponent[];
	ss: number;
	se: number;
	ah: number;
	al: number;
}

type BlockDecoder = (r: JpegBitReader, c: JpegComponent, offset: number) => void;

/**
 * Entropy-decodes one scan (sequential, or one progressive pass incl. successive-approximation
 * refinement, Annex G) into the components' coefficient arrays. Returns the file position
 * where the scan's data stops (at the next marker).
 */
export function decodeScan(
	data: Uint8Array,
	pos: number,
	frame: JpegFrame,
	scan: ScanHeader,
	restartInterval: number,
): number {
	const { ss, se, ah, al } = scan;
	let eobrun = 0;
	const table = (t: HuffmanDecodeTable | undefined): HuffmanDecodeTable => {
		if (!t) throw damaged('JPEG', 'a scan uses a Huffman table that is not defined');
		return t;
	};
	const needsDc = !frame.progressive || (ss === 0 && ah === 0);
	const needsAc = !frame.progressive || ss > 0;
	const dcTables = scan.components.map((c) => (needsDc ? table(c.dcTable) : undefined));
	const acTables = scan.components.map((c) => (needsAc ? table(c.acTable) : undefined));

	let decodeBlock: BlockDecoder;
	let compIndex = 0; // which scan component the current block belongs to (set by the loops below)

	if (!frame.progressive) {
		decodeBlock = (r, c, o) => {
			const coefs = c.coefs;
			const t = decodeHuffman(r, dcTables[compIndex] as HuffmanDecodeTable);
			if (t > 16) throw damaged('JPEG', 'invalid DC code');
			c.dcPred = (c.dcPred + r.receiveExtend(t)) | 0;
			coefs[o] = c.dcPred;
			const ac = acTables[compIndex] as HuffmanDecodeTable;
			for (let k = 1; k < 64; ) {
				const rs = decodeHuffman(r, ac);
				const s = rs & 15;
				const run = rs >> 4;
				if (s === 0) {
					if (run < 15) break;
					k += 16;
					continue;
				}
				k += run;
				if (k > 63) throw damaged('JPEG', 'a block has more than 64 coefficients');
				coefs[o + k] = r.receiveExtend(s);
				k++;
			}
		};
	} else if (ss === 0) {
		if (se !== 0) throw damaged('JPEG', 'a progressive DC scan has AC coefficients');
		if (ah === 0) {
			decodeBlock = (r, c, o) => {
				const t = decodeHuffman(r, dcTables[compIndex] as HuffmanDecodeTable);
				if (t > 16) throw damaged('JPEG', 'invalid DC code');
				c.dcPred = (c.dcPred + r.receiveExtend(t)) | 0;
				c.coefs[o] = c.dcPred << al;
			};
		} else {
			decodeBlock = (r, c, o) => {
				if (r.bit()) c.coefs[o] |= 1 << al;
			};
		}
	} else {
		if (scan.components.length !== 1)
			throw damaged('JPEG', 'a progressive AC scan has more than one component');
		if (se > 63 || ss > se) throw damaged('JPEG', 'invalid spectral selection');
		const ac = acTables[0] as HuffmanDecodeTable;
		if (ah === 0) {
			decodeBlock = (r, c, o) => {
				if (eobrun > 0) {
					eobrun--;
					return;
				}
				const coefs = c.coefs;
				for (let k = ss; k <= se; ) {
					const rs = decodeHuffman(r, ac);
					const s = rs & 15;
					const run = rs >> 4;
					if (s === 0) {
						if (run < 15) {
							eobrun = (1 << run) - 1 + r.bits(run);
							break;
						}
						k += 16;
						continue;
					}
					k += run;
					if (k > se) throw damaged('JPEG', 'a block has more coefficients than its scan');
					coefs[o + k] = r.receiveExtend(s) * (1 << al);
					k++;
				}
			};
		} else {
			const p1 = 1 << al;
			const m1 = -1 << al;
			decodeBlock = (r, c, o) => {
				const coefs = c.coefs;
				let k = ss;
				if (eobrun === 0) {
					for (; k <= se; k++) {
						const rs = decodeHuffman(r, ac);
						let s = rs & 15;
						let run = rs >> 4;
						if (s !== 0) {
							s = r.bit() ? p1 : m1;
						} else if (run !== 15) {
							eobrun = 1 << run;
							if (run) eobrun += r.bits(run);
							break;
						}
						while (k <= se) {
							const v = coefs[o + k];
							if (v !== 0) {
								if (r.bit() && (v & p1) === 0) coefs[o + k] = v >= 0 ? v + p1 : v + m1;
							} else {
								if (--run < 0) break;
							}
							k++;
						}
						if (s !== 0 && k <= se) coefs[o + k] = s;
					}
				}
				if (eobrun > 0) {
					for (; k <= se; k++) {
						const v = coefs[o + k];
						if (v !== 0 && r.bit() && (v & p1) === 0) coefs[o + k] = v >= 0 ? v + p1 : v + m1;
					}
					eobrun--;
				}
			};
		}
	}

	const r = new JpegBitReader(data, pos);
	for (const c of scan.components) c.dcPred = 0;
	const single = scan.components.length === 1;
	let mcu = 0;
	const restart = (): void => {
		if (!r.restart()) throw damaged('JPEG', 'a restart marker is missing');
		for (const c of scan.components) c.dcPred = 0;
		eobrun = 0;
	};

	if (single) {
		const c = scan.components[0];
		compIndex = 0;
		const stride = c.blocksPerLineMcu;
		for (let by = 0; by < c.blocksPerColumn; by++) {
			for (let bx = 0; bx < c.blocksPerLine; bx++) {
				if (restartInterval && mcu > 0 && mcu % restartInterval === 0) restart();
				decodeBlock(r, c, (by * stride + bx) * 64);
				mcu++;
			}
		}
	} else {
		let blocks = 0;
		for (const c of scan.components) blocks += c.h * c.v;
		if (blocks > 10) throw damaged('JPEG', 'more than 10 blocks per MCU');
		const comps = scan.components;
		for (let my = 0; my < frame.mcusPerColumn; my++) {
			for (let mx = 0; mx < frame.mcusPerLine; mx++) {
				if (restartInterval && mcu > 0 && mcu % restartInterval === 0) restart();
				for (let ci = 0; ci < comps.length; ci++) {
					const c = comps[ci];
					compIndex = ci;
					const stride = c.blocksPerLineMcu;
					for (let v = 0; v < c.v; v++) {
						const row = (my * c.v + v) * stride + mx * c.h;
						for (let h = 0; h < c.h; h++) decodeBlock(r, c, (row + h) * 64);
					}
				}
				mcu++;
			}
		}
	}
	if (r.overran())
		throw damaged('JPEG', 'entropy-coded data ends early (the file is truncated or corrupt)');
	return r.pos;
}

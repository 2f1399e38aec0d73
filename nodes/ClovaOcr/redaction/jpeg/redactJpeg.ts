import type { RedactionBudget } from '../budget';
import { ByteWriter } from '../byteWriter';
import { damaged, unsupported } from '../redactionError';
import type { ImageSize, PixelBox } from '../regions';
import { blackoutBlocks } from './jpegBlackout';
import { writeJpegBody } from './jpegEncode';
import {
	parseFrame,
	parseFrameHeader,
	unsupportedFrameKind,
	type JpegComponent,
	type JpegFrame,
} from './jpegFrame';
import { buildDecodeTable, type HuffmanDecodeTable } from './jpegHuffmanTable';
import { collectMetadata, writeMetadata, type JpegMetadata } from './jpegMetadata';
import { decodeScan } from './jpegScanDecoder';
import { chargeScan } from './scanWork';

export function isJpeg(file: Uint8Array): boolean {
	return file.length >= 3 && file[0] === 0xff && file[1] === 0xd8 && file[2] === 0xff;
}

/** Next marker at or after `pos` (skipping fill bytes and any stray data); returns [marker, position after it]. */
function nextMarker(file: Uint8Array, pos: number): [number, number] {
	while (pos + 1 < file.length) {
		if (file[pos] === 0xff) {
			const m = file[pos + 1];
			if (m !== 0 && m !== 0xff && !(m >= 0xd0 && m <= 0xd7)) return [m, pos + 2];
		}
		pos++;
	}
	throw damaged('JPEG', 'the file ends before the end-of-image marker');
}

function segmentAt(file: Uint8Array, pos: number): [Uint8Array, number] {
	if (pos + 2 > file.length) throw damaged('JPEG', 'the file ends inside a marker segment');
	const len = (file[pos] << 8) | file[pos + 1];
	if (len < 2 || pos + len > file.length)
		throw damaged('JPEG', 'the file ends inside a marker segment');
	return [file.subarray(pos + 2, pos + len), pos + len];
}

interface ParsedJpeg {
	frame: JpegFrame;
	meta: JpegMetadata;
}

/** Without a budget only the frame size is read (nothing is allocated). */
function parseJpeg(file: Uint8Array, budget: RedactionBudget | undefined): ParsedJpeg | ImageSize {
	if (!isJpeg(file)) throw damaged('JPEG', 'no start-of-image marker');
	let pos = 2;
	let frame: JpegFrame | undefined;
	const meta: JpegMetadata = { iccChunks: [] };
	const quant: Array<{ q: Uint16Array; precision: number } | undefined> = [];
	const dcTables: Array<HuffmanDecodeTable | undefined> = [];
	const acTables: Array<HuffmanDecodeTable | undefined> = [];
	let restartInterval = 0;
	let scans = 0;
	for (;;) {
		const [marker, after] = nextMarker(file, pos);
		pos = after;
		if (marker === 0xd9) break;
		if (marker === 0xd8) throw damaged('JPEG', 'a second start-of-image marker');
		const refusal = unsupportedFrameKind(marker);
		if (refusal) throw unsupported(refusal);
		if (marker === 0xcc) throw unsupported('arithmetic-coded JPEG (DAC) is not supported');
		if (marker === 0xde || marker === 0xdf)
			throw unsupported('hierarchical JPEG (DHP/EXP) is not supported');
		if (marker === 0xdc) throw unsupported('JPEG with a DNL marker is not supported');
		const [seg, next] = segmentAt(file, pos);
		pos = next;
		if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
			if (frame) throw damaged('JPEG', 'more than one frame');
			if (!budget) return parseFrameHeader(seg);
			frame = parseFrame(marker, seg, file.length, budget);
		} else if (marker === 0xc8) {
			throw unsupported('JPEG extension frame (JPG marker) is not supported');
		} else if (marker === 0xdb) {
			let p = 0;
			while (p < seg.length) {
				const precision = seg[p] >> 4;
				const id = seg[p] & 15;
				const size = precision ? 128 : 64;
				if (precision > 1 || id > 3 || p + 1 + size > seg.length)
					throw damaged('JPEG', 'invalid quantization table');
				const q = new Uint16Array(64);
				for (let k = 0; k < 64; k++)
					q[k] = precision ? (seg[p + 1 + 2 * k] << 8) | seg[p + 2 + 2 * k] : seg[p + 1 + k];
				quant[id] = { q, precision };
				p += 1 + size;
			}
		} else if (marker === 0xc4) {
			let p = 0;
			while (p < seg.length) {
				if (p + 17 > seg.length) throw damaged('JPEG', 'invalid Huffman table');
				const tc = seg[p] >> 4;
				const th = seg[p] & 15;
				const counts = seg.slice(p + 1, p + 17);
				let total = 0;
				for (const c of counts) total += c;
				if (tc > 1 || th > 3 || total > 256 || p + 17 + total > seg.length)
					throw damaged('JPEG', 'invalid Huffman table');
				const table = buildDecodeTable(counts, seg.slice(p + 17, p + 17 + total));
				(tc === 0 ? dcTables : acTables)[th] = table;
				p += 17 + total;
			}
		} else if (marker === 0xdd) {
			if (seg.length < 2) throw damaged('JPEG', 'invalid restart interval');
			restartInterval = (seg[0] << 8) | seg[1];
		} else if (marker === 0xda) {
			if (!frame || !budget) throw damaged('JPEG', 'a scan before the frame header');
			const n = seg[0];
			if (n < 1 || n > 4 || seg.length < 1 + 2 * n + 3)
				throw damaged('JPEG', 'invalid scan header');
			const components: JpegComponent[] = [];
			for (let i = 0; i < n; i++) {
				const id = seg[1 + 2 * i];
				const c = frame.components.find((x) => x.id === id);
				if (!c || components.includes(c))
					throw damaged('JPEG', 'a scan names an unknown component');
				const td = seg[2 + 2 * i] >> 4;
				const ta = seg[2 + 2 * i] & 15;
				if (td > 3 || ta > 3) throw damaged('JPEG', 'Huffman table number out of range');
				c.dcTable = dcTables[td];
				c.acTable = acTables[ta];
				if (!c.quant) {
					const q = quant[c.tq];
					if (!q) throw damaged('JPEG', 'a component has no quantization table');
					c.quant = q.q;
					c.quantPrecision = q.precision;
				}
				c.scanned = true;
				components.push(c);
			}
			const ss = seg[1 + 2 * n];
			const se = seg[2 + 2 * n];
			const ah = seg[3 + 2 * n] >> 4;
			const al = seg[3 + 2 * n] & 15;
			if (frame.progressive && (al > 13 || ah > 13))
				throw damaged('JPEG', 'invalid successive approximation');
			chargeScan(budget, frame, components);
			pos = decodeScan(file, pos, frame, { components, ss, se, ah, al }, restartInterval);
			scans++;
		} else if (marker >= 0xe0 && marker <= 0xef) {
			collectMetadata(meta, marker, seg);
		}
		// COM and anything else: skipped (and so dropped).
	}
	if (!frame) throw damaged('JPEG', 'no frame header');
	if (scans === 0 || frame.components.some((c) => !c.scanned))
		throw damaged('JPEG', 'image data is missing');
	return { frame, meta };
}

export function readJpegSize(file: Uint8Array): ImageSize {
	return parseJpeg(file, undefined) as ImageSize;
}

/** Whether a 3-component JPEG holds RGB rather than YCbCr (Adobe transform 0, or ids 'R','G','B' without JFIF/Adobe). */
function isRgb(frame: JpegFrame, meta: JpegMetadata): boolean {
	if (frame.components.length !== 3) return false;
	if (meta.adobeTransform !== undefined) return meta.adobeTransform === 0;
	if (meta.jfif) return false;
	const ids = frame.components.map((c) => c.id);
	return ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42;
}

/** The JPEG with the boxes' blocks blacked out, re-encoded as baseline with optimized tables. */
export function redactJpeg(
	file: Uint8Array,
	boxes: (size: ImageSize) => PixelBox[],
	budget: RedactionBudget,
): Uint8Array {
	const { frame, meta } = parseJpeg(file, budget) as ParsedJpeg;
	if (meta.adobeTransform === 2) throw unsupported('YCCK JPEG is not supported');
	const regions = boxes({ width: frame.width, height: frame.height });
	blackoutBlocks(frame, regions, isRgb(frame, meta), budget);
	const w = new ByteWriter(
		Math.ceil(file.length * 1.1) + 4096,
		budget.charger('the redacted JPEG'),
	);
	w.byte(0xff);
	w.byte(0xd8);
	writeMetadata(w, meta);
	writeJpegBody(w, frame);
	return w.toBytes();
}

import { ByteWriter } from '../byteWriter';

/**
 * What of a JPEG's APPn segments survives redaction:
 * - APP0 JFIF: rewritten minimal (version 1.01, the pixel density, no thumbnail);
 * - APP2 ICC_PROFILE: every chunk, unchanged (the colour profile);
 * - APP14 Adobe: unchanged (it says whether the 3 channels are YCbCr or RGB);
 * - APP1 Exif: only the orientation tag (0x0112), in a fresh minimal Exif, and only when it is
 *   not 1. Thumbnails, GPS, maker notes, dates, XMP (also APP1), IPTC (APP13), COM and every
 *   other segment are dropped.
 *
 * Orientation: CLOVA's coordinates refer to the pixels as stored in the file it was sent (the
 * un-rotated grid), and so do the regions; the coefficients are edited in that same grid and
 * the orientation tag is kept so viewers show the redacted copy turned the same way as the
 * original.
 */
export interface JpegMetadata {
	jfif?: { units: number; xDensity: number; yDensity: number };
	exifOrientation?: number;
	iccChunks: Uint8Array[];
	adobe?: Uint8Array;
	/** Adobe APP14 transform flag, if present (0 = RGB/CMYK, 1 = YCbCr, 2 = YCCK). */
	adobeTransform?: number;
}

function startsWith(seg: Uint8Array, text: string): boolean {
	if (seg.length < text.length) return false;
	for (let i = 0; i < text.length; i++) if (seg[i] !== text.charCodeAt(i)) return false;
	return true;
}

/** Orientation (1..8) from an Exif APP1 payload, or undefined if absent or unreadable. */
export function readExifOrientation(seg: Uint8Array): number | undefined {
	const t = 6; // after "Exif\0\0"
	if (seg.length < t + 8) return undefined;
	const little = seg[t] === 0x49 && seg[t + 1] === 0x49;
	const big = seg[t] === 0x4d && seg[t + 1] === 0x4d;
	if (!little && !big) return undefined;
	const u16 = (at: number): number =>
		little ? seg[at] | (seg[at + 1] << 8) : (seg[at] << 8) | seg[at + 1];
	const u32 = (at: number): number =>
		little
			? (seg[at] | (seg[at + 1] << 8) | (seg[at + 2] << 16) | (seg[at + 3] << 24)) >>> 0
			: ((seg[at] << 24) | (seg[at + 1] << 16) | (seg[at + 2] << 8) | seg[at + 3]) >>> 0;
	if (u16(t + 2) !== 42) return undefined;
	const ifd = t + u32(t + 4);
	if (ifd + 2 > seg.length) return undefined;
	const count = u16(ifd);
	for (let i = 0; i < count; i++) {
		const e = ifd + 2 + 12 * i;
		if (e + 12 > seg.length) return undefined;
		if (u16(e) === 0x0112 && u16(e + 2) === 3) {
			const v = u16(e + 8);
			return v >= 1 && v <= 8 ? v : undefined;
		}
	}
	return undefined;
}

export function collectMetadata(meta: JpegMetadata, marker: number, seg: Uint8Array): void {
	if (marker === 0xe0 && startsWith(seg, 'JFIF\0') && !meta.jfif) {
		meta.jfif =
			seg.length >= 12
				? { units: seg[7], xDensity: (seg[8] << 8) | seg[9], yDensity: (seg[10] << 8) | seg[11] }
				: { units: 0, xDensity: 1, yDensity: 1 };
		if (meta.jfif.xDensity === 0 || meta.jfif.yDensity === 0)
			meta.jfif = { units: 0, xDensity: 1, yDensity: 1 };
	} else if (marker === 0xe1 && startsWith(seg, 'Exif\0\0') && meta.exifOrientation === undefined) {
		meta.exifOrientation = readExifOrientation(seg);
	} else if (marker === 0xe2 && startsWith(seg, 'ICC_PROFILE\0')) {
		meta.iccChunks.push(seg.slice());
	} else if (marker === 0xee && startsWith(seg, 'Adobe') && !meta.adobe) {
		meta.adobe = seg.slice();
		if (seg.length >= 12) meta.adobeTransform = seg[11];
	}
}

function segment(w: ByteWriter, marker: number, payload: Uint8Array): void {
	w.byte(0xff);
	w.byte(marker);
	w.u16be(payload.length + 2);
	w.bytes(payload);
}

/** Writes the kept metadata segments (right after SOI). */
export function writeMetadata(w: ByteWriter, meta: JpegMetadata): void {
	if (meta.jfif) {
		const p = new ByteWriter(14);
		p.ascii('JFIF\0');
		p.bytes([1, 1, meta.jfif.units]);
		p.u16be(meta.jfif.xDensity);
		p.u16be(meta.jfif.yDensity);
		p.bytes([0, 0]);
		segment(w, 0xe0, p.toBytes());
	}
	if (meta.exifOrientation !== undefined && meta.exifOrientation !== 1) {
		const p = new ByteWriter(32);
		p.ascii('Exif\0\0');
		p.ascii('MM');
		p.u16be(42);
		p.u32be(8); // IFD0 right after the header
		p.u16be(1); // one entry
		p.u16be(0x0112);
		p.u16be(3); // SHORT
		p.u32be(1);
		p.u16be(meta.exifOrientation);
		p.u16be(0);
		p.u32be(0); // no next IFD (no thumbnail)
		segment(w, 0xe1, p.toBytes());
	}
	for (const chunk of meta.iccChunks) segment(w, 0xe2, chunk);
	if (meta.adobe) segment(w, 0xee, meta.adobe);
}

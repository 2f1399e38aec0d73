const SIGNED_ABS = (() => {
	const t = new Uint8Array(256);
	for (let v = 0; v < 256; v++) t[v] = v < 128 ? v : 256 - v;
	return t;
})();

function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = p > a ? p - a : a - p;
	const pb = p > b ? p - b : b - p;
	const pc = p > c ? p - c : c - p;
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Filters the image rows in place for writing. `buf` holds rows of `stride` = 1 + rowBytes
 * bytes whose first byte receives the filter type. Each row gets the filter (None, Sub, Up,
 * Average, Paeth) whose output has the smallest sum of absolute values taken as signed bytes
 * (the PNG spec's recommended heuristic, sampled on every other pixel); palette and sub-byte images use None throughout, as
 * the spec recommends. Rows go bottom-up and bytes right-to-left, so every filter still reads
 * unfiltered neighbours.
 */
export function filterRowsInPlace(
	buf: Uint8Array,
	height: number,
	stride: number,
	bitsPerPixel: number,
	adaptive: boolean,
): void {
	const rb = stride - 1;
	const bpp = Math.max(1, bitsPerPixel >> 3);
	const abs = SIGNED_ABS;
	for (let y = height - 1; y >= 0; y--) {
		const cur = y * stride + 1;
		if (!adaptive) {
			buf[cur - 1] = 0;
			continue;
		}
		const prev = cur - stride;
		const hasPrev = y > 0;
		let sNone = 0;
		let sSub = 0;
		let sUp = 0;
		let sAvg = 0;
		let sPaeth = 0;
		const head = Math.min(bpp, rb);
		for (let i = 0; i < head; i++) {
			const x = buf[cur + i];
			const b = hasPrev ? buf[prev + i] : 0;
			sNone += abs[x];
			sSub += abs[x];
			sUp += abs[(x - b) & 0xff];
			sAvg += abs[(x - (b >> 1)) & 0xff];
			sPaeth += abs[(x - b) & 0xff];
		}
		// The sums are taken over every other pixel (the same bytes for all five filters): half
		// the work, and the choice is nearly always the one the full sums give.
		const step = 2 * bpp;
		if (hasPrev) {
			for (let i0 = bpp; i0 < rb; i0 += step) {
				const stop = i0 + bpp < rb ? i0 + bpp : rb;
				for (let i = i0; i < stop; i++) {
					const x = buf[cur + i];
					const a = buf[cur + i - bpp];
					const b = buf[prev + i];
					const c = buf[prev + i - bpp];
					sNone += abs[x];
					sSub += abs[(x - a) & 0xff];
					sUp += abs[(x - b) & 0xff];
					sAvg += abs[(x - ((a + b) >> 1)) & 0xff];
					const p = a + b - c;
					const pa = p > a ? p - a : a - p;
					const pb = p > b ? p - b : b - p;
					const pc = p > c ? p - c : c - p;
					sPaeth += abs[(x - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff];
				}
			}
		} else {
			for (let i = bpp; i < rb; i++) {
				const x = buf[cur + i];
				const a = buf[cur + i - bpp];
				sNone += abs[x];
				sSub += abs[(x - a) & 0xff];
				sUp += abs[x];
				sAvg += abs[(x - (a >> 1)) & 0xff];
				sPaeth += abs[(x - a) & 0xff];
			}
		}
		let f = 0;
		let best = sNone;
		if (sSub < best) [f, best] = [1, sSub];
		if (sUp < best) [f, best] = [2, sUp];
		if (sAvg < best) [f, best] = [3, sAvg];
		if (sPaeth < best) f = 4;
		buf[cur - 1] = f;
		if (f === 0) continue;
		for (let i = rb - 1; i >= 0; i--) {
			const a = i >= bpp ? buf[cur + i - bpp] : 0;
			const b = hasPrev ? buf[prev + i] : 0;
			let pred: number;
			if (f === 1) pred = a;
			else if (f === 2) pred = b;
			else if (f === 3) pred = (a + b) >> 1;
			else pred = paeth(a, b, i >= bpp && hasPrev ? buf[prev + i - bpp] : 0);
			buf[cur + i] = (buf[cur + i] - pred) & 0xff;
		}
	}
}

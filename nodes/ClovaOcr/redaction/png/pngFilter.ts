/**
 * Row filters for writing: each row gets the filter (None, Sub, Up, Average, Paeth) whose output
 * has the smallest sum of absolute values taken as signed bytes (the PNG spec's recommended
 * heuristic). Palette and sub-byte images use None throughout, as the spec recommends.
 */
export function filterImage(image: Uint8Array, height: number, rb: number, bitsPerPixel: number, adaptive: boolean): Uint8Array {
	const out = new Uint8Array(height * (rb + 1));
	const bpp = Math.max(1, bitsPerPixel >> 3);
	for (let y = 0; y < height; y++) {
		const cur = y * rb;
		const prev = cur - rb; // only read when y > 0
		const o = y * (rb + 1);
		if (!adaptive) {
			out[o] = 0;
			out.set(image.subarray(cur, cur + rb), o + 1);
			continue;
		}
		let sNone = 0;
		let sSub = 0;
		let sUp = 0;
		let sAvg = 0;
		let sPaeth = 0;
		for (let i = 0; i < rb; i++) {
			const x = image[cur + i];
			const a = i >= bpp ? image[cur + i - bpp] : 0;
			const b = y > 0 ? image[prev + i] : 0;
			const c = i >= bpp && y > 0 ? image[prev + i - bpp] : 0;
			let v = x;
			sNone += v < 128 ? v : 256 - v;
			v = (x - a) & 0xff;
			sSub += v < 128 ? v : 256 - v;
			v = (x - b) & 0xff;
			sUp += v < 128 ? v : 256 - v;
			v = (x - ((a + b) >> 1)) & 0xff;
			sAvg += v < 128 ? v : 256 - v;
			const p = a + b - c;
			const pa = p > a ? p - a : a - p;
			const pb = p > b ? p - b : b - p;
			const pc = p > c ? p - c : c - p;
			v = (x - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
			sPaeth += v < 128 ? v : 256 - v;
		}
		let f = 0;
		let best = sNone;
		if (sSub < best) [f, best] = [1, sSub];
		if (sUp < best) [f, best] = [2, sUp];
		if (sAvg < best) [f, best] = [3, sAvg];
		if (sPaeth < best) f = 4;
		out[o] = f;
		const d = o + 1;
		switch (f) {
			case 0:
				out.set(image.subarray(cur, cur + rb), d);
				break;
			case 1:
				for (let i = 0; i < rb; i++) out[d + i] = (image[cur + i] - (i >= bpp ? image[cur + i - bpp] : 0)) & 0xff;
				break;
			case 2:
				for (let i = 0; i < rb; i++) out[d + i] = (image[cur + i] - (y > 0 ? image[prev + i] : 0)) & 0xff;
				break;
			case 3:
				for (let i = 0; i < rb; i++) {
					const a = i >= bpp ? image[cur + i - bpp] : 0;
					const b = y > 0 ? image[prev + i] : 0;
					out[d + i] = (image[cur + i] - ((a + b) >> 1)) & 0xff;
				}
				break;
			default:
				for (let i = 0; i < rb; i++) {
					const a = i >= bpp ? image[cur + i - bpp] : 0;
					const b = y > 0 ? image[prev + i] : 0;
					const c = i >= bpp && y > 0 ? image[prev + i - bpp] : 0;
					const p = a + b - c;
					const pa = p > a ? p - a : a - p;
					const pb = p > b ? p - b : b - p;
					const pc = p > c ? p - c : c - p;
					out[d + i] = (image[cur + i] - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
				}
		}
	}
	return out;
}

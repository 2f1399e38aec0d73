/** CRC tables for slicing-by-4: T[k][n] is the CRC of byte n followed by k zero bytes. */
const CRC_TABLES = (() => {
	const t = new Uint32Array(4 * 256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	for (let n = 0; n < 256; n++) {
		for (let k = 1; k < 4; k++)
			t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
	}
	return t;
})();

/** CRC-32 (ISO 3309, as PNG uses it) of data[start, end). */
export function crc32(data: Uint8Array, start = 0, end = data.length): number {
	const t = CRC_TABLES;
	let c = 0xffffffff;
	let i = start;
	for (; i + 4 <= end; i += 4) {
		c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
		c =
			t[768 + (c & 0xff)] ^
			t[512 + ((c >>> 8) & 0xff)] ^
			t[256 + ((c >>> 16) & 0xff)] ^
			t[c >>> 24];
	}
	for (; i < end; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** Adler-32 (RFC 1950) of data[start, end). */
export function adler32(data: Uint8Array, start = 0, end = data.length): number {
	let a = 1;
	let b = 0;
	let i = start;
	while (i < end) {
		const stop = Math.min(end, i + 5552);
		for (; i < stop; i++) {
			a += data[i];
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return ((b << 16) | a) >>> 0;
}

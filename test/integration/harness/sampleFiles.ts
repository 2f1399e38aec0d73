/** Small files whose first bytes are what CLOVA OCR sniffs; the emulator answers by scenario, not content. */
const SIGNATURES = {
	jpg: [0xff, 0xd8, 0xff, 0xe0],
	png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
	pdf: [...Buffer.from('%PDF-1.4\n')],
	tiff: [0x49, 0x49, 0x2a, 0x00],
	heic: [0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0],
	webp: [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')],
} as const;

export type SampleKind = keyof typeof SIGNATURES;

/** Signature, then `size` bytes of a repeatable pattern that includes CR, LF and dashes. */
export function sampleFile(kind: SampleKind, size = 2048): Buffer {
	const body = Buffer.alloc(size);
	for (let i = 0; i < size; i++) body[i] = (i * 31 + 7) % 256;
	return Buffer.concat([Buffer.from(SIGNATURES[kind]), body]);
}

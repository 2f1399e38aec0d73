/** JPEG-signed files for the workflows to read from disk (the emulator answers by scenario, not content). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const JPEG_SIGNATURE = [0xff, 0xd8, 0xff, 0xe0];

export function jpegBytes(size: number): Buffer {
	const bytes = Buffer.alloc(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 256;
	bytes.set(JPEG_SIGNATURE, 0);
	return bytes;
}

/** Writes `count` files of `size` bytes into `dir`; returns the glob that selects them. */
export function writeJpegs(dir: string, count: number, size: number): string {
	mkdirSync(dir, { recursive: true });
	const bytes = jpegBytes(size);
	for (let i = 0; i < count; i++)
		writeFileSync(join(dir, `card-${String(i).padStart(4, '0')}.jpg`), bytes);
	return `${dir}/*.jpg`;
}

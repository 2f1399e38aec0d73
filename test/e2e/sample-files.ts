/** Image files for e2e workflows: real magic bytes (what the node sniffs), then filler. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIGNATURES = {
	jpg: [0xff, 0xd8, 0xff, 0xe0],
	png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
} as const;

export function sampleImage(kind: keyof typeof SIGNATURES, size = 4096): Buffer {
	const body = Buffer.alloc(size);
	for (let i = 0; i < size; i++) body[i] = (i * 31 + 7) % 256;
	return Buffer.concat([Buffer.from(SIGNATURES[kind]), body]);
}

/**
 * Writes `[scenario=<scenario>] <name>` into `dir`: the emulator answers each image by the
 * scenario in its name. Returns the file's path.
 */
export function writeScenarioImage(dir: string, scenario: string, name: string): string {
	const kind = name.endsWith('.png') ? 'png' : 'jpg';
	const file = join(dir, `[scenario=${scenario}] ${name}`);
	writeFileSync(file, sampleImage(kind));
	return file;
}

import { crc32 } from '../checksums';
import { damaged } from '../redactionError';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngChunk {
	type: string;
	data: Uint8Array;
	crcOk: boolean;
}

export function isPng(file: Uint8Array): boolean {
	if (file.length < 8) return false;
	for (let i = 0; i < 8; i++) if (file[i] !== PNG_SIGNATURE[i]) return false;
	return true;
}

function u32(file: Uint8Array, at: number): number {
	return ((file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3]) >>> 0;
}

/** The chunks up to IEND (or the end of the file), each with whether its CRC matched. */
export function readPngChunks(file: Uint8Array): PngChunk[] {
	const chunks: PngChunk[] = [];
	let pos = 8;
	while (pos < file.length) {
		if (pos + 12 > file.length) throw damaged('PNG', 'the file ends inside a chunk header');
		const length = u32(file, pos);
		const typeBytes = file.subarray(pos + 4, pos + 8);
		let type = '';
		for (const b of typeBytes) {
			if (!((b >= 65 && b <= 90) || (b >= 97 && b <= 122)))
				throw damaged('PNG', 'a chunk has an invalid type');
			type += String.fromCharCode(b);
		}
		if (length > 0x7fffffff || pos + 12 + length > file.length)
			throw damaged('PNG', `the file ends inside the ${type} chunk`);
		const data = file.subarray(pos + 8, pos + 8 + length);
		const crcOk = crc32(file, pos + 4, pos + 8 + length) === u32(file, pos + 8 + length);
		chunks.push({ type, data, crcOk });
		pos += 12 + length;
		if (type === 'IEND') break;
	}
	return chunks;
}

/** A case of the redacted copy: a file and regions for each size, through redactImage. */
import { builtRedactImage, type RedactionRegion } from './builtNode';
import { outcomeOfError, oneLine, type HostileCase } from './hostileCase';

export interface RedactionInput {
	file: Uint8Array;
	regions: RedactionRegion[];
}

export function redactionCase(
	name: string,
	unit: string,
	sizes: readonly number[],
	input: (size: number) => RedactionInput,
): HostileCase {
	return {
		name,
		unit,
		sizes,
		prepare: (size) => {
			const redactImage = builtRedactImage();
			const { file, regions } = input(size);
			return {
				inputBytes: file.length,
				run: () => {
					try {
						const result = redactImage(file, regions);
						return result.status === 'unsupported'
							? `refused: ${oneLine(result.reason)}`
							: `${result.status} (${result.data.length.toLocaleString('en-US')} bytes out)`;
					} catch (error) {
						return outcomeOfError(error);
					}
				},
			};
		},
	};
}

/** A small box near the top left corner: the decode is the work, not the painting. */
export const ONE_SMALL_REGION: RedactionRegion[] = [{ x: 8, y: 8, width: 16, height: 16 }];

/** Path 3: progressive JPEGs with growing numbers of scans, through redactImage. */
import type { HostilePath } from './hostileCase';
import { eobRunJpeg } from './progressiveJpeg';
import { ONE_SMALL_REGION, redactionCase } from './redactionCase';

export const JPEG_SCANS: HostilePath = {
	title: 'JPEG scans (redaction/jpeg: scan count and decode work, redaction/limits.ts)',
	before: 'a 33 KB progressive JPEG of refinement scans took 12 s to redact',
	cases: [
		redactionCase(
			'refinement scans (EOB runs) over a 2000×2000 grey frame',
			'scans',
			[4, 16, 64, 256, 1024],
			(scans) => ({
				file: eobRunJpeg({
					width: 2000,
					height: 2000,
					sampling: [[1, 1]],
					acScans: scans,
					refine: true,
				}),
				regions: ONE_SMALL_REGION,
			}),
		),
		redactionCase(
			'AC scans over the small chroma of a 256×256 4:1:1 colour frame',
			'scans',
			[16, 64, 256, 1024, 4096],
			(scans) => ({
				file: eobRunJpeg({
					width: 256,
					height: 256,
					sampling: [
						[4, 4],
						[1, 1],
						[1, 1],
					],
					acScans: scans,
					acComponents: [1, 2],
				}),
				regions: ONE_SMALL_REGION,
			}),
		),
	],
};

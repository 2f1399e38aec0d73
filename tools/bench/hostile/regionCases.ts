/** Path 4: growing numbers of full-image regions on a sample card, through redactImage. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RedactionRegion } from './builtNode';
import type { HostileCase, HostilePath } from './hostileCase';
import { redactionCase } from './redactionCase';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

/** `count` regions that each cover the whole image and more. */
const fullImageRegions = (count: number): RedactionRegion[] =>
	Array.from({ length: count }, () => ({ x: -10, y: -10, width: 100_000, height: 100_000 }));

function sampleCase(name: string): HostileCase {
	return redactionCase(
		`full-image regions on samples/${name} (856×540)`,
		'regions',
		[1000, 4000, 16_000, 64_000, 256_000],
		(count) => ({
			file: new Uint8Array(readFileSync(join(SAMPLES, name))),
			regions: fullImageRegions(count),
		}),
	);
}

export const REGIONS: HostilePath = {
	title: 'Regions (redaction/coveredRuns.ts: painted through a row mask)',
	before: '20,000 regions took 14 s: each region was painted over the image on its own',
	cases: [sampleCase('resident-card.jpg'), sampleCase('resident-card.png')],
};

import { join } from 'node:path';

import sharp from 'sharp';

import { documentTemplate } from '../fixture-documents';
import {
	DRIVER_LICENSE_GEOMETRY,
	RESIDENT_CARD_GEOMETRY,
	type Box,
	type FieldGeometry,
} from '../specimen-geometry';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

type Vertex = { x: number; y: number };
type Section = Record<
	string,
	Array<{
		boundingPolys: Array<{ vertices: Vertex[] }>;
		maskingPolys: Array<{ vertices: Vertex[] }>;
	}>
>;

/** The fixtures as printed have a trailing comma; drop it to read them. */
function sectionOf(scenario: 'ic-specimen' | 'dl-specimen'): Section {
	const json = JSON.parse(documentTemplate(scenario).replace(/,(\s*[}\]])/g, '$1'));
	return json.images[0].idCard.result[scenario === 'ic-specimen' ? 'ic' : 'dl'];
}

function quad([x0, y0, x1, y1]: Box, grow: number): Vertex[] {
	return [
		{ x: x0 - grow, y: y0 - grow },
		{ x: x1 + grow, y: y0 - grow },
		{ x: x1 + grow, y: y1 + grow },
		{ x: x0 - grow, y: y1 + grow },
	];
}

const CASES: Array<
	[scenario: 'ic-specimen' | 'dl-specimen', file: string, Record<string, FieldGeometry>]
> = [
	['ic-specimen', 'resident-card.png', RESIDENT_CARD_GEOMETRY],
	['dl-specimen', 'driver-license.png', DRIVER_LICENSE_GEOMETRY],
];

describe.each(CASES)('%s geometry', (scenario, file, geometry) => {
	test('each field polygon sits on the sample card text: ink +2 px, masked part +3 px', () => {
		const section = sectionOf(scenario);
		for (const [field, { ink, masked }] of Object.entries(geometry)) {
			expect([field, section[field][0].boundingPolys[0].vertices]).toEqual([field, quad(ink, 2)]);
			if (masked)
				expect([field, section[field][0].maskingPolys[0].vertices]).toEqual([
					field,
					quad(masked, 3),
				]);
		}
	});

	test('every documented masking polygon is moved onto the card', () => {
		const section = sectionOf(scenario);
		const masked = Object.entries(section)
			.filter(([, values]) => Array.isArray(values) && values.some((v) => v.maskingPolys?.length))
			.map(([field]) => field)
			.sort();
		expect(masked).toEqual(
			Object.entries(geometry)
				.filter(([, g]) => g.masked)
				.map(([field]) => field)
				.sort(),
		);
	});

	test('the masked boxes hold dark ink, and the 3 px margin left and right of them none', async () => {
		const { data, info } = await sharp(join(SAMPLES, file))
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		const dark = (x: number, y: number) => {
			const i = (y * info.width + x) * info.channels;
			return data[i] < 110 && data[i + 1] < 120 && data[i + 2] < 130;
		};
		const inkColumns = (from: number, to: number, [, y0, , y1]: Box) => {
			let count = 0;
			for (let x = from; x < to; x++)
				for (let y = y0; y < y1; y++)
					if (dark(x, y)) {
						count++;
						break;
					}
			return count;
		};
		for (const [field, { masked }] of Object.entries(geometry)) {
			if (!masked) continue;
			const [x0, , x1] = masked;
			expect([
				field,
				inkColumns(x0, x0 + 1, masked) > 0,
				inkColumns(x1 - 1, x1, masked) > 0,
			]).toEqual([field, true, true]);
			expect([field, inkColumns(x0 - 3, x0, masked), inkColumns(x1, x1 + 3, masked)]).toEqual([
				field,
				0,
				0,
			]);
		}
	});
});

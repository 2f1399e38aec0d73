import { REGISTRATION_NUMBER_BACK } from '../../../nodes/ClovaOcr/output/numberBackPart';
import { numberBackPartRegions } from '../../../nodes/ClovaOcr/output/numberBackPartRegions';
import type { FieldValue } from '../../../nodes/ClovaOcr/response/schema';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});

const BOX = square(100, 100, 240, 120);
const LARGE = { width: 1000, height: 1000 };

describe('numberBackPartRegions', () => {
	test.each<[string, FieldValue[], { width: number; height: number }, unknown[]]>([
		[
			// 100 + 140 × 6/14 = 160; grown by 2 px
			'the back part, from the hyphen',
			[{ text: '800101-1234567', boundingPolys: [BOX] }],
			LARGE,
			[{ x: 158, y: 98, width: 84, height: 24 }],
		],
		[
			'masked text, the same part',
			[{ text: '800***-234****', boundingPolys: [BOX] }],
			LARGE,
			[{ x: 158, y: 98, width: 84, height: 24 }],
		],
		[
			'too few positions: the whole box',
			[{ text: '800101', boundingPolys: [BOX] }],
			LARGE,
			[{ x: 98, y: 98, width: 144, height: 24 }],
		],
		[
			'two polygons: each whole',
			[{ text: '800101-1234567', boundingPolys: [square(0, 0, 40, 10), square(50, 0, 90, 10)] }],
			LARGE,
			[
				{ x: 0, y: 0, width: 42, height: 12 },
				{ x: 48, y: 0, width: 44, height: 12 },
			],
		],
		[
			'the back part outside the image: the whole box, clipped',
			[{ text: '800101-1234567', boundingPolys: [BOX] }],
			{ width: 150, height: 1000 },
			[{ x: 98, y: 98, width: 52, height: 24 }],
		],
		[
			'every recognized value; empty text and missing polygons give nothing',
			[
				{ text: '', boundingPolys: [square(0, 0, 40, 10)] },
				{ text: ' ', boundingPolys: [square(0, 0, 40, 10)] },
				{ text: '800101-1234567' },
				{ text: '800101-1234567', boundingPolys: [] },
				{ text: '800101-1234567', boundingPolys: [BOX] },
			],
			LARGE,
			[{ x: 158, y: 98, width: 84, height: 24 }],
		],
		[
			'the box outside the image: nothing',
			[{ text: '800101-1234567', boundingPolys: [BOX] }],
			{ width: 90, height: 90 },
			[],
		],
	])('%s', (_case, values, size, regions) => {
		expect(numberBackPartRegions(values, REGISTRATION_NUMBER_BACK, size)).toEqual(regions);
	});
});

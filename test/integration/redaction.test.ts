/**
 * Add Redacted Image in n8n's real engine against the emulator: the sample cards (whose
 * specimen answers carry polygons on the cards' own text) in both output modes, judged by
 * sharp: black inside the masking boxes, the rest as decoded from the original, same size,
 * metadata gone.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import sharp from 'sharp';

import type { Emulator } from '../../tools/clova-emulator';
import {
	boundingBox,
	decode,
	DRIVER_LICENSE_GEOMETRY,
	DRIVER_LICENSE_MASKED,
	JPEG_BLACK_MAX,
	maxChannelIn,
	maxDifferenceIn,
	maxDifferenceOutside,
	metadataFound,
	minChannelIn,
	RESIDENT_CARD_GEOMETRY,
	RESIDENT_CARD_MASKED,
	sampleCard,
	type Box,
} from '../fixtures/redactedPixels';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	useBinaryMode,
	type RunOptions,
} from './harness';
import { OUTSIDE_THE_CARD, polygonsEdit } from './polygonEdits';

const SECRET = 'redaction-secret-7f2a';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

async function run(
	scenario: string,
	file: Buffer,
	fileName: string,
	mimeType: string,
	parameters: RunOptions['parameters'],
): Promise<INodeExecutionData[]> {
	emulator.setScenario(scenario as Parameters<Emulator['setScenario']>[0]);
	const result = await runClovaNode({
		parameters: { operation: 'recognizeAnyId', ...parameters },
		items: [await binaryItem(file, fileName, mimeType)],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	expect(result.error).toBeUndefined();
	return result.items;
}

const bytesOf = async (binary: IBinaryData) =>
	await Container.get(BinaryDataService).getAsBuffer(binary);

/**
 * Every pixel of each box black; elsewhere as the original decodes, beyond 32 px of a box: the
 * 2 px margin, the 16 px MCUs a JPEG box is rounded out to, and the decoder's chroma upsampling
 * across their edge (exact coefficients are checked in test/unit/redaction).
 */
async function expectRedacted(
	copy: Buffer,
	original: Buffer,
	black: Box[],
	blackMax: number,
): Promise<void> {
	const [after, before] = await Promise.all([decode(copy), decode(original)]);
	expect([after.width, after.height]).toEqual([856, 540]);
	expect(black.map((box) => maxChannelIn(after, box) <= blackMax)).toEqual(black.map(() => true));
	expect(black.map((box) => maxChannelIn(before, box) > 100)).toEqual(black.map(() => true));
	expect(maxDifferenceOutside(after, before, black, 32)).toBe(0);
	expect(await metadataFound(copy)).toEqual([]);
}

describe('fields output, resident card JPEG', () => {
	let items: INodeExecutionData[];
	beforeAll(async () => {
		items = await run('ic-specimen', sampleCard('resident-card.jpg'), 'card.jpg', 'image/jpeg', {
			options: { redactedImage: true },
		});
	});

	test('every field item says applied and carries the same stored copy, nothing else', () => {
		expect(items.map(({ json }) => [json.field, json.redaction])).toEqual([
			['name', 'applied'],
			['personalNum', 'applied'],
			['address', 'applied'],
			['issueDate', 'applied'],
			['authority', 'applied'],
		]);
		expect(items.map(({ binary }) => Object.keys(binary ?? {}))).toEqual(
			items.map(() => ['redacted']),
		);
		const first = items[0].binary!.redacted;
		for (const { binary } of items) expect(binary!.redacted).toBe(first);
		expect(first).toMatchObject({
			fileName: 'card-redacted.jpg',
			fileExtension: 'jpg',
			mimeType: 'image/jpeg',
		});
	});

	test('the registration number after the hyphen and the issue date are black', async () => {
		await expectRedacted(
			await bytesOf(items[0].binary!.redacted),
			sampleCard('resident-card.jpg'),
			RESIDENT_CARD_MASKED,
			JPEG_BLACK_MAX,
		);
	});

	test('the front digits of the number stay visible', async () => {
		const after = await decode(await bytesOf(items[0].binary!.redacted));
		const [, y0, , y1] = RESIDENT_CARD_GEOMETRY.personalNum.ink;
		expect(maxChannelIn(after, [54, y0, 170, y1])).toBeGreaterThan(200);
	});
});

describe('document output', () => {
	test('license PNG: one item, applied, exact pixels outside, black is 0', async () => {
		const items = await run(
			'dl-specimen',
			sampleCard('driver-license.png'),
			'license.png',
			'image/png',
			{ output: 'document', options: { redactedImage: true, redactedBinaryPropertyName: 'copy' } },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json.redaction).toBe('applied');
		expect(Object.keys(items[0].binary ?? {})).toEqual(['copy']);
		expect(items[0].binary!.copy).toMatchObject({
			fileName: 'license-redacted.png',
			mimeType: 'image/png',
		});
		await expectRedacted(
			await bytesOf(items[0].binary!.copy),
			sampleCard('driver-license.png'),
			DRIVER_LICENSE_MASKED,
			0,
		);
	});

	test('Also Black Out adds the whole boxes of the chosen fields', async () => {
		const items = await run(
			'dl-specimen',
			sampleCard('driver-license.jpg'),
			'license.jpg',
			'image/jpeg',
			{
				output: 'document',
				options: { redactedImage: true, redactFields: ['name', 'address', 'code'] },
			},
		);
		expect(items[0].json.redaction).toBe('applied');
		const { name, address, code } = DRIVER_LICENSE_GEOMETRY;
		await expectRedacted(
			await bytesOf(items[0].binary!.redacted),
			sampleCard('driver-license.jpg'),
			[...DRIVER_LICENSE_MASKED, ...[name, address, code].map(({ ink }) => boundingBox(ink))],
			JPEG_BLACK_MAX,
		);
	});

	test('PDF: unsupported, the reason in warnings, needs review, no binary at all', async () => {
		const items = await run(
			'ic-specimen',
			sampleCard('resident-card.pdf'),
			'card.pdf',
			'application/pdf',
			{
				output: 'document',
				options: { redactedImage: true },
			},
		);
		expect(items).toHaveLength(1);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toMatchObject({
			redaction: 'unsupported',
			warnings:
				'redaction: no redacted copy, PDF is not supported (only JPEG and PNG can be redacted)',
			needsReview: true,
		});
	});
});

describe('fields output, PNG, TIFF and the option off', () => {
	test('resident card PNG: every item applied with one copy, black exactly', async () => {
		const items = await run(
			'ic-specimen',
			sampleCard('resident-card.png'),
			'card.png',
			'image/png',
			{
				options: { redactedImage: true },
			},
		);
		expect(items.map(({ json }) => json.redaction)).toEqual(Array(5).fill('applied'));
		for (const { binary } of items) expect(binary!.redacted).toBe(items[0].binary!.redacted);
		await expectRedacted(
			await bytesOf(items[0].binary!.redacted),
			sampleCard('resident-card.png'),
			RESIDENT_CARD_MASKED,
			0,
		);
	});

	test('TIFF: every field item unsupported, its own warning kept first', async () => {
		const items = await run(
			'ic-specimen',
			sampleCard('resident-card.tiff'),
			'card.tiff',
			'image/tiff',
			{
				options: { redactedImage: true, minConfidence: 0.5 },
			},
		);
		const reason =
			'redaction: no redacted copy, TIFF is not supported (only JPEG and PNG can be redacted)';
		expect(items.map(({ json, binary }) => [json.redaction, json.warnings, binary])).toEqual(
			items.map(({ json }) => [
				'unsupported',
				`${json.field}: confidence 0 is below the minimum 0.5; ${reason}`,
				undefined,
			]),
		);
	});

	test('off: no redaction key and no binary; raw output ignores the option', async () => {
		const off = await run(
			'ic-specimen',
			sampleCard('resident-card.jpg'),
			'card.jpg',
			'image/jpeg',
			{},
		);
		expect(off.map(({ json, binary }) => ['redaction' in json, binary])).toEqual(
			off.map(() => [false, undefined]),
		);
		const raw = await run(
			'ic-specimen',
			sampleCard('resident-card.jpg'),
			'card.jpg',
			'image/jpeg',
			{
				output: 'raw',
				options: { redactedImage: true },
			},
		);
		expect([raw.length, 'redaction' in raw[0].json, raw[0].binary]).toEqual([1, false, undefined]);
	});
});

/**
 * The front digits on the sample PNGs, measured as the dark-ink columns of the text (the back
 * part's ink is the geometry's `masked`): what must stay readable when the back part is cut
 * from the bounding box.
 */
const RESIDENT_CARD_FRONT: Box = [54, 204, 170, 230]; // 800101
const LICENSE_NUMBER_FRONT: Box = [267, 136, 366, 165]; // 11-00
const LICENSE_PERSONAL_NUM_FRONT: Box = [352, 237, 440, 257]; // 800101
/** The separator before the back part, where the cut from the bounding box starts. */
const RESIDENT_CARD_SEPARATOR: Box = [180, 204, 189, 230];
const LICENSE_SEPARATORS: Box[] = [
	[370, 136, 380, 165],
	[447, 237, 454, 257],
];

describe('a recognized number without a usable masking polygon (issue 17)', () => {
	afterEach(() => emulator.configure({ documentEdits: [] }));

	async function runEdited(
		scenario: 'ic-specimen' | 'dl-specimen',
		edits: Array<[string, string]>,
		file: string,
		mimeType: string,
		output: 'fields' | 'document',
	): Promise<INodeExecutionData[]> {
		emulator.configure({ documentEdits: edits });
		return await run(scenario, sampleCard(file), file, mimeType, {
			output,
			options: { redactedImage: true },
		});
	}

	test('resident card JPEG, no maskingPolys: the back digits black from the bounding box, the front kept', async () => {
		const items = await runEdited(
			'ic-specimen',
			[polygonsEdit('ic-specimen', 'personalNum', 'maskingPolys')],
			'resident-card.jpg',
			'image/jpeg',
			'fields',
		);
		expect(items.map(({ json }) => [json.field, json.redaction])).toEqual([
			['name', 'applied'],
			['personalNum', 'applied'],
			['address', 'applied'],
			['issueDate', 'applied'],
			['authority', 'applied'],
		]);
		expect(items.map(({ binary }) => binary!.redacted)).toEqual(
			items.map(() => items[0].binary!.redacted),
		);
		const copy = await bytesOf(items[0].binary!.redacted);
		await expectRedacted(
			copy,
			sampleCard('resident-card.jpg'),
			[...RESIDENT_CARD_MASKED, RESIDENT_CARD_SEPARATOR],
			JPEG_BLACK_MAX,
		);
		// The 16 px blocks touching the cut are black, so the last front digit may be too.
		const [after, before] = await Promise.all([
			decode(copy),
			decode(sampleCard('resident-card.jpg')),
		]);
		const [x0, y0, , y1] = RESIDENT_CARD_FRONT;
		expect([
			maxDifferenceIn(after, before, [x0, y0, 128, y1]),
			minChannelIn(after, [x0, y0, 128, y1]) < 100,
		]).toEqual([0, true]);
	});

	test("license PNG, num without maskingPolys and personalNum's outside the image: both back parts black, fronts exact", async () => {
		const items = await runEdited(
			'dl-specimen',
			[
				polygonsEdit('dl-specimen', 'num', 'maskingPolys'),
				polygonsEdit('dl-specimen', 'personalNum', 'maskingPolys', [OUTSIDE_THE_CARD]),
			],
			'driver-license.png',
			'image/png',
			'document',
		);
		expect(items.map(({ json }) => json.redaction)).toEqual(['applied']);
		const copy = await bytesOf(items[0].binary!.redacted);
		await expectRedacted(
			copy,
			sampleCard('driver-license.png'),
			[...DRIVER_LICENSE_MASKED, ...LICENSE_SEPARATORS],
			0,
		);
		const [after, before] = await Promise.all([
			decode(copy),
			decode(sampleCard('driver-license.png')),
		]);
		const fronts = [LICENSE_NUMBER_FRONT, LICENSE_PERSONAL_NUM_FRONT];
		expect(
			fronts.map((box) => [maxDifferenceIn(after, before, box), minChannelIn(after, box) < 100]),
		).toEqual(fronts.map(() => [0, true]));
	});

	test('resident card PNG, no maskingPolys: the front six digits exact', async () => {
		const items = await runEdited(
			'ic-specimen',
			[polygonsEdit('ic-specimen', 'personalNum', 'maskingPolys')],
			'resident-card.png',
			'image/png',
			'document',
		);
		expect(items.map(({ json }) => json.redaction)).toEqual(['applied']);
		const copy = await bytesOf(items[0].binary!.redacted);
		await expectRedacted(
			copy,
			sampleCard('resident-card.png'),
			[...RESIDENT_CARD_MASKED, RESIDENT_CARD_SEPARATOR],
			0,
		);
		const [after, before] = await Promise.all([
			decode(copy),
			decode(sampleCard('resident-card.png')),
		]);
		expect([
			maxDifferenceIn(after, before, RESIDENT_CARD_FRONT),
			minChannelIn(after, RESIDENT_CARD_FRONT) < 100,
		]).toEqual([0, true]);
	});

	test.each(['fields', 'document'] as const)(
		'%s output, no masking and no bounding polygon: no copy, the field named in warnings, needs review',
		async (output) => {
			const items = await runEdited(
				'ic-specimen',
				[
					polygonsEdit('ic-specimen', 'personalNum', 'maskingPolys'),
					polygonsEdit('ic-specimen', 'personalNum', 'boundingPolys'),
				],
				'resident-card.jpg',
				'image/jpeg',
				output,
			);
			const warning =
				'redaction: no redacted copy, no polygon inside the image to black out personalNum';
			expect(
				items.map(({ json, binary }) => [json.redaction, json.warnings, json.needsReview, binary]),
			).toEqual(items.map(() => ['unsupported', warning, true, undefined]));
			expect(items).toHaveLength(output === 'fields' ? 5 : 1);
		},
	);
});

describe('noRegions, EXIF orientation and filesystem storage', () => {
	afterAll(async () => await useBinaryMode('default'));

	const smallImage = async () =>
		await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c0d0e0' } })
			.jpeg()
			.withExif({ IFD0: { Copyright: 'someone', ImageDescription: 'CLOVA-EMULATOR:scenario=x' } })
			.toBuffer();

	test('no registration or license number (a passport), no polygon inside: noRegions, a copy with EXIF and the comment stripped', async () => {
		const small = await smallImage();
		expect(await metadataFound(small)).toEqual(['exif', 'marker']);
		const items = await run('pp-success', small, 'small.jpg', 'image/jpeg', {
			output: 'document',
			options: { redactedImage: true },
		});
		expect(items[0].json.redaction).toBe('noRegions');
		const copy = await bytesOf(items[0].binary!.redacted);
		expect(await metadataFound(copy)).toEqual([]);
		expect(maxDifferenceOutside(await decode(copy), await decode(small), [], 0)).toBe(0);
	});

	test("the license's polygons all outside the image: unsupported, no copy, both numbers named", async () => {
		const items = await run('dl-specimen', await smallImage(), 'small.jpg', 'image/jpeg', {
			output: 'document',
			options: { redactedImage: true },
		});
		expect(
			items.map(({ json, binary }) => [json.redaction, json.warnings, json.needsReview, binary]),
		).toEqual([
			[
				'unsupported',
				expect.stringMatching(
					/(^|; )redaction: no redacted copy, no polygon inside the image to black out num, personalNum$/,
				),
				true,
				undefined,
			],
		]);
	});

	test('EXIF orientation 6 is kept; the boxes are in the stored pixel grid', async () => {
		const rotated = await sharp(sampleCard('resident-card.jpg'))
			.jpeg({ quality: 90 })
			.withMetadata({ orientation: 6 })
			.toBuffer();
		const items = await run('ic-specimen', rotated, 'rotated.jpg', 'image/jpeg', {
			output: 'document',
			options: { redactedImage: true },
		});
		const copy = await bytesOf(items[0].binary!.redacted);
		const meta = await sharp(copy).metadata();
		expect([meta.orientation, meta.width, meta.height]).toEqual([6, 856, 540]);
		const stored = await decode(copy);
		expect(RESIDENT_CARD_MASKED.map((box) => maxChannelIn(stored, box) <= JPEG_BLACK_MAX)).toEqual(
			RESIDENT_CARD_MASKED.map(() => true),
		);
	});

	test('filesystem binary data: one stored file shared by every field item', async () => {
		await useBinaryMode('filesystem');
		const items = await run(
			'ic-specimen',
			sampleCard('resident-card.jpg'),
			'card.jpg',
			'image/jpeg',
			{
				options: { redactedImage: true },
			},
		);
		const ids = new Set(items.map(({ binary }) => binary!.redacted.id));
		expect([items.length, ids.size, [...ids][0]]).toEqual([
			5,
			1,
			expect.stringMatching(/^filesystem/),
		]);
	});
});

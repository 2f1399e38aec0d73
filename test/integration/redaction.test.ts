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
	maxDifferenceOutside,
	metadataFound,
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

describe('noRegions, EXIF orientation and filesystem storage', () => {
	afterAll(async () => await useBinaryMode('default'));

	test('no polygon inside the image: noRegions, a copy with EXIF and the comment stripped', async () => {
		const small = await sharp({
			create: { width: 40, height: 30, channels: 3, background: '#c0d0e0' },
		})
			.jpeg()
			.withExif({ IFD0: { Copyright: 'someone', ImageDescription: 'CLOVA-EMULATOR:scenario=x' } })
			.toBuffer();
		expect(await metadataFound(small)).toEqual(['exif', 'marker']);
		const items = await run('ic-specimen', small, 'small.jpg', 'image/jpeg', {
			output: 'document',
			options: { redactedImage: true },
		});
		expect(items[0].json.redaction).toBe('noRegions');
		const copy = await bytesOf(items[0].binary!.redacted);
		expect(await metadataFound(copy)).toEqual([]);
		expect(maxDifferenceOutside(await decode(copy), await decode(small), [], 0)).toBe(0);
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

import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	checkedBinaryPropertyName,
	makeRedactedCopy,
	redactedFileName,
	withRedactedCopy,
} from '../../../nodes/ClovaOcr/actions/redactedCopy';
import type { RecognizedDocument } from '../../../nodes/ClovaOcr/response/recognizedDocument';

const STORED: IBinaryData = { data: 'stored', mimeType: 'image/png', fileName: 'x-redacted.png' };

const square = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});

describe('redactedFileName', () => {
	test.each([
		['card.jpg', 'jpg', 'card-redacted.jpg'],
		['scan.final.PNG', 'png', 'scan.final-redacted.png'],
		['photo.jpeg', 'jpg', 'photo-redacted.jpg'],
		['no-extension', 'png', 'no-extension-redacted.png'],
		['../../etc/card.jpg', 'jpg', 'card-redacted.jpg'],
		['C:\\scans\\card.png', 'png', 'card-redacted.png'],
		['.hidden', 'jpg', '.hidden-redacted.jpg'],
		['dir/', 'jpg', 'image-redacted.jpg'],
	])('%s → %s', (name, extension, expected) => {
		expect(redactedFileName(name, extension)).toBe(expected);
	});
});

describe('withRedactedCopy', () => {
	const rows = [
		{ field: 'name', warnings: '', needsReview: false },
		{ field: 'personalNum', warnings: 'personalNum: check digit', needsReview: true },
	];

	test('a copy: every item gets redaction and the same binary object, rows otherwise unchanged', () => {
		const items = withRedactedCopy(rows, { status: 'applied', binary: STORED }, 'redacted');
		expect(items).toEqual([
			{ json: { ...rows[0], redaction: 'applied' }, binary: { redacted: STORED } },
			{ json: { ...rows[1], redaction: 'applied' }, binary: { redacted: STORED } },
		]);
		expect(items[1].binary!.redacted).toBe(items[0].binary!.redacted);
		expect(rows[0]).not.toHaveProperty('redaction');
	});

	test('noRegions carries the copy too', () => {
		const [item] = withRedactedCopy([rows[0]], { status: 'noRegions', binary: STORED }, 'copy');
		expect(item).toEqual({
			json: { ...rows[0], redaction: 'noRegions' },
			binary: { copy: STORED },
		});
	});

	test('unsupported: no binary, the reason appended to warnings, needs review', () => {
		const items = withRedactedCopy(
			rows,
			{ status: 'unsupported', reason: 'PDF is not supported' },
			'redacted',
		);
		expect(items).toEqual([
			{
				json: {
					field: 'name',
					warnings: 'redaction: no redacted copy, PDF is not supported',
					needsReview: true,
					redaction: 'unsupported',
				},
			},
			{
				json: {
					field: 'personalNum',
					warnings: 'personalNum: check digit; redaction: no redacted copy, PDF is not supported',
					needsReview: true,
					redaction: 'unsupported',
				},
			},
		]);
	});

	test('a field name like constructor is an own key of binary', () => {
		const [item] = withRedactedCopy(
			[rows[0]],
			{ status: 'applied', binary: STORED },
			'constructor',
		);
		expect(Object.keys(item.binary!)).toEqual(['constructor']);
		expect(item.binary!.constructor).toBe(STORED);
	});
});

describe('checkedBinaryPropertyName', () => {
	const ctx = { getNode: () => ({ name: 'CLOVA OCR' }) } as unknown as IExecuteFunctions;

	test('trims the name', () => {
		expect(checkedBinaryPropertyName(ctx, 0, '  copy ')).toBe('copy');
	});

	test.each(['', '   ', '__proto__', 7, null, ['a']])('refuses %j', (name) => {
		expect(() => checkedBinaryPropertyName(ctx, 3, name)).toThrow(
			'Redacted Image Field needs a name',
		);
	});
});

describe('makeRedactedCopy', () => {
	const png = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'resident-card.png'));
	const document: RecognizedDocument = {
		documentType: 'idCard',
		idType: 'ID Card',
		isConfident: true,
		fields: [
			{
				field: 'personalNum',
				values: [
					{
						text: 'x',
						maskingPolys: [
							{
								vertices: [
									{ x: 200, y: 200 },
									{ x: 300, y: 200 },
									{ x: 300, y: 230 },
									{ x: 200, y: 230 },
								],
							},
						],
					},
				],
			},
		],
	};

	function contextStoring(calls: unknown[][]): IExecuteFunctions {
		return {
			helpers: {
				prepareBinaryData: async (...args: unknown[]) => {
					calls.push(args);
					return STORED;
				},
			},
		} as unknown as IExecuteFunctions;
	}

	test('stores the copy once, named after the image, with its own MIME type', async () => {
		const calls: unknown[][] = [];
		const copy = await makeRedactedCopy(
			contextStoring(calls),
			{ bytes: png, format: 'png', mimeType: 'image/png', name: 'front.png' },
			document,
			{ binaryPropertyName: 'redacted', redactFields: [] },
		);
		expect(copy).toEqual({ status: 'applied', binary: STORED });
		expect(calls.map(([data, name, mime]) => [Buffer.isBuffer(data), name, mime])).toEqual([
			[true, 'front-redacted.png', 'image/png'],
		]);
		expect((calls[0][0] as Buffer).subarray(0, 8)).toEqual(png.subarray(0, 8));
	});

	test('a PDF stores nothing and says why', async () => {
		const calls: unknown[][] = [];
		const copy = await makeRedactedCopy(
			contextStoring(calls),
			{
				bytes: Buffer.from('%PDF-1.4\n%…'),
				format: 'pdf',
				mimeType: 'application/pdf',
				name: 'a.pdf',
			},
			document,
			{ binaryPropertyName: 'redacted', redactFields: [] },
		);
		expect([copy, calls]).toEqual([
			{ status: 'unsupported', reason: 'PDF is not supported (only JPEG and PNG can be redacted)' },
			[],
		]);
	});

	const withFields = (fields: RecognizedDocument['fields']): RecognizedDocument => ({
		...document,
		fields,
	});

	test('a number with a bounding polygon only: applied (its back part is blacked out)', async () => {
		const calls: unknown[][] = [];
		const copy = await makeRedactedCopy(
			contextStoring(calls),
			{ bytes: png, format: 'png', mimeType: 'image/png', name: 'front.png' },
			withFields([
				{
					field: 'personalNum',
					values: [
						{ text: '800101-1234567', boundingPolys: document.fields[0].values[0].maskingPolys },
					],
				},
			]),
			{ binaryPropertyName: 'redacted', redactFields: [] },
		);
		expect([copy, calls.length]).toEqual([{ status: 'applied', binary: STORED }, 1]);
	});

	test('a number with no polygon inside the image: no copy, the fields named, never the values', async () => {
		const calls: unknown[][] = [];
		const copy = await makeRedactedCopy(
			contextStoring(calls),
			{ bytes: png, format: 'png', mimeType: 'image/png', name: 'front.png' },
			withFields([
				{ field: 'personalNum', values: [{ text: '800101-1234567' }] },
				{ field: 'name', values: [{ text: '홍길동' }] },
				{
					field: 'alienRegNum',
					values: [{ text: '991231-5123456', maskingPolys: [square(5000, 5000, 5100, 5020)] }],
				},
			]),
			{ binaryPropertyName: 'redacted', redactFields: ['name'] },
		);
		expect([copy, calls]).toEqual([
			{
				status: 'unsupported',
				reason: 'no polygon inside the image to black out personalNum, alienRegNum',
			},
			[],
		]);
	});

	test('no registration or license number recognized: noRegions, a stripped copy', async () => {
		const calls: unknown[][] = [];
		const copy = await makeRedactedCopy(
			contextStoring(calls),
			{ bytes: png, format: 'png', mimeType: 'image/png', name: 'front.png' },
			withFields([
				{ field: 'name', values: [{ text: '홍길동' }] },
				{ field: 'personalNum', values: [{ text: '' }] },
			]),
			{ binaryPropertyName: 'redacted', redactFields: [] },
		);
		expect([copy, calls.length]).toEqual([{ status: 'noRegions', binary: STORED }, 1]);
	});

	test('a damaged PNG is unsupported with the codec reason, not an exception', async () => {
		const copy = await makeRedactedCopy(
			contextStoring([]),
			{ bytes: png.subarray(0, 200), format: 'png', mimeType: 'image/png', name: 'a.png' },
			document,
			{ binaryPropertyName: 'redacted', redactFields: [] },
		);
		expect(copy.status).toBe('unsupported');
	});
});

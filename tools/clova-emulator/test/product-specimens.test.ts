/**
 * biz-specimen and receipt-specimen: the answers for the sample certificate and receipt in samples/,
 * whose polygons sit on the samples' own text (specimen-geometry.ts), measured like the cards'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import sharp from 'sharp';

import { documentTemplate } from '../fixture-documents';
import type { Product } from '../products';
import {
	BUSINESS_REGISTRATION_GEOMETRY,
	elementAt,
	RECEIPT_GEOMETRY,
	type Box,
	type FieldGeometry,
} from '../specimen-geometry';
import {
	jsonMessage,
	postFormData,
	postJson,
	productEndpoint,
	useEmulator,
	multipartMessage,
} from './test-support';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

type Vertex = { x: number; y: number };
interface Element {
	text: string;
	formatted: Record<string, string>;
	boundingPolys: Array<{ vertices: Vertex[] }>;
	maskingPolys: Array<{ vertices: Vertex[] }>;
}

function quad([x0, y0, x1, y1]: Box, grow: number): Vertex[] {
	return [
		{ x: x0 - grow, y: y0 - grow },
		{ x: x1 + grow, y: y0 - grow },
		{ x: x1 + grow, y: y1 + grow },
		{ x: x0 - grow, y: y1 + grow },
	];
}

/** Every element under a result, by path (`bisType.1`, `storeInfo.tel.0`). */
function elementPaths(tree: unknown, path = ''): string[] {
	if (Array.isArray(tree))
		return tree.flatMap((child, index) => elementPaths(child, `${path}.${index}`));
	if (typeof tree !== 'object' || tree === null) return [];
	if ('text' in tree) return [path.slice(1)];
	return Object.entries(tree).flatMap(([key, child]) => elementPaths(child, `${path}.${key}`));
}

/** A geometry key names an element; a bare array field means its first. */
function normalized(path: string, result: unknown): string {
	try {
		elementAt(result, `${path}.0`);
		return `${path}.0`;
	} catch {
		return path;
	}
}

const CASES: Array<
	[
		scenario: 'biz-specimen' | 'receipt-specimen',
		modelKey: string,
		png: string,
		Record<string, FieldGeometry>,
	]
> = [
	['biz-specimen', 'bizLicense', 'business-registration.png', BUSINESS_REGISTRATION_GEOMETRY],
	['receipt-specimen', 'receipt', 'receipt.png', RECEIPT_GEOMETRY],
];

describe.each(CASES)('%s geometry', (scenario, modelKey, png, geometry) => {
	const result = (
		JSON.parse(documentTemplate(scenario)) as { images: Array<Record<string, { result: unknown }>> }
	).images[0]?.[modelKey]?.result;

	test('every element has a polygon on the sample: ink +2 px, masked part +3 px', () => {
		const placed = Object.keys(geometry)
			.map((path) => normalized(path, result))
			.sort();
		expect(placed).toEqual(elementPaths(result).sort());
		for (const [path, { ink, masked }] of Object.entries(geometry)) {
			const element = elementAt(result, path) as unknown as Element;
			expect([path, element.boundingPolys[0]?.vertices]).toEqual([path, quad(ink, 2)]);
			expect([path, element.maskingPolys[0]?.vertices]).toEqual([
				path,
				masked === undefined ? undefined : quad(masked, 3),
			]);
		}
	});

	test('the ink boxes are tight on the sample, the masked boxes clear 3 px left and right', async () => {
		const { data, info } = await sharp(join(SAMPLES, png))
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		const dark = (x: number, y: number) => {
			const i = (y * info.width + x) * info.channels;
			return data[i]! < 110 && data[i + 1]! < 120 && data[i + 2]! < 130;
		};
		const inked = ([x0, y0, x1, y1]: Box) => {
			for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (dark(x, y)) return true;
			return false;
		};
		for (const [path, { ink, masked }] of Object.entries(geometry)) {
			const [x0, y0, x1, y1] = ink;
			// Ink on each edge of the box, none on the 1 px ring around it.
			expect([
				path,
				inked([x0, y0, x0 + 1, y1]),
				inked([x1 - 1, y0, x1, y1]),
				inked([x0, y0, x1, y0 + 1]),
				inked([x0, y1 - 1, x1, y1]),
			]).toEqual([path, true, true, true, true]);
			expect([
				path,
				inked([x0 - 1, y0 - 1, x0, y1 + 1]),
				inked([x1, y0 - 1, x1 + 1, y1 + 1]),
				inked([x0 - 1, y0 - 1, x1 + 1, y0]),
				inked([x0 - 1, y1, x1 + 1, y1 + 1]),
			]).toEqual([path, false, false, false, false]);
			if (masked) {
				const [mx0, my0, mx1, my1] = masked;
				expect([path, inked([mx0, my0, mx0 + 1, my1]), inked([mx1 - 1, my0, mx1, my1])]).toEqual([
					path,
					true,
					true,
				]);
				expect([path, inked([mx0 - 3, my0, mx0, my1]), inked([mx1, my0, mx1 + 3, my1])]).toEqual([
					path,
					false,
					false,
				]);
			}
		}
	});
});

describe('specimen values', () => {
	it('biz-specimen is biz-success with the polygons moved', () => {
		const strip = (text: string) => text.replace(/"(x|y|confidenceScore)": [\d.]+/g, '');
		expect(strip(documentTemplate('biz-specimen'))).toBe(strip(documentTemplate('biz-success')));
		expect(documentTemplate('biz-specimen')).not.toBe(documentTemplate('biz-success'));
	});

	it('receipt-specimen has the sample’s fictional store', () => {
		const receipt = (
			JSON.parse(documentTemplate('receipt-specimen')) as {
				images: Array<{ receipt: { result: unknown } }>;
			}
		).images[0]?.receipt.result;
		expect(elementAt(receipt, 'storeInfo.name')).toMatchObject({
			text: '견본마트',
			formatted: { value: '견본마트' },
		});
		expect(elementAt(receipt, 'storeInfo.bizNum')).toMatchObject({ text: '101-81-56785' });
		expect(elementAt(receipt, 'storeInfo.tel')).toMatchObject({
			text: '(02)123-4567',
			formatted: { value: '021234567' },
		});
		expect(documentTemplate('receipt-specimen')).not.toContain('emart');
	});
});

describe('the sample files', () => {
	const emulator = useEmulator();

	it.each([
		['business-registration.jpg', 'jpg', 'businessRegistration', 'biz-specimen'],
		['business-registration.png', 'png', 'businessRegistration', 'biz-specimen'],
		['receipt.jpg', 'jpg', 'receipt', 'receipt-specimen'],
		['receipt.png', 'png', 'receipt', 'receipt-specimen'],
	] as const)(
		'%s is answered with its specimen on its domain, as a failure on the ID card’s',
		async (file, format, product, scenario) => {
			const bytes = readFileSync(join(SAMPLES, file));
			const own = await postFormData(
				emulator(),
				multipartMessage({ format, name: 'scan' }),
				bytes,
				{
					url: productEndpoint(emulator(), product as Product),
					filename: file,
				},
			);
			expect(own.status).toBe(200);
			const idCard = await postJson(emulator(), jsonMessage(bytes, { format, name: 'scan' }));
			expect(idCard.status).toBe(200);
			expect(emulator().requests.map((record) => [record.scenario, record.scenarioSource])).toEqual(
				[
					[scenario, 'file-marker'],
					['ic-failure', 'file-marker'],
				],
			);
			expect(JSON.parse(idCard.text)).toMatchObject({ images: [{ inferResult: 'ERROR' }] });
		},
	);
});

/**
 * The privacy boundary in n8n's engine: one answer per place a registration number can reach
 * the node (test/fixtures/boundaryCases.ts), served by a scripted stand-in of CLOVA OCR over
 * real HTTP, in fields output (with polygons and the redacted copy) and document output, On
 * Error: Continue. Every string of every output item and every file name is judged by the
 * independent oracle; the places the issue named are asserted exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import {
	BOUNDARY_ANSWERS,
	caseName,
	NUMBER,
	PLACES,
	REVIEW_ANSWERS,
} from '../fixtures/boundaryCases';
import { leakedWindow, stringsOf } from '../fixtures/leakOracle';
import type { Place } from '../fixtures/privacyAttacks';
import { startScriptedClova } from '../fixtures/scriptedClova';
import { runClovaNode } from './harness';

const PNG = readFileSync(join(__dirname, '../../samples/resident-card.png')).toString('base64');

let clova: Awaited<ReturnType<typeof startScriptedClova>>;
beforeAll(
	async () => (clova = await startScriptedClova({ ...BOUNDARY_ANSWERS, ...REVIEW_ANSWERS })),
);
afterAll(async () => await clova.close());

async function recognize(output: 'fields' | 'document', places: readonly Place[] = PLACES) {
	const result = await runClovaNode({
		parameters: {
			operation: 'recognizeAnyId',
			imageSource: 'base64',
			imageBase64: '={{ $json.b64 }}',
			imageName: '={{ $json.name }}',
			output,
			options: { includePolygons: true, redactedImage: true },
		},
		items: places.map((place) => ({ json: { b64: PNG, name: caseName(place) } })),
		credentials: { invokeUrl: clova.invokeUrl, secretKey: 'privacy-secret' },
		onError: 'continueRegularOutput',
	});
	expect(result.error).toBeUndefined();
	return result.items;
}

function fileNameOf(item: INodeExecutionData): string | undefined {
	return item.binary?.redacted?.fileName;
}

function leaks(items: INodeExecutionData[]): string[] {
	const strings = items.flatMap((item) => [...stringsOf(item.json), fileNameOf(item) ?? '']);
	return strings.filter((text) => leakedWindow(text, NUMBER.back) !== null);
}

const ofPlace = (items: INodeExecutionData[], place: Place) =>
	items.filter((item) => (item.pairedItem as { item: number }).item === PLACES.indexOf(place));

describe.each(['fields', 'document'] as const)('%s output', (output) => {
	let items: INodeExecutionData[];
	beforeAll(async () => (items = await recognize(output)));

	test('no string of any item, and no file name, holds 4 digits of positions 8-13', () => {
		// One item per image in document output; several per image in fields output.
		if (output === 'document') expect(items).toHaveLength(PLACES.length);
		else expect(items.length).toBeGreaterThan(PLACES.length);
		expect(leaks(items)).toEqual([]);
		expect(clova.asked.slice(-PLACES.length)).toEqual([...PLACES]);
	});

	test('the service is echoed only through the boundary', () => {
		const errors = (place: Place) => ofPlace(items, place).map((item) => item.json.error);
		expect(errors('inferMessage')).toEqual([
			'CLOVA OCR could not read the image: Read page:0 error. ******-*******',
		]);
		expect(errors('errorBody')).toEqual([
			'CLOVA OCR refused the request (an undocumented CLOVA OCR error code, HTTP 400)',
		]);
		const first = (place: Place) => ofPlace(items, place)[0].json;
		expect([
			first('validationMessage').validationMessage,
			first('validationMessage').validationResult,
		]).toEqual(['******-*******', 'ERROR']);
		expect(first('imageName').imageName).toBe('홍길동_900101-1******.jpg');
		expect(fileNameOf(ofPlace(items, 'imageName')[0])).toBe(
			'case-imageName_홍길동_900101-1******-redacted.png',
		);
	});
});

describe('fields output: where the issue saw the number leak', () => {
	let items: INodeExecutionData[];
	beforeAll(async () => (items = await recognize('fields')));

	const field = (place: Place, name: string) =>
		ofPlace(items, place)
			.filter((item) => item.json.field === name)
			.map((item) => [item.json.text, item.json.value]);

	test.each([
		['registrationText', 'personalNum', [['******-1******', '******-1******']]],
		[
			'registrationSplitValues',
			'personalNum',
			[
				['900101-', '900101-'],
				['1******', '1******'],
			],
		],
		['registrationSplitReadings', 'personalNum', [['******-', '*******']]],
		[
			'otherField',
			'address',
			[['서울특별시 종로구 ９００１０１ㅡl******', '서울특별시 종로구 ９００１０１ㅡl******']],
		],
		[
			'otherFieldSplitValues',
			'address',
			[
				['주소 900101', '주소 900101'],
				['-1******', '-1******'],
			],
		],
		['passportBackHalf', 'personalNum', [['*******', '*******']]],
		['labelledBackHalf', 'name', [['주민등록번호 １******', '주민등록번호 １******']]],
		[
			'passportMachineLine',
			'mrz',
			[
				[
					'M90210129<KOR9001011M290101*<*******<<<<<<<12',
					'M90210129<KOR9001011M290101*<*******<<<<<<<12',
				],
			],
		],
	] as const)('%s: %s', (place, name, expected) => {
		expect(field(place, name)).toEqual(expected);
	});

	test('a key text, a field key and an unknown idtype', () => {
		const name = ofPlace(items, 'keyText').find((item) => item.json.field === 'name');
		expect(name?.json.keyText).toBe('주민등록번호 900101-1**\u200b* ***');
		expect(ofPlace(items, 'fieldKey').map((item) => item.json.field)).toContain('900101-1******');
	});
});

test('document output: the columns, and an idtype that is no known type is not echoed', async () => {
	const items = await recognize('document', [
		'registrationSplitValues',
		'registrationSplitReadings',
		'otherFieldSplitValues',
		'idtype',
	]);
	expect(
		items.map(({ json }) => [json.personalNum, json.address, json.idType, json.needsReview]),
	).toEqual([
		['900101-\n1******', '서울특별시 종로구 세종대로 209', 'ID Card', true],
		['*******', '서울특별시 종로구 세종대로 209', 'ID Card', true],
		['900101-1******', '주소 900101\n-1******', 'ID Card', false],
		['900101-1******', '서울특별시 종로구 세종대로 209', null, false],
	]);
});

test('review: a missing key field, a field that is not an array, a passport back half that disagrees', async () => {
	const result = await runClovaNode({
		parameters: {
			operation: 'recognizeAnyId',
			imageSource: 'base64',
			imageBase64: '={{ $json.b64 }}',
			imageName: '={{ $json.name }}',
			output: 'document',
		},
		items: Object.keys(REVIEW_ANSWERS).map((key) => ({
			json: { b64: PNG, name: `case-${key}.png` },
		})),
		credentials: { invokeUrl: clova.invokeUrl, secretKey: 'privacy-secret' },
		onError: 'continueRegularOutput',
	});
	console.log(
		JSON.stringify(
			result.items.map(({ json }) => [
				json.error,
				json.personalNum,
				json.valid,
				json.warnings,
				json.needsReview,
			]),
		),
	);
});

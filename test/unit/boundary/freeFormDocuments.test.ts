/**
 * Free-form documents (a Template OCR form, General OCR's text and tables): their fields are
 * named by a person or a page, so a registration number may be split across any two of them (a
 * form's front and back boxes, two table cells). The boundary reads them together. Generated
 * numbers, split anywhere, between noise, judged by the independent oracle.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';
import { leakedWindow, stringsOf } from '../../fixtures/leakOracle';
import { noise as ocrNoise, registrationNumber, written } from '../../fixtures/privacyAttacks';

const RUNS = Number(process.env.PRIVACY_RUNS ?? 3000);
const SEED = Number(process.env.PRIVACY_SEED ?? 17);

/** A generated number (test/fixtures/privacyAttacks.ts), written with OCR noise, cut at one or two places. */
const splitNumber = fc.tuple(registrationNumber, ocrNoise).chain(([n, how]) => {
	// Cut between characters (code points): the service sends whole characters per field.
	const chars = Array.from(written(n, how));
	return fc
		.uniqueArray(fc.integer({ min: 1, max: chars.length - 1 }), { minLength: 1, maxLength: 2 })
		.map((cuts) => {
			const at = [0, ...cuts.sort((a, b) => a - b), chars.length];
			const parts = at.slice(1).map((end, i) => chars.slice(at[i], end).join(''));
			return { back: n.back, parts };
		});
});

const noise = fc.array(
	fc.constantFrom('홍길동', '2024-01-05', '서울특별시 중구', '출장', 'A-1', ''),
	{
		maxLength: 3,
	},
);

function leaks(rows: INodeExecutionData[], back: string): string[] {
	return outboundRows(rows, 'masked')
		.flatMap(({ json }) => stringsOf(json))
		.filter((text) => leakedWindow(text, back) !== null);
}

const fieldItem = (documentType: string, field: string, index: number, text: string) => ({
	json: { documentType, field, index, text, value: text } as IDataObject,
});

test('a form: a number split across template fields, between other fields', () => {
	fc.assert(
		fc.property(splitNumber, noise, noise, ({ back, parts }, before, after) => {
			const texts = [...before, ...parts, ...after];
			const rows = texts.map((text, i) => fieldItem('template', `box${i}`, 0, text));
			expect(leaks(rows, back)).toEqual([]);
		}),
		{ numRuns: RUNS, seed: SEED },
	);
});

test('a form’s document item and a table row: a number split across columns', () => {
	fc.assert(
		fc.property(
			splitNumber,
			noise,
			fc.constantFrom('template', 'text'),
			({ back, parts }, before, documentType) => {
				const cells = [...before, ...parts];
				const json: IDataObject = { documentType, pageIndex: 0, rowIndex: 1 };
				cells.forEach((text, i) => (json[`column${i + 1}`] = text));
				expect(leaks([{ json }], back)).toEqual([]);
			},
		),
		{ numRuns: RUNS, seed: SEED },
	);
});

test('the fields of an ID card are still read one field at a time', () => {
	const rows = [
		fieldItem('driverLicense', 'num', 0, '11-12-123456-12'),
		fieldItem('driverLicense', 'name', 0, '900101'),
	];
	expect(outboundRows(rows, 'masked').map(({ json }) => json.text)).toEqual([
		'11-12-123456-12',
		'900101',
	]);
});

test('a form’s two boxes: what each shows', () => {
	const rows = [
		fieldItem('template', 'front', 0, '900101'),
		fieldItem('template', 'back', 0, '1234567'),
		fieldItem('template', 'name', 0, '홍길동'),
	];
	expect(outboundRows(rows, 'masked').map(({ json }) => [json.text, json.value])).toEqual([
		['900101', '900101'],
		['1******', '1******'],
		['홍길동', '홍길동'],
	]);
});

test('which image and call a row came from is not read with its cells', () => {
	const json = {
		documentType: 'text',
		column1: '9001011',
		uid: '234567aa',
		imageName: 'scan.png',
	};
	expect(outboundRows([{ json }], 'masked')[0].json).toEqual(json);
});

test('revealed: nothing is masked', () => {
	const rows = [
		fieldItem('template', 'front', 0, '900101'),
		fieldItem('template', 'back', 0, '1234567'),
	];
	expect(outboundRows(rows, 'revealed').map(({ json }) => json.text)).toEqual([
		'900101',
		'1234567',
	]);
});

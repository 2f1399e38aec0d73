/**
 * A product's extra columns (output/fieldItems.ts ExtraColumns): columns of the document on
 * every item, a value key as a column of every field item and as the value's cell in the
 * document item. A document without them gives the items it always gave, keys in their order.
 */
import { RESERVED_COLUMNS, toDocumentItem } from '../../../nodes/ClovaOcr/output/documentItem';
import { toFieldItems, type ItemDocument } from '../../../nodes/ClovaOcr/output/fieldItems';
import type { RecognizedDocument } from '../../../nodes/ClovaOcr/response/recognizedDocument';
import { NO_RULES } from '../../../nodes/ClovaOcr/review/documentRules';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';

const SOURCE = { imageName: 'form.png', requestId: 'r', uid: 'u' };

const review = (document: RecognizedDocument) =>
	reviewDocument(document, { runDate: '2026-01-01', minConfidence: 0 }, NO_RULES);

function receipt(): RecognizedDocument {
	return {
		documentType: 'receipt',
		idType: null,
		isConfident: true,
		fields: [
			{ field: 'storeInfo.name', values: [{ text: 'Shop', checked: true }] },
			{ field: 'totalPrice.price', values: [{ text: '1,000' }, { text: '2,000' }] },
		],
	};
}

const fieldItems = (document: ItemDocument) =>
	toFieldItems(document, SOURCE, review(document).fields, { includePolygons: false });
const documentItem = (document: ItemDocument) =>
	toDocumentItem(document, SOURCE, review(document).document);

describe('a document without extra columns: its items as they always were', () => {
	test('field item keys, in their order; a value’s unknown keys are not columns', () => {
		const [item] = fieldItems(receipt());
		expect(Object.keys(item)).toEqual([
			'documentType',
			'field',
			'label',
			'index',
			'text',
			'value',
			'confidence',
			'isConfident',
			'keyText',
			'validationResult',
			'validationMessage',
			'estimatedLanguage',
			'pageIndex',
			'pageWidth',
			'pageHeight',
			'valid',
			'warnings',
			'notes',
			'needsReview',
			'x',
			'y',
			'width',
			'height',
			'imageName',
			'requestId',
			'uid',
		]);
	});

	test('document item: a column per field, several values joined, none null', () => {
		const document = receipt();
		document.fields.push({ field: 'empty', values: [] });
		const item = documentItem(document);
		expect(Object.keys(item).slice(0, 4)).toEqual([
			'documentType',
			'idType',
			'isConfident',
			'validationResult',
		]);
		expect([item['storeInfo.name'], item['totalPrice.price'], item.empty]).toEqual([
			'Shop',
			'1,000\n2,000',
			null,
		]);
	});
});

describe('a document with extra columns', () => {
	const withColumns = (valueKey?: string): ItemDocument => ({
		...receipt(),
		columns: { document: { formId: 7, formName: 'a form', formSeen: null }, valueKey },
	});

	test('field items: the value key, then the document’s columns, after keyText', () => {
		const items = fieldItems(withColumns('checked'));
		expect(Object.keys(items[0]).slice(7, 14)).toEqual([
			'isConfident',
			'keyText',
			'checked',
			'formId',
			'formName',
			'formSeen',
			'validationResult',
		]);
		expect(items.map((item) => (item as unknown as Record<string, unknown>).checked)).toEqual([
			true,
			null,
			null,
		]);
	});

	test('no value key: the document’s columns only', () => {
		const [item] = fieldItems(withColumns());
		expect(Object.keys(item).slice(8, 12)).toEqual(['keyText', 'formId', 'formName', 'formSeen']);
	});

	test('the document item: its columns after isConfident; a value’s own cell in place of its text', () => {
		const item = documentItem(withColumns('checked'));
		expect(Object.keys(item).slice(0, 7)).toEqual([
			'documentType',
			'idType',
			'isConfident',
			'formId',
			'formName',
			'formSeen',
			'validationResult',
		]);
		expect([item['storeInfo.name'], item['totalPrice.price']]).toEqual([true, '1,000\n2,000']);
	});

	test.each<[string, unknown, unknown]>([
		['a string', 'yes', 'yes'],
		['a number', 0, 0],
		['false', false, false],
		['an object: no cell', { a: 1 }, null],
		['an array: no cell', [true], null],
		['null: no cell', null, null],
	])('a value key holding %s', (_case, state, cell) => {
		const document: ItemDocument = {
			documentType: 'template',
			idType: null,
			isConfident: null,
			fields: [{ field: 'box', values: [{ text: 'text', state }] }],
			columns: { document: {}, valueKey: 'state' },
		};
		const [item] = fieldItems(document);
		expect((item as unknown as Record<string, unknown>).state).toEqual(cell);
		expect(documentItem(document).box).toEqual(cell ?? 'text');
	});

	test('a value key inherited from the prototype is not read', () => {
		const value = Object.assign(Object.create({ checked: true }), { text: 'text' });
		const document: ItemDocument = {
			...receipt(),
			fields: [{ field: 'box', values: [value] }],
			columns: { document: {}, valueKey: 'checked' },
		};
		expect((fieldItems(document)[0] as unknown as Record<string, unknown>).checked).toBeNull();
		expect(documentItem(document).box).toBe('text');
	});
});

test('the template columns are reserved: a field of that name gets the field_ prefix', () => {
	expect(
		['templateId', 'templateName', 'checked'].filter((key) => !RESERVED_COLUMNS.has(key)),
	).toEqual([]);
	const document: RecognizedDocument = {
		...receipt(),
		fields: [{ field: 'checked', values: [{ text: 'x' }] }],
	};
	expect(documentItem(document)).toMatchObject({ field_checked: 'x' });
});

/**
 * The other products' fixtures: every leaf element parsed, the business fixtures' check digits,
 * the receipt totals, the card's Luhn digit, the passport's MRZ check digits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { documentFixtureFile, documentTemplate, personalizeDocument } from '../fixture-documents';
import { PRODUCT_INFO, type Product } from '../products';
import { PRODUCT_SCENARIOS, type DocumentScenarioName } from '../scenarios';
import { FIXTURES } from './test-support';

type Vertex = { x: number; y: number };
interface Element {
	text: string;
	formatted: Record<string, string>;
	keyText: string;
	confidenceScore: number;
	boundingPolys: Array<{ vertices: Vertex[] }>;
	maskingPolys: Array<{ vertices: Vertex[] }>;
}
type Tree = Element | Tree[] | { [key: string]: Tree };

const FILES: Array<[file: string, product: Product]> = [
	['biz-success.synthetic.json', 'businessRegistration'],
	['biz-individual.synthetic.json', 'businessRegistration'],
	['receipt-success.synthetic.json', 'receipt'],
	['receipt-mismatch.synthetic.json', 'receipt'],
	['credit-card-success.synthetic.json', 'creditCard'],
	['name-card-success.synthetic.json', 'nameCard'],
	['passport-success.synthetic.json', 'passport'],
];

function fixture(file: string): { text: string; json: Record<string, unknown> } {
	const text = readFileSync(join(FIXTURES, file), 'utf8');
	return { text, json: JSON.parse(text) as Record<string, unknown> };
}

function resultOf(file: string, product: Product): Record<string, Tree> {
	const { images } = fixture(file).json as {
		images: Array<Record<string, { meta: unknown; result: Record<string, Tree> }>>;
	};
	return images[0]?.[PRODUCT_INFO[product].modelKey ?? '']?.result ?? {};
}

const FORMATTED_SHAPES = ['value', 'day,month,year', 'hour,minute,second', 'month,year'];

/** Checks one element fully and returns it typed. */
function parseElement(path: string, value: unknown): Element {
	const element = value as Element;
	expect([path, Object.keys(element)]).toEqual([
		path,
		['text', 'formatted', 'keyText', 'confidenceScore', 'boundingPolys', 'maskingPolys'],
	]);
	expect([path, typeof element.text, typeof element.keyText]).toEqual([path, 'string', 'string']);
	expect(element.text.length).toBeGreaterThan(0);
	const formattedKeys = Object.keys(element.formatted).sort().join(',');
	expect([path, FORMATTED_SHAPES.includes(formattedKeys)]).toEqual([path, true]);
	for (const part of Object.values(element.formatted)) expect(typeof part).toBe('string');
	if (formattedKeys !== 'value') {
		// A date or time: its parts are the text's digit groups, in the text's order or reversed.
		const months = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
		const numeric = element.text.replace(/[A-Z]{3}/g, (month) =>
			String(months.indexOf(month) + 1).padStart(2, '0'),
		);
		const groups = numeric.match(/\d+/g) ?? [];
		const parts = Object.values(element.formatted);
		for (const part of parts)
			expect([
				path,
				part,
				groups.some((group) => group.endsWith(part) || part.endsWith(group)),
			]).toEqual([path, part, true]);
	}
	expect(element.confidenceScore).toBeGreaterThanOrEqual(0);
	expect(element.confidenceScore).toBeLessThanOrEqual(1);
	expect(element.boundingPolys.length).toBeGreaterThanOrEqual(1);
	for (const polygon of [...element.boundingPolys, ...element.maskingPolys]) {
		expect(Object.keys(polygon)).toEqual(['vertices']);
		expect(polygon.vertices).toHaveLength(4);
		for (const vertex of polygon.vertices) {
			expect(Object.keys(vertex)).toEqual(['x', 'y']);
			expect(Number.isFinite(vertex.x) && Number.isFinite(vertex.y)).toBe(true);
		}
	}
	return element;
}

/** Every element under `tree` (an object with `text` is an element), by path. */
function elements(tree: Tree, path = ''): Array<[string, Element]> {
	if (Array.isArray(tree))
		return tree.flatMap((child, index) => elements(child, `${path}.${index}`));
	if ('text' in tree) return [[path.slice(1), parseElement(path.slice(1), tree)]];
	return Object.entries(tree).flatMap(([key, child]) => elements(child, `${path}.${key}`));
}

const digits = (text: string): number[] => [...text.replace(/\D/g, '')].map(Number);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** 사업자등록번호: weights 1,3,7,1,3,7,1,3,5, plus the tens of (ninth × 5); check = (10 − sum mod 10) mod 10. */
function businessNumberValid(text: string): boolean {
	const d = digits(text);
	const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
	const total = sum(weights.map((w, i) => w * (d[i] ?? 0))) + Math.floor(((d[8] ?? 0) * 5) / 10);
	return d.length === 10 && (10 - (total % 10)) % 10 === d[9];
}

/** 법인등록번호: weights 1,2,1,2,… over twelve digits; check = (10 − sum mod 10) mod 10. */
function corporateNumberValid(text: string): boolean {
	const d = digits(text);
	const total = sum(d.slice(0, 12).map((digit, i) => digit * (i % 2 === 0 ? 1 : 2)));
	return d.length === 13 && (10 - (total % 10)) % 10 === d[12];
}

/** 주민등록번호: weights 2..9,2..5; check = (11 − sum mod 11) mod 10. */
function residentNumberValid(text: string): boolean {
	const d = digits(text);
	const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
	const total = sum(weights.map((w, i) => w * (d[i] ?? 0)));
	return d.length === 13 && (11 - (total % 11)) % 10 === d[12];
}

function luhnValid(text: string): boolean {
	const d = digits(text).reverse();
	const total = sum(
		d.map((digit, i) => (i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit)),
	);
	return total % 10 === 0;
}

/** ICAO 9303 check digit: weights 7,3,1; digits as is, A–Z as 10–35, < as 0. */
function mrzCheck(field: string): number {
	const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
	return sum([...field].map((c, i) => value(c) * [7, 3, 1][i % 3]!)) % 10;
}

const box = (polygon: { vertices: Vertex[] }) => {
	const xs = polygon.vertices.map((v) => v.x);
	const ys = polygon.vertices.map((v) => v.y);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
};

describe.each(FILES)('%s', (file, product) => {
	it('is in the envelope of the ID card, the result under the model key with meta', () => {
		const { json, text } = fixture(file);
		expect(text).toBe(`${JSON.stringify(json, null, 4)}\n`);
		expect(Object.keys(json)).toEqual(['version', 'requestId', 'timestamp', 'images']);
		const image = (json['images'] as Array<Record<string, unknown>>)[0] ?? {};
		expect(Object.keys(image)).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'validationResult',
			PRODUCT_INFO[product].modelKey,
		]);
		expect(image).toMatchObject({
			uid: '{uid}',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			validationResult: { result: 'NO_REQUESTED' },
		});
		const model = image[PRODUCT_INFO[product].modelKey ?? ''] as Record<string, unknown>;
		expect(Object.keys(model)).toEqual(['meta', 'result']);
		expect(model['meta']).toEqual({ estimatedLanguage: product === 'passport' ? 'en' : 'ko' });
	});

	it('parses every leaf element', () => {
		const found = elements(resultOf(file, product));
		expect(found.length).toBeGreaterThan(3);
	});
});

describe('flat products: every field an array of elements', () => {
	it.each([
		['biz-success.synthetic.json', 'businessRegistration'],
		['biz-individual.synthetic.json', 'businessRegistration'],
		['name-card-success.synthetic.json', 'nameCard'],
		['passport-success.synthetic.json', 'passport'],
	] as const)('%s', (file, product) => {
		for (const [field, values] of Object.entries(resultOf(file, product))) {
			expect([field, Array.isArray(values)]).toEqual([field, true]);
			for (const [index, value] of (values as Tree[]).entries())
				parseElement(`${field}.${index}`, value);
		}
	});
});

describe('business registration', () => {
	const corp = resultOf('biz-success.synthetic.json', 'businessRegistration') as Record<
		string,
		Element[]
	>;
	const individual = resultOf('biz-individual.synthetic.json', 'businessRegistration') as Record<
		string,
		Element[]
	>;
	const first = (result: Record<string, Element[]>, field: string): Element => {
		const element = result[field]?.[0];
		if (element === undefined) throw new Error(`no ${field}`);
		return element;
	};

	it('biz-success holds every field of the table, a corporation', () => {
		expect(Object.keys(corp)).toEqual([
			'documentType',
			'registerNumber',
			'corpRegisterNum',
			'corpName',
			'companyName',
			'repName',
			'coRepName',
			'birth',
			'socialNumber',
			'coRepSocialNum',
			'openDate',
			'bisAddress',
			'headAddress',
			'bisType',
			'bisItem',
			'bisArea',
			'taxType',
			'issuanceDate',
			'issuanceReason',
		]);
		for (const values of Object.values(corp)) expect(values.length).toBeGreaterThanOrEqual(1);
		expect(first(corp, 'taxType').formatted.value).toBe('법인사업자');
		expect(first(corp, 'registerNumber').text).toMatch(/^\d{3}-8[1678]-\d{5}$/);
		for (const date of ['birth', 'openDate', 'issuanceDate'])
			expect(Object.keys(first(corp, date).formatted)).toEqual(['year', 'month', 'day']);
	});

	it('its numbers pass their check digits', () => {
		expect(first(corp, 'registerNumber').text).toBe('201-86-12345');
		expect(businessNumberValid('201-86-12345')).toBe(true);
		expect(corporateNumberValid(first(corp, 'corpRegisterNum').text)).toBe(true);
		expect(residentNumberValid(first(corp, 'socialNumber').text)).toBe(true);
		expect(residentNumberValid(first(corp, 'coRepSocialNum').text)).toBe(true);
		expect(businessNumberValid(first(individual, 'registerNumber').text)).toBe(true);
		expect(residentNumberValid(first(individual, 'socialNumber').text)).toBe(true);
		// The rules themselves, on published numbers (NAVER, Samsung Electronics) and one off by one.
		expect([businessNumberValid('220-81-62517'), businessNumberValid('124-81-00998')]).toEqual([
			true,
			true,
		]);
		expect(corporateNumberValid('130111-0006246')).toBe(true);
		expect([businessNumberValid('201-86-12346'), corporateNumberValid('110111-1234560')]).toEqual([
			false,
			false,
		]);
	});

	it('masks the registration numbers after the hyphen, inside their bounding polygon, to its right end', () => {
		for (const [result, field] of [
			[corp, 'socialNumber'],
			[corp, 'coRepSocialNum'],
			[individual, 'socialNumber'],
		] as const) {
			const element = first(result, field);
			expect(element.maskingPolys).toHaveLength(1);
			const [bx0, by0, bx1, by1] = box(element.boundingPolys[0]!);
			const [mx0, my0, mx1, my1] = box(element.maskingPolys[0]!);
			expect(mx0).toBeGreaterThan(bx0 + (bx1 - bx0) * 0.4);
			expect(mx0).toBeLessThan(bx0 + (bx1 - bx0) * 0.6);
			expect(Math.abs(mx1 - bx1)).toBeLessThan(3);
			expect(my0).toBeLessThan(by0);
			expect(my1).toBeGreaterThan(by1);
		}
		const unmasked = Object.entries(corp)
			.filter(([, values]) => values.some((value) => value.maskingPolys.length > 0))
			.map(([field]) => field);
		expect(unmasked).toEqual(['socialNumber', 'coRepSocialNum']);
	});

	it('biz-individual: an individual business, no corporate fields', () => {
		for (const field of ['corpRegisterNum', 'corpName', 'headAddress'])
			expect(individual).not.toHaveProperty(field);
		expect(individual['coRepName']).toEqual([]);
		expect(['일반과세자', '간이과세자']).toContain(first(individual, 'taxType').formatted.value);
		expect(first(individual, 'registerNumber').text).toMatch(/^\d{3}-[0-7]\d-\d{5}$/);
	});
});

interface ReceiptItem {
	name: Element;
	code: Element;
	count: Element;
	price: { price: Element; unitPrice: Element };
}
interface Receipt {
	storeInfo: Record<string, Element | Element[]>;
	paymentInfo: {
		date: Element;
		time: Element;
		cardInfo: { company: Element; number: Element };
		confirmNum: Element;
	};
	subResults: Array<{ items: ReceiptItem[] }>;
	subTotal: Array<{ taxPrice: Element[]; discountPrice: Element[]; subTotalPrice: Element }>;
	totalPrice: { price: Element; creditCardPrice: Element };
}

describe('receipt', () => {
	const read = (file: string) => resultOf(file, 'receipt') as unknown as Receipt;
	const amount = (element: Element): number => {
		expect(element.formatted.value).toBe(element.text.replace(/,/g, ''));
		return Number(element.formatted.value);
	};
	const items = (receipt: Receipt) => receipt.subResults.flatMap((sub) => sub.items);

	it('is nested as documented: single elements beside arrays', () => {
		const receipt = read('receipt-success.synthetic.json');
		expect(Object.keys(receipt)).toEqual([
			'storeInfo',
			'paymentInfo',
			'subResults',
			'subTotal',
			'totalPrice',
		]);
		expect(Object.keys(receipt.storeInfo)).toEqual([
			'name',
			'subName',
			'bizNum',
			'addresses',
			'tel',
		]);
		for (const single of ['name', 'subName', 'bizNum'])
			expect(Array.isArray(receipt.storeInfo[single])).toBe(false);
		for (const list of ['addresses', 'tel'])
			expect(Array.isArray(receipt.storeInfo[list])).toBe(true);
		expect(Object.keys(receipt.paymentInfo)).toEqual(['date', 'time', 'cardInfo', 'confirmNum']);
		expect(Object.keys(items(receipt)[0] ?? {})).toEqual(['name', 'code', 'count', 'price']);
		expect(Array.isArray(receipt.subTotal[0]?.taxPrice)).toBe(true);
		expect(Array.isArray(receipt.subTotal[0]?.subTotalPrice)).toBe(false);
		expect(Object.keys(receipt.totalPrice)).toEqual(['price', 'creditCardPrice']);
		// The example's values.
		expect(receipt.storeInfo['name']).toMatchObject({ text: 'emart everyday' });
		expect(receipt.storeInfo['bizNum']).toMatchObject({ text: '212-81-25544' });
		expect(receipt.storeInfo['tel']).toMatchObject([
			{ text: '(031)786-1171', formatted: { value: '0317861171' } },
		]);
		expect(receipt.paymentInfo.date.formatted).toEqual({ year: '2020', month: '04', day: '16' });
		expect(businessNumberValid('212-81-25544')).toBe(true);
	});

	it('receipt-success: the items add up to the total', () => {
		const receipt = read('receipt-success.synthetic.json');
		const prices = items(receipt).map((item) => amount(item.price.price));
		expect(prices).toEqual([2980, 7900, 4480, 3990]);
		for (const item of items(receipt))
			expect(amount(item.count) * amount(item.price.unitPrice)).toBe(amount(item.price.price));
		const total = amount(receipt.totalPrice.price);
		expect(sum(prices)).toBe(19350);
		expect(total).toBe(19350);
		expect(amount(receipt.subTotal[0]!.subTotalPrice)).toBe(total);
		expect(amount(receipt.totalPrice.creditCardPrice)).toBe(total);
		expect(amount(receipt.subTotal[0]!.discountPrice[0]!)).toBe(0);
	});

	it('receipt-mismatch: one price misread, so they do not', () => {
		const receipt = read('receipt-mismatch.synthetic.json');
		const prices = items(receipt).map((item) => amount(item.price.price));
		expect(sum(prices)).toBe(19050);
		expect(amount(receipt.totalPrice.price)).toBe(19350);
		const wrong = items(receipt).filter(
			(item) => amount(item.count) * amount(item.price.unitPrice) !== amount(item.price.price),
		);
		expect(wrong.map((item) => item.name.text)).toEqual(['신라면 5입']);
	});
});

describe('credit card, name card, passport', () => {
	it('credit card: a Luhn-valid number, masked in its middle', () => {
		const result = resultOf(
			'credit-card-success.synthetic.json',
			'creditCard',
		) as unknown as Record<string, Element>;
		expect(Object.keys(result)).toEqual(['number', 'validThru', 'name', 'company']);
		const number = result['number']!;
		expect(number.text).toBe('5412 7512 3412 3452');
		expect(luhnValid(number.text)).toBe(true);
		expect(number.formatted.value).toBe('5412751234123452');
		const [bx0, , bx1] = box(number.boundingPolys[0]!);
		const [mx0, , mx1] = box(number.maskingPolys[0]!);
		expect(mx0).toBeGreaterThan(bx0);
		expect(mx1).toBeLessThan(bx1);
		expect(result['validThru']?.formatted).toEqual({ month: '12', year: '2028' });
	});

	it('name card: the keys of the table', () => {
		expect(Object.keys(resultOf('name-card-success.synthetic.json', 'nameCard'))).toEqual([
			'name',
			'company',
			'department',
			'position',
			'rank',
			'email',
			'mobile',
			'address',
			'landlineNumber',
			'faxNumber',
			'domainUrl',
		]);
	});

	it('passport: the MRZ check digits hold, and the fields are the MRZ’s', () => {
		const result = resultOf('passport-success.synthetic.json', 'passport') as unknown as Record<
			string,
			Element[]
		>;
		const [, line2] = (result['mrz'] ?? []).map((element) => element.text);
		expect(line2).toHaveLength(44);
		const l2 = line2 ?? '';
		expect(mrzCheck(l2.slice(0, 9))).toBe(Number(l2[9]));
		expect(mrzCheck(l2.slice(13, 19))).toBe(Number(l2[19]));
		expect(mrzCheck(l2.slice(21, 27))).toBe(Number(l2[27]));
		expect(mrzCheck(l2.slice(28, 42))).toBe(Number(l2[42]));
		expect(mrzCheck(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43))).toBe(Number(l2[43]));
		expect(result['num']?.[0]?.text).toBe(l2.slice(0, 9));
		expect(result['birthDate']?.[0]?.formatted).toEqual({ year: '1974', month: '08', day: '12' });
	});
});

describe('scenario templates', () => {
	const products: Product[] = [
		'businessRegistration',
		'receipt',
		'creditCard',
		'nameCard',
		'passport',
	];
	const names = products.flatMap((product) => [
		...PRODUCT_SCENARIOS[product],
	]) as DocumentScenarioName[];

	it.each(names)('%s personalizes in exactly four places', (scenario) => {
		const template = documentTemplate(scenario);
		const personalized = personalizeDocument(template, {
			requestId: 'R',
			timestamp: 7,
			imageName: 'N',
			uid: 'U',
		});
		const before = template.split('\n');
		const after = personalized.split('\n');
		expect(after).toHaveLength(before.length);
		expect(before.filter((line, index) => after[index] !== line)).toHaveLength(4);
	});

	it.each(names.filter((name) => !name.endsWith('-specimen')))(
		'%s serves its fixture as is',
		(scenario) => {
			const fixtureText = readFileSync(join(FIXTURES, documentFixtureFile(scenario)), 'utf8');
			const expected = scenario.endsWith('-failure')
				? fixtureText.replace('"inferResult": "ERROR"', '"inferResult": "FAILURE"')
				: fixtureText;
			expect(documentTemplate(scenario)).toBe(expected);
		},
	);
});

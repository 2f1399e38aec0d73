import type { INodeExecutionData } from 'n8n-workflow';

import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';

const fieldItem = (field: string, index: number, text: string, extra: object = {}) => ({
	json: { documentType: 'idCard', field, index, text, value: text, keyText: '', ...extra },
});

describe('outboundRows, masked', () => {
	test('a registration number split across field items is masked as one number', () => {
		const rows = [fieldItem('personalNum', 0, '800101-'), fieldItem('personalNum', 1, '1234567')];
		expect(outboundRows(rows, 'masked').map((row) => [row.json.text, row.json.value])).toEqual([
			['800101-', '800101-'],
			['1******', '1******'],
		]);
	});

	test('text and value are readings of one number', () => {
		const rows = [{ json: { ...fieldItem('personalNum', 0, '800101-1').json, value: '234567' } }];
		expect(outboundRows(rows, 'masked')[0].json).toMatchObject({
			text: '800101-1',
			value: '******',
		});
	});

	test('any field name holding a registration number gets the field rule', () => {
		const rows = [fieldItem('coRepSocialNum', 0, '1234567')];
		expect(outboundRows(rows, 'masked')[0].json.text).toBe('*******');
	});

	test('other fields: the content rule across their values, key texts and polygons', () => {
		const rows = [
			fieldItem('address', 0, '서울 800101-', { keyText: '주민등록번호 800101-1234567' }),
			fieldItem('address', 1, '1234567', {
				boundingPolys: [{ vertices: [{ x: 1, y: 2, note: '800101-1234567' }] }],
			}),
		];
		const [first, second] = outboundRows(rows, 'masked').map((row) => row.json);
		expect([first.text, first.keyText, second.text]).toEqual([
			'서울 800101-',
			'주민등록번호 800101-1******',
			'1******',
		]);
		expect(second.boundingPolys).toEqual([{ vertices: [{ x: 1, y: 2, note: '800101-1******' }] }]);
	});

	test('keys and every string at any depth, file names too', () => {
		const rows: INodeExecutionData[] = [
			{
				json: { documentType: 'idCard', '800101-1234567': 'x', imageName: '홍_800101-1234567.jpg' },
				binary: {
					redacted: {
						data: '',
						mimeType: 'image/jpeg',
						fileName: '홍_800101-1234567-redacted.jpg',
					},
				},
			},
		];
		const [row] = outboundRows(rows, 'masked');
		expect(row.json).toEqual({
			documentType: 'idCard',
			'800101-1******': 'x',
			imageName: '홍_800101-1******.jpg',
		});
		expect(row.binary?.redacted.fileName).toBe('홍_800101-1******-redacted.jpg');
	});

	test('document columns of registration fields get the field rule', () => {
		const rows = [{ json: { documentType: 'passport', personalNum: '1234567', num: 'M12345678' } }];
		expect(outboundRows(rows, 'masked')[0].json).toEqual({
			documentType: 'passport',
			personalNum: '*******',
			num: 'M12345678',
		});
	});

	test('a company number of a known document type is the one named exception', () => {
		const rows = [
			{ json: { documentType: 'businessRegistration', corpRegisterNum: '110111-1234567' } },
			{ json: { documentType: 'idCard', corpRegisterNum: '110111-1234567' } },
		];
		expect(outboundRows(rows, 'masked').map((row) => row.json.corpRegisterNum)).toEqual([
			'110111-1234567',
			'110111-1******',
		]);
	});

	test('nesting deeper than the stack allows is copied without recursion', () => {
		let deep: unknown = '800101-1234567';
		for (let i = 0; i < 100_000; i++) deep = [deep];
		const [row] = outboundRows([{ json: { documentType: 'idCard', deep } as never }], 'masked');
		let inner: unknown = row.json.deep;
		while (Array.isArray(inner)) inner = inner[0];
		expect(inner).toBe('800101-1******');
	});

	test('keys keep their order, at every depth', () => {
		const rows = [
			{ json: { documentType: 'idCard', b: 1, a: { z: [3, 2, { y: 1, x: 2 }], c: 'x' }, c: 2 } },
		];
		const [row] = outboundRows(rows, 'masked');
		expect(JSON.stringify(row.json)).toBe(JSON.stringify(rows[0].json));
	});

	test('a key the rule masks keeps its place among the others', () => {
		const rows = [
			{ json: { documentType: 'idCard', a: 1, '800101-1234567': 'x', b: '800101-1234567' } },
		];
		const [row] = outboundRows(rows, 'masked');
		expect(Object.entries(row.json)).toEqual([
			['documentType', 'idCard'],
			['a', 1],
			['800101-1******', 'x'],
			['b', '800101-1******'],
		]);
	});

	test('an own __proto__ key (as JSON.parse makes it) is masked and stays an own key', () => {
		const json = JSON.parse(
			'{"documentType":"idCard","__proto__":"800101-1234567","nested":{"__proto__":{"n":"800101-1234567"}}}',
		) as Record<string, unknown>;
		const [row] = outboundRows([{ json } as INodeExecutionData], 'masked');
		expect(Object.getPrototypeOf(row.json)).toBe(Object.prototype);
		expect(JSON.stringify(row.json)).toBe(
			'{"documentType":"idCard","__proto__":"800101-1******","nested":{"__proto__":{"n":"800101-1******"}}}',
		);
	});

	test('the same string in many items is masked alike in each', () => {
		const rows = [0, 1, 2].map((index) =>
			fieldItem('address', index, `서울 ${index}`, { uid: '800101-1234567' }),
		);
		expect(outboundRows(rows, 'masked').map((row) => row.json.uid)).toEqual([
			'800101-1******',
			'800101-1******',
			'800101-1******',
		]);
	});

	test('the input items are not changed', () => {
		const rows = [fieldItem('personalNum', 0, '800101-1234567')];
		outboundRows(rows, 'masked');
		expect(rows[0].json.text).toBe('800101-1234567');
	});
});

describe('outboundRows, other disclosures', () => {
	const rows: INodeExecutionData[] = [
		{
			json: { documentType: 'idCard', personalNum: '800101-1234567' },
			binary: { redacted: { data: '', mimeType: 'image/png', fileName: '800101-1234567.png' } },
		},
	];

	test('revealed: values in full, file names masked', () => {
		const [row] = outboundRows(rows, 'revealed');
		expect(row.json.personalNum).toBe('800101-1234567');
		expect(row.binary?.redacted.fileName).toBe('800101-1******.png');
	});

	test('raw: exactly as returned', () => {
		expect(outboundRows(rows, 'raw')).toBe(rows);
	});
});

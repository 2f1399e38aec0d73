import { DOCUMENT_TYPES, keyFieldsOf } from '../../../nodes/ClovaOcr/model/documentTypes';
import { missingKeyFieldWarnings } from '../../../nodes/ClovaOcr/validation/keyFields';
import type { DocumentType } from '../../../nodes/ClovaOcr/validation/types';

const context = (documentType: DocumentType, fields: Record<string, string[]>) => ({
	documentType,
	runDate: '2026-11-22',
	fields,
});

describe('key fields', () => {
	test('the table, per document type', () => {
		expect(
			Object.fromEntries(
				Object.keys(DOCUMENT_TYPES).map((t) => [t, keyFieldsOf(t as DocumentType)]),
			),
		).toEqual({
			idCard: ['personalNum'],
			driverLicense: ['num', 'personalNum'],
			passport: ['num'],
			alienRegistrationCard: ['alienRegNum'],
		});
		expect(keyFieldsOf('unknown')).toEqual([]);
	});

	test.each<[string, DocumentType, Record<string, string[]>, string[]]>([
		['resident card with its number', 'idCard', { personalNum: ['800101-1234560'] }, []],
		[
			'resident card, number masked by the service',
			'idCard',
			{ personalNum: ['800***-234****'] },
			[],
		],
		['resident card without personalNum', 'idCard', { name: ['홍길동'] }, ['personalNum: missing']],
		[
			'resident card, personalNum with no values',
			'idCard',
			{ personalNum: [] },
			['personalNum: missing'],
		],
		[
			'resident card, personalNum blank',
			'idCard',
			{ personalNum: ['', ' \n'] },
			['personalNum: missing'],
		],
		[
			'resident card, a blank value before a number',
			'idCard',
			{ personalNum: ['', '800101-1234560'] },
			[],
		],
		[
			'license without either',
			'driverLicense',
			{ name: ['홍길동'] },
			['num: missing', 'personalNum: missing'],
		],
		[
			'license without its number',
			'driverLicense',
			{ personalNum: ['******-*******'] },
			['num: missing'],
		],
		[
			'license, both masked',
			'driverLicense',
			{ num: ['**-**-******-**'], personalNum: ['******-*******'] },
			[],
		],
		['passport without num', 'passport', { surName: ['HONG'] }, ['num: missing']],
		['passport: personalNum is not a key field', 'passport', { num: ['M12345678'] }, []],
		[
			'alien card without alienRegNum',
			'alienRegistrationCard',
			{ personalNum: ['800101-5234567'] },
			['alienRegNum: missing'],
		],
		['unknown document', 'unknown', {}, []],
	])('%s', (_case, documentType, fields, expected) => {
		expect(missingKeyFieldWarnings(context(documentType, fields))).toEqual(expected);
	});
});

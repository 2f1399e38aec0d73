/**
 * ResponseShapeError's paths: the keys the node documents (the answer's envelope and elements,
 * each product's result key, the ID-card model's sections, the field keys the node labels) are
 * written as they are; any other key is the service's text, scrubbed (runs of letters OCR reads
 * for digits masked) or, when it is no plain name, not echoed. At the exit the content rule
 * masks any registration number an error message still holds.
 */
import type { INode } from 'n8n-workflow';
import { z } from 'zod';

import { outboundError } from '../../../nodes/ClovaOcr/boundary/outboundError';
import { serviceFreeText } from '../../../nodes/ClovaOcr/boundary/serviceText';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import {
	documentSchemaKeys,
	formatPath,
	isDocumentedKey,
	ResponseShapeError,
} from '../../../nodes/ClovaOcr/response/responseShapeError';

const NODE: INode = {
	id: 'n',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Documented keys that the scrub of service text would change (`bizLicense` → `*****cense`). */
const SCRUBBED_DOCUMENTED_KEYS = [
	['bizLicense', '*****cense'],
	['rois', 'r***'],
	['version', 'ver***n'],
	['registerNumber', 're***terNumber'],
	['corpRegisterNum', 'corpRe***terNum'],
	['bisAddress', '***Address'],
	['bisType', '***Type'],
	['bisItem', '****tem'],
	['bisArea', '***Area'],
	['issuanceDate', '***uanceDate'],
	['issuanceReason', '***uanceReason'],
] as const;

describe('the keys the node documents are written as they are', () => {
	test.each(SCRUBBED_DOCUMENTED_KEYS)('%s, which the scrub would write %s', (key, scrubbed) => {
		expect(serviceFreeText(key)).toBe(scrubbed);
		expect(isDocumentedKey(key)).toBe(true);
		expect(formatPath(['images', 0, key, 1])).toBe(`images[0].${key}[1]`);
	});

	test.each([
		// The envelope (response/schema.ts) and the error body.
		'version',
		'requestId',
		'timestamp',
		'images',
		'uid',
		'name',
		'inferResult',
		'message',
		'validationResult',
		'result',
		'convertedImageInfo',
		'width',
		'height',
		'pageIndex',
		'meta',
		'estimatedLanguage',
		'isConfident',
		'rois',
		'idtype',
		'idType',
		'code',
		// An element, as zod names its parts.
		'text',
		'formatted',
		'value',
		'year',
		'month',
		'day',
		'keyText',
		'confidenceScore',
		'boundingPolys',
		'maskingPolys',
		'vertices',
		'x',
		'y',
		// Each product's result key, and the ID-card model's sections.
		'idCard',
		'bizLicense',
		'receipt',
		'creditCard',
		'nameCard',
		'passport',
		'ic',
		'dl',
		'pp',
		'ac',
		// Field keys with labels of their own (output/labels.ts).
		'personalNum',
		'alienRegNum',
		'alienRegNumEtc',
		'serialNum',
		'renewStartDate',
		'organDonation',
		'num',
		'type',
		'documentType',
		'registerNumber',
		'corpRegisterNum',
		'socialNumber',
		'coRepSocialNum',
		'bisType',
		'bisItem',
		'bisArea',
		'bisAddress',
		'headAddress',
		'issuanceDate',
		'issuanceReason',
	])('%s is documented', (key) => {
		expect(isDocumentedKey(key)).toBe(true);
	});

	test('a whole path of documented keys, as the ID-card model and a product write them', () => {
		expect(
			formatPath(['images', 0, 'idCard', 'result', 'dl', 'renewStartDate', 0, 'formatted']),
		).toBe('images[0].idCard.result.dl.renewStartDate[0].formatted');
		expect(
			formatPath(['images', 0, 'bizLicense', 'result', 'registerNumber', 2, 'boundingPolys']),
		).toBe('images[0].bizLicense.result.registerNumber[2].boundingPolys');
	});

	test('zod’s own path parts, from a failed parse of the envelope', () => {
		const reasonOf = (body: string) => {
			try {
				parseIdCardResponse(body);
			} catch (error) {
				if (error instanceof ResponseShapeError) return error.reason;
				throw error;
			}
			throw new Error('no ResponseShapeError');
		};
		expect(reasonOf('{"version":2,"images":[{}]}')).toBe('version: expected string, got number');
		expect(reasonOf('{"images":[{"convertedImageInfo":{"pageIndex":"0"}}]}')).toBe(
			'images[0].convertedImageInfo.pageIndex: expected number, got string',
		);
	});

	test('issueDate, labelled with its own words, is written as it is', () => {
		expect(formatPath(['images', 0, 'idCard', 'result', 'ic', 'issueDate'])).toBe(
			'images[0].idCard.result.ic.issueDate',
		);
	});

	test('a product schema’s keys, added where the schema lives, are written as they are', () => {
		expect(isDocumentedKey('cellsOfAFutureModel')).toBe(false);
		documentSchemaKeys(z.object({ cellsOfAFutureModel: z.array(z.string()) }));
		expect(formatPath(['images', 1, 'cellsOfAFutureModel', 2])).toBe(
			'images[1].cellsOfAFutureModel[2]',
		);
	});
});

describe('any other key is the service’s text', () => {
	test.each([
		['bisCategory', '***Category'],
		['storeInfo', 'storeInfo'],
		['rrn900101_1234567', 'rrn******_*******'],
		['OOIOIOI', '*******'],
		['__proto__', '__proto__'],
		['constructor', 'constructor'],
		['issueDate_', '***ueDate_'],
	])('%s is scrubbed: %s', (key, shown) => {
		expect(isDocumentedKey(key)).toBe(false);
		expect(formatPath(['images', 0, 'bizLicense', 'result', key])).toBe(
			`images[0].bizLicense.result.${shown}`,
		);
	});

	test.each(['900101-1234567', '800101 1234567', 'a.b', '1abc', 'x'.repeat(65), ''])(
		'%j, no plain name, is not echoed',
		(key) => {
			expect(formatPath(['images', 0, 'receipt', 'result', key, 0])).toBe(
				'images[0].receipt.result.(a key)[0]',
			);
		},
	);

	test('a registration number in a key never shows in the error, nor past the exit', () => {
		const schema = z.object({ text: z.string() });
		const issue = schema.safeParse({ text: 1 }).error!.issues[0];
		const key = 'rep900101_1234567';
		const error = ResponseShapeError.fromIssue(issue, ['images', 0, 'bizLicense', 'result', key]);
		expect(error.reason).toBe(
			'images[0].bizLicense.result.rep******_*******.text: expected string, got number',
		);
		const sent = outboundError(NODE, error, 0);
		expect(sent.message).toBe(
			'CLOVA OCR sent a response that does not fit the documented shape: images[0].bizLicense.result.rep******_*******.text: expected string, got number',
		);
	});

	test('the exit masks a number a message holds whatever made it (the content rule)', () => {
		const sent = outboundError(NODE, new ResponseShapeError('images[0].k900101-1234567'), 0);
		expect(sent.message).toBe(
			'CLOVA OCR sent a response that does not fit the documented shape: images[0].k900101-1******',
		);
	});
});

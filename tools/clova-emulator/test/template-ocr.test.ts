/**
 * Template OCR (`POST {base}/infer` on its own domain), over real HTTP: the sample form matched
 * to template 390 (JSON and multipart), `templateIds` naming a template not deployed (500 /
 * 1021), an image that matches none ("NOT_FOUND: not found matched template", as a FAILURE or
 * as an error body), the deployed-template and not-matched knobs, and the domain rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { pdfOfPngPages, readPng, writePng } from '../../samples/pdf-pages';
import { FORM_TEMPLATE } from '../emulator-options';
import {
	errorBody,
	jsonMessage,
	multipartMessage,
	pngWith,
	postFormData,
	postJson,
	productEndpoint,
	useEmulator,
	type HttpResult,
} from './test-support';

const emulator = useEmulator();
const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const FORM_PNG = readFileSync(join(SAMPLES, 'form.png'));
const FORM_JPG = readFileSync(join(SAMPLES, 'form.jpg'));

type Vertex = { x: number; y: number };
interface Field {
	name: string;
	valueType: string;
	boundingPoly: { vertices: Vertex[] };
	inferText: string;
	inferConfidence: number;
	type: string;
	lineBreak: boolean;
	checked?: boolean;
	subFields?: Array<{ inferText: string; lineBreak: boolean }>;
}
interface Page {
	uid: string;
	name: string;
	inferResult: string;
	message: string;
	matchedTemplate?: { id: number; name: string };
	title?: { name: string; inferText: string; inferConfidence: number; boundingPoly: unknown };
	fields?: Field[];
	validationResult: { result: string };
	convertedImageInfo?: { width: number; height: number; pageIndex: number; longImage: boolean };
}
interface Answer {
	version: string;
	requestId: string;
	timestamp: number;
	images: Page[];
}

function infer(body: unknown): Promise<HttpResult> {
	return postJson(emulator(), body, { url: productEndpoint(emulator(), 'template') });
}

function formMessage(image: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
	return jsonMessage(FORM_PNG, { name: 'form', ...image }, top);
}

function parsed(result: HttpResult): Answer {
	expect([result.status, result.text.slice(0, 200)]).toEqual([200, result.text.slice(0, 200)]);
	return JSON.parse(result.text) as Answer;
}

const NOT_MATCHED = {
	inferResult: 'FAILURE',
	message: 'NOT_FOUND: not found matched template',
	validationResult: { result: 'NO_REQUESTED' },
};

function expectNotMatchedError(result: HttpResult): void {
	expect([result.status, errorBody(result)]).toEqual([
		500,
		expect.objectContaining({ code: '0501', message: 'NOT_FOUND: not found matched template' }),
	]);
}

describe('Template OCR: the sample form', () => {
	it('form.png (JSON): matched to template 390, its title and fields in the documented shape', async () => {
		const answer = parsed(await infer(formMessage()));
		expect(answer).toMatchObject({ version: 'V2', requestId: 'req-0001' });
		const [page] = answer.images;
		expect(Object.keys(page ?? {})).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'matchedTemplate',
			'title',
			'fields',
			'validationResult',
		]);
		expect(page).toMatchObject({
			name: 'form',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			matchedTemplate: { id: 390, name: '출장 신청서' },
			title: { name: '출장 신청서', inferText: '출장 신청서' },
			validationResult: { result: 'NO_REQUESTED' },
		});
		expect(page?.uid).toMatch(/^[0-9a-f]{32}$/);
		expect(
			page?.fields?.map(({ name, valueType, type, inferText, checked }) => [
				name,
				valueType,
				type,
				inferText,
				checked,
			]),
		).toEqual([
			['성명', 'ALL', 'NORMAL', '홍길동', undefined],
			['부서', 'ALL', 'NORMAL', '개발팀', undefined],
			['주민등록번호 앞자리', 'NUMERIC', 'NORMAL', '900101', undefined],
			['주민등록번호 뒷자리', 'NUMERIC', 'NORMAL', '1234567', undefined],
			['출장 기간', 'ALL', 'NORMAL', '2024.07.01 ~ 2024.07.03', undefined],
			['출장지', 'ALL', 'NORMAL', '부산광역시 해운대구', undefined],
			['숙박 필요', 'ALL', 'CHECKBOX', '', true],
			['법인카드 사용', 'ALL', 'CHECKBOX', '', false],
		]);
		expect(Object.keys(page?.fields?.[0] ?? {})).toEqual([
			'name',
			'valueType',
			'boundingPoly',
			'inferText',
			'inferConfidence',
			'type',
			'lineBreak',
		]);
		expect(page?.fields?.[4]?.subFields?.map((sub) => [sub.inferText, sub.lineBreak])).toEqual([
			['2024.07.01', false],
			['~', false],
			['2024.07.03', true],
		]);
		expect(emulator().requests[0]).toMatchObject({
			product: 'template',
			scenario: 'template-success',
			scenarioSource: 'file-marker',
			pageCount: 1,
		});
	});

	it('form.jpg (multipart) gives the same fields', async () => {
		const multipart = parsed(
			await postFormData(emulator(), multipartMessage({ format: 'jpg', name: 'form' }), FORM_JPG, {
				url: productEndpoint(emulator(), 'template'),
				filename: 'form.jpg',
			}),
		);
		const json = parsed(await infer(formMessage()));
		const strip = (answer: Answer) =>
			answer.images.map((page) =>
				Object.fromEntries(Object.entries(page).filter(([key]) => key !== 'uid')),
			);
		expect(strip(multipart)).toEqual(strip(json));
		expect(emulator().requests[0]?.uploadMode).toBe('multipart');
	});

	it('templateIds naming 390 (or none) match; an id not deployed is 500 / 1021', async () => {
		for (const templateIds of [[390], [], undefined])
			expect(parsed(await infer(formMessage({ templateIds }))).images[0]?.inferResult).toBe(
				'SUCCESS',
			);
		for (const templateIds of [[999], [390, 999]]) {
			const result = await infer(formMessage({ templateIds }));
			expect([result.status, errorBody(result)]).toEqual([
				500,
				expect.objectContaining({
					code: '1021',
					message: 'Not found deploy information. Please confirm the template is released.',
					path: new URL(productEndpoint(emulator(), 'template')).pathname,
				}),
			]);
		}
		expect(
			emulator()
				.requests.slice(3)
				.map((record) => record.rejectionReason),
		).toEqual(['templateIds 999 not deployed', 'templateIds 999 not deployed']);
	});

	it.each([[['390']], ['390'], [[390.5]], [{ id: 390 }]])(
		'templateIds %j is 400 / 0011',
		async (templateIds) => {
			const result = await infer(formMessage({ templateIds }));
			expect([result.status, errorBody(result).code]).toEqual([400, '0011']);
		},
	);

	it('the deployed templates are a knob; the matched name is the deployed one’s', async () => {
		emulator().configure({
			templates: [
				{ id: 390, name: 'Business trip' },
				{ id: 391, name: 'Expense report' },
			],
		});
		expect(parsed(await infer(formMessage())).images[0]?.matchedTemplate).toEqual({
			id: 390,
			name: 'Business trip',
		});
		// 391 is deployed but the form is not an expense report: nothing matches.
		expect(parsed(await infer(formMessage({ templateIds: [391] }))).images[0]).toMatchObject(
			NOT_MATCHED,
		);
		emulator().configure({ templates: [{ id: 391, name: 'Expense report' }] });
		expect(parsed(await infer(formMessage())).images[0]).toMatchObject(NOT_MATCHED);
		expect(errorBody(await infer(formMessage({ templateIds: [390] }))).code).toBe('1021');
		expect(emulator().requests.map((record) => record.scenario)).toEqual([
			'template-success',
			'template-not-matched',
			'template-not-matched',
			null,
		]);
	});

	it('a PDF of two forms: one entry per page, with convertedImageInfo (assumed)', async () => {
		const page = writePng(readPng(FORM_PNG));
		const pdf = pdfOfPngPages([page, page], {
			marker: 'CLOVA-EMULATOR:scenario=template-success',
			title: 'two forms',
			pageWidthPt: 595,
			pageHeightPt: 420,
		});
		const answer = parsed(await infer(jsonMessage(pdf, { format: 'pdf', name: 'forms' })));
		expect(
			answer.images.map((image) => [image.matchedTemplate?.id, image.convertedImageInfo]),
		).toEqual([
			[390, { width: 1240, height: 874, pageIndex: 0, longImage: false }],
			[390, { width: 1240, height: 874, pageIndex: 1, longImage: false }],
		]);
	});

	it('V1: bounding instead of boundingPoly, title and fields alike', async () => {
		const answer = parsed(await infer(formMessage({}, { version: 'V1' })));
		expect(answer.version).toBe('V1');
		expect(answer.images[0]?.title).toHaveProperty('bounding');
		expect(JSON.stringify(answer)).not.toContain('boundingPoly');
	});
});

describe('Template OCR: nothing matched', () => {
	it('template-not-matched: HTTP 200, inferResult FAILURE with NOT_FOUND’s message', async () => {
		emulator().setScenario('template-not-matched');
		const answer = parsed(await infer(formMessage()));
		expect(answer.images).toHaveLength(1);
		expect(Object.keys(answer.images[0] ?? {})).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'validationResult',
		]);
		expect(answer.images[0]).toMatchObject({ name: 'form', ...NOT_MATCHED });
	});

	it('template-not-matched-error: the message as an error body (500 / 0501)', async () => {
		emulator().enqueue('template-not-matched-error');
		expectNotMatchedError(await infer(formMessage()));
		expect(emulator().requests[0]).toMatchObject({
			scenario: 'template-not-matched-error',
			scenarioSource: 'queue',
			errorCode: '0501',
		});
		// By image name too.
		expectNotMatchedError(
			await infer(formMessage({ name: 'x [scenario=template-not-matched-error]' })),
		);
	});

	it('another product’s document matches no template: as the templateNotMatched knob says', async () => {
		const certificate = readFileSync(join(SAMPLES, 'business-registration.png'));
		const contract = readFileSync(join(SAMPLES, 'contract.pdf'));
		expect(parsed(await infer(jsonMessage(certificate))).images[0]).toMatchObject(NOT_MATCHED);
		expect(
			parsed(await infer(jsonMessage(contract, { format: 'pdf' }))).images.map(
				(page) => page.message,
			),
		).toEqual([NOT_MATCHED.message, NOT_MATCHED.message, NOT_MATCHED.message]);
		emulator().configure({ templateNotMatched: 'error' });
		expectNotMatchedError(await infer(jsonMessage(certificate)));
		emulator().configure({ templates: [{ id: 5, name: 'Other' }] });
		expectNotMatchedError(await infer(formMessage()));
		expect(emulator().requests.map((record) => record.scenario)).toEqual([
			'template-not-matched',
			'template-not-matched',
			'template-not-matched-error',
			'template-not-matched-error',
		]);
		// The form sent to General OCR is read there (any document).
		const general = await postJson(emulator(), formMessage(), {
			url: productEndpoint(emulator(), 'general'),
		});
		expect(general.status).toBe(200);
	});
});

describe('Template OCR: the request and the domain', () => {
	it('enableTableDetection with the table toggle off is 0028; lang as General OCR', async () => {
		expect((await infer(formMessage({}, { enableTableDetection: true }))).status).toBe(200);
		emulator().configure({ tableDetection: false });
		const refused = await infer(formMessage({}, { enableTableDetection: true }));
		expect([refused.status, errorBody(refused).code]).toEqual([400, '0028']);
		expect((await infer(formMessage({}, { lang: 'ko,en' }))).status).toBe(200);
		expect(errorBody(await infer(formMessage({}, { lang: 'de' }))).code).toBe('0011');
	});

	it('/infer answers on the Template domain only (0001 elsewhere), other paths are 0001 there', async () => {
		for (const url of [
			`${emulator().invokeUrls.idCard}/infer`,
			`${emulator().invokeUrls.general}/infer`,
			`${emulator().invokeUrls.template}/general`,
			`${emulator().invokeUrls.template}/document/biz-license`,
		]) {
			const result = await postJson(emulator(), formMessage(), { url });
			expect([url, result.status, errorBody(result).code]).toEqual([url, 400, '0001']);
		}
	});

	it('a template scenario elsewhere is passed over; the error table answers as everywhere', async () => {
		emulator().setScenario('template-not-matched-error');
		expect((await postJson(emulator(), jsonMessage(pngWith('x')))).status).toBe(200);
		expectNotMatchedError(await infer(formMessage()));
		emulator().setScenario('quota');
		expect(errorBody(await infer(formMessage())).code).toBe('0023');
		expect(
			(
				await postJson(emulator(), formMessage(), {
					url: productEndpoint(emulator(), 'template'),
					secret: 'x',
				})
			).status,
		).toBe(401);
	});

	it('knob validation', () => {
		expect(() => emulator().configure({ templates: [{ id: 0, name: 'x' }] })).toThrow('templates');
		expect(() =>
			emulator().configure({
				templates: [
					{ id: 1, name: 'a' },
					{ id: 1, name: 'b' },
				],
			}),
		).toThrow('each id once');
		expect(() => emulator().configure({ templateNotMatched: 'maybe' as never })).toThrow(
			'templateNotMatched',
		);
		expect(() => emulator().configure({ maxPages: 0 })).toThrow('maxPages');
		expect(() => emulator().configure({ tableDetection: 'on' as never })).toThrow('tableDetection');
		expect(FORM_TEMPLATE).toEqual({ id: 390, name: '출장 신청서' });
	});

	it('the control API sets the new knobs', async () => {
		const response = await fetch(`${emulator().url}/__emulator/configure`, {
			method: 'POST',
			body: JSON.stringify({
				maxPages: 5,
				tableDetection: false,
				templates: [{ id: 12, name: 'Invoice' }],
				templateNotMatched: 'error',
			}),
		});
		expect(response.status).toBe(200);
		expect(((await response.json()) as { options: Record<string, unknown> }).options).toMatchObject(
			{
				maxPages: 5,
				tableDetection: false,
				templates: [{ id: 12, name: 'Invoice' }],
				templateNotMatched: 'error',
			},
		);
		expect(errorBody(await infer(formMessage({ templateIds: [390] }))).code).toBe('1021');
	});
});

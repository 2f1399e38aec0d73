/**
 * The demo `npm start` serves: its workflow (tools/start/demo.ts), with the committed samples
 * and the demo's two credentials (ID cards, business registration: one CLOVA domain per
 * product) pointing at the emulator, in a real n8n.
 */
import { join } from 'node:path';

import { nodeItems, nodeOutput, type RawRun } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	chooseDomains,
	copyDemoSamples,
	demoCredentials,
	demoWorkflow,
} from '../../tools/start/demo';
import { e2eState, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-demo-secret-77e2';
const TIMEOUT_MS = 5 * 60_000;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

/** [field, value, valid] of the sample resident card, every field without warnings or notes. */
const RESIDENT_CARD: Array<[string, string, boolean | null]> = [
	['name', '홍길동', null],
	['personalNum', '800101-1******', true],
	['address', '서울특별시 종로구 세종대로 209', null],
	['issueDate', '2020-08-16', true],
	['authority', '서울특별시 종로구청장', true],
];

const DRIVER_LICENSE: Array<[string, string, boolean | null]> = [
	['type', '1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기', true],
	['num', '11-00-123456-10', true],
	['name', '홍길동', null],
	['personalNum', '800101-1******', true],
	['address', '서울시 종로구 세종대로 209', null],
	['renewStartDate', '2029-01-01', true],
	['renewEndDate', '2029-12-31', true],
	['condition', '건 8', null],
	['code', 'H1A2B3', null],
	['organDonation', '장기 ·조직기증', null],
	['issueDate', '2019-09-10', true],
	['authority', '서울지방경찰청장', true],
];

const EXTENSIONS = ['jpg', 'pdf', 'png', 'tiff'];

describeReal('the npm start demo on n8n %s', (line) => {
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let run: RawRun;

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		const { domains } = chooseDomains({}, emulator);
		ctx = await setUpN8n(line, { packages: [real!], credentials: demoCredentials(domains) });
		copyDemoSamples(samplesDir());
		run = await runWorkflow(ctx, demoWorkflow(samplesDir(), { businessRegistration: true }));
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	function samplesDir(): string {
		return join(ctx.folder.filesDir, 'samples');
	}

	it('ID cards: only the cards are read (not the certificate nor the receipt), every field exact, the unreadable one on the error output', () => {
		const fields = nodeOutput(run, 'CLOVA OCR', 0);
		const perImage = new Map<string, unknown[][]>();
		for (const item of fields) {
			const image = String(item.imageName);
			const row = [item.documentType, item.field, item.value, item.valid];
			perImage.set(image, [...(perImage.get(image) ?? []), row]);
			expect([item.warnings, item.notes, item.needsReview]).toEqual(['', '', false]);
		}
		expect([...perImage.keys()].sort()).toEqual([
			...EXTENSIONS.map((ext) => `driver-license.${ext}`),
			...EXTENSIONS.map((ext) => `resident-card.${ext}`),
		]);
		for (const ext of EXTENSIONS) {
			expect(perImage.get(`resident-card.${ext}`)).toEqual(
				RESIDENT_CARD.map((row) => ['idCard', ...row]),
			);
			expect(perImage.get(`driver-license.${ext}`)).toEqual(
				DRIVER_LICENSE.map((row) => ['driverLicense', ...row]),
			);
		}

		// n8n puts the failed input item's own json (the file's metadata) beside the error.
		expect(nodeOutput(run, 'CLOVA OCR', 1)).toEqual([
			expect.objectContaining({
				error: 'CLOVA OCR could not read the image: Read page:0 error.',
				fileName: 'unreadable.jpg',
			}),
		]);
	});

	it('business registration: the sample certificate as one document item, on its own domain', () => {
		const biz = emulator.requests.filter((request) => request.product === 'businessRegistration');
		expect(biz.map((request) => [request.imageName, request.scenario])).toEqual([
			['business-registration.jpg', 'biz-specimen'],
		]);
		expect(nodeOutput(run, 'CLOVA OCR (business registration)', 1)).toEqual([]);
		expect(nodeItems(run, 'CLOVA OCR (business registration)')).toEqual([
			expect.objectContaining({ pairedItem: { item: 0 } }),
		]);
		// biz-success.synthetic.json's values: both registration numbers' check digits hold,
		// the representatives' numbers pass the ID rules, the dates are real and in order (birth,
		// opening, issuance, run date), and the tax type (법인사업자) fits the middle code 86
		// (for-profit corporation): valid, with no warning, no note and nothing to review. The
		// representatives' numbers are masked after the gender digit; the business and
		// corporate numbers are not personal and stay whole.
		expect(nodeOutput(run, 'CLOVA OCR (business registration)')).toEqual([
			{
				documentType: 'businessRegistration',
				idType: null,
				isConfident: null,
				validationResult: 'NO_REQUESTED',
				validationMessage: null,
				estimatedLanguage: 'ko',
				pageIndex: null,
				pageWidth: null,
				pageHeight: null,
				cardX: null,
				cardY: null,
				cardWidth: null,
				cardHeight: null,
				imageName: 'business-registration.jpg',
				requestId: (biz[0].message as { requestId: string }).requestId,
				uid: expect.stringMatching(/^[0-9a-f]{32}$/),
				valid: true,
				warnings: '',
				notes: '',
				needsReview: false,
				field_documentType: '사업자등록증',
				registerNumber: '201-86-12345',
				corpRegisterNum: '110111-1234569',
				corpName: '주식회사 견본소프트',
				companyName: '견본소프트',
				repName: '홍길동',
				coRepName: '성춘향',
				birth: '1980-01-01',
				socialNumber: '800101-1******',
				coRepSocialNum: '850315-2******',
				openDate: '2015-03-02',
				bisAddress: '서울특별시 중구 견본로 12, 3층 (견본동)',
				headAddress: '서울특별시 종로구 견본길 34, 5층',
				bisType: '서비스업\n도매 및 소매업',
				bisItem: '응용 소프트웨어 개발 및 공급업\n전자상거래 소매업',
				bisArea: '중부세무서장',
				taxType: '법인사업자',
				issuanceDate: '2024-05-20',
				issuanceReason: '재발급',
			},
		]);
	});

	it('each file went to its own domain with its credential, answered by the marker it carries; no registration number unmasked', () => {
		expect(
			emulator.requests
				.map((request) => [
					request.imageName,
					request.product,
					request.scenario,
					request.scenarioSource,
				])
				.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
		).toEqual([
			['business-registration.jpg', 'businessRegistration', 'biz-specimen', 'file-marker'],
			...EXTENSIONS.map((ext) => [`driver-license.${ext}`, 'idCard', 'dl-specimen', 'file-marker']),
			...EXTENSIONS.map((ext) => [`resident-card.${ext}`, 'idCard', 'ic-specimen', 'file-marker']),
			['unreadable.jpg', 'idCard', 'infer-error', 'file-marker'],
		]);
		expect(emulator.requests.every((request) => request.secretOk)).toBe(true);
		expect(JSON.stringify(run)).not.toContain('800101-1234560');
		expect(JSON.stringify(run)).not.toContain('850315-2345678');
	});

	it(
		'without a business registration domain (your ID-card domain alone) the demo has the card branch only',
		async () => {
			emulator.reset();
			const workflow = demoWorkflow(samplesDir(), { businessRegistration: false });
			const cardsOnly = await runWorkflow(ctx, { ...workflow, id: 'clovaOcrDemoCard' });
			expect(Object.keys(cardsOnly.data.resultData.runData)).toEqual([
				"When clicking 'Execute workflow'",
				'Read sample cards',
				'CLOVA OCR',
			]);
			expect(nodeOutput(cardsOnly, 'CLOVA OCR', 0)).toHaveLength(
				4 * RESIDENT_CARD.length + 4 * DRIVER_LICENSE.length,
			);
			expect(nodeOutput(cardsOnly, 'CLOVA OCR', 1)).toHaveLength(1);
			expect(emulator.requests.map((request) => request.product)).toEqual(Array(9).fill('idCard'));
		},
		TIMEOUT_MS,
	);
});

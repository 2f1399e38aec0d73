/**
 * Recognize Business Registration and Recognize Other Document (issue 21) in a real n8n, every
 * output mode (fields, document, raw) of each product, in one `n8n execute` per line: one
 * workflow (`workflows/clova-products-all-modes.json`) reads each product's sample file once and
 * fans it out to three CLOVA OCR nodes (`Biz fields`, `Biz document`, `Biz raw`, `Receipt
 * fields`…), each with its product's credential on that product's emulator domain. A fourth
 * certificate, whose representative's number the service split across `text` and
 * `formatted.value`, goes to `Biz split number` (document output).
 *
 * Expected items come from the emulator's fixtures (tools/clova-emulator/fixtures), written out
 * here or read from the served element (confidence, box), never from the node's code.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type Emulator, type ScenarioName } from '../../tools/clova-emulator';
import { clovaCredential, nodeItems, nodeOutput, type RawRun } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { N8N_PINS } from '../../tools/n8n/versions';
import { boxOf, fixtureElement, fixtureImage } from '../integration/harness/documentFixtures';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';
import { writeScenarioImage } from './sample-files';

const { lines, real } = e2eState();
const SECRET = 'e2e-products-secret-7d2b';
const TIMEOUT_MS = 5 * 60_000;
const UID = /^[0-9a-f]{32}$/;
const MODES = ['fields', 'document', 'raw'] as const;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

type Product = 'businessRegistration' | 'receipt' | 'creditCard' | 'nameCard' | 'passport';

/** One product of the workflow: its nodes' prefix, placeholders, credential and sample file. */
interface ProductCase {
	readonly product: Product;
	/** `<node> fields`, `<node> document`, `<node> raw` in the workflow */
	readonly node: string;
	/** `<placeholder>_FILES`, `<placeholder>_CREDENTIAL_ID`, `<placeholder>_CREDENTIAL_NAME` */
	readonly placeholder: string;
	readonly credentialId: string;
	readonly scenario: ScenarioName;
	/** the file's name after its scenario */
	readonly file: string;
	/** the key of `images[0]` that holds the result */
	readonly resultKey: string;
	readonly estimatedLanguage: string;
}

const CASES: readonly ProductCase[] = [
	{
		product: 'businessRegistration',
		node: 'Biz',
		placeholder: 'BIZ',
		credentialId: 'clovaE2eBiz00001',
		scenario: 'biz-individual',
		file: 'certificate.jpg',
		resultKey: 'bizLicense',
		estimatedLanguage: 'ko',
	},
	{
		product: 'receipt',
		node: 'Receipt',
		placeholder: 'RECEIPT',
		credentialId: 'clovaE2eRcpt0001',
		scenario: 'receipt-mismatch',
		file: 'receipt.png',
		resultKey: 'receipt',
		estimatedLanguage: 'ko',
	},
	{
		product: 'creditCard',
		node: 'Credit card',
		placeholder: 'CREDIT_CARD',
		credentialId: 'clovaE2eCard0001',
		scenario: 'credit-card-success',
		file: 'card.jpg',
		resultKey: 'creditCard',
		estimatedLanguage: 'ko',
	},
	{
		product: 'nameCard',
		node: 'Name card',
		placeholder: 'NAME_CARD',
		credentialId: 'clovaE2eName0001',
		scenario: 'name-card-success',
		file: 'business-card.png',
		resultKey: 'nameCard',
		estimatedLanguage: 'ko',
	},
	{
		product: 'passport',
		node: 'Passport',
		placeholder: 'PASSPORT',
		credentialId: 'clovaE2ePass0001',
		scenario: 'passport-success',
		file: 'passport.jpg',
		resultKey: 'passport',
		estimatedLanguage: 'en',
	},
];

const imageNameOf = (c: { scenario: string; file: string }) => `[scenario=${c.scenario}] ${c.file}`;

/**
 * The certificate of a corporation (biz-success) whose representative's number
 * `800101-1234560` the service split: `text` holds `800101-1`, `formatted.value` `234560`. A
 * document column holds `formatted.value` alone, which does not read as a number from its
 * first position: it shows no digit (before the fix in boundary/fieldRule.ts it showed the 8th).
 */
const SPLIT_NUMBER = { scenario: 'biz-success', file: 'split-number.jpg' } as const;
const SPLIT_NUMBER_EDITS: Array<[string, string]> = [
	['"text": "800101-1234560"', '"text": "800101-1"'],
	['"value": "800101-1234560"', '"value": "234560"'],
];

/**
 * biz-individual.synthetic.json (an individual business, 일반과세자) as field items, but the
 * image's name and ids: [field, label, text, value, confidence, keyText, valid, x, y, width,
 * height], each at index 0. The business number's check digit holds, the representative's
 * number passes the ID rules (masked after the gender digit), the dates are real and in
 * order, and the tax type fits the middle code 22 (individual, taxable): no warning, no note,
 * nothing to review. coRepName and coRepSocialNum are empty (no item); the keys the fixture
 * lacks (corpRegisterNum, corpName, headAddress, issuanceReason) give none either.
 */
const BIZ_INDIVIDUAL_ROWS: Array<
	[string, string, string, string, number, string, boolean | null, number, number, number, number]
> = [
	[
		'documentType',
		'Document Title',
		'사 업 자 등 록 증',
		'사업자등록증',
		0.9001,
		'',
		null,
		624.5,
		253.5,
		651,
		91.5,
	],
	[
		'registerNumber',
		'Business Registration Number (사업자등록번호)',
		'101-22-34561',
		'101-22-34561',
		0.9178,
		'등록번호',
		true,
		860,
		481.5,
		321,
		43.5,
	],
	[
		'companyName',
		'Business Name (상호)',
		'견본상회',
		'견본상회',
		0.9021,
		'상호',
		null,
		648.5,
		624,
		339,
		42,
	],
	[
		'repName',
		'Representative (대표자)',
		'김영희',
		'김영희',
		0.9077,
		'성명',
		null,
		648.5,
		810,
		112.5,
		42,
	],
	[
		'birth',
		"Representative's Date of Birth",
		'1985 년 03 월 15 일',
		'1985-03-15',
		0.9514,
		'생년월일',
		true,
		1358,
		810,
		316.5,
		40.5,
	],
	[
		'socialNumber',
		"Representative's Resident Registration Number",
		'850315-2******',
		'850315-2******',
		0.9663,
		'주민등록번호',
		true,
		650,
		906,
		325.5,
		34.5,
	],
	[
		'openDate',
		'Opening Date (개업연월일)',
		'2019 년 07 월 01 일',
		'2019-07-01',
		0.9578,
		'개업연월일',
		true,
		650,
		1089,
		351,
		40.5,
	],
	[
		'bisAddress',
		'Place of Business (사업장 소재지)',
		'부산광역시 해운대구 견본로 78, 1층',
		'부산광역시 해운대구 견본로 78, 1층',
		0.9243,
		'사업장 소재지',
		null,
		650,
		1275,
		559.5,
		43.5,
	],
	[
		'bisType',
		'Business Type (업태)',
		'음식점업',
		'음식점업',
		0.9135,
		'업태',
		null,
		725,
		1368,
		142.5,
		42,
	],
	[
		'bisItem',
		'Business Item (종목)',
		'커피전문점',
		'커피전문점',
		0.9809,
		'종목',
		null,
		1143.5,
		1368,
		510,
		42,
	],
	[
		'bisArea',
		'Business Area',
		'해운대세무서장',
		'해운대세무서장',
		0.987,
		'',
		null,
		750.5,
		2142,
		399,
		72,
	],
	[
		'taxType',
		'Tax Type',
		'(일반과세자)',
		'일반과세자',
		0.9215,
		'',
		null,
		825.5,
		379.5,
		247.5,
		49.5,
	],
	[
		'issuanceDate',
		'Issue Date',
		'2019 년 07 월 05 일',
		'2019-07-05',
		0.9717,
		'',
		true,
		743,
		2005.5,
		412.5,
		51,
	],
];

const BIZ_INDIVIDUAL_FIELDS = BIZ_INDIVIDUAL_ROWS.map(
	([field, label, text, value, confidence, keyText, valid, x, y, width, height]) => ({
		documentType: 'businessRegistration',
		field,
		label,
		index: 0,
		text,
		value,
		confidence,
		isConfident: null,
		keyText,
		validationResult: 'NO_REQUESTED',
		validationMessage: null,
		estimatedLanguage: 'ko',
		pageIndex: null,
		pageWidth: null,
		pageHeight: null,
		valid,
		warnings: '',
		notes: '',
		needsReview: false,
		x,
		y,
		width,
		height,
	}),
);

/**
 * receipt-mismatch.synthetic.json as one document item, but the image's name and ids: every
 * element a column named by its path; total 19,350 against items adding up to 19,050 (item 2
 * misread as 7,600) as numbers, with a note and nothing to review (discounts and taxes vary);
 * no validity check for receipts (valid null). The card number is masked but its last four by
 * position (the service's own mask kept), and the items' 13-digit barcodes read as
 * registration numbers, so they are masked as those are.
 */
const RECEIPT_MISMATCH_DOCUMENT: Record<string, unknown> = {
	documentType: 'receipt',
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
	valid: null,
	warnings: '',
	notes:
		'totalPrice: the items add up to a different amount than the total (discounts or taxes may explain it)',
	needsReview: false,
	total: 19350,
	itemsTotal: 19050,
	'storeInfo.name': 'emart everyday',
	'storeInfo.subName': '종로점',
	'storeInfo.bizNum': '2128125544',
	'storeInfo.addresses': '서울특별시 종로구 견본로 56',
	'storeInfo.tel': '0317861171',
	'paymentInfo.date': '2020-04-16',
	'paymentInfo.time': '15:28:43',
	'paymentInfo.cardInfo.company': '국민카드',
	'paymentInfo.cardInfo.number': '****-****-****-123*',
	'paymentInfo.confirmNum': '30012345',
	'subResults[0].items[0].name': '서울우유 1000ml',
	'subResults[0].items[0].code': '8800000******',
	'subResults[0].items[0].count': '1',
	'subResults[0].items[0].price.price': '2980',
	'subResults[0].items[0].price.unitPrice': '2980',
	'subResults[0].items[1].name': '신라면 5입',
	'subResults[0].items[1].code': '8800000******',
	'subResults[0].items[1].count': '2',
	'subResults[0].items[1].price.price': '7600',
	'subResults[0].items[1].price.unitPrice': '3950',
	'subResults[0].items[2].name': '바나나',
	'subResults[0].items[2].code': '8800000******',
	'subResults[0].items[2].count': '1',
	'subResults[0].items[2].price.price': '4480',
	'subResults[0].items[2].price.unitPrice': '4480',
	'subResults[0].items[3].name': '생수 2L*6',
	'subResults[0].items[3].code': '8800000******',
	'subResults[0].items[3].count': '1',
	'subResults[0].items[3].price.price': '3990',
	'subResults[0].items[3].price.unitPrice': '3990',
	'subTotal[0].taxPrice': '1759',
	'subTotal[0].discountPrice': '0',
	'subTotal[0].subTotalPrice': '19350',
	'totalPrice.price': '19350',
	'totalPrice.creditCardPrice': '19350',
};

/** [field, index, label, text, value, keyText] of a field item of the other models. */
type FieldRow = readonly [string, number, string, string, string, string];

/** receipt-mismatch's elements, in the order served; item 2's price misread as 7,600. */
const RECEIPT_FIELDS: FieldRow[] = [
	['storeInfo.name', 0, 'Store Info.name', 'emart everyday', 'emart everyday', ''],
	['storeInfo.subName', 0, 'Store Info.sub Name', '종로점', '종로점', ''],
	['storeInfo.bizNum', 0, 'Store Info.biz Num', '212-81-25544', '2128125544', '사업자번호'],
	[
		'storeInfo.addresses',
		0,
		'Store Info.addresses',
		'서울특별시 종로구 견본로 56',
		'서울특별시 종로구 견본로 56',
		'',
	],
	['storeInfo.tel', 0, 'Store Info.tel', '(031)786-1171', '0317861171', 'TEL'],
	['paymentInfo.date', 0, 'Payment Info.date', '2020-04-16', '2020-04-16', ''],
	['paymentInfo.time', 0, 'Payment Info.time', '15:28:43', '15:28:43', ''],
	[
		'paymentInfo.cardInfo.company',
		0,
		'Payment Info.card Info.company',
		'국민카드',
		'국민카드',
		'카드사',
	],
	// Served as 9410-61**-****-123*: every position but the last four is masked, 61 included.
	[
		'paymentInfo.cardInfo.number',
		0,
		'Payment Info.card Info.number',
		'****-****-****-123*',
		'****-****-****-123*',
		'카드번호',
	],
	['paymentInfo.confirmNum', 0, 'Payment Info.confirm Num', '30012345', '30012345', '승인번호'],
	...(
		[
			['서울우유 1000ml', '1', '2,980', '2980', '2,980', '2980'],
			['신라면 5입', '2', '7,600', '7600', '3,950', '3950'],
			['바나나', '1', '4,480', '4480', '4,480', '4480'],
			['생수 2L*6', '1', '3,990', '3990', '3,990', '3990'],
		] as const
	).flatMap(([name, count, price, priceValue, unitPrice, unitPriceValue], i): FieldRow[] => {
		const path = `subResults[0].items[${i}]`;
		const label = `Sub Results[0].items[${i}]`;
		return [
			[`${path}.name`, 0, `${label}.name`, name, name, ''],
			// 13 digits in a row read as a registration number: the content rule masks any such run.
			[`${path}.code`, 0, `${label}.code`, '8800000******', '8800000******', ''],
			[`${path}.count`, 0, `${label}.count`, count, count, ''],
			[`${path}.price.price`, 0, `${label}.price.price`, price, priceValue, ''],
			[`${path}.price.unitPrice`, 0, `${label}.price.unit Price`, unitPrice, unitPriceValue, ''],
		];
	}),
	['subTotal[0].taxPrice', 0, 'Sub Total[0].tax Price', '1,759', '1759', '부가세'],
	['subTotal[0].discountPrice', 0, 'Sub Total[0].discount Price', '0', '0', '할인'],
	['subTotal[0].subTotalPrice', 0, 'Sub Total[0].sub Total Price', '19,350', '19350', '소계'],
	['totalPrice.price', 0, 'Total Price.price', '19,350', '19350', '합계'],
	['totalPrice.creditCardPrice', 0, 'Total Price.credit Card Price', '19,350', '19350', '카드결제'],
];

/** credit-card-success: the number (5412 7512 3412 3452) masked but its last four. */
const CREDIT_CARD_FIELDS: FieldRow[] = [
	['number', 0, 'Number', '**** **** **** 3452', '************3452', ''],
	['validThru', 0, 'Valid Thru', '12/28', '12/28', 'VALID THRU'],
	['name', 0, 'Name', 'HONG GILDONG', 'HONG GILDONG', ''],
	['company', 0, 'Company', '견본카드', '견본카드', ''],
];

/** name-card-success: the name read twice (Korean, English), phone numbers as their values. */
const NAME_CARD_FIELDS: FieldRow[] = [
	['name', 0, 'Name', '홍길동', '홍길동', ''],
	['name', 1, 'Name', 'Gildong Hong', 'Gildong Hong', ''],
	['company', 0, 'Company', '견본소프트 주식회사', '견본소프트 주식회사', ''],
	['department', 0, 'Department', '개발팀', '개발팀', ''],
	['position', 0, 'Position', '팀장', '팀장', ''],
	['rank', 0, 'Rank', '수석연구원', '수석연구원', ''],
	['email', 0, 'Email', 'gildong.hong@example.com', 'gildong.hong@example.com', 'E-mail'],
	['mobile', 0, 'Mobile', '010-1234-5678', '01012345678', 'M'],
	['address', 0, 'Address', '서울특별시 중구 견본로 12, 3층', '서울특별시 중구 견본로 12, 3층', ''],
	['landlineNumber', 0, 'Landline Number', '02-1234-5678', '0212345678', 'T'],
	['faxNumber', 0, 'Fax Number', '02-1234-5679', '0212345679', 'F'],
	['domainUrl', 0, 'Domain Url', 'www.example.com', 'www.example.com', ''],
];

const MRZ = [
	'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
	'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
] as const;

/**
 * passport-success (ICAO's Utopia specimen): dates as ISO, the personal number masked as a
 * registration number (its field's name says so: boundary/fieldRule.ts), the machine lines as
 * served.
 */
const PASSPORT_FIELDS: FieldRow[] = [
	['documentType', 0, 'Document Type', 'P', 'P', 'Type'],
	['issuingCountry', 0, 'Issuing Country', 'UTO', 'UTO', 'Code of Issuing State'],
	['num', 0, 'Passport Number', 'L898902C3', 'L898902C3', 'Passport No.'],
	['surName', 0, 'Surname', 'ERIKSSON', 'ERIKSSON', 'Surname'],
	['givenName', 0, 'Given Name', 'ANNA MARIA', 'ANNA MARIA', 'Given Names'],
	['nationality', 0, 'Nationality', 'UTOPIAN', 'UTO', 'Nationality'],
	['birthDate', 0, 'Date of Birth', '12 AUG 1974', '1974-08-12', 'Date of Birth'],
	['sex', 0, 'Sex', 'F', 'F', 'Sex'],
	['issueDate', 0, 'Issue Date', '16 APR 2007', '2007-04-16', 'Date of Issue'],
	['expireDate', 0, 'Expiry Date', '15 APR 2012', '2012-04-15', 'Date of Expiry'],
	// ZE184226B does not read as a number from its first position: no position shows, and Z is
	// one (OCR reads it for a 2).
	['personalNum', 0, 'Resident Registration Number', '*E*******', '*E*******', 'Personal No.'],
	['mrz', 0, 'Mrz', MRZ[0], MRZ[0], ''],
	['mrz', 1, 'Mrz', MRZ[1], MRZ[1], ''],
];

const MODEL_FIELDS: Record<Exclude<Product, 'businessRegistration'>, FieldRow[]> = {
	receipt: RECEIPT_FIELDS,
	creditCard: CREDIT_CARD_FIELDS,
	nameCard: NAME_CARD_FIELDS,
	passport: PASSPORT_FIELDS,
};

/** The columns of one answer's items but its ids (requestId and uid, one per call). */
function sourceColumns(c: ProductCase) {
	return {
		validationResult: 'NO_REQUESTED',
		validationMessage: null,
		estimatedLanguage: c.estimatedLanguage,
		pageIndex: null,
		pageWidth: null,
		pageHeight: null,
		imageName: imageNameOf(c),
	};
}

/** A field item of the other models: no checks on them (valid null), confidence and box served. */
function modelFieldItem(c: ProductCase, [field, index, label, text, value, keyText]: FieldRow) {
	const element = fixtureElement(c.scenario, c.resultKey, field, index);
	return {
		documentType: c.product,
		field,
		label,
		index,
		text,
		value,
		confidence: element.confidenceScore,
		isConfident: null,
		keyText,
		...sourceColumns(c),
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...boxOf(element),
	};
}

/** A document item: the node's columns, then one per field (values of a field on lines). */
function documentItem(c: ProductCase, columns: Record<string, unknown>) {
	return {
		documentType: c.product,
		idType: null,
		isConfident: null,
		cardX: null,
		cardY: null,
		cardWidth: null,
		cardHeight: null,
		...sourceColumns(c),
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...columns,
	};
}

/** The fields output of a product, but its ids. */
function expectedFields(c: ProductCase): Array<Record<string, unknown>> {
	if (c.product === 'businessRegistration')
		return BIZ_INDIVIDUAL_FIELDS.map((item) => ({ ...item, imageName: imageNameOf(c) }));
	return MODEL_FIELDS[c.product].map((row) => modelFieldItem(c, row));
}

/** The document output of a product, but its ids. */
function expectedDocument(c: ProductCase): Record<string, unknown> {
	switch (c.product) {
		case 'businessRegistration':
			return documentItem(c, {
				// the certificate's checks (check digit, dates, tax type) all hold
				valid: true,
				...Object.fromEntries(
					BIZ_INDIVIDUAL_ROWS.map(([field, , , value]) => [
						field === 'documentType' ? 'field_documentType' : field,
						value,
					]),
				),
				// empty arrays in the fixture: a column without a value
				coRepName: null,
				coRepSocialNum: null,
			});
		case 'receipt':
			return { ...RECEIPT_MISMATCH_DOCUMENT, imageName: imageNameOf(c) };
		case 'creditCard':
			return documentItem(c, {
				number: '************3452',
				validThru: '12/28',
				name: 'HONG GILDONG',
				company: '견본카드',
			});
		case 'nameCard':
			return documentItem(c, {
				name: '홍길동\nGildong Hong',
				company: '견본소프트 주식회사',
				department: '개발팀',
				position: '팀장',
				rank: '수석연구원',
				email: 'gildong.hong@example.com',
				mobile: '01012345678',
				address: '서울특별시 중구 견본로 12, 3층',
				landlineNumber: '0212345678',
				faxNumber: '0212345679',
				domainUrl: 'www.example.com',
			});
		case 'passport':
			return documentItem(c, {
				// the ID-card passport's column; no check computes it for this model
				expired: null,
				field_documentType: 'P',
				issuingCountry: 'UTO',
				num: 'L898902C3',
				surName: 'ERIKSSON',
				givenName: 'ANNA MARIA',
				nationality: 'UTO',
				birthDate: '1974-08-12',
				sex: 'F',
				issueDate: '2007-04-16',
				expireDate: '2012-04-15',
				personalNum: '*E*******',
				mrz: MRZ.join('\n'),
			});
	}
}

/** The run as JSON without the raw nodes' data (raw output is the service's answer as served). */
function runWithoutRaw(run: RawRun): string {
	const { runData } = run.data.resultData;
	const kept = Object.fromEntries(
		Object.entries(runData).filter(([name]) => !name.endsWith(' raw')),
	);
	expect(Object.keys(runData).length - Object.keys(kept).length).toBe(CASES.length);
	return JSON.stringify({
		...run,
		data: { ...run.data, resultData: { ...run.data.resultData, runData: kept } },
	});
}

describeReal('every output mode of the Document OCR products in n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let run: RawRun;

	const credentialOf = (c: ProductCase) =>
		clovaCredential(
			emulator.invokeUrls[c.product],
			SECRET,
			c.credentialId,
			`CLOVA OCR e2e (${c.product})`,
		);

	/** A folder of the user folder's files holding one scenario's image; its glob. */
	function inputFiles(name: string, image: { scenario: string; file: string }): string {
		const dir = join(ctx.folder.filesDir, name);
		mkdirSync(dir, { recursive: true });
		writeScenarioImage(dir, image.scenario, image.file);
		return `${dir}/*`;
	}

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		emulator.configure({ documentEdits: SPLIT_NUMBER_EDITS });
		ctx = await setUpN8n(line, { packages: [real!], credentials: CASES.map(credentialOf) });
		const vars: Record<string, string> = {
			WORKFLOW_ID: `e2eProducts${line}01`,
			SPLIT_FILES: inputFiles('split-number', SPLIT_NUMBER),
		};
		for (const c of CASES) {
			const credential = credentialOf(c);
			vars[`${c.placeholder}_FILES`] = inputFiles(c.product, c);
			vars[`${c.placeholder}_CREDENTIAL_ID`] = credential.id;
			vars[`${c.placeholder}_CREDENTIAL_NAME`] = credential.name;
		}
		run = await runWorkflow(ctx, loadWorkflow('clova-products-all-modes', vars));
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	it(`one call per CLOVA OCR node, each on its product's domain with its credential (n8n ${version})`, () => {
		const calls = emulator.requests.map((r) =>
			[r.product, r.scenario, r.imageName, r.secretOk, r.status].join(' | '),
		);
		const expected = [
			...CASES.flatMap((c) =>
				MODES.map(() => [c.product, c.scenario, imageNameOf(c), true, 200].join(' | ')),
			),
			['businessRegistration', SPLIT_NUMBER.scenario, imageNameOf(SPLIT_NUMBER), true, 200].join(
				' | ',
			),
		];
		expect(calls.sort()).toEqual(expected.sort());
	});

	for (const c of CASES) {
		it(`${c.node}: fields, document and raw output of ${c.scenario} (n8n ${version})`, () => {
			const fields = nodeOutput(run, `${c.node} fields`);
			const document = nodeOutput(run, `${c.node} document`);
			const ids = (json: Record<string, unknown>) => ({ requestId: json.requestId, uid: json.uid });
			expect(fields).toEqual(expectedFields(c).map((item) => ({ ...item, ...ids(fields[0]) })));
			expect(document).toEqual([{ ...expectedDocument(c), ...ids(document[0]) }]);
			expect(nodeOutput(run, `${c.node} raw`)).toEqual([
				{ ...fixtureImage(c.scenario), uid: expect.stringMatching(UID), name: imageNameOf(c) },
			]);

			// Each call has its own ids: the ones the node sent this product's domain.
			const sent = emulator.requests
				.filter((r) => r.imageName === imageNameOf(c))
				.map((r) => (r.message as { requestId: string }).requestId);
			expect(sent).toHaveLength(MODES.length);
			expect(sent).toEqual(expect.arrayContaining([fields[0].requestId, document[0].requestId]));
			expect(fields[0].requestId).not.toBe(document[0].requestId);
			expect([fields[0].uid, document[0].uid]).toEqual([
				expect.stringMatching(UID),
				expect.stringMatching(UID),
			]);
			for (const mode of MODES) {
				const withFiles = nodeItems(run, `${c.node} ${mode}`).filter(
					(item) => item.binary !== undefined || '_files' in item.json,
				);
				expect(withFiles).toEqual([]);
			}
		});
	}

	it(`a representative's number split across text and formatted.value shows no digit past the 7th (n8n ${version})`, () => {
		const [item, ...rest] = nodeOutput(run, 'Biz split number');
		expect(rest).toEqual([]);
		expect([
			item.documentType,
			item.imageName,
			item.socialNumber,
			item.coRepSocialNum,
			item.registerNumber,
			item.corpRegisterNum,
		]).toEqual([
			'businessRegistration',
			imageNameOf(SPLIT_NUMBER),
			// formatted.value `234560` alone: no position shown
			'******',
			'850315-2******',
			'201-86-12345',
			// a company's number, shown whole
			'110111-1234569',
		]);
	});

	it(`registration numbers and the card number never whole outside raw output (n8n ${version})`, () => {
		const outsideRaw = runWithoutRaw(run);
		// Raw output is the service's answer as it came: the numbers were served whole.
		const raw = JSON.stringify(CASES.map((c) => nodeOutput(run, `${c.node} raw`)));
		for (const served of ['850315-2345678', '5412 7512 3412 3452', '5412751234123452'])
			expect(raw).toContain(served);
		// The representatives' number 850315-2345678 (biz-individual; biz-success's
		// co-representative) whole, or its back half after the front or the dash (its digits
		// alone are in the business card's phone numbers, 010-1234-5678), and the split
		// number's back digits.
		for (const form of ['850315-2345678', '8503152345678', '-2345678', '52345678', '234560'])
			expect(outsideRaw).not.toContain(form);
		// The card number: its last four only.
		for (const front of ['5412 7512 3412', '541275123412', '5412 7512', '54127512', '3412 3452'])
			expect(outsideRaw).not.toContain(front);
	});
});

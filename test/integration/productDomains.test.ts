/**
 * One CLOVA OCR domain per product: the credential's connection test against every product's
 * domain of the emulator (a base URL probed with each Document OCR model's path in turn, a full
 * URL with its own), and ID-card workflows saved before the Resource parameter existed.
 */
import type { Emulator, Product } from '../../tools/clova-emulator';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	sampleFile,
	testCredential,
	type RunOptions,
} from './harness';
import { productPath, requestIdOf } from './harness/documentFixtures';

const SECRET = 'product-domains-secret-6a2d';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

const credentialTest = (invokeUrl: string, secretKey: string) =>
	testCredential('clovaOcrApi', { invokeUrl, secretKey });

/** The Document OCR paths a base URL is probed with, in the order the test tries them. */
const PROBE_ORDER: Array<[Product, string]> = [
	['idCard', '/document/id-card'],
	['businessRegistration', '/document/biz-license'],
	['receipt', '/document/receipt'],
	['creditCard', '/document/credit-card'],
	['nameCard', '/document/name-card'],
	['passport', '/document/passport'],
];
const PRODUCTS = PROBE_ORDER.map(([product]) => product);

const OK = {
	status: 'OK',
	message: 'Connection successful: CLOVA OCR accepted the Invoke URL and the Secret Key',
};
const SECRET_KEY_REJECTED = {
	status: 'Error',
	message:
		'CLOVA OCR rejected the Secret Key (error 0002). Copy the Secret Key generated for this domain in the NAVER Cloud console.',
};

/** Each request's path (below the domain's base), status and CLOVA error code. */
function probes(base: string) {
	const basePath = new URL(base).pathname;
	return emulator.requests.map(({ path, status, errorCode }) => [
		path.startsWith(basePath) ? path.slice(basePath.length) : path,
		status,
		errorCode,
	]);
}

/** The probes a base URL of `product`'s domain gets: 0001 for every path before its own. */
function expectedProbes(product: Product, ownAnswer: [number, string]) {
	const own = PRODUCTS.indexOf(product);
	return PROBE_ORDER.slice(0, own + 1).map(([, path], i) =>
		i < own ? [path, 400, '0001'] : [path, ...ownAnswer],
	);
}

describe('the credential test on each product domain', () => {
	test.each(PRODUCTS)(
		'%s, base URL: passes on its own path, after the ones before it',
		async (product) => {
			const base = emulator.invokeUrls[product];
			expect(await credentialTest(base, SECRET)).toEqual(OK);
			expect(probes(base)).toEqual(expectedProbes(product, [400, '0011']));
			// Each probe is an empty request with the secret: nothing recognized, nothing uploaded.
			expect(
				emulator.requests.map(({ method, secretOk, file }) => [method, secretOk, file]),
			).toEqual(emulator.requests.map(() => ['POST', true, null]));
			expect(emulator.requests.at(-1)?.path).toBe(productPath(emulator, product));
		},
	);

	test.each(PRODUCTS)('%s, full URL: one request, to its own path', async (product) => {
		const full = `${emulator.invokeUrls[product]}${PROBE_ORDER[PRODUCTS.indexOf(product)][1]}`;
		expect(await credentialTest(full, SECRET)).toEqual(OK);
		expect(
			emulator.requests.map(({ path, status, errorCode }) => [path, status, errorCode]),
		).toEqual([[productPath(emulator, product), 400, '0011']]);
	});

	test.each(PRODUCTS)('%s, base URL, wrong secret: the Secret Key message', async (product) => {
		const base = emulator.invokeUrls[product];
		expect(await credentialTest(base, 'not-the-secret')).toEqual(SECRET_KEY_REJECTED);
		// The path is checked before the secret: only the domain's own path answers 0002.
		expect(probes(base)).toEqual(expectedProbes(product, [401, '0002']));
	});

	test.each(PRODUCTS)('%s, full URL, wrong secret: the Secret Key message', async (product) => {
		const full = `${emulator.invokeUrls[product]}${PROBE_ORDER[PRODUCTS.indexOf(product)][1]}`;
		expect(await credentialTest(full, 'not-the-secret')).toEqual(SECRET_KEY_REJECTED);
		expect(
			emulator.requests.map(({ path, status, errorCode }) => [path, status, errorCode]),
		).toEqual([[productPath(emulator, product), 401, '0002']]);
	});

	test('the probe order on the passport domain: every Document OCR path, ID card first', async () => {
		const base = emulator.invokeUrls.passport;
		await credentialTest(base, SECRET);
		expect(emulator.requests.map(({ path }) => path)).toEqual(
			PROBE_ORDER.map(([, path]) => new URL(base).pathname + path),
		);
	});

	test('a base URL no domain serves: every path tried, the first answer (0001) decides', async () => {
		const base = `${emulator.url}/custom/v1/99999/nosuchkey`;
		expect(await credentialTest(base, SECRET)).toEqual({
			status: 'Error',
			message:
				'CLOVA OCR does not know this Invoke URL (error 0001). Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).',
		});
		expect(probes(base)).toEqual(PROBE_ORDER.map(([, path]) => [path, 400, '0001']));
	});

	test("a full URL of a product on another product's domain fails with 0001, probing nothing else", async () => {
		const url = `${emulator.invokeUrls.receipt}/document/biz-license`;
		expect(await credentialTest(url, SECRET)).toEqual({
			status: 'Error',
			message:
				'CLOVA OCR does not know this Invoke URL (error 0001). Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).',
		});
		expect(probes(emulator.invokeUrls.receipt)).toEqual([['/document/biz-license', 400, '0001']]);
	});
});

describe('ID-card workflows saved without a resource parameter', () => {
	function run(parameters: RunOptions['parameters']) {
		return runClovaNode({
			parameters,
			items: [sampleItem],
			credentials: { invokeUrl: emulator.invokeUrls.idCard, secretKey: SECRET },
		});
	}
	let sampleItem: Awaited<ReturnType<typeof binaryItem>>;
	beforeEach(async () => {
		sampleItem = await binaryItem(sampleFile('jpg'), 'id.jpg');
	});

	const IC_FIELDS = [
		['name', '홍**', '홍**'],
		['personalNum', '800***-2******', '800***-2******'],
		['address', '서울특별시 ***', '서울특별시 ***'],
		['issueDate', '2020.08.16', '2020-08-16'],
		['authority', '서울특별시 **구청장 **', '서울특별시 **구청장'],
	];

	test('no resource, no operation: Recognize ID Card, as before', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map(({ path }) => path)).toEqual([productPath(emulator, 'idCard')]);
		expect(result.items.map(({ json }) => [json.field, json.text, json.value])).toEqual(IC_FIELDS);
		expect(result.items[0].json).toEqual({
			documentType: 'idCard',
			field: 'name',
			label: 'Name',
			index: 0,
			text: '홍**',
			value: '홍**',
			confidence: 0,
			isConfident: true,
			keyText: '',
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: 'ko',
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			x: 72.2125,
			y: 116.6,
			width: 295.475,
			height: 49.025000000000006,
			imageName: 'id.jpg',
			requestId: requestIdOf(emulator),
			uid: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
	});

	test.each([
		['recognizeIdCard', 'fields', 'ic-success', 'idCard', 5],
		['recognizeDriverLicense', 'fields', 'dl-success', 'driverLicense', 12],
		['recognizeDriverLicense', 'document', 'dl-success', 'driverLicense', 1],
		['recognizeAnyId', 'fields', 'pp-success', 'passport', 8],
		['recognizeAnyId', 'document', 'ac-success', 'alienRegistrationCard', 1],
	] as const)(
		'operation %s, %s output, without resource: the same items as with resource idCard',
		async (operation, output, scenario, documentType, count) => {
			const outputs = [];
			for (const parameters of [
				{ operation, output },
				{ resource: 'idCard', operation, output },
			]) {
				emulator.reset();
				emulator.setScenario(scenario);
				const result = await run(parameters);
				expect(result.error).toBeUndefined();
				expect(emulator.requests.map(({ path }) => path)).toEqual([
					productPath(emulator, 'idCard'),
				]);
				const requestId = requestIdOf(emulator);
				outputs.push(
					result.items.map(({ json }) => {
						expect(json.requestId).toBe(requestId);
						const rest = { ...json };
						delete rest.requestId;
						delete rest.uid;
						return rest;
					}),
				);
			}
			const [without, withResource] = outputs;
			expect(without).toHaveLength(count);
			expect(new Set(without.map((json) => json.documentType))).toEqual(new Set([documentType]));
			expect(without).toEqual(withResource);
		},
	);
});

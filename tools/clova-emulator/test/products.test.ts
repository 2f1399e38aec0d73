/** One domain per product: routing, the error table on every domain, scenarios per product, the cap per domain. */
import { startEmulator } from '../emulator';
import { DOCUMENT_PRODUCTS, PRODUCT_INFO, PRODUCTS, type Product } from '../products';
import { PRODUCT_SCENARIOS } from '../scenarios';
import {
	endpoint,
	errorBody,
	holdSlots,
	jsonMessage,
	pngWith,
	postJson,
	productEndpoint,
	SECRET,
	SIGNATURES,
	useEmulator,
	waitFor,
	type HttpResult,
} from './test-support';

const emulator = useEmulator();
const file = pngWith('products');

/** The key of images[0] that tells each product's answer: the model key, General's words, Template's match. */
const MODEL_KEYS: Record<Product, string> = {
	idCard: 'idCard',
	businessRegistration: 'bizLicense',
	receipt: 'receipt',
	creditCard: 'creditCard',
	nameCard: 'nameCard',
	passport: 'passport',
	general: 'fields',
	template: 'matchedTemplate',
};

const OTHER_PRODUCTS = PRODUCTS.filter((product) => product !== 'idCard');
/** The Document OCR models other than the ID card. */
const OTHER_MODELS = DOCUMENT_PRODUCTS.filter((product) => product !== 'idCard');

function post(product: Product, body: unknown = jsonMessage(file), secret?: string | null) {
	return postJson(emulator(), body, {
		url: productEndpoint(emulator(), product),
		...(secret === undefined ? {} : { secret }),
	});
}

/** The pending queue, as the control API reports it. */
async function queued(): Promise<string[]> {
	const response = await fetch(`${emulator().url}/__emulator/stats`);
	return ((await response.json()) as { scenario: { queue: string[] } }).scenario.queue;
}

/** The model key of images[0], or the inferResult of a failed reading. */
function answerKind(result: HttpResult): string {
	const image =
		(
			JSON.parse(result.text.replace(/\},(\s*\])/g, '}$1')) as {
				images: Array<Record<string, unknown>>;
			}
		).images[0] ?? {};
	const model = Object.keys(image).find((key) =>
		(Object.values(MODEL_KEYS) as string[]).includes(key),
	);
	return model ?? String(image['inferResult']);
}

describe('one domain per product', () => {
	it('exposes every product’s Invoke URL, with distinct domain ids; the ID card’s is invokeUrl', () => {
		const urls = emulator().invokeUrls;
		expect(Object.keys(urls)).toEqual([...PRODUCTS]);
		expect(urls.idCard).toBe(emulator().invokeUrl);
		expect(urls).toEqual({
			idCard: `${emulator().url}/custom/v1/12345/emulatorinvokekey`,
			businessRegistration: `${emulator().url}/custom/v1/12346/emulatorinvokekey`,
			receipt: `${emulator().url}/custom/v1/12347/emulatorinvokekey`,
			creditCard: `${emulator().url}/custom/v1/12348/emulatorinvokekey`,
			nameCard: `${emulator().url}/custom/v1/12349/emulatorinvokekey`,
			passport: `${emulator().url}/custom/v1/12350/emulatorinvokekey`,
			general: `${emulator().url}/custom/v1/12351/emulatorinvokekey`,
			template: `${emulator().url}/custom/v1/12352/emulatorinvokekey`,
		});
		expect(emulator().domains.receipt).toEqual({
			product: 'receipt',
			domainId: '12347',
			invokeUrl: urls.receipt,
			endpointPath: '/custom/v1/12347/emulatorinvokekey/document/receipt',
			secretKey: SECRET,
		});
	});

	it.each(PRODUCTS)('%s: its path on its domain answers its success scenario', async (product) => {
		const result = await post(product);
		expect(result.status).toBe(200);
		expect(answerKind(result)).toBe(MODEL_KEYS[product]);
		expect(emulator().requests[0]).toMatchObject({
			product,
			scenario: PRODUCT_INFO[product].successScenario,
			scenarioSource: 'default',
		});
	});

	it('answers every product path on every other domain with 400 / 0001, the path in the body', async () => {
		for (const domain of PRODUCTS) {
			for (const product of PRODUCTS) {
				if (product === domain) continue;
				const url = emulator().invokeUrls[domain] + PRODUCT_INFO[product].path;
				const result = await postJson(emulator(), jsonMessage(file), { url });
				expect([domain, product, result.status]).toEqual([domain, product, 400]);
				expect(errorBody(result)).toMatchObject({
					code: '0001',
					message: 'URL is invalid.',
					path: new URL(url).pathname,
				});
			}
		}
		expect(emulator().requests.every((record) => record.product === null)).toBe(true);
		expect(emulator().stats.byErrorCode).toEqual({
			'0001': PRODUCTS.length * (PRODUCTS.length - 1),
		});
	});

	it('logs the product path, and no invoke key or domain id', async () => {
		const lines: string[] = [];
		const logged = await startEmulator({ secretKey: SECRET, logger: (line) => lines.push(line) });
		try {
			await postJson(logged, jsonMessage(file), { url: productEndpoint(logged, 'receipt') });
			await postJson(logged, jsonMessage(file), {
				url: `${logged.invokeUrls.receipt}/document/id-card`,
			});
		} finally {
			await logged.close();
		}
		expect(lines.map((line) => line.replace(/\(\d+ ms\)/, '(N ms)'))).toEqual([
			'POST /document/receipt -> 200 receipt-success (N ms)',
			'POST (other path) -> 400 0001 (N ms)',
		]);
		expect(lines.join('\n')).not.toMatch(/1234[5-9]|12350|emulatorinvokekey/);
	});
});

describe('the error table answers the same on every domain', () => {
	async function codes(product: Product): Promise<Array<[number, string, string]>> {
		const answers: HttpResult[] = [];
		answers.push(await post(product, jsonMessage(file), 'wrong-secret'));
		answers.push(await post(product, '{not json'));
		for (const scenario of ['quota', 'rate-limit', 'server-error', 'ocr-error'] as const) {
			emulator().enqueue(scenario);
			answers.push(await post(product));
		}
		const get = await fetch(productEndpoint(emulator(), product), {
			headers: { 'X-OCR-SECRET': SECRET },
		});
		answers.push({ status: get.status, headers: {}, text: await get.text(), elapsedMs: 0 });
		return answers.map((answer) => {
			const body = errorBody(answer);
			const path = answer.status === 400 && body.code === '0001' ? body.path : body.path;
			expect(path).toBe(new URL(productEndpoint(emulator(), product)).pathname);
			return [answer.status, body.code, body.message];
		});
	}

	it('0001, 0002, 0011, 0023, 0025, 0500, 0501', async () => {
		const idCard = await codes('idCard');
		expect(idCard).toEqual([
			[401, '0002', 'Secret key validate failed.'],
			[400, '0011', 'Request body invalid.'],
			[400, '0023', 'API request count reach the upper limit.'],
			[400, '0025', 'Calls to this api have exceeded the rate limit.'],
			[500, '0500', 'Unknown service error.'],
			[500, '0501', 'OCR service error.'],
			[400, '0001', 'URL is invalid.'],
		]);
		for (const product of OTHER_PRODUCTS)
			expect([product, await codes(product)]).toEqual([product, idCard]);
	});
});

describe('a secret of its own per domain', () => {
	const separate = useEmulator({ domains: { receipt: { secretKey: 'receipt-only' } } });

	it('the receipt domain takes its own secret only; the others the shared one', async () => {
		const receipt = productEndpoint(separate(), 'receipt');
		const shared = await postJson(separate(), jsonMessage(file), { url: receipt });
		const own = await postJson(separate(), jsonMessage(file), {
			url: receipt,
			secret: 'receipt-only',
		});
		const elsewhere = await postJson(separate(), jsonMessage(file), {
			url: productEndpoint(separate(), 'nameCard'),
			secret: 'receipt-only',
		});
		expect([shared.status, own.status, elsewhere.status]).toEqual([401, 200, 401]);
		expect(separate().domains.receipt.secretKey).toBe('receipt-only');
		expect(separate().secretKey).toBe(SECRET);
	});
});

describe('domain options', () => {
	it('takes per-product domain ids, invoke keys and base paths', async () => {
		const custom = await startEmulator({
			domainId: '1',
			invokeKey: 'k',
			domains: { businessRegistration: { domainId: '2' }, passport: { basePath: '/gw/pp' } },
		});
		try {
			expect(custom.invokeUrls).toMatchObject({
				idCard: `${custom.url}/custom/v1/1/k`,
				businessRegistration: `${custom.url}/custom/v1/2/k`,
				receipt: `${custom.url}/custom/v1/12347/k`,
				passport: `${custom.url}/gw/pp`,
			});
			const answer = await postJson(custom, jsonMessage(file), {
				url: `${custom.url}/gw/pp/document/passport`,
				secret: 'emulator-secret',
			});
			expect(answer.status).toBe(200);
		} finally {
			await custom.close();
		}
	});

	it.each([
		[{ domainId: '12346' }, 'domains: businessRegistration and idCard share the base path'],
		[{ domains: { receipt: { domainId: '12348' } } }, 'domains: creditCard and receipt share'],
		[{ domains: { idCard: {} } }, 'domains: unknown product idCard'],
		[{ domains: { vision: {} } }, 'domains: unknown product vision'],
		[{ domains: { receipt: { basePath: 'x/' } } }, 'domains.receipt.basePath: starts with "/"'],
		[{ domains: { receipt: { secretKey: '' } } }, 'domains.receipt.secretKey: must not be empty'],
	])('rejects %j', async (options, message) => {
		await expect(startEmulator(options as Parameters<typeof startEmulator>[0])).rejects.toThrow(
			message,
		);
	});
});

describe('scenarios per product', () => {
	it('names each product’s scenarios', () => {
		expect(PRODUCT_SCENARIOS).toMatchObject({
			businessRegistration: ['biz-success', 'biz-individual', 'biz-failure', 'biz-specimen'],
			receipt: ['receipt-success', 'receipt-mismatch', 'receipt-failure', 'receipt-specimen'],
			creditCard: ['credit-card-success', 'credit-card-failure'],
			nameCard: ['name-card-success', 'name-card-failure'],
			passport: ['passport-success', 'passport-failure'],
			general: [
				'general-success',
				'general-contract',
				'general-contract-page1',
				'general-contract-page2',
				'general-contract-page3',
				'general-failure',
			],
			template: ['template-success', 'template-not-matched', 'template-not-matched-error'],
		});
	});

	it.each([...OTHER_MODELS, 'general'] as const)(
		'%s: its failure is the failure example with inferResult FAILURE',
		async (product) => {
			emulator().setScenario(PRODUCT_INFO[product].failureScenario);
			const answer = JSON.parse((await post(product)).text) as {
				images: Array<Record<string, unknown>>;
			};
			expect(answer.images[0]).toMatchObject({
				inferResult: 'FAILURE',
				message: 'Read page:0 error.',
				validationResult: { result: 'NO_REQUESTED' },
			});
			expect(Object.keys(answer.images[0] ?? {})).toEqual([
				'uid',
				'name',
				'inferResult',
				'message',
				'validationResult',
			]);
		},
	);

	it('a setScenario of another product is passed over; a fault applies everywhere', async () => {
		emulator().setScenario('ic-failure');
		expect(answerKind(await post('businessRegistration'))).toBe('bizLicense');
		expect(answerKind(await post('idCard'))).toBe('ERROR');
		emulator().setScenario('biz-individual');
		expect((await post('businessRegistration')).text).toContain('"text": "(일반과세자)"');
		expect(answerKind(await post('idCard'))).toBe('idCard');
		emulator().setScenario('quota');
		const codes = await Promise.all(
			PRODUCTS.map(async (product) => errorBody(await post(product)).code),
		);
		expect(codes).toEqual(PRODUCTS.map(() => '0023'));
		expect(emulator().requests.map((record) => record.scenarioSource)).toEqual([
			'default',
			'override',
			'override',
			'default',
			...PRODUCTS.map(() => 'override'),
		]);
	});

	it('a queued scenario goes to the first request on a domain it applies to', async () => {
		emulator().enqueue('biz-individual', 'dl-success', 'server-error');
		// The receipt domain takes the fault (any domain's), and leaves the other two waiting.
		expect(errorBody(await post('receipt')).code).toBe('0500');
		expect(await queued()).toEqual(['biz-individual', 'dl-success']);
		expect(answerKind(await post('passport'))).toBe('passport');
		expect((await post('idCard')).text).toContain('"idtype": "Driver\'s License"');
		expect((await post('businessRegistration')).text).toContain('"text": "(일반과세자)"');
		expect((await post('businessRegistration')).text).toContain('"text": "(법인사업자)"');
		expect(emulator().requests.map((record) => [record.scenario, record.scenarioSource])).toEqual([
			['server-error', 'queue'],
			['passport-success', 'default'],
			['dl-success', 'queue'],
			['biz-individual', 'queue'],
			['biz-success', 'default'],
		]);
	});

	it('defaultScenario applies on its product’s domains; the others answer their success', async () => {
		emulator().configure({ defaultScenario: 'dl-success' });
		expect((await post('idCard')).text).toContain('"idtype": "Driver\'s License"');
		expect(emulator().requests[0]?.scenario).toBe('dl-success');
		expect((await post('businessRegistration')).text).toContain('"text": "(법인사업자)"');
		emulator().configure({ defaultScenario: 'receipt-mismatch' });
		expect((await post('receipt')).text).toContain('"text": "7,600"');
		expect((await post('idCard')).text).toContain('"idtype": "ID Card"');
		expect(emulator().requests.map((record) => record.scenario)).toEqual([
			'dl-success',
			'biz-success',
			'receipt-mismatch',
			'ic-success',
		]);
	});

	it('another product’s document named by the image or the file reads as this product’s failure', async () => {
		const byName = await post(
			'businessRegistration',
			jsonMessage(file, { name: 'card [scenario=ic-success].png' }),
		);
		expect(answerKind(byName)).toBe('FAILURE');
		expect(emulator().requests[0]).toMatchObject({
			scenario: 'biz-failure',
			scenarioSource: 'image-name',
		});
		const byMarker = await post(
			'idCard',
			jsonMessage(pngWith('CLOVA-EMULATOR:scenario=receipt-specimen')),
		);
		expect(answerKind(byMarker)).toBe('ERROR');
		expect(emulator().requests[1]).toMatchObject({
			scenario: 'ic-failure',
			scenarioSource: 'file-marker',
		});
		const own = await post(
			'receipt',
			jsonMessage(pngWith('CLOVA-EMULATOR:scenario=receipt-mismatch')),
		);
		expect(own.text).toContain('"text": "7,600"');
	});

	it('slow and truncated carry the domain’s own document', async () => {
		emulator().configure({ slowMs: 10 });
		emulator().enqueue('slow', 'slow');
		expect(answerKind(await post('nameCard'))).toBe('nameCard');
		emulator().configure({ defaultScenario: 'biz-individual' });
		expect((await post('businessRegistration')).text).toContain('"text": "(일반과세자)"');
	});

	it('adds convertedImageInfo for a PDF on any product, not for a failure', async () => {
		const pdf = Buffer.concat([SIGNATURES.pdf, Buffer.from('x')]);
		const parsed = async (product: Product) =>
			JSON.parse((await post(product, jsonMessage(pdf, { format: 'pdf' }))).text) as {
				images: Array<Record<string, unknown>>;
			};
		for (const product of OTHER_MODELS) {
			const image = (await parsed(product)).images[0] ?? {};
			expect([product, image['convertedImageInfo']]).toEqual([
				product,
				{ width: 760, height: 480, pageIndex: 0 },
			]);
		}
		emulator().setScenario('receipt-failure');
		expect((await parsed('receipt')).images[0]).not.toHaveProperty('convertedImageInfo');
	});

	it('rejects unknown names, accepts every product’s', () => {
		expect(() => emulator().setScenario('biz-nope' as never)).toThrow('unknown scenario biz-nope');
		for (const names of Object.values(PRODUCT_SCENARIOS))
			for (const name of names) expect(() => emulator().enqueue(name)).not.toThrow();
	});
});

describe('the concurrency cap is per domain', () => {
	it('a full ID-card domain refuses with 0025 while the business domain admits, and the reverse', async () => {
		emulator().configure({ concurrencyCap: 1, latencyMs: 60_000 });
		const idCard = await holdSlots(emulator(), 1, 'idCard');
		const business = await holdSlots(emulator(), 1, 'businessRegistration');
		expect(emulator().stats.inFlight).toBe(2);

		const refusedIdCard = await postJson(emulator(), jsonMessage(file), {
			url: endpoint(emulator()),
		});
		const refusedBusiness = await post('businessRegistration');
		expect([refusedIdCard.status, errorBody(refusedIdCard).code]).toEqual([400, '0025']);
		expect([refusedBusiness.status, errorBody(refusedBusiness).code]).toEqual([400, '0025']);

		emulator().configure({ latencyMs: 0 });
		const receipt = await post('receipt');
		expect(receipt.status).toBe(200);

		await idCard.release();
		expect((await post('idCard')).status).toBe(200);
		const stillFull = await post('businessRegistration');
		expect(errorBody(stillFull).code).toBe('0025');
		await business.release();
		expect((await post('businessRegistration')).status).toBe(200);
		await waitFor(() => emulator().stats.inFlight === 0);
		expect(emulator().stats.byErrorCode).toEqual({ '0025': 3 });
	});
});

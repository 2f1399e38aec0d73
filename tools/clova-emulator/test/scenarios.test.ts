import type { ScenarioName } from '../scenarios';
import {
	errorBody,
	expectedDocumentText,
	fixtureText,
	jsonMessage,
	pngWith,
	postFormData,
	postJson,
	useEmulator,
	type HttpResult,
} from './test-support';

const emulator = useEmulator();

const DOCUMENTS: Array<[ScenarioName, string]> = [
	['ic-success', 'ic-success.ko.json'],
	['ic-success-en', 'ic-success.en.json'],
	['dl-success', 'dl-success.ko.json'],
	['pp-success', 'pp-success.synthetic.json'],
	['ac-success', 'ac-success.synthetic.json'],
	['infer-error', 'ic-failure.ko.json'],
	['ic-failure', 'ic-failure.ko.json'],
	['dl-failure', 'dl-failure.ko.json'],
];

function idtypeOf(result: HttpResult): string | null {
	return /"idtype": "([^"]*)"/.exec(result.text)?.[1] ?? null;
}

function inferResultOf(result: HttpResult): string | null {
	return /"inferResult": "([^"]*)"/.exec(result.text)?.[1] ?? null;
}

describe('documents on the wire', () => {
	it.each(DOCUMENTS)('%s answers %s byte for byte, personalized', async (scenario, fixture) => {
		emulator().setScenario(scenario);
		const before = Date.now();
		const result = await postJson(
			emulator(),
			jsonMessage(pngWith('x'), { name: 'scan-01.png' }, { requestId: 'req-42' }),
		);
		const after = Date.now();

		expect(result.status).toBe(200);
		expect(result.headers['content-type']).toBe('application/json;charset=UTF-8');
		const expected = expectedDocumentText(fixture, result.text, {
			requestId: 'req-42',
			imageName: 'scan-01.png',
		});
		expect(result.text).toBe(expected.text);
		expect(expected.timestamp).toBeGreaterThanOrEqual(before);
		expect(expected.timestamp).toBeLessThanOrEqual(after);
		expect(Number(result.headers['content-length'])).toBe(Buffer.byteLength(result.text));
	});

	it('infer-failure is the ERROR example with inferResult FAILURE', async () => {
		emulator().setScenario('infer-failure');
		const result = await postJson(
			emulator(),
			jsonMessage(pngWith('x'), { name: 'n' }, { requestId: 'r' }),
		);
		const errorVersion = expectedDocumentText('ic-failure.ko.json', result.text, {
			requestId: 'r',
			imageName: 'n',
		});
		expect(result.text).toBe(
			errorVersion.text.replace('"inferResult": "ERROR"', '"inferResult": "FAILURE"'),
		);
		expect(JSON.parse(result.text)).toMatchObject({
			images: [{ inferResult: 'FAILURE', message: 'Read page:0 error.' }],
		});
	});

	it('keeps the resident-card quirks: trailing comma, idtype, masked values', async () => {
		const result = await postJson(emulator(), jsonMessage(pngWith('x')));
		expect(result.text).toContain(
			'                                    },\n                                ],\n',
		);
		expect(() => JSON.parse(result.text)).toThrow(SyntaxError);
		expect(result.text).toContain('"idtype": "ID Card"');
		expect(result.text).not.toContain('"idType"');
		expect(result.text).toContain('"text": "800***-234****"');
		expect(result.text).toContain('"confidenceScore": 0.0,');
	});

	it("keeps the driver's-license quirks: 2029 12.31 and the authority mismatch", async () => {
		emulator().setScenario('dl-success');
		const result = await postJson(emulator(), jsonMessage(pngWith('x')));
		expect(result.text).toContain('"text": "2029 12.31"');
		expect(result.text).toContain('"idtype": "Driver\'s License"');
		const parsed = JSON.parse(result.text) as {
			images: Array<{
				idCard: {
					result: { dl: { authority: Array<{ text: string; formatted: { value: string } }> } };
				};
			}>;
		};
		const authority = parsed.images[0]?.idCard.result.dl.authority[0];
		expect([authority?.text, authority?.formatted.value]).toEqual([
			'서울지방경찰청',
			'서울지방경찰청장',
		]);
	});

	it('escapes requestId and image name as JSON strings, literally', async () => {
		emulator().setScenario('pp-success');
		const requestId = 'a"b\\c $& $1 \u2028';
		const name = '여권 "front" $`.png';
		const result = await postJson(emulator(), jsonMessage(pngWith('x'), { name }, { requestId }));
		const parsed = JSON.parse(result.text) as {
			requestId: string;
			images: Array<{ name: string; uid: string }>;
		};
		expect(parsed.requestId).toBe(requestId);
		expect(parsed.images[0]?.name).toBe(name);
	});

	it('gives every answer a fresh 32-hex uid', async () => {
		const first = await postJson(emulator(), jsonMessage(pngWith('x')));
		const second = await postJson(emulator(), jsonMessage(pngWith('x')));
		const uid = (result: HttpResult) => /"uid": "([^"]*)"/.exec(result.text)?.[1];
		expect(uid(first)).toMatch(/^[0-9a-f]{32}$/);
		expect(uid(second)).toMatch(/^[0-9a-f]{32}$/);
		expect(uid(first)).not.toBe(uid(second));
	});

	it.each([
		[
			'pp-success',
			'Passport',
			'pp',
			['surName', 'givenName', 'birthDate', 'sex', 'num', 'issueDate', 'expireDate', 'nationality'],
		],
		[
			'ac-success',
			'Alien Registration Card',
			'ac',
			['alienRegNum', 'name', 'issueDate', 'nationality', 'visaType'],
		],
	] as const)(
		'%s has the documented shape with idtype %s',
		async (scenario, idtype, key, fields) => {
			emulator().setScenario(scenario);
			const result = await postJson(emulator(), jsonMessage(pngWith('x')));
			const parsed = JSON.parse(result.text) as {
				images: Array<{ inferResult: string; idCard: { result: Record<string, unknown> } }>;
			};
			const documentResult = parsed.images[0]?.idCard.result ?? {};
			expect(documentResult['idtype']).toBe(idtype);
			const document = documentResult[key] as Record<string, Array<Record<string, unknown>>>;
			expect(Object.keys(document)).toEqual([...fields]);
			for (const field of fields) {
				const entries = document[field] ?? [];
				expect(entries).toHaveLength(1);
				expect(Object.keys(entries[0] ?? {})).toEqual([
					'text',
					'formatted',
					'keyText',
					'confidenceScore',
					'boundingPolys',
					'maskingPolys',
				]);
			}
			expect(fixtureText(`${scenario}.synthetic.json`)).toContain('*');
		},
	);
});

describe('scenario precedence', () => {
	const markedFile = pngWith('....CLOVA-EMULATOR:scenario=pp-success....');

	async function idtypeFor(name: string, file = pngWith('plain')): Promise<string | null> {
		return idtypeOf(await postJson(emulator(), jsonMessage(file, { name })));
	}

	it('(4) falls back to the configured default', async () => {
		expect(await idtypeFor('plain.png')).toBe('ID Card');
		emulator().configure({ defaultScenario: 'dl-success' });
		expect(await idtypeFor('plain.png')).toBe("Driver's License");
		expect(emulator().requests.map((record) => record.scenarioSource)).toEqual([
			'default',
			'default',
		]);
	});

	it('(3) a marker in the file bytes beats the default', async () => {
		expect(await idtypeFor('plain.png', markedFile)).toBe('Passport');
		expect(emulator().requests[0]).toMatchObject({
			scenario: 'pp-success',
			scenarioSource: 'file-marker',
		});
	});

	it('(3) the marker also works in multipart uploads', async () => {
		const message = {
			version: 'V2',
			requestId: 'r',
			timestamp: 1,
			images: [{ format: 'png', name: 'plain.png' }],
		};
		expect(idtypeOf(await postFormData(emulator(), message, markedFile))).toBe('Passport');
	});

	it('(2) a directive in the image name beats the file marker', async () => {
		expect(await idtypeFor('card [scenario=ac-success].png', markedFile)).toBe(
			'Alien Registration Card',
		);
		expect(emulator().requests[0]).toMatchObject({
			scenario: 'ac-success',
			scenarioSource: 'image-name',
		});
	});

	it('ignores unknown names in directives and markers', async () => {
		const file = pngWith('CLOVA-EMULATOR:scenario=nope CLOVA-EMULATOR:scenario=dl-success');
		expect(await idtypeFor('[scenario=bogus] x.png', file)).toBe("Driver's License");
		expect(
			await idtypeFor('[scenario=bogus] x.png', pngWith('CLOVA-EMULATOR:scenario=bogus')),
		).toBe('ID Card');
	});

	it('(1) setScenario beats the name directive, until cleared', async () => {
		emulator().setScenario('dl-success');
		expect(await idtypeFor('card [scenario=ac-success].png', markedFile)).toBe("Driver's License");
		expect(emulator().requests[0]?.scenarioSource).toBe('override');
		emulator().setScenario(null);
		expect(await idtypeFor('card [scenario=ac-success].png')).toBe('Alien Registration Card');
	});

	it('(1) queued scenarios come first, one per valid request, then setScenario applies', async () => {
		emulator().setScenario('dl-success');
		emulator().enqueue('ic-failure', 'pp-success');
		const first = await postJson(
			emulator(),
			jsonMessage(pngWith('x'), { name: '[scenario=ac-success]' }),
		);
		const invalid = await postJson(emulator(), jsonMessage(pngWith('x'), { format: 'gif' }));
		const second = await postJson(emulator(), jsonMessage(pngWith('x')));
		const third = await postJson(emulator(), jsonMessage(pngWith('x')));

		expect(inferResultOf(first)).toBe('ERROR');
		expect(errorBody(invalid).code).toBe('0011');
		expect(idtypeOf(second)).toBe('Passport');
		expect(idtypeOf(third)).toBe("Driver's License");
		expect(emulator().requests.map((record) => record.scenarioSource)).toEqual([
			'queue',
			null,
			'queue',
			'override',
		]);
	});

	it('reset() clears the queue and the override', async () => {
		emulator().setScenario('dl-success');
		emulator().enqueue('pp-success');
		emulator().reset();
		expect(await idtypeFor('x.png')).toBe('ID Card');
	});

	it('rejects unknown scenario names from code', () => {
		expect(() => emulator().setScenario('nope' as ScenarioName)).toThrow('unknown scenario nope');
		expect(() => emulator().enqueue('ic-success', 'nope' as ScenarioName)).toThrow(
			'unknown scenario nope',
		);
		expect(() => emulator().configure({ defaultScenario: 'nope' as ScenarioName })).toThrow(
			'defaultScenario: unknown scenario nope',
		);
	});
});

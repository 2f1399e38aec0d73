import type { ScenarioName } from '../scenarios';
import {
	expectedDocumentText,
	jsonMessage,
	pngWith,
	postJson,
	SIGNATURES,
	useEmulator,
} from './test-support';

const emulator = useEmulator();

interface Answer {
	images: Array<{
		inferResult?: string;
		validationResult?: { result?: string; message?: string };
		convertedImageInfo?: { width: number; height: number; pageIndex: number };
		idCard?: {
			meta?: { estimatedLanguage?: string };
			result?: { rois?: unknown; ic?: Record<string, Array<Record<string, unknown>>> };
		};
	}>;
}

/** The answer as JSON: the trailing comma of the resident-card example removed first. */
function parse(text: string): Answer {
	return JSON.parse(text.replace(/\},(\s*\])/g, '}$1')) as Answer;
}

async function answer(scenario: ScenarioName, format = 'png', file = pngWith('x')) {
	emulator().setScenario(scenario);
	const result = await postJson(emulator(), jsonMessage(file, { format, name: 'card' }));
	expect(result.status).toBe(200);
	return result.text;
}

describe('validationResult: every documented value', () => {
	test.each([
		['ic-success', { result: 'NO_REQUESTED' }],
		['ic-valid', { result: 'VALID' }],
		['ic-invalid', { result: 'INVALID', message: 'The ID card did not pass the validity check.' }],
		['ic-unchecked', { result: 'UNCHECKED' }],
		['ic-validation-error', { result: 'ERROR', message: 'The validity check could not be run.' }],
	] as const)('%s → %o', async (scenario, validationResult) => {
		const text = await answer(scenario);
		expect(parse(text).images[0].validationResult).toEqual(validationResult);
		// Nothing else of the example changes.
		const example = expectedDocumentText('ic-success.ko.json', text, {
			requestId: 'req-0001',
			imageName: 'card',
		}).text;
		const withoutVerdict = (body: string) =>
			body.replace(/"validationResult": \{[^}]*\}/, '"validationResult": {}');
		expect(withoutVerdict(text)).toBe(withoutVerdict(example));
	});
});

describe('convertedImageInfo: sent for PDF and TIFF, as the table says', () => {
	test.each([
		['pdf', SIGNATURES.pdf],
		['tif', SIGNATURES.tiffLittle],
		['tiff', SIGNATURES.tiffBig],
	] as const)('%s', async (format, signature) => {
		const text = await answer('ic-invalid', format, Buffer.concat([signature, Buffer.from('x')]));
		const [image] = parse(text).images;
		expect(image.convertedImageInfo).toEqual({ width: 760, height: 480, pageIndex: 0 });
		expect(Object.keys(image).slice(4, 6)).toEqual(['validationResult', 'convertedImageInfo']);
	});

	test.each(['png', 'jpg'])('not for %s', async (format) => {
		const file =
			format === 'png' ? pngWith('x') : Buffer.concat([SIGNATURES.jpg, Buffer.from('x')]);
		expect(parse(await answer('dl-success', format, file)).images[0].convertedImageInfo).toBe(
			undefined,
		);
	});

	test('not on a failed reading (no idCard)', async () => {
		const file = Buffer.concat([SIGNATURES.pdf, Buffer.from('x')]);
		expect(parse(await answer('ic-failure', 'pdf', file)).images[0]).not.toHaveProperty(
			'convertedImageInfo',
		);
	});
});

test('ic-language-en: the English example with estimatedLanguage en', async () => {
	const [image] = parse(await answer('ic-language-en')).images;
	expect(image.idCard?.meta).toEqual({ estimatedLanguage: 'en' });
	expect(image.idCard?.result?.ic?.name[0].text).toBe('Hong**');
});

test('ic-key-text: every field carries its key text', async () => {
	const ic = parse(await answer('ic-key-text')).images[0].idCard?.result?.ic ?? {};
	expect(Object.entries(ic).map(([field, values]) => [field, values[0].keyText])).toEqual([
		['name', '성명'],
		['personalNum', '주민등록번호'],
		['address', '주소'],
		['issueDate', '발급일자'],
		['authority', '발급기관'],
	]);
});

test('ic-rois-points: rois as the result table prints it, a list of {x, y}', async () => {
	expect(parse(await answer('ic-rois-points')).images[0].idCard?.result?.rois).toEqual([
		{ x: 3.1388545, y: 3.9956706 },
		{ x: 754.52325, y: -5.092327 },
		{ x: 747.84045, y: 473.14856 },
		{ x: 2.264223, y: 474.4076 },
	]);
});

test('ic-minimal: only images and each field text; nothing personalized', async () => {
	const text = await answer('ic-minimal');
	expect(JSON.parse(text)).toEqual({
		images: [
			{
				idCard: {
					result: {
						ic: {
							name: [{ text: '홍**' }],
							personalNum: [{ text: '800***-234****' }],
							address: [{ text: '서울특별시 ***' }],
							issueDate: [{ text: '2020.08.16' }],
							authority: [{ text: '서울특별시 **구청장 **' }],
						},
					},
				},
			},
		],
	});
});

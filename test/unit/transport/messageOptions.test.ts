import type { InputImage } from '../../../nodes/ClovaOcr/input/readInputImage';
import { buildRequestBody } from '../../../nodes/ClovaOcr/transport/requestBody';
import { boundaryFromContentType, parseMultipart } from '../../../tools/clova-emulator/multipart';

const image: InputImage & { bytes: Buffer } = {
	bytes: Buffer.from('%PDF-1.4\n'),
	format: 'pdf',
	mimeType: 'application/pdf',
	name: 'contract.pdf',
};

async function jsonMessage(options?: Parameters<typeof buildRequestBody>[2]) {
	const request = await buildRequestBody(image, 'json', options);
	const { requestId, timestamp, ...rest } = JSON.parse(request.body as string);
	expect([requestId, typeof timestamp]).toEqual([request.requestId, 'number']);
	return rest;
}

describe('what a request carries beside the image', () => {
	const data = image.bytes.toString('base64');

	test('nothing by default: the Document OCR body as it was', async () => {
		expect(await jsonMessage()).toEqual({
			version: 'V2',
			images: [{ format: 'pdf', name: 'contract.pdf', data }],
		});
	});

	test('General OCR: lang and enableTableDetection beside the images', async () => {
		expect(await jsonMessage({ lang: 'ko,ja', enableTableDetection: true })).toEqual({
			version: 'V2',
			lang: 'ko,ja',
			enableTableDetection: true,
			images: [{ format: 'pdf', name: 'contract.pdf', data }],
		});
	});

	test('Template OCR: templateIds on the image', async () => {
		expect(await jsonMessage({ templateIds: [390, 391] })).toEqual({
			version: 'V2',
			images: [{ format: 'pdf', name: 'contract.pdf', templateIds: [390, 391], data }],
		});
	});

	test('multipart: the same message, without the data', async () => {
		const request = await buildRequestBody(image, 'multipart', {
			lang: 'en',
			templateIds: [7],
		});
		const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body));
		const parts = parseMultipart(body, boundaryFromContentType(request.contentType)!);
		const message = JSON.parse(parts.find((part) => part.name === 'message')!.data.toString());
		expect(message).toEqual({
			version: 'V2',
			requestId: request.requestId,
			timestamp: expect.any(Number),
			lang: 'en',
			images: [{ format: 'pdf', name: 'contract.pdf', templateIds: [7] }],
		});
	});
});

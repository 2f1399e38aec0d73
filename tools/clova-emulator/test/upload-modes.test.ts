import {
	encodeMultipart,
	endpoint,
	jsonMessage,
	multipartMessage,
	postFormData,
	postFormDataPackage,
	postJson,
	postRaw,
	SECRET,
	standardParts,
	trickyPngBytes,
	useEmulator,
} from './test-support';

const emulator = useEmulator();
const file = trickyPngBytes();

describe('application/json upload', () => {
	it('answers 200 and records the request exactly', async () => {
		const body = jsonMessage(file, { name: '신분증_앞면.png' }, { requestId: 'req-json' });
		const result = await postJson(emulator(), body, {
			headers: { 'Content-Type': 'application/json; charset=UTF-8' },
		});

		expect(result.status).toBe(200);
		expect(emulator().requests).toHaveLength(1);
		const record = emulator().requests[0];
		expect(record).toMatchObject({
			seq: 1,
			method: 'POST',
			path: '/custom/v1/12345/emulatorinvokekey/document/id-card',
			secretOk: true,
			contentType: 'application/json; charset=UTF-8',
			uploadMode: 'json',
			imageFormat: 'png',
			imageName: '신분증_앞면.png',
			scenario: 'ic-success',
			scenarioSource: 'default',
			status: 200,
			errorCode: null,
			rejectionReason: null,
		});
		expect(record?.message).toEqual(body);
		expect(record?.file?.equals(file)).toBe(true);
		expect(record?.durationMs).toBeGreaterThanOrEqual(0);
	});
});

describe('multipart/form-data upload', () => {
	const message = multipartMessage({ name: 'card "front".png' }, { requestId: 'req-multipart' });

	function expectRecorded(): void {
		const record = emulator().requests[0];
		expect(record).toMatchObject({
			uploadMode: 'multipart',
			imageFormat: 'png',
			imageName: 'card "front".png',
			status: 200,
		});
		expect(record?.message).toEqual(message);
		expect(record?.file?.length).toBe(file.length);
		expect(record?.file?.equals(file)).toBe(true);
		expect(record?.contentType).toMatch(/^multipart\/form-data;.*boundary=/i);
	}

	it('accepts a body encoded by the form-data package (streamed)', async () => {
		const result = await postFormDataPackage(emulator(), message, file);
		expect(result.status).toBe(200);
		expectRecorded();
	});

	it("accepts a body encoded by Node's FormData and Blob through fetch", async () => {
		const result = await postFormData(emulator(), message, file);
		expect(result.status).toBe(200);
		expectRecorded();
	});

	it('accepts a message part sent as a JSON file', async () => {
		const result = await postFormData(emulator(), message, file, { messageAsBlob: true });
		expect(result.status).toBe(200);
		expectRecorded();
	});

	it.each([
		[
			'a quoted boundary with a space',
			'multipart/form-data; boundary="my boundary=1"',
			'my boundary=1',
		],
		['an unquoted boundary', 'multipart/form-data;boundary=simple-Boundary_9', 'simple-Boundary_9'],
		['extra parameters and upper case', 'Multipart/Form-Data; charset=UTF-8; Boundary=B1', 'B1'],
	])('accepts %s', async (_label, contentType, boundary) => {
		const body = encodeMultipart(boundary, standardParts(message, file), 'preamble text\r\n');
		const result = await postRaw(
			endpoint(emulator()),
			{ 'Content-Type': contentType, 'X-OCR-SECRET': SECRET },
			body,
		);
		expect(result.status).toBe(200);
		expectRecorded();
		expect(emulator().requests[0]?.contentType).toBe(contentType);
	});

	it('ignores extra parts and a data field in the message', async () => {
		const withData = multipartMessage(
			{ name: 'card "front".png', data: 'ignored' },
			{ requestId: 'req-multipart' },
		);
		const body = encodeMultipart('B', [
			{ headers: ['Content-Disposition: form-data; name="note"'], body: 'extra' },
			...standardParts(withData, file),
		]);
		const result = await postRaw(
			endpoint(emulator()),
			{ 'Content-Type': 'multipart/form-data; boundary=B', 'X-OCR-SECRET': SECRET },
			body,
		);
		expect(result.status).toBe(200);
		expect(emulator().requests[0]?.file?.equals(file)).toBe(true);
	});
});

describe('request records', () => {
	it('keeps one record per request in order, and reset() clears records and counters', async () => {
		await postJson(emulator(), jsonMessage(file, { name: 'one' }));
		await postJson(emulator(), 'not json');
		await postJson(emulator(), jsonMessage(file, { name: 'three' }), { secret: 'wrong' });

		expect(
			emulator().requests.map((record) => [record.seq, record.status, record.errorCode]),
		).toEqual([
			[1, 200, null],
			[2, 400, '0011'],
			[3, 401, '0002'],
		]);
		expect(emulator().stats).toEqual({
			total: 3,
			inFlight: 0,
			inFlightPeak: 1,
			byStatus: { '200': 1, '400': 1, '401': 1 },
			byErrorCode: { '0011': 1, '0002': 1 },
			byScenario: { 'ic-success': 1 },
			dropped: 0,
		});

		const live = emulator().requests;
		emulator().reset();
		expect(live).toHaveLength(0);
		expect(emulator().stats).toEqual({
			total: 0,
			inFlight: 0,
			inFlightPeak: 0,
			byStatus: {},
			byErrorCode: {},
			byScenario: {},
			dropped: 0,
		});
		await postJson(emulator(), jsonMessage(file));
		expect(emulator().requests[0]?.seq).toBe(1);
	});
});

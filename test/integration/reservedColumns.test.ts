/**
 * Fields the service names like the node's own columns, in n8n's engine: the document item
 * outputs them as `field_<name>` and keeps its review; a field named `constructor` gets a
 * label from its name. The emulator renames fields of the specimen card (documentEdits).
 */
import type { Emulator } from '../../tools/clova-emulator';
import { binaryItem, emulatorPerSuite, runClovaNode, sampleFile } from './harness';

const SECRET = 'reserved-secret-0d4b';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() => emulator.configure({ documentEdits: [] }));

async function recognize(output: 'fields' | 'document', renames: Array<[string, string]>) {
	emulator.setScenario('ic-specimen');
	emulator.configure({
		documentEdits: renames.map(([from, to]) => [`"${from}": [`, `"${to}": [`]),
	});
	const result = await runClovaNode({
		parameters: { operation: 'recognizeIdCard', output },
		items: [await binaryItem(sampleFile('jpg'), 'card.jpg')],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json);
}

test('fields named valid, warnings, needsReview, documentType: the review columns stay', async () => {
	const [plain] = await recognize('document', []);
	const [item] = await recognize('document', [
		['name', 'valid'],
		['address', 'warnings'],
		['authority', 'needsReview'],
		['issueDate', 'documentType'],
	]);
	expect(item).toEqual({
		documentType: 'idCard',
		idType: 'ID Card',
		isConfident: true,
		validationResult: plain.validationResult,
		validationMessage: plain.validationMessage,
		estimatedLanguage: plain.estimatedLanguage,
		pageIndex: null,
		pageWidth: null,
		pageHeight: null,
		cardX: plain.cardX,
		cardY: plain.cardY,
		cardWidth: plain.cardWidth,
		cardHeight: plain.cardHeight,
		imageName: 'card.jpg',
		requestId: expect.any(String),
		uid: expect.any(String),
		// The node's review, without issueDate and authority (renamed away) to check:
		// checks that cannot be made leave valid null and ask for no review.
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		field_valid: plain.name,
		personalNum: '800101-1******',
		field_warnings: plain.address,
		field_documentType: plain.issueDate,
		field_needsReview: plain.authority,
	});
	expect(plain).toMatchObject({ valid: true, name: '홍길동' });
});

test('a field named constructor: its own label, its value in the column constructor', async () => {
	const fields = await recognize('fields', [['name', 'constructor']]);
	expect(fields[0]).toMatchObject({ field: 'constructor', label: 'Constructor', text: '홍길동' });
	const [item] = await recognize('document', [['name', 'constructor']]);
	expect(item.constructor).toBe('홍길동');
});

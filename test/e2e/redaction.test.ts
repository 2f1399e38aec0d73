/**
 * Add Redacted Image in a real n8n (both lines): the sample cards read from disk, CLOVA OCR
 * (emulator) on both output modes, and the copy written to disk by Read/Write Files from
 * Disk; the files are then opened with sharp: same size, black masking boxes, no metadata.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { clovaCredential, nodeItems, type OutputItem } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { N8N_PINS } from '../../tools/n8n/versions';
import {
	decode,
	DRIVER_LICENSE_MASKED,
	JPEG_BLACK_MAX,
	maxChannelIn,
	metadataFound,
	RESIDENT_CARD_MASKED,
	SAMPLES,
	type Box,
} from '../fixtures/redactedPixels';
import {
	binaryModeVars,
	e2eState,
	loadWorkflow,
	runWorkflow,
	setUpN8n,
	type BinaryMode,
} from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-redaction-secret-51d0';
const TIMEOUT_MS = 5 * 60_000;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

/** What the written copy of each card must show. */
const CARDS: Record<string, { masked: Box[]; blackMax: number; fileName: string }> = {
	idCard: {
		masked: RESIDENT_CARD_MASKED,
		blackMax: JPEG_BLACK_MAX,
		fileName: 'resident-card-redacted.jpg',
	},
	driverLicense: {
		masked: DRIVER_LICENSE_MASKED,
		blackMax: 0,
		fileName: 'driver-license-redacted.png',
	},
};

describeReal('redacted copy in n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let cards: string;
	const credential = () => clovaCredential(emulator.invokeUrl, SECRET);

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await setUpN8n(line, { packages: [real!], credentials: [credential()] });
		cards = join(ctx.folder.filesDir, 'cards');
		mkdirSync(cards, { recursive: true });
		// The markers in the sample files pick ic-specimen / dl-specimen.
		copyFileSync(join(SAMPLES, 'resident-card.jpg'), join(cards, 'resident-card.jpg'));
		copyFileSync(join(SAMPLES, 'driver-license.png'), join(cards, 'driver-license.png'));
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	/**
	 * Read files → CLOVA OCR (Add Redacted Image, field `redacted`) → Write copy. In combined
	 * mode the files are on disk (filesystem) and Write copy reads the copy at `_files.redacted`.
	 */
	async function redact(
		output: 'fields' | 'document',
		binaryMode: BinaryMode = 'separate',
		inputField = 'data',
	) {
		const out = join(ctx.folder.filesDir, `out-${output}-${binaryMode}`);
		mkdirSync(out, { recursive: true });
		emulator.reset();
		const c = credential();
		const run = await runWorkflow(
			ctx,
			loadWorkflow('clova-redacted-copy', {
				WORKFLOW_ID: `e2eRedaction${line}${output}${binaryMode === 'combined' ? 'C' : ''}`,
				FILE_SELECTOR: `${cards}/*`,
				OUTPUT: output,
				OUT_DIR: out,
				CREDENTIAL_ID: c.id,
				CREDENTIAL_NAME: c.name,
				...binaryModeVars(binaryMode, inputField),
			}),
			binaryMode === 'combined' ? { binaryDataMode: 'filesystem' } : {},
		);
		return { run, out };
	}

	/** Combined mode: where each item's copy is (json._files, never binary) and what it says of itself. */
	function copiesInJson(items: OutputItem[]) {
		return items.map((item) => {
			const files = item.json._files as Record<string, Record<string, unknown>> | undefined;
			const copy = files?.redacted;
			return [
				item.json.documentType,
				item.json.redaction,
				Object.keys(item.binary ?? {}),
				Object.keys(files ?? {}),
				copy?.fileName,
				copy?.mimeType,
				String(copy?.id).split(':')[0],
			];
		});
	}

	const COPY_IN_JSON: Record<string, unknown[]> = {
		idCard: [
			'idCard',
			'applied',
			[],
			['redacted'],
			'resident-card-redacted.jpg',
			'image/jpeg',
			'filesystem-v2',
		],
		driverLicense: [
			'driverLicense',
			'applied',
			[],
			['redacted'],
			'driver-license-redacted.png',
			'image/png',
			'filesystem-v2',
		],
	};

	async function expectWrittenCopies(out: string, expectedFiles: number): Promise<void> {
		const files = readdirSync(out).sort();
		expect(files).toHaveLength(expectedFiles);
		for (const file of files) {
			const documentType = file.split('-')[0];
			const card = CARDS[documentType];
			expect(file.endsWith(`-${card.fileName}`)).toBe(true);
			const bytes = readFileSync(join(out, file));
			const image = await decode(bytes);
			expect([file, image.width, image.height]).toEqual([file, 856, 540]);
			expect([file, card.masked.map((box) => maxChannelIn(image, box) <= card.blackMax)]).toEqual([
				file,
				card.masked.map(() => true),
			]);
			expect([file, await metadataFound(bytes)]).toEqual([file, []]);
		}
	}

	it(`fields output: every field item carries the copy; each written copy is redacted (n8n ${version})`, async () => {
		const { run, out } = await redact('fields');
		const items = nodeItems(run, 'CLOVA OCR');
		expect(items).toHaveLength(5 + 12);
		expect(items.map((item) => [item.json.redaction, Object.keys(item.binary ?? {})])).toEqual(
			items.map(() => ['applied', ['redacted']]),
		);
		for (const documentType of ['idCard', 'driverLicense']) {
			const copies = items.filter((item) => item.json.documentType === documentType);
			const stored = new Set(copies.map((item) => JSON.stringify(item.binary!.redacted)));
			expect(stored.size).toBe(1);
		}
		await expectWrittenCopies(out, 17);
		const written = readdirSync(out).map((file) =>
			readFileSync(join(out, file)).toString('base64'),
		);
		expect(new Set(written).size).toBe(2);
		expect(emulator.requests).toHaveLength(2);
	});

	it(`document output: one item and one redacted copy per card (n8n ${version})`, async () => {
		const { run, out } = await redact('document');
		const items = nodeItems(run, 'CLOVA OCR');
		expect(
			items
				.map((item) => [
					item.json.documentType,
					item.json.redaction,
					Object.keys(item.binary ?? {}),
				])
				.sort(),
		).toEqual([
			['driverLicense', 'applied', ['redacted']],
			['idCard', 'applied', ['redacted']],
		]);
		await expectWrittenCopies(out, 2);
	});

	// settings.binaryMode "combined" (n8n 2.40+; 1.x has no such setting), files on disk: n8n
	// moves the copy the node outputs in binary.redacted to json._files.redacted.
	(line === 'v2' ? describe : describe.skip)('combined binary mode, files on disk', () => {
		it(`fields output: every field item carries the copy at json._files.redacted; each written copy is redacted (n8n ${version})`, async () => {
			const { run, out } = await redact('fields', 'combined', 'data');
			const items = nodeItems(run, 'CLOVA OCR');
			expect(items).toHaveLength(5 + 12);
			expect(copiesInJson(items)).toEqual(
				items.map((item) => COPY_IN_JSON[String(item.json.documentType)]),
			);
			for (const documentType of ['idCard', 'driverLicense']) {
				const copies = items.filter((item) => item.json.documentType === documentType);
				const stored = new Set(
					copies.map((item) =>
						JSON.stringify((item.json._files as { redacted: unknown }).redacted),
					),
				);
				expect(stored.size).toBe(1);
			}
			await expectWrittenCopies(out, 17);
			const written = readdirSync(out).map((file) =>
				readFileSync(join(out, file)).toString('base64'),
			);
			expect(new Set(written).size).toBe(2);
			expect(emulator.requests).toHaveLength(2);
		});

		it(`document output, Input Binary Field "_files.data": one item and one redacted copy per card (n8n ${version})`, async () => {
			const { run, out } = await redact('document', 'combined', '_files.data');
			const items = nodeItems(run, 'CLOVA OCR');
			expect(copiesInJson(items).sort()).toEqual([COPY_IN_JSON.driverLicense, COPY_IN_JSON.idCard]);
			await expectWrittenCopies(out, 2);
		});
	});
});

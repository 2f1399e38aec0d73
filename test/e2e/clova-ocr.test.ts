/**
 * n8n-nodes-clova-ocr in a real n8n, installed as users get it (node type
 * `n8n-nodes-clova-ocr.clovaOcr`), reading files from disk and calling the CLOVA emulator.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	clovaCredential,
	importCredentials,
	N8nExecutionError,
	nodeItems,
	nodeOutput,
	type RawRun,
} from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startN8n } from '../../tools/n8n/n8n-server';
import {
	listCommunityPackages,
	listCredentialTypes,
	listNodeTypes,
	setUpOwner,
} from '../../tools/n8n/n8n-rest';
import { N8N_PINS } from '../../tools/n8n/versions';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	binaryModeVars,
	e2eState,
	loadWorkflow,
	runWorkflow,
	setUpN8n,
	type BinaryDataMode,
	type BinaryMode,
} from './harness';
import { sampleImage, writeScenarioImage } from './sample-files';

const { lines, real } = e2eState();
const SECRET = 'e2e-secret-5b1d';
const NODE_TYPE = 'n8n-nodes-clova-ocr.clovaOcr';
const TIMEOUT_MS = 5 * 60_000;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

/** How a run keeps its files: the workflow's binary mode, the process's binary data mode. */
interface FileHandling {
	readonly binaryMode: BinaryMode;
	/** unset: n8n's default (2.41: filesystem; 1.123: in memory) */
	readonly binaryDataMode?: BinaryDataMode;
	/** CLOVA OCR's Input Binary Field */
	readonly inputField?: string;
}

/**
 * Where a node left its file `name` in its first output item: in `binary.<name>` or in
 * `json._files.<name>`, and stored (the mode of its id, e.g. `filesystem-v2`) or as base64.
 */
function whereFileIs(run: RawRun, nodeName: string, name: string): [string, string] {
	const [item] = nodeItems(run, nodeName);
	const inBinary = item.binary?.[name] as { id?: string } | undefined;
	const inJson = (item.json._files as Record<string, { id?: string }> | undefined)?.[name];
	const file = inBinary ?? inJson;
	const place = inBinary ? `binary.${name}` : inJson ? `json._files.${name}` : 'nowhere';
	return [place, file?.id ? file.id.split(':')[0] : 'base64'];
}

/** What n8n 2.41's combined binary mode with files on disk does to a file a node outputs. */
const COMBINED_ON_DISK = { binaryMode: 'combined', binaryDataMode: 'filesystem' } as const;

describeReal('n8n-nodes-clova-ocr on n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let workflowCount = 0;
	const credential = () => clovaCredential(emulator.invokeUrl, SECRET);

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await setUpN8n(line, { packages: [real!], credentials: [credential()] });
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	beforeEach(() => emulator.reset());

	/** A fresh folder of input files, read by the workflow's Read/Write Files from Disk node. */
	function inputDir(name: string): string {
		const dir = join(ctx.folder.filesDir, name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		return dir;
	}

	function run(
		dir: string,
		parameters: { operation: string; output?: string; uploadMode?: string; onError?: string },
		files: FileHandling = { binaryMode: 'separate' },
	): Promise<RawRun> {
		workflowCount += 1;
		const c = credential();
		return runWorkflow(
			ctx,
			loadWorkflow('clova-read-files', {
				WORKFLOW_ID: `e2eClova${line}${String(workflowCount).padStart(4, '0')}`,
				FILE_SELECTOR: `${dir}/*`,
				OPERATION: parameters.operation,
				OUTPUT: parameters.output ?? 'fields',
				UPLOAD_MODE: parameters.uploadMode ?? 'multipart',
				ON_ERROR: parameters.onError ?? 'stopWorkflow',
				CREDENTIAL_ID: c.id,
				CREDENTIAL_NAME: c.name,
				...binaryModeVars(files.binaryMode, files.inputField),
			}),
			{ binaryDataMode: files.binaryDataMode },
		);
	}

	/** The fields of the ic-success card in `front.jpg`, read once, whole, as the file on disk. */
	function expectIdCardFields(run_: RawRun): void {
		const items = nodeOutput(run_, 'CLOVA OCR');
		expect(items.map((json) => json.field)).toEqual([
			'name',
			'personalNum',
			'address',
			'issueDate',
			'authority',
		]);
		expect(items[0]).toMatchObject({
			documentType: 'idCard',
			label: 'Name',
			imageName: '[scenario=ic-success] front.jpg',
		});
		expect(items.find((json) => json.field === 'issueDate')?.value).toBe('2020-08-16');
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0]).toMatchObject({
			secretOk: true,
			uploadMode: 'multipart',
			imageFormat: 'jpg',
		});
		expect(
			nodeItems(run_, 'CLOVA OCR').every(
				(item) => JSON.stringify(item.pairedItem) === '{"item":0}',
			),
		).toBe(true);
		expect(emulator.requests[0].file?.equals(sampleImage('jpg'))).toBe(true);
		expectNoFileOut(run_);
	}

	/** Without a redacted copy the node outputs no file: none in `binary`, none in `json._files`. */
	function expectNoFileOut(run_: RawRun): void {
		const withFiles = nodeItems(run_, 'CLOVA OCR').filter(
			(item) => item.binary !== undefined || '_files' in item.json,
		);
		expect(withFiles).toEqual([]);
	}

	it(`recognizeIdCard: one item per field of a card read from disk (n8n ${version})`, async () => {
		const dir = inputDir('id-card');
		writeScenarioImage(dir, 'ic-success', 'front.jpg');
		const run_ = await run(dir, { operation: 'recognizeIdCard' });
		expectIdCardFields(run_);
		// n8n's default binary data mode: 2.41 stores the file on disk, 1.123 keeps it in memory
		expect(whereFileIs(run_, 'Read files', 'data')).toEqual(
			line === 'v2' ? ['binary.data', 'filesystem-v2'] : ['binary.data', 'base64'],
		);
	});

	/** The dl-success card in `license.png`: one document item, sent as JSON. */
	async function recognizeLicense(files?: FileHandling): Promise<RawRun> {
		const dir = inputDir('license');
		writeScenarioImage(dir, 'dl-success', 'license.png');
		const run_ = await run(
			dir,
			{ operation: 'recognizeDriverLicense', output: 'document', uploadMode: 'json' },
			files,
		);
		const items = nodeOutput(run_, 'CLOVA OCR');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ documentType: 'driverLicense', renewEndDate: '2029-12-31' });
		expect(emulator.requests[0]).toMatchObject({ uploadMode: 'json', imageFormat: 'png' });
		return run_;
	}

	it(`recognizeDriverLicense, document output, JSON upload (n8n ${version})`, async () => {
		await recognizeLicense();
	});

	it(`raw output: the service's image result as returned (n8n ${version})`, async () => {
		const dir = inputDir('raw');
		writeScenarioImage(dir, 'dl-success', 'license.jpg');
		const items = nodeOutput(
			await run(dir, { operation: 'recognizeAnyId', output: 'raw' }),
			'CLOVA OCR',
		);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0])).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'validationResult',
			'idCard',
		]);
		const result = (items[0].idCard as { result: Record<string, unknown> }).result;
		expect(Object.keys(result)).toEqual(['isConfident', 'dl', 'rois', 'idtype']);
		expect(result.idtype).toBe("Driver's License");
		expect(items[0].name).toBe('[scenario=dl-success] license.jpg');
	});

	/** A Code node makes the binary `scan` (base64 in its code); CLOVA OCR reads it. */
	async function recognizeCodeBinary(files: FileHandling): Promise<RawRun> {
		workflowCount += 1;
		const c = credential();
		const run_ = await runWorkflow(
			ctx,
			loadWorkflow('clova-code-binary', {
				WORKFLOW_ID: `e2eClovaCode${line}${workflowCount}`,
				IMAGE_BASE64: sampleImage('jpg').toString('base64'),
				FILE_NAME: '[scenario=pp-success] passport.jpg',
				CREDENTIAL_ID: c.id,
				CREDENTIAL_NAME: c.name,
				...binaryModeVars(files.binaryMode, files.inputField),
			}),
			{ binaryDataMode: files.binaryDataMode },
		);
		const items = nodeOutput(run_, 'CLOVA OCR');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			documentType: 'passport',
			imageName: '[scenario=pp-success] passport.jpg',
		});
		expect(emulator.requests[0].file?.equals(sampleImage('jpg'))).toBe(true);
		return run_;
	}

	it(`recognizeAnyId on a binary field made by a Code node (n8n ${version})`, async () => {
		await recognizeCodeBinary({ binaryMode: 'separate', inputField: 'scan' });
	});

	it(`On Error "continue (using error output)": a failed image goes to the error output, the rest go on (n8n ${version})`, async () => {
		const dir = inputDir('mixed');
		writeScenarioImage(dir, 'ic-success', 'good.jpg');
		writeScenarioImage(dir, 'infer-error', 'blurry.jpg');
		const run_ = await run(dir, { operation: 'recognizeIdCard', onError: 'continueErrorOutput' });
		const ok = nodeOutput(run_, 'CLOVA OCR', 0);
		const failed = nodeOutput(run_, 'CLOVA OCR', 1);
		expect(new Set(ok.map((json) => json.imageName))).toEqual(
			new Set(['[scenario=ic-success] good.jpg']),
		);
		expect(ok).toHaveLength(5);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].error)).toMatch(/could not read the image/i);
		expect(emulator.requests).toHaveLength(2);
	});

	it(`a wrong secret stops the workflow with the service's advice, never the secret (n8n ${version})`, async () => {
		const dir = inputDir('wrong-secret');
		writeScenarioImage(dir, 'ic-success', 'front.jpg');
		const wrongSecret = 'not-the-secret-91c2';
		await importCredentials(ctx, [
			{ ...credential(), data: { invokeUrl: emulator.invokeUrl, secretKey: wrongSecret } },
		]);
		let failure: unknown;
		try {
			await run(dir, { operation: 'recognizeIdCard' });
		} catch (error) {
			failure = error;
		} finally {
			await importCredentials(ctx, [credential()]);
		}
		expect(failure).toBeInstanceOf(N8nExecutionError);
		const error = failure as N8nExecutionError;
		expect(error.message).toMatch(/Secret Key/);
		expect(`${error.stdout}${error.stderr}`).not.toContain(wrongSecret);
		expect(emulator.requests[0]).toMatchObject({ secretOk: false });
	});

	// settings.binaryMode (n8n 2.40+; 1.x has no such setting): in "combined" mode n8n moves every
	// stored file a node outputs from binary.<name> to json._files.<name>. The same user folder;
	// each `n8n execute` is given its binary data mode (combined converts nothing in memory).
	(line === 'v2' ? describe : describe.skip)('binary modes', () => {
		it(`separate, files in memory: a card from disk as base64 in binary.data (n8n ${version})`, async () => {
			const dir = inputDir('id-card-memory');
			writeScenarioImage(dir, 'ic-success', 'front.jpg');
			const run_ = await run(
				dir,
				{ operation: 'recognizeIdCard' },
				{ binaryMode: 'separate', binaryDataMode: 'default' },
			);
			expect(whereFileIs(run_, 'Read files', 'data')).toEqual(['binary.data', 'base64']);
			expectIdCardFields(run_);
		});

		it(`combined, files on disk: a card at json._files.data, Input Binary Field "data" (n8n ${version})`, async () => {
			const dir = inputDir('id-card-combined');
			writeScenarioImage(dir, 'ic-success', 'front.jpg');
			const run_ = await run(
				dir,
				{ operation: 'recognizeIdCard' },
				{ ...COMBINED_ON_DISK, inputField: 'data' },
			);
			expect(whereFileIs(run_, 'Read files', 'data')).toEqual([
				'json._files.data',
				'filesystem-v2',
			]);
			expectIdCardFields(run_);
		});

		it(`combined, files on disk: a driver's license, Input Binary Field "_files.data" (n8n's path), document output, JSON upload (n8n ${version})`, async () => {
			const run_ = await recognizeLicense({ ...COMBINED_ON_DISK, inputField: '_files.data' });
			expect(whereFileIs(run_, 'Read files', 'data')).toEqual([
				'json._files.data',
				'filesystem-v2',
			]);
			expect(emulator.requests[0].file?.equals(sampleImage('png'))).toBe(true);
			expectNoFileOut(run_);
		});

		it(`combined, files on disk: a binary made by a Code node, at json._files.scan (n8n ${version})`, async () => {
			const run_ = await recognizeCodeBinary({ ...COMBINED_ON_DISK, inputField: 'scan' });
			expect(whereFileIs(run_, 'Make image', 'scan')).toEqual([
				'json._files.scan',
				'filesystem-v2',
			]);
			expectNoFileOut(run_);
		});

		it(`combined, files on disk: a field the item lacks stops the run with the node's error naming it (n8n ${version})`, async () => {
			const dir = inputDir('missing-combined');
			writeScenarioImage(dir, 'ic-success', 'front.jpg');
			let failure: unknown;
			try {
				await run(
					dir,
					{ operation: 'recognizeIdCard' },
					{ ...COMBINED_ON_DISK, inputField: 'scan' },
				);
			} catch (error) {
				failure = error;
			}
			expect(failure).toBeInstanceOf(N8nExecutionError);
			const stopped = (failure as N8nExecutionError).run;
			expect(stopped).not.toBeNull();
			expect(whereFileIs(stopped!, 'Read files', 'data')).toEqual([
				'json._files.data',
				'filesystem-v2',
			]);
			const error = stopped!.data.resultData.error as
				| { message?: string; description?: string; node?: { name?: string } }
				| undefined;
			expect([error?.node?.name, error?.message]).toEqual([
				'CLOVA OCR',
				'The input item has no binary field "scan"',
			]);
			expect(error?.description).toContain('Its binary fields are: data.');
			expect(emulator.requests).toHaveLength(0);
		});
	});

	it(`n8n start lists ${NODE_TYPE}, its credential and the package (n8n ${version})`, async () => {
		const server = await startN8n(ctx);
		try {
			const session = await setUpOwner(server);
			const types = await listNodeTypes(session);
			const node = types.find((t) => t.name === NODE_TYPE);
			expect(node).toMatchObject({ name: NODE_TYPE, displayName: 'CLOVA OCR' });
			expect(types.filter((t) => t.name.startsWith('CUSTOM.'))).toEqual([]);
			const credentials = await listCredentialTypes(session);
			expect(credentials.find((c) => c.name === 'clovaOcrApi')).toMatchObject({
				displayName: 'CLOVA OCR API',
			});
			const packages = await listCommunityPackages(session);
			expect(
				packages.map((p) => [p.packageName, p.installedVersion, p.failedLoading ?? false]),
			).toEqual([[real!.name, real!.version, false]]);
			expect(packages[0].installedNodes.map((n) => n.type)).toEqual([NODE_TYPE]);
		} finally {
			await server.stop();
		}
	});
});

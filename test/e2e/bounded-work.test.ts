/**
 * Bounded work (issue 18) in a real n8n, both lines. n8n runs every workflow of an instance on
 * one event loop: an item that keeps it busy for minutes stalls every other workflow. Each
 * hostile input below once did (a PDF page count and a date read by backtracking regexes, a
 * JPEG decoded scan after scan, regions painted one over another, codecs allocating what a
 * header claims, answers of any size and depth); now each item fails or finishes at once.
 *
 * One `n8n start` per line serves the workflows' webhooks: a hostile run is posted to its
 * webhook (the answer comes when the run ends, with the node's items), and while it runs a
 * webhook that answers on receipt is called again and again. Every call must answer within
 * PING_BOUND_MS; with the old code the first call after the hostile run started waited until
 * the run ended, minutes later. CLOVA OCR is a scripted stand-in on 127.0.0.1 that answers by
 * the image's name (test/fixtures/scriptedClova.ts); n8n's HTTP_PROXY points at a hostile
 * server, so an Image URL that got past the guard would be seen there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { timed } from '../../tools/n8n/log';
import { clovaCredential, runN8n, type WorkflowInput } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startN8n, type RunningN8n } from '../../tools/n8n/n8n-server';
import { N8N_PINS } from '../../tools/n8n/versions';
import { ANSWER_LIMITS } from '../../nodes/ClovaOcr/response/answerLimits';
import { untilWebhooksServed } from '../../tools/n8n/webhooks';
import { startHostileServer, type HostileServer } from '../fixtures/hostileServer';
import { decode, JPEG_BLACK_MAX, sampleCard } from '../fixtures/redactedPixels';
import { startScriptedClova, type ScriptedAnswer } from '../fixtures/scriptedClova';
import { eobRunJpeg, paddedJpegHeader, pngWithGarbageIdat } from '../unit/redaction/hostileImages';
import { e2eState, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-bounded-secret-6d2b';
const TIMEOUT_MS = 5 * 60_000;

/**
 * The most a call to the ping webhook may take while a hostile run goes on. It answers in
 * milliseconds on an idle n8n; 5 s leaves room for a slow CI machine, and is still far
 * below what the old code held the event loop for on these inputs (minutes).
 */
const PING_BOUND_MS = 5_000;
/** A ping that takes this long is given up (and fails the bound) rather than waited for. */
const PING_GIVE_UP_MS = 2 * PING_BOUND_MS;
/** Pings per hostile run, at least; then more until the run has answered. */
const MIN_PINGS = 5;
const PING_GAP_MS = 50;
/**
 * The most a hostile run may take, webhook to answer. Each finishes in well under a second
 * here; 30 s is generous for CI and still far from the minutes the old code took.
 */
const RUN_BOUND_MS = 30_000;

const CARD_JPEG = sampleCard('resident-card.jpg');
/** 856×540, the sample card's size. */
const CARD = { width: 856, height: 540 };

// ---- workflows ------------------------------------------------------------------------

const PATHS = {
	ping: 'bounded-ping',
	fields: 'bounded-fields',
	redacted: 'bounded-redacted',
	copy: 'bounded-copy',
	url: 'bounded-url',
} as const;
type Flow = Exclude<keyof typeof PATHS, 'ping'>;

const uuid = (n: number) => `d1800000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Webhook (GET) that answers on receipt: at once, whenever n8n's event loop is free. */
function pingWorkflow(line: string): WorkflowInput {
	return {
		id: `e2eBounded${line}P`,
		name: 'e2e: bounded work, ping',
		nodes: [
			{
				id: uuid(1),
				name: 'Ping',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: uuid(101),
				parameters: {
					httpMethod: 'GET',
					path: PATHS.ping,
					responseMode: 'onReceived',
					options: {},
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * Webhook (POST, answers when the run ends) → Split Out (`body.items`, one item each) → CLOVA
 * OCR with `clova` parameters, each failure kept as `{ error }` on its item. The answer is
 * every item's json, or (copy) the first item's `redacted` file.
 */
function hostileWorkflow(
	line: string,
	flow: Flow,
	n: number,
	clova: Record<string, unknown>,
	credential: { id: string; name: string },
): WorkflowInput {
	const responseData =
		flow === 'copy'
			? { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'redacted' }
			: { responseData: 'allEntries' };
	return {
		id: `e2eBounded${line}${n}`,
		name: `e2e: bounded work, ${flow}`,
		nodes: [
			{
				id: uuid(10 * n + 1),
				name: 'Run',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: uuid(100 + n),
				parameters: {
					httpMethod: 'POST',
					path: PATHS[flow],
					responseMode: 'lastNode',
					...responseData,
					options: {},
				},
			},
			{
				id: uuid(10 * n + 2),
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{
				id: uuid(10 * n + 3),
				name: 'CLOVA OCR',
				type: 'n8n-nodes-clova-ocr.clovaOcr',
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters: { operation: 'recognizeAnyId', ...clova },
				credentials: { clovaOcrApi: credential },
			},
		],
		connections: {
			Run: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'CLOVA OCR', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const BASE64 = {
	imageSource: 'base64',
	imageBase64: '={{ $json.b64 }}',
	imageName: '={{ $json.name }}',
};
/**
 * The fields of the region flood answer (documented keys with no number check); Also Black Out
 * names them all, so their bounding polygons are regions too.
 */
const FLOOD_FIELDS = [
	'address',
	'authority',
	'birthDate',
	'code',
	'condition',
	'expireDate',
	'givenName',
	'issueDate',
	'name',
	'nationality',
	'organDonation',
	'renewEndDate',
	'renewStartDate',
	'sex',
	'surName',
	'visaType',
];
const REDACTED = {
	...BASE64,
	output: 'document',
	options: { redactedImage: true, redactFields: FLOOD_FIELDS },
};
const CLOVA_PARAMETERS: Record<Flow, Record<string, unknown>> = {
	fields: { ...BASE64, output: 'fields', options: { includePolygons: true } },
	redacted: REDACTED,
	copy: REDACTED,
	url: { imageSource: 'url', imageUrl: '={{ $json.url }}', output: 'document', options: {} },
};

/**
 * Imports the workflows (one file) and activates them: `publish:workflow` per workflow on
 * 2.x, `update:workflow --all --active=true` on 1.x (which has no publish command).
 */
async function activate(ctx: N8nContext, line: string, workflows: WorkflowInput[]): Promise<void> {
	const file = join(ctx.folder.importDir, 'bounded-work-workflows.json');
	writeFileSync(file, JSON.stringify(workflows.map((w) => ({ active: false, ...w }))));
	await timed(`import and activate ${workflows.length} workflows`, async () => {
		await runN8n(ctx, ['import:workflow', `--input=${file}`]);
		if (line === 'v1') await runN8n(ctx, ['update:workflow', '--all', '--active=true']);
		else for (const { id } of workflows) await runN8n(ctx, ['publish:workflow', `--id=${id}`]);
	});
}

// ---- answers of the scripted CLOVA OCR ---------------------------------------------------

type Json = Record<string, unknown>;

function cardAnswer(documentKey: string, fields: Json): ScriptedAnswer {
	const image = { uid: 'uid-bounded', name: 'card', inferResult: 'SUCCESS', message: 'SUCCESS' };
	const result = { [documentKey]: fields, isConfident: true };
	const body = {
		version: 'V2',
		requestId: 'req-bounded',
		timestamp: 1700000000000,
		images: [{ ...image, idCard: { result } }],
	};
	return { status: 200, body: JSON.stringify(body) };
}

const box = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});
/** Beyond the image on every side: clipped, it is the whole image. */
const FULL_IMAGE = box(-10, -10, 100_000, 100_000);
/** A masking region inside any of the images below, so that the copy is tried. */
const NAME_MASKED = { name: [{ text: 'A', maskingPolys: [box(8, 8, 24, 24)] }] };

/** The most regions an answer within the limits can carry: 512 values × (16 masking + 16 bounding). */
function regionFloodFields(): Json {
	const fields = ANSWER_LIMITS.valuesPerImage / ANSWER_LIMITS.valuesPerField;
	const value = {
		text: 'A',
		boundingPolys: Array(ANSWER_LIMITS.polygonsPerValue).fill(FULL_IMAGE),
		maskingPolys: Array(ANSWER_LIMITS.polygonsPerValue).fill(FULL_IMAGE),
	};
	return Object.fromEntries(
		FLOOD_FIELDS.slice(0, fields).map((field) => [
			field,
			Array(ANSWER_LIMITS.valuesPerField).fill(value),
		]),
	);
}
const REGIONS_WITHIN_LIMITS = ANSWER_LIMITS.valuesPerImage * 2 * ANSWER_LIMITS.polygonsPerValue;

const DEEP = 200_000;
const deepAnswer: ScriptedAnswer = {
	status: 200,
	body:
		'{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"ic":{"name":[{"text":"A","boundingPolys":[{"vertices":[{"x":1,"y":2,"deep":' +
		'['.repeat(DEEP) +
		']'.repeat(DEEP) +
		'}]}]}]}}}}]}',
};

/**
 * Dates with runs of 20,000 spaces. Around the dots (the issue's example) the old regex matched
 * at once; with spaces alone as separators and a tail that is no day it tried every split of
 * both runs (cubic: 2.8 s at 1,000 spaces here, hours at 20,000).
 */
const HOSTILE_DATES = {
	issueDate: '2019' + ' '.repeat(20_000) + '.01.' + ' '.repeat(20_000) + '20',
	expireDate: '2029' + ' '.repeat(20_000) + '12' + ' '.repeat(20_000) + '31x',
};

const ANSWERS: Record<string, ScriptedAnswer> = {
	pdf: cardAnswer('ic', { name: [{ text: 'A' }] }),
	date: cardAnswer('dl', {
		issueDate: [{ text: HOSTILE_DATES.issueDate }],
		expireDate: [{ text: HOSTILE_DATES.expireDate }],
	}),
	scans: cardAnswer('ic', NAME_MASKED),
	claims: cardAnswer('ic', NAME_MASKED),
	flood: cardAnswer('ic', {
		name: [{ text: 'A', maskingPolys: Array(20_000).fill(FULL_IMAGE) }],
	}),
	regions: cardAnswer('ic', regionFloodFields()),
	values: cardAnswer('ic', { name: Array(80_000).fill({ text: 'A' }) }),
	deep: deepAnswer,
};

// ---- hostile files ---------------------------------------------------------------------

/**
 * A one-page PDF whose page tree node has `/Count 1` followed by 400,000 spaces. The old
 * reading's lookahead tried every split of the run: quadratic, 3.7 s at 40,000 spaces here,
 * minutes at 400,000.
 */
function spacedCountPdf(): Buffer {
	return Buffer.from(
		'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
			`2 0 obj\n<< /Type /Pages /Count 1${' '.repeat(400_000)}/Kids [3 0 R] >>\nendobj\n` +
			'3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 856 540] >>\nendobj\n' +
			'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
		'latin1',
	);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// ---- the run and the pings --------------------------------------------------------------

interface Figures {
	/** Post to answer; Infinity when n8n had not answered within RUN_BOUND_MS (or stopped answering pings). */
	runMs: number;
	/** Each ping's time, in the order sent. */
	pingMs: number[];
	/** Pings sent before the hostile run had answered. */
	during: number;
}

async function ping(server: RunningN8n): Promise<number> {
	const sent = performance.now();
	try {
		const response = await fetch(`${server.url}/webhook/${PATHS.ping}`, {
			signal: AbortSignal.timeout(PING_GIVE_UP_MS),
		});
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`ping answered HTTP ${response.status}`);
	} catch (error) {
		// Given up: the time it took fails the bound. (fetch's DOMException is not the test realm's Error.)
		if ((error as { name?: unknown } | null)?.name !== 'TimeoutError') throw error;
	}
	return performance.now() - sent;
}

/**
 * Posts `items` to the flow's webhook without waiting, then calls the ping webhook one call at
 * a time until n8n has answered the post (and at least MIN_PINGS times). Stops early when a
 * ping took PING_BOUND_MS or more, or the run RUN_BOUND_MS: the test fails then, in seconds,
 * instead of waiting for a run that holds n8n for minutes.
 */
async function postWhilePinging(
	server: RunningN8n,
	flow: Flow,
	items: Json[],
): Promise<Figures & { answer?: { status: number; body: Buffer } }> {
	const started = performance.now();
	let answer: { status: number; body: Buffer } | undefined;
	let runMs = Infinity;
	const run = fetch(`${server.url}/webhook/${PATHS[flow]}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ items }),
		signal: AbortSignal.timeout(TIMEOUT_MS),
	}).then(async (response) => {
		const body = Buffer.from(await response.arrayBuffer());
		runMs = performance.now() - started;
		answer = { status: response.status, body };
	});
	let failed: unknown;
	const settled = run.catch((error: unknown) => {
		failed = error;
	});
	const pingMs: number[] = [];
	let during = 0;
	for (;;) {
		const running = runMs === Infinity && failed === undefined;
		const ms = await ping(server);
		pingMs.push(ms);
		if (running) during++;
		if (ms >= PING_BOUND_MS || performance.now() - started > RUN_BOUND_MS) break;
		if (!running && pingMs.length >= MIN_PINGS) break;
		await Promise.race([sleep(PING_GAP_MS), settled]);
	}
	if (failed !== undefined) throw failed;
	return { answer, runMs, pingMs, during };
}

/** The figures of every run, printed at the end of each line. */
const seen: string[] = [];

function expectResponsive(label: string, { runMs, pingMs, during }: Figures): void {
	const sorted = [...pingMs].sort((a, b) => a - b);
	const ms = (value: number) => `${Math.round(value)} ms`;
	seen.push(
		`${label}: run ${ms(runMs)}; ${pingMs.length} pings (${during} sent during the run), median ${ms(sorted[Math.floor(sorted.length / 2)])}, slowest ${ms(sorted[sorted.length - 1])}`,
	);
	expect(pingMs.filter((time) => time >= PING_BOUND_MS)).toEqual([]);
	expect(runMs).toBeLessThan(RUN_BOUND_MS);
	expect(during).toBeGreaterThanOrEqual(1);
	expect(pingMs.length).toBeGreaterThanOrEqual(MIN_PINGS);
}

/** Runs `items` through the flow while pinging; the node's items as n8n answered them. */
async function itemsOf(
	server: RunningN8n,
	flow: Flow,
	items: Json[],
	label: string,
): Promise<Json[]> {
	const result = await postWhilePinging(server, flow, items);
	expectResponsive(label, result);
	expect(result.answer?.status).toBe(200);
	return JSON.parse(result.answer!.body.toString('utf8')) as Json[];
}

/**
 * The file a webhook answered with (Respond: First Entry Binary). n8n 1.123 sends a file held
 * in memory (its default binary mode) as a serialized Buffer, `{"type":"Buffer","data":[…]}`;
 * 2.x sends the bytes.
 */
function answeredFile(body: Buffer): Buffer {
	if (!body.subarray(0, 16).toString('latin1').startsWith('{"type":"Buffer"')) return body;
	const { data } = JSON.parse(body.toString('utf8')) as { data: number[] };
	return Buffer.from(data);
}

const kib = (bytes: Uint8Array) => `${Math.round(bytes.length / 1024)} KiB`;

const limit = (what: string) => `CLOVA OCR's answer has more than ${what} (the node's limit)`;

const REDACTION_KEYS = ['error', 'documentType', 'redaction', 'warnings', 'needsReview'] as const;

/** A document item without a copy: the answers carry no registration number, which review notes. */
const noCopy = (reason: string) => ({
	documentType: 'idCard',
	redaction: 'unsupported',
	warnings: `personalNum: missing; redaction: no redacted copy, ${reason}`,
	needsReview: true,
});

/** The keys of an item that say how it went (never a recognized value). */
function outcome(item: Json, keys: readonly string[]): Json {
	return Object.fromEntries(keys.filter((key) => key in item).map((key) => [key, item[key]]));
}

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

describeReal(
	'bounded work on n8n %s: each hostile item ends at once, n8n keeps answering',
	(line) => {
		const version = N8N_PINS[line].n8n;
		let clova: Awaited<ReturnType<typeof startScriptedClova>>;
		let host: HostileServer;
		let ctx: N8nContext & { dispose(): void };
		let server: RunningN8n | undefined;

		beforeAll(async () => {
			clova = await startScriptedClova(ANSWERS);
			host = await startHostileServer(CARD_JPEG);
			const credential = clovaCredential(
				clova.invokeUrl,
				SECRET,
				'clovaE2eBounded1',
				'CLOVA OCR scripted',
			);
			ctx = await setUpN8n(line, { packages: [real!], credentials: [credential] });
			// A request that got past the Image URL guard would reach the hostile server, never the network.
			ctx.env.HTTP_PROXY = host.url;
			ctx.env.HTTPS_PROXY = host.url;
			ctx.env.NO_PROXY = '127.0.0.1,localhost';
			const flows = Object.keys(CLOVA_PARAMETERS) as Flow[];
			await activate(ctx, line, [
				pingWorkflow(line),
				...flows.map((flow, i) =>
					hostileWorkflow(line, flow, i + 1, CLOVA_PARAMETERS[flow], credential),
				),
			]);
			server = await startN8n(ctx);
			await untilWebhooksServed(server.url, [PATHS.ping], 'GET');
			await untilWebhooksServed(
				server.url,
				flows.map((flow) => PATHS[flow]),
			);
			// A first call before any run: the route's one-time costs are not counted against a run.
			await ping(server);
		}, TIMEOUT_MS);

		beforeEach(() => {
			host.reset();
			clova.asked.length = 0;
		});

		afterAll(async () => {
			process.stdout.write(`bounded work on n8n ${version}:\n  ${seen.splice(0).join('\n  ')}\n`);
			await server?.stop();
			ctx?.dispose();
			await clova?.close();
			await host?.close();
		}, TIMEOUT_MS);

		it(
			'(1) a PDF with /Count 1 and 400 KB of whitespace, as Base64: one page, recognized',
			async () => {
				const pdf = spacedCountPdf();
				const items = await itemsOf(
					server!,
					'fields',
					[{ b64: b64(pdf), name: 'case-pdf.pdf' }],
					'(1) PDF /Count 1 + 400 KB whitespace',
				);
				expect(
					items.map((item) =>
						outcome(item, [
							'error',
							'documentType',
							'field',
							'pageIndex',
							'warnings',
							'needsReview',
						]),
					),
				).toEqual([
					{
						documentType: 'idCard',
						field: 'name',
						pageIndex: null,
						warnings: 'personalNum: missing',
						needsReview: true,
					},
				]);
				expect(clova.asked).toEqual(['pdf']);
			},
			TIMEOUT_MS,
		);

		it(
			'(2) dates with 20,000-space runs in the answer: not read (over 64 characters), at once',
			async () => {
				const items = await itemsOf(
					server!,
					'fields',
					[{ b64: b64(CARD_JPEG), name: 'case-date.jpg' }],
					'(2) dates with 20,000-space runs',
				);
				// Not dates: each is output as it came (compared, never printed), not valid.
				expect(
					items.map((item) => ({
						...outcome(item, [
							'error',
							'documentType',
							'field',
							'valid',
							'warnings',
							'needsReview',
						]),
						valueIsTheText: item.value === HOSTILE_DATES[item.field as keyof typeof HOSTILE_DATES],
					})),
				).toEqual([
					...['issueDate', 'expireDate'].map((field) => ({
						documentType: 'driverLicense',
						field,
						valid: false,
						warnings: `${field}: not a recognizable date; num: missing; personalNum: missing`,
						needsReview: true,
						valueIsTheText: true,
					})),
				]);
				expect(clova.asked).toEqual(['date']);
			},
			TIMEOUT_MS,
		);

		it(
			'(3) a progressive JPEG with 4,000 refinement scans, Add Redacted Image: no copy, the reason',
			async () => {
				const jpeg = eobRunJpeg({
					width: 2000,
					height: 2000,
					sampling: [[1, 1]],
					acScans: 4000,
					refine: true,
				});
				const items = await itemsOf(
					server!,
					'redacted',
					[{ b64: b64(jpeg), name: 'case-scans.jpg' }],
					`(3) JPEG with 4,000 refinement scans (${kib(jpeg)})`,
				);
				expect(items.map((item) => outcome(item, REDACTION_KEYS))).toEqual([
					noCopy(
						"JPEG whose scans decode each block more than 16 times on average is over the limit (encoders' progressive files: at most 6)",
					),
				]);
				expect(clova.asked).toEqual(['scans']);
			},
			TIMEOUT_MS,
		);

		it(
			`(4) full-image regions on the sample card, Add Redacted Image: 20,000 refused by the answer's limits, ${REGIONS_WITHIN_LIMITS} painted once`,
			async () => {
				const items = await itemsOf(
					server!,
					'redacted',
					[
						{ b64: b64(CARD_JPEG), name: 'case-flood.jpg' },
						{ b64: b64(CARD_JPEG), name: 'case-regions.jpg' },
					],
					`(4) 20,000 and ${REGIONS_WITHIN_LIMITS} full-image regions`,
				);
				expect(items.map((item) => outcome(item, REDACTION_KEYS))).toEqual([
					{ error: limit('16 polygons in one value') },
					{
						documentType: 'idCard',
						redaction: 'applied',
						// The answer's 'A' in every field: the checks read each date and the authority.
						warnings:
							'birthDate: not a recognizable date; issueDate: not a recognizable date; expireDate: not a recognizable date; renewStartDate: not a recognizable date; renewEndDate: not a recognizable date; authority: not a recognized city, county or district head; personalNum: missing',
						needsReview: true,
					},
				]);
				// The copy itself, answered by the webhook: the whole card black.
				const copy = await postWhilePinging(server!, 'copy', [
					{ b64: b64(CARD_JPEG), name: 'case-regions.jpg' },
				]);
				expectResponsive(`(4) the copy with ${REGIONS_WITHIN_LIMITS} regions`, copy);
				expect(copy.answer?.status).toBe(200);
				const decoded = await decode(answeredFile(copy.answer!.body));
				expect([decoded.width, decoded.height]).toEqual([CARD.width, CARD.height]);
				expect(decoded.data.reduce((max, v) => Math.max(max, v), 0)).toBeLessThanOrEqual(
					JPEG_BLACK_MAX,
				);
				expect(clova.asked).toEqual(['flood', 'regions', 'regions']);
			},
			TIMEOUT_MS,
		);

		it(
			'(5) small PNGs and a JPEG claiming up to 100 MP (the PNGs 16-bit RGBA interlaced), Add Redacted Image: no copy, the reason',
			async () => {
				const files = [
					// 800 MB of image data in 4 KiB: more than deflate can hold.
					['case-claims-tiny.png', pngWithGarbageIdat(10_000, 10_000, 16, 6, true, 4096)],
					// 1526 MiB (the data and the interlaced image) in 723 KiB (within deflate's ratio): over the absolute cap.
					['case-claims-big.png', pngWithGarbageIdat(10_000, 10_000, 16, 6, true, 740_000)],
					// 62 MiB in 59 KiB: under the absolute cap, over the cap for a file of its size.
					['case-claims-small.png', pngWithGarbageIdat(2000, 2000, 16, 6, true, 60_000)],
					// 573 MiB of DCT coefficients in 684 KiB.
					['case-claims.jpg', paddedJpegHeader(10_000, 10_000, 700_000)],
				] as const;
				const items = await itemsOf(
					server!,
					'redacted',
					files.map(([name, bytes]) => ({ b64: b64(bytes), name })),
					`(5) images claiming 100 MP (${files.map(([, bytes]) => kib(bytes)).join(', ')})`,
				);
				expect(items.map((item) => outcome(item, REDACTION_KEYS))).toEqual(
					[
						'damaged PNG: too little image data for 10000×10000 pixels',
						'the image data of a 10000×10000 PNG (16-bit RGBA, interlaced) would take the redaction to 1526 MiB of memory, over the limit of 256 MiB',
						'the image data of a 2000×2000 PNG (16-bit RGBA, interlaced) would take the redaction to 62 MiB of memory, over the limit for a file of 59 KiB (48 MiB + 128 × the file size)',
						'the DCT coefficients of a 10000×10000 JPEG would take the redaction to 573 MiB of memory, over the limit of 256 MiB',
					].map(noCopy),
				);
				expect(clova.asked).toEqual(['claims', 'claims', 'claims', 'claims']);
			},
			TIMEOUT_MS,
		);

		it(
			'(6) answers of 80,000 values and of 200,000-deep nesting, Include Polygons: each item fails naming the limit',
			async () => {
				const items = await itemsOf(
					server!,
					'fields',
					[
						{ b64: b64(CARD_JPEG), name: 'case-values.jpg' },
						{ b64: b64(CARD_JPEG), name: 'case-deep.jpg' },
					],
					'(6) 80,000 values, 200,000-deep nesting',
				);
				expect(items).toEqual([
					{ error: limit('32 values in one field') },
					{ error: limit('32 levels of nesting') },
				]);
				expect(clova.asked).toEqual(['values', 'deep']);
			},
			TIMEOUT_MS,
		);

		it(
			'(7) Image URLs with internal host names: refused before any connection',
			async () => {
				const urls = ['http://metadata.google.internal/x.png', 'http://instance-data/x.png'];
				const items = await itemsOf(
					server!,
					'url',
					urls.map((url) => ({ url })),
					'(7) internal host names',
				);
				expect(items).toEqual([
					{
						error:
							'The Image URL points at an internal host name (the .internal suffix, reserved for private networks, where cloud metadata services answer)',
					},
					{
						error:
							'The Image URL points at an internal host name (a single label, which only the local network resolves)',
					},
				]);
				// Nothing reached the proxy (the hostile server), nor CLOVA OCR.
				expect(host.log.connections).toBe(0);
				expect(host.log.requests).toEqual([]);
				expect(clova.asked).toEqual([]);
			},
			TIMEOUT_MS,
		);
	},
);

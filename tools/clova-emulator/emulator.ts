/**
 * startEmulator: a local HTTP stand-in for CLOVA OCR's Document OCR models, General OCR and
 * Template OCR, one domain per product as on the real service (`POST {invokeUrl}/document/id-card`
 * on the ID-card domain, `/document/biz-license` on the business-registration domain, ...,
 * `/general` on the General OCR domain, `/infer` on the Template OCR domain), following the
 * documented contract, with test controls (scenarios, latency, concurrency cap, faults) and a
 * record of every request.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBody } from './body-reader';
import { ConcurrencyGate } from './concurrency-gate';
import {
	handleControlRequest,
	isControlPath,
	type ControlTarget,
	type PublicRuntimeOptions,
} from './control-api';
import {
	resolveRuntimeOptions,
	resolveStartOptions,
	validateRuntimeOptions,
	type DomainSettings,
	type EmulatorOptions,
	type EmulatorRuntimeOptions,
	type EmulatorStartOptions,
} from './emulator-options';
import { CLOVA_ERRORS, type ClovaErrorKind } from './error-codes';
import { renderDocument } from './fixture-documents';
import { imageUid } from './image-uid';
import {
	MAX_BODY_BYTES,
	parseOcrRequest,
	type RequestContract,
	type ValidOcrRequest,
} from './ocr-request';
import {
	formMatches,
	notMatchedScenario,
	pageAnswer,
	type PageAnswer,
	type PageRequest,
} from './page-answers';
import { pageCountOf } from './page-count';
import {
	redactHeaders,
	RequestLog,
	summarizeRequest,
	type EmulatorStats,
	type RecordedRequest,
} from './request-log';
import {
	dropConnection,
	HTML_CONTENT_TYPE,
	JSON_CONTENT_TYPE,
	NON_JSON_BODY,
	sendClovaError,
	sendText,
	sendTruncated,
} from './responses';
import { PRODUCT_INFO, PRODUCTS, type Product } from './products';
import { fallbackDocumentFor, selectScenarioFor, type ScenarioChoice } from './scenario-selection';
import {
	isDocumentScenario,
	isPageScenario,
	isScenarioName,
	type AnswerScenarioName,
	type PageScenarioName,
	type ScenarioName,
} from './scenarios';
import { createSeededRandom, rollFault, type RandomSource } from './seeded-random';
import { ServiceClock, type DrawnLatencies, type LatencyModel } from './service-time';

export const EMULATOR_HOST = '127.0.0.1';
/** The ID-card domain's path (each product's: PRODUCT_INFO[product].path). */
export const ENDPOINT_SUFFIX = PRODUCT_INFO.idCard.path;

/** One product's domain as served. */
export interface EmulatorDomain {
	readonly product: Product;
	readonly domainId: string;
	/** url + the domain's base path: its Invoke URL. */
	readonly invokeUrl: string;
	/** The only path the domain answers: its base path + the product's path. */
	readonly endpointPath: string;
	readonly secretKey: string;
}

export interface Emulator {
	/** http://127.0.0.1:PORT */
	readonly url: string;
	/** The ID-card domain's url + basePath; what a user pastes as the invoke URL. */
	readonly invokeUrl: string;
	/** Every product's Invoke URL (one domain per product; `invokeUrls.idCard === invokeUrl`). */
	readonly invokeUrls: Readonly<Record<Product, string>>;
	/** Every product's domain: its id, Invoke URL, endpoint path and secret. */
	readonly domains: Readonly<Record<Product, EmulatorDomain>>;
	readonly port: number;
	/** The ID-card domain's X-OCR-SECRET (every domain's unless `domains` says otherwise). */
	readonly secretKey: string;
	/** Every request on API paths, in arrival order (live array, cleared by reset()). */
	readonly requests: RecordedRequest[];
	/** A snapshot of the counters. */
	readonly stats: EmulatorStats;
	/**
	 * The latencies drawn for admitted requests since start or reset (their count, sum and
	 * longest): the service's busy time, from which a benchmark computes its ideal.
	 */
	readonly drawnLatencies: DrawnLatencies;
	/** The current runtime knobs. */
	readonly options: Readonly<EmulatorRuntimeOptions>;
	/**
	 * Answers every following valid request with `name` (null: back to per-request rules): on
	 * its product's domain, a fault on every domain; other domains pass it over.
	 */
	setScenario(name: ScenarioName | null): void;
	/**
	 * Answers the next valid requests with these scenarios, one each, before anything else; each
	 * goes to the first request on a domain it applies to (its product's; a fault: any).
	 */
	enqueue(...names: ScenarioName[]): void;
	/** Changes runtime knobs; a new `seed` restarts the fault, latency and refusal-delay sequences. */
	configure(options: Partial<EmulatorRuntimeOptions>): void;
	/**
	 * Clears records, counters, drawn latencies, the queue and the setScenario override;
	 * restarts the fault, latency and refusal-delay sequences.
	 */
	reset(): void;
	/** Stops listening, cuts open connections, cancels pending answers. */
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const emulator = new EmulatorServer(resolveStartOptions(options), resolveRuntimeOptions(options));
	await emulator.listen();
	return emulator;
}

type WaitOutcome = 'elapsed' | 'closed';

class EmulatorServer implements Emulator, ControlTarget {
	readonly secretKey: string;
	private readonly start: EmulatorStartOptions;
	private runtime: EmulatorRuntimeOptions;
	private readonly server: Server;
	private readonly log = new RequestLog();
	private readonly gate = new ConcurrencyGate();
	private readonly endpoints: ReadonlyMap<string, Product>;
	private readonly pendingWaits = new Set<() => void>();
	private random: RandomSource;
	private readonly clock: ServiceClock;
	private queue: ScenarioName[] = [];
	private override: ScenarioName | null = null;
	private closed = false;
	private boundPort = 0;

	constructor(start: EmulatorStartOptions, runtime: EmulatorRuntimeOptions) {
		this.start = start;
		this.runtime = runtime;
		this.secretKey = start.secretKey;
		this.endpoints = new Map(
			PRODUCTS.map((product) => [endpointPath(product, start.domains[product]), product]),
		);
		this.random = createSeededRandom(runtime.seed);
		this.clock = new ServiceClock(runtime.seed);
		this.server = createServer((request, response) => {
			this.route(request, response).catch(() => {
				if (!response.headersSent) response.destroy();
			});
		});
	}

	listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.start.port, EMULATOR_HOST, () => {
				this.server.off('error', reject);
				this.boundPort = (this.server.address() as AddressInfo).port;
				resolve();
			});
		});
	}

	get port(): number {
		return this.boundPort;
	}

	get url(): string {
		return `http://${EMULATOR_HOST}:${this.boundPort}`;
	}

	get invokeUrl(): string {
		return this.url + this.start.basePath;
	}

	get invokeUrls(): Readonly<Record<Product, string>> {
		return Object.fromEntries(
			PRODUCTS.map((product) => [product, this.url + this.start.domains[product].basePath]),
		) as Record<Product, string>;
	}

	get domains(): Readonly<Record<Product, EmulatorDomain>> {
		return Object.fromEntries(
			PRODUCTS.map((product) => {
				const domain = this.start.domains[product];
				const served: EmulatorDomain = {
					product,
					domainId: domain.domainId,
					invokeUrl: this.url + domain.basePath,
					endpointPath: endpointPath(product, domain),
					secretKey: domain.secretKey,
				};
				return [product, served];
			}),
		) as Record<Product, EmulatorDomain>;
	}

	get requests(): RecordedRequest[] {
		return this.log.requests;
	}

	get stats(): EmulatorStats {
		return this.log.stats(this.gate.inFlight);
	}

	get drawnLatencies(): DrawnLatencies {
		return this.clock.drawn;
	}

	get options(): Readonly<EmulatorRuntimeOptions> {
		return {
			...this.runtime,
			faultScenarios: [...this.runtime.faultScenarios],
			refusalDelayMs: [...this.runtime.refusalDelayMs],
			documentEdits: this.runtime.documentEdits.map(([search, replacement]) => [
				search,
				replacement,
			]),
			templates: this.runtime.templates.map((template) => ({ ...template })),
		};
	}

	setScenario(name: ScenarioName | null): void {
		if (name !== null && !isScenarioName(name))
			throw new TypeError(`unknown scenario ${String(name)}`);
		this.override = name;
	}

	enqueue(...names: ScenarioName[]): void {
		for (const name of names)
			if (!isScenarioName(name)) throw new TypeError(`unknown scenario ${String(name)}`);
		this.queue.push(...names);
	}

	configure(options: Partial<EmulatorRuntimeOptions>): void {
		const valid = validateRuntimeOptions(options);
		this.runtime = { ...this.runtime, ...valid };
		if (valid.seed !== undefined) {
			this.random = createSeededRandom(valid.seed);
			this.clock.restart(valid.seed);
		}
	}

	reset(): void {
		this.log.reset(this.gate.inFlight);
		this.queue = [];
		this.override = null;
		this.random = createSeededRandom(this.runtime.seed);
		this.clock.restart(this.runtime.seed);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const cancel of [...this.pendingWaits]) cancel();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	requestSummaries() {
		return this.log.requests.map(summarizeRequest);
	}

	scenarioState() {
		return {
			override: this.override,
			queue: [...this.queue],
			default: this.runtime.defaultScenario,
		};
	}

	publicOptions(): PublicRuntimeOptions {
		const r = this.runtime;
		return {
			defaultScenario: r.defaultScenario,
			latencyMs: r.latencyMs,
			latencyDistribution: r.latencyDistribution,
			latencyP95Ratio: r.latencyP95Ratio,
			latencyTailRate: r.latencyTailRate,
			latencyTailFactor: r.latencyTailFactor,
			concurrencyCap: r.concurrencyCap,
			refusalDelayMs: [...r.refusalDelayMs],
			retryAfterSeconds: r.retryAfterSeconds,
			faultRate: r.faultRate,
			faultScenarios: [...r.faultScenarios],
			seed: r.seed,
			slowMs: r.slowMs,
			documentEdits: r.documentEdits.map(([search, replacement]) => [search, replacement]),
			maxPages: r.maxPages,
			tableDetection: r.tableDetection,
			templates: r.templates.map((template) => ({ ...template })),
			templateNotMatched: r.templateNotMatched,
		};
	}

	private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const target = request.url ?? '/';
		const queryStart = target.indexOf('?');
		const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
		if (this.start.controlApi && isControlPath(pathname)) {
			await handleControlRequest(request, response, pathname, this);
			return;
		}
		await this.handleApiRequest(request, response, target, pathname);
	}

	private async handleApiRequest(
		request: IncomingMessage,
		response: ServerResponse,
		target: string,
		pathname: string,
	): Promise<void> {
		// One domain, one product: only `{basePath}{product path}` of a domain is an endpoint;
		// any other path, another product's included, is 0001.
		const product = request.method === 'POST' ? this.endpoints.get(pathname) : undefined;
		const domain = product === undefined ? null : this.start.domains[product];
		const record = this.log.start({
			method: request.method ?? '',
			path: target,
			headers: redactHeaders(request.headers),
			secretOk: this.secretMatches(request.headers['x-ocr-secret'], domain),
			contentType: request.headers['content-type'] ?? null,
			product: product ?? null,
		});
		response.on('close', () => {
			record.durationMs = Date.now() - record.receivedAt;
			this.logLine(record, product);
		});

		if (product === undefined || domain === null)
			return this.answerError(request, response, record, 'urlInvalid', pathname);
		if (!record.secretOk)
			return this.answerError(request, response, record, 'secretInvalid', pathname);

		const release = this.gate.tryEnter(domain.basePath, this.runtime.concurrencyCap);
		if (release === null) return this.refuse(request, response, record, pathname);
		this.log.noteInFlight(this.gate.inFlight);
		response.on('close', release);
		// One latency per admitted request, drawn in admission order (the seeded sequence).
		const latencyMs = this.clock.nextLatency(this.latencyModel());

		let body: Buffer | null;
		try {
			({ body } = await readBody(request, MAX_BODY_BYTES));
		} catch {
			return; // the client went away mid-upload
		}
		record.bodyReceivedAt = Date.now();

		if (body === null) {
			record.rejectionReason = `body over ${MAX_BODY_BYTES} bytes`;
			record.delayMs = latencyMs;
			if ((await this.waitFromBody(latencyMs, record, response)) === 'closed') return;
			return this.answerError(request, response, record, 'bodyInvalid', pathname);
		}

		const parsed = parseOcrRequest(request.headers['content-type'], body, contractOf(product));
		Object.assign(record, parsed.upload);
		if (!parsed.ok) {
			record.rejectionReason = parsed.reason;
			record.delayMs = latencyMs;
			if ((await this.waitFromBody(latencyMs, record, response)) === 'closed') return;
			return this.answerError(request, response, record, 'bodyInvalid', pathname);
		}

		// General and Template OCR: the page cap, the domain's table toggle, deployed templates.
		const refusal = this.pageRequestRefusal(parsed.request, product, record);
		if (refusal !== null) {
			record.delayMs = latencyMs;
			if ((await this.waitFromBody(latencyMs, record, response)) === 'closed') return;
			return this.answerError(request, response, record, refusal, pathname);
		}

		const choice = this.templateChoice(
			this.chooseScenario(parsed.request, product),
			parsed.request,
		);
		this.log.noteScenario(record, choice.scenario, choice.source);
		const delay = choice.scenario === 'slow' ? this.runtime.slowMs : latencyMs;
		record.delayMs = delay;
		if ((await this.waitFromBody(delay, record, response)) === 'closed') return;
		this.answerScenario(
			request,
			response,
			record,
			choice.scenario,
			parsed.request,
			pathname,
			product,
		);
	}

	/**
	 * A request over the cap: 0025 once its body has arrived, at once or after the configured
	 * refusal delay. The body is never parsed, and the request holds no slot while it waits.
	 */
	private async refuse(
		request: IncomingMessage,
		response: ServerResponse,
		record: RecordedRequest,
		pathname: string,
	): Promise<void> {
		const delay = this.clock.nextRefusalDelay(this.runtime.refusalDelayMs);
		record.delayMs = delay;
		// The body is read first, even for a refusal at once: answering mid-upload makes Node
		// close the connection, and the client sees a broken pipe instead of the 0025.
		request.resume();
		if ((await this.bodyRead(request, response)) === 'closed') return;
		record.bodyReceivedAt = Date.now();
		if ((await this.wait(delay, response)) === 'closed') return;
		this.answerError(request, response, record, 'rateLimited', pathname);
	}

	/**
	 * What a General or Template request is refused with beyond its body, in this order: a file
	 * of more pages than `maxPages` (0011, as a file over 50 MB), `enableTableDetection` on a
	 * domain whose table toggle is off (0028), `templateIds` naming a template not deployed
	 * (1021). Null when admitted (and always for Document OCR).
	 */
	private pageRequestRefusal(
		ocr: ValidOcrRequest,
		product: Product,
		record: RecordedRequest,
	): ClovaErrorKind | null {
		if (product !== 'general' && product !== 'template') return null;
		const pages = ocr.imageUrl === null ? pageCountOf(ocr.imageFormat, ocr.file) : 1;
		record.pageCount = pages;
		if (pages > this.runtime.maxPages) {
			record.rejectionReason = `file has ${pages} pages, over maxPages ${this.runtime.maxPages}`;
			return 'bodyInvalid';
		}
		if (ocr.enableTableDetection && !this.runtime.tableDetection) {
			record.rejectionReason = 'enableTableDetection with the domain’s table toggle off';
			return 'tableDetectionDisabled';
		}
		if (product === 'template' && ocr.templateIds !== null) {
			const deployed = new Set(this.runtime.templates.map((template) => template.id));
			const missing = ocr.templateIds.filter((id) => !deployed.has(id));
			if (missing.length > 0) {
				record.rejectionReason = `templateIds ${missing.join(', ')} not deployed`;
				return 'templateNotDeployed';
			}
		}
		return null;
	}

	/**
	 * On the Template domain, an image that matches no deployed template is answered as the
	 * `templateNotMatched` knob says: another product's document, or the sample form (template
	 * 390) when 390 is not deployed or not among the request's `templateIds`.
	 */
	private templateChoice(choice: ScenarioChoice, ocr: ValidOcrRequest): ScenarioChoice {
		const notMatched = notMatchedScenario(this.runtime.templateNotMatched);
		if (choice.foreign === true && choice.scenario === 'template-not-matched')
			return { ...choice, scenario: notMatched };
		if (
			choice.scenario === 'template-success' &&
			!formMatches(this.runtime.templates, ocr.templateIds)
		)
			return { ...choice, scenario: notMatched };
		return choice;
	}

	private latencyModel(): LatencyModel {
		const r = this.runtime;
		return {
			distribution: r.latencyDistribution,
			latencyMs: r.latencyMs,
			p95Ratio: r.latencyP95Ratio,
			tailRate: r.latencyTailRate,
			tailFactor: r.latencyTailFactor,
		};
	}

	private chooseScenario(request: ValidOcrRequest, product: Product): ScenarioChoice {
		const choice = selectScenarioFor(product, {
			queue: this.queue,
			override: this.override,
			imageName: request.imageName,
			file: request.file,
			defaultScenario: this.runtime.defaultScenario,
		});
		if (choice.source === 'queue') return choice;
		const fault = rollFault(this.random, this.runtime.faultRate, this.runtime.faultScenarios);
		return fault === null ? choice : { scenario: fault, source: 'fault-rate' };
	}

	private answerScenario(
		request: IncomingMessage,
		response: ServerResponse,
		record: RecordedRequest,
		scenario: ScenarioName,
		ocr: ValidOcrRequest,
		pathname: string,
		product: Product,
	): void {
		const edited = (text: string): string =>
			this.runtime.documentEdits.reduce(
				(result, [search, replacement]) => result.split(search).join(replacement),
				text,
			);
		const pages = (name: PageScenarioName): PageAnswer =>
			pageAnswer(name, this.pageRequest(ocr, record));
		/** A document's text: a page answer that is an error body gives the product's success. */
		const document = (name: AnswerScenarioName): string => {
			if (isPageScenario(name)) {
				const answer = pages(name);
				return edited(
					answer.kind === 'text'
						? answer.text
						: documentText(pages(PRODUCT_INFO[product].successScenario as PageScenarioName)),
				);
			}
			return edited(
				renderDocument(
					name,
					{
						requestId: ocr.requestId,
						timestamp: Date.now(),
						imageName: ocr.imageName,
						uid: imageUid(),
					},
					ocr.imageFormat,
				),
			);
		};

		if (isDocumentScenario(scenario)) {
			this.log.noteAnswer(record, 200, null);
			return sendText(response, 200, JSON_CONTENT_TYPE, document(scenario));
		}
		if (isPageScenario(scenario)) {
			const answer = pages(scenario);
			if (answer.kind === 'error')
				return this.answerError(request, response, record, answer.error, pathname);
			this.log.noteAnswer(record, 200, null);
			return sendText(response, 200, JSON_CONTENT_TYPE, edited(answer.text));
		}
		switch (scenario) {
			case 'server-error':
				return this.answerError(request, response, record, 'unknownServiceError', pathname);
			case 'ocr-error':
				return this.answerError(request, response, record, 'ocrServiceError', pathname);
			case 'rate-limit':
				return this.answerError(request, response, record, 'rateLimited', pathname);
			case 'quota':
				return this.answerError(request, response, record, 'quotaReached', pathname);
			case 'drop':
				this.log.noteDropped();
				return dropConnection(response);
			case 'truncated':
				this.log.noteAnswer(record, 200, null);
				return sendTruncated(
					response,
					document(fallbackDocumentFor(product, this.runtime.defaultScenario)),
				);
			case 'non-json':
				this.log.noteAnswer(record, 200, null);
				return sendText(response, 200, HTML_CONTENT_TYPE, NON_JSON_BODY);
			case 'slow':
				this.log.noteAnswer(record, 200, null);
				return sendText(
					response,
					200,
					JSON_CONTENT_TYPE,
					document(fallbackDocumentFor(product, this.runtime.defaultScenario)),
				);
		}
	}

	private answerError(
		request: IncomingMessage,
		response: ServerResponse,
		record: RecordedRequest,
		kind: ClovaErrorKind,
		pathname: string,
	): void {
		request.resume();
		const { status, code } = CLOVA_ERRORS[kind];
		this.log.noteAnswer(record, status, code);
		const retryAfter = this.runtime.retryAfterSeconds;
		const headers: Record<string, string> =
			kind === 'rateLimited' && retryAfter !== null ? { 'Retry-After': String(retryAfter) } : {};
		sendClovaError(response, kind, pathname, headers);
	}

	private pageRequest(ocr: ValidOcrRequest, record: RecordedRequest): PageRequest {
		return {
			request: ocr,
			pages: record.pageCount ?? 1,
			converted: ocr.imageUrl === null && CONVERTED_FORMATS.has(ocr.imageFormat),
			now: Date.now(),
			uid: imageUid,
			templates: this.runtime.templates,
		};
	}

	/** Whether the header holds the domain's secret (off an endpoint: any domain's). */
	private secretMatches(
		header: string | string[] | undefined,
		domain: DomainSettings | null,
	): boolean {
		if (typeof header !== 'string') return false;
		const given = Buffer.from(header, 'utf8');
		const secrets =
			domain === null
				? PRODUCTS.map((product) => this.start.domains[product].secretKey)
				: [domain.secretKey];
		return secrets.some((secret) => {
			const expected = Buffer.from(secret, 'utf8');
			return given.length === expected.length && timingSafeEqual(given, expected);
		});
	}

	/** Waits `ms`; 'closed' when the emulator closes or the client goes away first. */
	/** Resolves once the request's body has been read to its end, or its connection closed. */
	private bodyRead(request: IncomingMessage, response: ServerResponse): Promise<WaitOutcome> {
		if (request.readableEnded) return Promise.resolve('elapsed');
		if (this.closed || response.destroyed) return Promise.resolve('closed');
		return new Promise((resolve) => {
			const finish = (outcome: WaitOutcome): void => {
				request.off('end', ended);
				response.off('close', closed);
				resolve(outcome);
			};
			const ended = (): void => finish('elapsed');
			const closed = (): void => finish('closed');
			request.once('end', ended);
			response.once('close', closed);
		});
	}

	/**
	 * Waits until `ms` after the body arrived: the service takes `ms` per call, whatever the
	 * emulator itself spent parsing the body (which a benchmark's ideal must not pay).
	 */
	private waitFromBody(
		ms: number,
		record: RecordedRequest,
		response: ServerResponse,
	): Promise<WaitOutcome> {
		const spent = record.bodyReceivedAt === null ? 0 : Date.now() - record.bodyReceivedAt;
		return this.wait(ms - spent, response);
	}

	private wait(ms: number, response: ServerResponse): Promise<WaitOutcome> {
		if (this.closed || response.destroyed) return Promise.resolve('closed');
		if (ms <= 0) return Promise.resolve('elapsed');
		return new Promise((resolve) => {
			const finish = (outcome: WaitOutcome): void => {
				clearTimeout(timer);
				this.pendingWaits.delete(cancel);
				response.off('close', cancel);
				resolve(outcome);
			};
			const cancel = (): void => finish('closed');
			const timer = setTimeout(
				() => finish(this.closed || response.destroyed ? 'closed' : 'elapsed'),
				ms,
			);
			this.pendingWaits.add(cancel);
			response.on('close', cancel);
		});
	}

	private logLine(record: RecordedRequest, product: Product | undefined): void {
		const logger = this.runtime.logger;
		if (logger === null) return;
		const where = product === undefined ? '(other path)' : PRODUCT_INFO[product].path;
		const outcome = record.status === null ? 'no answer' : String(record.status);
		const detail = record.errorCode ?? record.scenario ?? '';
		logger(
			`${record.method} ${where} -> ${outcome} ${detail} (${record.durationMs ?? 0} ms)`.replace(
				'  ',
				' ',
			),
		);
	}
}

function endpointPath(product: Product, domain: DomainSettings): string {
	return domain.basePath + PRODUCT_INFO[product].path;
}

/** Which request body a product's domain takes. */
function contractOf(product: Product): RequestContract {
	return product === 'general' || product === 'template' ? product : 'document';
}

const CONVERTED_FORMATS: ReadonlySet<string> = new Set(['pdf', 'tif', 'tiff']);

/** The text of a page answer that is known to be text (a success scenario's). */
function documentText(answer: PageAnswer): string {
	if (answer.kind !== 'text') throw new Error('a success scenario answered an error');
	return answer.text;
}

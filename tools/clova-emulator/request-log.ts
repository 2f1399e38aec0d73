/** Records every request the emulator answers on its API paths, and counts them. */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { UploadMode } from './ocr-request';
import type { Product } from './products';
import type { ScenarioSource } from './scenario-selection';
import type { ScenarioName } from './scenarios';

export const REDACTED = '[REDACTED]';

export interface RecordedRequest {
	/** 1, 2, 3... in arrival order (restarts at reset()). */
	seq: number;
	/** Epoch ms when the headers arrived. */
	receivedAt: number;
	method: string;
	/** The request target as received (path and query). */
	path: string;
	/** Request headers, names lower-cased; X-OCR-SECRET replaced by "[REDACTED]". */
	headers: IncomingHttpHeaders;
	/** Whether X-OCR-SECRET matched the domain's secret (off an endpoint: any domain's). */
	secretOk: boolean;
	/** The product whose endpoint was called; null for any other path (answered 0001). */
	product: Product | null;
	contentType: string | null;
	uploadMode: UploadMode | null;
	/** Parsed JSON body (json mode, `data` included) or `message` part (multipart); undefined when absent or unparsable. */
	message: unknown;
	/** The received file bytes (decoded from base64 in json mode). */
	file: Buffer | null;
	imageFormat: string | null;
	imageName: string | null;
	/**
	 * General and Template OCR: the pages of the uploaded file (1 for an image or an image URL),
	 * one `images[]` entry each; null for Document OCR and for bodies not read.
	 */
	pageCount: number | null;
	scenario: ScenarioName | null;
	scenarioSource: ScenarioSource | null;
	/** HTTP status sent; null while pending, or when the connection was dropped. */
	status: number | null;
	/** CLOVA error code sent, if any. */
	errorCode: string | null;
	/** Why the body was rejected with 0011. */
	rejectionReason: string | null;
	/**
	 * Ms the emulator chose to wait before answering: the latency drawn for an admitted
	 * request (`slowMs` for `slow`), the refusal delay for one over the cap (0: at once);
	 * null for answers that do not wait (URL, secret).
	 */
	delayMs: number | null;
	/** Ms from arrival to the end of the answer (or the drop). */
	durationMs: number | null;
	/**
	 * Epoch ms when the whole body had arrived (admitted requests and refusals): the service
	 * time (`delayMs`) counts from here, so the emulator's own parsing does not add to it;
	 * null when the body was not read.
	 */
	bodyReceivedAt: number | null;
}

export interface EmulatorStats {
	/** Requests received on API paths (control API excluded). */
	total: number;
	/** Requests currently being processed (admitted by the concurrency gate). */
	inFlight: number;
	/** Highest `inFlight` seen since start or reset. */
	inFlightPeak: number;
	/** Answers per HTTP status, e.g. {"200": 3, "400": 1}. */
	byStatus: Record<string, number>;
	/** Answers per CLOVA error code, e.g. {"0025": 2}. */
	byErrorCode: Record<string, number>;
	/** Requests per scenario answered. */
	byScenario: Record<string, number>;
	/** Connections destroyed without an answer (`drop`). */
	dropped: number;
}

/** What GET /__emulator/requests returns per request: no bytes, no headers, no secret. */
export interface RequestSummary {
	seq: number;
	method: string;
	path: string;
	secretOk: boolean;
	product: Product | null;
	contentType: string | null;
	uploadMode: UploadMode | null;
	imageFormat: string | null;
	imageName: string | null;
	fileBytes: number | null;
	fileSha256: string | null;
	pageCount: number | null;
	scenario: ScenarioName | null;
	scenarioSource: ScenarioSource | null;
	status: number | null;
	errorCode: string | null;
	rejectionReason: string | null;
	delayMs: number | null;
	durationMs: number | null;
}

export function redactHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
	const copy: IncomingHttpHeaders = { ...headers };
	if ('x-ocr-secret' in copy) copy['x-ocr-secret'] = REDACTED;
	return copy;
}

export function summarizeRequest(record: RecordedRequest): RequestSummary {
	return {
		seq: record.seq,
		method: record.method,
		path: record.path,
		secretOk: record.secretOk,
		product: record.product,
		contentType: record.contentType,
		uploadMode: record.uploadMode,
		imageFormat: record.imageFormat,
		imageName: record.imageName,
		fileBytes: record.file?.length ?? null,
		fileSha256:
			record.file === null ? null : createHash('sha256').update(record.file).digest('hex'),
		pageCount: record.pageCount,
		scenario: record.scenario,
		scenarioSource: record.scenarioSource,
		status: record.status,
		errorCode: record.errorCode,
		rejectionReason: record.rejectionReason,
		delayMs: record.delayMs,
		durationMs: record.durationMs,
	};
}

export class RequestLog {
	/** Live array; cleared in place by reset(). */
	readonly requests: RecordedRequest[] = [];
	private counters = emptyCounters();

	start(
		fields: Pick<
			RecordedRequest,
			'method' | 'path' | 'headers' | 'secretOk' | 'contentType' | 'product'
		>,
	): RecordedRequest {
		this.counters.total++;
		const record: RecordedRequest = {
			seq: this.counters.total,
			receivedAt: Date.now(),
			...fields,
			uploadMode: null,
			message: undefined,
			file: null,
			imageFormat: null,
			imageName: null,
			pageCount: null,
			scenario: null,
			scenarioSource: null,
			status: null,
			errorCode: null,
			rejectionReason: null,
			delayMs: null,
			durationMs: null,
			bodyReceivedAt: null,
		};
		this.requests.push(record);
		return record;
	}

	noteScenario(record: RecordedRequest, scenario: ScenarioName, source: ScenarioSource): void {
		record.scenario = scenario;
		record.scenarioSource = source;
		increment(this.counters.byScenario, scenario);
	}

	noteAnswer(record: RecordedRequest, status: number, errorCode: string | null): void {
		record.status = status;
		record.errorCode = errorCode;
		increment(this.counters.byStatus, String(status));
		if (errorCode !== null) increment(this.counters.byErrorCode, errorCode);
	}

	noteDropped(): void {
		this.counters.dropped++;
	}

	noteInFlight(inFlight: number): void {
		this.counters.inFlightPeak = Math.max(this.counters.inFlightPeak, inFlight);
	}

	stats(inFlight: number): EmulatorStats {
		const { total, inFlightPeak, byStatus, byErrorCode, byScenario, dropped } = this.counters;
		return {
			total,
			inFlight,
			inFlightPeak,
			byStatus: { ...byStatus },
			byErrorCode: { ...byErrorCode },
			byScenario: { ...byScenario },
			dropped,
		};
	}

	/** Forgets all records and counters; the peak restarts at the requests still in flight. */
	reset(inFlight: number): void {
		this.requests.length = 0;
		this.counters = emptyCounters();
		this.counters.inFlightPeak = inFlight;
	}
}

function emptyCounters() {
	return {
		total: 0,
		inFlightPeak: 0,
		byStatus: {} as Record<string, number>,
		byErrorCode: {} as Record<string, number>,
		byScenario: {} as Record<string, number>,
		dropped: 0,
	};
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The node's code as it ships: modules of the built dist/ (run `npm run build` first), loaded
 * by path and only when a case needs them. Tools never import the node's sources; the types
 * below describe just what the bench calls.
 */
import type { INode } from 'n8n-workflow';
import { join } from 'node:path';

const DIST_NODE = join(__dirname, '..', '..', '..', 'dist', 'nodes', 'ClovaOcr');

function distModule<T>(...path: string[]): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(join(DIST_NODE, ...path)) as T;
}

/** The node as n8n passes it to the node's errors. */
export const BENCH_NODE: INode = {
	id: 'bench-hostile',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface CheckedImage {
	format: string;
	name: string;
}

export interface InputGate {
	/** input/checkedImage.ts: the one gate of an image in memory (binary data), page count included. */
	checkedImage(
		node: INode,
		itemIndex: number,
		bytes: Buffer,
		name: string | undefined,
		origin: string,
	): CheckedImage;
	/** input/base64Input.ts: the Base64 Image source, decoded, then through the same gate. */
	decodeBase64Image(
		node: INode,
		itemIndex: number,
		text: string,
		name: string | undefined,
	): CheckedImage;
	/** input/pdfPageCount.ts: the page count the gate reads (null: unread, sent as it is). */
	pdfPageCount(bytes: Uint8Array): number | null;
}

export function builtInputGate(): InputGate {
	return {
		...distModule<Pick<InputGate, 'checkedImage'>>('input', 'checkedImage.js'),
		...distModule<Pick<InputGate, 'decodeBase64Image'>>('input', 'base64Input.js'),
		...distModule<Pick<InputGate, 'pdfPageCount'>>('input', 'pdfPageCount.js'),
	};
}

export interface DateParts {
	year?: string | null;
	month?: string | null;
	day?: string | null;
}

export interface DateReading {
	status: string;
	iso: string | null;
}

/** model/dateReading.ts: how every date the service sends is read. */
export interface DateReader {
	readDate(text?: string | null, formatted?: DateParts | null): DateReading;
	MAX_DATE_TEXT_LENGTH: number;
}

export function builtDateReader(): DateReader {
	return distModule<DateReader>('model', 'dateReading.js');
}

export interface RedactionRegion {
	x: number;
	y: number;
	width: number;
	height: number;
}

export type RedactionResult =
	| { status: 'applied' | 'noRegions'; data: Uint8Array }
	| { status: 'unsupported'; reason: string };

/** redaction/index.ts: the redacted copy (Add Redacted Image). */
export type RedactImage = (file: Uint8Array, regions: RedactionRegion[]) => RedactionResult;

export function builtRedactImage(): RedactImage {
	return distModule<{ redactImage: RedactImage }>('redaction', 'index.js').redactImage;
}

/** response/parseResponse.ts: the one place a success body is read (opaque here). */
export type ParseIdCardResponse = (body: string) => unknown;

export interface AnswerParameters {
	operation: 'recognizeIdCard' | 'recognizeDriverLicense' | 'recognizeAnyId';
	output: 'fields' | 'document' | 'raw';
	includePolygons: boolean;
	revealSensitiveValues: boolean;
	minConfidence: number;
}

/** actions/answerOutcome.ts: the document read from the answer, reviewed and flattened into items. */
export type AnswerOutcome = (
	node: INode,
	itemIndex: number,
	parsed: unknown,
	parameters: AnswerParameters,
	runDate: string,
) => { rows: unknown[] };

export interface AnswerReader {
	parseIdCardResponse: ParseIdCardResponse;
	answerOutcome: AnswerOutcome;
}

export function builtAnswerReader(): AnswerReader {
	return {
		...distModule<Pick<AnswerReader, 'parseIdCardResponse'>>('response', 'parseResponse.js'),
		...distModule<Pick<AnswerReader, 'answerOutcome'>>('actions', 'answerOutcome.js'),
	};
}

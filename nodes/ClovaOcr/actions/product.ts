import type { INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PagePolicy } from '../input/checkedImage';
import type { ProductId } from '../model/products';
import type { ParsedIdCardResponse } from '../response/parseResponse';
import type { MessageOptions } from '../transport/requestBody';
import type { AnswerOutcome, AnswerParameters } from './answerOutcome';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { ImageResult } from '../response/schema';
import type { DocumentRules } from '../review/documentRules';

/** What an operation reads and how: the one place a product's contract and rules meet the shared flow. */
export interface Product {
	/** Which endpoint (and so which domain) the image goes to. */
	id: ProductId;
	/** The key of `images[0]` that holds the result (`idCard`, `bizLicense`…). */
	resultKey: string;
	/**
	 * The document of a read image result. Throws for a result that does not fit the product's
	 * shape, or a document the operation does not accept.
	 */
	documentOf(image: ImageResult, node: INode, itemIndex: number): RecognizedDocument;
	/** The checks behind `valid`, `warnings`, `notes` and `needsReview`. */
	rules: DocumentRules;
	/**
	 * Whether the service read the image; by default `inferResult` SUCCESS, or a `<resultKey>.result`
	 * without one (actions/recognitionChecks.ts assertImageWasRead).
	 */
	assertRead?(image: ImageResult, node: INode, itemIndex: number): void;
	/**
	 * How many pages a PDF or TIFF may have: the ID-card and Document OCR models read one
	 * (a longer file is a billed call that fails); General and Template OCR read every page.
	 */
	pages: PagePolicy;
}

/** The Document OCR models Recognize Other Document reads (its Document Model parameter). */
export type DocumentModel = 'receipt' | 'creditCard' | 'nameCard' | 'passport';

/** What the node outputs per image: Document OCR's three modes, and General OCR's. */
export type OutputMode = 'fields' | 'document' | 'raw' | TextOutputMode;
export type TextOutputMode = 'lines' | 'words' | 'text' | 'tables';

/** The outputs of a Document OCR model's operation. */
export const DOCUMENT_OUTPUTS: readonly OutputMode[] = ['fields', 'document', 'raw'];

/** A language General and Template OCR read (`lang`). */
export type Language = 'ko' | 'ja' | 'zh-TW' | 'en';

/** The item's parameters that choose a product within an operation, and what its request carries. */
export interface ProductChoice {
	documentModel: DocumentModel;
	/** Options > Languages (General and Template OCR); empty: the service's default. */
	languages: Language[];
	/** Options > Detect Tables (General OCR). */
	tableDetection: boolean;
	/** Options > Template IDs (Template OCR); empty: every deployed template. */
	templateIds: number[];
}

/** The items of one checked answer, as an operation that is not a Document OCR model reads them. */
export type AnswerReader = (
	node: INode,
	itemIndex: number,
	answer: ParsedIdCardResponse,
	parameters: AnswerParameters,
	runDate: string,
) => AnswerOutcome;

/** One operation of a resource (n8n's resource/operation pattern). */
export interface OperationDefinition {
	option: INodePropertyOptions;
	/** Shown under the node's name on the canvas. */
	subtitle: string;
	/** The Output values it takes; the first is its default. */
	outputs: readonly OutputMode[];
	/** The product an item's image goes to. */
	productOf(choice: ProductChoice): Product;
	/** What its request carries beside the image; nothing by default. */
	messageOf?(choice: ProductChoice): MessageOptions;
	/** How it reads an answer; by default as a document of its product (answerOutcome.ts). */
	readAnswer?: AnswerReader;
}

/**
 * One resource: its option in Resource, its operations, and its parameters: its Operation
 * (shown for this resource only) first, then those only its operations take.
 */
export interface ResourceDefinition {
	option: INodePropertyOptions;
	operations: Readonly<Record<string, OperationDefinition>>;
	properties: INodeProperties[];
}

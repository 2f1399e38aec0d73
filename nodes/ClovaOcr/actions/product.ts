import type { INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ProductId } from '../model/products';
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
}

/** The Document OCR models Recognize Other Document reads (its Document Model parameter). */
export type DocumentModel = 'receipt' | 'creditCard' | 'nameCard' | 'passport';

/** The item's parameters that choose a product within an operation. */
export interface ProductChoice {
	documentModel: DocumentModel;
}

/** One operation of a resource (n8n's resource/operation pattern). */
export interface OperationDefinition {
	option: INodePropertyOptions;
	/** Shown under the node's name on the canvas. */
	subtitle: string;
	/** The product an item's image goes to. */
	productOf(choice: ProductChoice): Product;
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

import { PRODUCTS } from '../../model/products';
import { flattenElements } from '../../response/elementTree';
import { modelSectionOf } from '../../response/modelSection';
import type { RecognizedDocument, RecognizedField } from '../../response/recognizedDocument';
import { ResponseShapeError } from '../../response/responseShapeError';
import type { ImageResult } from '../../response/schema';
import type { DocumentModel } from '../product';

/**
 * A Document OCR model's result read without assuming its tree: every element, wherever it
 * sits and whether it came alone or in an array, is a value of the field named by its path
 * (`storeInfo.name`, `subResults[0].items[2].price.price`), in the order the service sent them.
 */
export function modelDocumentOf(image: ImageResult, model: DocumentModel): RecognizedDocument {
	const resultKey = PRODUCTS[model].resultKey!;
	const result = modelSectionOf(image, resultKey)?.result;
	if (result === undefined)
		throw new ResponseShapeError(`images[0].${resultKey}.result is missing`);
	const fields = new Map<string, RecognizedField>();
	for (const { field, element } of flattenElements(result, ['images', 0, resultKey, 'result'])) {
		const known = fields.get(field);
		if (known) known.values.push(element);
		else fields.set(field, { field, values: [element] });
	}
	const isConfident = Object.prototype.hasOwnProperty.call(result, 'isConfident')
		? result.isConfident
		: undefined;
	return {
		documentType: model,
		idType: null,
		isConfident: typeof isConfident === 'boolean' ? isConfident : null,
		fields: [...fields.values()],
	};
}

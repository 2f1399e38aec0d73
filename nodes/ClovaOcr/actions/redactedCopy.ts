import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { storeOutboundBinary } from '../boundary/outboundBinary';
import { redactionPlanOf } from '../output/redactionRegions';
import type { InputImage } from '../input/readInputImage';
import { readImageSize, redactImage } from '../redaction/index';
import type { RecognizedDocument } from '../response/recognizedDocument';
import { WARNING_SEPARATOR } from '../review/reviewDocument';

export type RedactionStatus = 'applied' | 'noRegions' | 'unsupported';

export interface RedactedCopyParameters {
	binaryPropertyName: string;
	redactFields: string[];
}

/** A redacted copy as the items carry it: the stored binary, or why there is none. */
export type RedactedCopy =
	| { status: 'applied' | 'noRegions'; binary: IBinaryData }
	| { status: 'unsupported'; reason: string };

/**
 * The bytes of the file as it was sent: in memory, or read again from n8n's binary store
 * (a stored JPEG or PNG streams to CLOVA and is not held). The only place the redacted copy
 * reads them.
 */
async function sentImageBytes(image: InputImage): Promise<Uint8Array> {
	return 'bytes' in image ? image.bytes : await image.stored.readAll();
}

/** `card.jpg` → `card-redacted.jpg`; any folder part of the name is dropped. */
export function redactedFileName(imageName: string, extension: string): string {
	const base = imageName.split(/[\\/]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	const stem = (dot > 0 ? base.slice(0, dot) : base) || 'image';
	return `${stem}-redacted.${extension}`;
}

/** Checks the Redacted Image Field name before anything is sent. */
export function checkedBinaryPropertyName(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: unknown,
): string {
	const trimmed = typeof name === 'string' ? name.trim() : '';
	if (trimmed === '' || trimmed === '__proto__') {
		throw new NodeOperationError(ctx.getNode(), 'Redacted Image Field needs a name', {
			itemIndex,
			description: 'Enter the name of the binary field for the redacted copy, e.g. "redacted".',
		});
	}
	return trimmed;
}

/**
 * Makes the redacted copy of an item's image and stores it once with n8n's binary data
 * helper. A file that cannot be redacted (PDF, TIFF, damaged, too large…), or a recognized
 * registration or license number with no region inside the image to black out, gives
 * `unsupported` with the reason (naming fields, never values), never the original.
 */
export async function makeRedactedCopy(
	ctx: IExecuteFunctions,
	image: InputImage,
	document: RecognizedDocument,
	parameters: RedactedCopyParameters,
): Promise<RedactedCopy> {
	const bytes = await sentImageBytes(image);
	const size = readImageSize(bytes);
	const plan = size ? redactionPlanOf(document, parameters.redactFields, size) : undefined;
	if (plan && plan.unhiddenFields.length > 0) {
		const fields = plan.unhiddenFields.join(', ');
		return { status: 'unsupported', reason: `no polygon inside the image to black out ${fields}` };
	}
	const result = redactImage(bytes, plan?.regions ?? []);
	if (result.status === 'unsupported') return result;
	// Not reached: a file redactImage can edit has a size. Without one no number was placed.
	if (!plan) return { status: 'unsupported', reason: 'the image size could not be read' };
	const binary = await storeOutboundBinary(
		ctx,
		result.data,
		redactedFileName(image.name, result.fileExtension),
		result.mimeType,
	);
	return { status: result.status, binary };
}

function withWarning(warnings: unknown, warning: string): string {
	return typeof warnings === 'string' && warnings !== ''
		? warnings + WARNING_SEPARATOR + warning
		: warning;
}

/**
 * The output items of one image with the copy: `redaction` on each item and the same stored
 * binary on each (one copy, however many field items). Without a copy the items say why in
 * `warnings` and need review, since the image cannot be stored as it is.
 */
export function withRedactedCopy(
	rows: IDataObject[],
	copy: RedactedCopy,
	binaryPropertyName: string,
): INodeExecutionData[] {
	return rows.map((row) => {
		if (copy.status === 'unsupported') {
			const warning = `redaction: no redacted copy, ${copy.reason}`;
			return {
				json: {
					...row,
					redaction: copy.status,
					warnings: withWarning(row.warnings, warning),
					needsReview: true,
				},
			};
		}
		const binary = Object.defineProperty({}, binaryPropertyName, {
			value: copy.binary,
			enumerable: true,
			writable: true,
			configurable: true,
		}) as Record<string, IBinaryData>;
		return { json: { ...row, redaction: copy.status }, binary };
	});
}

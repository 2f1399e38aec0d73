import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Where n8n's combined binary mode keeps an item's files (n8n-workflow's BINARY_IN_JSON_PROPERTY). */
const FILES_IN_JSON = '_files';

/** What "Input Binary Field" holds: a field name or path, or a file an expression gave. */
export type BinaryReference = string | IBinaryData;

/** n8n's own test for a file entry (n8n-workflow's isBinaryValue, absent from 1.x). */
export function isBinaryEntry(value: unknown): value is IBinaryData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'mimeType' in value &&
		('data' in value || 'id' in value)
	);
}

function ownEntry(holder: unknown, name: string): IBinaryData | undefined {
	if (typeof holder !== 'object' || holder === null || !Object.hasOwn(holder, name)) {
		return undefined;
	}
	const value = (holder as Record<string, unknown>)[name];
	return isBinaryEntry(value) ? value : undefined;
}

/** The workflow's binary mode: `combined` keeps files in `json._files` (n8n 2.40+). */
function combinedBinaryMode(ctx: IExecuteFunctions): boolean {
	const settings =
		typeof ctx.getWorkflowSettings === 'function' ? ctx.getWorkflowSettings() : undefined;
	return (settings as { binaryMode?: unknown } | undefined)?.binaryMode === 'combined';
}

/** n8n's own reading of a path in the item's json (combined mode), or undefined. */
function entryAtPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
): IBinaryData | undefined {
	try {
		const entry: unknown = ctx.helpers.assertBinaryData(itemIndex, path);
		return isBinaryEntry(entry) ? entry : undefined;
	} catch {
		return undefined;
	}
}

function fieldNames(binary: unknown, files: unknown): string[] {
	const names = (holder: unknown) =>
		typeof holder === 'object' && holder !== null
			? Object.keys(holder).filter((name) => ownEntry(holder, name))
			: [];
	return [...new Set([...names(binary), ...names(files)])];
}

/**
 * The file the parameter names, wherever n8n keeps it: `item.binary.<name>` (separate mode, and
 * in-memory files in any mode), and in combined mode `json._files.<name>` or any path in the
 * item's json as n8n's own nodes read it (`_files.data`). An expression may also give the file
 * itself. The bytes are then read only through n8n's helpers.
 */
export function binaryEntryOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: BinaryReference,
): IBinaryData {
	if (typeof reference !== 'string') return reference;
	const item = ctx.getInputData()[itemIndex];
	const json: IDataObject = item?.json ?? {};
	const combined = combinedBinaryMode(ctx);
	const entry =
		ownEntry(item?.binary, reference) ??
		(combined
			? (ownEntry(json[FILES_IN_JSON], reference) ?? entryAtPath(ctx, itemIndex, reference))
			: undefined);
	if (entry) return entry;
	const available = fieldNames(item?.binary, combined ? json[FILES_IN_JSON] : undefined);
	throw new NodeOperationError(ctx.getNode(), `The input item has no binary field "${reference}"`, {
		itemIndex,
		description: available.length
			? `Its binary fields are: ${available.join(', ')}. Set "Input Binary Field" to the one that holds the image.`
			: 'It holds no file at all. Put a node that reads a file before this one (e.g. Read/Write Files from Disk, HTTP Request, Google Drive), or set "Image Source" to URL or Base64 Text.',
	});
}

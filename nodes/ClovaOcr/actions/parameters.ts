import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isBinaryEntry, type BinaryReference } from '../input/binaryEntry';
import { imageFromText, type ImageSource } from '../input/readInputImage';
import type { UploadMode } from '../transport/requestBody';
import { readBooleanOption, type BooleanOption } from './booleanOption';
import { readChoice } from './choiceParameter';
import { readLanguages, readTemplateIds } from './listOptions';
import { OPERATIONS, type Operation } from './operations';
import type { DocumentModel, Language, OutputMode } from './product';
import { checkedBinaryPropertyName, type RedactedCopyParameters } from './redactedCopy';

export type { OutputMode } from './product';

export interface RecognizeParameters {
	operation: Operation;
	/** Recognize Other Document's model (the default, unused, for other operations). */
	documentModel: DocumentModel;
	/** Options > Languages (Read Text, Read Template); empty: the service's default. */
	languages: Language[];
	/** Options > Detect Tables (Read Text). */
	tableDetection: boolean;
	/** Options > First Row Is Header (Read Text, Tables output). */
	firstRowIsHeader: boolean;
	/** Options > Template IDs (Read Template); empty: every deployed template. */
	templateIds: number[];
	image: ImageSource;
	output: OutputMode;
	includePolygons: boolean;
	uploadMode: UploadMode;
	revealSensitiveValues: boolean;
	minConfidence: number;
	/** Set with Add Redacted Image on fields or document output; absent otherwise. */
	redactedCopy?: RedactedCopyParameters;
}

type BooleanOptionName =
	| 'allowPrivateHosts'
	| 'firstRowIsHeader'
	| 'includePolygons'
	| 'redactedImage'
	| 'revealSensitiveValues'
	| 'tableDetection';

/** Every boolean option of the node (description.ts), as the reader names it in errors. */
export const BOOLEAN_OPTIONS: Readonly<Record<BooleanOptionName, BooleanOption>> = {
	allowPrivateHosts: {
		name: 'allowPrivateHosts',
		displayName: 'Allow Private Network URLs',
		default: false,
	},
	firstRowIsHeader: {
		name: 'firstRowIsHeader',
		displayName: 'First Row Is Header',
		default: false,
	},
	includePolygons: { name: 'includePolygons', displayName: 'Include Polygons', default: false },
	redactedImage: { name: 'redactedImage', displayName: 'Add Redacted Image', default: false },
	revealSensitiveValues: {
		name: 'revealSensitiveValues',
		displayName: 'Reveal Sensitive Values',
		default: false,
	},
	tableDetection: { name: 'tableDetection', displayName: 'Detect Tables', default: false },
};

/** All boolean options, each read strictly, whether or not it applies to the item's settings. */
function readBooleanOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): Record<BooleanOptionName, boolean> {
	const entries = Object.entries(BOOLEAN_OPTIONS).map(([name, option]) => [
		name,
		readBooleanOption(ctx, itemIndex, options, option),
	]);
	return Object.fromEntries(entries) as Record<BooleanOptionName, boolean>;
}

function readImageSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowPrivateHosts: boolean,
): ImageSource {
	const kind = readChoice(
		ctx,
		itemIndex,
		CHOICES.imageSource,
		ctx.getNodeParameter('imageSource', itemIndex, 'binary'),
		'binary',
	);
	const text = (name: string) => (ctx.getNodeParameter(name, itemIndex, '') as string).trim();
	if (kind === 'url') {
		return {
			kind,
			url: text('imageUrl'),
			name: text('imageName') || undefined,
			allowPrivateHosts,
		};
	}
	if (kind === 'base64')
		return { kind, data: text('imageBase64'), name: text('imageName') || undefined };
	if (kind === 'urlOrBase64') {
		return imageFromText(text('image'), text('imageName') || undefined, allowPrivateHosts);
	}
	return {
		kind: 'binary',
		property: binaryReference(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
	};
}

/** A field name or path, or a file an expression resolved to; anything else reads as its text. */
function binaryReference(value: unknown): BinaryReference {
	if (isBinaryEntry(value)) return value;
	return (typeof value === 'string' ? value : String(value ?? '')).trim();
}

const CHOICES = {
	operation: { displayName: 'Operation', values: Object.keys(OPERATIONS) as Operation[] },
	documentModel: {
		displayName: 'Document Model',
		values: ['receipt', 'creditCard', 'nameCard', 'passport'] as DocumentModel[],
	},
	uploadMode: { displayName: 'Upload Mode', values: ['multipart', 'json'] as UploadMode[] },
	imageSource: {
		displayName: 'Image Source',
		values: ['binary', 'url', 'base64', 'urlOrBase64'] as Array<
			ImageSource['kind'] | 'urlOrBase64'
		>,
	},
} as const;

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): RecognizeParameters {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject & {
		uploadMode?: UploadMode;
		minConfidence?: number;
		redactedBinaryPropertyName?: unknown;
		redactFields?: string[];
	};
	const flags = readBooleanOptions(ctx, itemIndex, options);
	const operation = readChoice(
		ctx,
		itemIndex,
		CHOICES.operation,
		ctx.getNodeParameter('operation', itemIndex, 'recognizeIdCard'),
		'recognizeIdCard',
	);
	// Each operation takes its own outputs: the first is its default.
	const outputs = OPERATIONS[operation].outputs;
	const output = readChoice(
		ctx,
		itemIndex,
		{ displayName: 'Output', values: outputs },
		ctx.getNodeParameter('output', itemIndex, outputs[0]),
		outputs[0],
	);
	return {
		operation,
		languages: readLanguages(ctx.getNode(), itemIndex, options.languages),
		tableDetection: flags.tableDetection,
		firstRowIsHeader: flags.firstRowIsHeader,
		templateIds: readTemplateIds(ctx.getNode(), itemIndex, options.templateIds),
		documentModel: readChoice(
			ctx,
			itemIndex,
			CHOICES.documentModel,
			ctx.getNodeParameter('documentModel', itemIndex, 'receipt'),
			'receipt',
		),
		image: readImageSource(ctx, itemIndex, flags.allowPrivateHosts),
		output,
		includePolygons: flags.includePolygons,
		uploadMode: readChoice(ctx, itemIndex, CHOICES.uploadMode, options.uploadMode, 'multipart'),
		revealSensitiveValues: flags.revealSensitiveValues,
		minConfidence: options.minConfidence ?? 0,
		redactedCopy:
			flags.redactedImage && output !== 'raw'
				? {
						binaryPropertyName: checkedBinaryPropertyName(
							ctx,
							itemIndex,
							options.redactedBinaryPropertyName ?? 'redacted',
						),
						redactFields: Array.isArray(options.redactFields)
							? options.redactFields.filter((field) => typeof field === 'string')
							: [],
					}
				: undefined,
	};
}

import type { IExecuteFunctions } from 'n8n-workflow';

import type { ImageSource } from '../input/readInputImage';
import type { UploadMode } from '../transport/requestBody';
import type { Operation } from './operations';
import { checkedBinaryPropertyName, type RedactedCopyParameters } from './redactedCopy';

export type OutputMode = 'fields' | 'document' | 'raw';

export interface RecognizeParameters {
	operation: Operation;
	image: ImageSource;
	output: OutputMode;
	includePolygons: boolean;
	uploadMode: UploadMode;
	revealSensitiveValues: boolean;
	minConfidence: number;
	/** Set with Add Redacted Image on fields or document output; absent otherwise. */
	redactedCopy?: RedactedCopyParameters;
}

function readImageSource(ctx: IExecuteFunctions, itemIndex: number): ImageSource {
	const kind = ctx.getNodeParameter('imageSource', itemIndex, 'binary') as ImageSource['kind'];
	const text = (name: string) => (ctx.getNodeParameter(name, itemIndex, '') as string).trim();
	if (kind === 'url') {
		const { allowPrivateHosts } = ctx.getNodeParameter('options', itemIndex, {}) as {
			allowPrivateHosts?: boolean;
		};
		return {
			kind,
			url: text('imageUrl'),
			name: text('imageName') || undefined,
			allowPrivateHosts: allowPrivateHosts === true,
		};
	}
	if (kind === 'base64')
		return { kind, data: text('imageBase64'), name: text('imageName') || undefined };
	return { kind: 'binary', property: text('binaryPropertyName') };
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): RecognizeParameters {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as {
		includePolygons?: boolean;
		uploadMode?: UploadMode;
		revealSensitiveValues?: boolean;
		minConfidence?: number;
		redactedImage?: boolean;
		redactedBinaryPropertyName?: unknown;
		redactFields?: string[];
	};
	const output = ctx.getNodeParameter('output', itemIndex, 'fields') as OutputMode;
	return {
		operation: ctx.getNodeParameter('operation', itemIndex) as Operation,
		image: readImageSource(ctx, itemIndex),
		output,
		includePolygons: options.includePolygons ?? false,
		uploadMode: options.uploadMode ?? 'multipart',
		revealSensitiveValues: options.revealSensitiveValues ?? false,
		minConfidence: options.minConfidence ?? 0,
		redactedCopy:
			options.redactedImage === true && output !== 'raw'
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

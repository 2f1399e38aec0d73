import type { IExecuteFunctions } from 'n8n-workflow';

import type { UploadMode } from '../transport/requestBody';
import type { OutputMode } from './description';
import type { Operation } from './operations';

export interface RecognizeParameters {
	operation: Operation;
	binaryPropertyName: string;
	output: OutputMode;
	includePolygons: boolean;
	uploadMode: UploadMode;
	revealSensitiveValues: boolean;
	minConfidence: number;
}

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): RecognizeParameters {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as {
		includePolygons?: boolean;
		uploadMode?: UploadMode;
		revealSensitiveValues?: boolean;
		minConfidence?: number;
	};
	return {
		operation: ctx.getNodeParameter('operation', itemIndex) as Operation,
		binaryPropertyName: (ctx.getNodeParameter('binaryPropertyName', itemIndex) as string).trim(),
		output: ctx.getNodeParameter('output', itemIndex, 'fields') as OutputMode,
		includePolygons: options.includePolygons ?? false,
		uploadMode: options.uploadMode ?? 'multipart',
		revealSensitiveValues: options.revealSensitiveValues ?? false,
		minConfidence: options.minConfidence ?? 0,
	};
}

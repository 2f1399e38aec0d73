import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PacingSettings } from '../pacing/executionScheduler';

/** How the items' requests are sent: read once per execution, shared by all its items. The properties below repeat these numbers as literals, which n8n's linter requires. */
export interface RequestOptions extends PacingSettings {
	readonly timeoutMs: number;
}

const REQUEST_DEFAULTS: RequestOptions = { concurrency: 4, maxRetries: 3, timeoutMs: 60_000 };

const LIMITS = {
	concurrency: { min: 1, max: 64 },
	maxRetries: { min: 0, max: 10 },
	timeoutMs: { min: 1, max: 600_000 },
} as const;

export const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 64 },
		default: 4,
		description:
			"How many images to send at the same time. When CLOVA OCR answers that the domain's limit is reached (error 0025), the node sends fewer at once and tries more again later.",
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			"How many times to send an image again after a passing fault (service error 0500/0501, timeout, dropped connection, rate limit), waiting longer each time. Rate-limit answers caused by the node's own parallel requests are resent without counting.",
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600000 },
		default: 60000,
		description:
			'How long to wait for the answer to one image, in milliseconds, before sending it again. With Image Source URL, also the longest the download may take.',
	},
];

function bounded(value: unknown, fallback: number, limits: { min: number; max: number }): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) return fallback;
	return Math.min(limits.max, Math.max(limits.min, Math.floor(number)));
}

export function readRequestOptions(ctx: IExecuteFunctions): RequestOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as {
		concurrency?: unknown;
		maxRetries?: unknown;
		timeout?: unknown;
	};
	return {
		concurrency: bounded(options.concurrency, REQUEST_DEFAULTS.concurrency, LIMITS.concurrency),
		maxRetries: bounded(options.maxRetries, REQUEST_DEFAULTS.maxRetries, LIMITS.maxRetries),
		timeoutMs: bounded(options.timeout, REQUEST_DEFAULTS.timeoutMs, LIMITS.timeoutMs),
	};
}

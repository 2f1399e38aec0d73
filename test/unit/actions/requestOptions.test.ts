import type { IExecuteFunctions } from 'n8n-workflow';

import {
	requestOptionProperties,
	readRequestOptions,
} from '../../../nodes/ClovaOcr/actions/requestOptions';

function contextWithOptions(options: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			expect([name, itemIndex]).toEqual(['options', 0]);
			return options ?? fallback;
		},
	} as unknown as IExecuteFunctions;
}

describe('readRequestOptions', () => {
	test.each<[string, Record<string, unknown>, unknown]>([
		['none set: the defaults', {}, { concurrency: 4, maxRetries: 3, timeoutMs: 60000 }],
		[
			'as set',
			{ concurrency: 16, maxRetries: 0, timeout: 1500 },
			{ concurrency: 16, maxRetries: 0, timeoutMs: 1500 },
		],
		[
			'fractions rounded down',
			{ concurrency: 2.9, maxRetries: 1.5, timeout: 99.9 },
			{ concurrency: 2, maxRetries: 1, timeoutMs: 99 },
		],
		[
			'out of range: clamped',
			{ concurrency: 0, maxRetries: 99, timeout: -5 },
			{ concurrency: 1, maxRetries: 10, timeoutMs: 1 },
		],
		[
			'numbers from expressions (strings)',
			{ concurrency: '8', maxRetries: ' 2 ', timeout: '2500' },
			{ concurrency: 8, maxRetries: 2, timeoutMs: 2500 },
		],
		[
			'not numbers: the defaults',
			{ concurrency: 'many', maxRetries: null, timeout: '' },
			{ concurrency: 4, maxRetries: 3, timeoutMs: 60000 },
		],
	])('%s', (_case, options, expected) => {
		expect(readRequestOptions(contextWithOptions(options))).toEqual(expected);
	});

	test('the properties default to what readRequestOptions assumes', () => {
		const defaults = Object.fromEntries(requestOptionProperties.map((p) => [p.name, p.default]));
		expect(defaults).toEqual({ concurrency: 4, maxRetries: 3, timeout: 60000 });
		expect(readRequestOptions(contextWithOptions(defaults))).toEqual({
			concurrency: 4,
			maxRetries: 3,
			timeoutMs: 60000,
		});
	});
});

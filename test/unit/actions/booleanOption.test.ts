import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	booleanOptionValue,
	readBooleanOption,
	type BooleanOption,
} from '../../../nodes/ClovaOcr/actions/booleanOption';
import { BOOLEAN_OPTIONS, readParameters } from '../../../nodes/ClovaOcr/actions/parameters';
import { nodeProperties } from '../../../nodes/ClovaOcr/description';

const NODE = { name: 'CLOVA OCR' } as INode;
const REVEAL: BooleanOption = BOOLEAN_OPTIONS.revealSensitiveValues;

function contextWith(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => NODE,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

function failureOf(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected a failure');
}

describe('booleanOptionValue', () => {
	test.each<[string, unknown, boolean, boolean | null]>([
		['true', true, false, true],
		['false', false, true, false],
		['absent: the default false', undefined, false, false],
		['absent: the default true', undefined, true, true],
		['"true" from an expression', 'true', false, true],
		['"false" from an expression', 'false', true, false],
		['"False " (case and space)', 'False ', false, null],
		['"TRUE"', 'TRUE', false, null],
		['" true"', ' true', false, null],
		['"0"', '0', false, null],
		['"1"', '1', false, null],
		['"no"', 'no', false, null],
		['"yes"', 'yes', false, null],
		['"off"', 'off', false, null],
		['the empty text', '', false, null],
		['1', 1, false, null],
		['0', 0, true, null],
		['NaN', Number.NaN, false, null],
		['null', null, false, null],
		['an object', { value: false }, false, null],
		['an array', [false], false, null],
		['a boxed false', Object(false), false, null],
	])('%s', (_case, value, fallback, expected) => {
		expect(booleanOptionValue(value, fallback)).toBe(expected);
	});
});

describe('readBooleanOption', () => {
	test.each<[string, Record<string, unknown>, boolean]>([
		['absent', {}, false],
		['true', { revealSensitiveValues: true }, true],
		['"false"', { revealSensitiveValues: 'false' }, false],
	])('%s', (_case, options, expected) => {
		expect(readBooleanOption(contextWith({}), 0, options as never, REVEAL)).toBe(expected);
	});

	test('an inherited key is not an option value', () => {
		const options = Object.create({ revealSensitiveValues: 'no' }) as never;
		expect(readBooleanOption(contextWith({}), 0, options, REVEAL)).toBe(false);
	});

	test.each<[unknown]>([['no'], ['0'], ['False '], [1], [null], [{ secret: '800101-1234560' }]])(
		'%p fails the item, naming the option and never the value',
		(value) => {
			const failure = failureOf(() =>
				readBooleanOption(contextWith({}), 3, { revealSensitiveValues: value } as never, REVEAL),
			);
			expect(failure).toBeInstanceOf(NodeOperationError);
			expect([failure.message, failure.description, failure.context.itemIndex]).toEqual([
				'Reveal Sensitive Values must be true or false',
				'Turn the option on or off, or make its expression give a boolean or the text "true" or "false".',
				3,
			]);
			expect(JSON.stringify(failure)).not.toContain('800101');
		},
	);
});

/** Every boolean property of the node, options collections included. */
function booleanProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.type === 'boolean' ? [property] : []),
		...(property.type === 'collection'
			? booleanProperties((property.options ?? []) as INodeProperties[])
			: []),
	]);
}

describe('the boolean options of the node', () => {
	test('each one is in BOOLEAN_OPTIONS with its display name and default', () => {
		const described = booleanProperties(nodeProperties).map((property) => ({
			name: property.name,
			displayName: property.displayName,
			default: property.default,
		}));
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		expect(described.sort(byName)).toEqual(
			Object.values(BOOLEAN_OPTIONS)
				.map((option) => ({ ...option }))
				.sort(byName),
		);
	});

	const parameters = (options: Record<string, unknown>, imageSource = 'url') =>
		readParameters(
			contextWith({
				operation: 'recognizeAnyId',
				imageSource,
				imageUrl: 'https://example.com/card.jpg',
				output: 'fields',
				options,
			}),
			0,
		);

	test('readParameters: absent options take their defaults', () => {
		expect(parameters({})).toMatchObject({
			image: { kind: 'url', allowPrivateHosts: false },
			includePolygons: false,
			revealSensitiveValues: false,
		});
		expect(parameters({}).redactedCopy).toBeUndefined();
	});

	test('readParameters: "false" from an expression is false, "true" is true', () => {
		const allFalse = Object.fromEntries(Object.keys(BOOLEAN_OPTIONS).map((key) => [key, 'false']));
		expect(parameters(allFalse)).toMatchObject({
			image: { allowPrivateHosts: false },
			includePolygons: false,
			revealSensitiveValues: false,
		});
		expect(parameters(allFalse).redactedCopy).toBeUndefined();
		const allTrue = Object.fromEntries(Object.keys(BOOLEAN_OPTIONS).map((key) => [key, 'true']));
		expect(parameters(allTrue)).toMatchObject({
			image: { allowPrivateHosts: true },
			includePolygons: true,
			revealSensitiveValues: true,
			redactedCopy: { binaryPropertyName: 'redacted', redactFields: [] },
		});
	});

	test.each(Object.values(BOOLEAN_OPTIONS).map((option) => [option.displayName, option.name]))(
		'readParameters: %s with "no" fails the item',
		(displayName, name) => {
			expect(() => parameters({ [name]: 'no' }, 'binary')).toThrow(
				`${displayName} must be true or false`,
			);
		},
	);
});

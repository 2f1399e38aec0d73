/**
 * Where "Input Binary Field" finds the file. The real combined mode runs in the e2e suite
 * (n8n 2.41); here a stand-in context reads a json path the way n8n 2.41's assertBinaryData
 * does (lodash get), so each lookup rule is pinned down.
 */
import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryEntryOf } from '../../../nodes/ClovaOcr/input/binaryEntry';

const FILE: IBinaryData = { data: 'QUJD', mimeType: 'image/png', fileName: 'card.png' };
const STORED: IBinaryData = { id: 'filesystem-v2:x', mimeType: 'image/png', data: 'filesystem-v2' };

function pathIn(json: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], json);
}

function contextWith(item: INodeExecutionData, binaryMode?: 'separate' | 'combined') {
	return {
		getNode: () => ({ name: 'CLOVA OCR', type: 'n8n-nodes-clova-ocr.clovaOcr' }),
		getInputData: () => [item],
		getWorkflowSettings: () => (binaryMode ? { binaryMode } : {}),
		helpers: {
			assertBinaryData: (_index: number, path: string) => {
				const value = pathIn(item.json, path);
				if (typeof value !== 'object' || value === null) throw new Error('not a file');
				return value;
			},
		},
	} as unknown as IExecuteFunctions;
}

function failure(run: () => unknown): { message: string; description?: string } {
	try {
		run();
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return { message, description };
	}
	throw new Error('no error');
}

describe('binaryEntryOf', () => {
	test('separate mode: item.binary.<name>, and nothing in the json counts', () => {
		const ctx = contextWith({
			json: { data: STORED, _files: { data: STORED } },
			binary: { data: FILE },
		});
		expect(binaryEntryOf(ctx, 0, 'data')).toBe(FILE);
		const jsonOnly = contextWith({ json: { _files: { data: STORED }, data: STORED } }, 'separate');
		expect(failure(() => binaryEntryOf(jsonOnly, 0, 'data'))).toEqual({
			message: 'The input item has no binary field "data"',
			description:
				'It holds no file at all. Put a node that reads a file before this one (e.g. Read/Write Files from Disk, HTTP Request, Google Drive), or set "Image Source" to URL or Base64 Text.',
		});
	});

	test("combined mode: the plain name finds json._files.<name>; n8n's path form works too", () => {
		const ctx = contextWith({ json: { _files: { data: STORED, back: FILE } } }, 'combined');
		expect(binaryEntryOf(ctx, 0, 'data')).toBe(STORED);
		expect(binaryEntryOf(ctx, 0, '_files.back')).toBe(FILE);
	});

	test('combined mode: an in-memory file n8n left in item.binary is still found', () => {
		const ctx = contextWith({ json: {}, binary: { data: FILE } }, 'combined');
		expect(binaryEntryOf(ctx, 0, 'data')).toBe(FILE);
	});

	test('combined mode: a missing field lists the files there are, by name', () => {
		const ctx = contextWith(
			{ json: { _files: { scan: STORED } }, binary: { photo: FILE } },
			'combined',
		);
		expect(failure(() => binaryEntryOf(ctx, 0, 'data'))).toEqual({
			message: 'The input item has no binary field "data"',
			description:
				'Its binary fields are: photo, scan. Set "Input Binary Field" to the one that holds the image.',
		});
	});

	test('inherited names and values that are not files are not files', () => {
		const ctx = contextWith({ json: { _files: { note: 'text' } }, binary: {} }, 'combined');
		for (const name of ['__proto__', 'constructor', 'toString', 'note', '_files.note']) {
			expect(failure(() => binaryEntryOf(ctx, 0, name)).message).toBe(
				`The input item has no binary field "${name}"`,
			);
		}
	});

	test('a file an expression gave is used as it is', () => {
		const ctx = contextWith({ json: {} });
		expect(binaryEntryOf(ctx, 0, STORED)).toBe(STORED);
	});

	test('n8n 1.x (no getWorkflowSettings) reads item.binary only', () => {
		const item = { json: { _files: { data: STORED } }, binary: { data: FILE } };
		const ctx = {
			...contextWith(item),
			getWorkflowSettings: undefined,
		} as unknown as IExecuteFunctions;
		expect(binaryEntryOf(ctx, 0, 'data')).toBe(FILE);
	});
});

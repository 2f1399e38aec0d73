import { checkImports, relativeImports } from '../importRules';

const file = (path: string, ...imports: string[]) => ({
	path,
	text: imports.map((specifier) => `import { x } from '${specifier}';`).join('\n'),
});

describe('relativeImports', () => {
	test('static, dynamic, require and jest.mock specifiers, resolved against the file', () => {
		const text = [
			"import type { A } from '../model/documentTypes';",
			"export { B } from './labels';",
			"const c = await import('../../../tools/n8n/cache');",
			"const d = require('./fixtures/x.json');",
			"jest.mock('../transport/sendImage');",
			"import { z } from 'zod';",
		].join('\n');
		expect(relativeImports({ path: 'nodes/ClovaOcr/output/fieldItems.ts', text })).toEqual([
			'nodes/ClovaOcr/model/documentTypes',
			'nodes/ClovaOcr/output/labels',
			'tools/n8n/cache',
			'nodes/ClovaOcr/output/fixtures/x.json',
			'nodes/ClovaOcr/transport/sendImage',
		]);
	});
});

describe('checkImports', () => {
	test('imports that run down, or stay in their folder, pass', () => {
		expect(
			checkImports([
				file('nodes/ClovaOcr/ClovaOcr.node.ts', './execute', './actions/operations'),
				file(
					'nodes/ClovaOcr/actions/recognize.ts',
					'../output/fieldItems',
					'./operations',
					'../model/runDate',
				),
				file('nodes/ClovaOcr/output/fieldItems.ts', '../review/reviewDocument', './labels'),
				file(
					'test/unit/output/items.test.ts',
					'../../../nodes/ClovaOcr/output/fieldItems',
					'../../../tools/clova-emulator/index',
				),
				file('tools/bench/bench.ts', '../n8n/cache', '../clova-emulator/index'),
			]),
		).toEqual([]);
	});

	test.each([
		[
			'an import that runs up a layer',
			file('nodes/ClovaOcr/response/recognizedDocument.ts', '../review/reviewDocument'),
			'nodes/ClovaOcr/response/ may not import from nodes/ClovaOcr/review/, which sits above it',
		],
		[
			'a layer importing the node class',
			file('nodes/ClovaOcr/model/dateReading.ts', '../execute'),
			'nodes/ClovaOcr/model/ may not import from nodes/ClovaOcr/, which sits above it',
		],
		[
			'shipped code importing tooling',
			file('credentials/Api.credentials.ts', '../tools/n8n/cache'),
			'shipped code imports only shipped code',
		],
		[
			'shipped code importing tests',
			file('nodes/ClovaOcr/execute.ts', '../../test/fixtures/clovaFixtures'),
			'shipped code imports only shipped code',
		],
		[
			'tools importing tests',
			file('tools/bench/bench.ts', '../../test/e2e/harness'),
			'tools never import from test',
		],
		[
			'tools importing the node sources',
			file('tools/bench/nodeOverhead.ts', '../../nodes/ClovaOcr/execute'),
			'tools use the node through n8n or dist, not its sources',
		],
	])('%s fails', (_case, source, rule) => {
		expect(checkImports([source]).map((violation) => violation.rule)).toEqual([rule]);
	});

	test('a node folder missing from the layer list fails', () => {
		expect(checkImports([file('nodes/ClovaOcr/misc/helper.ts')])).toEqual([
			{
				from: 'nodes/ClovaOcr/misc/helper.ts',
				to: 'nodes/ClovaOcr/misc/helper.ts',
				rule: 'a folder of the node that is not in the layer list',
			},
		]);
	});
});

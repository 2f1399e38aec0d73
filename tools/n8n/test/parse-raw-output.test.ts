import { parseRawOutput } from '../n8n-cli';

const RUN = {
	data: { resultData: { runData: { A: [{ data: { main: [[{ json: { t: '}' } }]] } }] } } },
};
const PRINTED = JSON.stringify(RUN, null, 2);

describe('parseRawOutput: the run n8n prints with --rawOutput', () => {
	test.each([
		['alone', PRINTED],
		['after log lines', `Loading workflow\nStarting execution\n${PRINTED}\n`],
		[
			// n8n 2.x prints the run through its asynchronous logger: other lines can follow it.
			'followed by log lines',
			`${PRINTED}\n2026-12-01T11:00:00.000Z | info | Execution finished {"file":"x.js"}\n`,
		],
	])('%s', (_case, stdout) => {
		expect(parseRawOutput(stdout)).toEqual(RUN);
	});

	test('no JSON at all names the problem', () => {
		expect(() => parseRawOutput('Error: workflow not found\n')).toThrow("no JSON in n8n's output");
	});
});

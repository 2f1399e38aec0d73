import { parseRawOutput } from '../n8n-cli';

const RUN = JSON.stringify({ data: { resultData: { runData: { a: [{ x: '}' }] } } } }, null, 2);

describe('parseRawOutput', () => {
	test('the pretty-printed run between log lines before and after it', () => {
		const stdout = `Loading...\n${RUN}\nRegistered runner "JS Task Runner" (abc) \n`;
		expect(parseRawOutput(stdout)).toEqual(JSON.parse(RUN));
	});

	test('no JSON: an error with the output tail', () => {
		expect(() => parseRawOutput('just a log line\n')).toThrow("no JSON in n8n's output");
	});
});

import { resolve } from 'node:path';

import { regexpLinter } from '../regexpLint';

const root = resolve(__dirname, '..', '..', '..');

async function findings(path: string, code: string): Promise<string[]> {
	const [result] = await regexpLinter(root).lintText(code, { filePath: resolve(root, path) });
	return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('regexp lint', () => {
	// Each blocked n8n's event loop for seconds on a few KB of input.
	test.each([
		['a PDF /Count', 'const c = /\\/Count\\s+(\\d{1,9})(?!\\s*\\d*\\s+\\d+\\s+R)/;'],
		['a date', 'const d = /^(\\d{4})\\s*(?:[./-]|년|\\s)\\s*(\\d{1,2})$/;'],
		['trailing dots of a host', "const n = host.replace(/\\.+$/, '');"],
	])('fails on the regex of %s, in nodes/', async (_case, code) => {
		expect((await findings('nodes/ClovaOcr/x.ts', code)).length).toBeGreaterThan(0);
	});

	test('credentials/ is shipped code too; an inline disable does not hide a finding', async () => {
		const code = '// eslint-disable-next-line\nconst n = host.replace(/\\.+$/, "");';
		expect(await findings('credentials/X.credentials.ts', code)).toEqual([
			'regexp/no-super-linear-move',
		]);
	});

	test.each([
		['a date', 'const d = /^(\\d{4})(?:\\s*[./년-]\\s*|\\s+)(\\d{1,2})$/;'],
		['trailing dots of a host', "const n = host.replace(/(?<!\\.)\\.+$/, '');"],
	])('passes the linear rewrite of %s', async (_case, code) => {
		expect(await findings('nodes/ClovaOcr/x.ts', code)).toEqual([]);
	});
});

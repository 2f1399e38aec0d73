/**
 * The rules that keep regular expressions in shipped code (nodes/, credentials/) linear:
 * n8n runs every workflow on one event loop, so one slow match on a service answer, a file
 * or a parameter freezes the whole instance. Inline disables are ignored, as in the
 * community lint.
 */
import { ESLint, type Linter } from 'eslint';
import * as regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export const REGEXP_RULES: Linter.RulesRecord = {
	'regexp/no-super-linear-backtracking': 'error',
	'regexp/no-super-linear-move': 'error',
};

export function regexpLinter(cwd: string): ESLint {
	return new ESLint({
		cwd,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: [
			{
				files: SHIPPED,
				languageOptions: { parser: tseslint.parser as Linter.Parser },
				plugins: { regexp },
				rules: REGEXP_RULES,
			},
		],
	});
}

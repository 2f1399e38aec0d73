// `n8n-node lint` (n8n's own CLI) runs ESLint with this file.
// n8n's rule set (cloud rules on) applies to the code that ships: nodes/, credentials/ and
// package.json. Dev tooling and tests run under Node, never inside n8n, so they get the plain
// TypeScript rules instead: they must spawn processes, read files and read the environment.
import { config } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const TOOLING = ['tools/**/*.ts', 'test/**/*.ts'];

const shipped = config.map((entry) =>
	entry.files?.includes('**/*.ts') ? { ...entry, files: SHIPPED } : entry,
);

export default [
	...shipped,
	...tseslint.configs.recommended.map((entry) => ({ ...entry, files: TOOLING })),
];

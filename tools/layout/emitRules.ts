import { NODE_ROOT } from './layers';
import type { SourceFile, Violation } from './importRules';

/** The node's one exit (issue 17): everything it emits passes this folder. */
export const BOUNDARY = `${NODE_ROOT}/boundary/`;

/** n8n helpers that put items or files in the node's output: named only inside the boundary. */
const OUTPUT_HELPERS = [
	'constructExecutionMetaData',
	'prepareBinaryData',
	'setBinaryDataBuffer',
	'copyBinaryFile',
	'returnJsonArray',
	'normalizeItems',
];

/** Methods n8n calls on a node class that emit data; only `execute` is allowed, through the exit. */
const OTHER_ENTRY_POINTS = /\basync\s+(supplyData|poll|trigger|webhook)\s*\(/;

function helperViolations(file: SourceFile): Violation[] {
	if (file.path.startsWith(BOUNDARY)) return [];
	return OUTPUT_HELPERS.filter((helper) => new RegExp(`\\b${helper}\\b`).test(file.text)).map(
		(helper) => ({
			from: file.path,
			to: helper,
			rule: `only ${BOUNDARY} may emit through n8n's ${helper}`,
		}),
	);
}

/** The node class hands execute and its credential tests to the boundary's exits. */
function nodeClassViolations(file: SourceFile): Violation[] {
	if (!file.path.endsWith('.node.ts')) return [];
	const violations: Violation[] = [];
	const fail = (to: string, rule: string) => violations.push({ from: file.path, to, rule });
	const execute = /async\s+execute\s*\([^)]*\)[^{]*\{([^}]*)\}/.exec(file.text);
	if (execute && !/^\s*return\s+await\s+exitExecution\(\s*this\s*,/.test(execute[1]))
		fail('execute', 'execute must return await exitExecution(this, …) and do nothing else');
	const tests = /credentialTest\s*:\s*\{([^}]*)\}/.exec(file.text);
	for (const entry of tests?.[1].split(',') ?? []) {
		const value = entry.split(':')[1]?.trim();
		if (value && !value.startsWith('exitCredentialTest('))
			fail('credentialTest', 'a credential test must be wrapped in exitCredentialTest(…)');
	}
	const other = OTHER_ENTRY_POINTS.exec(file.text);
	if (other) fail(other[1], 'the node emits through execute only');
	return violations;
}

/** Every place in shipped code that could emit without passing the boundary. */
export function checkEmits(files: readonly SourceFile[]): Violation[] {
	return files
		.filter((file) => file.path.startsWith(`${NODE_ROOT}/`))
		.flatMap((file) => [...helperViolations(file), ...nodeClassViolations(file)]);
}

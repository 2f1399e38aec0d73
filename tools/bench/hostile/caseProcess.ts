/** Runs one case at one size in a child process (caseChild.ts), killed past a timeout. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { CaseMeasurement } from './caseMeasurement';

const REPO = join(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'caseChild.ts');

export type CaseResult =
	| { readonly kind: 'measured'; readonly measurement: CaseMeasurement }
	| { readonly kind: 'timedOut'; readonly seconds: number }
	| { readonly kind: 'crashed'; readonly detail: string };

function lastLine(text: string): string {
	const lines = text.trim().split('\n');
	return lines[lines.length - 1] ?? '';
}

export function runCaseProcess(
	pathIndex: number,
	caseIndex: number,
	size: number,
	timeoutSeconds: number,
): CaseResult {
	const child = spawnSync(
		process.execPath,
		['--expose-gc', '--import', 'tsx', CHILD, String(pathIndex), String(caseIndex), String(size)],
		{
			cwd: REPO,
			encoding: 'utf8',
			timeout: timeoutSeconds * 1000,
			killSignal: 'SIGKILL',
			maxBuffer: 1 << 20,
		},
	);
	if ((child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
		return { kind: 'timedOut', seconds: timeoutSeconds };
	if (child.error) return { kind: 'crashed', detail: child.error.message };
	if (child.status !== 0)
		return {
			kind: 'crashed',
			detail: `exit ${child.status ?? child.signal}: ${lastLine(child.stderr)}`,
		};
	return { kind: 'measured', measurement: JSON.parse(lastLine(child.stdout)) as CaseMeasurement };
}

import { runCaptured, runCapturedOrThrow } from './shell';

/** The checked-out branch, or `HEAD` when detached. */
export function currentBranch(cwd: string): string {
	return runCapturedOrThrow('git', ['rev-parse', '--abbrev-ref', 'HEAD'], cwd).trim();
}

/** `git status --porcelain` lines: changed, staged and untracked files (ignored ones excluded). */
export function uncommittedChanges(cwd: string): string[] {
	return runCapturedOrThrow('git', ['status', '--porcelain'], cwd)
		.split('\n')
		.filter((line) => line.trim() !== '');
}

export function tagExists(tag: string, cwd: string): boolean {
	return (
		runCaptured('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], cwd).status === 0
	);
}

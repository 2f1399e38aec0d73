/** The https URL of the GitHub repository named by package.json's `repository` field. */
export function githubRepositoryUrl(repository: unknown): string {
	const raw =
		typeof repository === 'object' && repository !== null
			? (repository as { url?: unknown }).url
			: repository;
	if (typeof raw !== 'string') throw new Error('package.json has no repository URL');

	const shorthand = /^github:([\w.-]+\/[\w.-]+)$/.exec(raw);
	const url =
		/^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(
			raw,
		);
	const scp = /^git@github\.com:([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(raw);
	const ownerAndName = (shorthand ?? url ?? scp)?.[1];
	if (!ownerAndName)
		throw new Error(`package.json's repository "${raw}" is not a GitHub repository`);
	return `https://github.com/${ownerAndName}`;
}

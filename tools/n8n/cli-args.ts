/** Minimal `--name value` / `--flag` parsing for the scripts in this folder. */
export interface ParsedArgs {
	readonly positional: string[];
	readonly options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
	const positional: string[] = [];
	const options: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split('=', 2);
		if (inline !== undefined) options[name] = inline;
		else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
		else options[name] = true;
	}
	return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
	const value = args.options[name];
	return typeof value === 'string' ? value : undefined;
}

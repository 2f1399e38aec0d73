/**
 * The command-line reading the benches share: `--flag value` as well as `--flag=value`, whole
 * numbers in a range, flags that take no value, `--help` (or `-h`), and an error for a flag no
 * bench knows. Each bench names its flags and its error class.
 */

/** One flag as a bench's parser reads it. */
export interface BenchFlag {
	/** The flag's name, without an inline value (`--pages` of `--pages=20`). */
	readonly name: string;
	/** The argument as given. */
	readonly raw: string;
	/** Its value: inline, or the next argument (which it then consumes). */
	value(): string;
	/** Its value as a whole number from `min` to `max`. */
	integer(min: number, max: number): number;
	/** Fails when the flag was given a value. */
	bare(): void;
}

/**
 * Calls `read` on each flag of `argv` in order but `--help` and `-h`, which it reads itself;
 * `read` returns false for a flag it does not know, which is an error. `fail` makes the bench's
 * own error.
 */
export function readFlags(
	argv: readonly string[],
	fail: (message: string) => Error,
	read: (flag: BenchFlag) => boolean,
): { help: boolean } {
	let help = false;
	for (let index = 0; index < argv.length; index++) {
		const raw = argv[index] ?? '';
		const equals = raw.startsWith('--') ? raw.indexOf('=') : -1;
		const name = equals > 0 ? raw.slice(0, equals) : raw;
		const inline = equals > 0 ? raw.slice(equals + 1) : undefined;
		const value = (): string => {
			if (inline !== undefined) return inline;
			const next = argv[index + 1];
			if (next === undefined) throw fail(`${name} needs a value`);
			index++;
			return next;
		};
		const bare = () => {
			if (inline !== undefined) throw fail(`${name} takes no value`);
		};
		if (name === '--help' || name === '-h') {
			bare();
			help = true;
			continue;
		}
		const known = read({
			name,
			raw,
			value,
			integer: (min, max) => {
				const text = value();
				const parsed = Number(text);
				if (text.trim() === '' || !Number.isInteger(parsed) || parsed < min || parsed > max)
					throw fail(`${name}: an integer from ${min} to ${max}, not ${text}`);
				return parsed;
			},
			bare,
		});
		if (!known) throw fail(`unknown flag ${raw}`);
	}
	return { help };
}

import { randomBytes } from 'node:crypto';

/** Hex letters that no reader takes for a digit (`b` reads as 6). */
const PLAIN_HEX_LETTERS = 'acdef';

/**
 * A random `uid` of 32 hex characters, as the service's examples leave open ("{uid}"), with
 * every sixth character one of `acdef`. The node masks any run that reads as a registration
 * number in every string it emits, identifiers included; a random hex uid holds such a run
 * one time in ten, so the emulator never serves one that does: tests can then assert uids
 * exactly.
 */
export function imageUid(): string {
	const bytes = randomBytes(21);
	const chars = bytes.subarray(0, 16).toString('hex').split('');
	for (let i = 5, k = 16; i < chars.length; i += 6, k++)
		chars[i] = PLAIN_HEX_LETTERS[bytes[k] % PLAIN_HEX_LETTERS.length];
	return chars.join('');
}

import { MASK } from './characters';
import { maskRegistrationContent } from './contentRule';
import { contiguousGroups, readText, writeText } from './positions';

/** A run of this many positions in the node's own messages is data, never the node's wording. */
const LONGEST_SHOWN_RUN = 6;

/**
 * Text of the node's own that may carry data (error messages and descriptions, credential test
 * messages): the content rule, and every unbroken run of 7 or more positions (a back half
 * alone, a long number) shows its first only. The node's wording has no such runs: its
 * longest numbers are timeouts in milliseconds (600000).
 */
export function outboundText(text: string): string {
	const read = readText([maskRegistrationContent(text)]);
	const hidden = new Set<number>();
	for (const [start, end] of contiguousGroups(read)) {
		if (end - start <= LONGEST_SHOWN_RUN) continue;
		for (let k = start + 1; k < end; k++) hidden.add(read.positions[k]);
	}
	return hidden.size === 0 ? read.chars.join('') : writeText(read, hidden, MASK)[0];
}

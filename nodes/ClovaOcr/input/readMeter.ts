/** Counts the characters or bytes a pass reads; lets a test see that the pass is linear. */
export interface ReadMeter {
	reads: number;
}

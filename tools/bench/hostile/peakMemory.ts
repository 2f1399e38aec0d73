/**
 * The peak memory of a stretch of code, as the kernel counts it: the process's resident set
 * size (RSS: JS heap, ArrayBuffers, native allocations, code), whatever allocated it.
 *
 * On Linux, writing 5 to /proc/self/clear_refs resets the high-water mark VmHWM to the current
 * RSS; VmHWM read afterwards is the peak since then, however briefly it was reached. Elsewhere
 * the fallback is getrusage's maxRSS minus the RSS at the start, which misses a peak lower than
 * one the process reached before.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface PeakMeter {
	/** How the peak is read, for the report. */
	readonly method: string;
	/** Peak RSS since the meter started, minus the RSS at its start, in bytes. */
	peakAboveStart(): number;
}

function statusBytes(field: 'VmHWM' | 'VmRSS'): number {
	const match = new RegExp(`^${field}:\\s*(\\d+) kB$`, 'm').exec(
		readFileSync('/proc/self/status', 'utf8'),
	);
	if (!match) throw new Error(`no ${field} in /proc/self/status`);
	return Number(match[1]) * 1024;
}

function highWaterMeter(): PeakMeter {
	writeFileSync('/proc/self/clear_refs', '5');
	const start = statusBytes('VmHWM');
	return {
		method: 'VmHWM (reset by /proc/self/clear_refs) minus RSS at the reset',
		peakAboveStart: () => statusBytes('VmHWM') - start,
	};
}

function maxRssMeter(): PeakMeter {
	const start = process.memoryUsage().rss;
	return {
		method: 'getrusage maxRSS minus RSS at the start (misses a peak lower than an earlier one)',
		peakAboveStart: () => Math.max(0, process.resourceUsage().maxRSS * 1024 - start),
	};
}

export function startPeakMeter(): PeakMeter {
	try {
		return highWaterMeter();
	} catch {
		return maxRssMeter();
	}
}

/**
 * The memory an n8n process takes in one phase of its run, watched from outside (Linux).
 *
 * The peak RSS of a whole `n8n execute` is n8n's start-up (about 420 MB for 2.41), far above
 * what the node adds to it later, so a difference of whole-run peaks hides the node. Here, once
 * `ready()` has held for `settleMs` (the workflow's warm-up answered and n8n is in the Wait
 * after it), the process's high-water mark is reset (5 to /proc/PID/clear_refs, as
 * tools/bench/hostile/peakMemory.ts does for its own process) and sampled until the process
 * exits: the peak since the reset minus the RSS at the reset is what the rest of the run (Read
 * files and the measured node; the baseline workflow has Read files alone) made the process
 * take from the system, whoever allocated it. It does not count memory the process already held
 * and reused (V8 heap freed by an earlier collection).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface PhaseMemory {
	/** Peak RSS after the reset minus RSS at the reset; null when the reset did not happen. */
	readonly peakAboveResetBytes: number | null;
	/** VmHWM just before the reset: the run's peak up to then (start-up included). */
	readonly peakBeforeResetBytes: number | null;
	/** When the high-water mark was reset (epoch ms); null when it was not. */
	readonly resetAt: number | null;
	/** Why there is no figure. */
	readonly problem: string | null;
}

function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
	try {
		const match = new RegExp(`^${field}:\\s*(\\d+) kB$`, 'm').exec(
			readFileSync(`/proc/${pid}/status`, 'utf8'),
		);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null; // exited
	}
}

export interface PhaseWatch {
	/** Stops sampling (call once the process has exited) and returns the figures. */
	stop(): PhaseMemory;
}

export function watchPhase(
	pid: number,
	ready: () => boolean,
	settleMs: number,
	sampleMs = 5,
): PhaseWatch {
	let readySince: number | null = null;
	let rssAtReset: number | null = null;
	let resetAt: number | null = null;
	let peakBefore: number | null = null;
	let peakAfter = 0;
	let problem: string | null = null;
	const timer = setInterval(() => {
		if (rssAtReset === null) {
			if (problem !== null) return;
			if (readySince === null) {
				if (ready()) readySince = Date.now();
				return;
			}
			if (Date.now() - readySince < settleMs) return;
			peakBefore = statusBytes(pid, 'VmHWM');
			try {
				writeFileSync(`/proc/${pid}/clear_refs`, '5');
			} catch (error) {
				problem = `could not reset VmHWM: ${error instanceof Error ? error.message : String(error)}`;
				return;
			}
			resetAt = Date.now();
			rssAtReset = statusBytes(pid, 'VmRSS');
			if (rssAtReset === null) problem = 'n8n exited before the reset';
			return;
		}
		peakAfter = Math.max(peakAfter, statusBytes(pid, 'VmHWM') ?? 0);
	}, sampleMs);
	return {
		stop(): PhaseMemory {
			clearInterval(timer);
			if (rssAtReset === null)
				return {
					peakAboveResetBytes: null,
					peakBeforeResetBytes: peakBefore,
					resetAt: null,
					problem: problem ?? 'the warm-up never finished, so VmHWM was never reset',
				};
			return {
				peakAboveResetBytes: Math.max(peakAfter, rssAtReset) - rssAtReset,
				peakBeforeResetBytes: peakBefore,
				resetAt,
				problem: null,
			};
		},
	};
}

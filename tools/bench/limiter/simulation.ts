/**
 * A limiter (the node's AimdLimiter, on a virtual clock) against a simulated CLOVA
 * domain: a concurrency cap, a latency per call, refusals over the cap at once or after a
 * delay, and one or more processes (n8n's queue-mode workers) each with its own limiter,
 * sharing the cap. No network, no n8n: what the limiter's decisions alone cost, in every
 * cell, in milliseconds of the virtual clock. `turnMs` stands for n8n's and the node's time
 * per call (from a granted slot to the call reaching the service).
 */
import { createSeededRandom } from '../../clova-emulator/seeded-random';
import { idealMs } from '../matrix/ideal';
import { drawLatency, type LatencyModel } from '../../clova-emulator/service-time';

/** What the simulation asks of a limiter: the node's AimdLimiter (pacing/aimdLimiter.ts) has it. */
export interface SimulatedLimiter {
	acquire(options: { kind: 'first' | 'retry' }): Promise<{
		release(outcome: 'accepted' | 'congested'): void;
	}>;
}

/** A process's limiter, made when it starts: `initial` is its Concurrency, `now` the virtual clock. */
export type LimiterFactory = (initial: number, now: () => number) => SimulatedLimiter;

export interface SimulatedProcess {
	/** Items of its one execution (a batch), all handed to the limiter at `startMs`. */
	readonly items: number;
	readonly startMs: number;
	/** The node's Concurrency option for that execution: how many of its items are in flight or waiting at once. */
	readonly concurrency: number;
	/**
	 * The limit its limiter starts at; by default `concurrency`. A queue-mode worker running
	 * single-item executions starts at what they offer (the default Concurrency, 4) while
	 * holding many of them.
	 */
	readonly initialLimit?: number;
}

export interface SimulatedService {
	readonly cap: number;
	readonly latency: LatencyModel;
	/** A refusal comes back after a delay drawn uniformly from this range. */
	readonly refusalDelayMs: readonly [number, number];
	/** Ms from a granted slot to the call reaching the service (n8n's and the node's own time), on average. */
	readonly turnMs: number;
	readonly seed: number;
}

export interface ProcessOutcome {
	readonly endMs: number;
	readonly calls: number;
	readonly refusals: number;
	/** The most refusals one item met (the node resends 10 for free, then Max Retries counts). */
	readonly mostRefusalsOfAnItem: number;
}

export interface SimulationOutcome {
	/** When the last answer came back. */
	readonly wallMs: number;
	readonly processes: readonly ProcessOutcome[];
	/** Admitted calls' latencies, summed (the clairvoyant ideal is this ÷ cap, or the longest). */
	readonly servedMs: number;
	readonly longestMs: number;
	/** The most calls the service held at once (never above the cap). */
	readonly peak: number;
}

interface Timer {
	readonly at: number;
	readonly seq: number;
	readonly fire: () => void;
}

/** A virtual clock: timers fire in time order once everything runnable has run. */
class VirtualClock {
	now = 0;
	private seq = 0;
	private readonly timers: Timer[] = [];

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, fire: resolve });
		});
	}

	/** Runs until no timer is left. */
	async run(): Promise<void> {
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (this.timers.length === 0) return;
			let next = 0;
			for (let i = 1; i < this.timers.length; i++) {
				const a = this.timers[i]!;
				const b = this.timers[next]!;
				if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
			}
			const [timer] = this.timers.splice(next, 1);
			this.now = timer!.at;
			timer!.fire();
		}
	}
}

export async function simulate(
	service: SimulatedService,
	processes: readonly SimulatedProcess[],
	limiterFor: LimiterFactory,
): Promise<SimulationOutcome> {
	const clock = new VirtualClock();
	const latencyRandom = createSeededRandom(service.seed);
	const refusalRandom = createSeededRandom(service.seed + 1);
	const turnRandom = createSeededRandom(service.seed + 2);
	let held = 0;
	let peak = 0;
	let servedMs = 0;
	let longestMs = 0;
	let wallMs = 0;

	const runProcess = async (process: SimulatedProcess): Promise<ProcessOutcome> => {
		await clock.sleep(process.startMs);
		const limiter = limiterFor(process.initialLimit ?? process.concurrency, () => clock.now);
		let calls = 0;
		let refusals = 0;
		let mostRefusalsOfAnItem = 0;
		let endMs = process.startMs;
		const sendItem = async (): Promise<void> => {
			for (let retry = false, itemRefusals = 0; ; retry = true) {
				const permit = await limiter.acquire({ kind: retry ? 'retry' : 'first' });
				// n8n's time per call varies (0.5 to 1.5 x turnMs): no two processes move in lockstep.
				await clock.sleep(service.turnMs * (0.5 + turnRandom()));
				calls++;
				if (held >= service.cap) {
					refusals++;
					mostRefusalsOfAnItem = Math.max(mostRefusalsOfAnItem, ++itemRefusals);
					const [min, max] = service.refusalDelayMs;
					await clock.sleep(min + (max - min) * refusalRandom());
					permit.release('congested');
					continue;
				}
				held++;
				peak = Math.max(peak, held);
				const latency = drawLatency(service.latency, latencyRandom);
				servedMs += latency;
				longestMs = Math.max(longestMs, latency);
				await clock.sleep(latency);
				held--;
				endMs = Math.max(endMs, clock.now);
				wallMs = Math.max(wallMs, clock.now);
				permit.release('accepted');
				return;
			}
		};
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < process.items) {
				next++;
				await sendItem();
			}
		};
		const workers = Math.max(1, Math.min(process.concurrency, process.items));
		await Promise.all(Array.from({ length: workers }, worker));
		return { endMs, calls, refusals, mostRefusalsOfAnItem };
	};

	const finished = Promise.all(processes.map(runProcess));
	await clock.run();
	return { wallMs, processes: await finished, servedMs, longestMs, peak };
}

/** The clairvoyant ideal of a simulation: the matrix's (matrix/ideal.ts), from what the service served. */
export function idealOf(
	service: SimulatedService,
	outcome: SimulationOutcome,
	items: number,
): number {
	const fixed = service.latency.distribution === 'fixed' && service.latency.tailRate === 0;
	return idealMs(
		{ latency: fixed ? 'fixed' : 'lognormal', cap: service.cap, items },
		service.latency.latencyMs,
		{ calls: items, totalMs: outcome.servedMs, maxMs: outcome.longestMs },
	);
}

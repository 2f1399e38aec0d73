/** The cells of `npm run bench -- limiter`. Pure: no I/O. */
import type { LatencyModel } from '../../clova-emulator/service-time';
import type { SimulatedProcess, SimulatedService } from './simulation';

export interface Scenario {
	readonly name: string;
	readonly service: Omit<SimulatedService, 'turnMs' | 'seed'>;
	readonly processes: readonly SimulatedProcess[];
	/** A lower bound of the ideal beside the cap's (a process that starts late). */
	readonly idealFloorMs?: number;
}

const LATENCY_MS = 300;

function latency(kind: 'fixed' | 'lognormal'): LatencyModel {
	return { distribution: kind, latencyMs: LATENCY_MS, p95Ratio: 2, tailRate: 0, tailFactor: 10 };
}

const REFUSALS = { 'at once': [0, 0], '50-200 ms': [50, 200] } as const;

function batch(items: number, startMs = 0): SimulatedProcess {
	return { items, startMs, concurrency: 64 };
}

/** A queue-mode worker: `uploads` single-item executions at once, each offering the default Concurrency 4. */
export function uploads(count: number): SimulatedProcess {
	return { items: count, startMs: 0, concurrency: count, initialLimit: 4 };
}

function cells(): Scenario[] {
	const scenarios: Scenario[] = [];
	for (const cap of [2, 8, 32])
		for (const kind of ['fixed', 'lognormal'] as const)
			for (const [refusal, refusalDelayMs] of Object.entries(REFUSALS))
				scenarios.push({
					name: `one process, 2,000 items, cap ${cap}, ${kind}, refusal ${refusal}`,
					service: { cap, latency: latency(kind), refusalDelayMs },
					processes: [batch(2000)],
				});
	for (const cap of [8, 32])
		for (const [refusal, refusalDelayMs] of Object.entries(REFUSALS)) {
			const service = { cap, latency: latency('fixed'), refusalDelayMs };
			scenarios.push(
				{
					name: `two processes, 100 + 400 items, cap ${cap}, refusal ${refusal}`,
					service,
					processes: [batch(100), batch(400)],
				},
				{
					name: `two processes, 400 + 400 items, cap ${cap}, refusal ${refusal}`,
					service,
					processes: [batch(400), batch(400)],
				},
				{
					name: `two processes, 200 + 400 items 3 s later, cap ${cap}, refusal ${refusal}`,
					service,
					processes: [batch(200), batch(400, 3000)],
					idealFloorMs: 3000 + Math.ceil(400 / cap) * LATENCY_MS,
				},
			);
		}
	// 25 rounds of the cap each, as 200 uploads at cap 8 (the queue-mode bench)
	for (const [cap, each] of [
		[8, 100],
		[32, 400],
	] as const)
		for (const [refusal, refusalDelayMs] of Object.entries(REFUSALS))
			scenarios.push({
				name: `two workers, ${each} + ${each} uploads at Concurrency 4, cap ${cap}, refusal ${refusal}`,
				service: { cap, latency: latency('fixed'), refusalDelayMs },
				processes: [uploads(each), uploads(each)],
			});
	return scenarios;
}

export const SCENARIOS: readonly Scenario[] = cells();

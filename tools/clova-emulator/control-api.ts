/**
 * The emulator's own control API, for tests and benchmarks that run it in
 * another process. Served only at the server root under /__emulator/:
 *   GET  /__emulator/stats      -> { stats, scenario: { override, queue, default }, options }
 *   GET  /__emulator/requests   -> { requests: RequestSummary[] }
 *   GET  /__emulator/latencies  -> { calls, totalMs, maxMs }: latencies drawn since start or reset
 *   POST /__emulator/scenario   <- { "scenario"?: name | null, "enqueue"?: name[] }
 *   POST /__emulator/reset
 *   POST /__emulator/configure  <- partial runtime options (JSON; no logger)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBody } from './body-reader';
import {
	EmulatorOptionsError,
	validateRuntimeOptions,
	type EmulatorRuntimeOptions,
} from './emulator-options';
import type { EmulatorStats, RequestSummary } from './request-log';
import { JSON_CONTENT_TYPE, sendText } from './responses';
import { isScenarioName, type ScenarioName } from './scenarios';
import type { DrawnLatencies } from './service-time';

export const CONTROL_PREFIX = '/__emulator/';

export type PublicRuntimeOptions = Omit<EmulatorRuntimeOptions, 'logger'>;

export interface ControlTarget {
	readonly stats: EmulatorStats;
	readonly drawnLatencies: DrawnLatencies;
	requestSummaries(): RequestSummary[];
	scenarioState(): { override: ScenarioName | null; queue: ScenarioName[]; default: ScenarioName };
	publicOptions(): PublicRuntimeOptions;
	setScenario(name: ScenarioName | null): void;
	enqueue(...names: ScenarioName[]): void;
	reset(): void;
	configure(options: Partial<EmulatorRuntimeOptions>): void;
}

const CONTROL_BODY_LIMIT = 64 * 1024;

export function isControlPath(pathname: string): boolean {
	return pathname.startsWith(CONTROL_PREFIX) || pathname === '/__emulator';
}

export async function handleControlRequest(
	request: IncomingMessage,
	response: ServerResponse,
	pathname: string,
	target: ControlTarget,
): Promise<void> {
	const route = `${request.method ?? ''} ${pathname}`;
	const reply = (status: number, body: unknown): void =>
		sendText(response, status, JSON_CONTENT_TYPE, JSON.stringify(body));

	switch (route) {
		case 'GET /__emulator/stats':
			return reply(200, {
				stats: target.stats,
				scenario: target.scenarioState(),
				options: target.publicOptions(),
			});
		case 'GET /__emulator/requests':
			return reply(200, { requests: target.requestSummaries() });
		case 'GET /__emulator/latencies':
			return reply(200, target.drawnLatencies);
		case 'POST /__emulator/reset':
			request.resume();
			target.reset();
			return reply(200, { ok: true });
		case 'POST /__emulator/scenario':
		case 'POST /__emulator/configure': {
			const body = await readJsonObject(request);
			if (body === null) return reply(400, { error: 'body must be a JSON object' });
			try {
				if (route === 'POST /__emulator/scenario') {
					applyScenarioBody(body, target);
					return reply(200, { scenario: target.scenarioState() });
				}
				if ('logger' in body) throw new EmulatorOptionsError('logger cannot be set over HTTP');
				target.configure(validateRuntimeOptions(body));
				return reply(200, { options: target.publicOptions() });
			} catch (error: unknown) {
				if (error instanceof EmulatorOptionsError) return reply(400, { error: error.message });
				throw error;
			}
		}
		default:
			request.resume();
			return reply(404, { error: `no control route ${route}` });
	}
}

function applyScenarioBody(body: Record<string, unknown>, target: ControlTarget): void {
	const { scenario, enqueue, ...rest } = body;
	const unknownKeys = Object.keys(rest);
	if (unknownKeys.length > 0)
		throw new EmulatorOptionsError(`unknown keys ${unknownKeys.join(', ')}`);
	if (scenario !== undefined && scenario !== null && !isScenarioName(scenario)) {
		throw new EmulatorOptionsError(`unknown scenario ${String(scenario)}`);
	}
	if (enqueue !== undefined && !(Array.isArray(enqueue) && enqueue.every(isScenarioName))) {
		throw new EmulatorOptionsError('enqueue: an array of scenario names');
	}
	if (scenario !== undefined) target.setScenario(scenario);
	if (enqueue !== undefined) target.enqueue(...(enqueue as ScenarioName[]));
}

async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown> | null> {
	const { body } = await readBody(request, CONTROL_BODY_LIMIT);
	if (body === null) return null;
	try {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

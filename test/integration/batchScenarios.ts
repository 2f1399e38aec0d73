/**
 * The fault-injection batch shared by batch.test.ts (correctness) and
 * leak.test.ts (what it leaves behind): many items through an emulator with a
 * concurrency cap below the node's concurrency and a share of transient faults.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator } from '../../tools/clova-emulator';
import type { FaultScenarioName } from '../../tools/clova-emulator/scenarios';
import { binaryItem, runClovaNode, sampleFile, type RunResult } from './harness';

export const FAULT_BATCH = {
	items: 1000,
	faultRate: 0.2,
	faultScenarios: ['rate-limit', 'server-error', 'ocr-error', 'drop'] as FaultScenarioName[],
	cap: 3,
	concurrency: 8,
	seed: 20250603,
	/** Every this many items, one the service cannot read (not transient: never retried). */
	unreadableEvery: 97,
};

/** ic-success carries these fields, in this order. */
export const IC_FIELDS = ['name', 'personalNum', 'address', 'issueDate', 'authority'];

/** Transient faults that may remain after the retries run out. */
export const TRANSIENT_MESSAGES = [
	'CLOVA OCR rate limit reached (CLOVA OCR error 0025, HTTP 400)',
	'CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)',
	'CLOVA OCR service error (CLOVA OCR error 0501, HTTP 500)',
];
export const DROPPED_MESSAGE =
	/^The request to CLOVA OCR failed: The connection to the server was closed unexpectedly/;
export const UNREADABLE_MESSAGE = 'CLOVA OCR could not read the image: Read page:0 error.';

export function batchImageName(index: number): string {
	const name = `card-${String(index).padStart(4, '0')}.jpg`;
	return index % FAULT_BATCH.unreadableEvery === FAULT_BATCH.unreadableEvery - 1
		? `[scenario=infer-failure] ${name}`
		: name;
}

export async function batchItems(
	count: number,
	name: (index: number) => string = batchImageName,
): Promise<INodeExecutionData[]> {
	const file = sampleFile('jpg');
	return await Promise.all(
		Array.from({ length: count }, async (_, index) => await binaryItem(file, name(index))),
	);
}

export function configureFaults(emulator: Emulator): void {
	emulator.configure({
		latencyMs: 5,
		concurrencyCap: FAULT_BATCH.cap,
		faultRate: FAULT_BATCH.faultRate,
		faultScenarios: FAULT_BATCH.faultScenarios,
		seed: FAULT_BATCH.seed,
	});
	emulator.reset();
}

export function clearFaults(emulator: Emulator): void {
	emulator.configure({ latencyMs: 0, concurrencyCap: null, faultRate: 0 });
	emulator.reset();
}

export async function runFaultBatch(
	emulator: Emulator,
	secretKey: string,
	items: INodeExecutionData[],
): Promise<RunResult> {
	return await runClovaNode({
		parameters: {
			operation: 'recognizeIdCard',
			options: { concurrency: FAULT_BATCH.concurrency, maxRetries: 3 },
		},
		items,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey },
		onError: 'continueRegularOutput',
	});
}

import type { Batch } from './batch';

/**
 * The batch of the node execution an execute context belongs to. The router
 * opens it; the transport finds it from the context it is handed, so the
 * per-item code in between needs no extra parameter.
 */
const batches = new WeakMap<object, Batch>();

export function openBatch(ctx: object, batch: Batch): void {
	batches.set(ctx, batch);
}

export function closeBatch(ctx: object): void {
	batches.delete(ctx);
}

export function batchOf(ctx: object): Batch | undefined {
	return batches.get(ctx);
}

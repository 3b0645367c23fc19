/**
 * Queued Office.js commands grouped into batches that stay under a request-size budget, and the
 * one place where batches are sent one `context.sync()` after the other.
 *
 * Excel on the web refuses a request above 5 MB (`RequestPayloadSizeLimitExceeded`). A writer
 * describes its work as {@link QueuedAction}s, each with an estimate of the bytes it adds to the
 * request (the JSON of its arrays plus a fixed overhead per command); {@link splitIntoBatches}
 * packs them greedily in order. Whatever fits one budget costs one sync; only a plan larger than
 * the budget costs more.
 */

/** Estimated request bytes of one command beyond its data (object path, method name, ids). */
export const COMMAND_OVERHEAD_BYTES = 120;

/** Default request budget: 4 MB, well under Excel on the web's 5 MB limit. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** One or more Office.js commands, queued (not sent) when `apply` runs. */
export interface QueuedAction {
  /** Estimated request bytes; at most the budget (larger data must be split by the caller). */
  readonly bytes: number;
  readonly apply: () => void;
}

/** Packs actions, in order, into batches whose estimated size stays within `budget`. */
export function splitIntoBatches(actions: readonly QueuedAction[], budget: number): QueuedAction[][] {
  const batches: QueuedAction[][] = [];
  let current: QueuedAction[] = [];
  let size = 0;
  for (const action of actions) {
    if (current.length > 0 && size + action.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(action);
    size += action.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Estimated request bytes of a value sent to Excel (its JSON length). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/** Bytes of a text in UTF-8, as it travels in the request (ä takes 2, € 3, an emoji 4). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one character of 4 bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export interface BatchHooks {
  /** Runs first in every batch (e.g. suspend calculation until the batch's sync). */
  readonly beforeBatch?: () => void;
  /** Runs after each batch's sync with the number of batches done. */
  readonly afterBatch?: (done: number, total: number) => void;
}

/**
 * Queues each batch and syncs it, in order; returns the number of syncs. This is the only loop
 * with a `context.sync()` in the Office adapter, on purpose: a batch must reach Excel before the
 * next is queued, or the request would grow past the payload limit the batches were cut for.
 * For plans under the budget there is exactly one batch, so one sync.
 */
export async function runBatches(
  context: Excel.RequestContext,
  batches: readonly (readonly QueuedAction[])[],
  hooks: BatchHooks = {},
): Promise<number> {
  let done = 0;
  for (const batch of batches) {
    hooks.beforeBatch?.();
    for (const action of batch) action.apply();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, see above
    await context.sync();
    done++;
    hooks.afterBatch?.(done, batches.length);
  }
  return done;
}

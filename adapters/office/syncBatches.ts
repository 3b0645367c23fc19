/**
 * Queued Office.js commands grouped into batches that stay under a request-size budget, and the
 * one place where batches are sent one `context.sync()` after the other.
 *
 * Excel on the web refuses a request above 5 MB (`RequestPayloadSizeLimitExceeded`; "Excel on the
 * web limits requests and responses to 5 MB", Microsoft Learn, "Performance optimization using the
 * Excel JavaScript API" › "Payload size limit best practices"). A writer describes its work as
 * {@link QueuedAction}s, each with an estimate of the bytes it adds to the request;
 * {@link splitIntoBatches} packs them greedily in order. Whatever fits one budget costs one sync.
 *
 * The estimates are upper bounds of what Microsoft's client library really sends (measured with
 * it, adapters/office/testing/realOfficeRuntime.ts; docs/decisions/0009): a request body is JSON with
 * one entry per object path (`getRange(…)`, `.format`, `.font`, …) plus its `Instantiate` action
 * (ranges, kept and then untracked inside `Excel.run`, a second one), and one action per property
 * set or method call; the data travels as the JSON of the arguments. The constants below assume
 * ids of up to 7 digits (ten million objects per request context).
 */

/**
 * Request bytes of one object path and its `Instantiate` action, without arguments: measured at
 * most 112 + 61 bytes with 5-digit ids (`GetRange`), 165 + 61 for office.js's own
 * `GetBoundingRect`; with 7-digit ids and names up to 20 characters below 240.
 */
export const OBJECT_PATH_BYTES = 240;

/**
 * Request bytes of one action (a property set or method call) without its arguments: measured at
 * most 126 bytes (`Formulas`, with its `L` list), 161 for `CopyFrom` (whose source travels as a
 * referenced object path); with 7-digit ids below 180.
 */
export const ACTION_BYTES = 180;

/**
 * Request bytes a range adds beyond {@link OBJECT_PATH_BYTES} when it is created inside
 * `Excel.run` and then `untrack()`ed: the second `Instantiate` action office.js queues for the
 * reference it keeps (the `_KeepReference` action itself is dropped) and the path's `"D":true`
 * flag — measured 58 + 9 bytes with 5-digit ids.
 */
export const UNTRACKED_RANGE_BYTES = 80;

/** Request bytes of a command on a fresh object (one object path, one action), data not included. */
export const COMMAND_OVERHEAD_BYTES = OBJECT_PATH_BYTES + ACTION_BYTES;

/**
 * Request bytes every batch carries whatever it holds: the root, `worksheets` and `application`
 * paths, the suspension calls, and each sheet the batch writes to, addressed by its id (up to
 * 40 sheets of ~200 bytes).
 */
export const REQUEST_BASE_BYTES = 10_000;

/**
 * Excel on the web's request limit, read conservatively: "5 MB" as 5,000,000 bytes (not 5 MiB).
 * A request the estimates keep below {@link DEFAULT_PAYLOAD_BUDGET} is at least 20 % under it.
 */
export const REQUEST_LIMIT_BYTES = 5_000_000;

/** Default request budget for the estimates (which are upper bounds of the real size). */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

/**
 * office.js writes a 2D array of more than this many cells as pieces of at most this many cells
 * (`setRangePropertiesInBulk` in the client library): each piece costs three more object paths
 * (`getRow`, `getRow`, `getBoundingRect`) and its own set action, plus one `_ValidateArraySize`
 * call per array.
 */
export const OFFICE_ARRAY_PIECE_CELLS = 1_500;

/**
 * Upper bound of the request bytes of `paths` object paths (`ranges` of them untracked ranges),
 * `actions` actions and the JSON of their arguments (`dataBytes`).
 */
export function commandBytes(paths: number, actions: number, dataBytes = 0, ranges = 0): number {
  return paths * OBJECT_PATH_BYTES + ranges * UNTRACKED_RANGE_BYTES + actions * ACTION_BYTES + dataBytes;
}

/**
 * Upper bound of the request bytes of `sheet.getRange(address).<property> = array` for an array
 * of `rows` × `columns` whose JSON has `dataBytes` bytes, the address included in `dataBytes` or
 * not (add it).
 */
export function rangeWriteBytes(rows: number, columns: number, dataBytes: number): number {
  const base = commandBytes(1, 1, dataBytes + 24, 1);
  const cells = rows * columns;
  if (cells <= OFFICE_ARRAY_PIECE_CELLS) return base;
  const rowsPerPiece = Math.max(1, Math.round(OFFICE_ARRAY_PIECE_CELLS / columns));
  const pieces = Math.ceil(rows / rowsPerPiece);
  // each piece: 3 untracked ranges, 1 set action, its own brackets and two row indexes; one size check per array
  return base + ACTION_BYTES + 16 + pieces * commandBytes(3, 1, 24, 3);
}

/** One or more Office.js commands, queued (not sent) when `apply` runs. */
export interface QueuedAction {
  /**
   * Upper bound of the request bytes the commands add (without {@link REQUEST_BASE_BYTES}); at
   * most the budget (larger data must be split by the caller).
   */
  readonly bytes: number;
  readonly apply: () => void;
}

/**
 * Packs items, in order, into groups whose bytes (`bytesOf`) add up to at most `budget` (an item
 * larger than the budget is a group of its own).
 */
export function packBySize<T>(items: readonly T[], bytesOf: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (current.length > 0 && size + bytes > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Packs actions, in order, into batches whose estimated size ({@link REQUEST_BASE_BYTES} plus the
 * actions' bytes) stays within `budget`.
 */
export function splitIntoBatches(actions: readonly QueuedAction[], budget: number): QueuedAction[][] {
  return packBySize(actions, (action) => action.bytes, budget - REQUEST_BASE_BYTES);
}

/** Estimated request bytes of one batch: the base of every request plus its actions. */
export function batchBytes(batch: readonly QueuedAction[]): number {
  return batch.reduce((sum, action) => sum + action.bytes, REQUEST_BASE_BYTES);
}

/** Request bytes of a value sent to Excel (its JSON in UTF-8, as office.js serialises arguments). */
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
  /** Runs first in every request (e.g. suspend calculation until the request's sync). */
  readonly beforeBatch?: () => void;
  /** Runs after each batch's sync(s) with the number of batches done. */
  readonly afterBatch?: (done: number, total: number) => void;
  /** Runs before each sync with the estimated bytes of the request (tests compare it with the real size). */
  readonly beforeSync?: (estimatedBytes: number) => void;
}

/**
 * How often a batch the host refuses as too large is halved again: at most 2³ = 8 pieces, so a
 * batch costs at most 1 + 2 + 4 + 8 = 15 syncs — still a constant, whatever the plan's size.
 */
export const MAX_PAYLOAD_SPLITS = 3;

/** The Office error code of a request the host refused for its size (Excel on the web only). */
export const PAYLOAD_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

function isPayloadTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === PAYLOAD_TOO_LARGE;
}

/** Where a batch splits into two halves of about the same estimated bytes (both non-empty). */
function halfBytesIndex(batch: readonly QueuedAction[]): number {
  const half = (batchBytes(batch) - REQUEST_BASE_BYTES) / 2;
  let sum = 0;
  for (let index = 0; index < batch.length - 1; index++) {
    sum += batch[index]?.bytes ?? 0;
    if (sum >= half) return index + 1;
  }
  return batch.length - 1;
}

/**
 * Queues each batch and syncs it, in order; returns the number of syncs. The writer's only loop
 * with a `context.sync()`, on purpose: a batch must reach Excel before the next is queued, or the
 * request would grow past the payload limit the batches were cut for (the marks in
 * addin/host/OfficeWorkbookHost.ts loop the same way, two syncs per batch).
 * For plans under the budget there is exactly one batch, so one sync.
 *
 * A batch the host refuses with `RequestPayloadSizeLimitExceeded` (the estimates should prevent
 * it; a host with a smaller limit would not) is cut in halves and each half sent again, up to
 * {@link MAX_PAYLOAD_SPLITS} times. This is safe because a refused request ran nothing: the size
 * is checked on the whole request before any of its actions runs — office.js receives the host's
 * error 5103 (`ooeRequestPayloadSizeLimitExceeded`) in place of a response, with no result for
 * any action (`RichApiMessageUtility.buildResponseOnError`), and Microsoft documents the limit as
 * one on the request ("Excel on the web limits requests and responses to 5 MB"), not on what the
 * request does. The queued commands of the refused request are dropped with it (office.js starts
 * a new pending request at every sync), so the halves queue them afresh.
 */
export async function runBatches(
  context: Excel.RequestContext,
  batches: readonly (readonly QueuedAction[])[],
  hooks: BatchHooks = {},
): Promise<number> {
  let syncs = 0;
  const send = async (batch: readonly QueuedAction[], splits: number): Promise<void> => {
    hooks.beforeBatch?.();
    for (const action of batch) action.apply();
    hooks.beforeSync?.(batchBytes(batch));
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || batch.length < 2 || splits >= MAX_PAYLOAD_SPLITS) throw error;
      const middle = halfBytesIndex(batch);
      await send(batch.slice(0, middle), splits + 1);
      await send(batch.slice(middle), splits + 1);
    }
  };
  let done = 0;
  for (const batch of batches) {
    await send(batch, 0);
    done++;
    hooks.afterBatch?.(done, batches.length);
  }
  return syncs;
}

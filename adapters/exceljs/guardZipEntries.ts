/**
 * Holds every entry of a zip, while it is inflated, to what the zip's central directory
 * declares: a file can lie in its directory (a zip bomb declares 100 bytes and inflates to
 * 10 GB), so the sizes checked before reading (inspectFile.ts) are enforced here on the bytes
 * really inflated — for every entry, also those nobody parses (images, themes), which the
 * unzipper inflates all the same.
 *
 * The hook is the unzipper's parser stream (exceljs pipes the file into it): each entry it
 * pushes is watched. An entry that inflates past its declared size, a total past the unpacked
 * limit, or a read past the time limit stops inflating at once (the chunk is never passed on,
 * so the inflater stalls) and fails the read.
 */
import { UnusableFileError } from "./errors.js";
import type { ZipEntryInfo } from "./inspectFile.js";
import { checkDeadline, type ReadBudget } from "./xmlParts.js";

type TransformCallback = (error?: Error | null, data?: unknown) => void;

/** An entry stream of unzipper 0.10 (a PassThrough with the entry's path). */
interface EntryStream {
  readonly path: string;
  _transform(chunk: Uint8Array, encoding: BufferEncoding, callback: TransformCallback): void;
}

function isEntryStream(chunk: unknown): chunk is EntryStream {
  return (
    typeof chunk === "object" &&
    chunk !== null &&
    typeof (chunk as { path?: unknown }).path === "string" &&
    typeof (chunk as { _transform?: unknown })._transform === "function"
  );
}

/**
 * Watches the entries the unzipper's parser stream pushes.
 * @param parser the stream exceljs pipes the file into (unzipper's `Parse`)
 * @param entries the central directory, as inspected
 * @param fail called once, with the reason, when an entry crosses a limit
 */
export function guardZipEntries(
  parser: unknown,
  entries: readonly ZipEntryInfo[],
  budget: ReadBudget,
  fail: (error: UnusableFileError) => void,
): void {
  const declared = new Map<string, number>();
  for (const entry of entries) {
    declared.set(entry.utf8Name, entry.uncompressedSize);
    if (!declared.has(entry.name)) declared.set(entry.name, entry.uncompressedSize);
  }
  const target = parser as { push(chunk: unknown, encoding?: BufferEncoding): boolean };
  if (typeof target.push !== "function") return;
  const push = target.push.bind(target);
  const maxTotal = budget.limits.maxUncompressedBytes;
  let total = 0;
  let failed = false;

  const watch = (entry: EntryStream): void => {
    // an entry the directory does not list (hidden between the listed ones) may inflate to nothing
    const limit = declared.get(entry.path) ?? declared.get(entry.path.replace(/\\/g, "/")) ?? 0;
    const transform = entry._transform.bind(entry);
    let used = 0;
    entry._transform = (chunk, encoding, callback) => {
      if (failed) return;
      used += chunk.byteLength;
      total += chunk.byteLength;
      let error: UnusableFileError | undefined;
      if (used > limit) {
        error = new UnusableFileError(
          budget.fileName,
          "tooLarge",
          `the zip entry ${entry.path} inflates past the ${limit} bytes its directory declares: a zip bomb or a damaged file`,
          { exceeded: "declaredSize", size: used, limit, part: entry.path },
        );
      } else if (total > maxTotal) {
        error = new UnusableFileError(
          budget.fileName,
          "tooLarge",
          `the workbook unpacks to more than ${Math.round(maxTotal / (1024 * 1024))} MB`,
          { exceeded: "unpackedBytes", size: total, limit: maxTotal },
        );
      } else {
        try {
          checkDeadline(budget);
        } catch (late) {
          error = late as UnusableFileError;
        }
      }
      if (error) {
        failed = true;
        fail(error);
        return; // the callback is never called: inflating stops here
      }
      transform(chunk, encoding, callback);
    };
  };

  target.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (isEntryStream(chunk)) watch(chunk);
    return push(chunk, encoding);
  };
}

/**
 * Writes {@link WorkbookPlan}s as .xlsx (Node entry point): `writePlanToXlsx` (into a stream),
 * `writePlanToBuffer` (into memory) and `writePlanToFile`. The browser imports
 * workbookWriter.js instead, which has no `node:` imports.
 *
 * `writePlanToFile` writes atomically and never over an existing file unless asked (`force`);
 * see adapters/fs/writeFileAtomic.ts.
 */
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { writeFileAtomic } from "../fs/writeFileAtomic.js";
import { writePlanToXlsx, type WriteOptions } from "./workbookWriter.js";

export { writePlanToBuffer, writePlanToXlsx } from "./workbookWriter.js";
export type { BufferWriteOptions, WriteOptions } from "./workbookWriter.js";

export interface FileWriteOptions extends WriteOptions {
  /** Replace an existing file. Default false: throw {@link FileExistsError}. */
  readonly force?: boolean;
}

/**
 * Writes the plan to `path`.
 * @throws FileExistsError when `path` exists and `force` is not set (checked before and,
 *   without a race, again when the file is put in place)
 */
export async function writePlanToFile(plan: WorkbookPlan, path: string, options: FileWriteOptions = {}): Promise<void> {
  await writeFileAtomic(path, (stream) => writePlanToXlsx(plan, stream, options), { force: options.force ?? false });
}

/**
 * Writes {@link WorkbookPlan}s as .xlsx (Node entry point): `writePlanToXlsx` (into a stream),
 * `writePlanToBuffer` (into memory) and `writePlanToFile`. The browser imports
 * workbookWriter.js instead, which has no `node:` imports.
 *
 * `writePlanToFile` writes atomically: the workbook goes to a temporary file in the
 * same directory, which then takes the target's name in one step. A crash or a failing plan
 * never leaves a half-written workbook under the real name, and an existing file is never
 * replaced unless asked (`force`).
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { FileExistsError } from "./errors.js";
import { writePlanToXlsx, type WriteOptions } from "./workbookWriter.js";

export { writePlanToBuffer, writePlanToXlsx } from "./workbookWriter.js";
export type { BufferWriteOptions, WriteOptions } from "./workbookWriter.js";

export interface FileWriteOptions extends WriteOptions {
  /** Replace an existing file. Default false: throw {@link FileExistsError}. */
  readonly force?: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/**
 * Writes the plan to `path`.
 * @throws FileExistsError when `path` exists and `force` is not set (checked before and,
 *   without a race, again when the file is put in place)
 */
export async function writePlanToFile(plan: WorkbookPlan, path: string, options: FileWriteOptions = {}): Promise<void> {
  const force = options.force ?? false;
  if (!force && (await exists(path))) throw new FileExistsError(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  // `flush`: the data reaches the disk before the file is closed and renamed
  const stream = createWriteStream(temp, { flags: "wx", flush: true });
  const closed = new Promise<void>((resolve, reject) => {
    stream.once("close", resolve);
    stream.once("error", reject);
  });
  closed.catch(() => undefined); // observed below; no unhandled rejection meanwhile
  let placed = false;
  try {
    await writePlanToXlsx(plan, stream, options);
    await closed;
    if (force) {
      await rename(temp, path);
    } else {
      // link() fails if the target exists: no window in which another writer's file is replaced
      try {
        await link(temp, path);
        await unlink(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new FileExistsError(path);
        // file systems without hard links (FAT, some network shares): check, then rename
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS")
          throw error;
        if (await exists(path)) throw new FileExistsError(path);
        await rename(temp, path);
      }
    }
    placed = true;
  } finally {
    if (!placed) {
      stream.destroy();
      await closed.catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
  }
}

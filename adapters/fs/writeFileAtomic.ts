/**
 * Writes a file atomically and, unless asked, never over an existing one: the content goes to
 * a temporary file in the same directory, which then takes the target's name in one step. A
 * crash or a failing writer never leaves a half-written file under the real name.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FileExistsError } from "../exceljs/errors.js";

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
 * @param write fills the temporary file through the given stream and ends it
 * @throws FileExistsError when `path` exists and `force` is not set (checked before and,
 *   without a race, again when the file is put in place)
 */
export async function writeFileAtomic(
  path: string,
  write: (stream: NodeJS.WritableStream) => Promise<void>,
  options: { readonly force?: boolean } = {},
): Promise<void> {
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
    await write(stream);
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

/** Writes text (UTF-8) atomically; see {@link writeFileAtomic}. */
export function writeTextFileAtomic(
  path: string,
  text: string,
  options: { readonly force?: boolean } = {},
): Promise<void> {
  return writeFileAtomic(
    path,
    (stream) =>
      new Promise<void>((resolve) => {
        stream.end(text, "utf8", () => resolve());
      }),
    options,
  );
}

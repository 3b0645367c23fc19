import { FileExistsError } from "../adapters/exceljs/errors.js";
import { renderCliText } from "../lib/messages/cliTexts.js";
import type { CliContext } from "./CliContext.js";

/** The error code of a failed file-system call (ENOENT, EACCES, EISDIR, ENOSPC, …), if it is one. */
export function fileSystemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * Runs a write; an existing target (use --force) or a target the file system refuses (no such
 * folder, no permission, a folder in the way, a full disk) becomes a message, not a crash. The
 * writes are atomic (adapters/fs/writeFileAtomic.ts): a refused or failed write leaves neither
 * the target nor a temporary file behind.
 */
export async function writeOrRefuse(
  write: () => Promise<void>,
  shownPath: string,
  context: CliContext,
): Promise<boolean> {
  try {
    await write();
    context.stderr(renderCliText("wrote", context.language, { file: shownPath }));
    return true;
  } catch (error) {
    if (error instanceof FileExistsError) {
      context.stderr(renderCliText("fileExists", context.language, { file: shownPath }));
      return false;
    }
    const code = fileSystemErrorCode(error);
    if (code !== undefined) {
      context.stderr(renderCliText("writeFailed", context.language, { file: shownPath, other: code }));
      return false;
    }
    throw error;
  }
}

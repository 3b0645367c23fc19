import { FileExistsError } from "../adapters/exceljs/errors.js";
import { renderCliText } from "../lib/messages/cliTexts.js";
import type { CliContext } from "./CliContext.js";

/** Runs a write; an existing target becomes a message (use --force), not a crash. */
export async function writeOrRefuse(write: () => Promise<void>, shownPath: string, context: CliContext): Promise<boolean> {
  try {
    await write();
    context.stderr(renderCliText("wrote", context.language, { file: shownPath }));
    return true;
  } catch (error) {
    if (error instanceof FileExistsError) {
      context.stderr(renderCliText("fileExists", context.language, { file: shownPath }));
      return false;
    }
    throw error;
  }
}

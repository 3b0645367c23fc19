import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { unusableFileIssue } from "../../adapters/exceljs/unusableFileIssue.js";
import { uiText } from "../messages.js";
import { SheetExistsError } from "./SheetExistsError.js";

/** Turns a host's own errors (e.g. OfficeHostError) into a sentence; undefined for others. */
export type HostErrorDescriber = (error: unknown, language: Language) => string | undefined;

/** webpack's error when a lazily loaded chunk cannot be fetched. */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && (error.name === "ChunkLoadError" || /Loading chunk .* failed/.test(error.message));
}

/**
 * The sentence an error message bar shows. The host's describer (Office errors) is asked
 * first; the pane's own typed errors follow; anything else is shown as unexpected, with its
 * English text, so a support request can quote it.
 */
export function describeError(error: unknown, language: Language, hostDescriber?: HostErrorDescriber): string {
  const fromHost = hostDescriber?.(error, language);
  if (fromHost !== undefined) return fromHost;
  if (error instanceof SheetExistsError) return uiText("sheetsExist", language, { list: error.sheets.join(", ") });
  if (error instanceof UnusableFileError) return unusableFileIssue(error, language).message;
  if (isChunkLoadError(error)) return uiText("chunkLoadFailed", language);
  const detail = error instanceof Error ? error.message : String(error);
  return uiText("unexpectedError", language, { detail });
}

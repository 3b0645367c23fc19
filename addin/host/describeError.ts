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

/** An error that carries an Office (or adapter) code: OfficeHostError, OfficeExtension.Error. */
function codeOf(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** Situations the message explains completely (nothing for support to look at). */
const SELF_EXPLAINING_CODES: ReadonlySet<string> = new Set(["SheetsExist"]);

/**
 * The line a user copies into a support request: the error code and the detail (English, as
 * Excel or the browser said it), e.g.
 * `InvalidOperationInCellEditMode · Excel is in cell-editing mode. (at Workbook.name)`.
 * Undefined for situations the message explains by itself (sheets exist, an unusable file).
 */
export function supportLine(error: unknown): string | undefined {
  if (error === undefined || error instanceof SheetExistsError || error instanceof UnusableFileError) return undefined;
  const code = codeOf(error);
  if (code !== undefined && SELF_EXPLAINING_CODES.has(code)) return undefined;
  const message =
    error instanceof Error
      ? error.message
      : typeof error === "object" && error !== null
        ? String((error as { message?: unknown }).message ?? "")
        : String(error);
  if (code !== undefined) {
    const detail = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
    return detail === "" ? code : `${code} · ${detail}`;
  }
  const name = error instanceof Error ? error.name : "Error";
  return `${name} · ${message}`;
}

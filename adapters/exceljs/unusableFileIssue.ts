/**
 * Turns a file a reader refused (`UnusableFileError`) into one finding in the user's language.
 * No Node imports: the CLI and the task pane share it.
 */
import type { DetectedFormat, UnusableFileError } from "./errors.js";
import { formatNumberFor, renderTerm, type TermKey } from "../../lib/messages/terms.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";

const FORMAT_TERMS: Record<DetectedFormat, TermKey> = {
  pdf: "formatPdf",
  text: "formatText",
  html: "formatHtml",
  xml: "formatXml",
  rtf: "formatRtf",
  xls: "formatXls",
  ole: "formatOle",
  ods: "formatOds",
  odf: "formatOdf",
  docx: "formatDocx",
  pptx: "formatPptx",
  xlsb: "formatXlsb",
  zip: "formatZip",
  encryptedOoxml: "formatUnknown",
  encryptedZip: "formatUnknown",
  encryptedOrXls: "formatXls",
  unknownBinary: "formatUnknown",
};

const megabytes = (bytes: number | undefined): string =>
  bytes === undefined ? "?" : `${(bytes / 1_048_576).toFixed(1)} MB`;

/** `512 B`, `12,5 KB`, `300,0 MB`: sizes in the user's number format. */
function size(bytes: number | undefined, language: Language): string {
  if (bytes === undefined) return "?";
  if (bytes < 1024) return `${formatNumberFor(bytes, language)} B`;
  const [value, unit] = bytes < 1_048_576 ? [bytes / 1024, "KB"] : [bytes / 1_048_576, "MB"];
  return `${formatNumberFor(Math.round(value * 10) / 10, language)} ${unit}`;
}

/** The finding for a file over one of the reader's limits (readLimits.ts). */
function limitIssue(error: UnusableFileError, language: Language): ValidationIssue {
  const where = {
    file: error.fileName,
    ...(error.sheet === undefined ? {} : { sheet: error.sheet }),
    ...(error.cell === undefined ? {} : { cell: error.cell }),
  };
  const part = error.part ?? "";
  const limit = error.limit ?? 0;
  switch (error.exceeded) {
    case undefined:
    case "fileBytes":
      return createIssue("error", "file.tooLarge", language, where, {
        received: megabytes(error.size),
        expected: megabytes(error.limit),
      });
    case "unpackedBytes":
      return createIssue("error", "file.unpackedTooLarge", language, where, {
        // the declared total is known; bytes counted while inflating stop just past the limit
        received:
          error.size !== undefined && error.size > limit + 1_048_576
            ? size(error.size, language)
            : `> ${size(limit, language)}`,
        expected: `≤ ${size(limit, language)}`,
      });
    case "modelPartBytes":
      return createIssue("error", "file.partTooLarge", language, where, {
        value: part,
        received: size(error.size, language),
        expected: `≤ ${size(limit, language)}`,
      });
    case "compressionRatio":
      return createIssue("error", "file.compressionRatio", language, where, {
        value: part,
        received: `${formatNumberFor(error.size ?? 0, language)} : 1`,
        expected: `≤ ${formatNumberFor(limit, language)} : 1`,
      });
    case "declaredSize":
      return createIssue("error", "file.sizeMismatch", language, where, {
        value: part,
        received: `> ${size(limit, language)}`,
        expected: size(limit, language),
      });
    case "entries":
      return createIssue("error", "file.tooManyEntries", language, where, {
        received: formatNumberFor(error.size ?? 0, language),
        expected: `≤ ${formatNumberFor(limit, language)}`,
      });
    case "xmlRun":
      return createIssue("error", "file.xmlTooLong", language, where, { value: part, count: limit });
    case "xmlDepth":
      return createIssue("error", "file.xmlTooDeep", language, where, { value: part, count: limit });
    case "time":
      return createIssue("error", "file.timeLimit", language, where, { count: Math.round(limit / 1000) });
    case "rowsPerSheet":
      return createIssue("error", "sheet.tooManyRows", language, where, { count: limit });
    case "cells":
      return createIssue("error", "workbook.tooManyCells", language, where, { count: limit });
  }
}

/** One finding, in the user's language, saying why the file cannot be read (and, where it applies, where reading stopped). */
export function unusableFileIssue(error: UnusableFileError, language: Language): ValidationIssue {
  const where = { file: error.fileName };
  switch (error.reason) {
    case "empty":
      return createIssue("error", "file.empty", language, where);
    case "notFound":
      return createIssue("error", "file.notFound", language, where);
    case "encrypted":
      return createIssue("error", "file.encrypted", language, where);
    case "notXlsx":
      if (error.detected === "encryptedOrXls") return createIssue("error", "file.encryptedOrXls", language, where);
      return createIssue("error", "file.notXlsx", language, where, {
        other: renderTerm(FORMAT_TERMS[error.detected ?? "unknownBinary"], language),
      });
    case "tooLarge":
      return limitIssue(error, language);
    case "notZip":
      return createIssue("error", "file.notXlsx", language, where, {
        other: renderTerm(FORMAT_TERMS[error.detected ?? "unknownBinary"], language),
      });
    case "corrupt":
      // the detail is a technical English phrase: shown as what was found, not in the sentence
      return createIssue("error", "file.unreadable", language, where, { received: error.detail });
  }
}

import { UnusableFileError, type DetectedFormat } from "../adapters/exceljs/errors.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { renderTerm, type TermKey } from "../lib/messages/terms.js";
import type { WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { createIssue, type ValidationIssue } from "../lib/validation/ValidationIssue.js";

export type LoadResult = { readonly snapshot: WorkbookSnapshot } | { readonly unusable: ValidationIssue };

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
  unknownBinary: "formatUnknown",
};

const megabytes = (bytes: number | undefined) => (bytes === undefined ? "?" : `${(bytes / 1_048_576).toFixed(1)} MB`);

/** Turns a file the reader refused into one finding that says why, in the user's language. */
export function unusableIssue(error: UnusableFileError, file: string, language: Language): ValidationIssue {
  const where = { file };
  switch (error.reason) {
    case "empty":
      return createIssue("error", "file.empty", language, where);
    case "notFound":
      return createIssue("error", "file.notFound", language, where);
    case "encrypted":
      return createIssue("error", "file.encrypted", language, where);
    case "notXlsx":
      return createIssue("error", "file.notXlsx", language, where, {
        other: renderTerm(FORMAT_TERMS[error.detected ?? "unknownBinary"], language),
      });
    case "tooLarge":
      return createIssue("error", "file.tooLarge", language, where, { received: megabytes(error.size), expected: megabytes(error.limit) });
    case "notZip":
    case "corrupt":
      return createIssue("error", "file.unreadable", language, where, { other: error.detail });
  }
}

/** Reads a workbook file into a snapshot, or says in one finding why it cannot be read. */
export async function loadWorkbook(path: string, language: Language): Promise<LoadResult> {
  const file = path;
  try {
    return { snapshot: await readSnapshotFromXlsx(path, file) };
  } catch (error) {
    if (error instanceof UnusableFileError) return { unusable: unusableIssue(error, file, language) };
    throw error;
  }
}

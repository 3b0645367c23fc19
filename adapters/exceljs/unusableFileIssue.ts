/**
 * Turns a file a reader refused (`UnusableFileError`) into one finding in the user's language.
 * No Node imports: the CLI and the task pane share it.
 */
import type { DetectedFormat, UnusableFileError } from "./errors.js";
import { renderTerm, type TermKey } from "../../lib/messages/terms.js";
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
  unknownBinary: "formatUnknown",
};

const megabytes = (bytes: number | undefined): string => (bytes === undefined ? "?" : `${(bytes / 1_048_576).toFixed(1)} MB`);

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

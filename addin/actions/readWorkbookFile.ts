import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import { unusableFileIssue } from "../../adapters/exceljs/unusableFileIssue.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { checkWorkbook, unreadableCheck, type WorkbookCheck } from "../../journeys/checkWorkbook.js";
import type { PartnerFile } from "./importPartners.js";

/** Reads bytes into a snapshot; throws UnusableFileError for files that are no workbook. */
export type SnapshotReader = (bytes: Uint8Array, fileName: string) => Promise<WorkbookSnapshot>;

export interface WorkbookFile {
  readonly check: WorkbookCheck;
  /** Why the file is no readable .xlsx at all; undefined when it was read. */
  readonly unreadable: ValidationIssue | undefined;
}

/**
 * Reads one picked file and checks it as `ikz validate` would. A file that is no readable
 * .xlsx comes back as an unusable report with the one finding that says why; it never throws
 * for the user's file (only for programmer or host failures).
 */
export async function readWorkbookFile(
  file: PartnerFile,
  readSnapshot: SnapshotReader,
  language: Language,
): Promise<WorkbookFile> {
  try {
    return { check: checkWorkbook(await readSnapshot(await file.bytes(), file.name), language), unreadable: undefined };
  } catch (error) {
    if (!(error instanceof UnusableFileError)) throw error;
    const issue = unusableFileIssue(error, language);
    return { check: unreadableCheck(file.name, issue), unreadable: issue };
  }
}

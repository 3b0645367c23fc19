import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import { unusableFileIssue } from "../../adapters/exceljs/unusableFileIssue.js";
import type { BatchFile, FileCheck } from "../../journeys/checkFileBatch.js";
import { checkWorkbook, unreadableCheck } from "../../journeys/checkWorkbook.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";

/** A picked file: its name and a way to get its bytes. */
export interface PartnerFile {
  readonly name: string;
  bytes(): Promise<Uint8Array>;
}

/** Reads bytes into a snapshot; throws UnusableFileError for files that are no workbook. */
export type SnapshotReader = (bytes: Uint8Array, fileName: string) => Promise<WorkbookSnapshot>;

/**
 * Reads one picked file and checks it as `ikz validate` would. A file that is no readable
 * .xlsx comes back as an unusable report with the one finding that says why; it never throws
 * for the user's file (only for programmer or host failures).
 */
export async function readWorkbookFile(
  file: PartnerFile,
  readSnapshot: SnapshotReader,
  language: Language,
  /** Check a workbook holding several templates as this one when it holds it. */
  prefer?: string,
): Promise<FileCheck> {
  try {
    const snapshot = await readSnapshot(await file.bytes(), file.name);
    return { check: checkWorkbook(snapshot, language, prefer === undefined ? {} : { prefer }), unreadable: undefined };
  } catch (error) {
    if (!(error instanceof UnusableFileError)) throw error;
    const issue = unusableFileIssue(error, language);
    return { check: unreadableCheck(file.name, issue), unreadable: issue };
  }
}

/** Picked files as a batch reads them (journeys/checkFileBatch). */
export function pickedFiles(
  files: readonly PartnerFile[],
  readSnapshot: SnapshotReader,
  language: Language,
  prefer?: string,
): BatchFile[] {
  return files.map((file) => ({
    name: file.name,
    check: () => readWorkbookFile(file, readSnapshot, language, prefer),
  }));
}

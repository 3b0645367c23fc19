import { UnusableFileError } from "../adapters/exceljs/errors.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { unusableFileIssue } from "../adapters/exceljs/unusableFileIssue.js";
import type { WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";

export type LoadResult = { readonly snapshot: WorkbookSnapshot } | { readonly unusable: ValidationIssue };

/** Reads a workbook file into a snapshot, or says in one finding why it cannot be read. */
export async function loadWorkbook(path: string, language: Language): Promise<LoadResult> {
  const file = path;
  try {
    return { snapshot: await readSnapshotFromXlsx(path, file) };
  } catch (error) {
    if (error instanceof UnusableFileError) return { unusable: unusableFileIssue(error, language) };
    throw error;
  }
}

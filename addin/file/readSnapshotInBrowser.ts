/**
 * Reads an .xlsx in the browser into a {@link WorkbookSnapshot}.
 *
 * The Node reader (adapters/exceljs/readSnapshotFromXlsx.ts) streams the file through
 * `node:fs`/`node:stream` and exceljs's streaming WorkbookReader, which exceljs's browser bundle
 * does not have. Here the file is already in memory (a picked File), so exceljs's in-memory
 * `Workbook().xlsx.load()` reads it and the cells are converted as the Node reader converts
 * them: rich text → plain text, formulas → formula text plus last result, error values →
 * `{ error }`, date-formatted numbers → Date (UTC), merged-away cells → absent. One difference:
 * the in-memory reader drops a stored empty text result, so such a formula reads as having no
 * result (null) where the Node reader gives "" — both an empty computed cell to the checks.
 *
 * Before exceljs sees the bytes, `inspectXlsx` (pure on bytes) tells PDFs, CSVs, old .xls,
 * password-protected and broken files apart, so each gets its own message.
 */
import ExcelJS from "exceljs";
import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import { inspectXlsx, type InspectOptions } from "../../adapters/exceljs/inspectFile.js";
import type { CellValue, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";

/** Reads bytes of an .xlsx into an exceljs workbook; throws UnusableFileError for anything else. */
export async function loadWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  options: InspectOptions = {},
): Promise<ExcelJS.Workbook> {
  await inspectXlsx(bytes, fileName, options);
  const workbook = new ExcelJS.Workbook();
  try {
    // a plain ArrayBuffer copy: exceljs's typings declare their own `Buffer extends ArrayBuffer`
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UnusableFileError(fileName, "corrupt", `the workbook is damaged and cannot be read (${detail})`, {
      cause: error,
    });
  }
  if (workbook.worksheets.length === 0)
    throw new UnusableFileError(fileName, "corrupt", "the workbook has no worksheet");
  return workbook;
}

/**
 * Reads the bytes of an .xlsx file into a snapshot.
 * @throws UnusableFileError when the bytes are not a readable .xlsx workbook
 */
export async function readSnapshotInBrowser(
  bytes: Uint8Array,
  fileName: string,
  options: InspectOptions = {},
): Promise<WorkbookSnapshot> {
  return snapshotOfExcelJsWorkbook(await loadWorkbookBytes(bytes, fileName, options), fileName);
}

/** The parts of exceljs's worksheet used here that its typings leave out. */
interface WorksheetInternals {
  _merges?: Record<string, { range?: string } | undefined>;
}

/** Converts an exceljs workbook (loaded or edited in memory) into a snapshot. */
export function snapshotOfExcelJsWorkbook(workbook: ExcelJS.Workbook, fileName: string): WorkbookSnapshot {
  return { fileName, sheets: workbook.worksheets.map(snapshotOfWorksheet) };
}

function snapshotOfWorksheet(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (SnapshotCell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (SnapshotCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const converted = snapshotCellOf(cell);
      if (converted) cells[columnNumber] = converted;
    });
    if (cells.length > 0) rows[rowNumber] = cells;
  });
  const merges = Object.values((worksheet as unknown as WorksheetInternals)._merges ?? {})
    .map((merge) => merge?.range)
    .filter((range): range is string => typeof range === "string");
  return { name: worksheet.name, state: worksheet.state, rows, merges };
}

/** One cell as the snapshot holds it; undefined for cells that hold nothing (or are merged away). */
export function snapshotCellOf(cell: ExcelJS.Cell): SnapshotCell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) return undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula;
    const value = valueOf(cell.result);
    return typeof formula === "string" && formula !== "" ? { value, formula } : { value };
  }
  const value = valueOf(cell.value);
  return value === null ? undefined : { value };
}

function valueOf(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return { error: String(value.error) };
  if ("hyperlink" in value) {
    const text: unknown = value.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) return valueOf(text as ExcelJS.CellRichTextValue);
    return null;
  }
  if ("formula" in value || "sharedFormula" in value) return valueOf(value.result);
  return null;
}

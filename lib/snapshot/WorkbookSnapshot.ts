import type { ValidationIssue } from "../validation/ValidationIssue.js";

/**
 * What a reader found in a workbook, independent of the library that read it: the exceljs
 * reader (files) and the Office.js reader (the open workbook) both return this shape.
 */

/** An error value shown in a cell, e.g. `#DIV/0!`. */
export interface CellErrorValue {
  readonly error: string;
}

/** A cell's value (for a formula cell: its last calculated result, if the file has one). */
export type CellValue = number | string | boolean | Date | CellErrorValue | null;

export interface SnapshotCell {
  readonly value: CellValue;
  /** Formula text without the leading `=`, when the cell holds a formula. */
  readonly formula?: string;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /**
   * Cells by 1-based row, then 1-based column (index 0 unused); rows and cells that are empty
   * in the file may be missing.
   */
  readonly rows: readonly (readonly (SnapshotCell | undefined)[] | undefined)[];
  /** Merged ranges, e.g. `B5:C5`. */
  readonly merges: readonly string[];
}

export interface WorkbookSnapshot {
  /** File name (or workbook name in Excel) used in every message. */
  readonly fileName: string;
  readonly sheets: readonly SheetSnapshot[];
  /**
   * What the reader itself has to tell (e.g. `sheet.notRead`: a user's sheet too large to read in
   * Excel, of which only the name was read); shown with the findings of the check.
   */
  readonly notices?: readonly ValidationIssue[];
}

export function isCellError(value: CellValue): value is CellErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** The cell at a 1-based row and column, if any. */
export function snapshotCell(sheet: SheetSnapshot, row: number, column: number): SnapshotCell | undefined {
  return sheet.rows[row]?.[column];
}

/** The number of the last row that has any cell. */
export function lastRowNumber(sheet: SheetSnapshot): number {
  return sheet.rows.length - 1;
}

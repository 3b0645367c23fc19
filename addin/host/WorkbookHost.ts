/**
 * What the task pane needs from "the workbook", whether it is the workbook open in Excel
 * (Office.js) or an .xlsx file the user picked in a plain browser (exceljs). The pane's logic
 * talks only to this interface; `lib/` does the thinking.
 */
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { ReferringSheets } from "./referringSheets.js";

/** A sheet-and-cell reference, e.g. `{ sheet: "Aufgaben", address: "E12" }`. */
export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

/** Progress of a long action, 0–1, with a short text for the progress bar. */
export type ProgressListener = (fraction: number, label: string) => void;

export interface InsertResult {
  /** Names of the sheets written. */
  readonly sheets: readonly string[];
}

export interface WorkbookHost {
  /** `excel` inside Office; `file` when the pane works on a picked .xlsx in a plain browser. */
  readonly kind: "excel" | "file";
  /** Name used in messages (the file name, or the workbook's name). */
  readonly name: string;
  /** Names of the sheets that exist now. */
  sheetNames(): Promise<readonly string[]>;
  /** Sheets (of those named) that exist and are not empty — the pane asks before touching them. */
  nonEmptySheets(names: readonly string[]): Promise<readonly string[]>;
  /**
   * The other sheets whose formulas refer to any of the named sheets (which the pane is about to
   * replace: those references will show `#REF!`). Bounded: a sheet too large to read is listed
   * as unchecked instead.
   */
  sheetsReferringTo(names: readonly string[]): Promise<ReferringSheets>;
  /**
   * Writes the plan's sheets. Existing sheets of the same name are replaced only when
   * `replace` is true (the user said yes); otherwise the call fails with a typed error.
   */
  insertPlan(
    plan: WorkbookPlan,
    options: { readonly replace: boolean; readonly onProgress?: ProgressListener },
  ): Promise<InsertResult>;
  /** Reads the whole workbook as a snapshot (values and formulas). */
  readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot>;
  /** Moves the selection to a cell (Excel) or marks it as current (file mode). */
  selectCell(ref: CellRef): Promise<void>;
  /** Marks the given cells (e.g. a red fill) so users see where problems are; returns a token to clear. */
  markCells(refs: readonly CellRef[]): Promise<void>;
  /** Removes every mark `markCells` set, restoring the cells' previous look. */
  clearMarks(): Promise<void>;
}

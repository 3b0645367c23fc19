/**
 * The WorkbookHost of "file mode": the pane runs in a plain browser (no Excel) and works on an
 * .xlsx the user picked. The workbook lives in memory as an exceljs workbook; inserted plans
 * become sheets of it, and {@link FileWorkbookHost.toBytes} gives the changed workbook for a
 * download. The picked file itself is never touched (a browser cannot write it back).
 *
 * There is no sheet to show, so `selectCell` only remembers the cell as "current" (the pane
 * highlights the issue and previews its row) and `markCells` only remembers the cells: marks
 * are not written into the file the user downloads.
 *
 * This module imports exceljs: load it lazily (see loadXlsxTools.ts).
 */
import ExcelJS from "exceljs";
import { writePlanToBuffer } from "../../adapters/exceljs/workbookWriter.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { referringSheetsIn, type ReferringSheets } from "../host/referringSheets.js";
import { SheetExistsError } from "../host/SheetExistsError.js";
import { existingSheetNames, sameSheetName } from "../host/sheetNames.js";
import { sheetHasContent } from "../host/snapshotOfPlan.js";
import type { FileHost, FileHostState } from "../host/FileHost.js";
import type { CellRef, InsertResult, ProgressListener } from "../host/WorkbookHost.js";
import { loadWorkbookBytes, snapshotOfExcelJsWorkbook } from "./readSnapshotInBrowser.js";

export class FileWorkbookHost implements FileHost {
  readonly kind = "file" as const;
  private status: FileHostState = { changed: false, current: undefined, marked: [] };
  private readonly listeners = new Set<(state: FileHostState) => void>();

  private constructor(
    readonly name: string,
    private readonly workbook: ExcelJS.Workbook,
  ) {}

  /**
   * Opens the bytes of a picked file.
   * @throws UnusableFileError when they are not a readable .xlsx workbook
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<FileWorkbookHost> {
    return new FileWorkbookHost(fileName, await loadWorkbookBytes(bytes, fileName));
  }

  /** What the pane shows besides the workbook: changed, current cell, marks. */
  get fileState(): FileHostState {
    return this.status;
  }

  /** Calls `listener` on every change of {@link FileHostState}; returns the unsubscribe function. */
  subscribe(listener: (state: FileHostState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheetNames(): Promise<readonly string[]> {
    return Promise.resolve(this.workbook.worksheets.map((ws) => ws.name));
  }

  nonEmptySheets(names: readonly string[]): Promise<readonly string[]> {
    const snapshot = this.snapshot();
    return Promise.resolve(
      snapshot.sheets
        .filter((s) => names.some((n) => sameSheetName(n, s.name)) && sheetHasContent(s))
        .map((s) => s.name),
    );
  }

  sheetsReferringTo(names: readonly string[]): Promise<ReferringSheets> {
    return Promise.resolve(referringSheetsIn(this.snapshot(), names));
  }

  async insertPlan(
    plan: WorkbookPlan,
    options: { readonly replace: boolean; readonly onProgress?: ProgressListener },
  ): Promise<InsertResult> {
    const names = plan.sheets.map((s) => s.name);
    const existing = existingSheetNames(
      this.workbook.worksheets.map((ws) => ws.name),
      names,
    );
    if (existing.length > 0 && !options.replace) throw new SheetExistsError(existing);
    // The plan is written by the same writer as every template file, then its sheets are moved
    // over: one writer decides how a plan looks, in Excel files and here.
    const planned = new ExcelJS.Workbook();
    await planned.xlsx.load(new Uint8Array(await writePlanToBuffer(plan, { engine: "memory" })).buffer);
    for (const name of existing) {
      const old = this.workbook.worksheets.find((ws) => sameSheetName(ws.name, name));
      if (old) this.workbook.removeWorksheet(old.id);
    }
    planned.worksheets.forEach((source, index) => {
      const target = this.workbook.addWorksheet(source.name);
      const model = source.model as ExcelJS.WorksheetModel & { mergeCells?: readonly string[] };
      // exceljs's model setter reads merges from `mergeCells`, its getter writes `merges`
      target.model = { ...model, id: target.id, name: source.name, mergeCells: model.merges } as ExcelJS.WorksheetModel;
      target.state = source.state;
      options.onProgress?.((index + 1) / planned.worksheets.length, source.name);
    });
    // the inserted formulas have no results yet: Excel computes them when it opens the file
    this.workbook.calcProperties.fullCalcOnLoad = true;
    this.update({ changed: true });
    return { sheets: names };
  }

  readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const snapshot = this.snapshot();
    onProgress?.(1, this.name);
    return Promise.resolve(snapshot);
  }

  selectCell(ref: CellRef): Promise<void> {
    this.update({ current: ref });
    return Promise.resolve();
  }

  markCells(refs: readonly CellRef[]): Promise<void> {
    this.update({ marked: [...this.status.marked, ...refs] });
    return Promise.resolve();
  }

  clearMarks(): Promise<void> {
    this.update({ marked: [] });
    return Promise.resolve();
  }

  /** The workbook as it is now, as .xlsx bytes (for the download). */
  async toBytes(): Promise<Uint8Array> {
    const data = await this.workbook.xlsx.writeBuffer();
    return data instanceof Uint8Array ? data : new Uint8Array(data);
  }

  private snapshot(): WorkbookSnapshot {
    return snapshotOfExcelJsWorkbook(this.workbook, this.name);
  }

  private update(change: Partial<FileHostState>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}

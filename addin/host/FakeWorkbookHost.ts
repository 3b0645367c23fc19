/**
 * A WorkbookHost for tests: the workbook is an in-memory snapshot, every call is recorded, and
 * any method can be made to fail. Plans are applied as a perfect writer would (values as
 * planned, formulas without results), so a test can insert a template and then check it.
 */
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { SheetSnapshot, WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { SheetExistsError } from "./SheetExistsError.js";
import { referringSheetsIn, type ReferringSheets } from "./referringSheets.js";
import { existingSheetNames, sameSheetName } from "./sheetNames.js";
import { sheetHasContent, snapshotOfSheetPlan } from "./snapshotOfPlan.js";
import type { CellRef, InsertResult, ProgressListener, WorkbookHost } from "./WorkbookHost.js";

export type FakeHostMethod =
  | "sheetNames"
  | "nonEmptySheets"
  | "sheetsReferringTo"
  | "insertPlan"
  | "readSnapshot"
  | "selectCell"
  | "markCells"
  | "clearMarks";

export type FakeHostCall =
  | { readonly method: "sheetNames" }
  | { readonly method: "nonEmptySheets"; readonly names: readonly string[] }
  | { readonly method: "sheetsReferringTo"; readonly names: readonly string[] }
  | { readonly method: "insertPlan"; readonly plan: WorkbookPlan; readonly replace: boolean }
  | { readonly method: "readSnapshot" }
  | { readonly method: "selectCell"; readonly ref: CellRef }
  | { readonly method: "markCells"; readonly refs: readonly CellRef[] }
  | { readonly method: "clearMarks" };

export interface FakeHostOptions {
  readonly kind?: WorkbookHost["kind"];
  readonly name?: string;
  readonly sheets?: readonly SheetSnapshot[];
}

export class FakeWorkbookHost implements WorkbookHost {
  readonly kind: WorkbookHost["kind"];
  readonly name: string;
  /** Every call, in order. */
  readonly calls: FakeHostCall[] = [];
  /** The sheets as they are now (replaced as a whole on every change). */
  sheets: SheetSnapshot[];
  /** Cells marked and not cleared. */
  marked: CellRef[] = [];
  private readonly failures = new Map<FakeHostMethod, unknown>();
  private readonly gates = new Map<FakeHostMethod, Promise<void>>();

  constructor(options: FakeHostOptions = {}) {
    this.kind = options.kind ?? "excel";
    this.name = options.name ?? "Mappe1.xlsx";
    this.sheets = [...(options.sheets ?? [])];
  }

  /** Makes every later call of `method` reject with `error`. */
  failOn(method: FakeHostMethod, error: unknown): this {
    this.failures.set(method, error);
    return this;
  }

  /** Holds calls of `method` until the returned function is called (to see busy states). */
  hold(method: FakeHostMethod): () => void {
    let release = (): void => undefined;
    this.gates.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  /** Calls of one method. */
  callsOf<M extends FakeHostMethod>(method: M): Extract<FakeHostCall, { method: M }>[] {
    return this.calls.filter((call): call is Extract<FakeHostCall, { method: M }> => call.method === method);
  }

  async sheetNames(): Promise<readonly string[]> {
    await this.enter({ method: "sheetNames" });
    return this.sheets.map((s) => s.name);
  }

  async nonEmptySheets(names: readonly string[]): Promise<readonly string[]> {
    await this.enter({ method: "nonEmptySheets", names });
    return this.sheets
      .filter((s) => names.some((n) => sameSheetName(n, s.name)) && sheetHasContent(s))
      .map((s) => s.name);
  }

  async sheetsReferringTo(names: readonly string[]): Promise<ReferringSheets> {
    await this.enter({ method: "sheetsReferringTo", names });
    return referringSheetsIn({ fileName: this.name, sheets: this.sheets }, names);
  }

  async insertPlan(
    plan: WorkbookPlan,
    options: { readonly replace: boolean; readonly onProgress?: ProgressListener },
  ): Promise<InsertResult> {
    await this.enter({ method: "insertPlan", plan, replace: options.replace });
    const names = plan.sheets.map((s) => s.name);
    const existing = existingSheetNames(
      this.sheets.map((s) => s.name),
      names,
    );
    if (existing.length > 0 && !options.replace) throw new SheetExistsError(existing);
    const kept = this.sheets.filter((s) => !names.some((n) => sameSheetName(n, s.name)));
    plan.sheets.forEach((sheet, index) => options.onProgress?.((index + 1) / plan.sheets.length, sheet.name));
    this.sheets = [...kept, ...plan.sheets.map(snapshotOfSheetPlan)];
    return { sheets: names };
  }

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    await this.enter({ method: "readSnapshot" });
    onProgress?.(1, this.name);
    return { fileName: this.name, sheets: [...this.sheets] };
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.enter({ method: "selectCell", ref });
  }

  async markCells(refs: readonly CellRef[]): Promise<void> {
    await this.enter({ method: "markCells", refs });
    this.marked = [...this.marked, ...refs];
  }

  async clearMarks(): Promise<void> {
    await this.enter({ method: "clearMarks" });
    this.marked = [];
  }

  private async enter(call: FakeHostCall): Promise<void> {
    this.calls.push(call);
    await this.gates.get(call.method);
    if (this.failures.has(call.method)) throw this.failures.get(call.method);
  }
}

/**
 * {@link WorkbookHost} for the workbook open in Excel: every action is one `Excel.run` with a
 * constant number of syncs, and every failure an {@link OfficeHostError}.
 *
 * | action         | syncs                                                         |
 * |----------------|---------------------------------------------------------------|
 * | connect        | 1 (workbook name)                                             |
 * | sheetNames     | 1                                                             |
 * | nonEmptySheets | 2 (names, then the used ranges of those that exist)           |
 * | insertPlan     | 2 (names, then everything) — more only above the 4 MB budget  |
 * | readSnapshot   | 2 (names, then all used ranges) — more only above 5 MB answers |
 * | selectCell     | 1                                                             |
 * | markCells      | 2 (previous fills and sheet protection, then the marks)       |
 * | clearMarks     | 1 (4 when a marked sheet was deleted or protected meanwhile)  |
 *
 * Marks are fills, and a protected sheet refuses fills (the results and working sheets ikz-kit
 * writes are protected, docs/decisions/0007): cells on a protected sheet are left unmarked — the
 * pane lists them all the same — rather than lifting a protection the user may rely on.
 */
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { CellRef, InsertResult, ProgressListener, WorkbookHost } from "../host/WorkbookHost.js";
import { detectExcelFeatures, type ExcelFeatures, type OptionalExcelFeature } from "./features.js";
import { toOfficeHostError } from "./officeErrors.js";
import { readSnapshotFromExcel } from "./readSnapshotFromExcel.js";
import { writePlanToExcel } from "./writePlanToExcel.js";

/** `Excel.run`, or a stand-in that hands a fake context to the batch (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookHostOptions {
  /** Default: the global `Excel.run` (office.js must be loaded). */
  readonly run?: ExcelRun;
  /** Default: detected from `Office.context.requirements`. */
  readonly features?: ExcelFeatures;
  /** Language of progress labels; default German. */
  readonly language?: Language;
}

/** Light red of Excel's "Bad" cell style: marks problem cells. */
export const MARK_FILL = "#FFC7CE";

/** What a marked cell looked like before, to restore it. */
interface Mark {
  readonly sheet: string;
  readonly address: string;
  /** Previous fill colour, or undefined for "no fill". */
  readonly color: string | undefined;
}

/** The result of insertPlan, with what the host could not write. */
export interface OfficeInsertResult extends InsertResult {
  readonly skipped: readonly OptionalExcelFeature[];
}

const globalRun: ExcelRun = (batch) => Excel.run(batch);

function markKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address.replace(/\$/g, "").toUpperCase()}`;
}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly features: ExcelFeatures;
  private readonly language: Language;
  private marks: Mark[] = [];

  constructor(
    /** The workbook's name, used in messages. */
    readonly name: string,
    options: OfficeWorkbookHostOptions = {},
  ) {
    this.run = options.run ?? globalRun;
    this.features = options.features ?? detectExcelFeatures();
    this.language = options.language ?? "de";
  }

  /**
   * A host for the open workbook, named as Excel names it (one sync).
   * @example const host = await OfficeWorkbookHost.connect();
   */
  static async connect(options: OfficeWorkbookHostOptions = {}): Promise<OfficeWorkbookHost> {
    const run = options.run ?? globalRun;
    const name = await guarded(() =>
      run(async (context) => {
        const workbook = context.workbook;
        workbook.load("name");
        await context.sync();
        return workbook.name;
      }),
    );
    return new OfficeWorkbookHost(name, { ...options, run });
  }

  sheetNames(): Promise<readonly string[]> {
    return guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        return worksheets.items.map((sheet) => sheet.name);
      }),
    );
  }

  nonEmptySheets(names: readonly string[]): Promise<readonly string[]> {
    const wanted = new Set(names.map((name) => name.toLowerCase()));
    return guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const candidates = worksheets.items
          .filter((sheet) => wanted.has(sheet.name.toLowerCase()))
          .map((sheet) => {
            const used = sheet.getUsedRangeOrNullObject();
            used.load("address");
            return { name: sheet.name, used };
          });
        await context.sync();
        return candidates.filter((candidate) => !candidate.used.isNullObject).map((candidate) => candidate.name);
      }),
    );
  }

  async insertPlan(
    plan: WorkbookPlan,
    options: { readonly replace: boolean; readonly onProgress?: ProgressListener },
  ): Promise<OfficeInsertResult> {
    const result = await guarded(() =>
      this.run((context) =>
        writePlanToExcel(context, plan, {
          replace: options.replace,
          features: this.features,
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        }),
      ),
    );
    return { sheets: result.sheets, skipped: result.skipped };
  }

  readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return guarded(() =>
      this.run((context) =>
        readSnapshotFromExcel(context, {
          features: this.features,
          fileName: this.name,
          language: this.language,
          ...(onProgress === undefined ? {} : { onProgress }),
        }),
      ),
    );
  }

  selectCell(ref: CellRef): Promise<void> {
    return guarded(() =>
      this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(ref.sheet);
        sheet.activate();
        sheet.getRange(ref.address).select();
        await context.sync();
      }),
    );
  }

  async markCells(refs: readonly CellRef[]): Promise<void> {
    const known = new Set(this.marks.map((mark) => markKey(mark.sheet, mark.address)));
    const fresh: CellRef[] = [];
    for (const ref of refs) {
      const key = markKey(ref.sheet, ref.address);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push(ref);
    }
    if (fresh.length === 0) return;
    const withPattern = this.features.fillPattern;
    const added = await guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const protections = loadProtections(
          worksheets,
          fresh.map((ref) => ref.sheet),
        );
        const fills = fresh.map((ref) => {
          const fill = worksheets.getItem(ref.sheet).getRange(ref.address).format.fill;
          fill.load(withPattern ? "color,pattern" : "color");
          return { ref, fill };
        });
        await context.sync();
        const open = fills.filter(({ ref }) => protections.get(ref.sheet.toLowerCase())?.protected !== true);
        const marks = open.map(({ ref, fill }): Mark => {
          const none = withPattern ? fill.pattern === "None" : fill.color === "#FFFFFF" || fill.color === null;
          return {
            sheet: ref.sheet,
            address: ref.address,
            color: none || fill.color === null ? undefined : fill.color,
          };
        });
        for (const { fill } of open) fill.color = MARK_FILL;
        await context.sync();
        return marks;
      }),
    );
    this.marks = [...this.marks, ...added];
  }

  async clearMarks(): Promise<void> {
    const marks = this.marks;
    if (marks.length === 0) return;
    await guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        restoreFills(worksheets, marks);
        try {
          await context.sync();
        } catch (error) {
          const code = toOfficeHostError(error).code;
          if (code !== "ItemNotFound" && code !== "AccessDenied") throw error;
          // a marked sheet is gone or protected now: restore the cells of the open sheets that remain
          worksheets.load("items/name");
          await context.sync();
          const remaining = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
          const left = marks.filter((mark) => remaining.has(mark.sheet.toLowerCase()));
          const protections = loadProtections(
            worksheets,
            left.map((mark) => mark.sheet),
          );
          await context.sync();
          restoreFills(
            worksheets,
            left.filter((mark) => protections.get(mark.sheet.toLowerCase())?.protected !== true),
          );
          await context.sync();
        }
      }),
    );
    this.marks = [];
  }
}

/** Queues a load of `protection/protected` for each named sheet, once per sheet (by lower-case name). */
function loadProtections(
  worksheets: Excel.WorksheetCollection,
  sheets: readonly string[],
): Map<string, Excel.WorksheetProtection> {
  const protections = new Map<string, Excel.WorksheetProtection>();
  for (const sheet of sheets) {
    const key = sheet.toLowerCase();
    if (protections.has(key)) continue;
    const protection = worksheets.getItem(sheet).protection;
    protection.load("protected");
    protections.set(key, protection);
  }
  return protections;
}

function restoreFills(worksheets: Excel.WorksheetCollection, marks: readonly Mark[]): void {
  for (const mark of marks) {
    const fill = worksheets.getItem(mark.sheet).getRange(mark.address).format.fill;
    if (mark.color === undefined) fill.clear();
    else fill.color = mark.color;
  }
}

/** Runs an Excel action; any failure becomes an OfficeHostError. */
async function guarded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toOfficeHostError(error);
  }
}

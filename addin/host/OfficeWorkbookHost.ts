/**
 * {@link WorkbookHost} for the workbook open in Excel: every action is one `Excel.run` with a
 * constant number of syncs, and every failure an {@link OfficeHostError}.
 *
 * | action         | syncs                                                         |
 * |----------------|---------------------------------------------------------------|
 * | connect        | 1 (workbook name)                                             |
 * | sheetNames     | 1                                                             |
 * | nonEmptySheets | 2 (names, then the used ranges of those that exist)           |
 * | sheetsReferringTo | 3 (names, used ranges' sizes, formulas of at most 100,000 cells) |
 * | insertPlan     | 2 (names, then everything) — more only above the 4 MB budget; +2 to undo a failed insert (docs/decisions/0011) |
 * | readSnapshot   | 3 (names, sizes and template sheets' merged areas, cells) — more only above Excel's limits (readSnapshotFromExcel) |
 * | selectCell     | 1                                                             |
 * | markCells      | 2 per batch (previous fills and sheet protection, then the marks and their record) |
 * | clearMarks     | 1 per batch (+1 to read the record after a reload; +3 when a marked sheet was deleted or protected meanwhile) |
 *
 * Marks are fills, and a protected sheet refuses fills (the results and working sheets ikz-kit
 * writes are protected, docs/decisions/0007): cells on a protected sheet are left unmarked — the
 * pane lists them all the same — rather than lifting a protection the user may rely on.
 *
 * Marks are remembered in the workbook, not only in the pane: the marked cells and their previous
 * fills are stored in the add-in's workbook setting {@link MARKS_SETTING} (`workbook.settings`,
 * ExcelApi 1.4, "persisted to the document (per file, per add-in)"), written in the same request
 * as the marks. So a pane that was closed or reloaded still removes them (docs/decisions/0009).
 * A batch holds as many cells as fit the request budget (a marked cell costs ≈ 0.8 kB of request,
 * so 10,000 cells are 4 batches, not one 9 MB request).
 */
import { cellAddress } from "../../lib/cells/address.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { ReferenceCollector, type ReferringSheets } from "./referringSheets.js";
import type { CellRef, InsertResult, ProgressListener, WorkbookHost } from "./WorkbookHost.js";
import { detectExcelFeatures, type ExcelFeatures, type OptionalExcelFeature } from "../../adapters/office/features.js";
import { toOfficeHostError } from "../../adapters/office/officeErrors.js";
import { readSnapshotFromExcel } from "../../adapters/office/readSnapshotFromExcel.js";
import {
  commandBytes,
  DEFAULT_PAYLOAD_BUDGET,
  jsonBytes,
  packBySize,
  REQUEST_BASE_BYTES,
} from "../../adapters/office/syncBatches.js";
import { writePlanToExcel } from "../../adapters/office/writePlanToExcel.js";

/** `Excel.run`, or a stand-in that hands a fake context to the batch (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookHostOptions {
  /** Default: the global `Excel.run` (office.js must be loaded). */
  readonly run?: ExcelRun;
  /** Default: detected from `Office.context.requirements`. */
  readonly features?: ExcelFeatures;
  /** Language of progress labels; default German. */
  readonly language?: Language;
  /** Estimated request bytes per sync for marks; default 4 MB. Smaller values only for tests. */
  readonly payloadBudget?: number;
}

/**
 * Most cells whose formulas {@link OfficeWorkbookHost.sheetsReferringTo} reads before a replace:
 * ≈ 30 bytes a cell in the answer keeps it well under Excel on the web's 5 MB response limit.
 */
export const REFERENCE_SCAN_CELLS = 100_000;

/** The formula cells of a loaded used range, as `[address, formula without "="]`. */
function* formulaCells(used: Excel.Range): Iterable<readonly [string, string]> {
  const grid = used.formulas as unknown[][] | null;
  if (!grid) return;
  for (const [rowOffset, line] of grid.entries()) {
    for (const [columnOffset, cell] of line.entries()) {
      if (typeof cell === "string" && cell.startsWith("="))
        yield [cellAddress(used.rowIndex + rowOffset + 1, used.columnIndex + columnOffset + 1), cell.slice(1)];
    }
  }
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

/**
 * The workbook setting (per add-in, per file) that records the marks: a JSON text of
 * `[sheet, address, previous colour or null]` triples, `[]` when nothing is marked.
 */
export const MARKS_SETTING = "ikz.marks";

/**
 * Request bytes of one cell in a mark or restore request: its range, format and fill paths, and
 * one load or set (address, selected properties or colour as data).
 */
const MARK_CELL_BYTES = commandBytes(3, 1, 64, 1);
/** Request bytes per sheet in a batch: the sheet by name, its protection and the protection's load. */
const MARK_SHEET_BYTES = commandBytes(2, 1, 160);
/**
 * Request bytes kept free in each mark batch for the record of the marks (the setting): ~30 bytes
 * per mark, so room for ~30,000 marks; a larger record goes in a request of its own.
 */
const MARK_RECORD_RESERVE = 1_000_000;

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
  private readonly payloadBudget: number;
  /** The marks as last read from or written to the workbook; undefined until then. */
  private marks: Mark[] | undefined;

  constructor(
    /** The workbook's name, used in messages. */
    readonly name: string,
    options: OfficeWorkbookHostOptions = {},
  ) {
    this.run = options.run ?? globalRun;
    this.features = options.features ?? detectExcelFeatures();
    this.language = options.language ?? "de";
    this.payloadBudget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
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

  /**
   * Two syncs: the used range's size of every sheet that stays, then the formulas of those within
   * {@link REFERENCE_SCAN_CELLS} cells altogether (smallest first, so one huge sheet of the user's
   * does not hide the small ones; the rest are reported unchecked). Data-validation rules are not
   * read (a drop-down's source on a replaced sheet stays unnoticed). An answer Excel on the web refuses
   * as too large (long formulas) leaves the sheets of that read unchecked, not the insert failed.
   */
  sheetsReferringTo(names: readonly string[]): Promise<ReferringSheets> {
    const collector = new ReferenceCollector(names);
    return guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const sized = worksheets.items
          .filter((sheet) => !collector.replaced(sheet.name))
          .map((sheet) => {
            const used = sheet.getUsedRangeOrNullObject(true);
            used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
            return { sheet, used };
          });
        await context.sync();
        const unchecked: string[] = [];
        let budget = REFERENCE_SCAN_CELLS;
        const read = sized
          .filter(({ used }) => !used.isNullObject)
          .sort((a, b) => a.used.rowCount * a.used.columnCount - b.used.rowCount * b.used.columnCount)
          .flatMap(({ sheet, used }) => {
            const cells = used.rowCount * used.columnCount;
            if (cells > budget) {
              unchecked.push(sheet.name);
              return [];
            }
            budget -= cells;
            used.load("formulas");
            return [{ name: sheet.name, used }];
          });
        if (read.length > 0) {
          try {
            await context.sync();
          } catch (error) {
            // long formulas can make the answer larger than Excel on the web sends (5 MB): then
            // those sheets count as unchecked — the dialog says so — rather than failing the insert
            if (toOfficeHostError(error).code !== "ResponsePayloadSizeLimitExceeded") throw error;
            return collector.result([...unchecked, ...read.map(({ name }) => name)]);
          }
        }
        for (const { name, used } of read) collector.add(name, formulaCells(used));
        return collector.result(unchecked);
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

  /**
   * Marks the cells red, in batches of cells that fit one request, each batch 2 syncs: the
   * previous fills (and the record of earlier marks, in the first), then the marks and the
   * updated record. A cell marked before keeps the fill it had before the first mark.
   */
  async markCells(refs: readonly CellRef[]): Promise<void> {
    const known = new Set((this.marks ?? []).map((mark) => markKey(mark.sheet, mark.address)));
    const fresh: CellRef[] = [];
    for (const ref of refs) {
      const key = markKey(ref.sheet, ref.address);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push(ref);
    }
    if (fresh.length === 0) return;
    const withPattern = this.features.fillPattern;
    const sheetCount = new Set(fresh.map((ref) => ref.sheet.toLowerCase())).size;
    const cellBudget = this.payloadBudget - REQUEST_BASE_BYTES - MARK_RECORD_RESERVE - sheetCount * MARK_SHEET_BYTES;
    const batches = packBySize(fresh, () => MARK_CELL_BYTES, cellBudget);
    await guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        let record = this.marks;
        for (const batch of batches) {
          const stored = record === undefined ? loadMarkRecord(context) : undefined;
          const sheets = sheetsByName(worksheets);
          const protections = loadProtections(
            sheets,
            batch.map((ref) => ref.sheet),
          );
          const fills = batch.map((ref) => {
            const fill = sheets(ref.sheet).getRange(ref.address).untrack().format.fill;
            fill.load(withPattern ? "color,pattern" : "color");
            return { ref, fill };
          });
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one read per payload-sized batch of cells
          await context.sync();
          const before: Mark[] = record ?? readMarkRecord(stored);
          const marked = new Set(before.map((mark) => markKey(mark.sheet, mark.address)));
          const open = fills.filter(
            ({ ref }) =>
              !marked.has(markKey(ref.sheet, ref.address)) &&
              protections.get(ref.sheet.toLowerCase())?.protected !== true,
          );
          const added = open.map(({ ref, fill }): Mark => {
            const none = withPattern ? fill.pattern === "None" : fill.color === "#FFFFFF" || fill.color === null;
            return {
              sheet: ref.sheet,
              address: ref.address,
              color: none || fill.color === null ? undefined : fill.color,
            };
          });
          // fresh ranges: each request stands alone (no kept references to release after the run)
          const marking = sheetsByName(worksheets);
          for (const { ref } of open) marking(ref.sheet).getRange(ref.address).untrack().format.fill.color = MARK_FILL;
          const after = [...before, ...added];
          if (markRecordBytes(after) > MARK_RECORD_RESERVE) {
            // a record too large to share the request with the fills goes in a request of its own
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one write per payload-sized batch of cells
            await context.sync();
          }
          // the record last: if a fill fails, the request stops before it and the record stays as it was
          writeMarkRecord(context, after);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one write per payload-sized batch of cells
          await context.sync();
          record = after;
          this.marks = after;
        }
      }),
    );
  }

  /**
   * Restores the fills of every marked cell — also of cells a previous session of the pane marked
   * (the record is read from the workbook first, one more sync) — in batches of one sync each, and
   * empties the record as it goes. Cells on sheets deleted or protected meanwhile are left as they are.
   */
  async clearMarks(): Promise<void> {
    if (this.marks?.length === 0) return;
    await guarded(() =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        let marks = this.marks;
        if (marks === undefined) {
          const stored = loadMarkRecord(context);
          await context.sync();
          marks = readMarkRecord(stored);
          if (marks.length === 0) {
            this.marks = [];
            return;
          }
        }
        const sheetCount = new Set(marks.map((mark) => mark.sheet.toLowerCase())).size;
        const cellBudget =
          this.payloadBudget - REQUEST_BASE_BYTES - MARK_RECORD_RESERVE - sheetCount * MARK_SHEET_BYTES;
        let remaining = marks;
        for (const batch of packBySize(marks, () => MARK_CELL_BYTES, cellBudget)) {
          remaining = remaining.slice(batch.length);
          restoreFills(sheetsByName(worksheets), batch);
          writeMarkRecord(context, remaining);
          try {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch of cells
            await context.sync();
          } catch (error) {
            const code = toOfficeHostError(error).code;
            if (code !== "ItemNotFound" && code !== "AccessDenied") throw error;
            // a marked sheet is gone or protected now: restore the cells of the open sheets that remain
            worksheets.load("items/name");
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most once per batch, see above
            await context.sync();
            const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
            const left = batch.filter((mark) => present.has(mark.sheet.toLowerCase()));
            const sheets = sheetsByName(worksheets);
            const protections = loadProtections(
              sheets,
              left.map((mark) => mark.sheet),
            );
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most once per batch, see above
            await context.sync();
            restoreFills(
              sheets,
              left.filter((mark) => protections.get(mark.sheet.toLowerCase())?.protected !== true),
            );
            writeMarkRecord(context, remaining);
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most once per batch, see above
            await context.sync();
          }
          this.marks = remaining;
        }
      }),
    );
    this.marks = [];
  }
}

/** Worksheets by name, one proxy per sheet (case-insensitive), so each sheet's path is sent once per request. */
function sheetsByName(worksheets: Excel.WorksheetCollection): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    const key = name.toLowerCase();
    let sheet = sheets.get(key);
    if (sheet === undefined) {
      sheet = worksheets.getItem(name);
      sheets.set(key, sheet);
    }
    return sheet;
  };
}

/** Queues a load of the record of marks (the workbook setting); read it after the sync. */
function loadMarkRecord(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  return setting;
}

/** The marks of a loaded record; none when there is none or it is not ours to read. */
function readMarkRecord(setting: Excel.Setting | undefined): Mark[] {
  if (setting === undefined || setting.isNullObject) return [];
  const value: unknown = setting.value;
  let parsed: unknown;
  try {
    parsed = typeof value === "string" ? JSON.parse(value) : value;
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const marks: Mark[] = [];
  for (const entry of parsed as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [sheet, address, color] = entry as unknown[];
    if (typeof sheet !== "string" || typeof address !== "string") continue;
    marks.push({ sheet, address, color: typeof color === "string" ? color : undefined });
  }
  return marks;
}

/** Queues writing the record of marks (the setting's value is replaced). */
function writeMarkRecord(context: Excel.RequestContext, marks: readonly Mark[]): void {
  const text = JSON.stringify(marks.map((mark) => [mark.sheet, mark.address, mark.color ?? null]));
  context.workbook.settings.add(MARKS_SETTING, text);
}

/** Upper bound of the request bytes of a record of these marks (its JSON travels as a JSON string). */
function markRecordBytes(marks: readonly Mark[]): number {
  return commandBytes(2, 0, 2 * jsonBytes(marks.map((mark) => [mark.sheet, mark.address, mark.color ?? null])) + 32);
}

/** Queues a load of `protection/protected` for each named sheet, once per sheet (by lower-case name). */
function loadProtections(
  sheetNamed: (name: string) => Excel.Worksheet,
  sheets: readonly string[],
): Map<string, Excel.WorksheetProtection> {
  const protections = new Map<string, Excel.WorksheetProtection>();
  for (const sheet of sheets) {
    const key = sheet.toLowerCase();
    if (protections.has(key)) continue;
    const protection = sheetNamed(sheet).protection;
    protection.load("protected");
    protections.set(key, protection);
  }
  return protections;
}

function restoreFills(sheetNamed: (name: string) => Excel.Worksheet, marks: readonly Mark[]): void {
  for (const mark of marks) {
    const fill = sheetNamed(mark.sheet).getRange(mark.address).untrack().format.fill;
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

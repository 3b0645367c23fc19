/**
 * Writes a {@link WorkbookPlan} into the workbook open in Excel — the Office.js twin of
 * adapters/exceljs/workbookWriter.ts, with the same semantics: formulas as formulas, text always
 * as text, number formats, the look of each cell style, column widths, row heights, frozen panes,
 * data validations (one rule per range), highlights and colour scales as conditional formats, auto filter, merges,
 * print settings (orientation, one page wide, title rows, print area, header and footer;
 * ExcelApi 1.9, skipped and reported without it), hidden sheets (the metadata sheet, working
 * sheets), and sheet protection without a password for the sheets the plan protects ({@link OFFICE_SHEET_PROTECTION}; ExcelApi 1.2, within
 * the pane's minimum). A sheet is protected by its last command, after everything written to it.
 *
 * Round trips to Excel, whatever the number of rows:
 * 1. one sync to read the existing sheet names (a name clash without `replace` throws
 *    {@link SheetsExistError} here, before anything is written);
 * 2. one sync for everything else, as long as the queued commands stay under the payload budget
 *    (4 MB; Excel on the web refuses requests above 5 MB). Larger plans are cut into batches of
 *    at most the budget, one sync each (syncBatches.ts).
 * After a failure, two more: one to read the sheets as they are, one to undo the insert.
 *
 * All or nothing (docs/decisions/0011): the new sheets are added under temporary names
 * (`~ikz-neu-N`) and every formula and list source of the plan refers to them by those names,
 * so nothing new ever points at an old sheet and the old sheets stay untouched while the plan is
 * written. Only the last command group swaps: each replaced sheet is renamed `~ikz-alt-N`, each
 * new sheet takes its final name (Excel rewrites the formulas that refer to it), the first
 * visible new sheet is activated, and the replaced sheets are deleted. If any command fails,
 * the new sheets are deleted and the replaced ones get their names, visibility and the active
 * sheet back; only a failure after the first replaced sheet is deleted is finished instead
 * (there is nothing to go back to). Formulas of the user's that refer to a replaced sheet end
 * as `#REF!`: Excel cannot point a reference at another sheet object, which is why the pane
 * warns before replacing a sheet that others refer to.
 *
 * What keeps a big sheet inside one batch:
 * - cell data goes as 2D arrays per block of consecutive rows (`range.values`), `null` where a
 *   cell is left alone; formulas go per column;
 * - a column of formulas that are the same formula moved down row by row (as planned tables
 *   are) is written once and filled down with `range.copyFrom(…, "Formulas")` (ExcelApi 1.9);
 *   Excel moves relative references exactly as for a shared formula in a file;
 * - number formats go as one-column 2D arrays per run of equal formats;
 * - styles are set once per rectangle of cells with the same style (columns of equal runs are
 *   joined), never per cell.
 *
 * Text stays text: `range.values` parses strings like typed input, so `=cmd` would become a
 * formula, `-x` or `@x` a broken one, `11.01` a number and `1.2.25` a date. Every text cell is
 * therefore formatted `@` (Text) before its value is set — Excel then stores any string as it
 * is — and given its planned number format (General if none) right after. Changing the format
 * does not re-parse a stored value, so the cell ends up as a plain text cell, exactly as in
 * the generated file (no apostrophe prefix, whose "quote prefix" flag the file does not have).
 *
 * Column widths: a plan's width is in characters as an .xlsx stores them (`<col width>`,
 * padding included, units of the maximum digit width of Calibri 11, 7 px). Office.js wants
 * points: `round(width × 7) px × 0.75 pt/px` — 10 characters → 52.5 pt.
 */
import { dateToSerial } from "../../lib/cells/serialDates.js";
import { clipText, EXCEL_LIMITS } from "../../lib/plan/excelLimits.js";
import { pageTextSections } from "../../lib/plan/printPageText.js";
import { cellLook, cellNumberFormat, highlightLook } from "../../lib/plan/cellLooks.js";
import { assertPlanWritable, PlanWriteError } from "../../lib/plan/PlanWriteError.js";
import { shiftFormula } from "../../lib/formulas/shiftFormula.js";
import { cellAddress, columnLetter, columnNumber } from "../../lib/cells/address.js";
import type {
  CellStyle,
  PlannedColorScale,
  PlannedColorStop,
  PlannedHighlight,
  PlannedValidation,
  PrintPageText,
  SheetPlan,
  WorkbookPlan,
} from "../../lib/plan/WorkbookPlan.js";
import type { ProgressListener } from "./progress.js";
import type { ExcelFeatures, OptionalExcelFeature } from "./features.js";
import { OfficeHostError, SheetsExistError, toOfficeHostError } from "./officeErrors.js";
import { renderOfficeMessage } from "./officeMessages.js";
import { renameSheetsInFormula } from "../../lib/formulas/sheetReferences.js";
import { applyOfficeFormat, officeCellFormat, type OfficeCellFormat } from "./officeStyles.js";
import {
  COMMAND_OVERHEAD_BYTES,
  DEFAULT_PAYLOAD_BUDGET,
  REQUEST_BASE_BYTES,
  commandBytes,
  jsonBytes,
  rangeWriteBytes,
  runBatches,
  splitIntoBatches,
  type QueuedAction,
} from "./syncBatches.js";

export interface WritePlanOptions {
  /** Replace sheets of the same name (the user said yes); otherwise a clash throws before writing. */
  readonly replace: boolean;
  readonly features: ExcelFeatures;
  readonly onProgress?: ProgressListener;
  /** Estimated request bytes per sync (upper bounds of the real size); default 4 MB. Smaller values only for tests. */
  readonly payloadBudget?: number;
  /** Called before each sync of the write with its estimated request bytes (tests compare it with the real size). */
  readonly onRequestEstimate?: (estimatedBytes: number) => void;
}

export interface WritePlanResult {
  /** Names of the sheets written, in plan order. */
  readonly sheets: readonly string[];
  /** `context.sync()` calls made (1 to check names + 1 per batch). */
  readonly syncs: number;
  /** Parts of the plan left out because the host lacks the feature. */
  readonly skipped: readonly OptionalExcelFeature[];
}

/** Excel's limit on formula text (the others are in lib/plan/excelLimits.ts). */
const MAX_FORMULA = 8_192;
/** A column of formulas this long or longer is written once and filled down. */
const MIN_FILL_RUN = 3;
/** Pixels per character of a column width (Calibri 11) and points per pixel. */
const PIXELS_PER_CHARACTER = 7;
const POINTS_PER_PIXEL = 0.75;

/**
 * What a protected sheet still allows, as in the file the exceljs writer makes: selecting cells
 * (the default selection mode), column widths and row heights, and the auto filter. Everything
 * else (typing into locked cells, formatting cells, sorting, inserting or deleting rows and
 * columns) is not; no password, so Review › Unprotect Sheet lifts it.
 */
export const OFFICE_SHEET_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/** Points for an .xlsx column width in characters (see the module comment). */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * PIXELS_PER_CHARACTER) * POINTS_PER_PIXEL;
}

export { dateToSerial };

/**
 * Writes the plan's sheets into the open workbook.
 *
 * @throws SheetsExistError when a sheet of the plan exists and `replace` is false (nothing written)
 * @throws PlanWriteError when the plan itself cannot be written (a bug in the plan, checked first)
 * @throws OfficeHostError for every failure Excel reports
 * @example
 * await Excel.run((context) => writePlanToExcel(context, plan, { replace: false, features }));
 */
export async function writePlanToExcel(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WritePlanOptions,
): Promise<WritePlanResult> {
  const { features } = options;
  if (!features.minimumForPane) {
    throw new OfficeHostError("belowMinimum", "BelowMinimum", "the host lacks the minimum requirement set for writing");
  }
  assertPlanWritable(plan);
  const language = plan.language;
  const progress = options.onProgress;
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;

  // All cell data is prepared before Excel is touched: a plan that cannot be written fails
  // without a single command sent. The new sheets are written under temporary names, and every
  // formula and list source refers to them by those names (see the module comment); the names
  // are `~ikz-neu-1`… unless the workbook has such sheets already, then they are chosen again.
  const build = (temporary: readonly string[]): QueuedAction[] => {
    const names = new Map(
      plan.sheets.map((sheet, index) => [sheet.name.toLowerCase(), temporary[index] ?? sheet.name]),
    );
    const references = (formula: string): string => renameSheetsInFormula(formula, names);
    return plan.sheets.flatMap((sheet, index) =>
      planSheetActions(sheet, () => sheetHandle(handles, index), { language, features, budget, references }),
    );
  };
  const handles: Excel.Worksheet[] = [];
  const provisional = temporaryNames(new Set(), plan.sheets.length, NEW_SHEET_PREFIX);
  let sheetActions = build(provisional);

  progress?.(0, renderOfficeMessage("progress.check", language));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  try {
    await context.sync();
  } catch (error) {
    throw toOfficeHostError(error);
  }

  const planNames = new Set(plan.sheets.map((sheet) => sheet.name.toLowerCase()));
  const clashing = worksheets.items.filter((sheet) => planNames.has(sheet.name.toLowerCase()));
  if (clashing.length > 0 && !options.replace) throw new SheetsExistError(clashing.map((sheet) => sheet.name));

  const taken = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
  const temporary = temporaryNames(taken, plan.sheets.length, NEW_SHEET_PREFIX);
  if (temporary.some((name, index) => name !== provisional[index])) sheetActions = build(temporary);
  const retiredNames = temporaryNames(taken, clashing.length, OLD_SHEET_PREFIX);
  const record: InsertRecord = {
    originalIds: new Set(worksheets.items.map((sheet) => sheet.id)),
    activeId: active.id,
    added: plan.sheets.map((sheet, index) => ({ name: sheet.name, temporaryName: temporary[index] ?? sheet.name })),
    retired: clashing.map((sheet, index) => ({
      sheet,
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      temporaryName: retiredNames[index] ?? sheet.name,
    })),
    activate: plan.sheets.find((sheet) => sheet.state === "visible")?.name,
  };

  const firstVisible = plan.sheets.findIndex((sheet) => sheet.state === "visible");
  // first: the new sheets, under their temporary names; the old ones stay as they are
  const createSheets: QueuedAction = {
    bytes: COMMAND_OVERHEAD_BYTES * plan.sheets.length,
    apply: () => {
      record.added.forEach((sheet, index) => {
        handles[index] = worksheets.add(sheet.temporaryName);
      });
    },
  };
  // last, after everything was written: the swap. Old sheets step aside (renamed, so that Excel
  // points what referred to them at `~ikz-alt-N`), the new ones take the final names (Excel
  // rewrites their formulas to them), then the old ones go — renames first, deletes last, so
  // the workbook never loses its last visible sheet and a failure before the first delete can
  // still be undone.
  const swap: QueuedAction = {
    bytes: COMMAND_OVERHEAD_BYTES * (3 * record.retired.length + plan.sheets.length + 1),
    apply: () => {
      for (const old of record.retired) {
        if (old.visibility === "VeryHidden") old.sheet.visibility = "Hidden";
        old.sheet.name = old.temporaryName;
      }
      record.added.forEach((sheet, index) => {
        sheetHandle(handles, index).name = sheet.name;
      });
      if (firstVisible >= 0) sheetHandle(handles, firstVisible).activate();
      for (const old of record.retired) old.sheet.delete();
    },
  };

  const batches = splitIntoBatches([createSheets, ...sheetActions, swap], budget);
  let syncs = 1;
  try {
    syncs += await runBatches(context, batches, {
      beforeBatch: () => {
        if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
        if (features.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
      },
      afterBatch: (done, total) => progress?.(done / total, renderOfficeMessage("progress.write", language)),
      ...(options.onRequestEstimate === undefined ? {} : { beforeSync: options.onRequestEstimate }),
    });
  } catch (error) {
    const failure = toOfficeHostError(error);
    const recovery = await recover(context, record).catch((recoveryError: unknown) => recoveryError);
    if (!isRecovery(recovery)) {
      throw new OfficeHostError(
        failure.messageKey,
        failure.code,
        `${failure.message}; undoing the insert failed too: ${toOfficeHostError(recovery).message}`,
        { cause: error, params: failure.params },
      );
    }
    syncs += recovery.syncs;
    if (recovery.outcome === "rolledBack") throw failure;
  }
  progress?.(1, renderOfficeMessage("progress.done", language));
  return { sheets: plan.sheets.map((sheet) => sheet.name), syncs, skipped: skippedFeatures(plan, features) };
}

/** Temporary names of new sheets (while they are written) and of replaced ones (until deleted). */
const NEW_SHEET_PREFIX = "~ikz-neu";
const OLD_SHEET_PREFIX = "~ikz-alt";

/** What an insert changes, to undo it after a failure. */
interface InsertRecord {
  /** Ids of the sheets the workbook had before the insert. */
  readonly originalIds: ReadonlySet<string>;
  readonly activeId: string;
  /** The plan's sheets: final and temporary name. */
  readonly added: readonly { readonly name: string; readonly temporaryName: string }[];
  /** Existing sheets the plan replaces, as they were. */
  readonly retired: readonly {
    readonly sheet: Excel.Worksheet;
    readonly id: string;
    readonly name: string;
    readonly visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
    readonly temporaryName: string;
  }[];
  /** The sheet to activate when done. */
  readonly activate: string | undefined;
}

interface Recovery {
  /** `rolledBack`: the workbook is as before; `completed`: the failure came after the first old sheet was deleted, and the rest was finished. */
  readonly outcome: "rolledBack" | "completed";
  readonly syncs: number;
}

function isRecovery(value: unknown): value is Recovery {
  return typeof value === "object" && value !== null && "outcome" in value && "syncs" in value;
}

/**
 * After a failed write: one sync reads the sheets as they are now (a batch fails part-way, with
 * the commands before the failing one applied), one sync undoes the insert — the new sheets
 * deleted, the old ones given back their names and visibility, the active sheet activated again.
 * Only when an old sheet is gone already (the failure hit a later delete of the swap) is there
 * nothing to go back to: then the new sheets carry their final names and the remaining old
 * copies are deleted, which completes the insert.
 */
async function recover(context: Excel.RequestContext, record: InsertRecord): Promise<Recovery> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility");
  await context.sync();
  const now = new Map(worksheets.items.map((sheet) => [sheet.id, sheet]));
  const ourNames = new Set(
    record.added.flatMap((sheet) => [sheet.name, sheet.temporaryName]).map((n) => n.toLowerCase()),
  );

  if (record.retired.some((old) => !now.has(old.id))) {
    for (const old of record.retired) {
      const sheet = now.get(old.id);
      if (sheet === undefined) continue;
      if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
      sheet.delete();
    }
    if (record.activate !== undefined) worksheets.getItem(record.activate).activate();
    await context.sync();
    return { outcome: "completed", syncs: 2 };
  }

  // new sheets first: their names are free again before the old sheets take them back
  for (const sheet of now.values()) {
    if (!record.originalIds.has(sheet.id) && ourNames.has(sheet.name.toLowerCase())) sheet.delete();
  }
  for (const old of record.retired) {
    const sheet = now.get(old.id);
    if (sheet === undefined) continue;
    if (sheet.name !== old.name) sheet.name = old.name;
    if (sheet.visibility !== old.visibility) sheet.visibility = old.visibility;
  }
  const active = now.get(record.activeId);
  if (active !== undefined && active.visibility === "Visible") active.activate();
  await context.sync();
  return { outcome: "rolledBack", syncs: 2 };
}

function sheetHandle(handles: readonly Excel.Worksheet[], index: number): Excel.Worksheet {
  const handle = handles[index];
  if (handle === undefined) throw new Error(`sheet ${index} used before it was added`);
  return handle;
}

/** `count` sheet names `base-1`, `base-2`, … not yet taken (case-insensitive), reserved in `taken`. */
function temporaryNames(taken: Set<string>, count: number, base: string): string[] {
  return Array.from({ length: count }, () => freeName(taken, base));
}

/** A sheet name not yet taken (case-insensitive), reserved in `taken`. */
function freeName(taken: Set<string>, base: string): string {
  let n = 1;
  while (taken.has(`${base}-${n}`.toLowerCase())) n++;
  const name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Whether the sheet has print settings beyond Excel's defaults (portrait, no titles, no area, no header). */
function usesPageLayout(sheet: SheetPlan): boolean {
  const print = sheet.print;
  return (
    print.landscape ||
    print.titleRows !== undefined ||
    print.area !== undefined ||
    print.header !== undefined ||
    print.footer !== undefined
  );
}

/** The header's and footer's sections in Excel's codes, as `Excel.HeaderFooter` properties. */
function headerFooterSections(
  header: PrintPageText | undefined,
  footer: PrintPageText | undefined,
): [HeaderFooterProperty, string][] {
  const sections: [HeaderFooterProperty, string][] = [];
  for (const [text, suffix] of [
    [header, "Header"],
    [footer, "Footer"],
  ] as const) {
    if (text === undefined) continue;
    const codes = pageTextSections(text);
    for (const side of ["left", "center", "right"] as const) {
      const code = codes[side];
      if (code !== undefined) sections.push([`${side}${suffix}`, code]);
    }
  }
  return sections;
}

type HeaderFooterProperty =
  "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

function skippedFeatures(plan: WorkbookPlan, features: ExcelFeatures): OptionalExcelFeature[] {
  const uses: [OptionalExcelFeature, boolean][] = [
    ["dataValidation", plan.sheets.some((sheet) => sheet.validations.length > 0)],
    [
      "conditionalFormats",
      plan.sheets.some((sheet) => sheet.highlights.length > 0 || (sheet.colorScales ?? []).length > 0),
    ],
    ["autoFilter", plan.sheets.some((sheet) => sheet.autoFilter !== undefined)],
    ["pageLayout", plan.sheets.some(usesPageLayout)],
  ];
  return uses.filter(([feature, used]) => used && !features[feature]).map(([feature]) => feature);
}

// ---------------------------------------------------------------------------------------------
// One sheet → queued actions

interface BuildOptions {
  readonly language: "de" | "en";
  readonly features: ExcelFeatures;
  readonly budget: number;
  /** Formula text as sent: the plan's sheet names replaced by the temporary ones (see writePlanToExcel). */
  readonly references: (formula: string) => string;
}

/** Consecutive rows of one column with the same key. */
interface Run {
  readonly start: number;
  end: number;
  readonly key: string;
}

interface ColumnData {
  /** Style runs, key `style|align|wrap`. */
  readonly styles: Run[];
  /** Number formats set before the values: the planned format, or `@` for a text cell. */
  readonly formats: Run[];
  /** Number formats set after the values on text cells: the planned one, or General. */
  readonly restores: Run[];
  readonly formulas: { readonly row: number; readonly text: string }[];
}

type Literal = string | number | boolean;

interface LiteralRow {
  readonly row: number;
  readonly cells: { readonly column: number; readonly value: Literal }[];
}

interface SheetData {
  readonly columns: Map<number, ColumnData>;
  readonly literalRows: LiteralRow[];
  readonly heights: Run[];
  readonly lastRow: number;
}

function extendRun(runs: Run[], row: number, key: string): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.end === row - 1 && last.key === key) last.end = row;
  else runs.push({ start: row, end: row, key });
}

function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  const start = cellAddress(firstRow, firstColumn);
  return firstRow === lastRow && firstColumn === lastColumn ? start : `${start}:${cellAddress(lastRow, lastColumn)}`;
}

/** Reads the plan's rows once into per-column runs and literal rows. */
function collectSheet(sheet: SheetPlan, language: "de" | "en"): SheetData {
  const columns = new Map<number, ColumnData>();
  const literalRows: LiteralRow[] = [];
  const heights: Run[] = [];
  let previous = 0;
  for (const planned of sheet.rows()) {
    if (!(planned.row > previous)) {
      throw new PlanWriteError(
        sheet.name,
        `A${planned.row}`,
        `rows must come in ascending order (row ${planned.row} after row ${previous})`,
      );
    }
    previous = planned.row;
    const row = planned.row;
    if (planned.height !== undefined) extendRun(heights, row, String(planned.height));
    const literals: LiteralRow["cells"][number][] = [];
    for (const cell of planned.cells) {
      let column = columns.get(cell.column);
      if (column === undefined) {
        column = { styles: [], formats: [], restores: [], formulas: [] };
        columns.set(cell.column, column);
      }
      extendRun(column.styles, row, `${cell.style}|${cell.align ?? ""}|${cell.wrap === true ? "wrap" : ""}`);
      const address = cellAddress(row, cell.column);
      const format = cellNumberFormat(cell, language);
      if (cell.formula !== undefined) {
        const text = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
        if (text.length + 1 > MAX_FORMULA)
          throw new PlanWriteError(sheet.name, address, `a formula has at most ${MAX_FORMULA} characters`);
        column.formulas.push({ row, text });
        if (format !== undefined) extendRun(column.formats, row, format);
        continue;
      }
      const value = literalValue(sheet.name, address, cell.value);
      if (value !== undefined) literals.push({ column: cell.column, value });
      if (typeof value === "string") {
        extendRun(column.formats, row, "@");
        if (format !== "@") extendRun(column.restores, row, format ?? "General");
      } else if (format !== undefined) {
        extendRun(column.formats, row, format);
      }
    }
    if (literals.length > 0) literalRows.push({ row, cells: literals });
  }
  return { columns, literalRows, heights, lastRow: previous };
}

/** The value sent to Excel for a literal: Dates as serials; undefined for no value. */
function literalValue(sheetName: string, address: string, value: unknown): Literal | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    if (value.length > EXCEL_LIMITS.cellText)
      throw new PlanWriteError(sheetName, address, `a cell holds at most ${EXCEL_LIMITS.cellText} characters`);
    return value === "" ? undefined : value;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new PlanWriteError(sheetName, address, `${value} cannot be stored in a cell`);
    return value;
  }
  if (typeof value === "boolean") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new PlanWriteError(sheetName, address, "an invalid date cannot be stored in a cell");
    return dateToSerial(value);
  }
  throw new PlanWriteError(sheetName, address, `unsupported value ${String(value)}`);
}

/**
 * Cuts rows of a 2D array into chunks whose range write (`getRange(…).<property> = chunk`,
 * {@link rangeWriteBytes}) stays within the budget of one request (a single row larger than that
 * is a chunk of its own). `bytes` is the chunk's estimated request size.
 */
function chunkRows<T>(
  rows: readonly T[][],
  budget: number,
): { readonly offset: number; readonly rows: T[][]; readonly bytes: number }[] {
  const limit = Math.max(1, budget - REQUEST_BASE_BYTES);
  const columns = Math.max(1, rows[0]?.length ?? 1);
  const chunks: { offset: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let offset = 0;
  let data = 2;
  rows.forEach((row, index) => {
    const size = jsonBytes(row) + 1;
    if (current.length > 0 && rangeWriteBytes(current.length + 1, columns, data + size) > limit) {
      chunks.push({ offset, rows: current, bytes: rangeWriteBytes(current.length, columns, data) });
      current = [];
      offset = index;
      data = 2;
    }
    current.push(row);
    data += size;
  });
  if (current.length > 0) chunks.push({ offset, rows: current, bytes: rangeWriteBytes(current.length, columns, data) });
  return chunks;
}

type Sheet = () => Excel.Worksheet;

/**
 * A range used only in the request it is queued in. Inside `Excel.run` office.js keeps a
 * reference to every range (a `_KeepReference` action, and a clean-up request releasing them all
 * after the run); `untrack()` drops both — about 100 request bytes per range, and a clean-up
 * request of ~1 MB for a large cost model (docs/decisions/0009).
 */
function transientRange(sheet: Excel.Worksheet, address: string): Excel.Range {
  return sheet.getRange(address).untrack();
}

function numberFormatActions(sheet: Sheet, column: number, runs: readonly Run[], budget: number): QueuedAction[] {
  return runs.flatMap((run) => {
    const rows = Array.from({ length: run.end - run.start + 1 }, () => [run.key]);
    return chunkRows(rows, budget).map((chunk) => {
      const first = run.start + chunk.offset;
      const address = rangeAddress(first, column, first + chunk.rows.length - 1, column);
      return {
        bytes: chunk.bytes,
        apply: () => {
          transientRange(sheet(), address).numberFormat = chunk.rows;
        },
      };
    });
  });
}

function valueActions(sheet: Sheet, literalRows: readonly LiteralRow[], budget: number): QueuedAction[] {
  const actions: QueuedAction[] = [];
  let block: LiteralRow[] = [];
  const flush = (): void => {
    const firstRow = block[0]?.row;
    if (firstRow === undefined) return;
    let first = Number.MAX_SAFE_INTEGER;
    let last = 0;
    for (const row of block) {
      for (const cell of row.cells) {
        first = Math.min(first, cell.column);
        last = Math.max(last, cell.column);
      }
    }
    const grid = block.map((row) => {
      const line: (Literal | null)[] = new Array<Literal | null>(last - first + 1).fill(null);
      for (const cell of row.cells) line[cell.column - first] = cell.value;
      return line;
    });
    for (const chunk of chunkRows(grid, budget)) {
      const top = firstRow + chunk.offset;
      const address = rangeAddress(top, first, top + chunk.rows.length - 1, last);
      actions.push({
        bytes: chunk.bytes,
        apply: () => {
          transientRange(sheet(), address).values = chunk.rows;
        },
      });
    }
    block = [];
  };
  for (const row of literalRows) {
    const last = block[block.length - 1];
    if (last !== undefined && last.row !== row.row - 1) flush();
    block.push(row);
  }
  flush();
  return actions;
}

function formulaActions(
  sheet: Sheet,
  column: number,
  formulas: ColumnData["formulas"],
  copy: boolean,
  budget: number,
  references: (formula: string) => string,
): QueuedAction[] {
  const actions: QueuedAction[] = [];
  let pending: ColumnData["formulas"][number][] = [];
  const flushPending = (): void => {
    // consecutive rows → one array each
    let start = 0;
    for (let i = 1; i <= pending.length; i++) {
      const current = pending[i];
      const before = pending[i - 1];
      if (current !== undefined && before !== undefined && current.row === before.row + 1) continue;
      const part = pending.slice(start, i);
      const top = part[0]?.row;
      if (top !== undefined) {
        const rows = part.map((entry) => [`=${references(entry.text)}`]);
        for (const chunk of chunkRows(rows, budget)) {
          const first = top + chunk.offset;
          const address = rangeAddress(first, column, first + chunk.rows.length - 1, column);
          actions.push({
            bytes: chunk.bytes,
            apply: () => {
              transientRange(sheet(), address).formulas = chunk.rows;
            },
          });
        }
      }
      start = i;
    }
    pending = [];
  };
  let i = 0;
  while (i < formulas.length) {
    const head = formulas[i] as ColumnData["formulas"][number];
    let j = i + 1;
    if (copy) {
      let before = head;
      for (; j < formulas.length; j++) {
        const next = formulas[j] as ColumnData["formulas"][number];
        if (next.row !== before.row + 1 || shiftFormula(before.text, 1, 0) !== next.text) break;
        before = next;
      }
    }
    if (copy && j - i >= MIN_FILL_RUN) {
      flushPending();
      const last = (formulas[j - 1] as ColumnData["formulas"][number]).row;
      const headAddress = cellAddress(head.row, column);
      const restAddress = rangeAddress(head.row + 1, column, last, column);
      const formula = [[`=${references(head.text)}`]];
      actions.push({
        // two ranges (paths), the formula and the copy (whose source travels as a reference, ~60 bytes)
        bytes: commandBytes(2, 2, jsonBytes(formula) + 2 * 24 + 60, 2),
        apply: () => {
          const source = transientRange(sheet(), headAddress);
          source.formulas = formula;
          transientRange(sheet(), restAddress).copyFrom(source, "Formulas", false, false);
        },
      });
      i = j;
    } else {
      pending.push(head);
      i++;
    }
  }
  flushPending();
  return actions;
}

/** Joins equal style runs of neighbouring columns into rectangles. */
function styleRectangles(
  columns: ReadonlyMap<number, ColumnData>,
): { top: number; bottom: number; left: number; right: number; key: string }[] {
  const done: { top: number; bottom: number; left: number; right: number; key: string }[] = [];
  let open = new Map<string, { top: number; bottom: number; left: number; right: number; key: string }>();
  const sorted = [...columns.keys()].sort((a, b) => a - b);
  for (const column of sorted) {
    const next = new Map<string, { top: number; bottom: number; left: number; right: number; key: string }>();
    for (const run of columns.get(column)?.styles ?? []) {
      const id = `${run.start}:${run.end}:${run.key}`;
      const rectangle = open.get(id);
      if (rectangle !== undefined && rectangle.right === column - 1) {
        rectangle.right = column;
        next.set(id, rectangle);
        open.delete(id);
      } else {
        next.set(id, { top: run.start, bottom: run.end, left: column, right: column, key: run.key });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

/** The Office.js data-validation rule of a planned validation. */
export function validationRule(validation: PlannedValidation): Excel.DataValidationRule {
  switch (validation.type) {
    case "whole":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        validation.max === undefined
          ? { formula1: validation.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: validation.min, formula2: validation.max, operator: "Between" };
      return validation.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "list":
      return {
        list: {
          inCellDropDown: true,
          source: validation.source.startsWith("=") ? validation.source : `=${validation.source}`,
        },
      };
    case "date":
      return { date: { formula1: validation.min.toISOString().slice(0, 10), operator: "GreaterThanOrEqualTo" } };
  }
}

function validationAction(
  sheet: Sheet,
  validation: PlannedValidation,
  references: (formula: string) => string,
): QueuedAction {
  const planned = validationRule(validation);
  const rule: Excel.DataValidationRule =
    planned.list === undefined || typeof planned.list.source !== "string"
      ? planned
      : { list: { ...planned.list, source: references(planned.list.source) } };
  const errorAlert: Excel.DataValidationErrorAlert = {
    message: clipText(validation.error, EXCEL_LIMITS.error),
    showAlert: true,
    style: validation.errorStyle === "stop" ? "Stop" : "Warning",
    title: "",
  };
  const prompt: Excel.DataValidationPrompt | undefined =
    validation.prompt === undefined
      ? undefined
      : { message: clipText(validation.prompt, EXCEL_LIMITS.prompt), showPrompt: true, title: "" };
  return {
    // range and dataValidation paths; ignoreBlanks, rule, errorAlert, prompt
    bytes: commandBytes(2, 4, jsonBytes([validation.range, rule, errorAlert, prompt ?? null]), 1),
    apply: () => {
      const target = transientRange(sheet(), validation.range).dataValidation;
      target.ignoreBlanks = true;
      target.rule = rule;
      target.errorAlert = errorAlert;
      if (prompt !== undefined) target.prompt = prompt;
    },
  };
}

/** `"A"` as the formula of a cell-value rule: `="A"`. */
function equalsFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

function highlightAction(sheet: Sheet, highlight: PlannedHighlight): QueuedAction {
  const look = highlightLook(highlight.fill);
  const rule: Excel.ConditionalCellValueRule = { formula1: equalsFormula(highlight.equals), operator: "EqualTo" };
  return {
    // range, conditionalFormats, add(…), cellValue, format, fill, font; fill colour, font colour, rule
    bytes: commandBytes(7, 3, jsonBytes([highlight.range, "CellValue", rule, look]), 1),
    apply: () => {
      const format = transientRange(sheet(), highlight.range).conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = look.fill;
      format.cellValue.format.font.color = look.fontColor;
      format.cellValue.rule = rule;
    },
  };
}

/** Office.js's criterion type of each colour-scale stop type. */
const COLOR_CRITERION_TYPE = {
  lowest: "LowestValue",
  highest: "HighestValue",
  number: "Number",
  percent: "Percent",
} as const satisfies Record<PlannedColorStop["type"], Excel.ConditionalColorScaleCriterion["type"]>;

/** The Office.js criteria of a planned colour scale (formula `null` for lowest/highest). */
export function colorScaleCriteria(scale: PlannedColorScale): Excel.ConditionalColorScaleCriteria {
  const criterion = (stop: PlannedColorStop): Excel.ConditionalColorScaleCriterion => ({
    type: COLOR_CRITERION_TYPE[stop.type],
    color: stop.color.startsWith("#") ? stop.color.toUpperCase() : `#${stop.color.toUpperCase()}`,
    ...(stop.type === "number" || stop.type === "percent" ? { formula: String(stop.value ?? 0) } : {}),
  });
  return {
    minimum: criterion(scale.min),
    ...(scale.mid === undefined ? {} : { midpoint: criterion(scale.mid) }),
    maximum: criterion(scale.max),
  };
}

function colorScaleAction(sheet: Sheet, scale: PlannedColorScale): QueuedAction {
  const criteria = colorScaleCriteria(scale);
  return {
    // range, conditionalFormats, add(…), colorScale; criteria
    bytes: commandBytes(4, 1, jsonBytes([scale.range, "ColorScale", criteria]), 1),
    apply: () => {
      const format = transientRange(sheet(), scale.range).conditionalFormats.add("ColorScale");
      format.colorScale.criteria = criteria;
    },
  };
}

/** The header row of an auto filter, extended down to the sheet's last planned row. */
function autoFilterRange(sheetName: string, range: string, lastRow: number): string {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range);
  if (!match?.[1] || !match[2]) throw new PlanWriteError(sheetName, range, "an auto filter needs a range like A4:Q4");
  const left = columnNumber(match[1]);
  const right = match[3] === undefined ? left : columnNumber(match[3]);
  const top = Number(match[2]);
  const bottom = Math.max(top, match[4] === undefined ? top : Number(match[4]), lastRow);
  return rangeAddress(top, left, bottom, right);
}

/**
 * Upper bound of the request bytes of {@link applyOfficeFormat} on one range, counted as it
 * queues them: the range and its format; font, fill, borders, each border edge and protection
 * as paths of their own; one action per property set (three per edge). The JSON of the look
 * bounds its values; each edge adds its index and two short strings.
 */
function formatBytes(look: OfficeCellFormat, rows: number, columns: number): number {
  const fontProperties = Object.values(look.font ?? {}).filter((value) => value !== undefined).length;
  const borders = look.borders;
  let edges = 0;
  if (borders !== undefined) {
    edges = [borders.top, borders.bottom, borders.left, borders.right].filter((color) => color !== undefined).length;
    if (rows > 1 && borders.top !== undefined && borders.bottom !== undefined) edges++;
    if (columns > 1 && borders.left !== undefined && borders.right !== undefined) edges++;
  }
  const flags = [look.horizontal, look.vertical, look.wrapText, look.locked].filter((value) => value !== undefined);
  const paths =
    2 +
    (look.font === undefined ? 0 : 1) +
    (look.fill === undefined ? 0 : 1) +
    (edges > 0 ? 1 + edges : 0) +
    (look.locked === undefined ? 0 : 1);
  const calls = fontProperties + (look.fill === undefined ? 0 : 1) + 3 * edges + flags.length;
  return commandBytes(paths, calls, jsonBytes(look) + 48 * edges + 24, 1);
}

/** Groups equal neighbouring column widths: `[[1, 3, 10], [4, 4, 38]]` (first, last, width). */
function widthGroups(widths: readonly number[]): [number, number, number][] {
  const groups: [number, number, number][] = [];
  widths.forEach((width, index) => {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[2] === width && last[1] === index) last[1] = index + 1;
    else groups.push([index + 1, index + 1, width]);
  });
  return groups;
}

function planSheetActions(plan: SheetPlan, sheet: Sheet, options: BuildOptions): QueuedAction[] {
  const { features, budget } = options;
  const data = collectSheet(plan, options.language);
  const columns = [...data.columns.entries()].sort(([a], [b]) => a - b);
  const actions: QueuedAction[] = [];
  /**
   * An action of `paths` object paths and `calls` property sets or method calls with short
   * arguments; at most one of the paths is a range (counted as one whenever there is a path).
   */
  const simple = (apply: () => void, paths: number, calls: number, dataBytes = 48): void => {
    actions.push({ bytes: commandBytes(paths, calls, dataBytes, Math.min(1, paths)), apply });
  };

  for (const [first, last, width] of widthGroups(plan.columnWidths)) {
    const address = `${columnLetter(first)}:${columnLetter(last)}`;
    simple(
      () => {
        transientRange(sheet(), address).format.columnWidth = columnWidthPoints(width);
      },
      2,
      1,
    );
  }
  for (const run of data.heights) {
    const address = `${run.start}:${run.end}`;
    simple(
      () => {
        transientRange(sheet(), address).format.rowHeight = Number(run.key);
      },
      2,
      1,
    );
  }
  // formats before values (text cells are `@` while their value is set), then the values
  for (const [column, entry] of columns) actions.push(...numberFormatActions(sheet, column, entry.formats, budget));
  actions.push(...valueActions(sheet, data.literalRows, budget));
  for (const [column, entry] of columns) {
    actions.push(...formulaActions(sheet, column, entry.formulas, features.copyFormulas, budget, options.references));
  }
  for (const [column, entry] of columns) actions.push(...numberFormatActions(sheet, column, entry.restores, budget));

  for (const rectangle of styleRectangles(data.columns)) {
    const [style, align, wrap] = rectangle.key.split("|") as [CellStyle, "" | "left" | "center" | "right", string];
    const look = officeCellFormat(cellLook({ style, ...(align === "" ? {} : { align }), wrap: wrap === "wrap" }));
    const address = rangeAddress(rectangle.top, rectangle.left, rectangle.bottom, rectangle.right);
    const rows = rectangle.bottom - rectangle.top + 1;
    const width = rectangle.right - rectangle.left + 1;
    actions.push({
      bytes: formatBytes(look, rows, width),
      apply: () => applyOfficeFormat(transientRange(sheet(), address).format, look, rows, width),
    });
  }
  for (const merge of plan.merges) {
    simple(() => transientRange(sheet(), merge).merge(false), 1, 1);
  }

  const frozen = plan.frozen;
  if (frozen !== undefined && (frozen.rows > 0 || frozen.columns > 0)) {
    simple(
      () => {
        const panes = sheet().freezePanes;
        if (frozen.rows > 0 && frozen.columns > 0)
          panes.freezeAt(transientRange(sheet(), rangeAddress(1, 1, frozen.rows, frozen.columns)));
        else if (frozen.rows > 0) panes.freezeRows(frozen.rows);
        else panes.freezeColumns(frozen.columns);
      },
      2,
      1,
    );
  }
  if (features.dataValidation)
    for (const validation of plan.validations) actions.push(validationAction(sheet, validation, options.references));
  if (features.conditionalFormats)
    for (const highlight of plan.highlights) actions.push(highlightAction(sheet, highlight));
  if (features.conditionalFormats)
    for (const scale of plan.colorScales ?? []) actions.push(colorScaleAction(sheet, scale));
  if (features.autoFilter && plan.autoFilter !== undefined) {
    const address = autoFilterRange(plan.name, plan.autoFilter, data.lastRow);
    simple(() => sheet().autoFilter.apply(transientRange(sheet(), address)), 2, 1, 120);
  }
  if (features.pageLayout && usesPageLayout(plan)) {
    const { titleRows: planTitleRows, area, header, footer } = plan.print;
    const titleRows = planTitleRows
      ?.split(":")
      .map((row) => `$${row.replace(/\$/g, "")}`)
      .join(":");
    simple(
      () => {
        const layout = sheet().pageLayout;
        layout.orientation = plan.print.landscape ? "Landscape" : "Portrait";
        // one page wide, as many tall as needed (0 = automatic, as the file's fitToHeight="0")
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (titleRows !== undefined) layout.setPrintTitleRows(titleRows);
        if (area !== undefined) layout.setPrintArea(area);
      },
      2,
      4,
      (titleRows?.length ?? 0) + (area?.length ?? 0) + 96,
    );
    const sections = headerFooterSections(header, footer);
    if (sections.length > 0) {
      simple(
        () => {
          const page = sheet().pageLayout.headersFooters.defaultForAllPages;
          for (const [property, text] of sections) page[property] = text;
        },
        4,
        sections.length,
        sections.reduce((bytes, [property, text]) => bytes + jsonBytes(text) + property.length + 8, 0),
      );
    }
  }
  if (plan.state === "hidden") {
    simple(
      () => {
        sheet().visibility = "Hidden";
      },
      0,
      1,
    );
  }
  // last: a protected sheet refuses the writes above
  if (plan.protected === true) {
    simple(
      () => {
        sheet().protection.protect(OFFICE_SHEET_PROTECTION);
      },
      1,
      1,
      jsonBytes(OFFICE_SHEET_PROTECTION) + 8,
    );
  }
  return actions;
}

/**
 * Reads the workbook open in Excel as a {@link WorkbookSnapshot} — the same shape the exceljs
 * reader returns for a file, so one validator serves both.
 *
 * Round trips, whatever the number of rows: one sync for the sheet names and visibility (and the
 * workbook's name), one sync for every sheet's used range with an explicit load list
 * (`values, formulas, valueTypes, numberFormat`, position) and, with ExcelApi 1.13, its merged
 * areas. Only when Excel on the web refuses the answer as too large
 * (`ResponsePayloadSizeLimitExceeded`, 5 MB) does the reader fall back to reading row chunks
 * ({@link DEFAULT_CHUNK_CELLS} cells per sync, halved while Excel still refuses).
 *
 * Cells as the exceljs reader gives them:
 * - a formula cell: `formula` without `=`, `value` its calculated result;
 * - errors (`#DIV/0!` in `values`, `Error` in `valueTypes`) → `{ error }`;
 * - numbers in a date format (`isDateFormat`) → UTC `Date`s, as exceljs converts serials
 *   (the 1900 date system: Office.js does not tell whether a workbook uses 1904 dates);
 * - empty cells are left out; rows and columns are 1-based, offset by the used range's start.
 *
 * A formula is told from text by `formulas` differing from `values`: Office.js returns a text
 * cell's value in `formulas` too, so text `=cmd` (written as text) reads back as text. A formula
 * whose result is exactly its own text (`=A1` showing "=A1") would read as text; no template
 * has one.
 */
import { isDateFormat, serialToDate } from "../../adapters/exceljs/cellValues.js";
import type { CellValue, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ProgressListener } from "../host/WorkbookHost.js";
import { MINIMUM_EXCEL_FEATURES, type ExcelFeatures } from "./features.js";
import { toOfficeHostError } from "./officeErrors.js";
import { renderOfficeMessage } from "./officeMessages.js";

export interface ReadSnapshotOptions {
  /** Requirement sets of the host; default: the minimum (no merged areas). */
  readonly features?: ExcelFeatures;
  /** Name used in messages; default: the workbook's name as Excel reports it. */
  readonly fileName?: string;
  readonly onProgress?: ProgressListener;
  /** Language of the progress labels; default German. */
  readonly language?: Language;
  /** Cells per sync when the answer must be read in chunks; default {@link DEFAULT_CHUNK_CELLS}. */
  readonly chunkCells?: number;
}

/** Cells per sync in the chunked fallback: ≈ 4 MB with a long formula in every tenth cell. */
export const DEFAULT_CHUNK_CELLS = 50_000;

const STATES: Readonly<Record<string, SheetSnapshot["state"]>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** A block of cells as Office.js returns it (after load + sync). */
interface CellBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

interface SheetRows {
  readonly name: string;
  readonly state: SheetSnapshot["state"];
  readonly rows: (SnapshotCell | undefined)[][];
  merges: string[];
}

/**
 * Reads every sheet of the open workbook.
 * @throws OfficeHostError for every failure Excel reports
 * @example
 * const snapshot = await Excel.run((context) => readSnapshotFromExcel(context, { features }));
 */
export async function readSnapshotFromExcel(
  context: Excel.RequestContext,
  options: ReadSnapshotOptions = {},
): Promise<WorkbookSnapshot> {
  const features = options.features ?? MINIMUM_EXCEL_FEATURES;
  const language = options.language ?? "de";
  const label = renderOfficeMessage("progress.read", language);
  options.onProgress?.(0, label);
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  if (options.fileName === undefined) workbook.load("name");
  try {
    await context.sync();
  } catch (error) {
    throw toOfficeHostError(error);
  }
  const fileName = options.fileName ?? workbook.name;
  const sheets: SheetRows[] = worksheets.items.map((sheet) => ({
    name: sheet.name,
    state: STATES[sheet.visibility] ?? "visible",
    rows: [],
    merges: [],
  }));

  // one sync for all sheets: used range (values only, so formatted empty rows do not count)
  const used = worksheets.items.map((sheet) => {
    return loadCells(sheet.getUsedRangeOrNullObject(true));
  });
  const merged = features.mergedAreas ? worksheets.items.map((sheet) => loadMergedAreas(sheet)) : [];
  let chunked = false;
  try {
    await context.sync();
  } catch (error) {
    const hostError = toOfficeHostError(error);
    if (hostError.code !== "ResponsePayloadSizeLimitExceeded") throw hostError;
    chunked = true;
  }
  options.onProgress?.(chunked ? 0.3 : 0.9, label);

  if (chunked) {
    await readInChunks(context, worksheets.items, sheets, features, options.chunkCells ?? DEFAULT_CHUNK_CELLS);
  } else {
    used.forEach((range, index) => {
      const target = sheets[index];
      if (target === undefined || range.isNullObject) return;
      addCells(target.rows, range);
    });
    merged.forEach((areas, index) => {
      const target = sheets[index];
      if (target !== undefined && !areas.isNullObject) target.merges = mergeAddresses(areas.address);
    });
  }
  options.onProgress?.(1, renderOfficeMessage("progress.done", language));
  return {
    fileName,
    sheets: sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, rows: sheet.rows, merges: sheet.merges })),
  };
}

/** Queues the load of a block of cells: an explicit list, never `load()` of everything. */
function loadCells(range: Excel.Range): Excel.Range {
  range.load("rowIndex,columnIndex,values,formulas,valueTypes,numberFormat");
  return range;
}

function loadMergedAreas(sheet: Excel.Worksheet): Excel.RangeAreas {
  const areas = sheet.getRange().getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

/** `Sheet1!B5:C5, 'My sheet'!D1:E1` → `["B5:C5", "D1:E1"]`. */
export function mergeAddresses(address: string): string[] {
  return address
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, ""));
}

/** The snapshot value of one cell from Office.js's parallel arrays. */
export function cellValueOf(value: unknown, valueType: string | undefined, numberFormat: unknown): CellValue {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return value === true || value === "TRUE" || value === "true";
    case "Double":
    case "Integer":
      if (typeof value !== "number") return String(value);
      return typeof numberFormat === "string" && isDateFormat(numberFormat) ? serialToDate(value) : value;
    case "String":
      return String(value);
    default:
      // RichValue (data types) and Unknown: their display value
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

/** Adds the cells of a loaded block to rows (1-based, index 0 unused). */
function addCells(rows: (SnapshotCell | undefined)[][], block: CellBlock): void {
  block.values.forEach((line, r) => {
    const rowNumber = block.rowIndex + r + 1;
    line.forEach((value, c) => {
      const formula = block.formulas[r]?.[c];
      const valueType = block.valueTypes[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
      if (!isFormula && (valueType === "Empty" || value === "" || value === null || value === undefined)) return;
      const cellValue = cellValueOf(value, valueType, block.numberFormat[r]?.[c]);
      const row = (rows[rowNumber] ??= []);
      row[block.columnIndex + c + 1] = isFormula
        ? { value: cellValue, formula: formula.slice(1) }
        : { value: cellValue };
    });
  });
}

interface ChunkRequest {
  readonly sheet: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * The fallback for answers larger than Excel on the web returns: one sync for the used ranges'
 * sizes (and merges), then row chunks of at most `chunkCells` cells per sync.
 */
async function readInChunks(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  sheets: SheetRows[],
  features: ExcelFeatures,
  chunkCells: number,
): Promise<void> {
  const sizes = worksheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return range;
  });
  const merged = features.mergedAreas ? worksheets.map((sheet) => loadMergedAreas(sheet)) : [];
  try {
    await context.sync();
  } catch (error) {
    throw toOfficeHostError(error);
  }
  const requests: ChunkRequest[] = [];
  sizes.forEach((range, sheet) => {
    if (range.isNullObject) return;
    requests.push({
      sheet,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    });
  });
  merged.forEach((areas, index) => {
    const target = sheets[index];
    if (target !== undefined && !areas.isNullObject) target.merges = mergeAddresses(areas.address);
  });
  await loadChunks(context, worksheets, requests, chunkCells, (request, block) => {
    const target = sheets[request.sheet];
    if (target !== undefined) addCells(target.rows, block);
  });
}

/** Splits requests into pieces of whole rows with at most `cells` cells each. */
function splitRequests(requests: readonly ChunkRequest[], cells: number): ChunkRequest[] {
  return requests.flatMap((request) => {
    const rowsPerPiece = Math.max(1, Math.floor(cells / Math.max(1, request.columnCount)));
    const pieces: ChunkRequest[] = [];
    for (let offset = 0; offset < request.rowCount; offset += rowsPerPiece) {
      pieces.push({
        ...request,
        rowIndex: request.rowIndex + offset,
        rowCount: Math.min(rowsPerPiece, request.rowCount - offset),
      });
    }
    return pieces;
  });
}

/**
 * Loads pieces of at most `cells` cells per sync; when Excel still refuses the answer, the same
 * pieces are retried at half the size. Like runBatches, this loop syncs on purpose: each answer
 * must arrive before the next is asked for, or it would again be too large.
 */
async function loadChunks(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  requests: readonly ChunkRequest[],
  cells: number,
  onBlock: (request: ChunkRequest, block: CellBlock) => void,
): Promise<void> {
  let budget = Math.max(1, cells);
  let queue = splitRequests(requests, budget);
  let next = 0;
  while (next < queue.length) {
    const batch: ChunkRequest[] = [];
    let size = 0;
    for (; next < queue.length; next++) {
      const request = queue[next] as ChunkRequest;
      const cellCount = request.rowCount * request.columnCount;
      if (batch.length > 0 && size + cellCount > budget) break;
      batch.push(request);
      size += cellCount;
    }
    const loaded = batch.map((request) => {
      const sheet = worksheets[request.sheet] as Excel.Worksheet;
      const range = loadCells(
        sheet.getRangeByIndexes(request.rowIndex, request.columnIndex, request.rowCount, request.columnCount),
      );
      return { request, range };
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per answer-sized chunk, see above
      await context.sync();
    } catch (error) {
      const hostError = toOfficeHostError(error);
      const smallest = Math.min(...batch.map((request) => request.columnCount));
      if (hostError.code !== "ResponsePayloadSizeLimitExceeded" || budget <= smallest) throw hostError;
      budget = Math.max(smallest, Math.floor(budget / 2));
      queue = [...splitRequests(batch, budget), ...queue.slice(next)];
      next = 0;
      continue;
    }
    for (const { request, range } of loaded) onBlock(request, range);
  }
}

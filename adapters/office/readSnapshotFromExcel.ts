/**
 * Reads the workbook open in Excel as a {@link WorkbookSnapshot} — the same shape the exceljs
 * reader returns for a file, so one validator serves both.
 *
 * Round trips (syncs), whatever the number of rows:
 * 1. the sheet names and visibility (and the workbook's name);
 * 2. the size of every sheet's used range (`address`, position, `rowCount`, `columnCount`) and,
 *    with ExcelApi 1.13, the merged areas of the template sheets (one call per sheet);
 * 3. the cells of every used range with an explicit load list
 *    (`values, formulas, valueTypes, numberFormat`, position).
 *
 * So a read takes 3 syncs. More only where Excel sets a limit:
 * - **Merged areas** are read only on template sheets ({@link isTemplateSheetName}): the user's
 *   own sheets may hold any number, and `getMergedAreasOrNullObject` fails above
 *   {@link MAX_MERGED_AREAS_PER_CALL} areas. When sync 2 fails, it is sent once more without
 *   merged areas (+1 sync) and each template sheet's merged areas are read in blocks of at most
 *   512 cells — a block cannot hold the top-left cell of more than 512 areas, and Excel returns
 *   an area from the block that holds its top-left cell (office-js issue 3611), so every area
 *   comes exactly once — {@link MERGE_BLOCKS_PER_SYNC} blocks per sync (+1 sync per 200 blocks;
 *   a template table of 10,000 rows × 20 columns: 392 blocks, 2 syncs).
 * - **Large used ranges.** Excel returns `values = null` for a range above 5 million cells. No
 *   range is loaded above {@link MAX_RANGE_CELLS} cells: a larger template sheet is loaded in row
 *   pieces within the same sync. The user's own sheets are not needed by any check — only their
 *   names are (to tell templates apart) — so a user's sheet above {@link USER_SHEET_CELL_LIMIT}
 *   cells is not read at all; the snapshot names it in `notices` (`sheet.notRead`, info).
 * - **Answers above 5 MB**, which Excel on the web refuses (`ResponsePayloadSizeLimitExceeded`):
 *   the cells are read again in row chunks ({@link DEFAULT_CHUNK_CELLS} cells per sync, halved
 *   while Excel still refuses).
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
import { isDateFormat } from "../../lib/cells/dateFormats.js";
import { serialToDate } from "../../lib/cells/serialDates.js";
import type { CellValue, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { normaliseLabel } from "../../lib/validation/readWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { TEMPLATES } from "../../templates/registry.js";
import type { ProgressListener } from "./progress.js";
import { MINIMUM_EXCEL_FEATURES, type ExcelFeatures } from "./features.js";
import { toOfficeHostError } from "./officeErrors.js";
import { renderOfficeMessage } from "./officeMessages.js";

export interface ReadSnapshotOptions {
  /** Requirement sets of the host; default: the minimum (no merged areas). */
  readonly features?: ExcelFeatures;
  /** Name used in messages; default: the workbook's name as Excel reports it. */
  readonly fileName?: string;
  readonly onProgress?: ProgressListener;
  /** Language of the progress labels and notices; default German. */
  readonly language?: Language;
  /** Cells per sync when the answer must be read in chunks; default {@link DEFAULT_CHUNK_CELLS}. */
  readonly chunkCells?: number;
  /** Whether a sheet belongs to a template; default {@link isTemplateSheetName} over the registry. */
  readonly isTemplateSheet?: (name: string) => boolean;
  /** Cells at most in one range load; default {@link MAX_RANGE_CELLS}. */
  readonly maxRangeCells?: number;
  /** A user's sheet above this many cells is not read; default {@link USER_SHEET_CELL_LIMIT}. */
  readonly userSheetCellLimit?: number;
}

/** Cells per sync in the chunked fallback: ≈ 4 MB with a long formula in every tenth cell. */
export const DEFAULT_CHUNK_CELLS = 50_000;

/** `getMergedAreasOrNullObject` fails above this many merged areas (Office.js reference). */
export const MAX_MERGED_AREAS_PER_CALL = 512;

/** Merged-area calls per sync in the chunked fallback (≈ 0.5 KB of request each). */
export const MERGE_BLOCKS_PER_SYNC = 200;

/**
 * Cells at most in one range load. Excel returns `values = null` above 5,000,000 cells; the
 * margin keeps clear of it (and of whatever else Excel counts in a range).
 */
export const MAX_RANGE_CELLS = 4_000_000;

/**
 * A user's sheet (not a template's) above this many cells in use (10,000 rows × 20 columns) is
 * not read: no check needs its contents, and reading it would cost memory and, on the web, syncs.
 */
export const USER_SHEET_CELL_LIMIT = 200_000;

const STATES: Readonly<Record<string, SheetSnapshot["state"]>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/**
 * Whether a sheet is one a template knows: any sheet of any spec under its German or English
 * name (compared like `findSheet`: case, spaces and punctuation do not count), or a metadata
 * sheet (`_ikz`, `_ikz_<template>`).
 */
export function isTemplateSheetName(name: string, specs: readonly TemplateSpec[] = TEMPLATE_SPECS): boolean {
  if (name.toLowerCase().startsWith("_ikz")) return true;
  const names = specs === TEMPLATE_SPECS ? registryNames() : sheetNamesOf(specs);
  return names.has(normaliseLabel(name));
}

const TEMPLATE_SPECS: readonly TemplateSpec[] = TEMPLATES.map((template) => template.spec);
let registrySheetNames: ReadonlySet<string> | undefined;

function registryNames(): ReadonlySet<string> {
  registrySheetNames ??= sheetNamesOf(TEMPLATE_SPECS);
  return registrySheetNames;
}

function sheetNamesOf(specs: readonly TemplateSpec[]): ReadonlySet<string> {
  return new Set(
    specs.flatMap((spec) => spec.sheets.flatMap((sheet) => [sheet.name.de, sheet.name.en])).map(normaliseLabel),
  );
}

/** A block of cells as Office.js returns it (after load + sync); grids are null above Excel's limit. */
interface CellBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[] | null;
  readonly formulas: readonly (readonly unknown[])[] | null;
  readonly valueTypes: readonly (readonly string[])[] | null;
  readonly numberFormat: readonly (readonly unknown[])[] | null;
}

interface SheetRows {
  readonly name: string;
  readonly state: SheetSnapshot["state"];
  readonly template: boolean;
  readonly rows: (SnapshotCell | undefined)[][];
  merges: string[];
}

/** A rectangle of a sheet by 0-based indexes. */
interface ChunkRequest {
  readonly sheet: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
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
  const isTemplateSheet = options.isTemplateSheet ?? ((name: string) => isTemplateSheetName(name));
  const maxRangeCells = Math.max(1, options.maxRangeCells ?? MAX_RANGE_CELLS);
  const userSheetCellLimit = options.userSheetCellLimit ?? USER_SHEET_CELL_LIMIT;
  const label = renderOfficeMessage("progress.read", language);
  options.onProgress?.(0, label);

  // sync 1: names
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  if (options.fileName === undefined) workbook.load("name");
  await syncOrThrow(context);
  const fileName = options.fileName ?? workbook.name;
  const items = worksheets.items;
  const sheets: SheetRows[] = items.map((sheet) => ({
    name: sheet.name,
    state: STATES[sheet.visibility] ?? "visible",
    template: isTemplateSheet(sheet.name),
    rows: [],
    merges: [],
  }));

  // sync 2: sizes, and the merged areas of template sheets in one call each
  const mergedSheets = features.mergedAreas ? sheets.flatMap((sheet, index) => (sheet.template ? [index] : [])) : [];
  let sizes = loadSizes(items);
  const merged = mergedSheets.map((index) => {
    const areas = (items[index] as Excel.Worksheet).getRange().getMergedAreasOrNullObject();
    areas.load("address");
    return { index, areas };
  });
  try {
    await context.sync();
    for (const { index, areas } of merged) addMerges(sheets[index], areas);
  } catch (error) {
    if (merged.length === 0) throw toOfficeHostError(error);
    // most likely more than 512 merged areas on a template sheet (the code Excel gives is not
    // documented): the sizes once more, and the merged areas in blocks no call can overflow
    sizes = loadSizes(items);
    const extents = mergedSheets.map((index) => {
      const range = (items[index] as Excel.Worksheet).getUsedRangeOrNullObject(false);
      range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return { index, range };
    });
    await syncOrThrow(context);
    const blocks = extents.flatMap(({ index, range }) => (range.isNullObject ? [] : mergeBlocks(index, range)));
    await readMergeBlocks(context, items, sheets, blocks);
  }
  options.onProgress?.(0.2, label);

  // which cells to read: template sheets whole (in pieces Excel can answer), small user sheets
  const notices: ValidationIssue[] = [];
  const requests: ChunkRequest[] = [];
  sizes.forEach((range, index) => {
    const sheet = sheets[index];
    if (sheet === undefined || range.isNullObject) return;
    const request: ChunkRequest = {
      sheet: index,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    };
    const cells = request.rowCount * request.columnCount;
    if (!sheet.template && cells > userSheetCellLimit) {
      notices.push(notReadNotice(fileName, sheet.name, range.address, cells, userSheetCellLimit, language));
      return;
    }
    requests.push(request);
  });

  // sync 3: the cells, every range below Excel's limit
  const pieces = splitRequests(requests, maxRangeCells);
  const loaded = pieces.map((request) => ({ request, range: loadCells(rangeOf(items, request)) }));
  let chunked = false;
  try {
    await context.sync();
  } catch (error) {
    const hostError = toOfficeHostError(error);
    if (hostError.code !== "ResponsePayloadSizeLimitExceeded") throw hostError;
    chunked = true;
  }
  options.onProgress?.(chunked ? 0.3 : 0.9, label);
  const addBlock = (request: ChunkRequest, block: CellBlock): void => {
    const sheet = sheets[request.sheet];
    if (sheet !== undefined) addCells(sheet.rows, block);
  };
  if (chunked) {
    await loadChunks(
      context,
      items,
      requests,
      Math.min(maxRangeCells, options.chunkCells ?? DEFAULT_CHUNK_CELLS),
      addBlock,
    );
  } else {
    for (const { request, range } of loaded) addBlock(request, range);
  }
  options.onProgress?.(1, renderOfficeMessage("progress.done", language));
  return {
    fileName,
    sheets: sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, rows: sheet.rows, merges: sheet.merges })),
    ...(notices.length === 0 ? {} : { notices }),
  };
}

async function syncOrThrow(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw toOfficeHostError(error);
  }
}

/** Queues the load of every sheet's used range (values only): its address, position and size. */
function loadSizes(items: readonly Excel.Worksheet[]): Excel.Range[] {
  return items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return range;
  });
}

/** Queues the load of a block of cells: an explicit list, never `load()` of everything. */
function loadCells(range: Excel.Range): Excel.Range {
  range.load("rowIndex,columnIndex,values,formulas,valueTypes,numberFormat");
  return range;
}

function rangeOf(items: readonly Excel.Worksheet[], request: ChunkRequest): Excel.Range {
  const sheet = items[request.sheet] as Excel.Worksheet;
  return sheet.getRangeByIndexes(request.rowIndex, request.columnIndex, request.rowCount, request.columnCount);
}

function addMerges(sheet: SheetRows | undefined, areas: Excel.RangeAreas): void {
  if (sheet !== undefined && !areas.isNullObject) sheet.merges.push(...mergeAddresses(areas.address));
}

/**
 * A sheet's used range (with formats) cut into blocks of at most 512 cells: whole rows of it, or
 * pieces of one row when it is wider than 512 columns.
 */
function mergeBlocks(sheet: number, range: Excel.Range): ChunkRequest[] {
  const limit = MAX_MERGED_AREAS_PER_CALL;
  const blocks: ChunkRequest[] = [];
  const rowsPerBlock = Math.max(1, Math.floor(limit / range.columnCount));
  const columnsPerBlock = Math.min(range.columnCount, limit);
  for (let row = 0; row < range.rowCount; row += rowsPerBlock) {
    for (let column = 0; column < range.columnCount; column += columnsPerBlock) {
      blocks.push({
        sheet,
        rowIndex: range.rowIndex + row,
        columnIndex: range.columnIndex + column,
        rowCount: Math.min(rowsPerBlock, range.rowCount - row),
        columnCount: Math.min(columnsPerBlock, range.columnCount - column),
      });
    }
  }
  return blocks;
}

/**
 * Reads merged areas block by block, {@link MERGE_BLOCKS_PER_SYNC} blocks per sync. Like
 * loadChunks, this loop syncs on purpose: the number of calls per request is what is bounded.
 */
async function readMergeBlocks(
  context: Excel.RequestContext,
  items: readonly Excel.Worksheet[],
  sheets: SheetRows[],
  blocks: readonly ChunkRequest[],
): Promise<void> {
  for (let start = 0; start < blocks.length; start += MERGE_BLOCKS_PER_SYNC) {
    const batch = blocks.slice(start, start + MERGE_BLOCKS_PER_SYNC).map((block) => {
      const areas = rangeOf(items, block).getMergedAreasOrNullObject();
      areas.load("address");
      return { block, areas };
    });
    // one sync per MERGE_BLOCKS_PER_SYNC blocks, on purpose (see above)
    await syncOrThrow(context);
    for (const { block, areas } of batch) addMerges(sheets[block.sheet], areas);
  }
}

function notReadNotice(
  file: string,
  sheet: string,
  address: string,
  cells: number,
  limit: number,
  language: Language,
): ValidationIssue {
  const locale = language === "de" ? "de-DE" : "en-GB";
  const range = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  return createIssue(
    "info",
    "sheet.notRead",
    language,
    { file, sheet, cell: range },
    {
      count: cells,
      received: cells.toLocaleString(locale),
      expected: limit.toLocaleString(locale),
    },
  );
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
  if (block.values === null) {
    // Excel's answer for a range above its limit; every load stays below it, so this is a bug
    throw toOfficeHostError(new Error(`Excel returned no values for a block at row ${block.rowIndex + 1}`));
  }
  block.values.forEach((line, r) => {
    const rowNumber = block.rowIndex + r + 1;
    line.forEach((value, c) => {
      const formula = block.formulas?.[r]?.[c];
      const valueType = block.valueTypes?.[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
      if (!isFormula && (valueType === "Empty" || value === "" || value === null || value === undefined)) return;
      const cellValue = cellValueOf(value, valueType, block.numberFormat?.[r]?.[c]);
      const row = (rows[rowNumber] ??= []);
      row[block.columnIndex + c + 1] = isFormula
        ? { value: cellValue, formula: formula.slice(1) }
        : { value: cellValue };
    });
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
    const loaded = batch.map((request) => ({ request, range: loadCells(rangeOf(worksheets, request)) }));
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

/**
 * Writes a {@link WorkbookPlan} as an .xlsx with exceljs — the browser-safe core (no `node:`
 * imports); Node code imports writePlanToXlsx.ts, which adds `writePlanToFile`. The plan
 * decides everything; this module only maps it onto exceljs.
 *
 * Node: exceljs's streaming writer (`ExcelJS.stream.xlsx.WorkbookWriter`) — rows are committed
 * one by one, so a 50,000-row sheet never sits in memory. Browser: exceljs's browser bundle has
 * no streaming writer, so {@link writePlanToBuffer} falls back to the in-memory workbook (fine
 * for template sizes). No `node:` imports here, so the module bundles for the browser.
 *
 * What the file gets:
 * - formulas with their results stored (computed from the plan by lib/formulas/planResults.ts,
 *   docs/decisions/0013), so Protected View, previews and readers that do not calculate show
 *   them; and `fullCalcOnLoad`, so Excel still recalculates everything once editing is enabled;
 * - text always as text (a value starting with `=`, `+`, `-`, `@` stays a string);
 * - number formats, the look of each cell style, column widths, row heights;
 * - frozen panes, data validations (one rule per range), highlights and colour scales as
 *   conditional formats, auto filter, merges, page setup (orientation, fit to one page wide, A4,
 *   title rows, print area, header and footer);
 * - hidden sheets (the metadata sheet);
 * - sheet protection without a password for sheets the plan protects ({@link SHEET_PROTECTION}):
 *   `<sheetProtection sheet="1" …/>` with no hash, so Review › Unprotect Sheet lifts it at once.
 */
import { clipText, EXCEL_LIMITS } from "../../lib/plan/excelLimits.js";
import { headerFooterCode } from "../../lib/plan/printPageText.js";
import { planResults, type PlanResults } from "../../lib/formulas/planResults.js";
import ExcelJS from "exceljs";
import type { DataValidation, Style } from "exceljs";
import { cellAddress } from "../../lib/cells/address.js";
import type {
  PlannedCell,
  PlannedColorScale,
  PlannedColorStop,
  PlannedHighlight,
  PlannedValidation,
  SheetPlan,
  WorkbookPlan,
} from "../../lib/plan/WorkbookPlan.js";
import { cellNumberFormat } from "../../lib/plan/cellLooks.js";
import { argbOf, highlightStyle, StyleCache } from "./cellStyles.js";
import { encodeOoxmlText } from "./cellValues.js";
import { assertPlanWritable, PlanWriteError } from "../../lib/plan/PlanWriteError.js";

export interface WriteOptions {
  /**
   * Store text once in `xl/sharedStrings.xml` (Excel's own way; smaller files) rather than in
   * each cell. Default true.
   */
  readonly useSharedStrings?: boolean;
}

export interface BufferWriteOptions extends WriteOptions {
  /**
   * `stream` (Node's streaming writer), `memory` (exceljs's in-memory workbook, the only one
   * in exceljs's browser bundle), or `auto` (stream when available). Default `auto`.
   */
  readonly engine?: "auto" | "stream" | "memory";
}

/**
 * What a protected sheet still allows (exceljs's names; `true` = allowed): selecting any cell,
 * column widths and row heights, and the auto filter (filtering only hides rows). Not allowed:
 * typing into locked cells, formatting cells, sorting (Excel cannot sort locked cells anyway),
 * inserting or deleting rows and columns. No password: exceljs then writes no hash.
 */
export const SHEET_PROTECTION: Readonly<Record<string, boolean>> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

/** Conditional-format kind for highlights: `cellIs`/`equal` survives a LibreOffice round trip. */
const HIGHLIGHT_RULE: "cellIs" | "expression" = "cellIs";

/**
 * Rows written between two turns of the event loop. exceljs's writer does not apply
 * backpressure; without these pauses the zip stream compresses nothing until the sheet is
 * done, and 100,000 × 15 cells peak at ≈ +550 MB instead of ≈ +110 MB (same speed).
 */
const YIELD_EVERY = 1000;

// ---------------------------------------------------------------------------------------------
// The parts of exceljs used here, typed narrowly (the streaming classes are thinly typed).

interface CellLike {
  value: unknown;
  style: Partial<Style>;
}
interface RowLike {
  height: number;
  getCell(column: number): CellLike;
  commit(): void;
}
interface SheetLike {
  columns: { width: number }[];
  autoFilter: unknown;
  getRow(row: number): RowLike;
  mergeCells(range: string): void;
  dataValidations: { add(range: string, rule: DataValidation): void };
  addConditionalFormatting(cf: { ref: string; rules: unknown[] }): void;
  protect(password: string, options: Readonly<Record<string, boolean>>): Promise<void>;
  commit?(): void;
}
interface SheetOptions {
  state: "visible" | "hidden";
  views: { state: "frozen"; xSplit?: number; ySplit?: number }[];
  pageSetup: Record<string, unknown>;
  headerFooter: { oddHeader?: string; oddFooter?: string };
}
interface BookLike {
  creator: string;
  lastModifiedBy: string;
  title: string;
  views: Record<string, unknown>[];
  calcProperties: { fullCalcOnLoad?: boolean };
  addWorksheet(name: string, options: SheetOptions): SheetLike;
}
interface StreamingBookLike extends BookLike {
  commit(): Promise<void>;
  zip: { append: Append };
  stream: { read(): Uint8Array };
}
interface MemoryBookLike extends BookLike {
  xlsx: {
    writeBuffer(): Promise<ArrayBuffer | Uint8Array>;
    addWorkbook(zip: { append: Append }, model: unknown): Promise<void>;
  };
}

type StreamingConstructor = new (options: {
  stream?: NodeJS.WritableStream;
  useStyles: boolean;
  useSharedStrings: boolean;
}) => StreamingBookLike;

function streamingWriter(): StreamingConstructor | undefined {
  const stream = (ExcelJS as unknown as { stream?: { xlsx?: { WorkbookWriter?: StreamingConstructor } } }).stream;
  return stream?.xlsx?.WorkbookWriter;
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes the plan as .xlsx into a writable stream (ended when done).
 * @example await writePlanToXlsx(plan, createWriteStream("Aufgabenkatalog.xlsx"));
 */
export async function writePlanToXlsx(
  plan: WorkbookPlan,
  target: NodeJS.WritableStream,
  options: WriteOptions = {},
): Promise<void> {
  const Writer = streamingWriter();
  if (!Writer)
    throw new Error("exceljs's streaming writer is not available here (browser bundle?); use writePlanToBuffer");
  assertPlanWritable(plan);
  let failed: ((error: Error) => void) | undefined;
  const targetFailed = new Promise<never>((_, reject) => {
    failed = reject;
  });
  const onError = (error: Error): void => failed?.(error);
  target.on("error", onError);
  try {
    const book = new Writer({ stream: target, useStyles: true, useSharedStrings: options.useSharedStrings ?? true });
    patchStreamingBook(book, plan);
    await Promise.race([fillBook(book, plan, true).then(() => book.commit()), targetFailed]);
  } finally {
    target.removeListener("error", onError);
  }
}

/** Writes the plan as .xlsx into memory (Node and, with the in-memory engine, the browser). */
export async function writePlanToBuffer(plan: WorkbookPlan, options: BufferWriteOptions = {}): Promise<Uint8Array> {
  assertPlanWritable(plan);
  const engine = options.engine ?? "auto";
  const Writer = streamingWriter();
  if (engine === "stream" || (engine === "auto" && Writer)) {
    if (!Writer) throw new Error("exceljs's streaming writer is not available here (browser bundle?)");
    // without a target stream exceljs collects the zip in its own buffer
    const book = new Writer({ useStyles: true, useSharedStrings: options.useSharedStrings ?? true });
    patchStreamingBook(book, plan);
    await fillBook(book, plan, true);
    await book.commit();
    const bytes = book.stream.read();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const book = new ExcelJS.Workbook() as unknown as MemoryBookLike;
  patchMemoryBook(book, plan);
  await fillBook(book, plan, false);
  const data = await book.xlsx.writeBuffer();
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** `'Name'!$A$4:$K$4` as XML text. */
function absoluteRangeXml(sheetName: string, range: string): string {
  const absolute = range
    .split(":")
    .map((ref) => ref.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  const text = `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");
}

function filterDatabaseName(sheetName: string, range: string, sheetIndex: number): string {
  const xml = absoluteRangeXml(sheetName, range);
  return `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex}" hidden="1">${xml}</definedName>`;
}

/** The print area as Excel writes it (here rather than through exceljs, which does not quote `'` in names). */
function printAreaName(sheetName: string, range: string, sheetIndex: number): string {
  const xml = absoluteRangeXml(sheetName, range);
  return `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex}">${xml}</definedName>`;
}

/**
 * Edits `xl/workbook.xml` as exceljs writes it:
 * - `fullCalcOnLoad="1"` on `<calcPr>` (exceljs's streaming writer hard-codes empty calc
 *   properties), so Excel computes every formula on open;
 * - a hidden `_xlnm._FilterDatabase` name per auto filter, as Excel writes it: without it
 *   LibreOffice drops the auto filter;
 * - a `_xlnm.Print_Area` name per sheet with a print area.
 */
export function patchWorkbookXml(xml: string, plan: WorkbookPlan): string {
  let patched = xml.replace(/<calcPr\b([^>]*?)\/>/, (tag, attributes: string) =>
    attributes.includes("fullCalcOnLoad") ? tag : `<calcPr${attributes} fullCalcOnLoad="1"/>`,
  );
  if (!patched.includes('fullCalcOnLoad="1"')) throw new Error("exceljs wrote no <calcPr>; cannot set fullCalcOnLoad");
  const names = plan.sheets.flatMap((sheet, index) => [
    ...(sheet.autoFilter === undefined ? [] : [filterDatabaseName(sheet.name, sheet.autoFilter, index)]),
    ...(sheet.print.area === undefined ? [] : [printAreaName(sheet.name, sheet.print.area, index)]),
  ]);
  if (names.length > 0) {
    if (patched.includes("</definedNames>"))
      patched = patched.replace("</definedNames>", `${names.join("")}</definedNames>`);
    else patched = patched.replace("<calcPr", `<definedNames>${names.join("")}</definedNames><calcPr`);
  }
  return patched;
}

type Append = (source: unknown, data: { name: string }) => unknown;

function patchingAppend(append: Append, plan: WorkbookPlan): Append {
  return (source, data) =>
    typeof source === "string" && data.name.replace(/^\//, "") === "xl/workbook.xml"
      ? append(patchWorkbookXml(source, plan), data)
      : append(source, data);
}

/** Streaming writer: patch `xl/workbook.xml` as it goes into the zip. */
function patchStreamingBook(book: StreamingBookLike, plan: WorkbookPlan): void {
  book.calcProperties = { fullCalcOnLoad: true };
  book.zip.append = patchingAppend(book.zip.append.bind(book.zip), plan);
}

/** In-memory writer: patch `xl/workbook.xml` in exceljs's `addWorkbook(zip, model)`. */
function patchMemoryBook(book: MemoryBookLike, plan: WorkbookPlan): void {
  book.calcProperties.fullCalcOnLoad = true;
  const xlsx = book.xlsx;
  const addWorkbook = xlsx.addWorkbook.bind(xlsx);
  xlsx.addWorkbook = (zip, model) => addWorkbook({ append: patchingAppend(zip.append.bind(zip), plan) }, model);
}

async function fillBook(book: BookLike, plan: WorkbookPlan, streaming: boolean): Promise<void> {
  book.creator = "ikz-kit";
  book.lastModifiedBy = "ikz-kit";
  book.title = plan.title;
  const firstVisible = Math.max(
    0,
    plan.sheets.findIndex((sheet) => sheet.state === "visible"),
  );
  book.views = [
    {
      x: 0,
      y: 0,
      width: 28800,
      height: 15000,
      firstSheet: firstVisible,
      activeTab: firstVisible,
      visibility: "visible",
    },
  ];
  const styles = new StyleCache();
  const results = planResults(plan);
  for (const [index, sheet] of plan.sheets.entries()) {
    await writeSheet(book, sheet, plan.language, styles, streaming, (row, column) =>
      results.resultAt(index, row, column),
    );
  }
}

function pageSetup(sheet: SheetPlan): Record<string, unknown> {
  return {
    orientation: sheet.print.landscape ? "landscape" : "portrait",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    // exceljs writes the print titles as `'Name'!$4:$4` without doubling apostrophes
    ...(sheet.print.titleRows !== undefined && !sheet.name.includes("'")
      ? { printTitlesRow: sheet.print.titleRows }
      : {}),
  };
}

/** Header and footer in Excel's codes (lib/plan/printPageText.ts); LibreOffice reads them too. */
function headerFooter(sheet: SheetPlan): SheetOptions["headerFooter"] {
  const oddHeader = headerFooterCode(sheet.print.header);
  const oddFooter = headerFooterCode(sheet.print.footer);
  return {
    ...(oddHeader === undefined ? {} : { oddHeader }),
    ...(oddFooter === undefined ? {} : { oddFooter }),
  };
}

/** The first row of a range like `B5:C7`. */
function topRow(range: string): number {
  const match = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(range);
  if (!match?.[1]) throw new RangeError(`"${range}" is not a range`);
  return Number(match[1]);
}

async function writeSheet(
  book: BookLike,
  sheet: SheetPlan,
  language: "de" | "en",
  styles: StyleCache,
  streaming: boolean,
  resultAt: (row: number, column: number) => ReturnType<PlanResults["resultAt"]>,
): Promise<void> {
  const views: SheetOptions["views"] = [];
  if (sheet.frozen && (sheet.frozen.rows > 0 || sheet.frozen.columns > 0)) {
    views.push({
      state: "frozen",
      ...(sheet.frozen.columns > 0 ? { xSplit: sheet.frozen.columns } : {}),
      ...(sheet.frozen.rows > 0 ? { ySplit: sheet.frozen.rows } : {}),
    });
  }
  const worksheet = book.addWorksheet(sheet.name, {
    state: sheet.state,
    views,
    pageSetup: pageSetup(sheet),
    headerFooter: headerFooter(sheet),
  });
  // column widths must be known before the first row is written
  worksheet.columns = sheet.columnWidths.map((width) => ({ width }));

  const merges = [...sheet.merges].sort((a, b) => topRow(a) - topRow(b));
  let nextMerge = 0;
  const applyMergesUpTo = (row: number): void => {
    while (nextMerge < merges.length && topRow(merges[nextMerge] as string) <= row) {
      worksheet.mergeCells(merges[nextMerge] as string);
      nextMerge++;
    }
  };

  let previous = 0;
  let sinceYield = 0;
  for (const planned of sheet.rows()) {
    // let the zip stream compress and drain what was written, so memory stays bounded
    if (streaming && ++sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!(planned.row > previous)) {
      throw new PlanWriteError(
        sheet.name,
        `A${planned.row}`,
        `rows must come in ascending order (row ${planned.row} after row ${previous})`,
      );
    }
    previous = planned.row;
    const row = worksheet.getRow(planned.row);
    if (planned.height !== undefined) row.height = planned.height;
    let hasValue = false;
    for (const cell of planned.cells) {
      const target = row.getCell(cell.column);
      const value = cellValue(sheet.name, planned.row, cell, resultAt);
      if (value !== null) {
        target.value = value;
        hasValue = true;
      }
      target.style = styles.get(cell, cellNumberFormat(cell, language));
    }
    applyMergesUpTo(planned.row);
    // exceljs's streaming writer drops rows without values; styled empty input cells must stay
    if (streaming && !hasValue && planned.cells.length > 0) Object.defineProperty(row, "hasValues", { value: true });
    row.commit();
  }
  applyMergesUpTo(Number.MAX_SAFE_INTEGER);

  if (sheet.autoFilter !== undefined) worksheet.autoFilter = sheet.autoFilter;
  for (const validation of sheet.validations)
    worksheet.dataValidations.add(validation.range, dataValidation(validation));
  let priority = 1;
  for (const highlight of sheet.highlights) {
    worksheet.addConditionalFormatting({ ref: highlight.range, rules: [highlightRule(highlight, priority++)] });
  }
  for (const scale of sheet.colorScales ?? []) {
    worksheet.addConditionalFormatting({ ref: scale.range, rules: [colorScaleRule(scale, priority++)] });
  }
  if (sheet.protected === true) {
    if (streaming) writeProtectionInSchemaOrder(worksheet);
    // no password (""): exceljs writes `sheet="1"` and the allowed actions, without a hash
    await worksheet.protect("", SHEET_PROTECTION);
  }
  worksheet.commit?.();
}

/** The private steps of exceljs's streaming worksheet writer that write the sheet's tail. */
interface StreamingSheetTail {
  _writeAutoFilter(): void;
  _writeSheetProtection(): void;
}

/**
 * exceljs's streaming writer puts `<sheetProtection>` after `<autoFilter>`, `<mergeCells>`,
 * `<conditionalFormatting>` and `<dataValidations>`; the schema wants it right after
 * `<sheetData>`, and Excel offers to "repair" such a file (exceljs PR #2685, not merged). Writes
 * it just before the auto filter instead (the first of them, right after `</sheetData>`).
 * Checked by test/sheet-protection.test.ts.
 */
function writeProtectionInSchemaOrder(worksheet: SheetLike): void {
  const tail = worksheet as unknown as Partial<StreamingSheetTail>;
  const writeAutoFilter = tail._writeAutoFilter?.bind(worksheet);
  const writeProtection = tail._writeSheetProtection?.bind(worksheet);
  if (writeAutoFilter === undefined || writeProtection === undefined)
    throw new Error("exceljs's streaming writer changed: cannot place the sheet protection; check workbookWriter.ts");
  tail._writeAutoFilter = () => {
    writeProtection();
    writeAutoFilter();
  };
  tail._writeSheetProtection = () => undefined;
}

/**
 * The exceljs value of a planned cell: `{ formula, result }` (text results as `t="str"`, errors
 * as `{ error: "#N/A" }`; `{ formula }` alone where the result cannot be known), or the literal.
 */
function cellValue(
  sheetName: string,
  row: number,
  cell: PlannedCell,
  resultAt: (row: number, column: number) => ReturnType<PlanResults["resultAt"]>,
): unknown {
  if (cell.formula !== undefined) {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    const result = resultAt(row, cell.column);
    if (result === undefined) return { formula };
    if (typeof result === "string") return { formula, result: encodeOoxmlText(result) };
    if (typeof result === "object") return { formula, result: { error: result.error } };
    return { formula, result };
  }
  const value = cell.value;
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    if (value.length > EXCEL_LIMITS.cellText) {
      throw new PlanWriteError(
        sheetName,
        cellAddress(row, cell.column),
        `a cell holds at most ${EXCEL_LIMITS.cellText} characters`,
      );
    }
    return encodeOoxmlText(value);
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new PlanWriteError(sheetName, cellAddress(row, cell.column), `${value} cannot be stored in a cell`);
  }
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw new PlanWriteError(sheetName, cellAddress(row, cell.column), "an invalid date cannot be stored in a cell");
  }
  return value;
}

function dataValidation(validation: PlannedValidation): DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation.errorStyle,
    error: clipText(validation.error, EXCEL_LIMITS.error),
    ...(validation.prompt === undefined
      ? {}
      : { showInputMessage: true, prompt: clipText(validation.prompt, EXCEL_LIMITS.prompt) }),
  };
  switch (validation.type) {
    case "whole":
    case "decimal":
      return validation.max === undefined
        ? { ...common, type: validation.type, operator: "greaterThanOrEqual", formulae: [validation.min] }
        : { ...common, type: validation.type, operator: "between", formulae: [validation.min, validation.max] };
    case "list":
      return {
        ...common,
        type: "list",
        formulae: [validation.source.startsWith("=") ? validation.source.slice(1) : validation.source],
      };
    case "date":
      return { ...common, type: "date", operator: "greaterThanOrEqual", formulae: [validation.min] };
  }
}

/** `"A"` as a formula string literal. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function highlightRule(highlight: PlannedHighlight, priority: number): Record<string, unknown> {
  const style = highlightStyle(highlight.fill);
  if (HIGHLIGHT_RULE === "cellIs") {
    return { type: "cellIs", operator: "equal", formulae: [quoted(highlight.equals)], style, priority };
  }
  const topLeft = highlight.range.split(":")[0] ?? highlight.range;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(topLeft);
  const relative = match ? `${match[1] ?? ""}${match[2] ?? ""}` : topLeft;
  return { type: "expression", formulae: [`${relative}=${quoted(highlight.equals)}`], style, priority };
}

/** The `<cfvo type>` of a colour-scale stop. */
const CFVO_TYPE: Readonly<Record<PlannedColorStop["type"], string>> = {
  lowest: "min",
  highest: "max",
  number: "num",
  percent: "percent",
};

/** A `colorScale` conditional-format rule (`<cfvo>` and `<color>` per stop, in order). */
export function colorScaleRule(scale: PlannedColorScale, priority: number): Record<string, unknown> {
  const stops = [scale.min, ...(scale.mid === undefined ? [] : [scale.mid]), scale.max];
  return {
    type: "colorScale",
    priority,
    cfvo: stops.map((stop) => ({
      type: CFVO_TYPE[stop.type],
      ...(stop.type === "number" || stop.type === "percent" ? { value: stop.value ?? 0 } : {}),
    })),
    color: stops.map((stop) => ({ argb: argbOf(stop.color) })),
  };
}

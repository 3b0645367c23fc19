/**
 * A small recording fake of the Excel object model — only the parts adapters/office and addin/host use — for
 * tests in Node. It behaves like Office.js where the adapter depends on it:
 *
 * - commands are queued on proxies and run, in order, at `context.sync()`; `sync()` calls are
 *   counted, and the size of each request is recorded;
 * - reading a property that was not loaded and synced throws (`PropertyNotLoaded`), as
 *   Office.js does; `*OrNullObject` proxies report `isNullObject` after a sync;
 * - `range.values` parses strings like typed input — `=x`, `+x`, `-x`, `@x` become formulas,
 *   `12.5` a number, `2025-01-31` a date, `TRUE` a boolean — unless the cell is formatted `@`;
 *   `null` in a 2D array leaves a cell alone, `""` clears it;
 * - `copyFrom(…, "Formulas")` moves relative references like Excel (via lib/formulas/shiftFormula.ts);
 * - requests above `requestLimit` fail with `RequestPayloadSizeLimitExceeded` (nothing runs),
 *   answers above `responseLimit` with `ResponsePayloadSizeLimitExceeded`; `cellEditMode`
 *   makes every sync with commands fail with `InvalidOperationInCellEditMode`;
 * - a range above 5 million cells (`valuesCellLimit`) loads `values`, `formulas`, `valueTypes`
 *   and `numberFormat` as null; `getMergedAreasOrNullObject` answers the merged areas whose
 *   top-left cell is in the range and fails (`GeneralException`) above 512 of them;
 * - a protected sheet (`worksheet.protection.protect`) refuses with `AccessDenied`, as Excel does:
 *   values, formulas and copies into locked cells (cells are locked unless unlocked), any cell
 *   format unless `allowFormatCells`, column widths / row heights unless `allowFormatColumns` /
 *   `allowFormatRows`, merges, conditional formats, data validations and new auto filters.
 *   Renaming, hiding, deleting and activating the sheet stay possible (that is workbook, not
 *   sheet, protection). Protecting a protected sheet fails; a password must match to unprotect.
 * - renaming a sheet rewrites every reference to it in every formula of the workbook (cells,
 *   data-validation rules, conditional formats): `Kommune!A1` → `'~ikz-alt-1'!A1`; deleting a
 *   sheet turns every reference to it into `#REF!` (`#REF!A1`), as Excel does (sheetReferences.ts);
 * - any command can be made to fail (`failure` option, `failNext`; by kind and/or position) with an
 *   error shaped like `OfficeExtension.Error`: the commands of the batch before it stay applied,
 *   the rest do not run, as in Excel; `commandKinds` lists the commands run;
 * - `workbook.state()` is the whole workbook as plain data, to compare before and after.
 *
 * It does not calculate: a formula's value is what `evaluate` returns (default: empty).
 * Test code only; never bundled into the pane.
 */
import { deleteSheetInFormula, renameSheetInFormula } from "../../../lib/formulas/sheetReferences.js";
import { jsonBytes } from "../syncBatches.js";
import { shiftFormula } from "../../../lib/formulas/shiftFormula.js";
import { cellAddress, columnNumber } from "../../../lib/cells/address.js";

export const FAKE_MAX_ROWS = 1_048_576;
export const FAKE_MAX_COLUMNS = 16_384;
/** Excel: `getMergedAreasOrNullObject` fails above 512 merged areas. */
export const FAKE_MAX_MERGED_AREAS = 512;
/** Excel: a range above 5 million cells loads `values` (and the other grids) as null. */
export const FAKE_MAX_VALUES_CELLS = 5_000_000;

export type FakeScalar = string | number | boolean;

export interface FakeCellFormat {
  fill?: string;
  font: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  borders: { top?: string; bottom?: string; left?: string; right?: string };
  horizontal?: string;
  vertical?: string;
  wrapText?: boolean;
  locked?: boolean;
}

export interface FakeCell {
  value: FakeScalar | null;
  /** Formula text without `=`. */
  formula?: string;
  /** An error value such as `#DIV/0!`. */
  error?: string;
  numberFormat: string;
  format: FakeCellFormat;
  /** Whether anything (format or content) was ever set. */
  touched: boolean;
}

export interface FakeValidation {
  readonly address: string;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  readonly address: string;
  readonly type: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
  /** The criteria of a `ColorScale` format, as set. */
  criteria?: unknown;
}

/** How a fake sheet is protected: the options given to `protect`, and its password if any. */
export interface FakeProtection {
  readonly options: Readonly<Record<string, unknown>>;
  readonly password?: string;
}

/** What a command does to a sheet, for the protection check. */
export type FakeEdit = "cells" | "formatCells" | "formatColumns" | "formatRows" | "objects";

const ALLOWED_BY: Readonly<Partial<Record<FakeEdit, string>>> = {
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
};

let nextSheetId = 1;

export class FakeSheet {
  /** Like Office.js `worksheet.id`: stable across renames, never reused. */
  readonly id = `{FAKE-SHEET-${String(nextSheetId++).padStart(4, "0")}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Undefined when the sheet is not protected. */
  protection: FakeProtection | undefined;
  readonly rows = new Map<number, Map<number, FakeCell>>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozen: { rows: number; columns: number } | undefined;
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  autoFilter: string | undefined;
  readonly merges: string[] = [];
  readonly pageLayout: FakePageLayout = {};

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows.get(row)?.get(column);
  }

  ensure(row: number, column: number): FakeCell {
    let line = this.rows.get(row);
    if (line === undefined) {
      line = new Map();
      this.rows.set(row, line);
    }
    let cell = line.get(column);
    if (cell === undefined) {
      cell = { value: null, numberFormat: "General", format: { font: {}, borders: {} }, touched: false };
      line.set(column, cell);
    }
    return cell;
  }

  /** Puts content into a cell directly (test set-up, like a user typing). */
  put(
    address: string,
    content: { value?: FakeScalar | null; formula?: string; error?: string; numberFormat?: string },
  ): this {
    const { row, column } = parseCell(address);
    const cell = this.ensure(row, column);
    cell.touched = true;
    cell.value = content.value ?? null;
    if (content.formula === undefined) delete cell.formula;
    else cell.formula = content.formula;
    if (content.error === undefined) delete cell.error;
    else cell.error = content.error;
    if (content.numberFormat !== undefined) cell.numberFormat = content.numberFormat;
    return this;
  }

  /** The cell at an A1 address, if it exists. */
  at(address: string): FakeCell | undefined {
    const { row, column } = parseCell(address);
    return this.cell(row, column);
  }

  /** Whether a cell is locked (every cell is, unless its format says otherwise). */
  isLocked(row: number, column: number): boolean {
    return this.cell(row, column)?.format.locked !== false;
  }

  /** Throws `AccessDenied` as Excel does when the sheet's protection forbids the edit. */
  checkEdit(edit: FakeEdit, rect?: Rect): void {
    const protection = this.protection;
    if (protection === undefined) return;
    const allowedBy = ALLOWED_BY[edit];
    if (allowedBy !== undefined && protection.options[allowedBy] === true) return;
    if (edit === "cells" && rect !== undefined && !this.anyLocked(rect)) return;
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    );
  }

  private anyLocked(rect: Rect): boolean {
    const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    // cells that were never set are locked: a range with more cells than the sheet holds has some
    let existing = 0;
    for (const line of this.rows.values()) existing += line.size;
    if (area > existing) return true;
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let column = rect.left; column <= rect.right; column++) if (this.isLocked(row, column)) return true;
    return false;
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** The add-in's workbook settings (`workbook.settings`, ExcelApi 1.4): they stay with the file. */
  readonly settings = new Map<string, unknown>();

  constructor(public name = "Mappe1.xlsx") {}

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Renames a sheet as Excel does: every reference to it, on every sheet, is rewritten to the new
   * name — cell formulas, data-validation rules, conditional-format rules and colour-scale
   * criteria (`Kommune!A1` → `'~ikz-alt-1'!A1`). Refuses a name another sheet has, or one Excel
   * refuses (empty, over 31 characters, `: \ / ? * [ ]`, leading or trailing apostrophe).
   */
  renameSheet(sheet: FakeSheet, name: string): void {
    const other = this.sheet(name);
    if (other !== undefined && other !== sheet)
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    checkSheetName(name);
    const from = sheet.name;
    if (from === name) return;
    this.rewriteFormulas((formula) => renameSheetInFormula(formula, from, name));
    sheet.name = name;
  }

  /**
   * Deletes a sheet as Excel does: every reference to it, on every other sheet, becomes `#REF!`
   * (`Kommune!$B$6` → `#REF!$B$6`). Refuses the last visible sheet and a very hidden one.
   */
  deleteSheet(sheet: FakeSheet): void {
    if (sheet.visibility === "VeryHidden")
      throw new FakeOfficeError("InvalidOperation", "A very hidden sheet cannot be deleted.");
    if (sheet.visibility === "Visible" && this.sheets.filter((s) => s.visibility === "Visible").length === 1) {
      throw new FakeOfficeError("InvalidOperation", "The last visible sheet cannot be deleted.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === "Visible");
    if (this.selection?.sheet.toLowerCase() === sheet.name.toLowerCase()) this.selection = undefined;
    this.rewriteFormulas((formula) => deleteSheetInFormula(formula, sheet.name));
  }

  /** Applies `change` to every formula text the workbook holds (cells, validations, conditional formats). */
  private rewriteFormulas(change: (formula: string) => string): void {
    const changeFormulaFields = (value: unknown): unknown => {
      // rule fields that hold formulas: list sources, formula1/formula2, criteria formulas (with or without `=`)
      if (Array.isArray(value)) return value.map(changeFormulaFields);
      if (typeof value !== "object" || value === null) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          typeof inner === "string" && /^(source|formula\d?)$/.test(key) ? change(inner) : changeFormulaFields(inner),
        ]),
      );
    };
    for (const sheet of this.sheets) {
      for (const line of sheet.rows.values())
        for (const cell of line.values()) if (cell.formula !== undefined) cell.formula = change(cell.formula);
      for (const validation of sheet.validations) validation.rule = changeFormulaFields(validation.rule);
      for (const format of sheet.conditionalFormats) {
        format.rule = changeFormulaFields(format.rule);
        format.criteria = changeFormulaFields(format.criteria);
      }
    }
  }

  /**
   * Everything a user could see or an adapter could read, as plain data: sheets in order with
   * name, visibility, protection, cells (content and format), widths, heights, panes,
   * validations, conditional formats, filter, merges, page layout; the active sheet. Two
   * states are equal (`toEqual`) exactly when the workbooks look the same.
   */
  state(): FakeWorkbookState {
    const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;
    return {
      name: this.name,
      active: this.active?.name,
      sheets: this.sheets.map((sheet) => ({
        name: sheet.name,
        visibility: sheet.visibility,
        protection: clean(sheet.protection ?? null),
        cells: Object.fromEntries(
          [...sheet.rows.entries()]
            .flatMap(([row, line]) => [...line.entries()].map(([column, cell]) => [cellAddress(row, column), cell]))
            .filter(([, cell]) => (cell as FakeCell).touched)
            .sort(([a], [b]) => String(a).localeCompare(String(b)))
            .map(([address, cell]) => [address, clean(cell)]),
        ) as Record<string, FakeCell>,
        columnWidths: Object.fromEntries(sheet.columnWidths),
        rowHeights: Object.fromEntries(sheet.rowHeights),
        frozen: clean(sheet.frozen ?? null),
        validations: clean(sheet.validations),
        conditionalFormats: clean(sheet.conditionalFormats),
        autoFilter: sheet.autoFilter,
        merges: [...sheet.merges],
        pageLayout: clean(sheet.pageLayout),
      })),
    };
  }
}

/** A {@link FakeWorkbook}'s full state as plain data (see `state()`). */
export interface FakeWorkbookState {
  readonly name: string;
  readonly active: string | undefined;
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: string;
    readonly protection: FakeProtection | null;
    readonly cells: Readonly<Record<string, FakeCell>>;
    readonly columnWidths: Readonly<Record<number, number>>;
    readonly rowHeights: Readonly<Record<number, number>>;
    readonly frozen: { rows: number; columns: number } | null;
    readonly validations: readonly FakeValidation[];
    readonly conditionalFormats: readonly FakeConditionalFormat[];
    readonly autoFilter: string | undefined;
    readonly merges: readonly string[];
    readonly pageLayout: FakePageLayout;
  }[];
}

/**
 * A sheet's print settings as written through `worksheet.pageLayout`: orientation, zoom (fit to
 * pages), print titles and area (as the writer passed them), and the header and footer sections
 * of `headersFooters.defaultForAllPages` (Excel's codes, e.g. `{ rightFooter: "Seite &P von &N" }`).
 */
export interface FakePageLayout {
  orientation?: string;
  printTitleRows?: string;
  printArea?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  headersFooters?: Partial<Record<FakeHeaderFooterProperty, string>>;
}

type FakeHeaderFooterProperty =
  "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

const HEADER_FOOTER_PROPERTIES: readonly FakeHeaderFooterProperty[] = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
];

/** Throws as Excel does for a sheet name it refuses. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}.`);
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation: string };

  constructor(
    readonly code: string,
    message: string,
    location = "",
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

/** What a queued command does, for failure injection and for counting (`FakeExcel.commandKinds`). */
export type FakeCommandKind =
  | "load"
  | "suspend"
  | "addSheet"
  | "renameSheet"
  | "deleteSheet"
  | "visibility"
  | "activate"
  | "values"
  | "formulas"
  | "numberFormat"
  | "format"
  | "copyFrom"
  | "merge"
  | "freezePanes"
  | "autoFilter"
  | "pageLayout"
  | "dataValidation"
  | "conditionalFormat"
  | "protect"
  | "unprotect"
  | "select"
  | "setting";

/**
 * A command that fails as Excel fails: with a `FakeOfficeError` (code, debugInfo), the commands of
 * its batch before it applied, those after it not run. `kind` picks commands of one kind, `at`
 * the n-th (0-based) of the matching commands run from now on (default: the first). Fires once;
 * later syncs (a rollback) run normally.
 */
export interface FakeFailure {
  readonly kind?: FakeCommandKind;
  readonly at?: number;
  /** Error code; default `GeneralException`. */
  readonly code?: string;
}

export interface FakeExcelOptions {
  /** Request bytes per sync before `RequestPayloadSizeLimitExceeded`; default 5 MB (Excel on the web). */
  readonly requestLimit?: number;
  /** Answer bytes per sync before `ResponsePayloadSizeLimitExceeded`; default 5 MB. */
  readonly responseLimit?: number;
  /** Cells of a range above which its `values` (and the other grids) load as null; default 5,000,000. */
  readonly valuesCellLimit?: number;
  /** Every sync with commands fails with `InvalidOperationInCellEditMode`. */
  cellEditMode?: boolean;
  /** A command to fail (see {@link FakeFailure}); can also be set later with `failNext`. */
  readonly failure?: FakeFailure;
  /** The value of a formula cell (default: none, read as empty). */
  readonly evaluate?: (
    formula: string,
    sheet: FakeSheet,
    row: number,
    column: number,
  ) => FakeScalar | { readonly error: string } | null;
}

interface QueuedCommand {
  readonly bytes: number;
  readonly run: () => void;
  readonly kind: FakeCommandKind;
}

const COMMAND_BYTES = 60;

function bytesOf(value: unknown): number {
  return jsonBytes(value ?? null);
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a cell`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** `A1`, `A1:B2`, `A:C`, `5:7` (with or without `$`). */
export function parseRange(address: string): Rect {
  const text = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [start = "", end = start] = text.split(":");
  if (/^[A-Za-z]{1,3}$/.test(start) && /^[A-Za-z]{1,3}$/.test(end)) {
    return { top: 1, bottom: FAKE_MAX_ROWS, left: columnNumber(start), right: columnNumber(end) };
  }
  if (/^\d+$/.test(start) && /^\d+$/.test(end)) {
    return { top: Number(start), bottom: Number(end), left: 1, right: FAKE_MAX_COLUMNS };
  }
  const a = parseCell(start);
  const b = parseCell(end);
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

function rectAddress(rect: Rect): string {
  const start = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cellAddress(rect.bottom, rect.right)}`;
}

function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function forEachCell(rect: Rect, visit: (row: number, column: number) => void): void {
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let column = rect.left; column <= rect.right; column++) visit(row, column);
}

// ---------------------------------------------------------------------------------------------
// The fake

/**
 * A fake Excel: `context` goes where an `Excel.RequestContext` is expected; `workbook` is the
 * document to set up and inspect; `syncs` counts `context.sync()` calls.
 */
export class FakeExcel {
  readonly workbook: FakeWorkbook;
  syncs = 0;
  /** Request bytes of each sync, in order. */
  readonly requestSizes: number[] = [];
  /** Calls of suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync. */
  readonly suspended = { calculation: 0, screenUpdating: 0 };
  readonly options: FakeExcelOptions;
  private queue: QueuedCommand[] = [];
  private answerBytes = 0;
  private staged: (() => void)[] = [];
  readonly context: Excel.RequestContext;
  /** The kind of every command run so far, in order (a failed command included). */
  readonly commandKinds: FakeCommandKind[] = [];
  private failures: { readonly kind?: FakeCommandKind; remaining: number; readonly code: string }[] = [];

  constructor(workbook: FakeWorkbook = new FakeWorkbook(), options: FakeExcelOptions = {}) {
    this.workbook = workbook;
    this.options = options;
    if (options.failure !== undefined) this.failNext(options.failure);
    const context = new FakeContext(this);
    this.context = context as unknown as Excel.RequestContext;
  }

  /** Runs a batch like `Excel.run` does. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(this.context);
  }

  /** Commands run so far (a failed command included). */
  get commandsRun(): number {
    return this.commandKinds.length;
  }

  /** Arms a failure (see {@link FakeFailure}); several armed failures each fire once, the first armed first. */
  failNext(failure: FakeFailure): void {
    this.failures.push({
      ...(failure.kind === undefined ? {} : { kind: failure.kind }),
      remaining: failure.at ?? 0,
      code: failure.code ?? "GeneralException",
    });
  }

  enqueue(bytes: number, run: () => void, kind: FakeCommandKind): void {
    this.queue.push({ bytes: bytes + COMMAND_BYTES, run, kind });
  }

  private runCommand(command: QueuedCommand): void {
    const index = this.commandKinds.length;
    this.commandKinds.push(command.kind);
    const matching = this.failures.filter((f) => f.kind === undefined || f.kind === command.kind);
    const firing = matching.find((f) => f.remaining === 0);
    for (const failure of matching) if (failure !== firing) failure.remaining--;
    if (firing !== undefined) {
      this.failures.splice(this.failures.indexOf(firing), 1);
      throw new FakeOfficeError(
        firing.code,
        `Injected failure of command ${index} (${command.kind}).`,
        `${command.kind}#${index}`,
      );
    }
    command.run();
  }

  /** Records a loaded answer; it becomes visible only if the whole answer fits the limit. */
  answer(value: unknown, commit: () => void): void {
    this.answerBytes += bytesOf(value);
    this.staged.push(commit);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const commands = this.queue;
    this.queue = [];
    this.answerBytes = 0;
    this.staged = [];
    const bytes = commands.reduce((sum, command) => sum + command.bytes, 0);
    this.requestSizes.push(bytes);
    await Promise.resolve();
    if (commands.length > 0 && this.options.cellEditMode === true) {
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    if (bytes > (this.options.requestLimit ?? 5 * 1024 * 1024)) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    }
    for (const command of commands) this.runCommand(command);
    if (this.answerBytes > (this.options.responseLimit ?? 5 * 1024 * 1024)) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.answerBytes} bytes).`,
      );
    }
    for (const commit of this.staged) commit();
    this.staged = [];
  }

  cellResult(sheet: FakeSheet, row: number, column: number): { value: FakeScalar | null; error?: string } {
    const cell = sheet.cell(row, column);
    if (cell === undefined) return { value: null };
    if (cell.error !== undefined) return { value: null, error: cell.error };
    if (cell.formula === undefined) return { value: cell.value };
    const result = this.options.evaluate?.(cell.formula, sheet, row, column) ?? null;
    if (result !== null && typeof result === "object") return { value: null, error: result.error };
    return { value: result };
  }
}

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

type LoadArgument = string | string[] | { select?: string } | undefined;

function loadList(argument: LoadArgument): string[] {
  const text =
    argument === undefined
      ? ""
      : typeof argument === "string"
        ? argument
        : Array.isArray(argument)
          ? argument.join(",")
          : (argument.select ?? "");
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Base of every proxy: loads are answered at sync; reads need a load and a sync first. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly fake: FakeExcel) {}

  load(properties?: LoadArgument): this {
    const list = loadList(properties);
    this.fake.enqueue(
      bytesOf(list),
      () => {
        const present = this.exists();
        const answer = new Map<string, unknown>([["isNullObject", !present]]);
        if (present) for (const property of list) answer.set(property, this.current(property));
        this.fake.answer([...answer.values()], () => {
          for (const [key, value] of answer) this.loaded.set(key, value);
        });
      },
      "load",
    );
    return this;
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Queues a command. */
  protected command(bytes: number, run: () => void, kind: FakeCommandKind): void {
    this.fake.enqueue(bytes, run, kind);
  }

  /** Whether the object exists (for *OrNullObject proxies); evaluated at sync. */
  protected exists(): boolean {
    return true;
  }

  /** A property's current value in the document; evaluated at sync. */
  protected abstract current(property: string): unknown;
}

class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(private readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(fake);
    this.application = new FakeApplication(fake);
  }

  sync(): Promise<void> {
    return this.fake.sync();
  }
}

class FakeApplication {
  constructor(private readonly fake: FakeExcel) {}

  suspendApiCalculationUntilNextSync(): void {
    this.fake.enqueue(
      0,
      () => {
        this.fake.suspended.calculation++;
      },
      "suspend",
    );
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.fake.enqueue(
      0,
      () => {
        this.fake.suspended.screenUpdating++;
      },
      "suspend",
    );
  }
}

class FakeWorkbookProxy extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;

  constructor(fake: FakeExcel) {
    super(fake);
    this.worksheets = new FakeWorksheetCollection(fake);
    this.settings = new FakeSettingCollection(fake);
  }

  get name(): string {
    return this.read("name");
  }

  protected current(property: string): unknown {
    if (property === "name") return this.fake.workbook.name;
    throw new FakeOfficeError("InvalidArgument", `workbook.${property} is not in the fake`);
  }
}

/** `workbook.settings`: `add` (sets or replaces) and `getItemOrNullObject`. */
class FakeSettingCollection {
  constructor(private readonly fake: FakeExcel) {}

  add(key: string, value: unknown): void {
    const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
    this.fake.enqueue(bytesOf([key, value]), () => this.fake.workbook.settings.set(key, copy), "setting");
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.fake, key);
  }
}

class FakeSetting extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly key: string,
  ) {
    super(fake);
  }

  get value(): unknown {
    return this.read("value");
  }

  protected override exists(): boolean {
    return this.fake.workbook.settings.has(this.key);
  }

  protected current(property: string): unknown {
    if (property === "value") return this.fake.workbook.settings.get(this.key);
    throw new FakeOfficeError("InvalidArgument", `setting.${property} is not in the fake`);
  }
}

class FakeWorksheetCollection extends FakeProxy {
  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  override load(properties?: LoadArgument): this {
    const list = loadList(properties).map((part) => part.replace(/^items\//, ""));
    this.fake.enqueue(
      bytesOf(list),
      () => {
        const items = this.fake.workbook.sheets.map((sheet) => new FakeWorksheet(this.fake, () => sheet, list));
        this.fake.answer(
          items.map(() => list),
          () => {
            this.loaded.set("items", items);
            this.loaded.set("isNullObject", false);
          },
        );
      },
      "load",
    );
    return this;
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const proxy = new FakeWorksheet(this.fake, () => {
      if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "sheet used before it was added");
      return created;
    });
    this.fake.enqueue(
      bytesOf(name),
      () => {
        const workbook = this.fake.workbook;
        if (workbook.sheet(name) !== undefined)
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
        checkSheetName(name);
        created = workbook.addSheet(name);
      },
      "addSheet",
    );
    return proxy;
  }

  /** The active sheet (resolved when the command runs). */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.workbook.active);
  }

  /** By name or by id, as Office.js. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => {
      const sheet = this.byKey(key);
      if (sheet === undefined) throw new FakeOfficeError("ItemNotFound", `The sheet ${key} does not exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.byKey(key), [], true);
  }

  private byKey(key: string): FakeSheet | undefined {
    return this.fake.workbook.sheet(key) ?? this.fake.workbook.sheets.find((sheet) => sheet.id === key);
  }

  protected current(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `worksheets.${property} is not in the fake`);
  }
}

class FakeWorksheet extends FakeProxy {
  private bound: FakeSheet | undefined;
  readonly freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: FakeRange | string): void;
  };
  readonly autoFilter: { apply(range: FakeRange | string): void };
  readonly pageLayout: {
    orientation: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows(rows: string): void;
    setPrintArea(area: FakeRange | string): void;
    readonly headersFooters: { readonly defaultForAllPages: Partial<Record<FakeHeaderFooterProperty, string>> };
  };
  readonly protection: FakeWorksheetProtection;

  constructor(
    fake: FakeExcel,
    private readonly resolver: () => FakeSheet | undefined,
    preloaded: readonly string[] = [],
    private readonly nullable = false,
  ) {
    super(fake);
    if (preloaded.length > 0) {
      // items of a loaded collection: their properties were loaded with the collection
      const sheet = resolver();
      if (sheet !== undefined)
        for (const property of preloaded) this.loaded.set(property, this.propertyOf(sheet, property));
      this.bound = sheet;
    }
    const sheet = (): FakeSheet => this.target();
    this.protection = new FakeWorksheetProtection(fake, sheet);
    this.freezePanes = {
      freezeRows: (count) => {
        this.command(
          8,
          () => {
            sheet().frozen = { rows: count, columns: 0 };
          },
          "freezePanes",
        );
      },
      freezeColumns: (count) => {
        this.command(
          8,
          () => {
            sheet().frozen = { rows: 0, columns: count };
          },
          "freezePanes",
        );
      },
      freezeAt: (range) => {
        this.command(
          16,
          () => {
            const rect = typeof range === "string" ? parseRange(range) : range.rect();
            sheet().frozen = { rows: rect.bottom, columns: rect.right };
          },
          "freezePanes",
        );
      },
    };
    this.autoFilter = {
      apply: (range) => {
        this.command(
          16,
          () => {
            const rect = typeof range === "string" ? parseRange(range) : range.rect();
            // allowAutoFilter lets users filter with the buttons there are; it adds none
            sheet().checkEdit("objects");
            sheet().autoFilter = rectAddress(rect);
          },
          "autoFilter",
        );
      },
    };
    const layout: { orientation: string; zoom: FakePageLayout["zoom"] & object } = { orientation: "", zoom: {} };
    const defaultForAllPages: Partial<Record<FakeHeaderFooterProperty, string>> = {};
    for (const property of HEADER_FOOTER_PROPERTIES) {
      Object.defineProperty(defaultForAllPages, property, {
        enumerable: true,
        get: () => undefined,
        set: (value: string) => {
          // Excel refuses a header or footer over 255 characters
          if (value.length > 255) throw new FakeOfficeError("InvalidArgument", `${property} is too long.`);
          fakeCommand(
            fake,
            bytesOf(value),
            () => {
              const page = sheet().pageLayout;
              page.headersFooters = { ...page.headersFooters, [property]: value };
            },
            "pageLayout",
          );
        },
      });
    }
    this.pageLayout = {
      get orientation() {
        return layout.orientation;
      },
      set orientation(value: string) {
        layout.orientation = value;
        fakeCommand(
          fake,
          12,
          () => {
            sheet().pageLayout.orientation = value;
          },
          "pageLayout",
        );
      },
      get zoom() {
        return layout.zoom;
      },
      set zoom(value) {
        layout.zoom = { ...value };
        fakeCommand(
          fake,
          24,
          () => {
            sheet().pageLayout.zoom = { ...value };
          },
          "pageLayout",
        );
      },
      setPrintTitleRows: (rows) => {
        this.command(
          bytesOf(rows),
          () => {
            sheet().pageLayout.printTitleRows = rows;
          },
          "pageLayout",
        );
      },
      setPrintArea: (area) => {
        this.command(
          16,
          () => {
            const rect = typeof area === "string" ? parseRange(area) : area.rect();
            sheet().pageLayout.printArea = rectAddress(rect);
          },
          "pageLayout",
        );
      },
      headersFooters: { defaultForAllPages },
    };
  }

  /** The sheet in the document (resolved once, at the first sync that uses it). */
  target(): FakeSheet {
    if (this.bound !== undefined) return this.bound;
    const sheet = this.resolver();
    if (sheet === undefined) throw new FakeOfficeError("ItemNotFound", "The requested sheet does not exist.");
    this.bound = sheet;
    return sheet;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    return (this.bound ?? this.resolver()) !== undefined;
  }

  private propertyOf(sheet: FakeSheet, property: string): unknown {
    switch (property) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.fake.workbook.sheets.indexOf(sheet);
      default:
        throw new FakeOfficeError("InvalidArgument", `worksheet.${property} is not in the fake`);
    }
  }

  protected current(property: string): unknown {
    return this.propertyOf(this.target(), property);
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.command(
      bytesOf(value),
      () => {
        this.fake.workbook.renameSheet(this.target(), value);
      },
      "renameSheet",
    );
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.command(
      bytesOf(value),
      () => {
        const sheet = this.target();
        if (
          value !== "Visible" &&
          this.fake.workbook.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
        ) {
          throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        }
        sheet.visibility = value;
        if (value !== "Visible" && this.fake.workbook.active === sheet)
          this.fake.workbook.active = this.fake.workbook.sheets.find((s) => s.visibility === "Visible");
      },
      "visibility",
    );
  }

  activate(): void {
    this.command(
      0,
      () => {
        const sheet = this.target();
        if (sheet.visibility !== "Visible")
          throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
        this.fake.workbook.active = sheet;
      },
      "activate",
    );
  }

  delete(): void {
    this.command(
      0,
      () => {
        this.fake.workbook.deleteSheet(this.target());
      },
      "deleteSheet",
    );
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.fake, this, () =>
      address === undefined ? { top: 1, left: 1, bottom: FAKE_MAX_ROWS, right: FAKE_MAX_COLUMNS } : parseRange(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.fake, this, () => ({
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.fake, this, () => usedRect(this.target(), valuesOnly), true);
  }
}

/** `worksheet.protection`: protect, unprotect, and the loadable `protected` and `options`. */
class FakeWorksheetProtection extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly sheet: () => FakeSheet,
  ) {
    super(fake);
  }

  protected current(property: string): unknown {
    const protection = this.sheet().protection;
    switch (property) {
      case "protected":
        return protection !== undefined;
      case "options":
        return { ...(protection?.options ?? {}) };
      default:
        throw new FakeOfficeError("InvalidArgument", `protection.${property} is not in the fake`);
    }
  }

  get protected(): boolean {
    return this.read("protected");
  }

  get options(): Readonly<Record<string, unknown>> {
    return this.read("options");
  }

  protect(options?: Readonly<Record<string, unknown>>, password?: string): void {
    this.command(
      bytesOf([options ?? null, password ?? null]),
      () => {
        const sheet = this.sheet();
        if (sheet.protection !== undefined)
          throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation (already protected).");
        sheet.protection = {
          options: structuredClone(options ?? {}),
          ...(password === undefined || password === "" ? {} : { password }),
        };
      },
      "protect",
    );
  }

  unprotect(password?: string): void {
    this.command(
      bytesOf(password ?? null),
      () => {
        const sheet = this.sheet();
        const expected = sheet.protection?.password;
        if (expected !== undefined && expected !== password)
          throw new FakeOfficeError("AccessDenied", "The password you supplied is not correct.");
        sheet.protection = undefined;
      },
      "unprotect",
    );
  }
}

function fakeCommand(fake: FakeExcel, bytes: number, run: () => void, kind: FakeCommandKind): void {
  fake.enqueue(bytes, run, kind);
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [row, line] of sheet.rows) {
    for (const [column, cell] of line) {
      const counts =
        cell.value !== null || cell.formula !== undefined || cell.error !== undefined || (!valuesOnly && cell.touched);
      if (!counts) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    }
  }
  // merged cells are formatted cells: they belong to the used range, not to the values-only one
  if (!valuesOnly) {
    for (const merge of sheet.merges) {
      const area = parseRange(merge);
      top = Math.min(top, area.top);
      bottom = Math.max(bottom, area.bottom);
      left = Math.min(left, area.left);
      right = Math.max(right, area.right);
    }
  }
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Stores typed input into a cell the way Excel parses it. */
function storeInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.touched = true;
  delete cell.formula;
  delete cell.error;
  if (input === "") {
    cell.value = null;
    return;
  }
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  if (NUMBER.test(text)) {
    cell.value = Number(text);
    return;
  }
  if (/^[=+\-@]/.test(text) && text.length > 1) {
    cell.value = null;
    cell.formula = text.startsWith("=") ? text.slice(1) : text;
    return;
  }
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    return;
  }
  const date = ISO_DATE.exec(text);
  if (date) {
    cell.value = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
    if (cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
    return;
  }
  if (/^(TRUE|FALSE)$/i.test(text)) {
    cell.value = text.toUpperCase() === "TRUE";
    return;
  }
  cell.value = text;
}

function checkShape(rect: Rect, grid: unknown): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((line) => !Array.isArray(line) || line.length !== columns)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return grid as unknown[][];
}

class FakeRange extends FakeProxy {
  /** Office.js releases the range's reference after the request; nothing to do in the fake. */
  untrack(): this {
    return this;
  }

  private bound: Rect | null | undefined;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: { add(type: string): FakeConditionalFormatProxy };

  constructor(
    fake: FakeExcel,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => Rect | undefined,
    private readonly nullable = false,
  ) {
    super(fake);
    this.format = new FakeRangeFormat(fake, this);
    this.dataValidation = new FakeDataValidation(this);
    this.conditionalFormats = {
      add: (type) => {
        const proxy = new FakeConditionalFormatProxy(fake);
        this.command(
          bytesOf(type),
          () => {
            this.sheet.target().checkEdit("objects");
            const record: FakeConditionalFormat = { address: rectAddress(this.rect()), type };
            this.sheet.target().conditionalFormats.push(record);
            proxy.record = record;
          },
          "conditionalFormat",
        );
        return proxy;
      },
    };
  }

  /** The rectangle in the document (resolved once, at the first sync that uses it). */
  rect(): Rect {
    if (this.bound === undefined) this.bound = this.resolver() ?? null;
    if (this.bound === null) throw new FakeOfficeError("ItemNotFound", "The range does not exist (null object).");
    return this.bound;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    if (this.bound === undefined) this.bound = this.resolver() ?? null;
    return this.bound !== null;
  }

  private grid<T>(visit: (sheet: FakeSheet, row: number, column: number) => T): T[][] {
    const rect = this.rect();
    const sheet = this.sheet.target();
    const out: T[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: T[] = [];
      for (let column = rect.left; column <= rect.right; column++) line.push(visit(sheet, row, column));
      out.push(line);
    }
    return out;
  }

  /** Excel answers `values = null` (and the other grids) for a range above 5 million cells. */
  private aboveValuesLimit(): boolean {
    const rect = this.rect();
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    return cells > (this.fake.options.valuesCellLimit ?? FAKE_MAX_VALUES_CELLS);
  }

  protected current(property: string): unknown {
    const rect = this.rect();
    switch (property) {
      case "address":
        return `${quotedSheet(this.sheet.target().name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        if (this.aboveValuesLimit()) return null;
        return this.grid((sheet, row, column) => {
          const { value, error } = this.fake.cellResult(sheet, row, column);
          return error ?? value ?? "";
        });
      case "formulas":
        if (this.aboveValuesLimit()) return null;
        return this.grid((sheet, row, column) => {
          const cell = sheet.cell(row, column);
          if (cell?.formula !== undefined) return `=${cell.formula}`;
          return cell?.error ?? cell?.value ?? "";
        });
      case "valueTypes":
        if (this.aboveValuesLimit()) return null;
        return this.grid((sheet, row, column) => {
          const { value, error } = this.fake.cellResult(sheet, row, column);
          if (error !== undefined) return "Error";
          if (value === null || value === "") return value === "" ? "String" : "Empty";
          return typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
        });
      case "numberFormat":
        if (this.aboveValuesLimit()) return null;
        return this.grid((sheet, row, column) => sheet.cell(row, column)?.numberFormat ?? "General");
      default:
        throw new FakeOfficeError("InvalidArgument", `range.${property} is not in the fake`);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.writeInput(grid, "values");
  }

  /** `values` and `formulas` alike: Excel parses formulas input like values input. */
  private writeInput(grid: unknown[][], kind: "values" | "formulas"): void {
    this.command(
      bytesOf(grid),
      () => {
        const rect = this.rect();
        const input = checkShape(rect, grid);
        const sheet = this.sheet.target();
        sheet.checkEdit("cells", rect);
        forEachCell(rect, (row, column) => {
          const value = input[row - rect.top]?.[column - rect.left];
          if (value !== null && value !== undefined) storeInput(sheet.ensure(row, column), value);
        });
      },
      kind,
    );
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeInput(grid, "formulas");
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.command(
      bytesOf(grid),
      () => {
        const rect = this.rect();
        const input = checkShape(rect, grid);
        const sheet = this.sheet.target();
        sheet.checkEdit("formatCells");
        forEachCell(rect, (row, column) => {
          const format = input[row - rect.top]?.[column - rect.left];
          if (format === null || format === undefined) return;
          const cell = sheet.ensure(row, column);
          cell.touched = true;
          cell.numberFormat = format === "" ? "General" : String(format);
        });
      },
      "numberFormat",
    );
  }

  copyFrom(source: FakeRange | string, copyType = "All", skipBlanks = false, transpose = false): void {
    this.command(
      bytesOf([typeof source === "string" ? source : "range", copyType]),
      () => {
        if (copyType !== "Formulas" && copyType !== "Values")
          throw new FakeOfficeError("NotImplemented", `copyFrom ${copyType} is not in the fake`);
        if (transpose) throw new FakeOfficeError("NotImplemented", "transpose is not in the fake");
        const from = typeof source === "string" ? parseRange(source) : source.rect();
        const fromSheet = typeof source === "string" ? this.sheet.target() : source.sheet.target();
        const rect = this.rect();
        const sheet = this.sheet.target();
        sheet.checkEdit("cells", rect);
        const height = from.bottom - from.top + 1;
        const width = from.right - from.left + 1;
        forEachCell(rect, (row, column) => {
          const sourceRow = from.top + ((row - rect.top) % height);
          const sourceColumn = from.left + ((column - rect.left) % width);
          const original = fromSheet.cell(sourceRow, sourceColumn);
          if (original === undefined || (original.value === null && original.formula === undefined)) {
            if (!skipBlanks) storeInput(sheet.ensure(row, column), "");
            return;
          }
          const target = sheet.ensure(row, column);
          target.touched = true;
          delete target.error;
          if (original.formula !== undefined && copyType === "Formulas") {
            target.value = null;
            target.formula = shiftFormula(original.formula, row - sourceRow, column - sourceColumn);
          } else {
            delete target.formula;
            target.value =
              original.formula === undefined
                ? original.value
                : this.fake.cellResult(fromSheet, sourceRow, sourceColumn).value;
          }
        });
      },
      "copyFrom",
    );
  }

  merge(across = false): void {
    this.command(
      4,
      () => {
        if (across) throw new FakeOfficeError("NotImplemented", "merge across is not in the fake");
        this.sheet.target().checkEdit("objects");
        this.sheet.target().merges.push(rectAddress(this.rect()));
      },
      "merge",
    );
  }

  select(): void {
    this.command(
      0,
      () => {
        const sheet = this.sheet.target();
        if (this.fake.workbook.active !== sheet)
          throw new FakeOfficeError("InvalidSelection", "Select works on the active sheet only.");
        this.fake.workbook.selection = { sheet: sheet.name, address: rectAddress(this.rect()) };
      },
      "select",
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.fake, this);
  }

  /** Runs `visit` on every cell of the range (creating cells), for format commands. */
  eachCell(visit: (cell: FakeCell, row: number, column: number, rect: Rect) => void): void {
    const rect = this.rect();
    const sheet = this.sheet.target();
    sheet.checkEdit("formatCells");
    forEachCell(rect, (row, column) => {
      const cell = sheet.ensure(row, column);
      cell.touched = true;
      visit(cell, row, column, rect);
    });
  }

  /** Every existing cell of the range (for reading formats). */
  existingCells(): (FakeCell | undefined)[] {
    const rect = this.rect();
    const sheet = this.sheet.target();
    const cells: (FakeCell | undefined)[] = [];
    forEachCell(rect, (row, column) => cells.push(sheet.cell(row, column)));
    return cells;
  }

  queue(bytes: number, run: () => void, kind: FakeCommandKind = "format"): void {
    this.command(bytes, run, kind);
  }
}

class FakeRangeAreas extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly range: FakeRange,
  ) {
    super(fake);
  }

  /**
   * The merged areas whose top-left cell lies in the range, whole (as Excel answers, office-js
   * issue 3611); above 512 Excel fails to answer (the code is not documented: GeneralException).
   */
  private areas(): string[] {
    const rect = this.range.rect();
    const areas = this.range.sheet.target().merges.filter((merge) => {
      const area = parseRange(merge);
      return area.top >= rect.top && area.top <= rect.bottom && area.left >= rect.left && area.left <= rect.right;
    });
    if (areas.length > FAKE_MAX_MERGED_AREAS)
      throw new FakeOfficeError(
        "GeneralException",
        `There are more than ${FAKE_MAX_MERGED_AREAS} merged areas in the range (${areas.length}).`,
      );
    return areas;
  }

  protected override exists(): boolean {
    return this.areas().length > 0;
  }

  protected current(property: string): unknown {
    if (property !== "address")
      throw new FakeOfficeError("InvalidArgument", `rangeAreas.${property} is not in the fake`);
    const sheet = quotedSheet(this.range.sheet.target().name);
    return this.areas()
      .map((area) => `${sheet}!${area}`)
      .join(", ");
  }

  get address(): string {
    return this.read("address");
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: Record<"name" | "size" | "bold" | "italic" | "color", unknown>;
  readonly borders: { getItem(edge: string): Record<"style" | "weight" | "color", unknown> };
  readonly protection: { locked: boolean };

  constructor(
    fake: FakeExcel,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(fake, range);
    this.font = setterObject(["name", "size", "bold", "italic", "color"], (property, value) => {
      range.queue(bytesOf(value), () =>
        range.eachCell((cell) => Object.assign(cell.format.font, { [property]: value })),
      );
    });
    this.borders = {
      getItem: (edge) =>
        setterObject(["style", "weight", "color"], (property, value) => {
          if (property !== "color") return;
          range.queue(bytesOf(value), () =>
            range.eachCell((cell, row, column, rect) => setBorder(cell, edge, String(value), row, column, rect)),
          );
        }),
    };
    this.protection = setterObject(["locked"], (_, value) => {
      range.queue(4, () => range.eachCell((cell) => (cell.format.locked = value === true)));
    }) as unknown as { locked: boolean };
  }

  set horizontalAlignment(value: string) {
    this.range.queue(bytesOf(value), () => this.range.eachCell((cell) => (cell.format.horizontal = value)));
  }
  set verticalAlignment(value: string) {
    this.range.queue(bytesOf(value), () => this.range.eachCell((cell) => (cell.format.vertical = value)));
  }
  set wrapText(value: boolean) {
    this.range.queue(4, () => this.range.eachCell((cell) => (cell.format.wrapText = value)));
  }
  set columnWidth(points: number) {
    this.range.queue(8, () => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.target();
      sheet.checkEdit("formatColumns");
      for (let column = rect.left; column <= rect.right; column++) sheet.columnWidths.set(column, points);
    });
  }
  set rowHeight(points: number) {
    this.range.queue(8, () => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.target();
      sheet.checkEdit("formatRows");
      for (let row = rect.top; row <= rect.bottom; row++) sheet.rowHeights.set(row, points);
    });
  }
}

/** An object whose listed properties queue a command when set (and cannot be read). */
function setterObject<K extends string>(
  properties: readonly K[],
  onSet: (property: K, value: unknown) => void,
): Record<K, unknown> {
  const target = {} as Record<K, unknown>;
  for (const property of properties) {
    Object.defineProperty(target, property, {
      enumerable: true,
      get: () => {
        throw notLoaded(property);
      },
      set: (value: unknown) => onSet(property, value),
    });
  }
  return target;
}

function setBorder(cell: FakeCell, edge: string, color: string, row: number, column: number, rect: Rect): void {
  const borders = cell.format.borders;
  switch (edge) {
    case "EdgeTop":
      if (row === rect.top) borders.top = color;
      break;
    case "EdgeBottom":
      if (row === rect.bottom) borders.bottom = color;
      break;
    case "EdgeLeft":
      if (column === rect.left) borders.left = color;
      break;
    case "EdgeRight":
      if (column === rect.right) borders.right = color;
      break;
    case "InsideHorizontal":
      if (row > rect.top) borders.top = color;
      if (row < rect.bottom) borders.bottom = color;
      break;
    case "InsideVertical":
      if (column > rect.left) borders.left = color;
      if (column < rect.right) borders.right = color;
      break;
    default:
      throw new FakeOfficeError("NotImplemented", `border ${edge} is not in the fake`);
  }
}

class FakeRangeFill extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly range: FakeRange,
  ) {
    super(fake);
  }

  protected current(property: string): unknown {
    const fills = this.range.existingCells().map((cell) => cell?.format.fill);
    const first = fills[0];
    const uniform = fills.every((fill) => fill === first);
    switch (property) {
      case "color":
        return uniform ? (first ?? "#FFFFFF") : null;
      case "pattern":
        return uniform ? (first === undefined ? "None" : "Solid") : null;
      default:
        throw new FakeOfficeError("InvalidArgument", `fill.${property} is not in the fake`);
    }
  }

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.range.queue(bytesOf(value), () => this.range.eachCell((cell) => (cell.format.fill = value.toUpperCase())));
  }

  get pattern(): string {
    return this.read("pattern");
  }

  clear(): void {
    this.range.queue(0, () =>
      this.range.eachCell((cell) => {
        delete cell.format.fill;
      }),
    );
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}

  private set(field: "rule" | "errorAlert" | "prompt" | "ignoreBlanks", value: unknown): void {
    this.range.queue(
      bytesOf(value),
      () => {
        this.range.sheet.target().checkEdit("objects");
        const address = rectAddress(this.range.rect());
        const validations = this.range.sheet.target().validations;
        let record = validations.find((v) => v.address === address);
        if (record === undefined) {
          record = { address };
          validations.push(record);
        }
        (record as unknown as Record<string, unknown>)[field] = structuredClone(value);
      },
      "dataValidation",
    );
  }

  set rule(value: unknown) {
    this.set("rule", value);
  }
  set errorAlert(value: unknown) {
    this.set("errorAlert", value);
  }
  set prompt(value: unknown) {
    this.set("prompt", value);
  }
  set ignoreBlanks(value: boolean) {
    this.set("ignoreBlanks", value);
  }
}

/** Criterion types Office.js accepts in a colour scale, and whether they need a `formula`. */
const COLOR_CRITERION_TYPES: ReadonlyMap<string, boolean> = new Map([
  ["LowestValue", false],
  ["HighestValue", false],
  ["Number", true],
  ["Percent", true],
  ["Percentile", true],
  ["Formula", true],
]);

/** Throws as Excel does for colour-scale criteria it cannot take (missing stop, bad type or colour). */
function checkColorScaleCriteria(criteria: unknown): void {
  const invalid = (detail: string): never => {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: ${detail}`);
  };
  if (typeof criteria !== "object" || criteria === null) return invalid("criteria");
  const stops = criteria as Record<string, unknown>;
  for (const name of ["minimum", "midpoint", "maximum"]) {
    const stop = stops[name] as { type?: unknown; color?: unknown; formula?: unknown } | undefined;
    if (stop === undefined) {
      if (name === "midpoint") continue;
      invalid(name);
    }
    const needsFormula = COLOR_CRITERION_TYPES.get(String(stop?.type));
    if (needsFormula === undefined) invalid(`${name}.type`);
    if (needsFormula && typeof stop?.formula !== "string") invalid(`${name}.formula`);
    if (typeof stop?.color !== "string" || !/^#[0-9A-F]{6}$/i.test(stop.color)) invalid(`${name}.color`);
  }
}

class FakeConditionalFormatProxy {
  record: FakeConditionalFormat | undefined;
  readonly cellValue: { rule: unknown; format: { fill: { color: string }; font: { color: string } } };
  readonly colorScale: { criteria: unknown };

  constructor(fake: FakeExcel) {
    const update = (change: (record: FakeConditionalFormat) => void, value: unknown): void => {
      fake.enqueue(
        bytesOf(value),
        () => {
          if (this.record === undefined)
            throw new FakeOfficeError("InvalidObjectPath", "conditional format used before it was added");
          change(this.record);
        },
        "conditionalFormat",
      );
    };
    this.colorScale = {
      set criteria(value: unknown) {
        update((record) => {
          if (record.type !== "ColorScale")
            throw new FakeOfficeError("InvalidArgument", `a ${record.type} conditional format has no colour scale`);
          checkColorScaleCriteria(value);
          record.criteria = structuredClone(value);
        }, value);
      },
      get criteria(): unknown {
        throw notLoaded("criteria");
      },
    };
    this.cellValue = {
      set rule(value: unknown) {
        update((record) => (record.rule = structuredClone(value)), value);
      },
      get rule(): unknown {
        throw notLoaded("rule");
      },
      format: {
        fill: setterObject(["color"], (_, value) => update((record) => (record.fill = String(value)), value)) as {
          color: string;
        },
        font: setterObject(["color"], (_, value) => update((record) => (record.fontColor = String(value)), value)) as {
          color: string;
        },
      },
    };
  }
}

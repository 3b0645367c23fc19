/**
 * Evaluates parsed formulas (lib/formulas/parseFormula.ts) with the semantics of Excel and
 * LibreOffice, for exactly the functions of lib/formulas/compatibleFunctions.ts. Used to store
 * each formula's result in the files ikz-kit writes (docs/decisions/0013).
 *
 * Values: numbers, text, booleans, {@link CellError}s and `null` for an empty cell. Empty is 0 in
 * arithmetic, "" in text, and equal to both 0 and ""; a formula's own result is never empty
 * (`=A1` of an empty cell is 0). Text compares case-insensitively. Errors propagate through
 * operators and most functions; IFERROR and ISERROR catch them. Inside SUMPRODUCT, references
 * are arrays and operators and one-value functions work element by element.
 *
 * What cannot be known when the file is written (an unknown function, a circular reference)
 * throws {@link UnknowableResult}; the cell then gets no stored result.
 */
import { approxAdd, approxEqual, approxFloor, approxSub, numberToText, roundDecimal } from "./excelNumbers.js";
import type { FormulaNode } from "./parseFormula.js";
import { MAX_COLUMN, MAX_ROW } from "./parseFormula.js";

/** An error value such as `#N/A`. */
export interface CellError {
  readonly error: string;
}

export type Scalar = number | string | boolean | CellError | null;

const errors = new Map<string, CellError>();
/** The one error object per code (compare with `===` or by `.error`). */
export function cellError(code: string): CellError {
  let e = errors.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    errors.set(code, e);
  }
  return e;
}
const NA = cellError("#N/A");
const VALUE = cellError("#VALUE!");
const DIV0 = cellError("#DIV/0!");
const REF = cellError("#REF!");
const NUM = cellError("#NUM!");
const NAME = cellError("#NAME?");

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

/** Thrown when a result cannot be known when the file is written. */
export class UnknowableResult extends Error {}

/** The cells a formula can reach. */
export interface SheetCells {
  readonly index: number;
  /** The value of a cell (a formula cell's result, evaluated on demand); `null` when empty. */
  value(row: number, column: number): Scalar;
  /** Last row and column that hold anything. */
  readonly lastRow: number;
  readonly lastColumn: number;
}

export interface WorkbookCells {
  sheet(name: string): SheetCells | undefined;
  /** Whether a formula text for numbers in `&` uses `,` (German) or `.`. */
  readonly decimalSeparator: string;
}

interface Range {
  readonly kind: "range";
  readonly sheet: SheetCells;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface ArrayValue {
  readonly kind: "array";
  readonly rows: number;
  readonly columns: number;
  readonly data: readonly Scalar[];
}

type Value = Scalar | Range | ArrayValue;

const isRange = (v: Value): v is Range => typeof v === "object" && v !== null && (v as Range).kind === "range";
const isArray = (v: Value): v is ArrayValue =>
  typeof v === "object" && v !== null && (v as ArrayValue).kind === "array";

/** Where a formula is evaluated. */
export interface EvaluationSite {
  readonly sheet: SheetCells;
  readonly row: number;
  readonly column: number;
}

/** Caches shared by every formula of one workbook: range values and their indexes. */
export class RangeCache {
  private readonly values = new Map<string, Scalar[]>();
  private readonly sorted = new Map<string, Float64Array>();
  readonly criteria = new Map<string, number>();

  static key(range: Range): string {
    return `${range.sheet.index}:${range.top}:${range.left}:${range.bottom}:${range.right}`;
  }

  /** The values of a range, row by row (cached for ranges of more than 16 cells). */
  valuesOf(range: Range): Scalar[] {
    const big = (range.bottom - range.top + 1) * (range.right - range.left + 1) > 16;
    const key = big ? RangeCache.key(range) : "";
    if (big) {
      const cached = this.values.get(key);
      if (cached) return cached;
    }
    const out: Scalar[] = [];
    const lastRow = Math.min(range.bottom, range.sheet.lastRow);
    const lastColumn = Math.min(range.right, range.sheet.lastColumn);
    const width = range.right - range.left + 1;
    const height = range.bottom - range.top + 1;
    if (height * width > 4_000_000) throw new UnknowableResult("range too large");
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        out.push(r <= lastRow && c <= lastColumn ? range.sheet.value(r, c) : null);
      }
    }
    if (big) this.values.set(key, out);
    return out;
  }

  /** The numbers of a range, sorted ascending (for RANK). */
  sortedNumbers(range: Range): Float64Array {
    const key = RangeCache.key(range);
    let found = this.sorted.get(key);
    if (!found) {
      const numbers = this.valuesOf(range).filter((v): v is number => typeof v === "number");
      found = Float64Array.from(numbers).sort();
      this.sorted.set(key, found);
    }
    return found;
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions

function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) return undefined;
  const n = Number(body);
  return percent ? n / 100 : n;
}

function toNumber(v: Scalar): number | CellError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNumber(v) ?? VALUE;
  return v;
}

function toText(v: Scalar, separator: string): string | CellError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "number") return numberToText(v, separator);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

function toBoolean(v: Scalar): boolean | CellError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (typeof v === "string") {
    const upper = v.toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    return VALUE;
  }
  return v;
}

/** -1, 0, 1 like Excel: numbers < text < booleans; empty is 0, "" or FALSE next to the other side. */
function compare(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return approxEqual(a, b) ? 0 : a < b ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a === false ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Criteria (COUNTIF, COUNTIFS, SUMIF, SUMIFS)

type Matcher = (v: Scalar) => boolean;

const wildcardPatterns = new Map<string, RegExp>();
function wildcardRegExp(text: string): RegExp {
  let found = wildcardPatterns.get(text);
  if (!found) {
    let source = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (ch === "~" && i + 1 < text.length && "*?~".includes(text[i + 1] as string)) {
        source += `\\${text[++i] as string}`;
      } else if (ch === "*") source += "[\\s\\S]*";
      else if (ch === "?") source += "[\\s\\S]";
      else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    found = new RegExp(`^${source}$`, "i");
    wildcardPatterns.set(text, found);
  }
  return found;
}

function criterionMatcher(criterion: Scalar): Matcher | CellError {
  if (isCellError(criterion)) return criterion;
  if (typeof criterion === "number") return (v) => typeof v === "number" && approxEqual(v, criterion);
  if (typeof criterion === "boolean") return (v) => v === criterion;
  const text = criterion ?? "";
  const op = /^(<=|>=|<>|<|>|=)/.exec(text)?.[1] ?? "";
  const operand = text.slice(op.length);
  const number = parseNumber(operand);
  if (number !== undefined) {
    switch (op) {
      case "":
      case "=":
        return (v) => typeof v === "number" && approxEqual(v, number);
      case "<>":
        return (v) => !(typeof v === "number" && approxEqual(v, number));
      default:
        return (v) => {
          if (typeof v !== "number") return false;
          const c = approxEqual(v, number) ? 0 : v < number ? -1 : 1;
          return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
        };
    }
  }
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    if (op === "" || op === "=") return (v) => v === b;
    if (op === "<>") return (v) => v !== b;
  }
  if (operand === "") {
    if (op === "") return (v) => v === null || v === "";
    if (op === "=") return (v) => v === null;
    if (op === "<>") return (v) => v !== null;
  }
  const wild = /[*?~]/.test(operand);
  const lower = operand.toLowerCase();
  const equals: Matcher = wild
    ? (v) => typeof v === "string" && wildcardRegExp(operand).test(v)
    : (v) => typeof v === "string" && v.toLowerCase() === lower;
  switch (op) {
    case "":
    case "=":
      return equals;
    case "<>":
      return (v) => !equals(v);
    default:
      return (v) => {
        if (typeof v !== "string") return false;
        const c = compare(v, operand);
        return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
      };
  }
}

// ---------------------------------------------------------------------------------------------
// The evaluator

/** Date parts of a 1900-system serial (serial 60 is the 29 Feb 1900 that never was). */
function dateParts(serial: number): { year: number; month: number; day: number } | CellError {
  if (serial < 0) return NUM;
  const whole = Math.floor(serial);
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole < 60 ? whole - 25_569 + 1 : whole - 25_569;
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dateSerial(year: number, month: number, day: number): number | CellError {
  let y = Math.trunc(year);
  if (y < 1900) y += 1900;
  if (y < 0 || y > 9999) return NUM;
  const time = Date.UTC(y, Math.trunc(month) - 1, 1) + (Math.trunc(day) - 1) * 86_400_000;
  let serial = time / 86_400_000 + 25_569;
  if (serial < 61) serial -= 1; // before the phantom 29 Feb 1900
  if (serial < 0) return NUM;
  return serial;
}

/** TEXT(value, format) for the format codes templates use (numbers, percent, dates). */
function formatText(value: number, format: string, separator: string): string | undefined {
  const thousands = separator === "," ? "." : ",";
  const upper = format.toUpperCase();
  if (upper === "@" || upper === "GENERAL") return numberToText(value, separator);
  const date = /^(D{1,2}|Y{2,4}|M{1,2})([.\-/])(D{1,2}|M{1,2}|Y{2,4})\2(D{1,2}|M{1,2}|Y{2,4})$/.exec(upper);
  if (date) {
    const parts = dateParts(value);
    if (isCellError(parts)) return undefined;
    const sep = date[2] as string;
    return [date[1], date[3], date[4]]
      .map((p) => {
        const code = p ?? "";
        if (code.startsWith("D")) return String(parts.day).padStart(code.length, "0");
        if (code.startsWith("M")) return String(parts.month).padStart(code.length, "0");
        return code.length === 2 ? String(parts.year % 100).padStart(2, "0") : String(parts.year);
      })
      .join(sep);
  }
  const number = /^(#,##)?(0+)(?:\.(0+))?(%?)$/.exec(format);
  if (number) {
    const places = number[3]?.length ?? 0;
    const scaled = number[4] === "%" ? value * 100 : value;
    const rounded = roundDecimal(scaled, places);
    const [whole = "0", fraction] = Math.abs(rounded).toFixed(places).split(".");
    const grouped = number[1]
      ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands)
      : whole.padStart(number[2]?.length ?? 1, "0");
    return `${rounded < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : separator + fraction}${number[4] ?? ""}`;
  }
  return undefined;
}

function unaryScalar(op: string, x: Scalar): Scalar {
  const n = toNumber(x);
  if (isCellError(n)) return n;
  return op === "-" ? -n : op === "%" ? n / 100 : n;
}

function binaryScalar(op: string, a: Scalar, b: Scalar, separator: string): Scalar {
  if (op === "&") {
    const x = toText(a, separator);
    if (isCellError(x)) return x;
    const y = toText(b, separator);
    if (isCellError(y)) return y;
    return x + y;
  }
  if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
    if (isCellError(a)) return a;
    if (isCellError(b)) return b;
    const c = compare(a, b);
    switch (op) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNumber(a);
  if (isCellError(x)) return x;
  const y = toNumber(b);
  if (isCellError(y)) return y;
  switch (op) {
    case "+":
      return approxAdd(x, y);
    case "-":
      return approxSub(x, y);
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    case "^": {
      if (x === 0 && y === 0) return NUM;
      if (x === 0 && y < 0) return DIV0;
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : NUM;
    }
    default:
      throw new UnknowableResult(`operator ${op}`);
  }
}

/** Functions whose result depends only on their arguments' values, ranges taken whole. */
const AGGREGATES: ReadonlySet<string> = new Set([
  "SUM",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "SUMIF",
  "SUMIFS",
  "MAX",
  "MIN",
  "AVERAGE",
  "SUMPRODUCT",
  "AND",
  "OR",
]);

const invariance = new WeakMap<FormulaNode, boolean>();

/**
 * Whether a node gives the same value in every row of its column: no reference with a relative
 * row, no ROW(), and ranges only as whole arguments of aggregates (never intersected with the row).
 */
function rowInvariant(node: FormulaNode): boolean {
  let known = invariance.get(node);
  if (known === undefined) {
    known = computeInvariance(node, false);
    invariance.set(node, known);
  }
  return known;
}

function computeInvariance(node: FormulaNode, rangeAllowed: boolean): boolean {
  switch (node.t) {
    case "number":
    case "string":
    case "boolean":
    case "error":
    case "missing":
      return true;
    case "ref": {
      if (!node.start.absoluteRow || !node.end.absoluteRow) return false;
      const single =
        node.start.row === node.end.row &&
        node.start.column === node.end.column &&
        node.start.absoluteColumn === node.end.absoluteColumn;
      return single || rangeAllowed;
    }
    case "unary":
      return computeInvariance(node.operand, false);
    case "binary":
      return computeInvariance(node.left, false) && computeInvariance(node.right, false);
    case "call":
      return AGGREGATES.has(node.name) && node.args.every((arg) => computeInvariance(arg, true));
  }
}

export class FormulaEvaluator {
  constructor(
    private readonly workbook: WorkbookCells,
    private readonly cache: RangeCache = new RangeCache(),
  ) {}

  /** The result of a formula tree at a site, as a cell stores it (never `null`, never an array). */
  evaluate(node: FormulaNode, site: EvaluationSite): Exclude<Scalar, null> {
    const value = this.scalar(this.eval(node, site, false), site);
    if (value === null || value === 0) return 0; // no -0 in a cell
    return value;
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Results of nodes that are the same in every row (see {@link rowInvariant}), by node and by
   * sheet, column and array mode: `SUM(Kriterien!$C$5:C$12)` in 50,000 rows is computed once.
   */
  private readonly invariantResults = new Map<FormulaNode, Map<string, Value>>();

  private eval(node: FormulaNode, site: EvaluationSite, arrays: boolean): Value {
    if ((node.t === "call" || node.t === "binary") && rowInvariant(node)) {
      let byPlace = this.invariantResults.get(node);
      if (!byPlace) {
        byPlace = new Map();
        this.invariantResults.set(node, byPlace);
      }
      const place = `${site.sheet.index}:${site.column}:${arrays ? 1 : 0}`;
      if (byPlace.has(place)) return byPlace.get(place) ?? null;
      const value = this.evalNode(node, site, arrays);
      byPlace.set(place, value);
      return value;
    }
    return this.evalNode(node, site, arrays);
  }

  private evalNode(node: FormulaNode, site: EvaluationSite, arrays: boolean): Value {
    switch (node.t) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "error":
        return cellError(node.value);
      case "missing":
        return null;
      case "ref":
        return this.range(node, site);
      case "unary":
        if (!arrays) return unaryScalar(node.op, this.scalarOf(node.operand, site));
        return this.lift([this.eval(node.operand, site, arrays)], site, arrays, ([x = null]) =>
          unaryScalar(node.op, x),
        );
      case "binary": {
        const separator = this.workbook.decimalSeparator;
        if (!arrays)
          return binaryScalar(node.op, this.scalarOf(node.left, site), this.scalarOf(node.right, site), separator);
        return this.lift(
          [this.eval(node.left, site, arrays), this.eval(node.right, site, arrays)],
          site,
          arrays,
          ([a = null, b = null]) => binaryScalar(node.op, a, b, separator),
        );
      }
      case "call":
        return this.call(node.name, node.args, site, arrays);
    }
  }

  private readonly sheets = new Map<string, SheetCells | undefined>();

  private sheetNamed(name: string | undefined, site: EvaluationSite): SheetCells | undefined {
    if (name === undefined) return site.sheet;
    if (!this.sheets.has(name)) this.sheets.set(name, this.workbook.sheet(name));
    return this.sheets.get(name);
  }

  /** The one value of a node outside arrays; a single-cell reference is read without a range object. */
  private scalarOf(node: FormulaNode, site: EvaluationSite): Scalar {
    if (node.t === "ref" && node.start === node.end) {
      const sheet = this.sheetNamed(node.sheet, site);
      if (!sheet) return REF;
      const p = node.start;
      const row = p.absoluteRow ? p.row : p.row + site.row;
      const column = p.absoluteColumn ? p.column : p.column + site.column;
      if (row < 1 || column < 1 || row > MAX_ROW || column > MAX_COLUMN) return REF;
      return sheet.value(row, column);
    }
    if (node.t === "number" || node.t === "string" || node.t === "boolean") return node.value;
    return this.scalar(this.eval(node, site, false), site);
  }

  private range(node: Extract<FormulaNode, { t: "ref" }>, site: EvaluationSite): Value {
    const sheet = this.sheetNamed(node.sheet, site);
    if (!sheet) return REF;
    const at = (p: typeof node.start): [number, number] => [
      p.absoluteRow ? p.row : p.row + site.row,
      p.absoluteColumn ? p.column : p.column + site.column,
    ];
    const [r1, c1] = at(node.start);
    const [r2, c2] = at(node.end);
    const top = Math.min(r1, r2);
    const bottom = Math.max(r1, r2);
    const left = Math.min(c1, c2);
    const right = Math.max(c1, c2);
    if (top < 1 || left < 1 || bottom > MAX_ROW || right > MAX_COLUMN) return REF;
    return { kind: "range", sheet, top, left, bottom, right };
  }

  /** One value: a range by implicit intersection with the formula's row or column. */
  private scalar(v: Value, site: EvaluationSite): Scalar {
    if (isRange(v)) {
      if (v.top === v.bottom && v.left === v.right) return v.sheet.value(v.top, v.left);
      if (v.left === v.right && site.row >= v.top && site.row <= v.bottom) return v.sheet.value(site.row, v.left);
      if (v.top === v.bottom && site.column >= v.left && site.column <= v.right)
        return v.sheet.value(v.top, site.column);
      return VALUE;
    }
    if (isArray(v)) return v.data[0] ?? null;
    return v;
  }

  private toArray(v: Value): ArrayValue {
    if (isArray(v)) return v;
    if (isRange(v))
      return {
        kind: "array",
        rows: v.bottom - v.top + 1,
        columns: v.right - v.left + 1,
        data: this.cache.valuesOf(v),
      };
    return { kind: "array", rows: 1, columns: 1, data: [v] };
  }

  /** Applies `f` element by element when arrays are on and a value is an array or range. */
  private lift(values: readonly Value[], site: EvaluationSite, arrays: boolean, f: (args: Scalar[]) => Scalar): Value {
    if (!arrays) return f(values.map((v) => this.scalar(v, site)));
    if (!values.some((v) => isArray(v) || (isRange(v) && !(v.top === v.bottom && v.left === v.right))))
      return f(values.map((v) => this.scalar(v, site)));
    const arrs = values.map((v) => this.toArray(v));
    const rows = Math.max(...arrs.map((a) => a.rows));
    const columns = Math.max(...arrs.map((a) => a.columns));
    const data: Scalar[] = new Array<Scalar>(rows * columns);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const args = arrs.map((a) => {
          const rr = a.rows === 1 ? 0 : r;
          const cc = a.columns === 1 ? 0 : c;
          if (rr >= a.rows || cc >= a.columns) return NA;
          return a.data[rr * a.columns + cc] ?? null;
        });
        data[r * columns + c] = f(args);
      }
    }
    return { kind: "array", rows, columns, data };
  }

  /** Every value of the arguments as aggregates see them: `fromRef` tells a referenced value from a direct one. */
  private forEachValue(
    args: readonly Value[],
    site: EvaluationSite,
    visit: (v: Scalar, fromRef: boolean) => CellError | undefined,
  ): CellError | undefined {
    for (const arg of args) {
      if (isRange(arg) && (arg.bottom - arg.top + 1) * (arg.right - arg.left + 1) <= 16) {
        // small ranges (a row's own cells) are read in place, without an array
        const lastRow = Math.min(arg.bottom, arg.sheet.lastRow);
        const lastColumn = Math.min(arg.right, arg.sheet.lastColumn);
        for (let r = arg.top; r <= arg.bottom; r++)
          for (let c = arg.left; c <= arg.right; c++) {
            const stop = visit(r <= lastRow && c <= lastColumn ? arg.sheet.value(r, c) : null, true);
            if (stop) return stop;
          }
      } else if (isRange(arg) || isArray(arg)) {
        for (const v of this.toArray(arg).data) {
          const stop = visit(v, true);
          if (stop) return stop;
        }
      } else {
        const stop = visit(this.scalar(arg, site), false);
        if (stop) return stop;
      }
    }
    return undefined;
  }

  private numbersOf(args: readonly Value[], site: EvaluationSite): number[] | CellError {
    const numbers: number[] = [];
    const error = this.forEachValue(args, site, (v, fromRef) => {
      if (isCellError(v)) return v;
      if (typeof v === "number") numbers.push(v);
      else if (!fromRef && v !== null) {
        const n = toNumber(v);
        if (isCellError(n)) return n;
        numbers.push(n);
      }
      return undefined;
    });
    return error ?? numbers;
  }

  private argAt(
    argNodes: readonly FormulaNode[],
    site: EvaluationSite,
    arrays: boolean,
    i: number,
    asArrays = arrays,
  ): Value {
    const node = argNodes[i];
    return node === undefined ? null : this.eval(node, site, asArrays);
  }

  private scalarArgAt(argNodes: readonly FormulaNode[], site: EvaluationSite, i: number): Scalar {
    const node = argNodes[i];
    return node === undefined ? null : this.scalarOf(node, site);
  }

  private allArgs(argNodes: readonly FormulaNode[], site: EvaluationSite, arrays: boolean): Value[] {
    return argNodes.map((node) => this.eval(node, site, arrays));
  }

  /** A function of the first `count` arguments' values, element by element inside arrays. */
  private oneValueFn(
    argNodes: readonly FormulaNode[],
    site: EvaluationSite,
    arrays: boolean,
    count: number,
    f: (args: Scalar[]) => Scalar,
  ): Value {
    if (!arrays) {
      const xs: Scalar[] = [];
      for (let i = 0; i < count; i++) {
        const node = argNodes[i];
        xs.push(node === undefined ? null : this.scalarOf(node, site));
      }
      return f(xs);
    }
    const values: Value[] = [];
    for (let i = 0; i < count; i++) values.push(this.argAt(argNodes, site, arrays, i));
    return this.lift(values, site, arrays, f);
  }

  /** A function of numbers, element by element inside arrays. */
  private numberFn(
    argNodes: readonly FormulaNode[],
    site: EvaluationSite,
    arrays: boolean,
    f: (...n: number[]) => Scalar,
    count: number,
  ): Value {
    if (!arrays) {
      const ns: number[] = [];
      for (let i = 0; i < count && i < argNodes.length; i++) {
        const n = toNumber(this.scalarOf(argNodes[i] as FormulaNode, site));
        if (isCellError(n)) return n;
        ns.push(n);
      }
      return f(...ns);
    }
    return this.lift(
      argNodes.slice(0, count).map((node) => this.eval(node, site, arrays)),
      site,
      arrays,
      (xs) => {
        const ns: number[] = [];
        for (const x of xs) {
          const n = toNumber(x);
          if (isCellError(n)) return n;
          ns.push(n);
        }
        return f(...ns);
      },
    );
  }

  private call(name: string, argNodes: readonly FormulaNode[], site: EvaluationSite, arrays: boolean): Value {
    const separator = this.workbook.decimalSeparator;
    switch (name) {
      case "IF": {
        const condition = toBoolean(this.scalarArgAt(argNodes, site, 0));
        if (isCellError(condition)) return condition;
        if (condition)
          return argNodes[1]?.t === "missing"
            ? 0
            : this.scalarOrRange(this.argAt(argNodes, site, arrays, 1), site, arrays);
        if (argNodes.length < 3) return false;
        return argNodes[2]?.t === "missing"
          ? 0
          : this.scalarOrRange(this.argAt(argNodes, site, arrays, 2), site, arrays);
      }
      case "IFERROR": {
        const v = this.scalarOrRange(this.argAt(argNodes, site, arrays, 0), site, arrays);
        if (isArray(v))
          return this.lift([v, this.argAt(argNodes, site, arrays, 1)], site, arrays, ([x = null, y = null]) =>
            isCellError(x) ? y : x,
          );
        const s = isRange(v) ? this.scalar(v, site) : v;
        return isCellError(s) ? this.scalarOrRange(this.argAt(argNodes, site, arrays, 1), site, arrays) : v;
      }
      case "CHOOSE": {
        const index = toNumber(this.scalarArgAt(argNodes, site, 0));
        if (isCellError(index)) return index;
        const i = Math.trunc(index);
        if (i < 1 || i >= argNodes.length) return VALUE;
        return this.argAt(argNodes, site, arrays, i);
      }
      case "AND":
      case "OR": {
        let seen = false;
        let result = name === "AND";
        const error = this.forEachValue(this.allArgs(argNodes, site, arrays), site, (v, fromRef) => {
          if (isCellError(v)) return v;
          if (v === null || (fromRef && typeof v === "string")) return undefined;
          const b = toBoolean(v);
          if (isCellError(b)) return b;
          seen = true;
          if (name === "AND") result = result && b;
          else result = result || b;
          return undefined;
        });
        if (error) return error;
        return seen ? result : VALUE;
      }
      case "NOT":
        return this.oneValueFn(argNodes, site, arrays, 1, ([x = null]) => {
          const b = toBoolean(x);
          return isCellError(b) ? b : !b;
        });
      case "SUM":
      case "MAX":
      case "MIN":
      case "AVERAGE": {
        const numbers = this.numbersOf(this.allArgs(argNodes, site, arrays), site);
        if (isCellError(numbers)) return numbers;
        if (name === "SUM") return numbers.reduce((s, n) => approxAdd(s, n), 0);
        if (name === "AVERAGE")
          return numbers.length === 0 ? DIV0 : numbers.reduce((s, n) => s + n, 0) / numbers.length;
        if (numbers.length === 0) return 0;
        return name === "MAX" ? Math.max(...numbers) : Math.min(...numbers);
      }
      case "COUNT": {
        let count = 0;
        this.forEachValue(this.allArgs(argNodes, site, arrays), site, (v, fromRef) => {
          if (typeof v === "number") count++;
          else if (!fromRef && (typeof v === "boolean" || (typeof v === "string" && parseNumber(v) !== undefined)))
            count++;
          return undefined;
        });
        return count;
      }
      case "COUNTA": {
        let count = 0;
        argNodes.forEach((node, i) => {
          if (node.t === "missing") return;
          this.forEachValue([this.argAt(argNodes, site, arrays, i)], site, (v, fromRef) => {
            if (v !== null || !fromRef) count++;
            return undefined;
          });
        });
        return count;
      }
      case "COUNTBLANK": {
        const r = this.argAt(argNodes, site, arrays, 0, false);
        if (!isRange(r)) return VALUE;
        return this.toArray(r).data.filter((v) => v === null || v === "").length;
      }
      case "COUNTIF":
      case "COUNTIFS":
      case "SUMIF":
      case "SUMIFS":
        return this.conditional(name, argNodes, site);
      case "SUMPRODUCT": {
        const arrs = argNodes.map((_, i) => this.toArray(this.argAt(argNodes, site, arrays, i, true)));
        const first = arrs[0];
        if (!first) return VALUE;
        for (const a of arrs) if (a.rows !== first.rows || a.columns !== first.columns) return VALUE;
        let sum = 0;
        for (let k = 0; k < first.data.length; k++) {
          let product = 1;
          for (const a of arrs) {
            const v = a.data[k] ?? null;
            if (isCellError(v)) return v;
            product *= typeof v === "number" ? v : 0;
          }
          sum += product;
        }
        return sum;
      }
      case "ABS":
        return this.numberFn(argNodes, site, arrays, (n) => Math.abs(n), 1);
      case "INT":
        return this.numberFn(argNodes, site, arrays, (n) => approxFloor(n), 1);
      case "MOD":
        return this.numberFn(
          argNodes,
          site,
          arrays,
          (a, b) => (b === 0 ? DIV0 : approxSub(a, b * Math.floor(a / b))),
          2,
        );
      case "ROUND":
      case "ROUNDDOWN":
      case "ROUNDUP": {
        const direction = name === "ROUND" ? "half" : name === "ROUNDDOWN" ? "down" : "up";
        return this.numberFn(argNodes, site, arrays, (n, places) => roundDecimal(n, places ?? 0, direction), 2);
      }
      case "ISNUMBER":
      case "ISTEXT":
      case "ISERROR":
        return this.oneValueFn(argNodes, site, arrays, 1, ([x = null]) =>
          name === "ISNUMBER" ? typeof x === "number" : name === "ISTEXT" ? typeof x === "string" : isCellError(x),
        );
      case "ISBLANK": {
        const v = this.argAt(argNodes, site, arrays, 0);
        if (isRange(v) && !arrays) return this.scalar(v, site) === null;
        return this.lift([v], site, arrays, ([x]) => x === null);
      }
      case "LEN":
        return this.oneValueFn(argNodes, site, arrays, 1, ([x = null]) => {
          const t = toText(x, separator);
          return isCellError(t) ? t : [...t].length;
        });
      case "TRIM":
        return this.oneValueFn(argNodes, site, arrays, 1, ([x = null]) => {
          const t = toText(x, separator);
          return isCellError(t) ? t : t.replace(/ +/g, " ").replace(/^ | $/g, "");
        });
      case "CHAR":
        // 1–127 are the same in every code page (CHAR(10): a line break in a wrapped cell)
        return this.oneValueFn(argNodes, site, arrays, 1, ([x = null]) => {
          const n = toNumber(x);
          if (isCellError(n)) return n;
          const code = Math.trunc(n);
          if (code < 1 || code > 255) return VALUE;
          if (code > 127) throw new UnknowableResult(`CHAR(${code}) depends on the code page`);
          return String.fromCharCode(code);
        });
      case "MID":
        return this.oneValueFn(argNodes, site, arrays, 3, ([x = null, s = null, c = null]) => {
          const t = toText(x, separator);
          if (isCellError(t)) return t;
          const start = toNumber(s);
          if (isCellError(start)) return start;
          const count = toNumber(c);
          if (isCellError(count)) return count;
          if (start < 1 || count < 0) return VALUE;
          const chars = [...t];
          return chars.slice(Math.trunc(start) - 1, Math.trunc(start) - 1 + Math.trunc(count)).join("");
        });
      case "TEXT":
        return this.oneValueFn(argNodes, site, arrays, 2, ([x = null, f = null]) => {
          const format = toText(f, separator);
          if (isCellError(format)) return format;
          if (typeof x === "string" && parseNumber(x) === undefined) return x;
          const n = toNumber(x);
          if (isCellError(n)) return n;
          const text = formatText(n, format, separator);
          if (text === undefined) throw new UnknowableResult(`TEXT format "${format}"`);
          return text;
        });
      case "YEAR":
      case "MONTH":
      case "DAY":
        return this.numberFn(
          argNodes,
          site,
          arrays,
          (n) => {
            const parts = dateParts(n);
            if (isCellError(parts)) return parts;
            return name === "YEAR" ? parts.year : name === "MONTH" ? parts.month : parts.day;
          },
          1,
        );
      case "DATE":
        return this.numberFn(argNodes, site, arrays, (y, m, d) => dateSerial(y, m, d ?? 1), 3);
      case "ROW": {
        if (argNodes.length === 0) return site.row;
        const r = this.argAt(argNodes, site, arrays, 0, false);
        return isRange(r) ? r.top : VALUE;
      }
      case "RANK":
        return this.rank(argNodes, site);
      case "INDEX":
        return this.index(argNodes, site);
      case "MATCH": {
        const wanted = this.scalarArgAt(argNodes, site, 0);
        if (isCellError(wanted)) return wanted;
        const area = this.argAt(argNodes, site, arrays, 1, false);
        if (!isRange(area) && !isArray(area)) return NA;
        const a = this.toArray(area);
        if (a.rows !== 1 && a.columns !== 1) return NA;
        const type = argNodes.length > 2 ? toNumber(this.scalarArgAt(argNodes, site, 2)) : 1;
        if (isCellError(type)) return type;
        const position = lookup(a.data, wanted, type);
        return position < 0 ? NA : position + 1;
      }
      case "VLOOKUP": {
        const wanted = this.scalarArgAt(argNodes, site, 0);
        if (isCellError(wanted)) return wanted;
        const table = this.argAt(argNodes, site, arrays, 1, false);
        if (!isRange(table) && !isArray(table)) return NA;
        const a = this.toArray(table);
        const column = toNumber(this.scalarArgAt(argNodes, site, 2));
        if (isCellError(column)) return column;
        const col = Math.trunc(column);
        if (col < 1) return VALUE;
        if (col > a.columns) return REF;
        const approximate =
          argNodes.length > 3 && argNodes[3]?.t !== "missing" ? toBoolean(this.scalarArgAt(argNodes, site, 3)) : true;
        if (isCellError(approximate)) return approximate;
        const firstColumn: Scalar[] = [];
        for (let r = 0; r < a.rows; r++) firstColumn.push(a.data[r * a.columns] ?? null);
        const position = lookup(firstColumn, wanted, approximate ? 1 : 0);
        return position < 0 ? NA : (a.data[position * a.columns + col - 1] ?? null);
      }
      default:
        if (NAME_ERRORS.has(name)) return NAME;
        throw new UnknowableResult(`function ${name} is not evaluated`);
    }
  }

  /** Keeps a range as it is (IF and IFERROR may return one to a function that wants a range). */
  private scalarOrRange(v: Value, site: EvaluationSite, arrays: boolean): Value {
    if (isRange(v) || isArray(v)) return arrays || isRange(v) ? v : this.scalar(v, site);
    return v;
  }

  private rank(argNodes: readonly FormulaNode[], site: EvaluationSite): Value {
    const node = argNodes[0];
    if (!node) return VALUE;
    const x = toNumber(this.scalar(this.eval(node, site, false), site));
    if (isCellError(x)) return x;
    const refNode = argNodes[1];
    const ref = refNode ? this.eval(refNode, site, false) : null;
    if (!isRange(ref)) return VALUE;
    const orderNode = argNodes[2];
    const order = orderNode ? toNumber(this.scalar(this.eval(orderNode, site, false), site)) : 0;
    if (isCellError(order)) return order;
    const sorted = this.cache.sortedNumbers(ref);
    // first index with value >= x, and first index with value > x
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    const firstAtLeast = lo;
    hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    const firstAbove = lo;
    if (firstAbove === firstAtLeast) return NA;
    return order === 0 ? sorted.length - firstAbove + 1 : firstAtLeast + 1;
  }

  private index(argNodes: readonly FormulaNode[], site: EvaluationSite): Value {
    const areaNode = argNodes[0];
    const area = areaNode ? this.eval(areaNode, site, false) : null;
    if (!isRange(area) && !isArray(area)) {
      return VALUE;
    }
    const number = (i: number): number | CellError => {
      const node = argNodes[i];
      if (!node || node.t === "missing") return 0;
      const n = toNumber(this.scalar(this.eval(node, site, false), site));
      return isCellError(n) ? n : Math.trunc(n);
    };
    let row = number(1);
    if (isCellError(row)) return row;
    let column = number(2);
    if (isCellError(column)) return column;
    const rows = isRange(area) ? area.bottom - area.top + 1 : area.rows;
    const columns = isRange(area) ? area.right - area.left + 1 : area.columns;
    if (argNodes.length === 2 && rows === 1) {
      column = row;
      row = 1;
    }
    if (row < 0 || column < 0 || row > rows || column > columns) return REF;
    if (isArray(area)) {
      if (row === 0 || column === 0) return VALUE;
      return area.data[(row - 1) * area.columns + column - 1] ?? null;
    }
    if (row === 0 && column === 0) return area;
    if (row === 0) return { ...area, left: area.left + column - 1, right: area.left + column - 1 };
    if (column === 0) {
      if (columns === 1) return area.sheet.value(area.top + row - 1, area.left);
      return { ...area, top: area.top + row - 1, bottom: area.top + row - 1 };
    }
    return {
      ...area,
      top: area.top + row - 1,
      bottom: area.top + row - 1,
      left: area.left + column - 1,
      right: area.left + column - 1,
    };
  }

  private conditional(name: string, argNodes: readonly FormulaNode[], site: EvaluationSite): Value {
    const ranges: Range[] = [];
    const criteria: Scalar[] = [];
    let sumRange: Range | undefined;
    const rangeArg = (i: number): Range | CellError => {
      const node = argNodes[i];
      const v = node ? this.eval(node, site, false) : null;
      return isRange(v) ? v : VALUE;
    };
    const criterionArg = (i: number): Scalar => {
      const node = argNodes[i];
      return node ? this.scalar(this.eval(node, site, false), site) : null;
    };
    if (name === "COUNTIF" || name === "SUMIF") {
      const r = rangeArg(0);
      if (isCellError(r)) return r;
      ranges.push(r);
      criteria.push(criterionArg(1));
      if (name === "SUMIF") {
        if (argNodes.length > 2) {
          const s = rangeArg(2);
          if (isCellError(s)) return s;
          // the sum range takes the criteria range's size, from its own top left
          sumRange = { ...s, bottom: s.top + r.bottom - r.top, right: s.left + r.right - r.left };
        } else sumRange = r;
      }
    } else {
      let first = 0;
      if (name === "SUMIFS") {
        const s = rangeArg(0);
        if (isCellError(s)) return s;
        sumRange = s;
        first = 1;
      }
      for (let i = first; i + 1 < argNodes.length; i += 2) {
        const r = rangeArg(i);
        if (isCellError(r)) return r;
        ranges.push(r);
        criteria.push(criterionArg(i + 1));
      }
    }
    for (const c of criteria) if (isCellError(c)) return c;
    const height = (ranges[0]?.bottom ?? 0) - (ranges[0]?.top ?? 0);
    const width = (ranges[0]?.right ?? 0) - (ranges[0]?.left ?? 0);
    for (const r of [...ranges, ...(sumRange ? [sumRange] : [])])
      if (r.bottom - r.top !== height || r.right - r.left !== width) return VALUE;
    const key =
      (ranges.length + (sumRange ? 1 : 0)) * (height + 1) * (width + 1) > 4
        ? `${name}|${[...ranges, ...(sumRange ? [sumRange] : [])].map((r) => RangeCache.key(r)).join("|")}|${criteria
            .map((c) => (typeof c === "string" ? `s${c.toLowerCase()}` : `${typeof c}${String(c)}`))
            .join("\u0001")}`
        : undefined;
    if (key !== undefined) {
      const cached = this.cache.criteria.get(key);
      if (cached !== undefined) return cached;
    }
    const matchers: Matcher[] = [];
    for (const c of criteria) {
      const m = criterionMatcher(c);
      if (isCellError(m)) return m;
      matchers.push(m);
    }
    const columns = ranges.map((r) => this.cache.valuesOf(r));
    const sums = sumRange ? this.cache.valuesOf(sumRange) : undefined;
    let count = 0;
    let sum = 0;
    const length = columns[0]?.length ?? 0;
    for (let k = 0; k < length; k++) {
      let ok = true;
      for (let j = 0; j < matchers.length && ok; j++) ok = (matchers[j] as Matcher)(columns[j]?.[k] ?? null);
      if (!ok) continue;
      count++;
      if (sums) {
        const v = sums[k] ?? null;
        if (isCellError(v)) return v;
        if (typeof v === "number") sum = approxAdd(sum, v);
      }
    }
    const result = sums ? sum : count;
    if (key !== undefined) this.cache.criteria.set(key, result);
    return result;
  }
}

/** Functions Excel knows but LibreOffice and old Excel do not: #NAME? there. Empty: none needed. */
const NAME_ERRORS: ReadonlySet<string> = new Set();

/**
 * MATCH's search (0-based position, -1 when not found): type 0 exact (wildcards in text),
 * 1 the last value ≤ the wanted one in an ascending list, -1 the last ≥ in a descending one.
 */
function lookup(values: readonly Scalar[], wanted: Scalar, type: number): number {
  const w = wanted ?? 0;
  if (type === 0) {
    if (typeof w === "string" && /[*?~]/.test(w)) {
      const pattern = wildcardRegExp(w);
      return values.findIndex((v) => typeof v === "string" && pattern.test(v));
    }
    return values.findIndex((v) => v !== null && !isCellError(v) && typeof v === typeof w && compare(v, w) === 0);
  }
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (v === null || isCellError(v) || typeof v !== typeof w) continue;
    const c = compare(v, w);
    if (type > 0) {
      if (c <= 0) found = i;
      else break;
    } else if (c >= 0) found = i;
    else break;
  }
  return found;
}

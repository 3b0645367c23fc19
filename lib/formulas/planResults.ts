/**
 * The result of every formula of a {@link WorkbookPlan}, computed from the plan's own cells, so
 * writers can store it in the file (docs/decisions/0013): a file opened in Excel's Protected View,
 * a preview or a reader that does not calculate then shows the numbers at once.
 *
 * One pass over the plan's rows keeps each cell's literal value and, for a formula, its parsed tree
 * — shared between the rows of a table, whose formulas differ only in their own row
 * ({@link formulaShapeKey}). Results are computed on demand and kept; ranges read by many formulas
 * (RANK, COUNTIF, MAX over a column) are read once and indexed ({@link RangeCache}).
 */
import { dateToSerial } from "../cells/serialDates.js";
import { PLAN_PROBE_ROW, type PlannedValue, type WorkbookPlan } from "../plan/WorkbookPlan.js";
import {
  FormulaEvaluator,
  RangeCache,
  UnknowableResult,
  type Scalar,
  type SheetCells,
  type WorkbookCells,
} from "./evaluateFormula.js";
import { formulaShapeKey, parseFormula, type FormulaNode } from "./parseFormula.js";

/** A stored result: a number, text, a boolean or an error value such as `{ error: "#N/A" }`. */
export type FormulaResult = Exclude<Scalar, null>;

export interface PlanResults {
  /**
   * The result of the formula at (`sheetIndex`, `row`, `column`), or `undefined` when it cannot
   * be known when the file is written (see {@link PlanResults.unknown}).
   */
  resultAt(sheetIndex: number, row: number, column: number): FormulaResult | undefined;
  /** Why the result of a formula cell cannot be known; `undefined` when it can (or no formula is there). */
  unknown(sheetIndex: number, row: number, column: number): string | undefined;
}

const FRESH = 0;
const BUSY = 1;
const DONE = 2;
const UNKNOWN = 3;

class FormulaCell {
  state = FRESH;
  result: FormulaResult | string = 0;
  constructor(readonly tree: FormulaNode | string) {}
}

type Entry = Scalar | FormulaCell;

/**
 * Whether a tree parsed at the probe row serves every row of the column: the probe may stand only
 * in references relative to the row itself. A relative reference to a fixed row, an absolute one
 * to the row's own number (`$H$7` in row 7) or the number in a literal would mean another cell
 * in another row.
 */
function servesEveryRow(node: FormulaNode): boolean {
  const probe = String(PLAN_PROBE_ROW);
  switch (node.t) {
    case "ref":
      return [node.start, node.end].every((p) =>
        p.absoluteRow ? p.row !== PLAN_PROBE_ROW : Math.abs(p.row) < PLAN_PROBE_ROW / 2,
      );
    case "number":
      return !String(node.value).includes(probe);
    case "string":
      return !node.value.includes(probe);
    case "unary":
      return servesEveryRow(node.operand);
    case "binary":
      return servesEveryRow(node.left) && servesEveryRow(node.right);
    case "call":
      return node.args.every(servesEveryRow);
    default:
      return true;
  }
}

/** Whether `formula` is the row template with `row` in its gaps (without building the string). */
function fillsTemplate(formula: string, parts: readonly string[], row: string): boolean {
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (!formula.startsWith(part, at)) return false;
    at += part.length;
    if (i < parts.length - 1) {
      if (!formula.startsWith(row, at)) return false;
      at += row.length;
    }
  }
  return at === formula.length;
}

function literal(value: PlannedValue | undefined): Scalar {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return dateToSerial(value);
  return value;
}

class PlanSheet implements SheetCells {
  readonly rows: (Entry[] | undefined)[] = [];
  lastRow = 0;
  lastColumn = 0;
  constructor(
    readonly index: number,
    private readonly owner: PlanWorkbook,
  ) {}

  value(row: number, column: number): Scalar {
    const entry = this.rows[row]?.[column];
    if (entry === undefined) return null;
    if (!(entry instanceof FormulaCell)) return entry;
    const result = this.owner.result(this, row, column, entry);
    if (result === undefined) throw new UnknowableResult(typeof entry.result === "string" ? entry.result : "unknown");
    return result;
  }
}

class PlanWorkbook implements WorkbookCells, PlanResults {
  readonly sheets: PlanSheet[] = [];
  private readonly byName = new Map<string, PlanSheet>();
  readonly decimalSeparator: string;
  private readonly evaluator: FormulaEvaluator;

  constructor(plan: WorkbookPlan) {
    this.decimalSeparator = plan.language === "de" ? "," : ".";
    this.evaluator = new FormulaEvaluator(this, new RangeCache());
    const trees = new Map<string, FormulaNode | string>();
    plan.sheets.forEach((sheetPlan, index) => {
      const sheet = new PlanSheet(index, this);
      this.sheets.push(sheet);
      this.byName.set(sheetPlan.name.toLowerCase(), sheet);
      // a table's row formulas: one tree per column from the plan's row templates, no key to compute
      const rowTemplates = sheetPlan.rowFormulaTemplates;
      const templateTrees = new Map<number, FormulaNode | undefined>();
      const templateTree = (column: number, parts: readonly string[]): FormulaNode | undefined => {
        if (!templateTrees.has(column)) {
          let tree: FormulaNode | undefined;
          try {
            const text = parts.join(String(PLAN_PROBE_ROW));
            tree = parseFormula(text.startsWith("=") ? text.slice(1) : text, PLAN_PROBE_ROW, column);
            if (!servesEveryRow(tree)) tree = undefined;
          } catch {
            tree = undefined;
          }
          templateTrees.set(column, tree);
        }
        return templateTrees.get(column);
      };
      for (const planned of sheetPlan.rows()) {
        const entries: Entry[] = [];
        const rowText = String(planned.row);
        for (const cell of planned.cells) {
          let entry: Entry;
          if (cell.formula !== undefined) {
            const parts = rowTemplates?.get(cell.column);
            const fromTemplate =
              parts !== undefined && fillsTemplate(cell.formula, parts, rowText)
                ? templateTree(cell.column, parts)
                : undefined;
            if (fromTemplate !== undefined) {
              entries[cell.column] = new FormulaCell(fromTemplate);
              if (cell.column > sheet.lastColumn) sheet.lastColumn = cell.column;
              continue;
            }
            const text = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
            const key = formulaShapeKey(text, planned.row, cell.column);
            let tree = trees.get(key);
            if (tree === undefined) {
              try {
                tree = parseFormula(text, planned.row, cell.column);
              } catch (error) {
                tree = `cannot parse: ${error instanceof Error ? error.message : String(error)}`;
              }
              trees.set(key, tree);
            }
            entry = new FormulaCell(tree);
          } else {
            entry = literal(cell.value);
            if (entry === null) continue;
          }
          entries[cell.column] = entry;
          if (cell.column > sheet.lastColumn) sheet.lastColumn = cell.column;
        }
        if (entries.length > 0) {
          sheet.rows[planned.row] = entries;
          if (planned.row > sheet.lastRow) sheet.lastRow = planned.row;
        }
      }
    });
  }

  sheet(name: string): SheetCells | undefined {
    return this.byName.get(name.toLowerCase());
  }

  result(sheet: PlanSheet, row: number, column: number, cell: FormulaCell): FormulaResult | undefined {
    if (cell.state === DONE) return cell.result;
    if (cell.state === UNKNOWN) return undefined;
    if (cell.state === BUSY) {
      throw new UnknowableResult("circular reference");
    }
    if (typeof cell.tree === "string") {
      cell.state = UNKNOWN;
      cell.result = cell.tree;
      return undefined;
    }
    cell.state = BUSY;
    try {
      cell.result = this.evaluator.evaluate(cell.tree, { sheet, row, column });
      cell.state = DONE;
      return cell.result;
    } catch (error) {
      // a chain of dependencies deeper than the stack: no stored result rather than no file
      if (!(error instanceof UnknowableResult) && !(error instanceof RangeError)) throw error;
      cell.state = UNKNOWN;
      cell.result = error instanceof UnknowableResult ? error.message : `too deep: ${error.message}`;
      return undefined;
    }
  }

  private cellAt(sheetIndex: number, row: number, column: number): { sheet: PlanSheet; cell: FormulaCell } | undefined {
    const sheet = this.sheets[sheetIndex];
    const entry = sheet?.rows[row]?.[column];
    return sheet && entry instanceof FormulaCell ? { sheet, cell: entry } : undefined;
  }

  resultAt(sheetIndex: number, row: number, column: number): FormulaResult | undefined {
    const found = this.cellAt(sheetIndex, row, column);
    return found ? this.result(found.sheet, row, column, found.cell) : undefined;
  }

  unknown(sheetIndex: number, row: number, column: number): string | undefined {
    const found = this.cellAt(sheetIndex, row, column);
    if (!found || this.result(found.sheet, row, column, found.cell) !== undefined) return undefined;
    return typeof found.cell.result === "string" ? found.cell.result : "unknown";
  }
}

/**
 * Reads the plan's cells once (calls each sheet's `rows()`) and returns the results of its
 * formulas, computed on demand.
 * @example planResults(plan).resultAt(0, 5, 15) // the score in Aufgaben!O5
 */
export function planResults(plan: WorkbookPlan): PlanResults {
  return new PlanWorkbook(plan);
}

/**
 * In-sheet checks of typed cells, as formulas: what the reader (lib/validation/parseCell.ts)
 * refuses in a number cell — text, a number below the column's minimum or above its maximum, a
 * fraction where a whole number or a rating is asked for, more decimals than allowed — the sheet
 * shows as a „✗“ with a short reason, so a workbook opened without ikz-kit says where its result
 * cannot be trusted. Built from the column's spec, so sheet and reader check the same rules.
 *
 * Two forms: per cell with a reason each ({@link numberCellProblems}, used by PESTEL, whose rows are
 * few), and per row over ranges ({@link numberRowConditions}, used by the task catalogue, whose
 * rows may be tens of thousands: one short condition per rule, not several per cell).
 */
import { parseCellAddress } from "../../lib/cells/address.js";
import { countNoun } from "../../lib/messages/plural.js";
import type { ColumnSpec, Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { MAX_NUMBER } from "../../lib/validation/parseCell.js";

/** The mark every failed check starts with (also what the summary lines count). */
export const CHECK_MARK = "✗";
/** The mark of a passed check. */
export const PASS_MARK = "✓";

/** One way a cell can be wrong: a formula that is TRUE when it is, and the reason shown. */
export interface CellProblemFormula {
  /** Spreadsheet condition, TRUE when the cell is wrong (never an error value for text or numbers). */
  readonly condition: string;
  /** The reason without the column's name, e.g. „keine Zahl“. */
  readonly reason: LocalizedText;
}

const REASONS = {
  notNumber: { de: "keine Zahl", en: "not a number" },
  missing: { de: "fehlt", en: "missing" },
  notWhole: { de: "keine ganze Zahl", en: "not a whole number" },
  rating: (min: number, max: number): LocalizedText => {
    const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).join(", ");
    return { de: `nur ${values}`, en: `only ${values}` };
  },
  below: (min: number): LocalizedText => ({ de: `kleiner als ${min}`, en: `below ${min}` }),
  above: (max: number): LocalizedText => ({ de: `größer als ${max}`, en: `above ${max}` }),
  decimals: (count: number): LocalizedText => ({
    de: `mehr als ${countNoun(count, "Nachkommastelle", "Nachkommastellen", "de")}`,
    en: `more than ${countNoun(count, "decimal", "decimals", "en")}`,
  }),
} as const;

/** A column's label without its unit or scale in brackets: „Strategische Bedeutung (0–3)“ → „Strategische Bedeutung“. */
export function shortLabel(column: Pick<ColumnSpec, "label">, language: Language): string {
  return column.label[language].replace(/\s*\([^)]*\)\s*$/, "").trim();
}

/**
 * The problems a number cell `cell` of `column` can have, in the reader's order (text first, then
 * range, then whole numbers and decimals). Empty for columns that are not numbers. An empty cell
 * has none: whether a value is required is the row's own check.
 *
 * @example numberCellProblems({ type: "rating", min: 0, max: 3, … }, "I7")[0].condition // 'AND(I7<>"",NOT(ISNUMBER(I7)))'
 */
export function numberCellProblems(column: ColumnSpec, cell: string): CellProblemFormula[] {
  if (column.type !== "rating" && column.type !== "integer" && column.type !== "decimal" && column.type !== "currency")
    return [];
  const problems: CellProblemFormula[] = [
    { condition: `AND(${cell}<>"",NOT(ISNUMBER(${cell})))`, reason: REASONS.notNumber },
  ];
  const min = column.min ?? 0;
  // IF, not AND: AND evaluates every argument, and arithmetic on text is #VALUE!; 0 for FALSE,
  // which LibreOffice would save as FALSE() — a formula that no longer reads as planned
  const ifNumber = (condition: string): string => `IF(ISNUMBER(${cell}),${condition},0)`;
  if (column.type === "rating") {
    const max = column.max ?? 3;
    problems.push({
      condition: ifNumber(`OR(${cell}<${min},${cell}>${max},${cell}<>INT(${cell}))`),
      reason: REASONS.rating(min, max),
    });
    return problems;
  }
  problems.push({ condition: ifNumber(`${cell}<${min}`), reason: REASONS.below(min) });
  if (column.max !== undefined)
    problems.push({ condition: ifNumber(`${cell}>${column.max}`), reason: REASONS.above(column.max) });
  if (column.type === "integer")
    problems.push({ condition: ifNumber(`${cell}<>INT(${cell})`), reason: REASONS.notWhole });
  if (column.maxDecimals !== undefined) {
    // the reader's tolerance (lib/validation/parseCell.ts hasAtMostDecimals): binary noise is no decimal
    const scale = 10 ** column.maxDecimals;
    const scaled = `${cell}*${scale}`;
    problems.push({
      condition: ifNumber(`ABS(${scaled}-ROUND(${scaled},0))>0.000000001*MAX(1,ABS(${scaled}))`),
      reason: REASONS.decimals(column.maxDecimals),
    });
  }
  return problems;
}

/** The problem of a required cell left empty. */
export function requiredCellProblem(cell: string): CellProblemFormula {
  return { condition: `${cell}=""`, reason: REASONS.missing };
}

/** A problem of one cell, with the column named in its reason. */
export interface NamedProblem {
  readonly condition: string;
  /** The whole reason shown, e.g. „VZÄ: keine Zahl“ (without the mark). */
  readonly text: LocalizedText;
}

/** The problems of `column`'s cell, each reason prefixed with the column's short label. */
export function namedProblems(column: ColumnSpec, problems: readonly CellProblemFormula[]): NamedProblem[] {
  return problems.map((p) => ({
    condition: p.condition,
    text: {
      de: `${shortLabel(column, "de")}: ${p.reason.de}`,
      en: `${shortLabel(column, "en")}: ${p.reason.en}`,
    },
  }));
}

/** Quotes a text for a formula: `"…"` with inner quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * `IF(c1,"✗ r1",IF(c2,"✗ r2",…,otherwise))`: the first problem that applies, as the text shown,
 * else `otherwise` (a formula expression).
 */
export function firstProblemText(problems: readonly NamedProblem[], language: Language, otherwise: string): string {
  return problems.reduceRight(
    (rest, problem) => `IF(${problem.condition},${formulaText(`${CHECK_MARK} ${problem.text[language]}`)},${rest})`,
    otherwise,
  );
}

/**
 * A summary line counting failed checks: `✓ Alle Prüfungen bestanden` when `count` (a formula
 * expression) is 0, else `✗ 3 Prüfungen nicht bestanden – {where}`.
 */
export function summaryLineFormula(count: string, where: LocalizedText, language: Language): string {
  const words =
    language === "de"
      ? { ok: "Alle Prüfungen bestanden", one: "1 Prüfung nicht bestanden", many: " Prüfungen nicht bestanden" }
      : { ok: "All checks passed", one: "1 check failed", many: " checks failed" };
  const tail = formulaText(` – ${where[language]}`);
  return (
    `IF(${count}=0,${formulaText(`${PASS_MARK} ${words.ok}`)},` +
    `IF(${count}=1,${formulaText(`${CHECK_MARK} ${words.one}`)},${formulaText(`${CHECK_MARK} `)}&${count}&${formulaText(words.many)})&${tail})`
  );
}

/** Number of cells in `range` whose text starts with the check mark ✗ (no COUNTIF wildcards: LibreOffice may have them off). */
export function countMarked(range: string): string {
  return `SUMPRODUCT((MID(${range},1,1)=${formulaText(CHECK_MARK)})*1)`;
}

/** A number cell of one row: its column and its address, e.g. `E7`. */
export interface RowCell {
  readonly column: ColumnSpec;
  readonly cell: string;
}

const isNumberColumn = (column: ColumnSpec): boolean =>
  column.type === "rating" || column.type === "integer" || column.type === "decimal" || column.type === "currency";

/**
 * Splits `cells` (in sheet order) into runs of adjacent columns that share `key` (undefined: left
 * out), each as a range: `E7:H7`, or `E7` for a run of one.
 */
function runs(
  cells: readonly RowCell[],
  key: (column: ColumnSpec) => string | number | undefined,
): { range: string; key: string | number }[] {
  const found: { first: string; last: string; at: number; key: string | number }[] = [];
  for (const { column, cell } of cells) {
    const value = key(column);
    if (value === undefined) continue;
    const at = parseCellAddress(cell).column;
    const open = found[found.length - 1];
    if (open && open.key === value && open.at === at - 1) {
      open.last = cell;
      open.at = at;
    } else found.push({ first: cell, last: cell, at, key: value });
  }
  return found.map((r) => ({ range: r.first === r.last ? r.first : `${r.first}:${r.last}`, key: r.key }));
}

/**
 * The reader's rules for a row's number cells (lib/validation/parseCell.ts), as few conditions
 * over ranges of adjacent columns instead of several per cell: text (or an error value) in a
 * number cell, a number below the column's minimum, above its maximum (or above
 * {@link MAX_NUMBER}), a fraction where a whole number or a rating is asked for, more decimals
 * than the column allows — each TRUE when any cell breaks it. Empty cells break none.
 *
 * A condition may be an error value for text in a cell (arithmetic on text): use them through
 * {@link anyRowProblem}, which counts an error as a problem (the text is one).
 *
 * @example numberRowConditions([fte E7, cases F7, …, ratings I7:M7])
 *   // ['COUNTA(E7:M7)>COUNT(E7:M7)', 'MIN(E7:M7)<0', 'MAX(E7:H7)>999999999999999', 'MAX(I7:M7)>3', 'F7<>INT(F7)', 'SUMPRODUCT(I7:M7-INT(I7:M7))>0', …]
 */
export function numberRowConditions(cells: readonly RowCell[]): string[] {
  const numbers = cells.filter((c) => isNumberColumn(c.column));
  const conditions: string[] = [];
  for (const { range } of runs(numbers, () => 0)) conditions.push(`COUNTA(${range})>COUNT(${range})`);
  for (const { range, key: min } of runs(numbers, (c) => c.min ?? 0))
    // MIN of empty cells is 0: only a minimum of at most 0 can use it
    conditions.push(Number(min) <= 0 ? `MIN(${range})<${min}` : `COUNTIF(${range},"<${min}")>0`);
  const maximum = (c: ColumnSpec): number => (c.type === "rating" ? (c.max ?? 3) : (c.max ?? MAX_NUMBER));
  for (const { range, key: max } of runs(numbers, maximum))
    conditions.push(Number(max) >= 0 ? `MAX(${range})>${max}` : `COUNTIF(${range},">${max}")>0`);
  const whole = (c: ColumnSpec): number | undefined => (c.type === "rating" || c.type === "integer" ? 1 : undefined);
  for (const { range } of runs(numbers, whole))
    // x − INT(x) is never negative, so the sum is above 0 exactly when one cell holds a fraction
    // (not MOD: older Excel refuses MOD of large numbers)
    conditions.push(range.includes(":") ? `SUMPRODUCT(${range}-INT(${range}))>0` : `${range}<>INT(${range})`);
  for (const { column, cell } of numbers) {
    if (column.maxDecimals === undefined) continue;
    // the reader's tolerance (hasAtMostDecimals): binary noise is no decimal
    const scaled = `${cell}*${10 ** column.maxDecimals}`;
    const size = (column.min ?? 0) >= 0 ? scaled : `ABS(${scaled})`;
    conditions.push(`ABS(${scaled}-ROUND(${scaled},0))>1E-9*MAX(1,${size})`);
  }
  return conditions;
}

/**
 * `IFERROR(OR(c1,c2,…),1)`: TRUE when any condition holds — or when one is an error value,
 * which only text or an error in a checked cell causes (and that is a problem itself).
 */
export function anyRowProblem(conditions: readonly string[]): string {
  return conditions.length === 0 ? "0" : `IFERROR(OR(${conditions.join(",")}),1)`;
}

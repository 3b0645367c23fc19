/**
 * The in-sheet formulas of „Anforderungen“. Each does what lib/workplace computes, so the sheet
 * shows results without ikz-kit (decision: see the comment on {@link specPositionFormula}).
 *
 * A list cell is recognised as the reader recognises it: by its value key or its label in either
 * language, case ignored (spreadsheet `=` ignores case), spaces trimmed (TRIM). A German workbook
 * in which someone typed „fulfilled“ therefore computes the same as the library reads it.
 */
import type { FormulaContext, Language, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { OBLIGATION_WEIGHTS, STATUS_VALUES } from "../../../lib/workplace/model.js";
import { SHEET, statusColumn, townField, valueColumn } from "../layout.js";
import { DIMENSIONS, GAP_LABELS, OBLIGATION_LABELS, STATUS_LABELS } from "../reference.js";

/** A formula string literal: `"` doubled. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The key and both labels of an entry, each once (compared without case, as the sheet compares). */
function namesOf(key: string, label: LocalizedText): string[] {
  const names: string[] = [];
  for (const name of [label.de, label.en, key]) {
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/**
 * What a computed cell shows instead of its number when the list cell it reads holds no entry of
 * the list (issue 10: never a plausible result from an input the reader refuses): a status that
 * is not „erfüllt“, „teilweise“, „nicht erfüllt“ or empty; an obligation or a dimension that is
 * not in its list (or empty in a row in use).
 */
export const NOT_IN_LIST_TEXT = {
  // short: the value column is 8 characters wide and centred between two cells in use
  status: { de: "✗ Status", en: "✗ status" },
  other: { de: "✗ prüfen", en: "✗ check" },
} as const satisfies Record<string, LocalizedText>;

/**
 * `IF(OR(t="a",t="b"),r1,IF(OR(…),r2,…,otherwise))`: the result of the first entry whose names
 * equal the trimmed text `t`, or `otherwise` (a formula expression).
 */
function lookupFormula(
  trimmed: string,
  entries: readonly { readonly names: readonly string[]; readonly result: string }[],
  otherwise: string,
): string {
  return entries.reduceRight(
    (rest, entry) =>
      `IF(OR(${entry.names.map((name) => `${trimmed}=${quoted(name)}`).join(",")}),${entry.result},${rest})`,
    otherwise,
  );
}

/** The running range of a column from the first data row down to this row, e.g. `AF$5:AF9`. */
function runningRange(ctx: FormulaContext, key: string): string {
  const [start] = ctx.columnRange(key).split(":");
  return `${start ?? ""}:${ctx.cell(key)}`;
}

/**
 * Weight by obligation: Muss 3, Soll 2, Kann 1; `""` in an unused row; „✗ prüfen“ for an
 * obligation that is empty or not in the list (the requirement would silently count nowhere).
 */
export function weightFormula(ctx: FormulaContext): string {
  const entries = OBLIGATION_LABELS.map((o) => ({
    names: namesOf(o.key, o.label),
    result: String(OBLIGATION_WEIGHTS[o.key]),
  }));
  const otherwise = quoted(NOT_IN_LIST_TEXT.other[ctx.language]);
  return `IF(${ctx.cell("id")}="","",${lookupFormula(`TRIM(${ctx.cell("obligation")})`, entries, otherwise)})`;
}

/** The dimension's number 1–6 (its section in the specification list); „✗ prüfen“ for one not in the list. */
export function dimensionNumberFormula(ctx: FormulaContext): string {
  const entries = DIMENSIONS.map((d, index) => ({ names: namesOf(d.key, d.label), result: String(index + 1) }));
  const otherwise = quoted(NOT_IN_LIST_TEXT.other[ctx.language]);
  return `IF(${ctx.cell("id")}="","",${lookupFormula(`TRIM(${ctx.cell("dimension")})`, entries, otherwise)})`;
}

/**
 * Status of slot `k` as a number: erfüllt 1, teilweise 0.5, nicht erfüllt 0; `""` = not assessed
 * (empty); „✗ Status“ for any other text — never read as „not assessed“.
 */
export function valueFormula(slot: number): (ctx: FormulaContext) => string {
  const entries = STATUS_LABELS.map((s) => ({ names: namesOf(s.key, s.label), result: String(STATUS_VALUES[s.key]) }));
  return (ctx) => {
    const status = `TRIM(${ctx.cell(statusColumn(slot))})`;
    const otherwise = `IF(${status}="","",${quoted(NOT_IN_LIST_TEXT.status[ctx.language])})`;
    return `IF(${ctx.cell("id")}="","",${lookupFormula(status, entries, otherwise)})`;
  };
}

/** The gap texts in a workbook's language. */
export function gapText(flag: keyof typeof GAP_LABELS, language: Language): string {
  return GAP_LABELS[flag][language];
}

/**
 * Gap flag of slot `k`: „Lücke“ for a Muss requirement assessed as not or partly fulfilled,
 * „offen“ for a Muss requirement without a status; nothing for other rows or a town slot without
 * a name.
 */
export function gapFormula(slot: number): (ctx: FormulaContext) => string {
  return (ctx) => {
    const value = ctx.cell(valueColumn(slot));
    const name = ctx.named(`${SHEET.settings}.${townField(slot)}`);
    const gap = quoted(gapText("gap", ctx.language));
    const open = quoted(gapText("open", ctx.language));
    return `IF(OR(${ctx.cell("id")}="",TRIM(${name})=""),"",IF(${ctx.cell("weight")}<>${OBLIGATION_WEIGHTS.must},"",IF(${value}="",${open},IF(${value}<1,${gap},""))))`;
  };
}

/** How many Muss/Soll requirements of this row's dimension stand in this row or above it. */
function runningCount(ctx: FormulaContext): string {
  const minimum = OBLIGATION_WEIGHTS.should;
  return `COUNTIFS(${runningRange(ctx, "dimensionNo")},${ctx.cell("dimensionNo")},${runningRange(ctx, "weight")},">=${minimum}")`;
}

/**
 * Number in the specification list, `d.k`, for Muss and Soll requirements: the dimension's number
 * and the count of its Muss/Soll requirements down to this row.
 */
export function specNumberFormula(ctx: FormulaContext): string {
  const dimension = ctx.cell("dimensionNo");
  const weight = ctx.cell("weight");
  // COUNT: empty or „✗ prüfen“ (not in the list) gives no number in the specification
  return `IF(COUNT(${dimension},${weight})<2,"",IF(${weight}<${OBLIGATION_WEIGHTS.should},"",${dimension}&"."&${runningCount(ctx)}))`;
}

/**
 * Line of the requirement on „Leistungsverzeichnis“: every dimension has a heading line, so the
 * line is `d` (headings up to its own) + the Muss/Soll requirements of lower dimensions + its
 * running count. The list sheet looks each line up with MATCH on this column.
 *
 * Why formulas and not a list written by the planner: the specification must follow the group's
 * edits without ikz-kit (a partner with plain Excel or LibreOffice changes an obligation and
 * prints). COUNTIFS, MATCH and INDEX on whole numbers are exact and work the same in Excel 2016
 * and LibreOffice; no array formula, no sorting function is needed because the line numbers are
 * computed here, row by row. lib/workplace/buildSpecification computes the same lines, and the
 * parity test compares every cell.
 */
export function specPositionFormula(ctx: FormulaContext): string {
  const dimension = ctx.cell("dimensionNo");
  const lower = `COUNTIFS(${ctx.columnRange("dimensionNo")},"<"&${dimension},${ctx.columnRange("weight")},">=${OBLIGATION_WEIGHTS.should}")`;
  return `IF(${ctx.cell("specNo")}="","",${dimension}+${lower}+${runningCount(ctx)})`;
}

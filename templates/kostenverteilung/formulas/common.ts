/**
 * Formulas of the cost model shared by its sheets: where slots, parts and towns are, and the building blocks of the sheets' own checks („Probe“).
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { FormulaContext } from "../../../lib/spec/TemplateSpec.js";
import { rowCell, rowsOfRange } from "./blocks.js";
import { KEY_NO, MIX_COLUMNS, PART_COUNT } from "../keys.js";
import { CHECK_REASON, HEADER_ROW, SHEET, type CheckReason } from "../layout.js";

/** Where slots, parts and towns are, from the planned row counts. */
export interface Counts {
  readonly towns: number;
  readonly items: number;
  /** Items plus the overhead. */
  readonly slots: number;
}

export const countsOf = (ctx: { rowCount(sheetKey: string): number }): Counts => {
  const items = ctx.rowCount(SHEET.items);
  return { towns: ctx.rowCount(SHEET.towns), items, slots: items + 1 };
};

export const firstRow = (sheet: keyof typeof HEADER_ROW): number => HEADER_ROW[sheet] + 1;

/** The cell of column `key` in row `index` (0-based) of a table sheet. */
export const at = (ctx: FormulaContext, sheetKey: string, key: string, index: number): string =>
  rowCell(ctx.columnRange(key, sheetKey), index);

/** Column `key` over rows `start`…`end` (0-based) of a table sheet. */
export const rowsOf = (ctx: FormulaContext, sheetKey: string, key: string, start: number, end: number): string =>
  rowsOfRange(ctx.columnRange(key, sheetKey), start, end);

/** The overhead's mixed weights on the settings sheet, e.g. `Grunddaten!$B$9:$B$13`. */
export const overheadMixBlock = (ctx: FormulaContext): string => {
  const first = ctx.named(`${SHEET.settings}.${MIX_COLUMNS[0]?.overheadField ?? ""}`);
  const last = ctx.named(`${SHEET.settings}.${MIX_COLUMNS[MIX_COLUMNS.length - 1]?.overheadField ?? ""}`);
  return `${first}:${last.replace(/^.*!/, "")}`;
};

/** Percentages are points (30 = 30 %) unless the group sums to 1: then fractions (0.3 = 30 %). */
export const percentScale = (groupSum: string): string => `IF(ABS(${groupSum}-1)<0.000000001,10000,100)`;

// --- The sheet's own checks (shown without ikz-kit) ----------------------------------------------

/** Hundredths of a percent in 100 %: what a slot's parts and the towns' fixed weights add up to. */
export const FULL_WEIGHT = 10_000;

/** `IF(c1,"✗ r1",IF(c2,"✗ r2",…,otherwise))`: the first failed check's reason, else `otherwise`. */
export function firstFailing(
  language: FormulaContext["language"],
  checks: readonly (readonly [condition: string, reason: CheckReason])[],
  otherwise: string,
): string {
  return checks.reduceRight(
    (rest, [condition, reason]) => `IF(${condition},"${CHECK_REASON[reason][language]}",${rest})`,
    otherwise,
  );
}

export const anyOf = (conditions: readonly string[]): string =>
  conditions.length === 1 ? (conditions[0] ?? "FALSE") : `OR(${conditions.join(",")})`;
export const anyText = (cells: readonly string[]): string => anyOf(cells.map((cell) => `ISTEXT(${cell})`));
export const anyNegative = (cells: readonly string[]): string => anyOf(cells.map((cell) => `${cell}<0`));

/** The sum of a slot's part weights on „Teilbeträge“: 10 000 unless a mixed key's weights miss 100 %. */
export const slotPartWeights = (ctx: FormulaContext, slot: number): string =>
  `SUM(${rowsOf(ctx, SHEET.parts, "weight", (slot - 1) * PART_COUNT, slot * PART_COUNT - 1)})`;

/**
 * TRUE when the towns' fixed percentages, as the sheet splits by them (named towns, percent numbers
 * or fractions by the group's sum), do not make 100 % — or cannot be computed (text).
 */
export const fixedNot100 = (ctx: FormulaContext): string =>
  `IFERROR(${at(ctx, SHEET.parts, "townWeightSum", KEY_NO.fixedPercent - 1)}<>${FULL_WEIGHT},TRUE)`;

/** TRUE when an item (or the overhead) is split by fixed percentages. */
export const fixedKeyUsed = (ctx: FormulaContext): string => {
  const overheadKeyNo = ctx.named(`${SHEET.settings}.overheadKeyNo`);
  const overheadPercent = ctx.named(`${SHEET.settings}.overheadPercent`);
  return `OR(COUNTIF(${ctx.columnRange("keyNo", SHEET.items)},${KEY_NO.fixedPercent})>0,AND(${overheadPercent}<>"",${overheadKeyNo}=${KEY_NO.fixedPercent}))`;
};

/**
 * TRUE when some item (or the overhead, when it has a percentage) puts weight on key part `part`
 * (2 = population … 5 = FTE), so every town needs that key value; for cases also a flat fee per case.
 */
export const keyPartUsed = (ctx: FormulaContext, part: number): string => {
  const overheadPercent = ctx.named(`${SHEET.settings}.overheadPercent`);
  const slots = `${countsOf(ctx).items}+IF(${overheadPercent}="",0,1)`;
  const parts = (key: string): string => ctx.columnRange(key, SHEET.parts);
  const weighted = `IFERROR(SUMPRODUCT((${parts("partNo")}=${part})*(${parts("weight")}>0)*(${parts("slotNo")}<=${slots}))>0,FALSE)`;
  return part === KEY_NO.cases
    ? `OR(${weighted},COUNTIF(${ctx.columnRange("keyNo", SHEET.items)},${KEY_NO.flatFeePerCase})>0)`
    : weighted;
};

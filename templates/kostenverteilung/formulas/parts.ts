/**
 * Formulas of „Teilbeträge“ (parts): every item and the overhead split into one part per single key.
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { ColumnSpec, FormulaContext, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { computedText } from "../../common/columns.js";
import { blockOf, columnBlock, letterOf, positionFormula } from "./blocks.js";
import { actualLabel, cents, planLabel, splitNumberColumns } from "../columns.js";
import { KEY_NO, MIX_COLUMNS, PART_COUNT } from "../keys.js";
import { OVERHEAD_LABEL, SHEET } from "../layout.js";
import { at, countsOf, firstRow, overheadMixBlock, percentScale, rowsOf } from "./common.js";

// --- Teilbeträge (parts): slot-major, PART_COUNT rows per slot -----------------------------------

export interface PartRow {
  readonly slot: number;
  /** 1-based part = single key number. */
  readonly part: number;
  /** 0-based split number (row index on the parts sheet). */
  readonly split: number;
  readonly isOverhead: boolean;
  readonly block: ReturnType<typeof blockOf>;
}

export function partRow(ctx: FormulaContext): PartRow {
  const block = blockOf(ctx.row, firstRow("parts"), PART_COUNT);
  const slot = block.index + 1;
  return {
    slot,
    part: block.offset + 1,
    split: block.index * PART_COUNT + block.offset,
    isOverhead: slot > countsOf(ctx).items,
    block,
  };
}

/** The slot's value from the items sheet, or the overhead's from the settings. */
export const slotValue = (ctx: FormulaContext, row: PartRow, itemKey: string, overheadField: string): string =>
  row.isOverhead ? ctx.named(`${SHEET.settings}.${overheadField}`) : at(ctx, SHEET.items, itemKey, row.slot - 1);

/** The pairs of one split on the allocation sheet: one row per town slot. */
export const pairsOfSplit = (ctx: FormulaContext, split: number, key: string): string => {
  const towns = countsOf(ctx).towns;
  return rowsOf(ctx, SHEET.allocation, key, split * towns, split * towns + towns - 1);
};

export const partsColumns = (): ColumnSpec[] => {
  const integer = (
    key: string,
    label: LocalizedText,
    formula: (ctx: FormulaContext) => string,
    width = 12,
  ): ColumnSpec => cents(key, label, formula, width);
  const slotName = (ctx: FormulaContext): string => {
    const row = partRow(ctx);
    if (row.isOverhead) {
      const name = ctx.named(`${SHEET.settings}.overheadName`);
      return `IF(${name}="","${OVERHEAD_LABEL[ctx.language]}",${name})`;
    }
    const name = at(ctx, SHEET.items, "name", row.slot - 1);
    return `IF(${name}="","",${name})`;
  };
  const scenario = (suffix: "" | "Actual", label: (de: string, en: string) => LocalizedText): ColumnSpec[] => {
    const k = (key: string): string => `${key}${suffix}`;
    return [
      integer(
        k("amount"),
        label("Betrag A (Cent)", "Amount A (cents)"),
        (ctx) => {
          const row = partRow(ctx);
          if (row.isOverhead)
            return ctx.named(`${SHEET.settings}.${suffix === "" ? "planOverheadCents" : "actualOverheadCents"}`);
          const keyNo = at(ctx, SHEET.items, "keyNo", row.slot - 1);
          return `IF(${keyNo}=${KEY_NO.flatFeePerCase},0,${at(ctx, SHEET.items, suffix === "" ? "planCents" : "actualCents", row.slot - 1)})`;
        },
        15,
      ),
      integer(
        k("base"),
        label("Grundanteil b", "Base b"),
        (ctx) => {
          const { block } = partRow(ctx);
          const m = ctx.cell("weight");
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          return `IF(${total}=0,0,INT(${ctx.cell(k("amount"))}*${m}/${total}))`;
        },
        15,
      ),
      integer(
        k("remainder"),
        label("Rest r", "Remainder r"),
        (ctx) => {
          const { block } = partRow(ctx);
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          return `${ctx.cell(k("amount"))}*${ctx.cell("weight")}-${total}*${ctx.cell(k("base"))}`;
        },
        15,
      ),
      integer(
        k("position"),
        label("Reihenfolge Rest", "Remainder order"),
        (ctx) => positionFormula(ctx, k("remainder"), partRow(ctx).block),
        10,
      ),
      integer(
        k("cents"),
        label("Teilbetrag (Cent)", "Part amount (cents)"),
        (ctx) => {
          const { block } = partRow(ctx);
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          const residual = `${ctx.cell(k("amount"))}-SUM(${columnBlock(letterOf(ctx, k("base")), block.start, block.end)})`;
          return `IF(${total}=0,0,${ctx.cell(k("base"))}+IF(${ctx.cell(k("position"))}<${residual},1,0))`;
        },
        15,
      ),
      integer(
        k("townWeightSum"),
        label("Summe Gewichte W", "Sum of weights W"),
        (ctx) => `SUM(${pairsOfSplit(ctx, partRow(ctx).split, k("weight"))})`,
        14,
      ),
      integer(
        k("residual"),
        label("Restcent R", "Residual cents R"),
        (ctx) => `${ctx.cell(k("cents"))}-SUM(${pairsOfSplit(ctx, partRow(ctx).split, k("base"))})`,
        10,
      ),
    ];
  };
  return [
    ...splitNumberColumns(),
    computedText("item", { de: "Kostenposition", en: "Cost item" }, 30, slotName),
    computedText(
      "part",
      { de: "Teil nach Schlüssel", en: "Part by key" },
      18,
      (ctx) => `INDEX(${ctx.columnRange("allocationKeys", SHEET.lists)},${ctx.cell("partNo")})`,
    ),
    integer(
      "keyNo",
      { de: "Schlüssel der Position", en: "Item's key no." },
      (ctx) => {
        const row = partRow(ctx);
        return slotValue(ctx, row, "keyNo", "overheadKeyNo");
      },
      10,
    ),
    integer(
      "weight",
      { de: "Anteil m (1/100 %)", en: "Share m (1/100 %)" },
      (ctx) => {
        const row = partRow(ctx);
        const keyNo = ctx.cell("keyNo");
        const whole = `IF(${keyNo}=${row.part},10000,0)`;
        const mix = MIX_COLUMNS[row.part - 1];
        if (mix === undefined) return whole;
        const weight = slotValue(ctx, row, mix.column, mix.overheadField);
        const group = row.isOverhead
          ? `SUM(${overheadMixBlock(ctx)})`
          : `SUM(${at(ctx, SHEET.items, MIX_COLUMNS[0]?.column ?? "", row.slot - 1)}:${at(ctx, SHEET.items, MIX_COLUMNS[MIX_COLUMNS.length - 1]?.column ?? "", row.slot - 1).replace(/^.*!/, "")})`;
        return `IF(${keyNo}=${KEY_NO.mixed},ROUND(${weight}*${percentScale(group)},0),${whole})`;
      },
      12,
    ),
    ...scenario("", planLabel),
    ...scenario("Actual", actualLabel),
  ];
};

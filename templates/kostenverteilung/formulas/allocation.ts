/**
 * Formulas of „Verteilung“ (pairs): every part split over the towns by its key, plan and actual.
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { ColumnSpec, FormulaContext, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { computedText } from "../../common/columns.js";
import { blockOf, positionFormula } from "./blocks.js";
import { actualLabel, cents, fixedNumber, planLabel, splitNumberColumns } from "../columns.js";
import { KEY_NO, PART_COUNT } from "../keys.js";
import { SHEET } from "../layout.js";
import { at, countsOf, firstRow, percentScale } from "./common.js";

// --- Verteilung (pairs): part-major, one row per town slot ---------------------------------------

export interface PairRow {
  readonly split: number;
  readonly slot: number;
  readonly part: number;
  /** 0-based town slot. */
  readonly town: number;
  readonly isOverhead: boolean;
  readonly block: ReturnType<typeof blockOf>;
}

export function pairRow(ctx: FormulaContext): PairRow {
  const counts = countsOf(ctx);
  const block = blockOf(ctx.row, firstRow("allocation"), counts.towns);
  const split = block.index;
  const slot = Math.floor(split / PART_COUNT) + 1;
  return { split, slot, part: (split % PART_COUNT) + 1, town: block.offset, isOverhead: slot > counts.items, block };
}

/** The town's integer weight for the row's part: `1`, the value, or hundredths of FTE / percent. */
export function townWeight(ctx: FormulaContext, actual: boolean): string {
  const row = pairRow(ctx);
  const town = (key: string): string => at(ctx, SHEET.towns, key, row.town);
  const value = (key: "population" | "cases" | "workplaces" | "fteShare"): string => {
    const plan = town(key);
    if (!actual) return plan;
    const typed = town(`actual${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`);
    return `IF(${typed}="",${plan},${typed})`;
  };
  const name = town("name");
  const fixedScale = percentScale(`SUM(${ctx.columnRange("fixedPercent", SHEET.towns)})`);
  const weights = [
    "1",
    `ROUND(${value("population")},0)`,
    `ROUND(${value("cases")},0)`,
    `ROUND(${value("workplaces")},0)`,
    `ROUND(${value("fteShare")}*100,0)`,
    `ROUND(${town("fixedPercent")}*${fixedScale},0)`,
  ];
  return `IF(${name}="",0,${weights[row.part - 1] ?? "0"})`;
}

export const pairsColumns = (): ColumnSpec[] => {
  const scenario = (suffix: "" | "Actual", label: (de: string, en: string) => LocalizedText): ColumnSpec[] => {
    const k = (key: string): string => `${key}${suffix}`;
    const partCell = (ctx: FormulaContext, key: string): string => at(ctx, SHEET.parts, k(key), pairRow(ctx).split);
    return [
      cents(k("weight"), label("Gewicht w", "Weight w"), (ctx) => townWeight(ctx, suffix === "Actual"), 11),
      cents(
        k("base"),
        label("Grundanteil b", "Base b"),
        (ctx) => {
          const w = partCell(ctx, "townWeightSum");
          return `IF(${w}=0,0,INT(${partCell(ctx, "cents")}*${ctx.cell(k("weight"))}/${w}))`;
        },
        14,
      ),
      cents(
        k("remainder"),
        label("Rest r", "Remainder r"),
        (ctx) =>
          `${partCell(ctx, "cents")}*${ctx.cell(k("weight"))}-${partCell(ctx, "townWeightSum")}*${ctx.cell(k("base"))}`,
        14,
      ),
      cents(
        k("position"),
        label("Reihenfolge Rest", "Remainder order"),
        (ctx) => positionFormula(ctx, k("remainder"), pairRow(ctx).block),
        10,
      ),
      cents(
        k("cents"),
        label("Anteil (Cent)", "Share (cents)"),
        (ctx) => {
          const row = pairRow(ctx);
          const split = `${ctx.cell(k("base"))}+IF(${ctx.cell(k("position"))}<${partCell(ctx, "residual")},1,0)`;
          if (row.isOverhead) return split;
          const keyNo = at(ctx, SHEET.items, "keyNo", row.slot - 1);
          const fee = `ROUND(${at(ctx, SHEET.items, "flatFee", row.slot - 1)}*100,0)`;
          const flat = row.part === KEY_NO.cases ? `${fee}*${ctx.cell(k("weight"))}` : "0";
          return `IF(${keyNo}=${KEY_NO.flatFeePerCase},${flat},${split})`;
        },
        14,
      ),
    ];
  };
  return [
    ...splitNumberColumns(),
    fixedNumber("townNo", { de: "Kommune-Nr.", en: "Town no." }),
    computedText("item", { de: "Kostenposition", en: "Cost item" }, 28, (ctx) =>
      at(ctx, SHEET.parts, "item", pairRow(ctx).split),
    ),
    computedText("part", { de: "Teil nach Schlüssel", en: "Part by key" }, 16, (ctx) =>
      at(ctx, SHEET.parts, "part", pairRow(ctx).split),
    ),
    {
      key: "town",
      label: { de: "Kommune", en: "Town" },
      type: "text",
      kind: "computed",
      width: 20,
      formula: (ctx) => {
        const name = at(ctx, SHEET.towns, "name", pairRow(ctx).town);
        return `IF(${name}="","",${name})`;
      },
    },
    ...scenario("", planLabel),
    ...scenario("Actual", actualLabel),
  ];
};

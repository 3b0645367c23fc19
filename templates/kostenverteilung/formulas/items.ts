/**
 * Formulas of „Kostenpositionen“ (items): the amounts in cents and the items' check.
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { FormulaContext } from "../../../lib/spec/TemplateSpec.js";
import { KEY_NO, MIX_COLUMNS, PART_COUNT } from "../keys.js";
import { CHECK_REASON, HEADER_ROW, SHEET, checkText } from "../layout.js";
import {
  FULL_WEIGHT,
  anyNegative,
  anyText,
  at,
  countsOf,
  firstFailing,
  fixedNot100,
  rowsOf,
  slotPartWeights,
} from "./common.js";

// --- Kostenpositionen (items) --------------------------------------------------------------------

/** All pair rows of an item slot (PART_COUNT × towns rows). */
export const pairsOfSlot = (ctx: FormulaContext, slot: number, key: string): string => {
  const towns = countsOf(ctx).towns;
  const start = (slot - 1) * PART_COUNT * towns;
  return rowsOf(ctx, SHEET.allocation, key, start, start + PART_COUNT * towns - 1);
};

export const itemSlot = (ctx: FormulaContext): number => ctx.row - HEADER_ROW.items;

export function itemCentsFormula(ctx: FormulaContext, actual: boolean): string {
  const slot = itemSlot(ctx);
  const fee = `ROUND(${ctx.cell("flatFee")}*100,0)`;
  const casesWeight = at(
    ctx,
    SHEET.parts,
    actual ? "townWeightSumActual" : "townWeightSum",
    (slot - 1) * PART_COUNT + KEY_NO.cases - 1,
  );
  const amount = actual
    ? `IF(${ctx.cell("actualAmount")}="",${ctx.cell("amount")},${ctx.cell("actualAmount")})`
    : ctx.cell("amount");
  return `IF(${ctx.cell("name")}="",0,IF(${ctx.cell("keyNo")}=${KEY_NO.flatFeePerCase},${fee}*${casesWeight},ROUND(${amount}*100,0)))`;
}

/**
 * The items' check („Probe“): values without a name, no key from the list, text or a negative
 * number, a missing amount or fee, mixed weights or fixed shares not making 100 %, and — when all
 * that is fine — that the shares add up to the amount (plan and actual).
 */
export function itemCheckFormula(ctx: FormulaContext): string {
  const slot = itemSlot(ctx);
  const name = ctx.cell("name");
  const keyNo = ctx.cell("keyNo");
  const numbers = ["amount", ...MIX_COLUMNS.map((mix) => mix.column), "flatFee", "actualAmount"].map((key) =>
    ctx.cell(key),
  );
  const plan = `SUM(${pairsOfSlot(ctx, slot, "cents")})=${ctx.cell("planCents")}`;
  const actual = `SUM(${pairsOfSlot(ctx, slot, "centsActual")})=${ctx.cell("actualCents")}`;
  const sums = `IF(AND(${plan},${actual}),"${checkText("ok", ctx.language)}","${checkText("wrong", ctx.language)}")`;
  const checks = firstFailing(
    ctx.language,
    [
      [`${keyNo}=""`, "keyMissing"],
      [anyText(numbers), "text"],
      [anyNegative(numbers), "negative"],
      [`AND(${keyNo}=${KEY_NO.flatFeePerCase},${ctx.cell("flatFee")}="")`, "feeMissing"],
      [`AND(${keyNo}<>${KEY_NO.flatFeePerCase},${ctx.cell("amount")}="")`, "amountMissing"],
      [`AND(${keyNo}=${KEY_NO.mixed},${slotPartWeights(ctx, slot)}<>${FULL_WEIGHT})`, "mixNot100"],
      [`AND(${keyNo}=${KEY_NO.fixedPercent},${fixedNot100(ctx)})`, "fixedNot100"],
    ],
    sums,
  );
  const inputs = `${ctx.cell("amount")}:${ctx.cell("actualAmount")}`;
  return `IF(TRIM(${name})="",IF(OR(${name}<>"",COUNTA(${inputs})>0),"${CHECK_REASON.nameMissing[ctx.language]}",""),${checks})`;
}

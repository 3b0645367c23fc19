/**
 * Formulas of „Grunddaten“ (settings): the overhead's amount and check.
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { FormulaContext } from "../../../lib/spec/TemplateSpec.js";
import { KEY_NO, MIX_COLUMNS } from "../keys.js";
import { SHEET, checkText } from "../layout.js";
import { FULL_WEIGHT, anyNegative, anyText, countsOf, firstFailing, fixedNot100, slotPartWeights } from "./common.js";
import { pairsOfSlot } from "./items.js";

/**
 * The overhead's check on „Grunddaten“: text, a percentage outside 0–100 or between 0 and 1 (a
 * fraction: „5 %“ typed in a percent cell stores 0.05 — type 5), no key, mixed weights or fixed
 * shares not making 100 %, and that its shares add up to its amount. Blank without a percentage.
 */
export function overheadCheckFormula(ctx: FormulaContext): string {
  const field = (key: string): string => ctx.named(`${SHEET.settings}.${key}`);
  const percent = field("overheadPercent");
  const keyNo = field("overheadKeyNo");
  const weights = MIX_COLUMNS.map((mix) => field(mix.overheadField));
  const slot = countsOf(ctx).items + 1;
  const plan = `SUM(${pairsOfSlot(ctx, slot, "cents")})=${field("planOverheadCents")}`;
  const actual = `SUM(${pairsOfSlot(ctx, slot, "centsActual")})=${field("actualOverheadCents")}`;
  const sums = `IF(AND(${plan},${actual}),"${checkText("ok", ctx.language)}","${checkText("wrong", ctx.language)}")`;
  const checks = firstFailing(
    ctx.language,
    [
      [anyText([percent, ...weights]), "text"],
      [`OR(${percent}<0,${percent}>100)`, "percentRange"],
      [`AND(${percent}>0,${percent}<1)`, "fraction"],
      [`OR(${keyNo}="",${keyNo}=${KEY_NO.flatFeePerCase})`, "keyMissing"],
      [anyNegative(weights), "negative"],
      [`AND(${keyNo}=${KEY_NO.mixed},${slotPartWeights(ctx, slot)}<>${FULL_WEIGHT})`, "mixNot100"],
      [`AND(${keyNo}=${KEY_NO.fixedPercent},${fixedNot100(ctx)})`, "fixedNot100"],
    ],
    sums,
  );
  return `IF(${percent}="","",${checks})`;
}

/** `O = ROUND(S·p/10 000, 0)` half away from zero, exactly: `INT((2·S·p + 10 000) / 20 000)`. */
export function overheadFormula(ctx: FormulaContext, baseField: string): string {
  const base = ctx.named(`${SHEET.settings}.${baseField}`);
  const percent = ctx.named(`${SHEET.settings}.overheadPercent`);
  return `INT((2*${base}*ROUND(${percent}*100,0)+10000)/20000)`;
}

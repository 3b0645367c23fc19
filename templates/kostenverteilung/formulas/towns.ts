/**
 * Formulas of „Kommunen“ (towns): the towns' check.
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { FormulaContext } from "../../../lib/spec/TemplateSpec.js";
import { KEY_NO } from "../keys.js";
import { CHECK_REASON, checkText } from "../layout.js";
import { anyNegative, anyOf, anyText, firstFailing, fixedKeyUsed, fixedNot100, keyPartUsed } from "./common.js";

/** The towns' number inputs (text or a negative number there: ✗). */
export const TOWN_NUMBER_COLUMNS = [
  "population",
  "populationDate",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
  "actualPopulation",
  "actualCases",
  "actualWorkplaces",
  "actualFteShare",
] as const;

/** The key values a key part needs, by part number (2 population … 5 FTE). */
export const KEY_VALUE_COLUMNS = [
  ["population", 2],
  ["cases", KEY_NO.cases],
  ["workplaces", 4],
  ["fteShare", 5],
] as const;

/**
 * The towns' check („Probe“): values without a name (not split), text or a negative number in a
 * number cell, a fraction among percent numbers in the fixed shares („35 %“ typed stores 0.35),
 * fixed shares not making 100 %, a key value an item's key needs left blank (would count as 0).
 */
export function townCheckFormula(ctx: FormulaContext): string {
  const name = ctx.cell("name");
  const fixed = ctx.cell("fixedPercent");
  const numbers = TOWN_NUMBER_COLUMNS.map((key) => ctx.cell(key));
  const fixedUsed = fixedKeyUsed(ctx);
  const missing = anyOf([
    ...KEY_VALUE_COLUMNS.map(([key, part]) => `AND(${ctx.cell(key)}="",${keyPartUsed(ctx, part)})`),
    `AND(${fixed}="",${fixedUsed})`,
  ]);
  const checks = firstFailing(
    ctx.language,
    [
      [anyText(numbers), "text"],
      [anyNegative(numbers), "negative"],
      [`AND(${fixed}>0,${fixed}<1,${fixedUsed},${fixedNot100(ctx)})`, "fraction"],
      [`AND(${fixedUsed},${fixedNot100(ctx)})`, "fixedNot100"],
      [missing, "keyValueMissing"],
    ],
    `"${checkText("ok", ctx.language)}"`,
  );
  const inputs = `${ctx.cell("isHost")}:${ctx.cell("actualFteShare")}`;
  return `IF(TRIM(${name})="",IF(OR(${name}<>"",COUNTA(${inputs})>0),"${CHECK_REASON.nameMissing[ctx.language]}",""),${checks})`;
}

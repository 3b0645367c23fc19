/**
 * Column builders of the cost model's sheets (cents, money, counts, decimals, hints).
 * Moved out of spec.ts unchanged (test/formula-fingerprint.test.ts).
 */
import type { ColumnSpec, FormulaContext, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { computedInteger, computedMoney } from "../common/columns.js";
import { KEY_DEFINITIONS } from "./keys.js";

// --- Building blocks -----------------------------------------------------------------------------

export const planLabel = (de: string, en: string): LocalizedText => ({ de: `Plan: ${de}`, en: `Plan: ${en}` });
export const actualLabel = (de: string, en: string): LocalizedText => ({ de: `Ist: ${de}`, en: `Actual: ${en}` });

/** The fixed numbers that place a row of a split: part, item slot, key part. */
export function splitNumberColumns(): ColumnSpec[] {
  return [
    fixedNumber("splitNo", { de: "Teil-Nr.", en: "Part no." }),
    fixedNumber("slotNo", { de: "Pos.-Nr.", en: "Item no." }),
    fixedNumber("partNo", { de: "Schlüssel-Nr.", en: "Key no." }),
  ];
}

export function cents(
  key: string,
  label: LocalizedText,
  formula: (ctx: FormulaContext) => string,
  width = 13,
): ColumnSpec {
  return computedInteger(key, label, width, formula, { numberFormat: "#,##0" });
}

export function money(
  key: string,
  label: LocalizedText,
  formula: (ctx: FormulaContext) => string,
  width = 14,
): ColumnSpec {
  return computedMoney(key, label, width, formula);
}

export function fixedNumber(key: string, label: LocalizedText): ColumnSpec {
  return { key, label, type: "integer", kind: "input", fixed: true, numberFormat: "0", width: 8 };
}

export const count = (key: string, label: LocalizedText, hint?: LocalizedText): ColumnSpec => ({
  key,
  label,
  type: "integer",
  kind: "input",
  min: 0,
  numberFormat: "#,##0",
  width: 11,
  ...(hint ? { hint } : {}),
});

/**
 * A decimal input. Percentages (`max` 100) may carry four decimals, so that fractions typed as
 * 0.3333 (= 33.33 %) pass the reader; the cost model's rules then check the two decimals of the
 * percentage itself.
 */
export const decimal = (key: string, label: LocalizedText, hint: LocalizedText, max?: number): ColumnSpec => ({
  key,
  label,
  type: "decimal",
  kind: "input",
  min: 0,
  ...(max === undefined ? {} : { max }),
  maxDecimals: max === undefined ? 2 : 4,
  numberFormat: "0.00",
  width: 11,
  hint,
});

export const ACTUAL_HINT: LocalizedText = {
  de: "Ist-Wert des Jahres für die Spitzabrechnung; leer = Planwert",
  en: "Actual value of the year for the true-up; blank = plan value",
};
export const PERCENT_HINT: LocalizedText = {
  de: "Prozentzahl, z. B. 30 für 30 % (zusammen 100)",
  en: "Percent number, e.g. 30 for 30 % (together 100)",
};

export const mixLabel = (index: number): LocalizedText => {
  const key = KEY_DEFINITIONS[index];
  return { de: `Misch: ${key?.short.de ?? ""} (%)`, en: `Mixed: ${key?.short.en ?? ""} (%)` };
};

/**
 * Building blocks for the form fields and columns several template specs share: the town's
 * name and contact fields, a date input, a drop-down input and the computed columns
 * (whole number, money, text). Each returns a plain {@link ColumnSpec}; what a spec adds on top
 * (`required`, `align`, a hint, fills) goes in `extras`.
 */
import type { ColumnSpec, FormulaContext, LocalizedText } from "../../lib/spec/TemplateSpec.js";

/** Excel number format of dates in every template. */
export const DATE_FORMAT = "dd.mm.yyyy";
/** Excel number format of euro amounts in every template. */
export const MONEY_FORMAT = '#,##0.00 "€"';

/** Width of a form sheet's value column. */
const FIELD_WIDTH = 30;

/** What a column may add to what its builder sets. */
export type ColumnExtras = Pick<ColumnSpec, "required" | "align" | "hint" | "highlights" | "numberFormat">;

type Formula = (ctx: FormulaContext) => string;

/** The town sheet's field „Name der Kommune“. */
export const townNameField = (): ColumnSpec => ({
  key: "name",
  label: { de: "Name der Kommune", en: "Name of the town" },
  type: "text",
  kind: "input",
  width: FIELD_WIDTH,
});

/** The town sheet's field „Ansprechperson“. */
export const contactField = (): ColumnSpec => ({
  key: "contact",
  label: { de: "Ansprechperson", en: "Contact person" },
  type: "text",
  kind: "input",
  width: FIELD_WIDTH,
});

/** The town sheet's field „E-Mail“. */
export const emailField = (): ColumnSpec => ({
  key: "email",
  label: { de: "E-Mail", en: "E-mail" },
  type: "email",
  kind: "input",
  width: FIELD_WIDTH,
});

/**
 * A date the user types, shown as `dd.mm.yyyy`.
 *
 * @example dateInput("asOf", { de: "Stand", en: "As of" }, 30, { de: "Datum der Bewertung", en: "Date of the assessment" })
 */
export function dateInput(
  key: string,
  label: LocalizedText,
  width: number,
  hint: LocalizedText,
  extras: ColumnExtras = {},
): ColumnSpec {
  return { key, label, type: "date", kind: "input", numberFormat: DATE_FORMAT, width, hint, ...extras };
}

/** An input with a drop-down of the template's list `listKey`; a value must come from the list. */
export function listInput(
  key: string,
  label: LocalizedText,
  listKey: string,
  width: number,
  extras: ColumnExtras = {},
): ColumnSpec {
  return { key, label, type: "list", kind: "input", list: { key: listKey }, width, ...extras };
}

/** A computed whole number, format `0` unless `extras` says otherwise. */
export function computedInteger(
  key: string,
  label: LocalizedText,
  width: number,
  formula: Formula,
  extras: ColumnExtras = {},
): ColumnSpec {
  return { key, label, type: "integer", kind: "computed", numberFormat: "0", width, formula, ...extras };
}

/** A computed euro amount, format `#,##0.00 "€"`. */
export function computedMoney(
  key: string,
  label: LocalizedText,
  width: number,
  formula: Formula,
  extras: ColumnExtras = {},
): ColumnSpec {
  return { key, label, type: "currency", kind: "computed", numberFormat: MONEY_FORMAT, width, formula, ...extras };
}

/** A computed text (a name, a verdict, a flag). */
export function computedText(
  key: string,
  label: LocalizedText,
  width: number,
  formula: Formula,
  extras: ColumnExtras = {},
): ColumnSpec {
  return { key, label, type: "text", kind: "computed", width, formula, ...extras };
}

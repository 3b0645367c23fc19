/**
 * The cost model's words and number formats in German and English: key and field labels, numbers,
 * euros, quotes. Its findings: lib/messages/costModelFindings.ts.
 */
import type { Language } from "../spec/TemplateSpec.js";
import type { AllocationKey } from "./model.js";

/** A text in both languages of the product. */
export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10 }),
};
const EURO_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** A number in the language's notation (`1.234,5` / `1,234.5`). */
export function formatNumber(value: number | undefined, language: Language): string {
  return value === undefined ? "?" : NUMBER_FORMATS[language].format(value);
}

/** Cents as euros: `1.234,56 €` / `€1,234.56`. */
export function formatEuros(cents: number | undefined, language: Language): string {
  if (cents === undefined) return "?";
  const amount = EURO_FORMATS[language].format(cents / 100);
  return language === "de" ? `${amount} €` : `€${amount}`;
}

/** A quoted text: „…“ in German, “…” in English. */
export function quote(text: string | undefined, language: Language): string {
  return language === "de" ? `„${text ?? ""}“` : `“${text ?? ""}”`;
}

export const KEY_LABELS: Readonly<Record<AllocationKey, LocalizedText>> = {
  equal: { de: "Gleichverteilung", en: "equal split" },
  population: { de: "Einwohner", en: "population" },
  cases: { de: "Fallzahlen", en: "cases" },
  workplaces: { de: "Arbeitsplätze", en: "workplaces" },
  fteShare: { de: "Stellenanteile (VZÄ)", en: "FTE shares" },
  fixedPercent: { de: "Festanteile", en: "fixed percentages" },
  mixed: { de: "Mischschlüssel", en: "mixed key" },
  flatFeePerCase: { de: "Kostenpauschale je Fall", en: "flat fee per case" },
};

/** Labels of the fields a message can name. */
export const FIELD_LABELS = {
  name: { de: "Name", en: "name" },
  population: { de: "Einwohner", en: "population" },
  cases: { de: "Fallzahlen", en: "cases" },
  workplaces: { de: "Arbeitsplätze", en: "workplaces" },
  fteShare: { de: "Stellenanteil (VZÄ)", en: "FTE share" },
  fixedPercent: { de: "Festanteil (%)", en: "fixed percentage" },
  amount: { de: "Jahresbetrag", en: "annual amount" },
  actualAmount: { de: "Ist-Betrag", en: "actual amount" },
  flatFeePerCase: { de: "Pauschale je Fall", en: "fee per case" },
  percent: { de: "Prozentsatz", en: "percentage" },
  key: { de: "Verteilungsschlüssel", en: "allocation key" },
  mixedWeights: { de: "Gewichte des Mischschlüssels", en: "mixed-key weights" },
} as const satisfies Record<string, LocalizedText>;

export type FieldName = keyof typeof FIELD_LABELS;

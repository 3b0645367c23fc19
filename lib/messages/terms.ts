/**
 * Short texts that are not findings: data-validation prompts, value kinds, table headings of
 * reports. Kept next to the findings catalogue so all user-facing text lives in lib/messages.
 */
import type { Language } from "../spec/TemplateSpec.js";

export interface TermParams {
  readonly column?: string;
  readonly expected?: string;
  readonly sheet?: string;
  readonly min?: number;
  readonly max?: number;
  readonly value?: string;
}

type Render = (p: TermParams) => string;

const formatNumber = (value: number | undefined, language: Language): string =>
  value === undefined ? "" : value.toLocaleString(language === "de" ? "de-DE" : "en-GB");

const terms = {
  validationError: {
    de: (p) => `${p.column ?? ""}: ${p.expected ?? ""}`,
    en: (p) => `${p.column ?? ""}: ${p.expected ?? ""}`,
  },
  expectWholeNumber: {
    de: (p) => (p.max === undefined ? `ganze Zahl ab ${formatNumber(p.min, "de")}` : `ganze Zahl von ${formatNumber(p.min, "de")} bis ${formatNumber(p.max, "de")}`),
    en: (p) => (p.max === undefined ? `whole number from ${formatNumber(p.min, "en")}` : `whole number from ${formatNumber(p.min, "en")} to ${formatNumber(p.max, "en")}`),
  },
  expectNumber: {
    de: (p) => (p.max === undefined ? `Zahl ab ${formatNumber(p.min, "de")}` : `Zahl von ${formatNumber(p.min, "de")} bis ${formatNumber(p.max, "de")}`),
    en: (p) => (p.max === undefined ? `number from ${formatNumber(p.min, "en")}` : `number from ${formatNumber(p.min, "en")} to ${formatNumber(p.max, "en")}`),
  },
  expectDecimals: {
    de: (p) => `höchstens ${p.value ?? ""} Nachkommastellen`,
    en: (p) => `at most ${p.value ?? ""} decimal places`,
  },
  expectListValue: {
    de: (p) => `ein Wert aus der Liste (Blatt „${p.sheet ?? ""}“)`,
    en: (p) => `a value from the list (sheet “${p.sheet ?? ""}”)`,
  },
  expectDate: { de: () => "ein Datum (TT.MM.JJJJ)", en: () => "a date (DD/MM/YYYY)" },
  expectText: { de: () => "Text", en: () => "text" },
  expectValue: { de: () => "ein Wert", en: () => "a value" },
  expectEmail: { de: () => "E-Mail-Adresse wie name@gemeinde.de", en: () => "an e-mail address like name@town.de" },
  expectProductCode: { de: () => "Produktcode aus 2 bis 8 Ziffern", en: () => "a product code of 2 to 8 digits" },
  expectUniqueCode: { de: () => "jeder Produktcode nur einmal", en: () => "each product code once" },
  expectFrameworkCode: { de: () => "Code aus dem Produktrahmen", en: () => "a code of the product framework" },
  expectFormula: { de: (p) => `die Formel =${p.value ?? ""}`, en: (p) => `the formula =${p.value ?? ""}` },
  expectPositiveWeight: { de: () => "mindestens ein Gewicht > 0", en: () => "at least one weight > 0" },
  expectThresholdOrder: { de: () => "Schwelle A > Schwelle B", en: () => "threshold A > threshold B" },
  expectTemplateVersion: { de: (p) => `Version ${p.value ?? ""}`, en: (p) => `version ${p.value ?? ""}` },
  expectSheetHeader: { de: (p) => `Kopfzeile „${p.value ?? ""}“`, en: (p) => `header “${p.value ?? ""}”` },
  kindEmpty: { de: () => "leer", en: () => "empty" },
  kindText: { de: (p) => `„${p.value ?? ""}“ (Text)`, en: (p) => `“${p.value ?? ""}” (text)` },
  kindNumber: { de: (p) => `${p.value ?? ""} (Zahl)`, en: (p) => `${p.value ?? ""} (number)` },
  kindBoolean: { de: (p) => `${p.value ?? ""} (Wahrheitswert)`, en: (p) => `${p.value ?? ""} (boolean)` },
  kindDate: { de: (p) => `${p.value ?? ""} (Datum)`, en: (p) => `${p.value ?? ""} (date)` },
  kindError: { de: (p) => `${p.value ?? ""} (Fehlerwert)`, en: (p) => `${p.value ?? ""} (error value)` },
  kindFormula: { de: (p) => `=${p.value ?? ""} (Formel)`, en: (p) => `=${p.value ?? ""} (formula)` },
  expected: { de: () => "erwartet", en: () => "expected" },
  received: { de: () => "gefunden", en: () => "found" },
  severityError: { de: () => "Fehler", en: () => "Error" },
  severityWarning: { de: () => "Warnung", en: () => "Warning" },
  severityInfo: { de: () => "Hinweis", en: () => "Note" },
} satisfies Record<string, Record<Language, Render>>;

export type TermKey = keyof typeof terms;

/** Renders a short text in the given language. */
export function renderTerm(key: TermKey, language: Language, params: TermParams = {}): string {
  return terms[key][language](params);
}

/** Formats a number the way a reader of that language writes it (decimal comma in German). */
export function formatNumberFor(value: number, language: Language): string {
  return value.toLocaleString(language === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 10 });
}

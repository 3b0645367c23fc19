/**
 * Every text a user reads about a cost model, German and English side by side. Each message is
 * rendered from typed facts (numbers stay numbers until they are formatted per language), so a
 * message cannot lose its facts in translation.
 */
import { countNoun } from "../messages/plural.js";
import type { Language } from "../spec/TemplateSpec.js";
import { MIXED_KEY_PARTS, type AllocationKey } from "./model.js";

/** A text in both languages of the product. */
export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

/** The facts a message is rendered from. */
export interface AllocationMessageParams {
  /** What the message is about, e.g. „Kommune „Bockau“, Fallzahlen“. */
  readonly subject?: LocalizedText;
  readonly text?: string;
  readonly value?: number;
  readonly cents?: number;
  readonly limitCents?: number;
  readonly limit?: number;
  readonly count?: number;
  readonly position?: number;
  readonly otherPosition?: number;
  readonly key?: AllocationKey;
  /** The issue concerns the computation with actual values (true-up). */
  readonly actual?: boolean;
}

type Render = (p: AllocationMessageParams) => string;

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

const actualNote: Record<Language, (p: AllocationMessageParams) => string> = {
  de: (p) => (p.actual ? " (mit den Ist-Werten)" : ""),
  en: (p) => (p.actual ? " (with the actual values)" : ""),
};

const subject = (p: AllocationMessageParams, language: Language): string => p.subject?.[language] ?? "";
const mixedPartList = (language: Language): string =>
  MIXED_KEY_PARTS.map((part) => KEY_LABELS[part][language]).join(", ");

const catalogue = {
  // --- towns ---
  "towns.empty": {
    de: () => "Es ist keine Kommune eingetragen; es wird mindestens eine gebraucht.",
    en: () => "No town is entered; at least one is needed.",
  },
  "town.nameMissing": {
    de: (p) => `Kommune Nr. ${p.position ?? "?"}: der Name fehlt.`,
    en: (p) => `Town no. ${p.position ?? "?"}: the name is missing.`,
  },
  "town.duplicateName": {
    de: (p) =>
      `Die Kommune ${quote(p.text, "de")} ist doppelt eingetragen (Nr. ${p.otherPosition ?? "?"} und Nr. ${p.position ?? "?"}). Groß-/Kleinschreibung und Leerzeichen am Rand zählen dabei nicht.`,
    en: (p) =>
      `The town ${quote(p.text, "en")} is listed twice (no. ${p.otherPosition ?? "?"} and no. ${p.position ?? "?"}). Case and surrounding spaces do not count.`,
  },
  "town.multipleHosts": {
    de: (p) =>
      `${countNoun(p.count, "Kommune ist", "Kommunen sind", "de")} als Sitzgemeinde markiert; üblich ist genau eine. Die Verteilung ändert sich dadurch nicht.`,
    en: (p) =>
      `${countNoun(p.count, "town is", "towns are", "en")} marked as host town; usually there is exactly one. The split does not change.`,
  },
  // --- single values ---
  "value.missing": {
    de: (p) => `${subject(p, "de")}: kein Wert eingetragen.`,
    en: (p) => `${subject(p, "en")}: no value entered.`,
  },
  "value.notANumber": {
    de: (p) => `${subject(p, "de")}: ${quote(p.text, "de")} ist keine Zahl.`,
    en: (p) => `${subject(p, "en")}: ${quote(p.text, "en")} is not a number.`,
  },
  "value.negative": {
    de: (p) => `${subject(p, "de")}: der Wert darf nicht negativ sein (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: the value must not be negative (found: ${formatNumber(p.value, "en")}).`,
  },
  "value.notInteger": {
    de: (p) => `${subject(p, "de")}: erwartet wird eine ganze Zahl (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: a whole number is expected (found: ${formatNumber(p.value, "en")}).`,
  },
  "value.tooManyDecimals": {
    de: (p) =>
      `${subject(p, "de")}: höchstens ${countNoun(p.limit ?? 2, "Nachkommastelle", "Nachkommastellen", "de")} (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) =>
      `${subject(p, "en")}: at most ${countNoun(p.limit ?? 2, "decimal", "decimals", "en")} (found: ${formatNumber(p.value, "en")}).`,
  },
  "value.aboveHundred": {
    de: (p) => `${subject(p, "de")}: höchstens 100 % (gefunden: ${formatNumber(p.value, "de")} %).`,
    en: (p) => `${subject(p, "en")}: at most 100 % (found: ${formatNumber(p.value, "en")} %).`,
  },
  "value.tooLarge": {
    de: (p) =>
      `${subject(p, "de")}: höchstens ${formatNumber(p.limit, "de")} (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: at most ${formatNumber(p.limit, "en")} (found: ${formatNumber(p.value, "en")}).`,
  },
  // --- keys ---
  "key.unknown": {
    de: (p) =>
      `${subject(p, "de")}: unbekannter Verteilungsschlüssel ${quote(p.text, "de")}. Möglich: ${Object.values(
        KEY_LABELS,
      )
        .map((l) => l.de)
        .join(", ")}.`,
    en: (p) =>
      `${subject(p, "en")}: unknown allocation key ${quote(p.text, "en")}. Possible: ${Object.values(KEY_LABELS)
        .map((l) => l.en)
        .join(", ")}.`,
  },
  "key.valueMissing": {
    de: (p) =>
      `${subject(p, "de")}: kein Wert eingetragen, er wird aber für ${quote(p.text, "de")}${(p.count ?? 1) > 1 ? ` und ${countNoun((p.count ?? 1) - 1, "weiteren Posten", "weitere Posten", "de")}` : ""} gebraucht. Bitte 0 eintragen, wenn die Kommune keine hat.`,
    en: (p) =>
      `${subject(p, "en")}: no value entered, but it is needed for ${quote(p.text, "en")}${(p.count ?? 1) > 1 ? ` and ${countNoun((p.count ?? 1) - 1, "more item", "more items", "en")}` : ""}. Please enter 0 if the town has none.`,
  },
  "key.allZero": {
    de: (p) =>
      `${subject(p, "de")}: alle Kommunen haben beim Schlüssel ${quote(p.key ? KEY_LABELS[p.key].de : "", "de")} den Wert 0${actualNote.de(p)}; so lässt sich der Betrag nicht verteilen.`,
    en: (p) =>
      `${subject(p, "en")}: every town has 0 for the key ${quote(p.key ? KEY_LABELS[p.key].en : "", "en")}${actualNote.en(p)}; the amount cannot be split that way.`,
  },
  "fixedPercent.sumNot100": {
    de: (p) =>
      `Die Festanteile der Kommunen ergeben zusammen ${formatNumber(p.value, "de")} % statt 100 %${actualNote.de(p)}.${
        p.value !== undefined && Math.abs(p.value - 1) < 1e-9
          ? " Wurden sie als Bruchteile eingetragen (0,3 statt 30)? Bitte „30“ oder „30 %“ eingeben."
          : ""
      }`,
    en: (p) =>
      `The towns' fixed percentages add up to ${formatNumber(p.value, "en")} % instead of 100 %${actualNote.en(p)}.${
        p.value !== undefined && Math.abs(p.value - 1) < 1e-9
          ? " Were they entered as fractions (0.3 for 30)? Please enter “30” or “30 %”."
          : ""
      }`,
  },
  "percent.fractionAmongPoints": {
    de: (p) =>
      `${subject(p, "de")}: ${formatNumber(p.value, "de")} steht zwischen Prozentzahlen, deren Summe nicht 100 ergibt. So speichert die Tabelle „${formatNumber((p.value ?? 0) * 100, "de")} %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Gemeint ist wohl ${formatNumber((p.value ?? 0) * 100, "de")}: bitte die Prozentzahl eingeben, so dass die Gruppe zusammen 100 ergibt.`,
    en: (p) =>
      `${subject(p, "en")}: ${formatNumber(p.value, "en")} stands among percent numbers that do not add up to 100. That is what a spreadsheet stores when “${formatNumber((p.value ?? 0) * 100, "en")} %” is typed into a percent-formatted cell. ${formatNumber((p.value ?? 0) * 100, "en")} is probably meant: please type the percent number, so that the group adds up to 100.`,
  },
  "overhead.percentFraction": {
    de: (p) =>
      `${subject(p, "de")}: ${formatNumber(p.value, "de")} ist mehrdeutig – ${formatNumber(p.value, "de")} % oder ${formatNumber((p.value ?? 0) * 100, "de")} %? So speichert die Tabelle „${formatNumber((p.value ?? 0) * 100, "de")} %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Bitte die Prozentzahl eingeben, z. B. ${formatNumber((p.value ?? 0) * 100, "de")} für ${formatNumber((p.value ?? 0) * 100, "de")} % (eine Pauschale unter 1 % ist nicht vorgesehen).`,
    en: (p) =>
      `${subject(p, "en")}: ${formatNumber(p.value, "en")} is ambiguous – ${formatNumber(p.value, "en")} % or ${formatNumber((p.value ?? 0) * 100, "en")} %? That is what a spreadsheet stores when “${formatNumber((p.value ?? 0) * 100, "en")} %” is typed into a percent-formatted cell. Please type the percent number, e.g. ${formatNumber((p.value ?? 0) * 100, "en")} for ${formatNumber((p.value ?? 0) * 100, "en")} % (an overhead below 1 % is not provided for).`,
  },
  // --- mixed keys ---
  "mixed.weightsMissing": {
    de: (p) =>
      `${subject(p, "de")}: der Mischschlüssel braucht Gewichte in Prozent, z. B. 30 % Gleichverteilung und 70 % Einwohner.`,
    en: (p) =>
      `${subject(p, "en")}: the mixed key needs weights in percent, e.g. 30 % equal split and 70 % population.`,
  },
  "mixed.unknownPart": {
    de: (p) =>
      `${subject(p, "de")}: ${quote(p.text, "de")} kann nicht Teil eines Mischschlüssels sein. Möglich: ${mixedPartList("de")}.`,
    en: (p) =>
      `${subject(p, "en")}: ${quote(p.text, "en")} cannot be part of a mixed key. Possible: ${mixedPartList("en")}.`,
  },
  "mixed.sumNot100": {
    de: (p) =>
      `${subject(p, "de")}: die Gewichte des Mischschlüssels ergeben ${formatNumber(p.value, "de")} % statt 100 %.`,
    en: (p) =>
      `${subject(p, "en")}: the mixed-key weights add up to ${formatNumber(p.value, "en")} % instead of 100 %.`,
  },
  "mixed.weightsIgnored": {
    de: (p) =>
      `${subject(p, "de")}: Gewichte eines Mischschlüssels sind eingetragen, der Schlüssel ist aber ${quote(p.key ? KEY_LABELS[p.key].de : "", "de")}; die Gewichte werden nicht verwendet.`,
    en: (p) =>
      `${subject(p, "en")}: mixed-key weights are entered but the key is ${quote(p.key ? KEY_LABELS[p.key].en : "", "en")}; the weights are not used.`,
  },
  // --- items ---
  "item.nameMissing": {
    de: (p) => `Posten Nr. ${p.position ?? "?"}: die Bezeichnung fehlt.`,
    en: (p) => `Item no. ${p.position ?? "?"}: the description is missing.`,
  },
  "item.amountMissing": {
    de: (p) => `${subject(p, "de")}: der Jahresbetrag fehlt.`,
    en: (p) => `${subject(p, "en")}: the annual amount is missing.`,
  },
  "item.feeMissing": {
    de: (p) => `${subject(p, "de")}: beim Schlüssel „Kostenpauschale je Fall“ fehlt die Pauschale je Fall.`,
    en: (p) => `${subject(p, "en")}: the key “flat fee per case” needs the fee per case.`,
  },
  "item.amountIgnored": {
    de: (p) =>
      `${subject(p, "de")}: bei einer Kostenpauschale je Fall ergibt sich der Betrag aus Pauschale × Fallzahlen; der eingetragene Betrag (${formatEuros(p.cents, "de")}) wird nicht verwendet.`,
    en: (p) =>
      `${subject(p, "en")}: with a flat fee per case the amount is fee × cases; the amount entered (${formatEuros(p.cents, "en")}) is not used.`,
  },
  "item.noCases": {
    de: (p) => `${subject(p, "de")}: alle Kommunen haben 0 Fälle${actualNote.de(p)}; die Pauschale ergibt 0 €.`,
    en: (p) => `${subject(p, "en")}: every town has 0 cases${actualNote.en(p)}; the fee comes to €0.00.`,
  },
  "overhead.keyNotAllowed": {
    de: () =>
      "Die Verwaltungskostenpauschale kann nicht als „Kostenpauschale je Fall“ verteilt werden; bitte einen anderen Schlüssel wählen.",
    en: () => "The administrative overhead cannot be split as a “flat fee per case”; please choose another key.",
  },
  "actual.incomplete": {
    de: (p) =>
      `${subject(p, "de")}: Ist-Werte sind nur für einen Teil der Kommunen eingetragen; für ${p.text ?? ""} gilt der Planwert.`,
    en: (p) =>
      `${subject(p, "en")}: actual values are entered for some towns only; for ${p.text ?? ""} the plan value applies.`,
  },
  // --- limits ---
  "limit.itemTooLarge": {
    de: (p) =>
      `${subject(p, "de")}: der Betrag ${formatEuros(p.cents, "de")} übersteigt die Obergrenze von ${formatEuros(p.limitCents, "de")}${actualNote.de(p)}.`,
    en: (p) =>
      `${subject(p, "en")}: the amount ${formatEuros(p.cents, "en")} exceeds the limit of ${formatEuros(p.limitCents, "en")}${actualNote.en(p)}.`,
  },
  "limit.totalTooLarge": {
    de: (p) =>
      `Die Summe aller Posten (${formatEuros(p.cents, "de")}) übersteigt die Obergrenze von ${formatEuros(p.limitCents, "de")}${actualNote.de(p)}.`,
    en: (p) =>
      `The sum of all items (${formatEuros(p.cents, "en")}) exceeds the limit of ${formatEuros(p.limitCents, "en")}${actualNote.en(p)}.`,
  },
  "limit.sheetPrecision": {
    de: (p) =>
      `${subject(p, "de")}: Betrag × Schlüsselsumme (${formatNumber(p.value, "de")}) ist größer als 10¹⁴${actualNote.de(p)}. Bis dahin rechnen die Formeln in Excel und LibreOffice centgenau; darüber kann das Blatt um einzelne Cent von ikz-kit abweichen (ikz-kit selbst rechnet weiter exakt). Abhilfe: den Posten auf mehrere Posten aufteilen.`,
    en: (p) =>
      `${subject(p, "en")}: amount × key total (${formatNumber(p.value, "en")}) exceeds 10¹⁴${actualNote.en(p)}. Up to that, the formulas in Excel and LibreOffice are exact to the cent; beyond it the sheet may differ from ikz-kit by single cents (ikz-kit itself stays exact). Remedy: split the item into several items.`,
  },
} satisfies Record<string, Record<Language, Render>>;

export type AllocationMessageCode = keyof typeof catalogue;

/** Renders a message in both languages. */
export function renderAllocationMessage(
  code: AllocationMessageCode,
  params: AllocationMessageParams = {},
): LocalizedText {
  const entry: Record<Language, Render> = catalogue[code];
  return { de: entry.de(params), en: entry.en(params) };
}

/** All codes, for the test that renders every message in every language. */
export const ALLOCATION_MESSAGE_CODES = Object.keys(catalogue) as AllocationMessageCode[];

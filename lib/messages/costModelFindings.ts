/**
 * The cost model's findings (lib/allocation/validateCostModel.ts): each code's sentence, what it
 * expects and what was found, in German and English, rendered from typed facts (numbers stay
 * numbers until they are formatted per language).
 */
import { KEY_LABELS, formatEuros, formatNumber, quote, type LocalizedText } from "../allocation/messages.js";
import { MIXED_KEY_PARTS, type AllocationKey } from "../allocation/model.js";
import type { Language } from "../spec/TemplateSpec.js";
import type { FindingText, FindingTexts } from "./findings.js";
import { countNoun } from "./plural.js";
import { renderTerm } from "./terms.js";

/** The facts a cost-model finding is rendered from. */
export interface CostModelParams {
  /** What the finding is about, e.g. „Kommune „Bockau“, Fallzahlen“. */
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
  /** The finding concerns the computation with actual values (true-up). */
  readonly actual?: boolean;
  /** The value as found in the model (blank, a number, a text), for „gefunden“. */
  readonly found?: unknown;
  /** The years a budget year may be (written without a thousands separator). */
  readonly years?: { readonly min: number; readonly max: number };
}

const actualNote: Record<Language, (p: CostModelParams) => string> = {
  de: (p) => (p.actual ? " (mit den Ist-Werten)" : ""),
  en: (p) => (p.actual ? " (with the actual values)" : ""),
};

const subject = (p: CostModelParams, language: Language): string => p.subject?.[language] ?? "";
const mixedPartList = (language: Language): string =>
  MIXED_KEY_PARTS.map((part) => KEY_LABELS[part][language]).join(", ");

export const COST_MODEL_MESSAGES = {
  // --- towns ---
  "costModel.towns.empty": {
    de: () => "Es ist keine Kommune eingetragen; es wird mindestens eine gebraucht.",
    en: () => "No town is entered; at least one is needed.",
  },
  "costModel.town.nameMissing": {
    de: (p) => `Kommune Nr. ${p.position ?? "?"}: der Name fehlt.`,
    en: (p) => `Town no. ${p.position ?? "?"}: the name is missing.`,
  },
  "costModel.town.duplicateName": {
    de: (p) =>
      `Die Kommune ${quote(p.text, "de")} ist doppelt eingetragen (Nr. ${p.otherPosition ?? "?"} und Nr. ${p.position ?? "?"}). Groß-/Kleinschreibung und Leerzeichen am Rand zählen dabei nicht.`,
    en: (p) =>
      `The town ${quote(p.text, "en")} is listed twice (no. ${p.otherPosition ?? "?"} and no. ${p.position ?? "?"}). Case and surrounding spaces do not count.`,
  },
  "costModel.town.multipleHosts": {
    de: (p) =>
      `${countNoun(p.count, "Kommune ist", "Kommunen sind", "de")} als Sitzgemeinde markiert; üblich ist genau eine. Die Verteilung ändert sich dadurch nicht.`,
    en: (p) =>
      `${countNoun(p.count, "town is", "towns are", "en")} marked as host town; usually there is exactly one. The split does not change.`,
  },
  // --- single values ---
  "costModel.value.missing": {
    de: (p) => `${subject(p, "de")}: kein Wert eingetragen.`,
    en: (p) => `${subject(p, "en")}: no value entered.`,
  },
  "costModel.value.notANumber": {
    de: (p) => `${subject(p, "de")}: ${quote(p.text, "de")} ist keine Zahl.`,
    en: (p) => `${subject(p, "en")}: ${quote(p.text, "en")} is not a number.`,
  },
  "costModel.value.negative": {
    de: (p) => `${subject(p, "de")}: der Wert darf nicht negativ sein (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: the value must not be negative (found: ${formatNumber(p.value, "en")}).`,
  },
  "costModel.value.notInteger": {
    de: (p) => `${subject(p, "de")}: erwartet wird eine ganze Zahl (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: a whole number is expected (found: ${formatNumber(p.value, "en")}).`,
  },
  "costModel.value.tooManyDecimals": {
    de: (p) =>
      `${subject(p, "de")}: höchstens ${countNoun(p.limit ?? 2, "Nachkommastelle", "Nachkommastellen", "de")} (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) =>
      `${subject(p, "en")}: at most ${countNoun(p.limit ?? 2, "decimal", "decimals", "en")} (found: ${formatNumber(p.value, "en")}).`,
  },
  "costModel.value.aboveHundred": {
    de: (p) => `${subject(p, "de")}: höchstens 100 % (gefunden: ${formatNumber(p.value, "de")} %).`,
    en: (p) => `${subject(p, "en")}: at most 100 % (found: ${formatNumber(p.value, "en")} %).`,
  },
  "costModel.value.tooLarge": {
    de: (p) =>
      `${subject(p, "de")}: höchstens ${formatNumber(p.limit, "de")} (gefunden: ${formatNumber(p.value, "de")}).`,
    en: (p) => `${subject(p, "en")}: at most ${formatNumber(p.limit, "en")} (found: ${formatNumber(p.value, "en")}).`,
  },
  // --- keys ---
  "costModel.key.unknown": {
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
  "costModel.key.valueMissing": {
    de: (p) =>
      `${subject(p, "de")}: kein Wert eingetragen, er wird aber für ${quote(p.text, "de")}${(p.count ?? 1) > 1 ? ` und ${countNoun((p.count ?? 1) - 1, "weiteren Posten", "weitere Posten", "de")}` : ""} gebraucht. Bitte 0 eintragen, wenn die Kommune keine hat.`,
    en: (p) =>
      `${subject(p, "en")}: no value entered, but it is needed for ${quote(p.text, "en")}${(p.count ?? 1) > 1 ? ` and ${countNoun((p.count ?? 1) - 1, "more item", "more items", "en")}` : ""}. Please enter 0 if the town has none.`,
  },
  "costModel.key.allZero": {
    de: (p) =>
      `${subject(p, "de")}: alle Kommunen haben beim Schlüssel ${quote(p.key ? KEY_LABELS[p.key].de : "", "de")} den Wert 0${actualNote.de(p)}; so lässt sich der Betrag nicht verteilen.`,
    en: (p) =>
      `${subject(p, "en")}: every town has 0 for the key ${quote(p.key ? KEY_LABELS[p.key].en : "", "en")}${actualNote.en(p)}; the amount cannot be split that way.`,
  },
  "costModel.fixedPercent.sumNot100": {
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
  "costModel.percent.fractionAmongPoints": {
    de: (p) =>
      `${subject(p, "de")}: ${formatNumber(p.value, "de")} steht zwischen Prozentzahlen, deren Summe nicht 100 ergibt. So speichert die Tabelle „${formatNumber((p.value ?? 0) * 100, "de")} %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Gemeint ist wohl ${formatNumber((p.value ?? 0) * 100, "de")}: bitte die Prozentzahl eingeben, so dass die Gruppe zusammen 100 ergibt.`,
    en: (p) =>
      `${subject(p, "en")}: ${formatNumber(p.value, "en")} stands among percent numbers that do not add up to 100. That is what a spreadsheet stores when “${formatNumber((p.value ?? 0) * 100, "en")} %” is typed into a percent-formatted cell. ${formatNumber((p.value ?? 0) * 100, "en")} is probably meant: please type the percent number, so that the group adds up to 100.`,
  },
  "costModel.overhead.percentFraction": {
    de: (p) =>
      `${subject(p, "de")}: ${formatNumber(p.value, "de")} ist mehrdeutig – ${formatNumber(p.value, "de")} % oder ${formatNumber((p.value ?? 0) * 100, "de")} %? So speichert die Tabelle „${formatNumber((p.value ?? 0) * 100, "de")} %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Bitte die Prozentzahl eingeben, z. B. ${formatNumber((p.value ?? 0) * 100, "de")} für ${formatNumber((p.value ?? 0) * 100, "de")} % (eine Pauschale unter 1 % ist nicht vorgesehen).`,
    en: (p) =>
      `${subject(p, "en")}: ${formatNumber(p.value, "en")} is ambiguous – ${formatNumber(p.value, "en")} % or ${formatNumber((p.value ?? 0) * 100, "en")} %? That is what a spreadsheet stores when “${formatNumber((p.value ?? 0) * 100, "en")} %” is typed into a percent-formatted cell. Please type the percent number, e.g. ${formatNumber((p.value ?? 0) * 100, "en")} for ${formatNumber((p.value ?? 0) * 100, "en")} % (an overhead below 1 % is not provided for).`,
  },
  // --- mixed keys ---
  "costModel.mixed.weightsMissing": {
    de: (p) =>
      `${subject(p, "de")}: der Mischschlüssel braucht Gewichte in Prozent, z. B. 30 % Gleichverteilung und 70 % Einwohner.`,
    en: (p) =>
      `${subject(p, "en")}: the mixed key needs weights in percent, e.g. 30 % equal split and 70 % population.`,
  },
  "costModel.mixed.unknownPart": {
    de: (p) =>
      `${subject(p, "de")}: ${quote(p.text, "de")} kann nicht Teil eines Mischschlüssels sein. Möglich: ${mixedPartList("de")}.`,
    en: (p) =>
      `${subject(p, "en")}: ${quote(p.text, "en")} cannot be part of a mixed key. Possible: ${mixedPartList("en")}.`,
  },
  "costModel.mixed.sumNot100": {
    de: (p) =>
      `${subject(p, "de")}: die Gewichte des Mischschlüssels ergeben ${formatNumber(p.value, "de")} % statt 100 %.`,
    en: (p) =>
      `${subject(p, "en")}: the mixed-key weights add up to ${formatNumber(p.value, "en")} % instead of 100 %.`,
  },
  "costModel.mixed.weightsIgnored": {
    de: (p) =>
      `${subject(p, "de")}: Gewichte eines Mischschlüssels sind eingetragen, der Schlüssel ist aber ${quote(p.key ? KEY_LABELS[p.key].de : "", "de")}; die Gewichte werden nicht verwendet.`,
    en: (p) =>
      `${subject(p, "en")}: mixed-key weights are entered but the key is ${quote(p.key ? KEY_LABELS[p.key].en : "", "en")}; the weights are not used.`,
  },
  // --- items ---
  "costModel.item.nameMissing": {
    de: (p) => `Posten Nr. ${p.position ?? "?"}: die Bezeichnung fehlt.`,
    en: (p) => `Item no. ${p.position ?? "?"}: the description is missing.`,
  },
  "costModel.item.amountMissing": {
    de: (p) => `${subject(p, "de")}: der Jahresbetrag fehlt.`,
    en: (p) => `${subject(p, "en")}: the annual amount is missing.`,
  },
  "costModel.item.feeMissing": {
    de: (p) => `${subject(p, "de")}: beim Schlüssel „Kostenpauschale je Fall“ fehlt die Pauschale je Fall.`,
    en: (p) => `${subject(p, "en")}: the key “flat fee per case” needs the fee per case.`,
  },
  "costModel.item.amountIgnored": {
    de: (p) =>
      `${subject(p, "de")}: bei einer Kostenpauschale je Fall ergibt sich der Betrag aus Pauschale × Fallzahlen; der eingetragene Betrag (${formatEuros(p.cents, "de")}) wird nicht verwendet.`,
    en: (p) =>
      `${subject(p, "en")}: with a flat fee per case the amount is fee × cases; the amount entered (${formatEuros(p.cents, "en")}) is not used.`,
  },
  "costModel.item.noCases": {
    de: (p) => `${subject(p, "de")}: alle Kommunen haben 0 Fälle${actualNote.de(p)}; die Pauschale ergibt 0 €.`,
    en: (p) => `${subject(p, "en")}: every town has 0 cases${actualNote.en(p)}; the fee comes to €0.00.`,
  },
  "costModel.overhead.keyNotAllowed": {
    de: () =>
      "Die Verwaltungskostenpauschale kann nicht als „Kostenpauschale je Fall“ verteilt werden; bitte einen anderen Schlüssel wählen.",
    en: () => "The administrative overhead cannot be split as a “flat fee per case”; please choose another key.",
  },
  "costModel.actual.incomplete": {
    de: (p) =>
      `${subject(p, "de")}: Ist-Werte sind nur für einen Teil der Kommunen eingetragen; für ${p.text ?? ""} gilt der Planwert.`,
    en: (p) =>
      `${subject(p, "en")}: actual values are entered for some towns only; for ${p.text ?? ""} the plan value applies.`,
  },
  // --- limits ---
  "costModel.limit.itemTooLarge": {
    de: (p) =>
      `${subject(p, "de")}: der Betrag ${formatEuros(p.cents, "de")} übersteigt die Obergrenze von ${formatEuros(p.limitCents, "de")}${actualNote.de(p)}.`,
    en: (p) =>
      `${subject(p, "en")}: the amount ${formatEuros(p.cents, "en")} exceeds the limit of ${formatEuros(p.limitCents, "en")}${actualNote.en(p)}.`,
  },
  "costModel.limit.totalTooLarge": {
    de: (p) =>
      `Die Summe aller Posten (${formatEuros(p.cents, "de")}) übersteigt die Obergrenze von ${formatEuros(p.limitCents, "de")}${actualNote.de(p)}.`,
    en: (p) =>
      `The sum of all items (${formatEuros(p.cents, "en")}) exceeds the limit of ${formatEuros(p.limitCents, "en")}${actualNote.en(p)}.`,
  },
  "costModel.limit.sheetPrecision": {
    de: (p) =>
      `${subject(p, "de")}: Betrag × Schlüsselsumme (${formatNumber(p.value, "de")}) ist größer als 10¹⁴${actualNote.de(p)}. Bis dahin rechnen die Formeln in Excel und LibreOffice centgenau; darüber kann das Blatt um einzelne Cent von ikz-kit abweichen (ikz-kit selbst rechnet weiter exakt). Abhilfe: den Posten auf mehrere Posten aufteilen.`,
    en: (p) =>
      `${subject(p, "en")}: amount × key total (${formatNumber(p.value, "en")}) exceeds 10¹⁴${actualNote.en(p)}. Up to that, the formulas in Excel and LibreOffice are exact to the cent; beyond it the sheet may differ from ikz-kit by single cents (ikz-kit itself stays exact). Remedy: split the item into several items.`,
  },
  // --- typed into the pane's form (addin/actions/costAllocationForm.ts), `text` as typed ---
  "costModel.typed.notANumber": {
    de: (p) => `„${p.text ?? ""}“ ist keine Zahl. Erwartet z. B. 12.345,67 oder 12345,67.`,
    en: (p) => `“${p.text ?? ""}” is not a number. Expected e.g. 12,345.67 or 12345.67.`,
  },
  "costModel.typed.ambiguous": {
    de: (p) =>
      `„${p.text ?? ""}“ ist mehrdeutig: Tausender- oder Dezimaltrennzeichen? Bitte ohne Tausenderpunkt (1500) oder mit Nachkommastellen (1.500,00) schreiben.`,
    en: (p) =>
      `“${p.text ?? ""}” is ambiguous: thousands or decimal separator? Please write it without a thousands separator (1500) or with decimals (1,500.00).`,
  },
  "costModel.typed.notADate": {
    de: (p) => `„${p.text ?? ""}“ ist kein Datum. Erwartet TT.MM.JJJJ, z. B. 31.12.2025.`,
    en: (p) => `“${p.text ?? ""}” is not a date. Expected DD/MM/YYYY, e.g. 31/12/2025.`,
  },
  "costModel.typed.notAYear": {
    de: (p) =>
      `„${p.text ?? ""}“ ist kein Haushaltsjahr. Erwartet eine Jahreszahl von ${p.years?.min ?? ""} bis ${p.years?.max ?? ""}, z. B. 2027.`,
    en: (p) =>
      `“${p.text ?? ""}” is not a budget year. Expected a year from ${p.years?.min ?? ""} to ${p.years?.max ?? ""}, e.g. 2027.`,
  },
  /** The overhead switched on in the form, its percentage left blank. */
  "costModel.typed.overheadPercentMissing": {
    de: () => "Verwaltungskostenpauschale: kein Prozentsatz eingetragen.",
    en: () => "Administrative overhead: no percentage entered.",
  },
} satisfies Record<string, FindingText<CostModelParams>>;

export type CostModelCode = keyof typeof COST_MODEL_MESSAGES;

/** The value as found: „leer“, „-5 (Zahl)“, „„abc“ (Text)“. */
const found = (p: CostModelParams, language: Language): string => {
  const value = p.found;
  if (value === null || value === undefined) return renderTerm("kindEmpty", language);
  if (typeof value === "number") return renderTerm("kindNumber", language, { value: formatNumber(value, language) });
  if (typeof value === "string") return renderTerm("kindText", language, { value });
  return renderTerm("kindText", language, { value: String(value) });
};
const both = (render: (p: CostModelParams, language: Language) => string): FindingText<CostModelParams> => ({
  de: (p) => render(p, "de"),
  en: (p) => render(p, "en"),
});
const text = (de: string, en: string): FindingText<CostModelParams> => ({ de: () => de, en: () => en });
const FOUND = both(found);
const TYPED = both((p, language) => renderTerm("kindText", language, { value: p.text ?? "" }));
const EMPTY = both((_, language) => renderTerm("kindEmpty", language));
const NUMBER = both((p, language) => formatNumber(p.value, language));
const PERCENT = both((p, language) => `${formatNumber(p.value, language)} %`);
const EUROS = both((p, language) => formatEuros(p.cents, language));
const ALL_ZERO = text("überall 0", "0 everywhere");
const AT_MOST_EUROS = both((p, language) =>
  language === "de" ? `höchstens ${formatEuros(p.limitCents, "de")}` : `at most ${formatEuros(p.limitCents, "en")}`,
);
const NUMBER_FROM_0 = text("Zahl ab 0", "number from 0");
const SUM_100 = text("Summe 100 %", "a sum of 100 %");
const keyList = (language: Language): string =>
  Object.values(KEY_LABELS)
    .map((label) => label[language])
    .join(", ");

/** What each code expects and what it found. */
const COST_MODEL_DETAILS: Readonly<
  Record<
    CostModelCode,
    { readonly expected: FindingText<CostModelParams>; readonly received: FindingText<CostModelParams> }
  >
> = {
  "costModel.towns.empty": {
    expected: text("mindestens 1 Kommune", "at least 1 town"),
    received: text("keine Kommune", "no town"),
  },
  "costModel.town.nameMissing": { expected: text("ein Name", "a name"), received: FOUND },
  "costModel.town.duplicateName": {
    expected: text("jede Kommune einmal", "each town once"),
    received: both((p, language) => quote(p.text, language)),
  },
  "costModel.town.multipleHosts": {
    expected: text("höchstens 1 Sitzgemeinde", "at most 1 host town"),
    received: {
      de: (p) => countNoun(p.count, "Sitzgemeinde", "Sitzgemeinden", "de"),
      en: (p) => countNoun(p.count, "host town", "host towns", "en"),
    },
  },
  "costModel.value.missing": {
    expected: text("Prozentzahl von 0 bis 100", "percentage from 0 to 100"),
    received: EMPTY,
  },
  "costModel.value.notANumber": { expected: text("Zahl", "number"), received: FOUND },
  "costModel.value.negative": { expected: NUMBER_FROM_0, received: FOUND },
  "costModel.value.notInteger": { expected: text("ganze Zahl ab 0", "whole number from 0"), received: FOUND },
  "costModel.value.tooManyDecimals": {
    expected: both((p, language) => renderTerm("expectDecimals", language, { count: p.limit ?? 2 })),
    received: FOUND,
  },
  "costModel.value.aboveHundred": { expected: text("höchstens 100 %", "at most 100 %"), received: PERCENT },
  "costModel.value.tooLarge": {
    expected: both((p, language) =>
      language === "de" ? `höchstens ${formatNumber(p.limit, "de")}` : `at most ${formatNumber(p.limit, "en")}`,
    ),
    received: FOUND,
  },
  "costModel.key.unknown": { expected: both((_, language) => keyList(language)), received: FOUND },
  "costModel.key.valueMissing": { expected: NUMBER_FROM_0, received: EMPTY },
  "costModel.key.allZero": {
    expected: text("ein Wert über 0 bei mindestens einer Kommune", "a value above 0 for at least one town"),
    received: ALL_ZERO,
  },
  "costModel.fixedPercent.sumNot100": { expected: SUM_100, received: PERCENT },
  "costModel.percent.fractionAmongPoints": {
    expected: {
      de: (p) => `Prozentzahl, z. B. ${formatNumber((p.value ?? 0) * 100, "de")}`,
      en: (p) => `a percent number, e.g. ${formatNumber((p.value ?? 0) * 100, "en")}`,
    },
    received: NUMBER,
  },
  "costModel.overhead.percentFraction": {
    expected: text("Prozentzahl ab 1, z. B. 5", "a percent number from 1, e.g. 5"),
    received: NUMBER,
  },
  "costModel.mixed.weightsMissing": {
    expected: text("Gewichte mit der Summe 100 %", "weights adding up to 100 %"),
    received: EMPTY,
  },
  "costModel.mixed.unknownPart": { expected: both((_, language) => mixedPartList(language)), received: FOUND },
  "costModel.mixed.sumNot100": { expected: SUM_100, received: PERCENT },
  "costModel.mixed.weightsIgnored": { expected: EMPTY, received: text("Gewichte eingetragen", "weights entered") },
  "costModel.item.nameMissing": { expected: text("eine Bezeichnung", "a description"), received: FOUND },
  "costModel.item.amountMissing": { expected: text("Betrag in € ab 0", "amount in € from 0"), received: EMPTY },
  "costModel.item.feeMissing": { expected: text("Pauschale je Fall in €", "fee per case in €"), received: EMPTY },
  "costModel.item.amountIgnored": { expected: EMPTY, received: EUROS },
  "costModel.item.noCases": {
    expected: text("Fallzahl über 0 bei mindestens einer Kommune", "cases above 0 for at least one town"),
    received: ALL_ZERO,
  },
  "costModel.overhead.keyNotAllowed": {
    expected: text("ein anderer Schlüssel als „Kostenpauschale je Fall“", "a key other than “flat fee per case”"),
    received: both((_, language) => quote(KEY_LABELS.flatFeePerCase[language], language)),
  },
  "costModel.actual.incomplete": {
    expected: text("Ist-Werte für jede Kommune", "actual values for every town"),
    received: { de: (p) => `fehlen für ${p.text ?? ""}`, en: (p) => `missing for ${p.text ?? ""}` },
  },
  "costModel.limit.itemTooLarge": { expected: AT_MOST_EUROS, received: EUROS },
  "costModel.limit.totalTooLarge": { expected: AT_MOST_EUROS, received: EUROS },
  "costModel.limit.sheetPrecision": {
    expected: text("Betrag × Schlüsselsumme höchstens 10¹⁴", "amount × key total at most 10¹⁴"),
    received: NUMBER,
  },
  "costModel.typed.notANumber": {
    expected: text("Zahl, z. B. 12.345,67 oder 12345,67", "number, e.g. 12,345.67 or 12345.67"),
    received: TYPED,
  },
  "costModel.typed.ambiguous": {
    expected: text(
      "Zahl ohne Tausenderpunkt (1500) oder mit Nachkommastellen (1.500,00)",
      "number without a thousands separator (1500) or with decimals (1,500.00)",
    ),
    received: TYPED,
  },
  "costModel.typed.notADate": {
    expected: both((_, language) => renderTerm("expectDate", language)),
    received: TYPED,
  },
  "costModel.typed.notAYear": {
    expected: both((p, language) => renderTerm("expectWholeNumber", language, { ...p.years, grouping: false })),
    received: TYPED,
  },
  "costModel.typed.overheadPercentMissing": {
    expected: text("Prozentzahl von 0 bis 100", "percentage from 0 to 100"),
    received: EMPTY,
  },
};

/** The cost model's finding catalogue: sentence, expected and found per code. */
export const COST_MODEL_FINDINGS = Object.fromEntries(
  (Object.keys(COST_MODEL_MESSAGES) as CostModelCode[]).map((code) => [
    code,
    { message: COST_MODEL_MESSAGES[code], ...COST_MODEL_DETAILS[code] },
  ]),
) as Readonly<Record<CostModelCode, FindingTexts<CostModelParams>>>;

/** All codes, for the test that renders every code. */
export const COST_MODEL_CODES = Object.keys(COST_MODEL_MESSAGES) as CostModelCode[];

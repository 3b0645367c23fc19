/**
 * Texts of `ikz upgrade`: one sentence per change (lib/upgrade/UpgradeChange.ts) and the texts of
 * the „Übernommen“ sheet, German first.
 */
import type { PlannedValue } from "../plan/WorkbookPlan.js";
import type { Language, LocalizedText } from "../spec/TemplateSpec.js";
import type { CarriedOverReason, UpgradeChange } from "../upgrade/UpgradeChange.js";
import { countNoun } from "./plural.js";
import { describeValue } from "../validation/parseCell.js";

const REASONS: Readonly<Record<CarriedOverReason, LocalizedText>> = {
  computedTypedOver: { de: "über eine berechnete Zelle geschrieben", en: "typed over a computed cell" },
  retiredColumn: { de: "die Spalte gibt es nicht mehr", en: "the column no longer exists" },
  outsideTable: { de: "außerhalb der Tabellen der Vorlage", en: "outside the template's tables" },
  formulaWithoutResult: {
    de: "Formel ohne gespeichertes Ergebnis, als Text",
    en: "formula without a saved result, as text",
  },
};

/** The reason a value went to the „Übernommen“ sheet, as its „Grund“ column says it. */
export function renderCarriedOverReason(reason: CarriedOverReason, language: Language): string {
  return REASONS[reason][language];
}

const list = (items: readonly string[], language: Language): string =>
  items.length === 0 ? (language === "de" ? "keine" : "none") : items.map((i) => quote(i, language)).join(", ");

const quote = (text: string, language: Language): string => (language === "de" ? `„${text}“` : `“${text}”`);

const shown = (value: PlannedValue, language: Language): string => describeValue(value, language);

const formulas = (count: number, language: Language): string =>
  count === 0
    ? ""
    : language === "de"
      ? `; ${countNoun(count, "Formel durch ihren Wert", "Formeln durch ihre Werte", language)} ersetzt`
      : `; ${countNoun(count, "formula replaced by its value", "formulas replaced by their values", language)}`;

/** One sentence for a change, e.g. `Kommunen: Spalte „Sitzgemeinde (x)“ von H nach C verschoben.` */
export function renderUpgradeChange(change: UpgradeChange, language: Language): string {
  const q = (text: string) => quote(text, language);
  const de = language === "de";
  switch (change.kind) {
    case "sheetAdded":
      return de ? `Neues Blatt ${q(change.sheet)}.` : `New sheet ${q(change.sheet)}.`;
    case "sheetRenamed":
      return de
        ? `Blatt ${q(change.from)} heißt jetzt ${q(change.sheet)}.`
        : `Sheet ${q(change.from)} is now called ${q(change.sheet)}.`;
    case "sheetRecognised":
      return de
        ? `Blatt ${q(change.from)} an seinen Überschriften als ${q(change.sheet)} erkannt; seine Werte werden übernommen, in der neuen Arbeitsmappe heißt es ${q(change.sheet)}. Bitte prüfen.`
        : `Sheet ${q(change.from)} recognised by its headers as ${q(change.sheet)}; its values are taken over, in the new workbook it is called ${q(change.sheet)}. Please check.`;
    case "columnMoved":
      return de
        ? `${change.sheet}: Spalte ${q(change.column)} von ${change.from} nach ${change.to} verschoben.`
        : `${change.sheet}: column ${q(change.column)} moved from ${change.from} to ${change.to}.`;
    case "columnRenamed":
      return de
        ? `${change.sheet}: Spalte ${q(change.from)} heißt jetzt ${q(change.column)}.`
        : `${change.sheet}: column ${q(change.from)} is now called ${q(change.column)}.`;
    case "columnAdded":
      return de
        ? `${change.sheet}: neue Spalte ${q(change.column)} (${change.at}), noch leer.`
        : `${change.sheet}: new column ${q(change.column)} (${change.at}), still empty.`;
    case "computedColumnsRenewed": {
      const renamed = change.renamed.map((r) => `${q(r.from)} → ${q(r.to)}`).join(", ") || (de ? "keine" : "none");
      return de
        ? `${change.sheet}: berechnete Spalten neu erzeugt; entfallen: ${list(change.dropped, language)}; umbenannt: ${renamed}; neu: ${list(change.added, language)}.`
        : `${change.sheet}: computed columns regenerated; dropped: ${list(change.dropped, language)}; renamed: ${renamed}; new: ${list(change.added, language)}.`;
    }
    case "valuesCarried":
      return de
        ? `${change.sheet}: ${countNoun(change.count, "eingegebener Wert", "eingegebene Werte", language)} übernommen.`
        : `${change.sheet}: ${countNoun(change.count, "entered value", "entered values", language)} taken over.`;
    case "extraColumnKept":
      return de
        ? `${change.sheet}: eigene Spalte ${q(change.header || change.from)} mit ${countNoun(change.count, "Wert", "Werten", language)} behalten (${change.from} → ${change.to})${formulas(change.formulas, language)}.`
        : `${change.sheet}: own column ${q(change.header || change.from)} with ${countNoun(change.count, "value", "values", language)} kept (${change.from} → ${change.to})${formulas(change.formulas, language)}.`;
    case "userSheetKept":
      return de
        ? `Eigenes Blatt ${q(change.sheet)} mit ${countNoun(change.count, "Wert", "Werten", language)} behalten${formulas(change.formulas, language)}.`
        : `Own sheet ${q(change.sheet)} with ${countNoun(change.count, "value", "values", language)} kept${formulas(change.formulas, language)}.`;
    case "headerGuessed":
      return de
        ? `${change.sheet}!${change.cell}: Überschrift ${q(change.found)} ist unbekannt; an dieser Stelle stand ${q(change.column)}, die Werte werden dorthin übernommen. Bitte prüfen.`
        : `${change.sheet}!${change.cell}: header ${q(change.found)} is unknown; ${q(change.column)} stood here, its values are taken over as such. Please check.`;
    case "formulaReplaced":
      return de
        ? `${change.sheet}!${change.cell}: Formel ${change.formula} durch ihren Wert ${shown(change.value, language)} ersetzt.`
        : `${change.sheet}!${change.cell}: formula ${change.formula} replaced by its value ${shown(change.value, language)}.`;
    case "valueCarriedOver":
      return de
        ? `${change.sheet}!${change.cell}: ${shown(change.value, language)} hat in der Vorlage keinen Platz (${renderCarriedOverReason(change.reason, language)}); steht jetzt auf ${change.at}.`
        : `${change.sheet}!${change.cell}: ${shown(change.value, language)} has no place in the template (${renderCarriedOverReason(change.reason, language)}); now on ${change.at}.`;
  }
}

/** Texts of the „Übernommen“ sheet and of columns without a header. */
export const CARRIED_OVER_SHEET = {
  name: { de: "Übernommen", en: "Carried over" },
  title: (from: string, to: string): LocalizedText => ({
    de: `Übernommene Werte (Vorlagenversion ${from} → ${to})`,
    en: `Values carried over (template version ${from} → ${to})`,
  }),
  description: {
    de: "Diese Werte hatten in der neuen Vorlage keinen Platz. Sie stehen hier mit ihrer alten Fundstelle; nichts wurde verworfen.",
    en: "These values had no place in the new template. They are listed here with where they were; nothing was dropped.",
  },
  headers: [
    { de: "Blatt", en: "Sheet" },
    { de: "Zelle", en: "Cell" },
    { de: "Spalte", en: "Column" },
    { de: "Wert", en: "Value" },
    { de: "Grund", en: "Reason" },
  ],
  untitledColumn: (letter: string): LocalizedText => ({
    de: `Spalte ${letter} (ohne Überschrift)`,
    en: `Column ${letter} (no header)`,
  }),
} as const;

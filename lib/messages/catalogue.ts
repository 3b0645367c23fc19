/**
 * The one message catalogue: every text a user reads about their input, German first.
 * Each entry renders from typed parameters, so a message cannot lose its facts in translation.
 */
import type { Language } from "../spec/TemplateSpec.js";

export interface MessageParams {
  /** What was found, already rendered for display (e.g. `„1,5“ (Text)`). */
  readonly received?: string;
  /** What is expected, already rendered in the same language. */
  readonly expected?: string;
  readonly column?: string;
  readonly sheet?: string;
  readonly value?: string;
  readonly other?: string;
  readonly count?: number;
}

type Render = (p: MessageParams) => string;

const catalogue = {
  "file.unreadable": {
    de: (p) => `Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx)${p.other ? `: ${p.other}` : ""}.`,
    en: (p) => `The file is not a readable Excel workbook (.xlsx)${p.other ? `: ${p.other}` : ""}.`,
  },
  "file.empty": {
    de: () => "Die Datei ist leer (0 Byte).",
    en: () => "The file is empty (0 bytes).",
  },
  "file.notFound": {
    de: () => "Die Datei wurde nicht gefunden.",
    en: () => "The file was not found.",
  },
  "file.encrypted": {
    de: () => "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte eine ungeschützte Kopie speichern.",
    en: () => "The workbook is password-protected. Please save an unprotected copy.",
  },
  "file.notXlsx": {
    de: (p) => `Die Datei ist keine .xlsx-Arbeitsmappe, sondern offenbar ${p.other ?? "etwas anderes"}. Bitte in Excel oder LibreOffice als .xlsx speichern.`,
    en: (p) => `The file is not an .xlsx workbook but apparently ${p.other ?? "something else"}. Please save it as .xlsx in Excel or LibreOffice.`,
  },
  "file.tooLarge": {
    de: (p) => `Die Datei ist zu groß (${p.received ?? "?"}); höchstens ${p.expected ?? "?"} werden gelesen.`,
    en: (p) => `The file is too large (${p.received ?? "?"}); at most ${p.expected ?? "?"} are read.`,
  },
  "workbook.notIkz": {
    de: () => "Die Arbeitsmappe wurde nicht mit ikz-kit erstellt: das versteckte Blatt „_ikz“ mit Vorlagenkennung fehlt, und kein Blatt einer bekannten Vorlage wurde gefunden.",
    en: () => "The workbook was not made with ikz-kit: the hidden sheet “_ikz” with the template id is missing, and no sheet of a known template was found.",
  },
  "workbook.unknownTemplate": {
    de: (p) => `Unbekannte Vorlage „${p.received ?? ""}“. Bekannt sind: ${p.expected ?? ""}.`,
    en: (p) => `Unknown template “${p.received ?? ""}”. Known templates: ${p.expected ?? ""}.`,
  },
  "workbook.wrongTemplate": {
    de: (p) => `Falsche Vorlage: erwartet „${p.expected ?? ""}“, die Arbeitsmappe ist „${p.received ?? ""}“.`,
    en: (p) => `Wrong template: expected “${p.expected ?? ""}”, the workbook is “${p.received ?? ""}”.`,
  },
  "workbook.metadataMissing": {
    de: () => "Das versteckte Blatt „_ikz“ fehlt; die Vorlage wurde an ihren Blättern erkannt. Die Version ist unbekannt.",
    en: () => "The hidden sheet “_ikz” is missing; the template was recognised by its sheets. Its version is unknown.",
  },
  "workbook.olderVersion": {
    de: (p) => `Die Arbeitsmappe ist veraltet: erstellt mit Vorlagenversion ${p.received ?? "?"}, aktuell ist ${p.expected ?? "?"}. Bitte mit \`ikz upgrade DATEI\` aktualisieren; alle Eingaben bleiben erhalten.`,
    en: (p) => `The workbook is outdated: made with template version ${p.received ?? "?"}; the current version is ${p.expected ?? "?"}. Please upgrade it with \`ikz upgrade FILE\`; every entry is kept.`,
  },
  "workbook.newerVersion": {
    de: (p) => `Die Arbeitsmappe stammt aus einer neueren Vorlagenversion (${p.received ?? "?"}) als dieses ikz-kit kennt (${p.expected ?? "?"}). Bitte ikz-kit aktualisieren.`,
    en: (p) => `The workbook comes from a newer template version (${p.received ?? "?"}) than this ikz-kit knows (${p.expected ?? "?"}). Please update ikz-kit.`,
  },
  "sheet.missing": {
    de: (p) => `Das Blatt „${p.expected ?? ""}“ fehlt.`,
    en: (p) => `The sheet “${p.expected ?? ""}” is missing.`,
  },
  "header.missing": {
    de: (p) => `Die Spalte „${p.expected ?? ""}“ fehlt in der Kopfzeile${p.received ? `; an ihrer Stelle steht „${p.received}“` : ""}.`,
    en: (p) => `The column “${p.expected ?? ""}” is missing from the header row${p.received ? `; in its place is “${p.received}”` : ""}.`,
  },
  "header.moved": {
    de: (p) => `Die Spalte „${p.column ?? ""}“ wurde verschoben; sie wird an ihrer neuen Stelle gelesen.`,
    en: (p) => `The column “${p.column ?? ""}” was moved; it is read at its new place.`,
  },
  "header.extra": {
    de: (p) => `Zusätzliche Spalte „${p.received ?? ""}“ wird nicht ausgewertet.`,
    en: (p) => `Extra column “${p.received ?? ""}” is not evaluated.`,
  },
  "header.duplicate": {
    de: (p) => `Die Spalte „${p.column ?? ""}“ kommt mehrfach vor; gelesen wird nur die erste.`,
    en: (p) => `The column “${p.column ?? ""}” appears more than once; only the first is read.`,
  },
  "cell.required": {
    de: (p) => `In „${p.column ?? ""}“ fehlt ein Wert.`,
    en: (p) => `“${p.column ?? ""}” needs a value.`,
  },
  "cell.notANumber": {
    de: (p) => `In „${p.column ?? ""}“ steht keine Zahl.`,
    en: (p) => `“${p.column ?? ""}” does not hold a number.`,
  },
  "cell.numberAsText": {
    de: (p) => `In „${p.column ?? ""}“ steht eine Zahl als Text (z. B. mit Dezimalkomma aus einer Kopie). Bitte als Zahl eingeben.`,
    en: (p) => `“${p.column ?? ""}” holds a number stored as text (e.g. with a decimal comma from a copy). Please enter it as a number.`,
  },
  "cell.percentAsText": {
    de: (p) => `In „${p.column ?? ""}“ steht ein Prozentwert als Text. Bitte nur die Zahl eingeben.`,
    en: (p) => `“${p.column ?? ""}” holds a percentage as text. Please enter just the number.`,
  },
  "cell.notInteger": {
    de: (p) => `In „${p.column ?? ""}“ ist eine ganze Zahl erwartet.`,
    en: (p) => `“${p.column ?? ""}” expects a whole number.`,
  },
  "cell.outOfRange": {
    de: (p) => `Der Wert in „${p.column ?? ""}“ liegt außerhalb des erlaubten Bereichs.`,
    en: (p) => `The value in “${p.column ?? ""}” is out of range.`,
  },
  "cell.tooManyDecimals": {
    de: (p) => `In „${p.column ?? ""}“ sind zu viele Nachkommastellen.`,
    en: (p) => `“${p.column ?? ""}” has too many decimal places.`,
  },
  "cell.notInList": {
    de: (p) => `Der Wert in „${p.column ?? ""}“ ist nicht in der Auswahlliste.`,
    en: (p) => `The value in “${p.column ?? ""}” is not in the list.`,
  },
  "cell.notADate": {
    de: (p) => `In „${p.column ?? ""}“ steht kein Datum.`,
    en: (p) => `“${p.column ?? ""}” does not hold a date.`,
  },
  "cell.invalidEmail": {
    de: (p) => `In „${p.column ?? ""}“ steht keine gültige E-Mail-Adresse.`,
    en: (p) => `“${p.column ?? ""}” does not hold a valid e-mail address.`,
  },
  "cell.errorValue": {
    de: (p) => `In „${p.column ?? ""}“ steht ein Fehlerwert.`,
    en: (p) => `“${p.column ?? ""}” holds an error value.`,
  },
  "cell.formulaInInput": {
    de: (p) => `In „${p.column ?? ""}“ steht eine Formel statt eines eingegebenen Werts; ausgewertet wird ihr Ergebnis.`,
    en: (p) => `“${p.column ?? ""}” holds a formula instead of a typed value; its result is used.`,
  },
  "cell.formulaChanged": {
    de: (p) => `Die Formel in „${p.column ?? ""}“ wurde verändert oder überschrieben; das Ergebnis im Blatt ist nicht verlässlich.`,
    en: (p) => `The formula in “${p.column ?? ""}” was changed or overwritten; the sheet's result is not reliable.`,
  },
  "cell.merged": {
    de: () => "Verbundene Zellen im Datenbereich: nur die erste Zelle wird gelesen. Bitte den Zellverbund aufheben.",
    en: () => "Merged cells in the data area: only the first cell is read. Please unmerge them.",
  },
  "rows.beyondCapacity": {
    de: (p) => `Einträge unterhalb der vorbereiteten Zeilen (bis Zeile ${p.expected ?? "?"}) haben keine Formeln; sie werden von ikz-kit berechnet, im Blatt aber nicht.`,
    en: (p) => `Entries below the prepared rows (up to row ${p.expected ?? "?"}) have no formulas; ikz-kit computes them, the sheet does not.`,
  },
  "town.nameMissing": {
    de: (p) => `Der Name der Kommune fehlt; in Auswertungen steht stattdessen „${p.value ?? ""}“.`,
    en: (p) => `The town's name is missing; analyses show “${p.value ?? ""}” instead.`,
  },
  "task.duplicateCode": {
    de: (p) => `Der Produktcode ${p.value ?? ""} steht mehrfach im Katalog (zuerst in ${p.other ?? "?"}).`,
    en: (p) => `The product code ${p.value ?? ""} appears more than once (first in ${p.other ?? "?"}).`,
  },
  "task.unknownCode": {
    de: (p) => `Der Produktcode ${p.value ?? ""} steht nicht im Produktrahmen; er wird als eigener Code der Kommune behandelt.`,
    en: (p) => `The product code ${p.value ?? ""} is not in the product framework; it is treated as the town's own code.`,
  },
  "task.invalidCode": {
    de: (p) => `„${p.value ?? ""}“ ist kein Produktcode.`,
    en: (p) => `“${p.value ?? ""}” is not a product code.`,
  },
  "task.missingRating": {
    de: (p) => `In „${p.column ?? ""}“ fehlt die Bewertung; sie zählt als 0.`,
    en: (p) => `“${p.column ?? ""}” has no rating; it counts as 0.`,
  },
  "task.noTasks": {
    de: () => "Der Aufgabenkatalog enthält keine Aufgabe.",
    en: () => "The task catalogue holds no task.",
  },
  "criteria.allWeightsZero": {
    de: () => "Alle Gewichte sind 0; mindestens ein Kriterium braucht ein Gewicht größer 0.",
    en: () => "All weights are 0; at least one criterion needs a weight above 0.",
  },
  "settings.thresholdOrder": {
    de: () => "Die Schwelle für Klasse A muss größer sein als die für Klasse B.",
    en: () => "The class A threshold must be above the class B threshold.",
  },
  "allocation.modelIssue": {
    de: (p) => p.value ?? "",
    en: (p) => p.value ?? "",
  },
  /** A template's own rule; the template supplies the whole sentence in both languages (`value`). */
  "template.rule": {
    de: (p) => p.value ?? "",
    en: (p) => p.value ?? "",
  },
  "roadmap.duplicateTown": {
    de: (p) => `Die Kommune „${p.value ?? ""}“ ist mehrfach vertreten (auch in ${p.other ?? "?"}).`,
    en: (p) => `The town “${p.value ?? ""}” appears more than once (also in ${p.other ?? "?"}).`,
  },
  "roadmap.tooFewTowns": {
    de: () => "Für einen IKZ-Fahrplan werden mindestens zwei Kommunen gebraucht.",
    en: () => "A roadmap needs at least two towns.",
  },
} satisfies Record<string, Record<Language, Render>>;

export type MessageCode = keyof typeof catalogue;

/** Renders a message in the given language. */
export function renderMessage(code: MessageCode, language: Language, params: MessageParams = {}): string {
  return catalogue[code][language](params);
}

/** All message codes, for tests that every code renders in every language. */
export const MESSAGE_CODES = Object.keys(catalogue) as MessageCode[];

/**
 * Texts about the Excel host (errors, limits, progress), German first. Every
 * {@link OfficeHostError} carries a key from here; the pane renders it in the user's language.
 */
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { MINIMUM_EXCEL_API } from "./features.js";

export interface OfficeMessageParams {
  /** Sheet names the message is about. */
  readonly sheets?: readonly string[];
}

type Render = (p: OfficeMessageParams) => string;

/** German and English list of sheet names: `„A“, „B“` / `“A”, “B”`. */
const sheetList = (p: OfficeMessageParams, language: Language): string =>
  (p.sheets ?? []).map((name) => (language === "de" ? `„${name}“` : `“${name}”`)).join(", ");

const messages = {
  cellEditMode: {
    de: () => "Excel ist im Bearbeitungsmodus: bitte die Zelle verlassen (Eingabe oder Esc) und noch einmal versuchen.",
    en: () => "Excel is in cell edit mode: please leave the cell (Enter or Esc) and try again.",
  },
  sheetsExist: {
    de: (p) =>
      `Diese Blätter gibt es in der Arbeitsmappe schon: ${sheetList(p, "de")}. Nichts wurde geändert. Zum Ersetzen bitte bestätigen.`,
    en: (p) =>
      `These sheets already exist in the workbook: ${sheetList(p, "en")}. Nothing was changed. Please confirm to replace them.`,
  },
  itemAlreadyExists: {
    de: () =>
      "Ein Blatt mit diesem Namen gibt es schon (vielleicht gerade von jemand anderem angelegt). Bitte noch einmal versuchen.",
    en: () => "A sheet with this name already exists (perhaps someone else just added it). Please try again.",
  },
  itemNotFound: {
    de: () =>
      "Ein Blatt oder eine Zelle wurde nicht gefunden – wurde ein Blatt umbenannt oder gelöscht? Bitte die Arbeitsmappe neu prüfen.",
    en: () => "A sheet or cell was not found – was a sheet renamed or deleted? Please check the workbook again.",
  },
  accessDenied: {
    de: () =>
      "Excel verweigert die Änderung: Die Arbeitsmappe oder ein Blatt ist geschützt oder schreibgeschützt geöffnet. Bitte den Schutz aufheben oder eine bearbeitbare Kopie öffnen.",
    en: () =>
      "Excel refused the change: the workbook or a sheet is protected or opened read-only. Please remove the protection or open an editable copy.",
  },
  requestTooLarge: {
    de: () =>
      "Die Daten sind zu groß, um sie in einem Schritt an Excel zu senden. Bitte die Vorlage als Datei erstellen (ikz-kit) und in Excel öffnen.",
    en: () =>
      "The data is too large to send to Excel in one step. Please create the template as a file (ikz-kit) and open it in Excel.",
  },
  responseTooLarge: {
    de: () =>
      "Die Arbeitsmappe ist zu groß, um sie hier in einem Schritt zu lesen. Bitte die Datei speichern und mit ikz-kit prüfen.",
    en: () => "The workbook is too large to read here in one step. Please save the file and check it with ikz-kit.",
  },
  invalidArgument: {
    de: () => "Excel hat einen Wert oder Bereich abgelehnt. Das ist ein Fehler in ikz-kit – bitte melden.",
    en: () => "Excel rejected a value or range. This is a bug in ikz-kit – please report it.",
  },
  invalidOperation: {
    de: () =>
      "Excel kann diesen Schritt jetzt nicht ausführen (z. B. bei einem ausgeblendeten Blatt). Bitte noch einmal versuchen.",
    en: () => "Excel cannot do this step right now (e.g. on a hidden sheet). Please try again.",
  },
  rangeConflict: {
    de: () =>
      "Verbundene Zellen, ein Filter, eine Tabelle oder eine PivotTable verhindern die Änderung. Bitte ein leeres Blatt verwenden oder die Vorlage ersetzen lassen.",
    en: () =>
      "Merged cells, a filter, a table or a PivotTable prevent the change. Please use an empty sheet or let the template be replaced.",
  },
  tooManyCells: {
    de: () => "Der Bereich ist für Excel zu groß. Bitte die Vorlage als Datei erstellen (ikz-kit).",
    en: () => "The range is too large for Excel. Please create the template as a file (ikz-kit).",
  },
  conflict: {
    de: () =>
      "Jemand anderes bearbeitet die Arbeitsmappe gerade an derselben Stelle. Bitte kurz warten und noch einmal versuchen.",
    en: () => "Someone else is editing the same part of the workbook. Please wait a moment and try again.",
  },
  busy: {
    de: () => "Excel ist gerade ausgelastet. Bitte kurz warten und noch einmal versuchen.",
    en: () => "Excel is busy. Please wait a moment and try again.",
  },
  generalException: {
    de: () =>
      "Excel hat einen internen Fehler gemeldet. Bitte noch einmal versuchen; hilft das nicht, Excel neu starten.",
    en: () => "Excel reported an internal error. Please try again; if that does not help, restart Excel.",
  },
  unsupported: {
    de: () => "Diese Excel-Version kann diesen Schritt nicht. Die Vorlagen funktionieren als Dateien (ikz-kit).",
    en: () => "This version of Excel cannot do this step. The templates work as files (ikz-kit).",
  },
  belowMinimum: {
    de: () =>
      `Diese Excel-Version ist für das Add-in zu alt (nötig: ExcelApi ${MINIMUM_EXCEL_API}, etwa Excel 2019 oder Microsoft 365). Die Vorlagen funktionieren trotzdem als Dateien: mit ikz-kit erstellen und in Excel öffnen.`,
    en: () =>
      `This version of Excel is too old for the add-in (needed: ExcelApi ${MINIMUM_EXCEL_API}, about Excel 2019 or Microsoft 365). The templates still work as files: create them with ikz-kit and open them in Excel.`,
  },
  tridentHost: {
    de: () =>
      "Diese Excel-Version zeigt Add-ins mit dem alten Internet Explorer an; das Add-in läuft darin nicht. Die Vorlagen funktionieren trotzdem als Dateien: mit ikz-kit erstellen, in Excel ausfüllen und mit ikz-kit prüfen.",
    en: () =>
      "This version of Excel shows add-ins with the old Internet Explorer; the add-in cannot run there. The templates still work as files: create them with ikz-kit, fill them in Excel and check them with ikz-kit.",
  },
  aborted: {
    de: () => "Der Vorgang wurde abgebrochen. Bitte noch einmal versuchen.",
    en: () => "The operation was cancelled. Please try again.",
  },
  connection: {
    de: () => "Die Verbindung zu Excel ist unterbrochen. Bitte das Add-in neu laden.",
    en: () => "The connection to Excel was lost. Please reload the add-in.",
  },
  internal: {
    de: () => "Ein interner Fehler in ikz-kit ist aufgetreten. Bitte melden (mit der Meldung aus der Konsole).",
    en: () => "An internal error occurred in ikz-kit. Please report it (with the message from the console).",
  },
  unknown: {
    de: () => "Excel hat einen unbekannten Fehler gemeldet. Bitte noch einmal versuchen.",
    en: () => "Excel reported an unknown error. Please try again.",
  },
  "progress.check": {
    de: () => "Arbeitsmappe wird geprüft …",
    en: () => "Checking the workbook …",
  },
  "progress.write": {
    de: () => "Blätter werden geschrieben …",
    en: () => "Writing sheets …",
  },
  "progress.read": {
    de: () => "Blätter werden gelesen …",
    en: () => "Reading sheets …",
  },
  "progress.done": {
    de: () => "Fertig.",
    en: () => "Done.",
  },
} satisfies Record<string, Record<Language, Render>>;

export type OfficeMessageKey = keyof typeof messages;

export const OFFICE_MESSAGE_KEYS = Object.keys(messages) as OfficeMessageKey[];

/**
 * The text of a host message in German or English.
 * @example renderOfficeMessage("cellEditMode", "de")
 */
export function renderOfficeMessage(
  key: OfficeMessageKey,
  language: Language,
  params: OfficeMessageParams = {},
): string {
  const render: Render = messages[key][language];
  return render(params);
}

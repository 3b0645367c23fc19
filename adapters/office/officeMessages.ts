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
    de: () =>
      "Excel hat einen Wert oder Bereich abgelehnt. Das ist ein Fehler in ikz-kit – bitte melden, mit der Zeile „Angaben für den Support“ unter dieser Meldung.",
    en: () =>
      "Excel rejected a value or range. This is a bug in ikz-kit – please report it with the “Details for support” line below this message.",
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
  modalDialogOpen: {
    de: () =>
      "In Excel ist gerade ein Dialogfenster geöffnet (z. B. „Zellen formatieren“ oder „Speichern unter“). Bitte das Fenster schließen und noch einmal versuchen.",
    en: () => "A dialog box is open in Excel (e.g. “Format Cells” or “Save As”). Please close it and try again.",
  },
  inactiveWorkbook: {
    de: () =>
      "Mehrere Arbeitsmappen sind geöffnet, und die Mappe dieses Aufgabenbereichs ist gerade nicht im Vordergrund. Bitte in diese Mappe klicken und noch einmal versuchen.",
    en: () =>
      "Several workbooks are open and the one this pane belongs to is not in front. Please click into that workbook and try again.",
  },
  timeout: {
    de: () =>
      "Excel hat nicht rechtzeitig geantwortet. Bitte kurz warten und noch einmal versuchen; bei großen Arbeitsmappen hilft es, andere Mappen zu schließen.",
    en: () =>
      "Excel did not answer in time. Please wait a moment and try again; with large workbooks it helps to close other workbooks.",
  },
  memoryLimit: {
    de: () =>
      "Excel hat für diesen Schritt nicht genug Arbeitsspeicher. Bitte andere Arbeitsmappen und Programme schließen und noch einmal versuchen – oder die Vorlage als Datei erstellen (ikz-kit) und in Excel öffnen.",
    en: () =>
      "Excel does not have enough memory for this step. Please close other workbooks and programs and try again – or create the template as a file (ikz-kit) and open it in Excel.",
  },
  serviceUnavailable: {
    de: () =>
      "Der Excel-Dienst ist gerade nicht erreichbar (Excel für das Web). Bitte in einigen Minuten noch einmal versuchen.",
    en: () => "The Excel service is not available right now (Excel on the web). Please try again in a few minutes.",
  },
  sessionExpired: {
    de: () =>
      "Die Sitzung mit Excel ist abgelaufen (etwa nach einer längeren Pause in Excel für das Web). Bitte den Aufgabenbereich schließen und wieder öffnen oder die Seite neu laden.",
    en: () =>
      "The session with Excel has expired (e.g. after a longer break in Excel on the web). Please close and reopen the pane or reload the page.",
  },
  restartExcel: {
    de: () =>
      "Excel muss neu gestartet werden (das Add-in wurde inzwischen aktualisiert). Bitte Excel schließen und wieder öffnen.",
    en: () => "Excel needs to be restarted (the add-in was updated meanwhile). Please close Excel and open it again.",
  },
  badPassword: {
    de: () =>
      "Das Kennwort stimmt nicht: Die Arbeitsmappe oder das Blatt ist mit einem Kennwort geschützt. Bitte den Schutz in Excel mit dem richtigen Kennwort aufheben (Überprüfen → Blatt schützen aufheben).",
    en: () =>
      "The password is wrong: the workbook or sheet is protected with a password. Please remove the protection in Excel with the right password (Review → Unprotect Sheet).",
  },
  signInRequired: {
    de: () =>
      "Excel verlangt eine Anmeldung (bei Microsoft 365 oder bei einer Datenquelle der Arbeitsmappe). Bitte in Excel anmelden und noch einmal versuchen.",
    en: () =>
      "Excel asks for a sign-in (to Microsoft 365 or to a data source of the workbook). Please sign in within Excel and try again.",
  },
  linksBlocked: {
    de: () =>
      "Excel blockiert die Verknüpfungen dieser Arbeitsmappe zu anderen Mappen. Bitte die Verknüpfungen in Excel erlauben (Meldungsleiste „Inhalt aktivieren“) oder entfernen und noch einmal versuchen.",
    en: () =>
      "Excel blocks this workbook's links to other workbooks. Please allow the links in Excel (message bar “Enable Content”) or remove them, and try again.",
  },
  unsupportedSheet: {
    de: () =>
      "Dieser Schritt geht auf einem Diagramm- oder Makroblatt nicht. Bitte ein normales Tabellenblatt auswählen und noch einmal versuchen.",
    en: () => "This step does not work on a chart or macro sheet. Please select a normal worksheet and try again.",
  },
  noRoomOnSheet: {
    de: () =>
      "Excel kann keine Zellen einfügen, weil dabei gefüllte Zellen über das Ende des Blattes geschoben würden (auch Formatierungen zählen). Bitte nicht benötigte Zeilen oder Spalten am Blattende löschen oder die Vorlage in eine leere Mappe einfügen.",
    en: () =>
      "Excel cannot insert cells because filled cells would be pushed off the end of the sheet (formatting counts too). Please delete unneeded rows or columns at the end of the sheet or insert the template into an empty workbook.",
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
    de: () =>
      "Ein interner Fehler in ikz-kit ist aufgetreten. Bitte melden, mit der Zeile „Angaben für den Support“ unter dieser Meldung (Knopf „Kopieren“).",
    en: () =>
      "An internal error occurred in ikz-kit. Please report it with the “Details for support” line below this message (“Copy” button).",
  },
  unknown: {
    de: () =>
      "Excel hat einen Fehler gemeldet, den ikz-kit nicht kennt. Bitte noch einmal versuchen; hilft das nicht, bitte mit der Zeile „Angaben für den Support“ unter dieser Meldung melden.",
    en: () =>
      "Excel reported an error ikz-kit does not know. Please try again; if that does not help, please report it with the “Details for support” line below this message.",
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

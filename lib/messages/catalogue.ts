/**
 * The one message catalogue: every text a user reads about their input, German first.
 * Each entry renders from typed parameters, so a message cannot lose its facts in translation.
 */
import type { Language } from "../spec/TemplateSpec.js";
import { countNoun, pluralNoun } from "./plural.js";

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
  /** Where `value` stands (a cell `Kommunen!A7`, or a file), when a message names two places. */
  readonly place?: string;
  /** Where `other` stands. */
  readonly otherPlace?: string;
  /** Why two town names are taken for one town: a `TownMatchReason` of lib/towns/townNames. */
  readonly reason?: string;
}

type Render = (p: MessageParams) => string;

/** Why two town names are taken for one town (lib/towns/townNames), as a clause. */
const TOWN_MATCH_REASONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  same: {
    de: "gleich, wenn Unicode-Form, Leerzeichen und Groß-/Kleinschreibung nicht zählen",
    en: "the same once Unicode form, spaces and case do not count",
  },
  prefix: { de: "gleich bis auf „Gemeinde“, „Stadt“ o. Ä.", en: "the same but for “Gemeinde”, “Stadt” or the like" },
  district: {
    de: "gleich bis auf „Ortsteil“ o. Ä. – ein Ortsteil ist keine eigene Kommune",
    en: "the same but for “Ortsteil” or the like — a district is not a town of its own",
  },
  qualifier: {
    de: "gleich bis auf einen Zusatz wie „(Erzgeb.)“",
    en: "the same but for an addition such as “(Erzgeb.)”",
  },
  spelling: {
    de: "gleich bis auf Umlaute, ß, Bindestriche oder Leerzeichen",
    en: "the same but for umlauts, ß, hyphens or spaces",
  },
  oneLetter: { de: "nur ein Buchstabe Unterschied", en: "only one letter apart" },
};
const townReason = (p: MessageParams, language: Language): string =>
  TOWN_MATCH_REASONS[p.reason ?? ""]?.[language] ?? p.reason ?? "";

const catalogue = {
  "file.unreadable": {
    de: (p) =>
      `Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx)${p.other ? `: ${p.other}` : ""}. Sie ist beschädigt oder unvollständig (z. B. ein abgebrochener Download). Bitte die Datei erneut speichern oder neu schicken lassen.`,
    en: (p) =>
      `The file is not a readable Excel workbook (.xlsx)${p.other ? `: ${p.other}` : ""}. It is damaged or incomplete (e.g. an interrupted download). Please save it again or ask for a new copy.`,
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
    de: () =>
      "Die Arbeitsmappe ist mit einem Kennwort geschützt (verschlüsselt) und kann ohne Kennwort nicht gelesen werden. Bitte in Excel öffnen, unter Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln das Kennwort löschen und erneut speichern – oder eine ungeschützte Kopie schicken lassen.",
    en: () =>
      "The workbook is password-protected (encrypted) and cannot be read without the password. Please open it in Excel, clear the password under File › Info › Protect Workbook › Encrypt with Password and save it again — or ask for an unprotected copy.",
  },
  "file.encryptedOrXls": {
    de: () =>
      "Die Datei ist eine Office-Datei im alten Containerformat: entweder eine mit Kennwort geschützte (verschlüsselte) Arbeitsmappe oder eine alte Excel-Datei (.xls). Bitte in Excel öffnen, ein Kennwort unter Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln löschen und die Datei als Excel-Arbeitsmappe (.xlsx) speichern.",
    en: () =>
      "The file is an Office file in the old container format: either a password-protected (encrypted) workbook or an old Excel file (.xls). Please open it in Excel, clear any password under File › Info › Protect Workbook › Encrypt with Password, and save it as an Excel workbook (.xlsx).",
  },
  "file.notXlsx": {
    de: (p) =>
      `Die Datei ist keine .xlsx-Arbeitsmappe, sondern offenbar ${p.other ?? "etwas anderes"}. Bitte in Excel oder LibreOffice als .xlsx speichern.`,
    en: (p) =>
      `The file is not an .xlsx workbook but apparently ${p.other ?? "something else"}. Please save it as .xlsx in Excel or LibreOffice.`,
  },
  "file.tooLarge": {
    de: (p) => `Die Datei ist zu groß (${p.received ?? "?"}); höchstens ${p.expected ?? "?"} werden gelesen.`,
    en: (p) => `The file is too large (${p.received ?? "?"}); at most ${p.expected ?? "?"} are read.`,
  },
  // Limits for hostile files (adapters/exceljs/readLimits.ts, docs/decisions/0006)
  "file.unpackedTooLarge": {
    de: () =>
      "Die Datei entpackt sich auf mehr Daten, als ikz-kit liest. So groß wird keine Arbeitsmappe dieser Vorlagen: bitte die Daten auf mehrere Dateien aufteilen, oder die Herkunft der Datei prüfen (eine manipulierte „Zip-Bombe“?).",
    en: () =>
      "The file unpacks to more data than ikz-kit reads. No workbook of these templates grows that large: please split the data across several files, or check where the file came from (a manipulated “zip bomb”?).",
  },
  "file.partTooLarge": {
    de: (p) =>
      `Der Teil „${p.value ?? ""}“ der Datei ist entpackt größer, als ikz-kit liest; Excel schreibt dort wenige MB. Bitte die Arbeitsmappe in Excel oder LibreOffice öffnen und neu als .xlsx speichern.`,
    en: (p) =>
      `The part “${p.value ?? ""}” of the file unpacks to more than ikz-kit reads; Excel writes a few MB there. Please open the workbook in Excel or LibreOffice and save it again as .xlsx.`,
  },
  "file.compressionRatio": {
    de: (p) =>
      `Der Teil „${p.value ?? ""}“ der Datei ist ungewöhnlich stark gepackt, wie bei einer manipulierten ZIP-Datei („Zip-Bombe“); er wird nicht entpackt. Stammt die Datei aus unbekannter Quelle, bitte nicht öffnen; sonst in Excel oder LibreOffice neu als .xlsx speichern.`,
    en: (p) =>
      `The part “${p.value ?? ""}” of the file is packed unusually tightly, as in a manipulated zip file (“zip bomb”); it is not unpacked. If the file comes from an unknown source, do not open it; otherwise save it again as .xlsx in Excel or LibreOffice.`,
  },
  "file.sizeMismatch": {
    de: (p) =>
      `Der Teil „${p.value ?? ""}“ der Datei entpackt sich zu mehr Daten, als ihr Inhaltsverzeichnis angibt: eine manipulierte („Zip-Bombe“) oder beschädigte Datei. Das Lesen wurde abgebrochen; bitte die Datei neu schicken lassen.`,
    en: (p) =>
      `The part “${p.value ?? ""}” of the file unpacks to more data than its table of contents declares: a manipulated (“zip bomb”) or damaged file. Reading was stopped; please ask for a new copy.`,
  },
  "file.tooManyEntries": {
    de: () =>
      "Die Datei besteht aus ungewöhnlich vielen Teilen (eine Arbeitsmappe hat selten mehr als hundert) und wird nicht gelesen.",
    en: () => "The file consists of unusually many parts (a workbook rarely has more than a hundred) and is not read.",
  },
  "file.xmlTooLong": {
    de: (p) =>
      `Der Teil „${p.value ?? ""}“ der Datei enthält mehr als ${countNoun(p.count, "Zeichen", "Zeichen", "de")} am Stück; Excel schreibt höchstens 32.767 Zeichen je Zelle. Die Datei ist beschädigt oder manipuliert und wird nicht gelesen.`,
    en: (p) =>
      `The part “${p.value ?? ""}” of the file holds more than ${countNoun(p.count, "character", "characters", "en")} in one piece; Excel writes at most 32,767 characters per cell. The file is damaged or manipulated and is not read.`,
  },
  "file.xmlTooDeep": {
    de: (p) =>
      `Der Teil „${p.value ?? ""}“ der Datei ist mehr als ${countNoun(p.count, "Ebene", "Ebenen", "de")} tief verschachtelt; Excel-Dateien sind etwa 10 Ebenen tief. Die Datei ist beschädigt oder manipuliert und wird nicht gelesen.`,
    en: (p) =>
      `The part “${p.value ?? ""}” of the file is nested more than ${countNoun(p.count, "level", "levels", "en")} deep; Excel files are about 10 levels deep. The file is damaged or manipulated and is not read.`,
  },
  "file.timeLimit": {
    de: (p) =>
      `Das Lesen der Datei dauerte länger als ${countNoun(p.count, "Sekunde", "Sekunden", "de")} und wurde abgebrochen. Bitte die Arbeitsmappe verkleinern oder aufteilen.`,
    en: (p) =>
      `Reading the file took longer than ${countNoun(p.count, "second", "seconds", "en")} and was stopped. Please make the workbook smaller or split it.`,
  },
  "sheet.tooManyRows": {
    de: (p) =>
      `Das Blatt hat mehr als ${countNoun(p.count, "belegte Zeile", "belegte Zeilen", "de")}; ikz-kit liest höchstens ${countNoun(p.count, "Zeile", "Zeilen", "de")} je Blatt (Excel erlaubt 1.048.576). Das Lesen wurde hier abgebrochen, nichts wurde ausgewertet. Bitte die Daten auf mehrere Arbeitsmappen aufteilen.`,
    en: (p) =>
      `The sheet has more than ${countNoun(p.count, "row", "rows", "en")} in use; ikz-kit reads at most ${countNoun(p.count, "row", "rows", "en")} per sheet (Excel allows 1,048,576). Reading stopped here and nothing was evaluated. Please split the data across several workbooks.`,
  },
  "workbook.tooManyCells": {
    de: (p) =>
      `Die Arbeitsmappe hat mehr als ${countNoun(p.count, "belegte Zelle", "belegte Zellen", "de")}; ikz-kit liest höchstens so viele. Das Lesen wurde hier abgebrochen, nichts wurde ausgewertet. Bitte die Daten auf mehrere Arbeitsmappen aufteilen.`,
    en: (p) =>
      `The workbook has more than ${countNoun(p.count, "cell", "cells", "en")} in use; ikz-kit reads at most that many. Reading stopped here and nothing was evaluated. Please split the data across several workbooks.`,
  },
  "workbook.notIkz": {
    de: () =>
      "Die Arbeitsmappe wurde nicht mit ikz-kit erstellt: das versteckte Blatt „_ikz“ mit Vorlagenkennung fehlt, und kein Blatt einer bekannten Vorlage wurde gefunden.",
    en: () =>
      "The workbook was not made with ikz-kit: the hidden sheet “_ikz” with the template id is missing, and no sheet of a known template was found.",
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
    de: () =>
      "Das versteckte Blatt „_ikz“ fehlt; die Vorlage wurde an ihren Blättern erkannt. Die Version ist unbekannt.",
    en: () => "The hidden sheet “_ikz” is missing; the template was recognised by its sheets. Its version is unknown.",
  },
  "workbook.olderVersion": {
    de: (p) =>
      `Die Arbeitsmappe ist veraltet: erstellt mit Vorlagenversion ${p.received ?? "?"}, aktuell ist ${p.expected ?? "?"}. Bitte mit \`ikz upgrade DATEI\` aktualisieren; alle Eingaben bleiben erhalten.`,
    en: (p) =>
      `The workbook is outdated: made with template version ${p.received ?? "?"}; the current version is ${p.expected ?? "?"}. Please upgrade it with \`ikz upgrade FILE\`; every entry is kept.`,
  },
  "workbook.newerVersion": {
    de: (p) =>
      `Die Arbeitsmappe stammt aus einer neueren Vorlagenversion (${p.received ?? "?"}) als dieses ikz-kit kennt (${p.expected ?? "?"}). Bitte ikz-kit aktualisieren.`,
    en: (p) =>
      `The workbook comes from a newer template version (${p.received ?? "?"}) than this ikz-kit knows (${p.expected ?? "?"}). Please update ikz-kit.`,
  },
  // `ikz upgrade` stops rather than leave entries behind (lib/upgrade/carryValues.ts)
  "upgrade.sheetNotFound": {
    de: (p) =>
      `Das Blatt „${p.expected ?? ""}“ fehlt: kein Blatt heißt so, und auf keinem stehen seine Überschriften (${p.column ?? ""}). Blätter der Arbeitsmappe: ${p.other ?? ""}. Bitte das Blatt mit diesen Einträgen wieder „${p.expected ?? ""}“ nennen und seine Überschriften wiederherstellen (ein gelöschtes Blatt aus einer älteren Kopie zurückholen), dann erneut \`ikz upgrade\` aufrufen. Es wurde nichts geschrieben.`,
    en: (p) =>
      `The sheet “${p.expected ?? ""}” is missing: no sheet has that name, and none shows its headers (${p.column ?? ""}). Sheets in the workbook: ${p.other ?? ""}. Please rename the sheet holding these entries back to “${p.expected ?? ""}” and restore its headers (bring a deleted sheet back from an older copy), then run \`ikz upgrade\` again. Nothing was written.`,
  },
  "upgrade.sheetAmbiguous": {
    de: (p) =>
      `Das Blatt „${p.expected ?? ""}“ fehlt, und seine Überschriften stehen auf mehreren Blättern: ${p.other ?? ""}. Welches davon übernommen werden soll, ist nicht eindeutig. Bitte dieses Blatt wieder „${p.expected ?? ""}“ nennen, dann erneut \`ikz upgrade\` aufrufen. Es wurde nichts geschrieben.`,
    en: (p) =>
      `The sheet “${p.expected ?? ""}” is missing, and its headers stand on several sheets: ${p.other ?? ""}. Which of them to take over is not clear. Please rename that sheet back to “${p.expected ?? ""}”, then run \`ikz upgrade\` again. Nothing was written.`,
  },
  "upgrade.entriesNotTaken": {
    de: (p) =>
      `Auf dem Blatt ${pluralNoun(p.count, "steht", "stehen")} ${countNoun(p.count, "Eintrag", "Einträge", "de")} unter der Kopfzeile (Zeile ${p.value ?? "?"}), aber keiner in einer Spalte der Vorlage (${p.column ?? ""}): die Überschriften wurden nicht erkannt, übernommen würde ein leeres Blatt. Bitte die Überschriften wiederherstellen, wie die Vorlage sie schrieb, dann erneut \`ikz upgrade\` aufrufen. Es wurde nichts geschrieben.`,
    en: (p) =>
      `The sheet holds ${countNoun(p.count, "entry", "entries", "en")} below its header row (row ${p.value ?? "?"}), but none in a column of the template (${p.column ?? ""}): the headers were not recognised, an empty sheet would be taken over. Please restore the headers as the template wrote them, then run \`ikz upgrade\` again. Nothing was written.`,
  },
  "upgrade.entriesElsewhere": {
    de: (p) =>
      `Das Blatt ist leer, aber „${p.other ?? ""}“ hat seine Spalten und ${countNoun(p.count, "Eintrag", "Einträge", "de")}; übernommen würde das leere Blatt. Bitte das leere Blatt löschen oder umbenennen und „${p.other ?? ""}“ wieder „${p.sheet ?? ""}“ nennen, dann erneut \`ikz upgrade\` aufrufen. Es wurde nichts geschrieben.`,
    en: (p) =>
      `The sheet is empty, but “${p.other ?? ""}” has its columns and ${countNoun(p.count, "entry", "entries", "en")}; the empty sheet would be taken over. Please delete or rename the empty sheet and rename “${p.other ?? ""}” back to “${p.sheet ?? ""}”, then run \`ikz upgrade\` again. Nothing was written.`,
  },
  "upgrade.valueLost": {
    de: (p) =>
      `Der Wert ${p.value ?? ""} käme in der aktualisierten Arbeitsmappe nicht an. Das ist ein Fehler von ikz-kit – bitte melden. Es wurde nichts geschrieben.`,
    en: (p) =>
      `The value ${p.value ?? ""} would not reach the upgraded workbook. This is a fault of ikz-kit — please report it. Nothing was written.`,
  },
  "sheet.missing": {
    de: (p) => `Das Blatt „${p.expected ?? ""}“ fehlt.`,
    en: (p) => `The sheet “${p.expected ?? ""}” is missing.`,
  },
  "sheet.notRead": {
    de: (p) =>
      `Dieses Blatt gehört zu keiner Vorlage und hat ${p.received ?? "?"} belegte Zellen – zu viele, um sie in Excel zu lesen (höchstens ${p.expected ?? "?"}). ikz-kit hat nur seinen Namen gelesen; für die Prüfung braucht es den Inhalt nicht.`,
    en: (p) =>
      `This sheet belongs to no template and has ${p.received ?? "?"} cells in use — too many to read in Excel (at most ${p.expected ?? "?"}). ikz-kit read only its name; the check does not need its contents.`,
  },
  "header.missing": {
    de: (p) =>
      `Die Spalte „${p.expected ?? ""}“ fehlt in der Kopfzeile${p.received ? `; an ihrer Stelle steht „${p.received}“` : ""}.`,
    en: (p) =>
      `The column “${p.expected ?? ""}” is missing from the header row${p.received ? `; in its place is “${p.received}”` : ""}.`,
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
    de: (p) =>
      `In „${p.column ?? ""}“ steht eine Zahl als Text (z. B. mit Dezimalkomma aus einer Kopie). Bitte als Zahl eingeben.`,
    en: (p) =>
      `“${p.column ?? ""}” holds a number stored as text (e.g. with a decimal comma from a copy). Please enter it as a number.`,
  },
  "cell.percentAsText": {
    de: (p) => `In „${p.column ?? ""}“ steht ein Prozentwert als Text. Bitte nur die Zahl eingeben.`,
    en: (p) => `“${p.column ?? ""}” holds a percentage as text. Please enter just the number.`,
  },
  "cell.numberTooLarge": {
    de: (p) =>
      `Die Zahl in „${p.column ?? ""}“ ist zu groß: Tabellen rechnen mit höchstens 15 Stellen (bis 999.999.999.999.999).`,
    en: (p) =>
      `The number in “${p.column ?? ""}” is too large: spreadsheets calculate with at most 15 digits (up to 999,999,999,999,999).`,
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
    de: (p) =>
      `In „${p.column ?? ""}“ steht eine Formel statt eines eingegebenen Werts; ausgewertet wird ihr Ergebnis.`,
    en: (p) => `“${p.column ?? ""}” holds a formula instead of a typed value; its result is used.`,
  },
  "cell.merged": {
    de: () => "Verbundene Zellen im Datenbereich: nur die erste Zelle wird gelesen. Bitte den Zellverbund aufheben.",
    en: () => "Merged cells in the data area: only the first cell is read. Please unmerge them.",
  },
  "rows.beyondCapacity": {
    de: (p) =>
      `Ab Zeile ${p.value ?? "?"} ${p.count === 1 ? "steht ein Eintrag" : `stehen ${p.count ?? "?"} Einträge`} unterhalb der Zeilen, die die Formeln der Vorlage abdecken (bis Zeile ${p.expected ?? "?"}). Das Blatt rechnet ${p.count === 1 ? "ihn" : "sie"} nicht mit, ikz-kit deshalb auch nicht. Bitte ${p.count === 1 ? "den Eintrag" : "die Einträge"} in freie vorbereitete Zeilen verschieben. ${p.other ?? ""}`,
    en: (p) =>
      `From row ${p.value ?? "?"} on, ${p.count === 1 ? "an entry stands" : `${p.count ?? "?"} entries stand`} below the rows the template's formulas cover (up to row ${p.expected ?? "?"}). The sheet does not compute ${p.count === 1 ? "it" : "them"}, so neither does ikz-kit. Please move ${p.count === 1 ? "the entry" : "the entries"} into free prepared rows. ${p.other ?? ""}`,
  },
  "formula.missing": {
    de: (p) =>
      `Hier gehört eine Formel der Vorlage hin${p.column ? ` (Spalte „${p.column}“)` : ""}, die Zelle ist aber leer: das Blatt rechnet an dieser Stelle nicht mehr. Bitte die Formel aus einer Nachbarzeile kopieren oder die Änderung rückgängig machen.`,
    en: (p) =>
      `A template formula belongs here${p.column ? ` (column “${p.column}”)` : ""}, but the cell is empty: the sheet no longer computes at this place. Please copy the formula from a neighbouring row or undo the change.`,
  },
  "formula.replaced": {
    de: (p) =>
      `Die Formel der Vorlage${p.column ? ` in „${p.column}“` : ""} wurde mit einem Wert überschrieben. Das Blatt zeigt jetzt diesen Wert statt des berechneten Ergebnisses; ikz-kit rechnet daraus nichts. Bitte die Formel wiederherstellen (Rückgängig, oder aus einer Nachbarzelle kopieren).`,
    en: (p) =>
      `The template's formula${p.column ? ` in “${p.column}”` : ""} was overwritten with a value. The sheet now shows that value instead of the computed result; ikz-kit computes nothing from it. Please restore the formula (undo, or copy it from a neighbouring cell).`,
  },
  "formula.broken": {
    de: (p) =>
      `Die Formel${p.column ? ` in „${p.column}“` : ""} verweist auf gelöschte Zellen (#BEZUG!/#REF!): vermutlich wurden Zeilen oder Spalten gelöscht, auf die sie sich bezog. Bitte das Löschen rückgängig machen; einen Eintrag leert man, statt seine Zeile zu löschen.`,
    en: (p) =>
      `The formula${p.column ? ` in “${p.column}”` : ""} refers to deleted cells (#REF!): rows or columns it referred to were probably deleted. Please undo the deletion; to remove an entry, clear its cells instead of deleting its row.`,
  },
  "formula.changed": {
    de: (p) =>
      `Die Formel der Vorlage${p.column ? ` in „${p.column}“` : ""} wurde verändert; das Ergebnis im Blatt ist nicht mehr das, was die Vorlage berechnet. Bitte die Änderung rückgängig machen oder die Formel aus einer unveränderten Nachbarzelle kopieren.`,
    en: (p) =>
      `The template's formula${p.column ? ` in “${p.column}”` : ""} was changed; the sheet's result is no longer what the template computes. Please undo the change or copy the formula from an unchanged neighbouring cell.`,
  },
  "formula.shifted": {
    de: (p) =>
      `Die Formel${p.column ? ` in „${p.column}“` : ""} verweist auf andere Zeilen des Blatts „${p.other ?? ""}“ als vorgesehen: dort wurden Zeilen eingefügt, gelöscht oder verschoben, und die Rechnung ordnet jetzt Werte falsch zu. Bitte das Einfügen oder Löschen rückgängig machen; neue Einträge gehören in die freien vorbereiteten Zeilen.`,
    en: (p) =>
      `The formula${p.column ? ` in “${p.column}”` : ""} refers to other rows of sheet “${p.other ?? ""}” than planned: rows were inserted, deleted or moved there, and the computation now matches values wrongly. Please undo the insertion or deletion; new entries belong in the free prepared rows.`,
  },
  "formula.errorResult": {
    de: (p) =>
      `Die Formel${p.column ? ` in „${p.column}“` : ""} ergibt einen Fehlerwert; das Ergebnis im Blatt ist unbrauchbar. Meist steht in einer Eingabe, auf die sie sich bezieht, Text statt einer Zahl – oder eine Zeile, auf die sie sich bezog, wurde gelöscht (siehe die Befunde „#BEZUG!“).`,
    en: (p) =>
      `The formula${p.column ? ` in “${p.column}”` : ""} results in an error value; the sheet's result is unusable. Usually an input it refers to holds text instead of a number — or a row it referred to was deleted (see the “#REF!” findings).`,
  },
  "formula.more": {
    de: (p) =>
      `Auf diesem Blatt ${pluralNoun(p.count, "ist", "sind")} ${countNoun(p.count, "weitere Formelzelle", "weitere Formelzellen", "de")} ebenso betroffen (oben sind die ersten genannt).`,
    en: (p) =>
      `On this sheet ${countNoun(p.count, "further formula cell is", "further formula cells are", "en")} affected the same way (the first ones are listed above).`,
  },
  "cell.formulaWithoutResult": {
    de: (p) =>
      `In „${p.column ?? ""}“ steht eine Formel ohne gespeichertes Ergebnis (die Datei wurde von einem Programm geschrieben, das nicht rechnet). ikz-kit rechnet Formeln nicht nach und liest hier deshalb nichts. Bitte den Wert eintippen, oder die Datei in Excel oder LibreOffice öffnen und speichern.`,
    en: (p) =>
      `“${p.column ?? ""}” holds a formula without a stored result (the file was written by a program that does not calculate). ikz-kit does not evaluate formulas, so it reads nothing here. Please type the value, or open the file in Excel or LibreOffice and save it.`,
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
    de: (p) =>
      `Der Produktcode ${p.value ?? ""} steht nicht im Produktrahmen; er wird als eigener Code der Kommune behandelt.`,
    en: (p) =>
      `The product code ${p.value ?? ""} is not in the product framework; it is treated as the town's own code.`,
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
  /** A class threshold stored as a fraction between 0 and 1: „66 %“ typed where 66 points were meant. */
  "settings.thresholdAsPercent": {
    de: (p) =>
      `„${p.column ?? ""}“ ist als Prozent gespeichert (${p.value ?? ""} %). Die Schwelle ist eine Punktzahl von 0 bis 100: bitte ${p.value ?? ""} ohne Prozentzeichen eingeben.`,
    en: (p) =>
      `“${p.column ?? ""}” is stored as a percentage (${p.value ?? ""} %). The threshold is a score from 0 to 100: please type ${p.value ?? ""} without a percent sign.`,
  },
  "validation.tooManyFindings": {
    de: (p) =>
      `Zu viele Befunde: gezeigt werden die ersten ${Number(p.value ?? 0).toLocaleString("de-DE")}, ${countNoun(p.count, "weiterer ist", "weitere sind", "de")} ausgelassen. Bitte zuerst die gezeigten beheben; oft ist eine ganze Spalte verschoben oder falsch gefüllt.`,
    en: (p) =>
      `Too many findings: the first ${Number(p.value ?? 0).toLocaleString("en-GB")} are shown, ${countNoun(p.count, "more is", "more are", "en")} left out. Please fix those shown first; often a whole column is shifted or filled wrongly.`,
  },
  "roadmap.duplicateTown": {
    de: (p) => `Die Kommune „${p.value ?? ""}“ ist mehrfach vertreten (auch in ${p.other ?? "?"}).`,
    en: (p) => `The town “${p.value ?? ""}” appears more than once (also in ${p.other ?? "?"}).`,
  },
  "roadmap.tooFewTowns": {
    de: () => "Für einen IKZ-Fahrplan werden mindestens zwei Kommunen gebraucht.",
    en: () => "A roadmap needs at least two towns.",
  },
  // One town, one row (lib/towns/townNames): `value`/`place` the later spelling, `other`/`otherPlace` the earlier.
  "towns.twiceInCostModel": {
    de: (p) =>
      `Die Kommune „${p.other ?? ""}“ steht zweimal im Kostenmodell: in ${p.otherPlace ?? "?"} und als „${p.value ?? ""}“ in ${p.place ?? "?"} (${townReason(p, "de")}). Sie würde doppelt belastet. Bitte die beiden Zeilen zu einer zusammenführen.`,
    en: (p) =>
      `The town “${p.other ?? ""}” is listed twice in the cost model: in ${p.otherPlace ?? "?"} and as “${p.value ?? ""}” in ${p.place ?? "?"} (${townReason(p, "en")}). It would be charged twice. Please merge the two rows into one.`,
  },
  "towns.similarInCostModel": {
    de: (p) =>
      `„${p.other ?? ""}“ (${p.otherPlace ?? "?"}) und „${p.value ?? ""}“ (${p.place ?? "?"}) sind vermutlich dieselbe Kommune (${townReason(p, "de")}). Ist es dieselbe, wird sie doppelt belastet: bitte die Zeilen zusammenführen. Sind es zwei verschiedene Kommunen, kann dieser Hinweis bleiben.`,
    en: (p) =>
      `“${p.other ?? ""}” (${p.otherPlace ?? "?"}) and “${p.value ?? ""}” (${p.place ?? "?"}) are probably the same town (${townReason(p, "en")}). If so, it is charged twice: please merge the rows. If they are two different towns, this note can stay.`,
  },
  "towns.similarInPartnership": {
    de: (p) =>
      `„${p.other ?? ""}“ (${p.otherPlace ?? "?"}) und „${p.value ?? ""}“ (${p.place ?? "?"}) sind vermutlich dieselbe Kommune (${townReason(p, "de")}). Das Kostenmodell der Verbundmappe führte sie zweimal und belastete sie doppelt. Bitte die Schreibweise in einer der Dateien angleichen – oder bestätigen, dass es zwei verschiedene Kommunen sind.`,
    en: (p) =>
      `“${p.other ?? ""}” (${p.otherPlace ?? "?"}) and “${p.value ?? ""}” (${p.place ?? "?"}) are probably the same town (${townReason(p, "en")}). The partnership's cost model would list it twice and charge it twice. Please make the spelling the same in one of the files — or confirm that they are two different towns.`,
  },
  "partnership.sourcesDisagree": {
    de: (p) =>
      `${p.column ?? ""}: „${p.other ?? ""}“ (${p.otherPlace ?? "?"}) und „${p.value ?? ""}“ (${p.place ?? "?"}) weichen voneinander ab. Die Verbundmappe übernimmt „${p.other ?? ""}“ aus ${p.otherPlace ?? "?"}. Bitte prüfen, welche Angabe stimmt, und die andere Datei oder die Verbundmappe berichtigen.`,
    en: (p) =>
      `${p.column ?? ""}: “${p.other ?? ""}” (${p.otherPlace ?? "?"}) and “${p.value ?? ""}” (${p.place ?? "?"}) differ. The partnership workbook takes “${p.other ?? ""}” from ${p.otherPlace ?? "?"}. Please check which is right and correct the other file or the partnership workbook.`,
  },
} satisfies Record<string, Record<Language, Render>>;

export type MessageCode = keyof typeof catalogue;

/** Renders a message in the given language. */
export function renderMessage(code: MessageCode, language: Language, params: MessageParams = {}): string {
  return catalogue[code][language](params);
}

/** All message codes, for tests that every code renders in every language. */
export const MESSAGE_CODES = Object.keys(catalogue) as MessageCode[];

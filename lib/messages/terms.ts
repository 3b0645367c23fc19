/**
 * Short texts that are not findings: data-validation prompts, value kinds, table headings of
 * reports. Kept next to the findings catalogue so all user-facing text lives in lib/messages.
 */
import type { Language } from "../spec/TemplateSpec.js";
import { countNoun } from "./plural.js";

export interface TermParams {
  readonly column?: string;
  readonly expected?: string;
  readonly sheet?: string;
  readonly min?: number;
  readonly max?: number;
  /**
   * False when `min` and `max` are written without a thousands separator, as the column shows
   * them: a year („2000 bis 2100“). See {@link groupsDigits}.
   */
  readonly grouping?: boolean;
  readonly value?: string;
  readonly count?: number;
}

type Render = (p: TermParams) => string;

/** Number formats made once: building an Intl.NumberFormat per call is slow for large sheets. */
const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10 }),
};
const UNGROUPED_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 10, useGrouping: false }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10, useGrouping: false }),
};

const formatNumber = (value: number | undefined, language: Language, grouping = true): string =>
  value === undefined ? "" : (grouping ? NUMBER_FORMATS : UNGROUPED_FORMATS)[language].format(value);

/** A range „von 3 bis 9“ / „from 3 to 9“ or its open form „ab 3“ / „from 3“. */
const range = (p: TermParams, language: Language): string => {
  const min = formatNumber(p.min, language, p.grouping);
  if (p.max === undefined) return language === "de" ? `ab ${min}` : `from ${min}`;
  const max = formatNumber(p.max, language, p.grouping);
  return language === "de" ? `von ${min} bis ${max}` : `from ${min} to ${max}`;
};

/**
 * Whether a column's numbers are written with a thousands separator: as its cells show them. A
 * number format without one (`0`, the budget year's) writes „2000“, so its range and values do
 * too; without a number format, numbers are grouped („1.000 Einwohner“).
 */
export function groupsDigits(column: { readonly numberFormat?: string }): boolean {
  const format = column.numberFormat;
  return format === undefined || /[#0],[#0]/.test(format);
}

const terms = {
  validationError: {
    de: (p) => `${p.column ?? ""}: ${p.expected ?? ""}`,
    en: (p) => `${p.column ?? ""}: ${p.expected ?? ""}`,
  },
  expectWholeNumber: {
    de: (p) => `ganze Zahl ${range(p, "de")}`,
    en: (p) => `whole number ${range(p, "en")}`,
  },
  expectNumber: {
    de: (p) => `Zahl ${range(p, "de")}`,
    en: (p) => `number ${range(p, "en")}`,
  },
  expectDecimals: {
    de: (p) => `höchstens ${countNoun(p.count, "Nachkommastelle", "Nachkommastellen", "de")}`,
    en: (p) => `at most ${countNoun(p.count, "decimal place", "decimal places", "en")}`,
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
  moreRowsInsert: {
    de: () =>
      "Mehr Zeilen: Zeilen innerhalb der Tabelle einfügen (über ihrer letzten Zeile) – die Formeln wachsen dann mit.",
    en: () => "More rows: insert rows inside the table (above its last row) — the formulas grow with them.",
  },
  moreRowsNew: {
    de: () =>
      "Mehr Zeilen: eine neue Vorlage erzeugen (ikz template … oder Aufgabenbereich „Vorlagen“) und die Einträge übernehmen.",
    en: () => "More rows: create a new template (ikz template … or the pane's “Templates”) and carry the entries over.",
  },
  kindFormula: { de: (p) => `=${p.value ?? ""} (Formel)`, en: (p) => `=${p.value ?? ""} (formula)` },
  roadmapTitle: {
    de: () => "IKZ-Fahrplan: gemeinsame Aufgaben und Synergien",
    en: () => "IKZ roadmap: shared tasks and synergies",
  },
  roadmapDescription: {
    de: (p) =>
      `Aufgaben, die mindestens zwei Kommunen erbringen, geordnet nach Anzahl der A-Bewertungen, mittlerer Punktzahl und Code. Kommunen: ${p.value ?? ""}.`,
    en: (p) =>
      `Tasks provided by at least two towns, ordered by number of class A ratings, mean score and code. Towns: ${p.value ?? ""}.`,
  },
  roadmapSheet: { de: () => "Fahrplan", en: () => "Roadmap" },
  roadmapSourcesSheet: { de: () => "Quellen", en: () => "Sources" },
  roadmapSourcesTitle: { de: () => "Eingelesene Arbeitsmappen", en: () => "Workbooks read" },
  columnOrder: { de: () => "Nr.", en: () => "No." },
  columnCode: { de: () => "Produktcode", en: () => "Product code" },
  columnName: { de: () => "Bezeichnung", en: () => "Name" },
  columnTownCount: { de: () => "Anzahl Kommunen", en: () => "Number of towns" },
  columnMeanScore: { de: () => "Mittlere Punkte", en: () => "Mean score" },
  columnClassACount: { de: () => "Anzahl Klasse A", en: () => "Number of class A" },
  columnParticipants: { de: () => "Kommunen (Punkte, Klasse)", en: () => "Towns (score, class)" },
  columnTown: { de: () => "Kommune", en: () => "Town" },
  columnFile: { de: () => "Datei", en: () => "File" },
  columnTemplateVersion: { de: () => "Vorlagenversion", en: () => "Template version" },
  columnTaskCount: { de: () => "Aufgaben", en: () => "Tasks" },
  formatPdf: { de: () => "ein PDF-Dokument", en: () => "a PDF document" },
  formatText: { de: () => "eine Text- oder CSV-Datei", en: () => "a text or CSV file" },
  formatHtml: { de: () => "eine HTML-Seite", en: () => "an HTML page" },
  formatXml: { de: () => "eine XML-Datei (z. B. Excel-2003-XML)", en: () => "an XML file (e.g. Excel 2003 XML)" },
  formatRtf: { de: () => "ein RTF-Dokument", en: () => "an RTF document" },
  formatXls: { de: () => "eine alte Excel-Datei (.xls)", en: () => "an old Excel file (.xls)" },
  formatOle: { de: () => "ein altes Office-Dokument", en: () => "an old Office document" },
  formatOds: { de: () => "eine OpenDocument-Tabelle (.ods)", en: () => "an OpenDocument spreadsheet (.ods)" },
  formatOdf: { de: () => "ein OpenDocument-Dokument", en: () => "an OpenDocument file" },
  formatDocx: { de: () => "ein Word-Dokument (.docx)", en: () => "a Word document (.docx)" },
  formatPptx: { de: () => "eine PowerPoint-Präsentation (.pptx)", en: () => "a PowerPoint presentation (.pptx)" },
  formatXlsb: { de: () => "eine Excel-Binärarbeitsmappe (.xlsb)", en: () => "an Excel binary workbook (.xlsb)" },
  formatZip: { de: () => "ein ZIP-Archiv ohne Arbeitsmappe", en: () => "a zip archive without a workbook" },
  formatUnknown: { de: () => "eine Datei unbekannten Formats", en: () => "a file of unknown format" },
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

/** All keys, for the test that renders every text in every language. */
export const TERM_KEYS = Object.keys(terms) as TermKey[];

/**
 * Formats a number the way a reader of that language writes it (decimal comma in German); with
 * `grouping` false without a thousands separator, as a year is written.
 */
export function formatNumberFor(value: number, language: Language, grouping = true): string {
  return formatNumber(value, language, grouping);
}

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

/** Number formats made once: building an Intl.NumberFormat per call is slow for large sheets. */
const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10 }),
};

const formatNumber = (value: number | undefined, language: Language): string =>
  value === undefined ? "" : NUMBER_FORMATS[language].format(value);

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
  moreRowsInsert: {
    de: () => "Mehr Zeilen: Zeilen innerhalb der Tabelle einfügen (über ihrer letzten Zeile) – die Formeln wachsen dann mit.",
    en: () => "More rows: insert rows inside the table (above its last row) — the formulas grow with them.",
  },
  moreRowsNew: {
    de: () => "Mehr Zeilen: eine neue Vorlage erzeugen (ikz template … oder Aufgabenbereich „Vorlagen“) und die Einträge übernehmen.",
    en: () => "More rows: create a new template (ikz template … or the pane's “Templates”) and carry the entries over.",
  },
  kindFormula: { de: (p) => `=${p.value ?? ""} (Formel)`, en: (p) => `=${p.value ?? ""} (formula)` },
  roadmapTitle: { de: () => "IKZ-Fahrplan: gemeinsame Aufgaben und Synergien", en: () => "IKZ roadmap: shared tasks and synergies" },
  roadmapDescription: {
    de: (p) => `Aufgaben, die mindestens zwei Kommunen erbringen, geordnet nach Anzahl der A-Bewertungen, mittlerer Punktzahl und Code. Kommunen: ${p.value ?? ""}.`,
    en: (p) => `Tasks provided by at least two towns, ordered by number of class A ratings, mean score and code. Towns: ${p.value ?? ""}.`,
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
  columnSynergies: { de: () => "Synergien (stark → Bedarf)", en: () => "Synergies (strong → in need)" },
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

/** Formats a number the way a reader of that language writes it (decimal comma in German). */
export function formatNumberFor(value: number, language: Language): string {
  return NUMBER_FORMATS[language].format(value);
}

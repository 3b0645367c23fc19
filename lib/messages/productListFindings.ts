/**
 * The findings about a town's own product list (adapters/products/readProductList.ts): each code's
 * sentence and, for a product code, what it expects — in German and English, rendered from the
 * facts the reader found.
 */
import type { Language } from "../spec/TemplateSpec.js";
import { createFinding, type ValidationIssue } from "../validation/ValidationIssue.js";
import type { FindingText, FindingTexts } from "./findings.js";

/** Headers the reader accepts, and how many rows it searches for them (given by the reader). */
export interface ProductListHeaders {
  readonly code: readonly string[];
  readonly name: readonly string[];
  readonly searchRows: number;
}

/** Where in the list a row finding is: its line, and the sheet and cell (xlsx) or the column's header (CSV). */
export interface ProductListPlace {
  readonly line: number;
  readonly cell: string;
  /** Sheet name for xlsx; undefined for CSV. */
  readonly sheet?: string | undefined;
  /** The header of the column the finding is in. */
  readonly header: string;
}

/** The facts a product-list finding is rendered from. */
export interface ProductListParams {
  readonly at?: ProductListPlace;
  /** The value as found (a code as typed, a header row's text). */
  readonly received?: string;
  /** A product code as read. */
  readonly code?: string;
  /** The line where the same code appeared first. */
  readonly earlier?: number;
  /** A line of the file: where the CSV cannot be split, or the header row. */
  readonly line?: number;
  readonly headers?: ProductListHeaders;
}

/** The rule for a product code (the reader's: 2 to 8 digits). */
export const PRODUCT_CODE_DIGITS = { min: 2, max: 8 } as const;
const CODE_RULE: Readonly<Record<Language, string>> = {
  de: `${PRODUCT_CODE_DIGITS.min} bis ${PRODUCT_CODE_DIGITS.max} Ziffern, z. B. 1111`,
  en: `${PRODUCT_CODE_DIGITS.min} to ${PRODUCT_CODE_DIGITS.max} digits, e.g. 1111`,
};

/** "Zeile 7 (Blatt „Produkte“, Zelle B7)" / "Line 7 (column “Bezeichnung”)". */
function where(p: ProductListParams, language: Language): string {
  const at = p.at;
  if (at === undefined) return "";
  if (at.sheet === undefined)
    return language === "de" ? `Zeile ${at.line} (Spalte „${at.header}“)` : `Line ${at.line} (column “${at.header}”)`;
  return language === "de"
    ? `Zeile ${at.line} (Blatt „${at.sheet}“, Zelle ${at.cell})`
    : `Row ${at.line} (sheet “${at.sheet}”, cell ${at.cell})`;
}

const MESSAGES = {
  "productList.fileEmpty": {
    de: () => "Die Datei ist leer: Sie enthält keine Zeile mit Inhalt.",
    en: () => "The file is empty: it contains no line with content.",
  },
  "productList.unreadable": {
    de: () =>
      "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte in Excel oder LibreOffice neu als .xlsx oder als CSV speichern.",
    en: () =>
      "The file is not a readable Excel workbook (.xlsx). Please save it again as .xlsx or as CSV in Excel or LibreOffice.",
  },
  "productList.legacyOrEncrypted": {
    de: () =>
      "Die Datei ist eine alte Excel-Arbeitsmappe (.xls) oder mit einem Kennwort geschützt. Bitte ohne Kennwort als .xlsx oder als CSV speichern.",
    en: () =>
      "The file is an old Excel workbook (.xls) or password-protected. Please save it without a password as .xlsx or as CSV.",
  },
  "productList.binary": {
    de: () =>
      "Die Datei ist weder eine CSV-Datei noch eine .xlsx-Arbeitsmappe. Bitte die Produktliste als CSV oder .xlsx exportieren.",
    en: () => "The file is neither a CSV file nor an .xlsx workbook. Please export the product list as CSV or .xlsx.",
  },
  "productList.extensionMismatch": {
    de: () => "Die Datei heißt wie eine Excel-Arbeitsmappe, enthält aber Text; sie wurde als CSV gelesen.",
    en: () => "The file is named like an Excel workbook but contains text; it was read as CSV.",
  },
  "productList.noVisibleSheet": {
    de: () => "Die Arbeitsmappe hat kein sichtbares Blatt. Bitte das Blatt mit der Produktliste einblenden.",
    en: () => "The workbook has no visible sheet. Please unhide the sheet with the product list.",
  },
  "productList.csvMalformed": {
    de: (p) =>
      `Zeile ${p.line ?? "?"}: Die CSV-Datei lässt sich ab hier nicht in Felder zerlegen, vermutlich wegen eines Anführungszeichens (") ohne Gegenstück.`,
    en: (p) =>
      `Line ${p.line ?? "?"}: the CSV file cannot be split into fields from here on, probably because of a quotation mark (") without its closing partner.`,
  },
  "productList.headerNotFound": {
    de: (p) =>
      `Keine Kopfzeile gefunden: In den ersten ${p.headers?.searchRows ?? "?"} Zeilen steht keine Zeile mit je einer Spalte für den Produktcode ` +
      `und für die Bezeichnung. Erlaubte Überschriften für den Code: ${p.headers?.code.join(", ") ?? ""}; für die Bezeichnung: ${p.headers?.name.join(", ") ?? ""} ` +
      "(Groß-/Kleinschreibung und Satzzeichen sind egal). Die Liste kann so nicht gelesen werden.",
    en: (p) =>
      `No header row found: none of the first ${p.headers?.searchRows ?? "?"} rows has a column for the product code and one for the name. ` +
      `Accepted headers for the code: ${p.headers?.code.join(", ") ?? ""}; for the name: ${p.headers?.name.join(", ") ?? ""} ` +
      "(case and punctuation do not matter). The list cannot be read like this.",
  },
  "productList.noProducts": {
    de: (p) => `Unter der Kopfzeile (Zeile ${p.line ?? "?"}) steht kein verwendbares Produkt.`,
    en: (p) => `There is no usable product below the header row (line ${p.line ?? "?"}).`,
  },
  "productList.codeMissing": {
    de: (p) => `${where(p, "de")}: Der Produktcode fehlt; erwartet: ${CODE_RULE.de}.`,
    en: (p) => `${where(p, "en")}: the product code is missing; expected: ${CODE_RULE.en}.`,
  },
  "productList.codeInvalid": {
    de: (p) => `${where(p, "de")}: „${p.received ?? ""}“ ist kein Produktcode; erwartet: ${CODE_RULE.de}.`,
    en: (p) => `${where(p, "en")}: “${p.received ?? ""}” is not a product code; expected: ${CODE_RULE.en}.`,
  },
  "productList.codeLength": {
    de: (p) => `${where(p, "de")}: „${p.received ?? ""}“ hat die falsche Länge; erwartet: ${CODE_RULE.de}.`,
    en: (p) => `${where(p, "en")}: “${p.received ?? ""}” has the wrong length; expected: ${CODE_RULE.en}.`,
  },
  "productList.codeDecimal": {
    de: (p) =>
      `${where(p, "de")}: Der Code steht als Dezimalzahl ${p.received ?? ""} in der Zelle; Excel kann dabei Nullen am Ende verlieren. Bitte die Spalte als Text formatieren und den Code neu eingeben.`,
    en: (p) =>
      `${where(p, "en")}: the code is stored as the decimal number ${p.received ?? ""}; Excel may have dropped trailing zeros. Please format the column as text and type the code again.`,
  },
  "productList.codeDate": {
    de: (p) =>
      `${where(p, "de")}: Der Code wurde von Excel als Datum (${p.received ?? ""}) gespeichert. Bitte die Spalte als Text formatieren und den Code neu eingeben.`,
    en: (p) =>
      `${where(p, "en")}: Excel stored the code as a date (${p.received ?? ""}). Please format the column as text and type the code again.`,
  },
  "productList.codeNormalised": {
    de: (p) =>
      `${where(p, "de")}: Trennzeichen aus „${p.received ?? ""}“ entfernt, gelesen als ${p.code ?? ""}. Bitte prüfen, ob das der gemeinte Code ist.`,
    en: (p) =>
      `${where(p, "en")}: separators removed from “${p.received ?? ""}”, read as ${p.code ?? ""}. Please check that this is the intended code.`,
  },
  "productList.nameMissing": {
    de: (p) => `${where(p, "de")}: Die Bezeichnung zu Produkt ${p.code ?? ""} fehlt; die Zeile wird nicht übernommen.`,
    en: (p) => `${where(p, "en")}: the name of product ${p.code ?? ""} is missing; the row is not taken over.`,
  },
  "productList.duplicate": {
    de: (p) =>
      `${where(p, "de")}: Produkt ${p.code ?? ""} steht schon in Zeile ${p.earlier ?? "?"}; diese Zeile wird übergangen.`,
    en: (p) =>
      `${where(p, "en")}: product ${p.code ?? ""} already appears in line ${p.earlier ?? "?"}; this row is skipped.`,
  },
} satisfies Record<string, FindingText<ProductListParams>>;

export type ProductListCode = keyof typeof MESSAGES;

const CODE_EXPECTED: FindingText<ProductListParams> = { de: () => CODE_RULE.de, en: () => CODE_RULE.en };
const CODE_FINDINGS = new Set<ProductListCode>([
  "productList.codeMissing",
  "productList.codeInvalid",
  "productList.codeLength",
  "productList.codeDecimal",
  "productList.codeDate",
  "productList.codeNormalised",
]);

/**
 * The product list's finding catalogue: a code finding says what a code must be. What was found
 * is the file's own text, shown as it stands (the reader's `received`).
 */
export const PRODUCT_LIST_FINDINGS = Object.fromEntries(
  (Object.keys(MESSAGES) as ProductListCode[]).map((code) => [
    code,
    {
      message: MESSAGES[code],
      ...(CODE_FINDINGS.has(code) ? { expected: CODE_EXPECTED } : {}),
    },
  ]),
) as Readonly<Record<ProductListCode, FindingTexts<ProductListParams>>>;

/** All codes, for the test that renders every code. */
export const PRODUCT_LIST_CODES = Object.keys(MESSAGES) as ProductListCode[];

/**
 * One finding about a product list, as the reader found it: a code of this catalogue
 * and its facts. `renderProductListIssue` makes it a `ValidationIssue` in the user's language.
 */
export interface ProductListIssue {
  readonly severity: "error" | "warning";
  readonly code: ProductListCode;
  /** 1-based line of the CSV file or row of the sheet. */
  readonly line?: number;
  /** A1 address (for CSV: where the value appears when the file is opened in Excel). */
  readonly cell?: string;
  /** What was found, as the file holds it. */
  readonly received?: string;
  readonly params: ProductListParams;
}

/** A product-list finding as the one issue shape, in `language`. */
export function renderProductListIssue(issue: ProductListIssue, file: string, language: Language): ValidationIssue {
  const rendered = createFinding(
    PRODUCT_LIST_FINDINGS,
    issue.severity,
    issue.code,
    language,
    { file, cell: issue.cell, line: issue.line },
    issue.params,
  );
  return issue.received === undefined ? rendered : { ...rendered, received: issue.received };
}

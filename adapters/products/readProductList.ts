/**
 * Reads a town's own product list, as exported from its budget software, so its task catalogue
 * can start from the products it really has.
 *
 * Accepts CSV (semicolon, tab or comma separated; UTF-8 with or without BOM, UTF-16 with BOM, or
 * Windows-1252) and .xlsx (first visible sheet). Finds the header row among the first 10 rows by
 * German or English column names, then reads one product per row. Bad input never throws: every
 * problem comes back as an issue with line, cell, what was found and a German and English text.
 */
import ExcelJS from "exceljs";
import { CsvError, parse } from "csv-parse/sync";
import { cellAddress } from "../../lib/cells/address.js";
import {
  PRODUCT_CODE_DIGITS,
  type ProductListCode,
  type ProductListIssue,
  type ProductListParams,
} from "../../lib/messages/productListFindings.js";
import { UnusableFileError } from "../exceljs/errors.js";
import { inspectXlsx } from "../exceljs/inspectFile.js";
import { READ_LIMITS } from "../exceljs/readLimits.js";

export type { ProductListIssue } from "../../lib/messages/productListFindings.js";
export { renderProductListIssue } from "../../lib/messages/productListFindings.js";

export interface ProductListEntry {
  /** Digits only, 2–8 of them. */
  code: string;
  name: string;
  /** 1-based line of the CSV file or row of the sheet. */
  line: number;
}

export interface ProductListResult {
  products: ProductListEntry[];
  issues: ProductListIssue[];
}

/** Accepted headers of the code column, most specific first (compared without case and punctuation). */
export const PRODUCT_CODE_HEADERS: readonly string[] = [
  "Produktcode",
  "Produkt-Nr.",
  "Produktnummer",
  "Product code",
  "Product no",
  "Product number",
  "Produkt",
  "Product",
  "Nr",
  "Nummer",
  "Code",
];

/** Accepted headers of the name column, most specific first. */
export const PRODUCT_NAME_HEADERS: readonly string[] = [
  "Produktbezeichnung",
  "Produktname",
  "Product name",
  "Bezeichnung",
  "Name",
  "Description",
  "Text",
];

/** Rows searched for the header. */
export const HEADER_SEARCH_ROWS = 10;

const MIN_CODE_DIGITS = PRODUCT_CODE_DIGITS.min;
const MAX_CODE_DIGITS = PRODUCT_CODE_DIGITS.max;

/** Reads a product list from CSV or .xlsx bytes. Throws only when called with wrong argument types. */
export async function readProductList(bytes: Uint8Array, fileName: string): Promise<ProductListResult> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("readProductList: bytes must be a Uint8Array");
  if (typeof fileName !== "string") throw new TypeError("readProductList: fileName must be a string");

  if (bytes.length === 0) return failed(issue("error", "productList.fileEmpty"));
  // the reader's file size limit (adapters/exceljs/readLimits.ts): a product list is a few KB
  if (bytes.length > READ_LIMITS.maxFileBytes) {
    const mb = (n: number) => `${Math.ceil(n / 1_048_576)} MB`;
    return failed(
      issue("error", "productList.unreadable", {
        received: `${mb(bytes.length)} > ${mb(READ_LIMITS.maxFileBytes)}`,
      }),
    );
  }

  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, fileName);
  if (startsWith(bytes, OLE_MAGIC)) return failed(issue("error", "productList.legacyOrEncrypted"));

  const text = decodeText(bytes);
  if (text.includes("\u0000")) return failed(issue("error", "productList.binary"));
  const result = readCsvText(text);
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName.trim())) {
    result.issues.unshift(issue("warning", "productList.extensionMismatch", { received: fileName }));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rows, as both readers deliver them

type Scalar = string | number | Date | null;

interface RawRow {
  /** 1-based line (CSV) or row number (sheet). */
  readonly line: number;
  /** Index 0 = column A. */
  readonly cells: readonly Scalar[];
}

interface Header {
  readonly row: RawRow;
  readonly codeColumn: number;
  readonly nameColumn: number;
}

interface Place {
  /** Sheet name for xlsx; undefined for CSV. */
  readonly sheet: string | undefined;
  readonly codeHeader: string;
  readonly nameHeader: string;
}

// ---------------------------------------------------------------------------------------------
// CSV

const DELIMITERS = [";", "\t", ","] as const;

function readCsvText(text: string): ProductListResult {
  if (text.trim() === "") return failed(issue("error", "productList.fileEmpty"));

  let firstParsed: RawRow[] | undefined;
  let firstFailure: CsvFailure | undefined;
  for (const delimiter of DELIMITERS) {
    const parsed = parseCsv(text, delimiter);
    if ("failure" in parsed) {
      firstFailure ??= parsed.failure;
      continue;
    }
    firstParsed ??= parsed.rows;
    const header = findHeader(parsed.rows);
    if (header) return readRows(parsed.rows, header, undefined);
  }
  // No delimiter gave a header. If one of them could not even split the text, that is the likelier cause.
  if (firstFailure !== undefined) {
    return failed(
      issue("error", "productList.csvMalformed", {
        line: firstFailure.line,
        received: firstFailure.detail,
      }),
    );
  }
  return failed(headerNotFound(firstParsed ?? []));
}

interface CsvFailure {
  /** Line where the record that could not be parsed starts. */
  readonly line: number;
  readonly detail: string;
}

function parseCsv(text: string, delimiter: string): { rows: RawRow[] } | { failure: CsvFailure } {
  const rows: RawRow[] = [];
  let previousEnd = 0;
  try {
    parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      on_record: (record: string[], context) => {
        rows.push({ line: previousEnd + 1, cells: record });
        previousEnd = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) return { failure: { line: previousEnd + 1, detail: error.code } };
    throw error;
  }
  return { rows };
}

/** UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252. */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Node 20.18.3+ and 22.13+ decode `windows-1252` like ISO-8859-1, turning 0x80–0x9F (€, „, “, –, …)
 * into C1 control characters (nodejs/node#56542, #60888). Map them as the Encoding Standard does;
 * on a correct decoder this changes nothing.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (ch) => CP1252_C1[ch.charCodeAt(0) - 0x80] ?? ch);
}

// prettier-ignore
const CP1252_C1: readonly string[] = [
  "\u20ac", "\u0081", "\u201a", "\u0192", "\u201e", "\u2026", "\u2020", "\u2021",
  "\u02c6", "\u2030", "\u0160", "\u2039", "\u0152", "\u008d", "\u017d", "\u008f",
  "\u0090", "\u2018", "\u2019", "\u201c", "\u201d", "\u2022", "\u2013", "\u2014",
  "\u02dc", "\u2122", "\u0161", "\u203a", "\u0153", "\u009d", "\u017e", "\u0178",
];

// ---------------------------------------------------------------------------------------------
// xlsx

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<ProductListResult> {
  // before exceljs inflates anything into memory: encrypted entries, other zips, and the zip's
  // declared sizes against the reader's limits (zip bombs; see adapters/exceljs/readLimits.ts)
  try {
    await inspectXlsx(bytes, fileName);
  } catch (error) {
    if (!(error instanceof UnusableFileError)) throw error;
    if (error.reason === "encrypted") return failed(issue("error", "productList.legacyOrEncrypted"));
    return failed(issue("error", "productList.unreadable", { received: error.detail }));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy as a plain ArrayBuffer: exceljs' typings declare their own `Buffer extends ArrayBuffer`.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(issue("error", "productList.unreadable", { received: detail }));
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible");
  if (!sheet) return failed(issue("error", "productList.noVisibleSheet"));

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Scalar[] = [];
    const width = row.cellCount;
    for (let column = 1; column <= width; column += 1) cells.push(scalarOf(row.getCell(column).value));
    rows.push({ line: rowNumber, cells });
  });
  if (rows.every((row) => row.cells.every(isBlank))) return failed(issue("error", "productList.fileEmpty"));
  const header = findHeader(rows);
  if (!header) return failed(headerNotFound(rows));
  return readRows(rows, header, sheet.name);
}

function scalarOf(value: ExcelJS.CellValue): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? null : scalarOf(value.result);
  if ("hyperlink" in value) {
    const text: unknown = value.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) return scalarOf(text as ExcelJS.CellRichTextValue);
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Header

function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const CODE_RANK = new Map(PRODUCT_CODE_HEADERS.map((h, i) => [normaliseHeader(h), i]));
const NAME_RANK = new Map(PRODUCT_NAME_HEADERS.map((h, i) => [normaliseHeader(h), i]));
/** "Produkt"/"Product" may head the name column when another column holds the code. */
const NAME_FALLBACK_RANK = new Map(
  ["Produkt", "Product"].map((h, i) => [normaliseHeader(h), PRODUCT_NAME_HEADERS.length + i]),
);

function findHeader(rows: readonly RawRow[]): Header | undefined {
  for (const row of rows) {
    if (row.line > HEADER_SEARCH_ROWS) break;
    const texts = row.cells.map((cell) => (typeof cell === "string" ? normaliseHeader(cell) : ""));
    const codeColumn = bestColumn(texts, CODE_RANK, -1);
    if (codeColumn < 0) continue;
    let nameColumn = bestColumn(texts, NAME_RANK, codeColumn);
    if (nameColumn < 0) nameColumn = bestColumn(texts, NAME_FALLBACK_RANK, codeColumn);
    if (nameColumn < 0) continue;
    return { row, codeColumn, nameColumn };
  }
  return undefined;
}

/** Leftmost column with the best rank, skipping `exclude`; -1 when none matches. */
function bestColumn(texts: readonly string[], ranks: ReadonlyMap<string, number>, exclude: number): number {
  let best = -1;
  let bestRank = Number.POSITIVE_INFINITY;
  texts.forEach((text, column) => {
    const rank = ranks.get(text);
    if (column !== exclude && rank !== undefined && rank < bestRank) {
      best = column;
      bestRank = rank;
    }
  });
  return best;
}

function headerNotFound(rows: readonly RawRow[]): ProductListIssue {
  const firstFilled = rows.find((row) => row.line <= HEADER_SEARCH_ROWS && !row.cells.every(isBlank));
  const received = firstFilled
    ? truncate(
        firstFilled.cells
          .filter((c) => !isBlank(c))
          .map(displayScalar)
          .join(" | "),
        200,
      )
    : undefined;
  return issue("error", "productList.headerNotFound", {
    ...(firstFilled ? { line: firstFilled.line } : {}),
    ...(received === undefined ? {} : { received }),
  });
}

// ---------------------------------------------------------------------------------------------
// Product rows

function readRows(rows: readonly RawRow[], header: Header, sheet: string | undefined): ProductListResult {
  const place: Place = {
    sheet,
    codeHeader: displayScalar(header.row.cells[header.codeColumn] ?? ""),
    nameHeader: displayScalar(header.row.cells[header.nameColumn] ?? ""),
  };
  const products: ProductListEntry[] = [];
  const issues: ProductListIssue[] = [];
  const firstLine = new Map<string, number>();

  for (const row of rows) {
    if (row.line <= header.row.line) continue;
    const codeCell = row.cells[header.codeColumn] ?? null;
    const nameCell = row.cells[header.nameColumn] ?? null;
    if (isBlank(codeCell) && isBlank(nameCell)) continue;
    if (isRepeatedHeader(codeCell, nameCell)) continue;

    const codeAt = cellAddress(row.line, header.codeColumn + 1);
    const nameAt = cellAddress(row.line, header.nameColumn + 1);
    const name = isBlank(nameCell) ? "" : displayScalar(nameCell).trim();
    const code = readCode(codeCell);

    if (code.kind === "problem") {
      issues.push(
        issue("error", code.problem, {
          line: row.line,
          cell: codeAt,
          ...(code.received === "" ? {} : { received: code.received }),
          at: where(row.line, codeAt, place, "code"),
        }),
      );
      continue;
    }
    if (code.normalisedFrom !== undefined) {
      issues.push(
        issue("warning", "productList.codeNormalised", {
          line: row.line,
          cell: codeAt,
          received: code.normalisedFrom,
          at: where(row.line, codeAt, place, "code"),
          code: code.code,
        }),
      );
    }
    if (name === "") {
      issues.push(
        issue("error", "productList.nameMissing", {
          line: row.line,
          cell: nameAt,
          at: where(row.line, nameAt, place, "name"),
          code: code.code,
        }),
      );
      continue;
    }
    const earlier = firstLine.get(code.code);
    if (earlier !== undefined) {
      issues.push(
        issue("warning", "productList.duplicate", {
          line: row.line,
          cell: codeAt,
          received: code.code,
          at: where(row.line, codeAt, place, "code"),
          code: code.code,
          earlier,
        }),
      );
      continue;
    }
    firstLine.set(code.code, row.line);
    products.push({ code: code.code, name, line: row.line });
  }

  if (products.length === 0)
    issues.push(issue("error", "productList.noProducts", { params: { line: header.row.line } }));
  return { products, issues };
}

function isRepeatedHeader(codeCell: Scalar, nameCell: Scalar): boolean {
  return (
    typeof codeCell === "string" &&
    typeof nameCell === "string" &&
    CODE_RANK.has(normaliseHeader(codeCell)) &&
    (NAME_RANK.has(normaliseHeader(nameCell)) || NAME_FALLBACK_RANK.has(normaliseHeader(nameCell)))
  );
}

type CodeProblem =
  | "productList.codeMissing"
  | "productList.codeInvalid"
  | "productList.codeLength"
  | "productList.codeDecimal"
  | "productList.codeDate";

type CodeResult =
  | { readonly kind: "code"; readonly code: string; readonly normalisedFrom?: string }
  | { readonly kind: "problem"; readonly problem: CodeProblem; readonly received: string };

/** Separators that may be stripped from a code: dots, spaces (incl. no-break), hyphens, slashes, underscores, apostrophes. */
const CODE_SEPARATORS = /[.\s\-/_'’\u2010-\u2013]/gu;

function readCode(cell: Scalar): CodeResult {
  if (cell === null) return { kind: "problem", problem: "productList.codeMissing", received: "" };
  if (cell instanceof Date) return { kind: "problem", problem: "productList.codeDate", received: displayScalar(cell) };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0)
      return { kind: "problem", problem: "productList.codeInvalid", received: String(cell) };
    if (!Number.isInteger(cell)) return { kind: "problem", problem: "productList.codeDecimal", received: String(cell) };
    return checkLength(cell.toFixed(0), undefined);
  }
  const text = cell.trim();
  if (text === "") return { kind: "problem", problem: "productList.codeMissing", received: "" };
  if (/^\d+$/.test(text)) return checkLength(text, undefined);
  const digits = text.replace(CODE_SEPARATORS, "");
  if (/^\d+$/.test(digits)) return checkLength(digits, text);
  return { kind: "problem", problem: "productList.codeInvalid", received: text };
}

function checkLength(digits: string, normalisedFrom: string | undefined): CodeResult {
  if (digits.length < MIN_CODE_DIGITS || digits.length > MAX_CODE_DIGITS) {
    return { kind: "problem", problem: "productList.codeLength", received: normalisedFrom ?? digits };
  }
  return normalisedFrom === undefined ? { kind: "code", code: digits } : { kind: "code", code: digits, normalisedFrom };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isBlank(cell: Scalar | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function displayScalar(cell: Scalar): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "?" : cell.toISOString().slice(0, 10);
  return String(cell);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function failed(single: ProductListIssue): ProductListResult {
  return { products: [], issues: [single] };
}

/** A finding: line, cell and found value where known; `at` names its place in the sentence. */
function issue(
  severity: ProductListIssue["severity"],
  code: ProductListCode,
  facts: {
    line?: number;
    cell?: string;
    received?: string;
    at?: ProductListParams["at"];
    code?: string;
    earlier?: number;
    params?: ProductListParams;
  } = {},
): ProductListIssue {
  const { at, code: product, earlier, params, ...where } = facts;
  return {
    severity,
    code,
    ...where,
    params: {
      ...params,
      ...(at === undefined ? {} : { at }),
      ...(where.received === undefined ? {} : { received: where.received }),
      ...(product === undefined ? {} : { code: product }),
      ...(earlier === undefined ? {} : { earlier }),
      ...(where.line === undefined ? {} : { line: where.line }),
      headers: HEADERS,
    },
  };
}

/** The headers the reader accepts, for the finding that none was found. */
const HEADERS = { code: PRODUCT_CODE_HEADERS, name: PRODUCT_NAME_HEADERS, searchRows: HEADER_SEARCH_ROWS };

/** Where a row finding is, for its sentence. */
function where(line: number, cell: string, place: Place, column: "code" | "name"): ProductListParams["at"] {
  return { line, cell, sheet: place.sheet, header: column === "code" ? place.codeHeader : place.nameHeader };
}

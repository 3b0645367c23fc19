/**
 * Streaming parsers for the two big parts of an .xlsx: the shared strings and the worksheets.
 *
 * exceljs's streaming reader unzips and finds the parts; these parsers replace its own cell
 * parsing, which loses merges, gives shared-formula dependents an empty formula, reads
 * boolean and error formula results as numbers, keeps only the last run of inline rich text,
 * and decodes each chunk of UTF-8 on its own (a character split between two chunks becomes
 * U+FFFD — in German text, an umlaut every few thousand strings).
 */
import parseSax from "exceljs/lib/utils/parse-sax.js";
import type { CellValue, SnapshotCell } from "../../lib/snapshot/WorkbookSnapshot.js";
import { serialToDate } from "../../lib/cells/serialDates.js";
import { decodeOoxmlText } from "./cellValues.js";
import { UnusableFileError, type ExceededLimit } from "./errors.js";
import { shiftFormula } from "../../lib/formulas/shiftFormula.js";
import type { ReadLimits } from "./readLimits.js";

/**
 * What reading one file may still spend, shared by every part's parser: XML bytes, cells, time
 * (the limits are in readLimits.ts). Every parser here checks it as it goes, so a hostile file
 * is stopped where it crosses a limit, not after it has been read.
 */
export interface ReadBudget {
  readonly fileName: string;
  readonly limits: ReadLimits;
  /** XML bytes decoded so far. */
  used: number;
  /** Cells kept so far, all sheets together. */
  cells: number;
  /** `performance.now()` after which reading stops. */
  readonly deadline: number;
}

/** A fresh budget for reading one file. */
export function createReadBudget(fileName: string, limits: ReadLimits): ReadBudget {
  return { fileName, limits, used: 0, cells: 0, deadline: performance.now() + limits.timeLimitMs };
}

/** Throws once reading has taken longer than the time limit. */
export function checkDeadline(budget: ReadBudget): void {
  if (performance.now() <= budget.deadline) return;
  const seconds = Math.round(budget.limits.timeLimitMs / 1000);
  throw new UnusableFileError(budget.fileName, "tooLarge", `reading took longer than ${seconds} s and was stopped`, {
    exceeded: "time",
    limit: budget.limits.timeLimitMs,
  });
}

function structureError(budget: ReadBudget, part: string, detail: string, exceeded: ExceededLimit, limit: number) {
  return new UnusableFileError(budget.fileName, "tooLarge", `${part}: ${detail}`, { exceeded, limit, part });
}

/**
 * Decodes UTF-8 chunks as one stream, so characters split between chunks survive; counts the
 * bytes, watches the clock, and refuses a run of XML between two tags longer than the limit
 * (the SAX parser would buffer it whole: a text node of 200 MB is 200 MB of memory).
 */
export async function* decodeUtf8(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
  part = "a part of the workbook",
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder("utf-8");
  const { maxUncompressedBytes, maxXmlRunChars } = budget.limits;
  let sinceTag = 0;
  const watch = (text: string): void => {
    const lastTag = text.lastIndexOf("<");
    sinceTag = lastTag === -1 ? sinceTag + text.length : text.length - lastTag - 1;
    if (sinceTag > maxXmlRunChars) {
      throw structureError(
        budget,
        part,
        `more than ${maxXmlRunChars} characters of XML without a tag (Excel writes at most 32,767 per cell)`,
        "xmlRun",
        maxXmlRunChars,
      );
    }
  };
  for await (const chunk of chunks) {
    budget.used += typeof chunk === "string" ? chunk.length : chunk.byteLength;
    if (budget.used > maxUncompressedBytes) {
      throw new UnusableFileError(
        budget.fileName,
        "tooLarge",
        `the workbook unpacks to more than ${Math.round(maxUncompressedBytes / (1024 * 1024))} MB`,
        { exceeded: "unpackedBytes", size: budget.used, limit: maxUncompressedBytes },
      );
    }
    checkDeadline(budget);
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) {
      watch(text);
      yield text;
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** One batch of SAX events, as exceljs's wrapper yields them. */
type SaxEvents = typeof parseSax extends (iterable: AsyncIterable<string>) => AsyncGenerator<infer T, void, undefined>
  ? T
  : never;

/**
 * The SAX events of an XML part, batch by batch, refusing elements nested deeper than the
 * limit (the parser keeps every open element: `<a><a><a>…` would fill memory).
 */
async function* readXml(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
  part: string,
): AsyncGenerator<SaxEvents, void, undefined> {
  const maxDepth = budget.limits.maxXmlDepth;
  let depth = 0;
  for await (const events of parseSax(decodeUtf8(chunks, budget, part))) {
    for (const event of events) {
      if (event.eventType === "text" || event.value.isSelfClosing) continue;
      depth += event.eventType === "opentag" ? 1 : -1;
    }
    if (depth > maxDepth) {
      throw structureError(budget, part, `elements nested more than ${maxDepth} deep`, "xmlDepth", maxDepth);
    }
    yield events;
  }
}

/** exceljs's SAX wrapper never closes the parser, so a document cut short raises nothing. */
function truncated(fileName: string, part: string): UnusableFileError {
  return new UnusableFileError(fileName, "corrupt", `${part} part of the workbook is cut short`);
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** `xl/sharedStrings.xml` → its strings; rich text is flattened, phonetic runs are skipped. */
export async function parseSharedStrings(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
): Promise<string[]> {
  const part = "xl/sharedStrings.xml";
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  let complete = false;
  for await (const events of readXml(chunks, budget, part)) {
    for (const event of events) {
      switch (event.eventType) {
        case "opentag":
          switch (localName(event.value.name)) {
            case "si":
              // a workbook cannot use more strings than it has cells
              if (strings.length >= budget.limits.maxCells) {
                throw structureError(
                  budget,
                  part,
                  `more than ${budget.limits.maxCells} strings`,
                  "cells",
                  budget.limits.maxCells,
                );
              }
              inItem = true;
              text = "";
              break;
            case "t":
              inText = inItem && phonetic === 0 && !event.value.isSelfClosing;
              break;
            case "rPh":
              if (!event.value.isSelfClosing) phonetic++;
              break;
          }
          break;
        case "text":
          if (inText) text += event.value;
          break;
        case "closetag":
          switch (localName(event.value.name)) {
            case "t":
              inText = false;
              break;
            case "rPh":
              if (!event.value.isSelfClosing) phonetic--;
              break;
            case "si":
              strings.push(decodeOoxmlText(text));
              inItem = false;
              break;
            case "sst":
              complete = true;
              break;
          }
          break;
      }
    }
  }
  if (!complete) throw truncated(budget.fileName, "the shared strings");
  return strings;
}

/** What the worksheet parser needs from the rest of the workbook. */
export interface SheetContext {
  /** The shared strings, once known. */
  sharedStrings(): readonly string[] | undefined;
  /** Whether a cell style shows dates; `undefined` while the styles part has not been read. */
  isDateStyle(styleId: number): boolean | undefined;
  /** The workbook's date system; `undefined` while the workbook part has not been read. */
  date1904(): boolean | undefined;
  readonly budget: ReadBudget;
  /** The zip entry, for messages (e.g. `xl/worksheets/sheet3.xml`). */
  readonly part?: string;
}

type MutableRow = (SnapshotCell | undefined)[];

/**
 * A cell whose value depends on a part not read yet when its sheet was parsed: a number whose
 * style or date system is unknown (maybe a date), or a shared string (Excel writes
 * `xl/sharedStrings.xml` after the sheets).
 */
type Pending =
  | {
      readonly kind: "number";
      readonly cells: MutableRow;
      readonly column: number;
      readonly serial: number;
      readonly styleId: number;
      readonly formula: string | undefined;
    }
  | {
      readonly kind: "string";
      readonly cells: MutableRow;
      readonly column: number;
      readonly index: number;
      readonly ref: string | undefined;
    };

/** Where a sheet crossed the row or cell limit; the rest of its part was drained unread. */
export interface SheetOverflow {
  readonly exceeded: "rowsPerSheet" | "cells";
  readonly limit: number;
  /** The row and column at which reading stopped. */
  readonly row: number;
  readonly column: number;
}

export interface ParsedSheet {
  readonly rows: (MutableRow | undefined)[];
  readonly merges: string[];
  /** Cells to finish once all parts are read ({@link resolvePending}). */
  readonly pending: Pending[];
  /** Set when the sheet crossed a limit: its cells are incomplete and must not be used. */
  readonly overflow?: SheetOverflow;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** `AB12` → 28 (the column of an A1 reference); 0 when there are no letters. */
function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

function cell(value: CellValue, formula: string | undefined): SnapshotCell {
  return formula === undefined ? { value } : { value, formula };
}

/**
 * A flat copy of a string cut from a parser chunk. V8 keeps a slice's whole parent string alive;
 * without the copy every kept formula would pin its part of the sheet XML (75 MB for 50,000 rows).
 */
function detach(text: string): string {
  return (" " + text).slice(1);
}

const NONE = 0;
const IN_V = 1;
const IN_F = 2;
const IN_T = 3;

/** Parses one `xl/worksheets/sheetN.xml`: cells by row and column, and merged ranges. */
export async function parseWorksheet(
  chunks: AsyncIterable<Uint8Array | string>,
  context: SheetContext,
): Promise<ParsedSheet> {
  const rows: (MutableRow | undefined)[] = [];
  const merges: string[] = [];
  const pending: Pending[] = [];
  const masters = new Map<string, { text: string; row: number; column: number }>();

  let rowNumber = 0;
  let cells: MutableRow | undefined;
  let pendingAtRowStart = 0;
  let cursor = 0;
  let rowsKept = 0;
  let overflow: SheetOverflow | undefined;
  const { maxRowsPerSheet, maxCells } = context.budget.limits;

  let inCell = false;
  let ref: string | undefined;
  let type: string | undefined;
  let styleId = 0;
  let collect = NONE;
  let valueText: string | undefined;
  let formulaText: string | undefined;
  let formulaType: string | undefined;
  let formulaSi: string | undefined;
  let inline: string | undefined;
  let inInline = false;
  let phonetic = 0;
  let complete = false;

  const finishCell = (): void => {
    const column = ref === undefined ? cursor + 1 : columnOfRef(ref);
    if (column < 1 || column > MAX_COLUMN) {
      throw new UnusableFileError(
        context.budget.fileName,
        "corrupt",
        `a cell has the invalid reference "${ref ?? ""}"`,
      );
    }
    cursor = column;
    let formula: string | undefined;
    if (formulaText !== undefined) {
      if (formulaType === "shared" && formulaSi !== undefined) {
        if (formulaText !== "") {
          formula = detach(formulaText);
          masters.set(formulaSi, { text: formula, row: rowNumber, column });
        } else {
          const master = masters.get(formulaSi);
          // a dependent without its master (never written by Excel) keeps its value only
          if (master) formula = shiftFormula(master.text, rowNumber - master.row, column - master.column);
        }
      } else if (formulaText !== "") {
        formula = detach(formulaText);
      }
    }
    let value: CellValue;
    if (type === "inlineStr" && inline !== undefined) {
      value = decodeOoxmlText(inline);
    } else if (valueText === undefined) {
      if (formula === undefined) return; // an empty (styled) cell
      value = null;
    } else {
      switch (type) {
        case "s": {
          const index = Number(valueText);
          const strings = context.sharedStrings();
          if (strings === undefined) {
            if (cells) pending.push({ kind: "string", cells, column, index, ref });
            countCell(column);
            return;
          }
          const text = strings[index];
          if (text === undefined) throw missingString(context.budget.fileName, ref, valueText);
          value = text;
          break;
        }
        case "str":
        case "inlineStr":
          value = decodeOoxmlText(valueText);
          break;
        case "b":
          value = valueText.trim() === "1" || valueText.trim().toLowerCase() === "true";
          break;
        case "e":
          value = { error: valueText.trim() };
          break;
        case "d": {
          const date = new Date(valueText.trim());
          value = Number.isNaN(date.getTime()) ? valueText : date;
          break;
        }
        default: {
          const trimmed = valueText.trim();
          if (trimmed === "") {
            if (formula === undefined) return;
            value = null;
            break;
          }
          const serial = Number(trimmed);
          if (Number.isNaN(serial)) {
            value = valueText;
            break;
          }
          value = serial;
          if (styleId > 0) {
            const isDate = context.isDateStyle(styleId);
            const date1904 = context.date1904();
            if (isDate === undefined || date1904 === undefined) {
              if (cells) pending.push({ kind: "number", cells, column, serial, styleId, formula });
            } else if (isDate) {
              value = serialToDate(serial, date1904);
            }
          }
        }
      }
    }
    if (cells) cells[column] = cell(value, formula);
    countCell(column);
  };

  /** Counts a kept cell against the workbook's cell limit. */
  const countCell = (column: number): void => {
    context.budget.cells++;
    if (context.budget.cells > maxCells && !overflow) {
      overflow = { exceeded: "cells", limit: maxCells, row: rowNumber, column };
    }
  };

  // Past a limit, the rest of the part is drained without parsing: the zip goes on to the parts
  // that name the sheet (the workbook part often comes last), and nothing more is kept.
  const source = chunks;
  const feed = async function* (): AsyncGenerator<Uint8Array | string, void, undefined> {
    for await (const chunk of source) if (!overflow) yield chunk;
  };

  for await (const events of readXml(feed(), context.budget, context.part ?? "a worksheet")) {
    if (overflow) continue;
    for (const event of events) {
      if (overflow) break;
      if (event.eventType === "text") {
        switch (collect) {
          case IN_V:
            valueText += event.value;
            break;
          case IN_F:
            formulaText += event.value;
            break;
          case IN_T:
            inline += event.value;
            break;
        }
        continue;
      }
      const tag = event.value;
      const name = localName(tag.name);
      if (event.eventType === "opentag") {
        switch (name) {
          case "row": {
            const r = tag.attributes["r"];
            const number = r === undefined ? rowNumber + 1 : Number.parseInt(r, 10);
            if (!(number >= 1 && number <= MAX_ROW)) {
              throw new UnusableFileError(
                context.budget.fileName,
                "corrupt",
                `a row has the invalid number "${r ?? ""}"`,
              );
            }
            rowNumber = number;
            cells = rows[rowNumber] ?? [];
            cursor = 0;
            pendingAtRowStart = pending.length;
            break;
          }
          case "c":
            inCell = true;
            ref = tag.attributes["r"];
            type = tag.attributes["t"];
            styleId = Number(tag.attributes["s"] ?? 0) || 0;
            valueText = undefined;
            formulaText = undefined;
            formulaType = undefined;
            formulaSi = undefined;
            inline = undefined;
            inInline = false;
            phonetic = 0;
            collect = NONE;
            break;
          case "v":
            if (inCell) {
              valueText = "";
              collect = tag.isSelfClosing ? NONE : IN_V;
            }
            break;
          case "f":
            if (inCell) {
              formulaText = "";
              formulaType = tag.attributes["t"];
              formulaSi = tag.attributes["si"];
              collect = tag.isSelfClosing ? NONE : IN_F;
            }
            break;
          case "is":
            if (inCell) {
              inInline = true;
              inline = "";
            }
            break;
          case "rPh":
            if (!tag.isSelfClosing) phonetic++;
            break;
          case "t":
            if (inInline && phonetic === 0 && !tag.isSelfClosing) collect = IN_T;
            break;
          case "mergeCell": {
            const range = tag.attributes["ref"];
            if (range) merges.push(range);
            break;
          }
        }
      } else {
        switch (name) {
          case "v":
          case "f":
          case "t":
            collect = NONE;
            break;
          case "rPh":
            if (!tag.isSelfClosing) phonetic--;
            break;
          case "is":
            inInline = false;
            break;
          case "c":
            if (inCell) finishCell();
            inCell = false;
            break;
          case "worksheet":
            complete = true;
            break;
          case "row":
            // a row whose cells are all shared strings not read yet is still a row
            if (cells && (cells.length > 0 || pending.length > pendingAtRowStart) && rows[rowNumber] === undefined) {
              rows[rowNumber] = cells;
              rowsKept++;
              if (rowsKept > maxRowsPerSheet && !overflow) {
                overflow = { exceeded: "rowsPerSheet", limit: maxRowsPerSheet, row: rowNumber, column: 1 };
              }
            }
            cells = undefined;
            break;
        }
      }
    }
  }
  if (overflow) return { rows: [], merges: [], pending: [], overflow };
  if (!complete) throw truncated(context.budget.fileName, "a worksheet");
  return { rows, merges, pending };
}

function missingString(fileName: string, ref: string | undefined, index: string | number): UnusableFileError {
  return new UnusableFileError(
    fileName,
    "corrupt",
    `cell ${ref ?? ""} refers to shared string ${index}, which does not exist`,
  );
}

/** Finishes pending cells once all parts are read: shared strings, and dates by their style. */
export function resolvePending(
  sheet: ParsedSheet,
  parts: {
    readonly fileName: string;
    readonly sharedStrings: readonly string[];
    isDateStyle(styleId: number): boolean;
    readonly date1904: boolean;
  },
): void {
  for (const item of sheet.pending) {
    if (item.kind === "string") {
      const text = parts.sharedStrings[item.index];
      if (text === undefined) throw missingString(parts.fileName, item.ref, item.index);
      // a shared string cell never has a formula (formula results are stored as t="str")
      item.cells[item.column] = { value: text };
    } else if (parts.isDateStyle(item.styleId)) {
      item.cells[item.column] = cell(serialToDate(item.serial, parts.date1904), item.formula);
    }
  }
  sheet.pending.length = 0;
}

// ---------------------------------------------------------------------------------------------
// The small parts: read here rather than by exceljs, so that every part of the file goes
// through the same limits (bytes, run length, depth, time) and nothing builds exceljs's models.

/** A sheet as `xl/workbook.xml` lists it. */
export interface ListedSheet {
  readonly name: string | undefined;
  /** The relationship id (`r:id`) of its part. */
  readonly rId: string | undefined;
  readonly state: string | undefined;
}

export interface WorkbookPart {
  readonly sheets: readonly ListedSheet[];
  readonly date1904: boolean;
}

/** The relationship id of a `<sheet>`: `r:id`, whatever prefix the producer bound to it. */
function relationshipId(attributes: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.includes(":") && localName(name) === "id") return value;
  }
  return undefined;
}

/** `xl/workbook.xml` → its sheets (name, relationship, state) and date system. */
export async function parseWorkbookPart(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
): Promise<WorkbookPart> {
  const sheets: ListedSheet[] = [];
  let date1904 = false;
  for await (const events of readXml(chunks, budget, "xl/workbook.xml")) {
    for (const event of events) {
      if (event.eventType !== "opentag") continue;
      const { name, attributes } = event.value;
      switch (localName(name)) {
        case "sheet":
          sheets.push({ name: attributes["name"], rId: relationshipId(attributes), state: attributes["state"] });
          break;
        case "workbookPr": {
          const value = attributes["date1904"]?.trim().toLowerCase();
          date1904 = value === "1" || value === "true";
          break;
        }
      }
    }
  }
  return { sheets, date1904 };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** A relationships part (`…/_rels/….rels`) → its relationships. */
export async function parseRelationships(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
  part: string,
): Promise<Relationship[]> {
  const relationships: Relationship[] = [];
  for await (const events of readXml(chunks, budget, part)) {
    for (const event of events) {
      if (event.eventType !== "opentag" || localName(event.value.name) !== "Relationship") continue;
      const { Id: id, Type: type, Target: target } = event.value.attributes;
      if (id && target) relationships.push({ id, type: type ?? "", target });
    }
  }
  return relationships;
}

/** What the reader needs of `xl/styles.xml`: each cell style's number format. */
export interface StylesPart {
  /** The number format id of each cell style (`cellXfs`), by style index. */
  readonly numFmtIds: readonly number[];
  /** The workbook's own format codes, by number format id. */
  readonly formatCodes: ReadonlyMap<number, string>;
}

/** `xl/styles.xml` → the number format of each cell style (fonts, fills and borders are skipped). */
export async function parseStylesPart(
  chunks: AsyncIterable<Uint8Array | string>,
  budget: ReadBudget,
): Promise<StylesPart> {
  const numFmtIds: number[] = [];
  const formatCodes = new Map<number, string>();
  let inCellXfs = false;
  for await (const events of readXml(chunks, budget, "xl/styles.xml")) {
    for (const event of events) {
      if (event.eventType === "text") continue;
      const { name, attributes, isSelfClosing } = event.value;
      const local = localName(name);
      if (event.eventType === "closetag") {
        if (local === "cellXfs" && !isSelfClosing) inCellXfs = false;
        continue;
      }
      switch (local) {
        case "numFmt": {
          const id = Number(attributes["numFmtId"]);
          const code = attributes["formatCode"];
          if (Number.isInteger(id) && code !== undefined) formatCodes.set(id, code);
          break;
        }
        case "cellXfs":
          inCellXfs = !isSelfClosing;
          break;
        case "xf":
          if (inCellXfs) numFmtIds.push(Number(attributes["numFmtId"] ?? 0) || 0);
          break;
      }
    }
  }
  return { numFmtIds, formatCodes };
}

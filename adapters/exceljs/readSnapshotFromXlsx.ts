/**
 * Reads an .xlsx file into a {@link WorkbookSnapshot} with exceljs's streaming reader
 * (`ExcelJS.stream.xlsx.WorkbookReader`): memory stays bounded by the snapshot itself, not by
 * exceljs's in-memory model (≈ 6× less for a 50,000-row sheet).
 *
 * Before anything is parsed, the file is classified ({@link inspectXlsx}): empty, missing,
 * another format, encrypted, too large or broken files end in an {@link UnusableFileError}.
 * While it is read, every limit of readLimits.ts holds (docs/decisions/0006): each zip entry
 * inflates to at most its declared size ({@link guardZipEntries}), and the parsers count bytes,
 * rows, cells and time.
 *
 * exceljs unzips and hands out the parts; all of them (workbook, relationships, styles, shared
 * strings, worksheets) are parsed here (see xmlParts.ts for why). Sheet names, order and state
 * come from `xl/workbook.xml` and its relationships after the whole zip has been read, so they
 * are right whatever order the zip lists its parts in.
 */
import { createReadStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { columnLetter } from "../../lib/cells/address.js";
import type { SheetSnapshot, WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { isBuiltinDateFormatId, isDateFormat } from "../../lib/cells/dateFormats.js";
import { UnusableFileError } from "./errors.js";
import { guardZipEntries } from "./guardZipEntries.js";
import { inspectXlsx, type InspectOptions } from "./inspectFile.js";
import { readLimits } from "./readLimits.js";
import {
  createReadBudget,
  parseRelationships,
  parseSharedStrings,
  parseStylesPart,
  parseWorkbookPart,
  parseWorksheet,
  resolvePending,
  type ParsedSheet,
  type ReadBudget,
  type Relationship,
  type StylesPart,
  type WorkbookPart,
} from "./xmlParts.js";

/** Limits to apply instead of READ_LIMITS (see readLimits.ts); tests use small ones. */
export type ReadOptions = InspectOptions;

/** The parts of exceljs's WorkbookReader this adapter relies on (exceljs 4.4, not in its typings). */
interface WorkbookReaderInternals {
  parse(input?: unknown): AsyncGenerator<{ eventType: string; value: unknown }, void, undefined>;
  _parseRels: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseWorkbook: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseStyles: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseSharedStrings: (
    entry: NodeJS.ReadableStream,
  ) => AsyncGenerator<{ eventType: string; value: unknown }, void, undefined>;
  _parseWorksheet: (
    iterator: AsyncIterable<Uint8Array>,
    sheetNo: string,
  ) => Generator<{ eventType: string; value: unknown }, void, undefined>;
  sharedStrings?: unknown;
  workbookRels?: unknown;
}

const WORKSHEET_EVENT = "ikz:worksheet";
const CHUNK = 64 * 1024;

function bytesStream(bytes: Uint8Array): Readable {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < buffer.length; offset += CHUNK) yield buffer.subarray(offset, offset + CHUNK);
    })(),
    { objectMode: false },
  );
}

/** Node's async iteration for any readable (unzipper entries are not always async-iterable), errors included. */
function iterate(stream: NodeJS.ReadableStream): AsyncIterable<Uint8Array> {
  const pass = new PassThrough();
  stream.on("error", (error: Error) => pass.destroy(error));
  stream.pipe(pass);
  return pass;
}

/** `worksheets/sheet1.xml` (relative to xl/), `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  const absolute = target.startsWith("/");
  const parts = (absolute ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

function sheetState(state: string | undefined): SheetSnapshot["state"] {
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

/**
 * Reads a workbook file (bytes, or a path on disk) into a snapshot.
 * @param fileName the name used in every message (e.g. the file's base name)
 * @throws UnusableFileError when the file is not a readable .xlsx workbook
 */
export async function readSnapshotFromXlsx(
  input: Uint8Array | string,
  fileName: string,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const limits = readLimits(options);
  const budget = createReadBudget(fileName, limits);
  const { entries } = await inspectXlsx(input, fileName, limits);
  const stream = typeof input === "string" ? createReadStream(input) : bytesStream(input);
  // unzipper reports a broken entry (bad deflate data, a truncated file) on its parser stream,
  // not on the entry, which then never ends: without this, reading would wait forever. The
  // same parser stream is where every entry is held to its declared size (guardZipEntries).
  const zipFailed = new Promise<never>((_, reject) => {
    const pipe = stream.pipe.bind(stream);
    stream.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      destination.on("error", reject);
      guardZipEntries(destination, entries, budget, reject);
      return pipe(destination, options);
    };
    stream.on("error", reject);
  });
  zipFailed.catch(() => undefined); // raced below; no unhandled rejection when all went well
  try {
    return await Promise.race([readParts(stream, fileName, budget), zipFailed]);
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UnusableFileError(fileName, "corrupt", `the workbook is damaged and cannot be read (${message})`, {
      cause: error,
    });
  } finally {
    stream.destroy();
  }
}

async function readParts(stream: Readable, fileName: string, budget: ReadBudget): Promise<WorkbookSnapshot> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as WorkbookReaderInternals;

  // exceljs unzips and hands each part to these; all of them parse with xmlParts.ts, under the
  // read budget (exceljs's own parsers would build its models without any limit)
  let workbookPart: WorkbookPart | undefined;
  let relationships: Relationship[] | undefined;
  let styles: StylesPart | undefined;
  let sharedStrings: string[] | undefined;
  reader._parseWorkbook = async (entry) => {
    workbookPart = await parseWorkbookPart(iterate(entry), budget);
  };
  reader._parseRels = async (entry) => {
    relationships = await parseRelationships(iterate(entry), budget, "xl/_rels/workbook.xml.rels");
  };
  reader._parseStyles = async (entry) => {
    styles = await parseStylesPart(iterate(entry), budget);
  };
  reader._parseSharedStrings = async function* (entry) {
    sharedStrings = await parseSharedStrings(iterate(entry), budget);
  };
  reader._parseWorksheet = function* (iterator, sheetNo) {
    yield { eventType: WORKSHEET_EVENT, value: { iterator, sheetNo } };
  };
  // exceljs spools a worksheet that comes before the shared strings or the relationships to a
  // temporary file and parses it after the zip; when such a worksheet is the zip's last entry,
  // exceljs 4.4 loses the entry after it (or the sheet itself). With both set, every worksheet
  // is parsed as it streams past (strings and dates not known yet are resolved at the end), and
  // nothing is written to disk.
  reader.sharedStrings = [];
  reader.workbookRels = [];

  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (styleId: number): boolean => {
    let known = dateStyles.get(styleId);
    if (known === undefined) {
      const numFmtId = styles?.numFmtIds[styleId];
      const code = numFmtId === undefined ? undefined : styles?.formatCodes.get(numFmtId);
      known = code ? isDateFormat(code) : numFmtId !== undefined && isBuiltinDateFormatId(numFmtId);
      dateStyles.set(styleId, known);
    }
    return known;
  };

  const parsed = new Map<string, ParsedSheet>();
  for await (const event of reader.parse(stream)) {
    if (event.eventType !== WORKSHEET_EVENT) continue;
    const { iterator, sheetNo } = event.value as { iterator: AsyncIterable<Uint8Array>; sheetNo: string };
    const part = `xl/worksheets/sheet${sheetNo}.xml`;
    const sheet = await parseWorksheet(iterator, {
      sharedStrings: () => sharedStrings,
      isDateStyle: (styleId) => (styles ? isDateStyle(styleId) : undefined),
      date1904: () => workbookPart?.date1904,
      budget,
      part,
    });
    parsed.set(part, sheet);
  }

  const relations = new Map<string, { type: string; path: string }>();
  for (const rel of relationships ?? []) relations.set(rel.id, { type: rel.type, path: partPath(rel.target) });
  const listed = workbookPart?.sheets;
  if (!listed || listed.length === 0)
    throw new UnusableFileError(fileName, "corrupt", "the workbook part lists no sheets");
  const date1904 = workbookPart?.date1904 ?? false;
  const found: { name: string; state: SheetSnapshot["state"]; sheet: ParsedSheet }[] = [];
  for (const [index, entry] of listed.entries()) {
    const name = entry.name ?? `Sheet${index + 1}`;
    const rel = entry.rId === undefined ? undefined : relations.get(entry.rId);
    if (!rel)
      throw new UnusableFileError(
        fileName,
        "corrupt",
        `the sheet "${name}" has no part in the workbook's relationships`,
      );
    // chart sheets, dialog sheets and macro sheets hold no cells
    if (!rel.type.endsWith("/worksheet")) continue;
    const sheet = parsed.get(rel.path);
    if (!sheet)
      throw new UnusableFileError(
        fileName,
        "corrupt",
        `the sheet "${name}" (${rel.path}) is missing or cannot be read`,
      );
    if (sheet.overflow) {
      const { exceeded, limit, row, column } = sheet.overflow;
      const what = exceeded === "rowsPerSheet" ? `more than ${limit} rows` : `the workbook more than ${limit} cells`;
      throw new UnusableFileError(fileName, "tooLarge", `the sheet "${name}" has ${what}`, {
        exceeded,
        limit,
        part: rel.path,
        sheet: name,
        cell: `${columnLetter(Math.max(1, column))}${row}`,
      });
    }
    found.push({ name, state: sheetState(entry.state), sheet });
  }
  const sheets: SheetSnapshot[] = found.map(({ name, state, sheet }) => {
    resolvePending(sheet, { fileName, sharedStrings: sharedStrings ?? [], isDateStyle, date1904 });
    return {
      name,
      state,
      rows: sheet.rows,
      merges: sheet.merges,
    };
  });
  if (sheets.length === 0) throw new UnusableFileError(fileName, "corrupt", "the workbook has no worksheet");
  return { fileName, sheets };
}

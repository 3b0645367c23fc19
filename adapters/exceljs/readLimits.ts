/**
 * The limits for reading workbook files, in one place (see docs/decisions/0006).
 *
 * Users mail each other what they have: a 50,000-row export, a damaged download, sometimes a
 * file built to hurt (a zip bomb). The reader must refuse such files fast, with a message that
 * says which limit was hit, and never exhaust the machine's memory. Each limit below is
 * checked before anything is inflated (from the zip's central directory) and, where a file can
 * lie about itself, again while streaming (bytes really inflated, rows and cells really read,
 * time really spent).
 *
 * | limit                      | value      | why                                                                  |
 * |----------------------------|------------|----------------------------------------------------------------------|
 * | file size                  | 50 MB      | a 100,000-row catalogue is ≈ 8 MB; the file is read from disk once   |
 * | unpacked size, all entries | 256 MB     | ≈ 2.5× the largest workbook within the row and cell limits; at ≈ 40 MB/s of XML it bounds the parse to a few seconds |
 * | unpacked size, model parts | 32 MB each | workbook, styles and relationships are read whole into lists; Excel's own 64,000 styles fit in ≈ 8 MB |
 * | compression ratio          | 200 : 1    | for entries of 1 MB or more; real sheets pack 5–30 : 1, zip bombs ≈ 1,000 : 1 |
 * | inflated vs. declared size | exact      | an entry that inflates past the size its directory declares lies: a bomb or damage |
 * | zip entries                | 10,000     | an .xlsx has 10–100 parts                                             |
 * | rows per sheet             | 100,000    | rows that hold a cell; Excel allows 1,048,576, ikz-kit's workbooks need a few thousand; 99,990 rows × 14 cells read and validate in ≈ 4 s at ≈ 380 MB |
 * | cells per workbook         | 2,000,000  | bounds memory for wide sheets (≈ 100,000 rows × 20 columns)          |
 * | XML between two tags       | 1 MiB      | the XML parser buffers a text node or tag whole; Excel's longest cell text is 32,767 characters |
 * | XML nesting                | 64         | the parser keeps every open element; OOXML nests ≈ 10 deep            |
 * | time                       | 60 s       | wall clock for one file, checked per inflated chunk                  |
 *
 * Measured figures (this repository's test machine) are in docs/decisions/0006.
 */

export interface ReadLimits {
  /** Largest file read at all, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total unpacked size of the zip's entries, in bytes: declared (checked first) and really inflated. */
  readonly maxUncompressedBytes: number;
  /** Largest unpacked size of one part read whole (workbook, styles, relationships). */
  readonly maxModelPartBytes: number;
  /** Highest unpacked : packed ratio of one entry of at least {@link ReadLimits.ratioMinBytes} unpacked. */
  readonly maxCompressionRatio: number;
  /** Entries smaller than this (unpacked) are not held to the ratio: tiny parts pack oddly. */
  readonly ratioMinBytes: number;
  /** Most entries in the zip's central directory. */
  readonly maxEntries: number;
  /** Most rows holding at least one cell, per sheet. */
  readonly maxRowsPerSheet: number;
  /** Most cells of all sheets together. */
  readonly maxCells: number;
  /** Most characters of XML between two tags (one text node, or one tag with its attributes). */
  readonly maxXmlRunChars: number;
  /** Deepest nesting of XML elements. */
  readonly maxXmlDepth: number;
  /** Most wall-clock time for reading one file, in milliseconds. */
  readonly timeLimitMs: number;
}

const MB = 1024 * 1024;

/** The limits every reader applies unless a caller (a test) asks for others. */
export const READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 256 * MB,
  maxModelPartBytes: 32 * MB,
  maxCompressionRatio: 200,
  ratioMinBytes: 1 * MB,
  maxEntries: 10_000,
  maxRowsPerSheet: 100_000,
  maxCells: 2_000_000,
  maxXmlRunChars: 1 * MB,
  maxXmlDepth: 64,
  timeLimitMs: 60_000,
};

/**
 * The small parts the reader keeps whole while it reads them (workbook, styles, relationships):
 * each is held to {@link ReadLimits.maxModelPartBytes}. Sheets and shared strings are streamed
 * under the row, cell and byte limits; every other part is drained unread.
 */
export function isModelPart(name: string): boolean {
  return name === "xl/workbook.xml" || name === "xl/styles.xml" || name === "xl/_rels/workbook.xml.rels";
}

/** The limits with a caller's overrides. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...READ_LIMITS, ...overrides };
}

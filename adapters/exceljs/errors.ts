/**
 * Typed errors of the exceljs adapter. Messages are English and meant for logs; user-facing
 * text is rendered from `reason`/`detected` through lib/messages (German first).
 */

/** Shared with the Office.js writer, so it lives with the plan; exported here as part of this adapter's API. */
export { PlanWriteError } from "../../lib/plan/PlanWriteError.js";

/** Why a file cannot be read as a workbook at all. */
export type UnusableReason = "empty" | "notFound" | "notZip" | "encrypted" | "notXlsx" | "tooLarge" | "corrupt";

/**
 * What the file was recognised as, language-neutral, so the message catalogue can name it in
 * German or English (`detail` holds the same fact as an English phrase).
 */
export type DetectedFormat =
  | "pdf"
  | "text"
  | "html"
  | "xml"
  | "rtf"
  | "xls"
  | "ole"
  | "ods"
  | "odf"
  | "docx"
  | "pptx"
  | "xlsb"
  | "zip"
  | "encryptedOoxml"
  | "encryptedZip"
  /** An OLE compound file whose directory names nothing known: a password-protected workbook or an old .xls. */
  | "encryptedOrXls"
  | "unknownBinary";

/**
 * For `tooLarge`: which limit of {@link ReadLimits} the file exceeds (see readLimits.ts).
 * `declaredSize`: an entry inflates past the size the zip's directory declares for it.
 */
export type ExceededLimit =
  | "fileBytes"
  | "unpackedBytes"
  | "modelPartBytes"
  | "compressionRatio"
  | "declaredSize"
  | "entries"
  | "rowsPerSheet"
  | "cells"
  | "xmlRun"
  | "xmlDepth"
  | "time";

export interface UnusableFileErrorOptions {
  readonly detected?: DetectedFormat;
  /** For `tooLarge`: the size found and the limit (bytes, rows, cells, ratio or ms, by `exceeded`). */
  readonly size?: number;
  readonly limit?: number;
  /** For `tooLarge`: which limit; absent means the file size. */
  readonly exceeded?: ExceededLimit;
  /** The zip entry concerned, e.g. `xl/styles.xml`. */
  readonly part?: string;
  /** The sheet concerned (its name), and where reading stopped on it (A1 address). */
  readonly sheet?: string;
  readonly cell?: string;
  readonly cause?: unknown;
}

/**
 * The file is not a readable .xlsx workbook (empty, missing, another format, encrypted, broken),
 * or it exceeds one of the reader's limits (`tooLarge`, with `exceeded` saying which).
 */
export class UnusableFileError extends Error {
  override readonly name = "UnusableFileError";
  readonly detected: DetectedFormat | undefined;
  readonly size: number | undefined;
  readonly limit: number | undefined;
  readonly exceeded: ExceededLimit | undefined;
  readonly part: string | undefined;
  readonly sheet: string | undefined;
  readonly cell: string | undefined;

  constructor(
    /** The file name used in messages. */
    readonly fileName: string,
    readonly reason: UnusableReason,
    /** An English phrase, e.g. `a PDF`, `an old .xls (BIFF) file`. */
    readonly detail: string,
    options: UnusableFileErrorOptions = {},
  ) {
    super(
      `${fileName}: unusable file (${reason}): ${detail}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.detected = options.detected;
    this.size = options.size;
    this.limit = options.limit;
    this.exceeded = options.exceeded ?? (reason === "tooLarge" ? "fileBytes" : undefined);
    this.part = options.part;
    this.sheet = options.sheet;
    this.cell = options.cell;
  }
}

/** `writePlanToFile` refused to overwrite an existing file (pass `force: true` to replace it). */
export class FileExistsError extends Error {
  override readonly name = "FileExistsError";

  constructor(readonly path: string) {
    super(`${path} already exists; refusing to overwrite it (use force to replace it)`);
  }
}

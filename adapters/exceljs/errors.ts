/**
 * Typed errors of the exceljs adapter. Messages are English and meant for logs; user-facing
 * text is rendered from `reason`/`detected` through lib/messages (German first).
 */

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
  | "unknownBinary";

export interface UnusableFileErrorOptions {
  readonly detected?: DetectedFormat;
  /** For `tooLarge`: the size found and the limit, in bytes. */
  readonly size?: number;
  readonly limit?: number;
  readonly cause?: unknown;
}

/** The file is not a readable .xlsx workbook (empty, missing, another format, encrypted, too large, broken). */
export class UnusableFileError extends Error {
  override readonly name = "UnusableFileError";
  readonly detected: DetectedFormat | undefined;
  readonly size: number | undefined;
  readonly limit: number | undefined;

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
  }
}

/** `writePlanToFile` refused to overwrite an existing file (pass `force: true` to replace it). */
export class FileExistsError extends Error {
  override readonly name = "FileExistsError";

  constructor(readonly path: string) {
    super(`${path} already exists; refusing to overwrite it (use force to replace it)`);
  }
}

/** The plan cannot be written as given (a programmer error in the plan, never a user's). */
export class PlanWriteError extends Error {
  override readonly name = "PlanWriteError";

  constructor(
    readonly sheet: string,
    readonly address: string | undefined,
    detail: string,
  ) {
    super(`${sheet}${address === undefined ? "" : `!${address}`}: ${detail}`);
  }
}

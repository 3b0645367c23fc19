/**
 * Host failures as one typed error. Office.js rejects `context.sync()` with an
 * `OfficeExtension.Error` whose `code` says what went wrong; {@link toOfficeHostError} turns
 * that into an {@link OfficeHostError} with a message key (texts in officeMessages.ts), keeping
 * the code and the original error as `cause`.
 */
import type { OfficeMessageKey, OfficeMessageParams } from "./officeMessages.js";

/** An error from the Excel host (or this adapter), with the key of the text to show. */
export class OfficeHostError extends Error {
  override readonly name: string = "OfficeHostError";

  constructor(
    /** Key of the user-facing text (renderOfficeMessage). */
    readonly messageKey: OfficeMessageKey,
    /** The `OfficeExtension.Error` code, or the adapter's own code (e.g. `SheetsExist`). */
    readonly code: string,
    /** English, for logs: what happened and where. */
    detail: string,
    options: { readonly cause?: unknown; readonly params?: OfficeMessageParams } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.params = options.params ?? {};
  }

  /** Parameters for the message text (e.g. sheet names). */
  readonly params: OfficeMessageParams;
}

/** Sheets of the plan exist already and `replace` was false: nothing was written. */
export class SheetsExistError extends OfficeHostError {
  override readonly name = "SheetsExistError";

  constructor(readonly sheets: readonly string[]) {
    super("sheetsExist", "SheetsExist", `sheets exist already: ${sheets.join(", ")}`, { params: { sheets } });
  }
}

/**
 * `OfficeExtension.Error` codes → message keys. Codes not listed map to `unknown`; codes that
 * only a programming error produces (PropertyNotLoaded, InvalidObjectPath, …) map to `internal`.
 */
const CODE_KEYS: Readonly<Record<string, OfficeMessageKey>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  ItemAlreadyExists: "itemAlreadyExists",
  ItemNotFound: "itemNotFound",
  AccessDenied: "accessDenied",
  RequestPayloadSizeLimitExceeded: "requestTooLarge",
  ResponsePayloadSizeLimitExceeded: "responseTooLarge",
  InvalidArgument: "invalidArgument",
  InvalidReference: "invalidArgument",
  FormulaLengthExceedsLimit: "invalidArgument",
  InvalidOperation: "invalidOperation",
  InvalidSelection: "invalidOperation",
  UnsupportedSheet: "invalidOperation",
  Conflict: "conflict",
  GeneralException: "generalException",
  ActivityLimitReached: "busy",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedFeature: "unsupported",
  InsertDeleteConflict: "rangeConflict",
  MergedRangeConflict: "rangeConflict",
  FilteredRangeConflict: "rangeConflict",
  PivotTableRangeConflict: "rangeConflict",
  NonBlankCellOffSheet: "rangeConflict",
  RangeExceedsLimit: "tooManyCells",
  OperationCellsExceedLimit: "tooManyCells",
  RequestAborted: "aborted",
  ConnectionFailure: "connection",
  InactiveWorkbook: "connection",
  PropertyNotLoaded: "internal",
  ValueNotLoaded: "internal",
  InvalidObjectPath: "internal",
  InvalidRequestContext: "internal",
  RunMustReturnPromise: "internal",
  InvalidBinding: "internal",
};

/** The message key for an `OfficeExtension.Error` code. */
export function messageKeyForCode(code: string): OfficeMessageKey {
  return CODE_KEYS[code] ?? "unknown";
}

interface OfficeErrorLike {
  readonly code: string;
  readonly message?: unknown;
  readonly debugInfo?: { readonly errorLocation?: unknown; readonly statement?: unknown };
}

function isOfficeErrorLike(error: unknown): error is OfficeErrorLike {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

/**
 * Any thrown value as an {@link OfficeHostError}: Office errors by their code, anything else
 * (a bug, a plan that cannot be written) as `internal`. An OfficeHostError passes unchanged.
 *
 * @example
 * try { await context.sync(); } catch (error) { throw toOfficeHostError(error); }
 */
export function toOfficeHostError(error: unknown): OfficeHostError {
  if (error instanceof OfficeHostError) return error;
  if (isOfficeErrorLike(error)) {
    const location = error.debugInfo?.errorLocation;
    const detail = `${error.code}: ${typeof error.message === "string" ? error.message : ""}${
      typeof location === "string" && location !== "" ? ` (at ${location})` : ""
    }`;
    return new OfficeHostError(messageKeyForCode(error.code), error.code, detail, { cause: error });
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new OfficeHostError("internal", "Internal", detail, { cause: error });
}

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
 * Every error code Microsoft documents for Excel add-ins, as data (checked against
 * @types/office-js in officeErrors.test.ts). Sources (Microsoft Learn, Office Add-ins docs):
 * - "Error handling with the application-specific JavaScript APIs", tables "Error codes and
 *   messages" and "Excel-specific error codes and messages";
 * - the reference pages of the `Excel.ErrorCodes` enum and the `OfficeExtension.ErrorCodes` class;
 * - the codes office.js itself raises (its `CoreErrorCodes`, e.g. in
 *   node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js), and those named in issue 11.
 */
export const DOCUMENTED_OFFICE_ERROR_CODES: readonly string[] = [
  // application-specific API error handling: common table
  "AccessDenied",
  "ActivityLimitReached",
  "ApiNotAvailable",
  "ApiNotFound",
  "BadPassword",
  "Client Error",
  "Conflict",
  "ContentLengthRequired",
  "GeneralException",
  "HostRestartNeeded",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidOperation",
  "InvalidReference",
  "InvalidRequest",
  "InvalidRibbonDefinition",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MemoryLimitReached",
  "NotImplemented",
  "RequestAborted",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ServiceNotAvailable",
  "Unauthenticated",
  "UnsupportedFeature",
  "UnsupportedOperation",
  // application-specific API error handling: Excel table
  "EmptyChartSeries",
  "FilteredRangeConflict",
  "FormulaLengthExceedsLimit",
  "InactiveWorkbook",
  "InvalidOperationInCellEditMode",
  "MergedRangeConflict",
  "NonBlankCellOffSheet",
  "OperationCellsExceedLimit",
  "PivotTableRangeConflict",
  "RangeExceedsLimit",
  "RefreshWorkbookLinksBlocked",
  "UnsupportedSheet",
  // Excel.ErrorCodes, beyond the tables
  "DirtySupportingFormula",
  "OpenWorkbookLinksBlocked",
  "PowerQueryRefreshResourceChallenge",
  "RangeImageExceedsLimit",
  "UnsupportedFillType",
  // OfficeExtension.ErrorCodes, beyond the above
  "CannotRegisterEvent",
  "ConnectionFailure",
  "InvalidObjectPath",
  "InvalidRequestContext",
  "PropertyNotLoaded",
  "RunMustReturnPromise",
  "ValueNotLoaded",
  // raised by office.js itself (CoreErrorCodes / ErrorCodes of the runtime)
  "CannotUpdateReadOnlyProperty",
  "InvalidOrTimedOutSession",
  "Timeout",
  "WriteNotSupportedWhenModalDialogOpen",
  // named in issue 11 (reported by Excel on the web)
  "TooManyCellsAffected",
];

/**
 * Office error code → message key (texts in officeMessages.ts). Codes not listed map to
 * `unknown`; codes that only a programming error produces (PropertyNotLoaded,
 * InvalidObjectPath, …) or that belong to features ikz-kit does not use (charts, ribbon,
 * images) map to `internal`.
 */
const CODE_KEYS: Readonly<Record<string, OfficeMessageKey>> = {
  // the user is doing something in Excel right now
  InvalidOperationInCellEditMode: "cellEditMode",
  WriteNotSupportedWhenModalDialogOpen: "modalDialogOpen",
  InactiveWorkbook: "inactiveWorkbook",
  // Excel or its service is busy, slow or gone
  ActivityLimitReached: "busy",
  Timeout: "timeout",
  MemoryLimitReached: "memoryLimit",
  ServiceNotAvailable: "serviceUnavailable",
  InvalidOrTimedOutSession: "sessionExpired",
  ConnectionFailure: "connection",
  ContentLengthRequired: "connection",
  RequestAborted: "aborted",
  GeneralException: "generalException",
  InvalidRequest: "generalException",
  "Client Error": "generalException",
  DirtySupportingFormula: "generalException",
  HostRestartNeeded: "restartExcel",
  // the workbook refuses
  AccessDenied: "accessDenied",
  BadPassword: "badPassword",
  Unauthenticated: "signInRequired",
  PowerQueryRefreshResourceChallenge: "signInRequired",
  OpenWorkbookLinksBlocked: "linksBlocked",
  RefreshWorkbookLinksBlocked: "linksBlocked",
  Conflict: "conflict",
  ItemAlreadyExists: "itemAlreadyExists",
  ItemNotFound: "itemNotFound",
  InvalidOperation: "invalidOperation",
  InvalidSelection: "invalidOperation",
  UnsupportedSheet: "unsupportedSheet",
  InsertDeleteConflict: "rangeConflict",
  MergedRangeConflict: "rangeConflict",
  FilteredRangeConflict: "rangeConflict",
  PivotTableRangeConflict: "rangeConflict",
  NonBlankCellOffSheet: "noRoomOnSheet",
  // sizes
  RequestPayloadSizeLimitExceeded: "requestTooLarge",
  ResponsePayloadSizeLimitExceeded: "responseTooLarge",
  RangeExceedsLimit: "tooManyCells",
  OperationCellsExceedLimit: "tooManyCells",
  TooManyCellsAffected: "tooManyCells",
  // this Excel cannot
  ApiNotFound: "unsupported",
  ApiNotAvailable: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedFeature: "unsupported",
  // ikz-kit sent something Excel cannot take: a bug to report
  InvalidArgument: "invalidArgument",
  InvalidReference: "invalidArgument",
  FormulaLengthExceedsLimit: "invalidArgument",
  PropertyNotLoaded: "internal",
  ValueNotLoaded: "internal",
  InvalidObjectPath: "internal",
  InvalidRequestContext: "internal",
  RunMustReturnPromise: "internal",
  CannotRegisterEvent: "internal",
  CannotUpdateReadOnlyProperty: "internal",
  InvalidBinding: "internal",
  InvalidRibbonDefinition: "internal",
  EmptyChartSeries: "internal",
  RangeImageExceedsLimit: "internal",
  UnsupportedFillType: "internal",
};

/** The codes {@link messageKeyForCode} knows (for the test that every documented code is among them). */
export const MAPPED_OFFICE_ERROR_CODES: readonly string[] = Object.keys(CODE_KEYS);

/**
 * Message keys of failures that go away by themselves or when the user finishes what they are
 * doing in Excel (a cell edit, a dialog, another workbook in front): start-up tries again.
 */
const TRANSIENT_KEYS: ReadonlySet<OfficeMessageKey> = new Set<OfficeMessageKey>([
  "cellEditMode",
  "modalDialogOpen",
  "inactiveWorkbook",
  "busy",
  "timeout",
  "serviceUnavailable",
  "connection",
  "aborted",
  "generalException",
  "conflict",
]);

/** True when trying the same call again later may succeed (see TRANSIENT_KEYS). */
export function isTransientOfficeError(error: OfficeHostError): boolean {
  return TRANSIENT_KEYS.has(error.messageKey);
}

/** The message key for an `OfficeExtension.Error` code. */
export function messageKeyForCode(code: string): OfficeMessageKey {
  return Object.hasOwn(CODE_KEYS, code) ? (CODE_KEYS[code] ?? "unknown") : "unknown";
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

/**
 * Microsoft's real office.js client runtime, for tests: our Office.js code runs through the same
 * client library Excel loads (`@microsoft/office-js`, `excel-web-16.00.debug.js`, evaluated in a
 * jsdom window), and every request it would send to Excel is recorded instead — its JSON body,
 * the body's size in UTF-8 bytes, the number of actions — and answered here.
 *
 * This is the judge of request sizes (docs/decisions/0009): the fake (fakeExcel.ts) only adds up
 * our own estimates, the real library adds object paths, `Instantiate` and keep-reference
 * actions to every command. It does not run Excel: nothing is written anywhere, loads are
 * answered with plausible values ({@link defaultAnswer}: a workbook with one sheet "Tabelle1").
 *
 * Code runs inside the library's own `Excel.run` ({@link RealOfficeSession.run}), as in the pane:
 * there every range gets a keep-reference action (`_KeepReference` and a second `Instantiate`),
 * which makes up much of a request; the recorder answers those ranges with a reference id, as
 * Excel does, so a range loaded in one sync can be written in the next.
 *
 * @example
 * const runtime = await loadRealOfficeRuntime();
 * const session = runtime.session();
 * await session.run((context) => writePlanToExcel(context, plan, { replace: false, features }));
 * session.requests.map((request) => request.bytes); // real request sizes, in order
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { utf8Length } from "../syncBatches.js";

/** One request the client library sent (one `context.sync()` with actions). */
export interface RecordedRequest {
  /** `JSON.stringify` of the request body (`Actions` and `ObjectPaths`), as the library builds it. */
  readonly body: string;
  /** UTF-8 bytes of `body`. */
  readonly bytes: number;
  /** Actions in the request. */
  readonly actions: number;
  /** Whether the recorder refused it (`RequestPayloadSizeLimitExceeded`). */
  readonly refused: boolean;
  /**
   * Whether the library sent it on its own after the batch ended (`Excel.run`'s clean-up of
   * kept references), not at a `context.sync()` of ours.
   */
  readonly cleanup: boolean;
}

/** A load (query action) to answer, with the object path it reads from. */
export interface RecordedQuery {
  /**
   * Names along the object path from the root, e.g. `["Worksheets"]`,
   * `["Worksheets", "GetItem", "GetRange", "Format", "Fill"]`.
   */
  readonly path: readonly string[];
  /** Arguments of each path element (same length as `path`), e.g. `[[], ["Tabelle1"], ["A1"], [], []]`. */
  readonly argumentsOf: readonly (readonly unknown[])[];
  /** Properties asked for (`QueryInfo.Select`), if any, as the library sends them (e.g. `["name"]`). */
  readonly select: readonly string[] | undefined;
}

export interface SessionOptions {
  /**
   * The answer to a load: the object's properties in the wire form (PascalCase: `{ Name: "x" }`,
   * collections as `{ _Items: [...] }`, `null` for a missing `…OrNullObject` item). `undefined`
   * falls back to {@link defaultAnswer}.
   */
  readonly answer?: (query: RecordedQuery) => unknown;
  /** Requests larger than this many UTF-8 bytes are refused as Excel on the web does. */
  readonly requestLimit?: number;
  /** Sheet names the default answer reports for `worksheets.load(...)`; default `["Tabelle1"]`. */
  readonly sheets?: readonly string[];
}

/** A request context of the real client library and what went through it. */
export interface RealOfficeSession {
  /** Runs a batch in the library's `Excel.run` on this session's context (an `ExcelRun`). */
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Every request, in order (refused ones and the library's clean-up included, flagged). */
  readonly requests: RecordedRequest[];
  /** `context.sync()` calls made by the batches, with or without actions. */
  readonly syncs: () => number;
}

export interface RealOfficeRuntime {
  /** A fresh request context whose requests are recorded and answered here. */
  session(options?: SessionOptions): RealOfficeSession;
}

interface WireObjectPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments?: readonly unknown[] };
}

interface WireAction {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly QueryInfo?: { readonly Select?: readonly string[] };
}

interface WireBody {
  readonly Actions?: readonly WireAction[];
  readonly ObjectPaths?: Readonly<Record<string, WireObjectPath>>;
}

interface WireResponse {
  readonly HttpStatusCode: number;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
  readonly Body: { readonly Results: readonly { readonly ActionId: number; readonly Value: unknown }[] } | null;
}

interface RequestExecutor {
  executeAsync(customData: unknown, flags: number, message: { readonly Body: WireBody }): Promise<WireResponse>;
}

/** What the client library puts on its window. */
interface OfficeWindow {
  readonly Excel: {
    readonly RequestContext: new (url: string) => Excel.RequestContext;
    run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  eval(source: string): unknown;
}

interface JsdomModule {
  readonly JSDOM: new (
    html: string,
    options: { readonly runScripts: "outside-only"; readonly url: string },
  ) => { readonly window: OfficeWindow };
}

/** Action types of the request protocol: instantiate an object path, query (`load`), method call. */
const INSTANTIATE_ACTION = 1;
const QUERY_ACTION = 2;
const METHOD_ACTION = 3;
/** Object path type of a method call. */
const METHOD_PATH = 3;

let loaded: Promise<RealOfficeRuntime> | undefined;

/**
 * Loads the client library once per test file (≈ 0.3 s) and returns a factory of recording
 * request contexts.
 */
export function loadRealOfficeRuntime(): Promise<RealOfficeRuntime> {
  loaded ??= Promise.resolve().then(createRuntime);
  return loaded;
}

function createRuntime(): RealOfficeRuntime {
  const require = createRequire(import.meta.url);
  const { JSDOM } = require("jsdom") as JsdomModule;
  const script = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/taskpane.html",
  });
  dom.window.eval(readFileSync(script, "utf8"));
  const ExcelOfWindow = dom.window.Excel;
  return {
    session(options: SessionOptions = {}): RealOfficeSession {
      const context = new ExcelOfWindow.RequestContext("https://localhost/excel"); // never contacted: the executor below answers;
      const requests: RecordedRequest[] = [];
      let syncs = 0;
      let sheetsAdded = 0;
      let references = 0;
      let inBatch = false;
      const executor: RequestExecutor = {
        executeAsync(_customData, _flags, message) {
          const body = JSON.stringify(message.Body);
          const bytes = utf8Length(body);
          const actions = message.Body.Actions ?? [];
          const refused = options.requestLimit !== undefined && bytes > options.requestLimit;
          requests.push({ body, bytes, actions: actions.length, refused, cleanup: !inBatch });
          if (refused) {
            // as the host reports it (office.js RichApiMessageUtility.buildResponseOnError): no body, no results
            return Promise.resolve({
              HttpStatusCode: 400,
              ErrorCode: "RequestPayloadSizeLimitExceeded",
              ErrorMessage: `The request payload size has exceeded the limit (${bytes} bytes).`,
              Body: null,
            });
          }
          const paths = message.Body.ObjectPaths ?? {};
          const results: { ActionId: number; Value: unknown }[] = [];
          const kept = new Set(
            actions
              .filter((action) => action.ActionType === METHOD_ACTION && action.Name === "_KeepReference")
              .map((action) => action.ObjectPathId),
          );
          for (const action of actions) {
            if (action.ActionType === INSTANTIATE_ACTION && kept.has(action.ObjectPathId)) {
              // Excel answers a kept object with its reference id; later requests address it by that id
              results.push({ ActionId: action.Id, Value: { _ReferenceId: referenceId(++references) } });
              continue;
            }
            if (action.ActionType === QUERY_ACTION) {
              const query = describeQuery(paths, action);
              const answer = options.answer?.(query);
              results.push({
                ActionId: action.Id,
                Value: answer === undefined ? defaultAnswer(query, options.sheets) : answer,
              });
            } else if (action.ActionType === INSTANTIATE_ACTION && isNewSheet(paths, action)) {
              // Excel answers a new sheet with its id; the library then addresses it by id in later requests
              results.push({ ActionId: action.Id, Value: { Id: sheetId(++sheetsAdded) } });
            }
          }
          return Promise.resolve({ HttpStatusCode: 200, Body: { Results: results } });
        },
      };
      (context as unknown as { _requestExecutor: RequestExecutor })._requestExecutor = executor;
      const sync = context.sync.bind(context);
      (context as unknown as { sync: typeof context.sync }).sync = <T>(passThroughValue?: T) => {
        if (inBatch) syncs++;
        return sync(passThroughValue);
      };
      const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
        ExcelOfWindow.run(context, async (runContext) => {
          inBatch = true;
          try {
            return await batch(runContext);
          } finally {
            inBatch = false;
          }
        });
      return { run, requests, syncs: () => syncs };
    },
  };
}

/** `worksheets.add(…)`: Excel returns the new sheet's id (a GUID in braces, as Excel's own ids are). */
function isNewSheet(paths: Readonly<Record<string, WireObjectPath>>, action: WireAction): boolean {
  const path = paths[String(action.ObjectPathId)];
  if (path?.ObjectPathType !== METHOD_PATH || path.Name !== "Add") return false;
  const parent = path.ParentObjectPathId === undefined ? undefined : paths[String(path.ParentObjectPathId)];
  return parent?.Name === "Worksheets";
}

/** A reference id as Excel hands them out for kept ranges (about as long). */
function referenceId(n: number): string {
  return `{${String(n).padStart(8, "0")}-0002-0000-0000-000000000000}R`;
}

function sheetId(n: number): string {
  return `{${String(n).padStart(8, "0")}-0001-0000-0000-000000000000}`;
}

function describeQuery(paths: Readonly<Record<string, WireObjectPath>>, action: WireAction): RecordedQuery {
  const path: string[] = [];
  const argumentsOf: unknown[][] = [];
  let current: WireObjectPath | undefined = paths[String(action.ObjectPathId)];
  while (current !== undefined) {
    if (current.Name !== "") {
      path.unshift(current.Name);
      argumentsOf.unshift([...(current.ArgumentInfo?.Arguments ?? [])]);
    }
    current = current.ParentObjectPathId === undefined ? undefined : paths[String(current.ParentObjectPathId)];
  }
  return { path, argumentsOf, select: action.QueryInfo?.Select };
}

/**
 * Plausible answers for the loads ikz-kit makes: the sheet list (visible sheets, default
 * `Tabelle1`), no fill, unprotected sheets, the workbook's name, nothing for `…OrNullObject`
 * items (no such sheet or setting); `{}` for anything else (the loaded properties then stay unset).
 */
export function defaultAnswer(query: RecordedQuery, sheets: readonly string[] = ["Tabelle1"]): unknown {
  const last = query.path[query.path.length - 1];
  switch (last) {
    case "Worksheets":
      return {
        _Items: sheets.map((name, index) => ({ Name: name, Visibility: "Visible", Position: index, Id: `{${index}}` })),
      };
    case "GetActiveWorksheet":
      return { Name: sheets[0] ?? "Tabelle1", Visibility: "Visible", Position: 0, Id: "{0}" };
    case "Fill":
      return { Color: "#FFFFFF", Pattern: "None" };
    case "Protection":
      return { Protected: false };
    case "GetItemOrNullObject":
      return null;
    case undefined:
      return { Name: "Mappe1.xlsx" };
    default:
      return {};
  }
}

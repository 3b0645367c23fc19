/**
 * Runs the Office.js writer through Microsoft's real client library and sums up its requests: the
 * figures of docs/decisions/0009 and the README come from here (`IKZ_PRINT_REQUEST_SIZES=1 npx
 * vitest run adapters/office/realRequestSizes` prints them).
 */
import type { WorkbookPlan } from "../../../lib/plan/WorkbookPlan.js";
import { ALL_EXCEL_FEATURES } from "../features.js";
import { writePlanToExcel } from "../writePlanToExcel.js";
import type { RealOfficeRuntime, RecordedRequest, SessionOptions } from "./realOfficeRuntime.js";

export interface WriteFigures {
  readonly syncs: number;
  /** Every request of the write (the sheet-name check first), refused ones included; not the clean-up. */
  readonly requests: readonly RecordedRequest[];
  /** Requests the library sent on its own after the write (`Excel.run` releasing kept ranges). */
  readonly cleanup: readonly RecordedRequest[];
  /** The writer's estimate of each request after the sheet-name check, in order of the syncs. */
  readonly estimates: readonly number[];
}

/** Writes the plan into a fresh real-library session (an empty workbook with one sheet "Tabelle1"). */
export async function writeThroughRealOffice(
  runtime: RealOfficeRuntime,
  plan: WorkbookPlan,
  options: SessionOptions & { readonly payloadBudget?: number } = {},
): Promise<WriteFigures> {
  const session = runtime.session(options);
  const estimates: number[] = [];
  const result = await session.run((context) =>
    writePlanToExcel(context, plan, {
      replace: false,
      features: ALL_EXCEL_FEATURES,
      onRequestEstimate: (bytes) => estimates.push(bytes),
      ...(options.payloadBudget === undefined ? {} : { payloadBudget: options.payloadBudget }),
    }),
  );
  if (result.syncs !== session.syncs())
    throw new Error(`writer says ${result.syncs} syncs, the library saw ${session.syncs()}`);
  return {
    syncs: result.syncs,
    requests: session.requests.filter((request) => !request.cleanup),
    cleanup: session.requests.filter((request) => request.cleanup),
    estimates,
  };
}

/** One line of the figure table: `name | requests | largest | estimate/real`. */
export function figureLine(name: string, figures: WriteFigures): string {
  const writes = figures.requests.slice(1);
  const largest = Math.max(...writes.map((request) => request.bytes));
  const ratios = writes.map((request, index) => (figures.estimates[index] ?? 0) / request.bytes);
  const mb = (bytes: number): string => (bytes / 1_000_000).toFixed(2);
  return `| ${name} | ${figures.requests.length} | ${mb(largest)} MB | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} |`;
}

/** Set-property and method actions of the accepted requests, as `Name(arguments)`, for comparing two writes. */
export function writtenCommands(requests: readonly RecordedRequest[]): string[] {
  const commands: string[] = [];
  for (const request of requests) {
    if (request.refused) continue;
    const body = JSON.parse(request.body) as {
      Actions?: {
        ActionType: number;
        Name: string;
        ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
      }[];
    };
    for (const action of body.Actions ?? []) {
      if (action.ActionType !== 3 && action.ActionType !== 4) continue;
      if (action.Name.startsWith("Suspend") || action.Name === "_ValidateArraySize") continue;
      // an object argument travels as the id of its path, which differs from request to request
      const references = action.ArgumentInfo?.ReferencedObjectPathIds ?? [];
      const values = (action.ArgumentInfo?.Arguments ?? []).map((value, index) =>
        (references[index] ?? 0) === 0 ? value : "<object>",
      );
      commands.push(`${action.Name}(${JSON.stringify(values)})`);
    }
  }
  return commands;
}

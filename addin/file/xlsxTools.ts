/**
 * Everything of the pane that needs exceljs, in one module that is only ever imported
 * dynamically (loadXlsxTools.ts): webpack puts it and exceljs into an async chunk, so the pane
 * starts without exceljs's ~1 MB.
 */
import { writePlanToBuffer } from "../../adapters/exceljs/workbookWriter.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";

export { readProductList } from "../../adapters/products/readProductList.js";
export { FileWorkbookHost } from "./FileWorkbookHost.js";
export { readSnapshotInBrowser } from "./readSnapshotInBrowser.js";

/** Writes a plan as a new .xlsx in memory (exceljs's in-memory engine: the browser has no other). */
export function writePlanToBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  return writePlanToBuffer(plan, { engine: "memory" });
}

/**
 * Batches by estimated size, and the retry in halves when the host refuses a request as too large
 * (`RequestPayloadSizeLimitExceeded`), on the fake. The same retry through Microsoft's real client
 * library is in realRequestSizes.test.ts.
 */
import { describe, expect, it } from "vitest";
import { findTemplate } from "../../templates/registry.js";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import {
  batchBytes,
  MAX_PAYLOAD_SPLITS,
  PAYLOAD_TOO_LARGE,
  REQUEST_BASE_BYTES,
  runBatches,
  splitIntoBatches,
  type QueuedAction,
} from "./syncBatches.js";
import { writePlanToExcel } from "./writePlanToExcel.js";

/** Actions that queue `bytes` each on the fake and record that they ran. */
function recordingActions(fake: FakeExcel, count: number, bytes: number, ran: number[]): QueuedAction[] {
  return Array.from({ length: count }, (_, index) => ({
    bytes,
    apply: () => {
      fake.enqueue(bytes, () => ran.push(index), "values");
    },
  }));
}

describe("splitIntoBatches", () => {
  it("keeps every batch's estimate, the request base included, within the budget", () => {
    const actions = Array.from({ length: 100 }, (_, index) => ({ bytes: 1_000 + index, apply: () => undefined }));
    const budget = REQUEST_BASE_BYTES + 10_000;
    const batches = splitIntoBatches(actions, budget);
    expect(batches.flat()).toEqual(actions);
    for (const batch of batches) expect(batchBytes(batch)).toBeLessThanOrEqual(budget);
    expect(batches.length).toBeGreaterThan(10);
  });
});

describe("runBatches when the host refuses a request as too large", () => {
  it("splits the refused batch in halves and sends them again, each command once and in order", async () => {
    const fake = new FakeExcel(new FakeWorkbook(), { requestLimit: 30_000 });
    const ran: number[] = [];
    // one batch of 100 × 1 kB: the fake refuses it (≈ 106 kB), halves of 53 kB too, quarters of 26 kB pass
    const syncs = await runBatches(fake.context, [recordingActions(fake, 100, 1_000, ran)]);
    expect(ran).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(syncs).toBe(fake.syncs);
    // 1 refused whole + 2 refused halves + 4 quarters
    expect(syncs).toBe(7);
    expect(fake.requestSizes.filter((size) => size <= 30_000)).toHaveLength(4);
  });

  it("gives up after a bounded number of splits, with the host's error", async () => {
    const fake = new FakeExcel(new FakeWorkbook(), { requestLimit: 5_000 });
    const ran: number[] = [];
    const failure = await runBatches(fake.context, [recordingActions(fake, 100, 1_000, ran)]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as { code?: string }).code).toBe(PAYLOAD_TOO_LARGE);
    // at most 1 + 2 + 4 + 8 syncs for the batch, whatever its size
    expect(fake.syncs).toBeLessThanOrEqual(2 ** (MAX_PAYLOAD_SPLITS + 1) - 1);
  });

  it("does not split on other errors", async () => {
    const fake = new FakeExcel(new FakeWorkbook(), { cellEditMode: true });
    const ran: number[] = [];
    await expect(runBatches(fake.context, [recordingActions(fake, 10, 1_000, ran)])).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    expect(fake.syncs).toBe(1);
  });

  it("writes a whole template through a host with a smaller limit than the estimates assume", async () => {
    const plan = findTemplate("pestel")!.plan({ language: "de", demo: true }).plan;
    const whole = new FakeExcel(new FakeWorkbook());
    whole.workbook.addSheet("Tabelle1");
    await writePlanToExcel(whole.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
    const largest = Math.max(...whole.requestSizes);

    const workbook = new FakeWorkbook();
    workbook.addSheet("Tabelle1");
    const small = new FakeExcel(workbook, { requestLimit: Math.ceil(largest / 3) });
    const result = await writePlanToExcel(small.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
    expect(result.syncs).toBe(small.syncs);
    expect(result.syncs).toBeGreaterThan(whole.syncs);
    for (const sheet of plan.sheets) {
      for (const row of sheet.rows()) {
        for (const cell of row.cells) {
          const written = small.workbook.sheet(sheet.name)?.cell(row.row, cell.column);
          if (cell.formula !== undefined)
            expect(written?.formula, `${sheet.name} ${row.row}/${cell.column}`).toBe(cell.formula);
          else if (typeof cell.value === "string" && cell.value !== "") expect(written?.value).toBe(cell.value);
        }
      }
    }
  });
});

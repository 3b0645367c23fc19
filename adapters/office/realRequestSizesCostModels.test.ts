/**
 * Large cost models (prepared rows `towns × items`) through Microsoft's real office.js client
 * library: before docs/decisions/0009 a 20 × 50 model went as one 5.75 MB request and 30 × 60 as
 * 5.21 + 5.00 MB (Excel on the web refuses 5 MB); now every request stays under the limit and under
 * the writer's estimate, in a handful of syncs.
 */
import { describe, expect, it } from "vitest";
import { findTemplate } from "../../templates/registry.js";
import { DEFAULT_PAYLOAD_BUDGET, REQUEST_LIMIT_BYTES } from "./syncBatches.js";
import { loadRealOfficeRuntime } from "./testing/realOfficeRuntime.js";
import { figureLine, writeThroughRealOffice } from "./testing/requestFigures.js";

const print = process.env.IKZ_PRINT_REQUEST_SIZES === "1";

describe("large cost models through Microsoft's office.js client library", () => {
  for (const [towns, items] of [
    [8, 40],
    [12, 30],
    [20, 50],
    [30, 60],
  ] as const) {
    it(`${towns} towns × ${items} items: every request under the limit and under its estimate`, async () => {
      const runtime = await loadRealOfficeRuntime();
      const plan = findTemplate("kostenverteilung")!.plan({ language: "de", rows: { towns, items } }).plan;
      const figures = await writeThroughRealOffice(runtime, plan);
      const writes = figures.requests.slice(1);
      writes.forEach((request, index) => {
        expect(request.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
        expect(figures.estimates[index]).toBeGreaterThanOrEqual(request.bytes);
        expect(figures.estimates[index]).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET);
      });
      // every range is released with its request: no clean-up request of kept references after the run
      expect(figures.cleanup).toEqual([]);
      // the estimates are upper bounds, not wild ones: the batches stay well filled
      const total = writes.reduce((sum, request) => sum + request.bytes, 0);
      expect(figures.syncs).toBeLessThanOrEqual(2 + Math.ceil((1.35 * total) / DEFAULT_PAYLOAD_BUDGET));
      if (print) console.log(figureLine(`cost model ${towns} × ${items}`, figures));
    });
  }
});

/**
 * Marking problem cells through Microsoft's real office.js client library: 10,000 marked cells were
 * requests of 9.3 MB (previous fills) and 5.8 MB (marks) — Excel on the web refuses 5 MB; now they
 * go in batches, every request under the limit, two syncs per batch.
 */
import { describe, expect, it } from "vitest";
import { cellAddress } from "../../lib/cells/address.js";
import { ALL_EXCEL_FEATURES } from "../../adapters/office/features.js";
import { OfficeWorkbookHost } from "./OfficeWorkbookHost.js";
import { DEFAULT_PAYLOAD_BUDGET, REQUEST_LIMIT_BYTES } from "../../adapters/office/syncBatches.js";
import { loadRealOfficeRuntime } from "../../adapters/office/testing/realOfficeRuntime.js";

const print = process.env.IKZ_PRINT_REQUEST_SIZES === "1";

describe("marks through Microsoft's office.js client library", () => {
  it("marks and clears 10,000 cells in requests under the limit, two syncs per batch to mark, one to clear", async () => {
    const runtime = await loadRealOfficeRuntime();
    const session = runtime.session({ sheets: ["Tabelle1", "Aufgaben"] });
    const host = new OfficeWorkbookHost("Mappe1.xlsx", {
      run: session.run,
      features: ALL_EXCEL_FEATURES,
    });
    const refs = Array.from({ length: 10_000 }, (_, index) => ({
      sheet: index % 2 === 0 ? "Aufgaben" : "Tabelle1",
      address: cellAddress(5 + Math.floor(index / 20), 1 + (index % 20)),
    }));
    await host.markCells(refs);
    const marking = session.requests.map((request) => request.bytes);
    const markSyncs = session.syncs();
    await host.clearMarks();
    const clearing = session.requests.slice(marking.length).map((request) => request.bytes);

    // every range is released with its request: no clean-up request of kept references after the runs
    expect(session.requests.filter((request) => request.cleanup)).toEqual([]);
    for (const bytes of [...marking, ...clearing]) {
      expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      expect(bytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET);
    }
    expect(markSyncs % 2).toBe(0);
    expect(markSyncs).toBeLessThanOrEqual(
      2 * Math.ceil((1.4 * marking.reduce((a, b) => a + b, 0)) / DEFAULT_PAYLOAD_BUDGET) + 2,
    );
    expect(clearing.length).toBe(markSyncs / 2);
    // the record of the marks travels with the last mark request
    expect(session.requests[markSyncs - 1]?.body).toContain("ikz.marks");
    if (print) {
      const mb = (bytes: number): string => (bytes / 1_000_000).toFixed(2);
      console.log(
        `| 10,000 marks | ${markSyncs} + ${clearing.length} | ${mb(Math.max(...marking))} MB (mark), ${mb(Math.max(...clearing))} MB (clear) |`,
      );
    }
  });
});

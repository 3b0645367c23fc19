/**
 * Request sizes as Microsoft's real office.js client library builds them (testing/realOfficeRuntime.ts):
 * every request the writer sends for any template stays under Excel on the web's limit, and the
 * writer's estimate of each request is an upper bound of its real size — so batches cut on the
 * estimates are safe. A host that refuses anyway gets the refused batch again in halves.
 * Large cost models: realRequestSizesCostModels.test.ts; marks: addin/host/realMarkSizes.test.ts.
 */
import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../../templates/registry.js";
import { REQUEST_LIMIT_BYTES } from "./syncBatches.js";
import { loadRealOfficeRuntime } from "./testing/realOfficeRuntime.js";
import { figureLine, writeThroughRealOffice, writtenCommands, type WriteFigures } from "./testing/requestFigures.js";

const print = process.env.IKZ_PRINT_REQUEST_SIZES === "1";

/** Every request under the limit; every estimate at least the real size. */
function expectSafeRequests(figures: WriteFigures): void {
  const writes = figures.requests.slice(1);
  expect(figures.estimates).toHaveLength(writes.length);
  writes.forEach((request, index) => {
    expect(request.refused).toBe(false);
    expect(request.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(figures.estimates[index], `estimate of request ${index + 2}`).toBeGreaterThanOrEqual(request.bytes);
  });
}

describe("request sizes through Microsoft's office.js client library", () => {
  for (const template of TEMPLATES) {
    it(`${template.spec.id}: blank and demo, every request under the limit and under its estimate`, async () => {
      const runtime = await loadRealOfficeRuntime();
      for (const demo of [false, true]) {
        const plan = template.plan({ language: "de", demo }).plan;
        const figures = await writeThroughRealOffice(runtime, plan);
        expectSafeRequests(figures);
        expect(figures.syncs).toBe(figures.requests.length);
        expect(figures.cleanup).toEqual([]);
        if (print) console.log(figureLine(`${template.spec.id}${demo ? " (demo)" : ""}`, figures));
      }
    });
  }

  it("splits a batch the host refuses and sends the halves, nothing lost, nothing twice", async () => {
    const runtime = await loadRealOfficeRuntime();
    const plan = TEMPLATES.find((template) => template.spec.id === "pestel")!.plan({ language: "de", demo: true }).plan;
    const whole = await writeThroughRealOffice(runtime, plan);
    const largest = Math.max(...whole.requests.map((request) => request.bytes));

    // a host whose limit is a third of the largest request: the batch is refused, its halves or quarters pass
    const limit = Math.ceil(largest / 3);
    const split = await writeThroughRealOffice(runtime, plan, { requestLimit: limit });
    const refused = split.requests.filter((request) => request.refused);
    expect(refused.length).toBeGreaterThan(0);
    for (const request of split.requests.filter((request) => !request.refused)) {
      expect(request.bytes).toBeLessThanOrEqual(limit);
    }
    expect(split.syncs).toBe(split.requests.length);
    expect(split.syncs).toBeLessThanOrEqual(1 + 15);
    expect(writtenCommands(split.requests)).toEqual(writtenCommands(whole.requests));
  });
});

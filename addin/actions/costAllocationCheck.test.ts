import { describe, expect, it } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { AllocationMatrix, CostModel } from "../../lib/allocation/model.js";
import { checkCompleteness } from "./costAllocationCheck.js";

const MODEL: CostModel = {
  towns: [
    { name: "A", population: 1, cases: 3 },
    { name: "B", population: 1, cases: 0 },
    { name: "C", population: 1, cases: 7 },
  ],
  items: [
    { name: "Drittel", key: "population", amount: 100 },
    { name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 2.5 },
  ],
  overhead: { percent: 3.33, key: "equal" },
};

describe("checkCompleteness", () => {
  it("confirms every item and the overhead of a real allocation", () => {
    const check = checkCompleteness(allocateCosts(MODEL));
    expect(check.complete).toBe(true);
    expect(check.items.map((i) => [i.name, i.overhead, i.sharesCents === i.amountCents])).toEqual([
      ["Drittel", false, true],
      ["Fälle", false, true],
      [expect.any(String), true, true],
    ]);
  });

  it("checks the recomputation with actual values too", () => {
    const allocation = allocateCosts({
      ...MODEL,
      towns: MODEL.towns.map((town, index) => (index === 0 ? { ...town, actual: { population: 2 } } : town)),
    });
    const check = checkCompleteness(allocation);
    expect(check.complete).toBe(true);
    expect(check.items.map((i) => i.scenario)).toEqual(["plan", "plan", "plan", "actual", "actual", "actual"]);
    const broken = {
      ...allocation,
      actual: allocation.actual && { ...allocation.actual, totalCents: allocation.actual.totalCents - 1 },
    };
    expect(checkCompleteness(broken).complete).toBe(false);
  });

  it("names an item whose shares miss a cent, and totals that do not add up", () => {
    const allocation = allocateCosts(MODEL);
    const broken: AllocationMatrix = {
      ...allocation,
      items: allocation.items.map((item, index) =>
        index === 0
          ? { ...item, shares: item.shares.map((s, i) => (i === 0 ? { ...s, cents: s.cents - 1 } : s)) }
          : item,
      ),
      totalCents: allocation.totalCents + 1,
    };
    const check = checkCompleteness(broken);
    expect(check.complete).toBe(false);
    expect(check.totalsComplete).toBe(false);
    expect(check.items.filter((i) => !i.complete).map((i) => [i.name, i.sharesCents, i.amountCents])).toEqual([
      ["Drittel", 9999, 10000],
    ]);
  });
});

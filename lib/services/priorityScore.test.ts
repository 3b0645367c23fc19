import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITICALITIES, LIFECYCLE_STAGES, SERVICE_STATUSES } from "./model.js";
import { PRIORITY_POINTS, priorityScore, type PriorityInputs } from "./priorityScore.js";

const base: PriorityInputs = {
  status: "keep",
  criticality: "low",
  lifecycle: "inOperation",
  monthsToEnd: 30,
  windowMonths: 24,
  annualCost: 0,
  maxAnnualCost: 0,
};

describe("priorityScore", () => {
  it("adds the documented points", () => {
    expect(priorityScore(base)).toBe(0);
    expect(priorityScore({ ...base, status: "replace" })).toBe(30);
    expect(priorityScore({ ...base, status: "consolidate" })).toBe(30);
    expect(priorityScore({ ...base, status: "retire" })).toBe(0);
    expect(priorityScore({ ...base, monthsToEnd: 23 })).toBe(25);
    expect(priorityScore({ ...base, monthsToEnd: -3 })).toBe(25);
    expect(priorityScore({ ...base, monthsToEnd: null })).toBe(0);
    expect(priorityScore({ ...base, lifecycle: "endOfSupport" })).toBe(15);
    expect(priorityScore({ ...base, criticality: "medium" })).toBe(7.5);
    expect(priorityScore({ ...base, criticality: "high" })).toBe(15);
    expect(priorityScore({ ...base, annualCost: 1000, maxAnnualCost: 3000 })).toBe(5);
    expect(priorityScore({ ...base, annualCost: 1, maxAnnualCost: 3 })).toBe(5);
    expect(
      priorityScore({
        status: "consolidate",
        criticality: "high",
        lifecycle: "endOfSupport",
        monthsToEnd: 0,
        windowMonths: 24,
        annualCost: 9,
        maxAnnualCost: 9,
      }),
    ).toBe(100);
    expect(Object.values(PRIORITY_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("rounds to 9 decimals", () => {
    const score = priorityScore({ ...base, annualCost: 1, maxAnnualCost: 7 });
    expect(score).toBe(2.142857143);
  });

  const inputs = fc.record({
    status: fc.constantFrom(null, ...SERVICE_STATUSES),
    criticality: fc.constantFrom(null, ...CRITICALITIES),
    lifecycle: fc.constantFrom(null, ...LIFECYCLE_STAGES),
    monthsToEnd: fc.option(fc.integer({ min: -50, max: 200 })),
    windowMonths: fc.integer({ min: 1, max: 120 }),
    cost: fc.integer({ min: 0, max: 1_000_000_00 }),
    extra: fc.integer({ min: 0, max: 1_000_000_00 }),
  });
  const toInputs = (r: typeof inputs extends fc.Arbitrary<infer T> ? T : never): PriorityInputs => ({
    status: r.status,
    criticality: r.criticality,
    lifecycle: r.lifecycle,
    monthsToEnd: r.monthsToEnd,
    windowMonths: r.windowMonths,
    annualCost: r.cost / 100,
    maxAnnualCost: (r.cost + r.extra) / 100,
  });

  it("stays within 0–100 and never falls when a factor rises (property)", () => {
    fc.assert(
      fc.property(inputs, (r) => {
        const i = toInputs(r);
        const score = priorityScore(i);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(priorityScore({ ...i, criticality: "high" })).toBeGreaterThanOrEqual(score);
        expect(priorityScore({ ...i, status: "replace" })).toBeGreaterThanOrEqual(score);
        expect(priorityScore({ ...i, lifecycle: "endOfSupport" })).toBeGreaterThanOrEqual(score);
        expect(priorityScore({ ...i, monthsToEnd: 0 })).toBeGreaterThanOrEqual(score);
        expect(priorityScore({ ...i, annualCost: i.maxAnnualCost })).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { assessServices, maxAnnualCost } from "./assessServices.js";
import type { CatalogueService } from "./model.js";

const service = (id: string, extra: Partial<CatalogueService>): CatalogueService => ({
  id,
  name: id,
  category: "lineOfBusiness",
  software: "X",
  vendor: null,
  productCodes: [],
  operatingModel: "cloud",
  users: null,
  annualCost: null,
  contractEnd: null,
  criticality: "low",
  status: "keep",
  lifecycle: null,
  interfaces: null,
  ...extra,
});

describe("assessServices", () => {
  const services = [
    service("a", { annualCost: 8000, users: 3, contractEnd: new Date(Date.UTC(2026, 11, 31)) }),
    service("b", { annualCost: 2000, users: 0, contractEnd: new Date(Date.UTC(2025, 0, 1)), status: "replace" }),
    service("c", { annualCost: null, users: 4 }),
  ];

  it("computes each service's figures against the town's largest cost and its reference date", () => {
    expect(maxAnnualCost(services)).toBe(8000);
    const [a, b, c] = assessServices(services, { referenceDate: new Date(Date.UTC(2026, 0, 31)), windowMonths: 24 });
    expect(a).toMatchObject({ costPerUser: 2666.67, monthsToEnd: 11, window: "open", score: 40 });
    expect(b).toMatchObject({ costPerUser: null, monthsToEnd: -13, window: "expired", score: 58.75 });
    expect(c).toMatchObject({ costPerUser: null, monthsToEnd: null, window: null, score: 0 });
  });

  it("leaves months and windows empty without a reference date", () => {
    const assessed = assessServices(services, { referenceDate: null, windowMonths: 24 });
    expect(assessed.map((s) => [s.monthsToEnd, s.window])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(maxAnnualCost([])).toBe(0);
  });
});

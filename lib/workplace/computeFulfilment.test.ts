import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFulfilment, fulfilmentOf, gapFlag } from "./computeFulfilment.js";
import {
  DIMENSION_KEYS,
  OBLIGATIONS,
  OBLIGATION_WEIGHTS,
  REQUIREMENT_STATUSES,
  STATUS_VALUES,
  type Obligation,
  type RequirementStatus,
  type WorkplaceProfile,
  type WorkplaceRequirement,
} from "./model.js";

const requirement = (
  id: string,
  obligation: Obligation,
  statuses: readonly (RequirementStatus | null)[],
  dimension: WorkplaceRequirement["dimension"] = "hybrid",
): WorkplaceRequirement => ({ id, dimension, text: id, obligation, roles: null, rolesText: "", statuses });

const statusArbitrary = fc.constantFrom<RequirementStatus | null>(null, ...REQUIREMENT_STATUSES);

const profileArbitrary = (towns: number) =>
  fc
    .array(
      fc.record({
        dimension: fc.constantFrom(...DIMENSION_KEYS),
        obligation: fc.constantFrom(...OBLIGATIONS),
        statuses: fc.array(statusArbitrary, { minLength: towns, maxLength: towns }),
      }),
      { maxLength: 40 },
    )
    .map((rows): WorkplaceProfile => ({
      towns: Array.from({ length: towns }, (_, index) => `Stadt ${index + 1}`),
      requirements: rows.map((row, index) => requirement(`R${index}`, row.obligation, row.statuses, row.dimension)),
    }));

/** The next better status: not → partly → fulfilled; a blank becomes „not fulfilled“ (now assessed). */
const RAISED: Record<RequirementStatus, RequirementStatus> = {
  notFulfilled: "partly",
  partly: "fulfilled",
  fulfilled: "fulfilled",
};

describe("computeFulfilment", () => {
  it("weights Muss 3, Soll 2, Kann 1 and counts partly as half (worked by hand)", () => {
    // Muss fulfilled 3·1, Soll partly 2·0.5, Kann not 1·0, Muss blank (left out):
    // points 3 + 0.5·2 = 4, assessed weight 3 + 2 + 1 = 6 → 4/6
    const [town] = computeFulfilment({
      towns: ["Bockau"],
      requirements: [
        requirement("A", "must", ["fulfilled"]),
        requirement("B", "should", ["partly"]),
        requirement("C", "may", ["notFulfilled"]),
        requirement("D", "must", [null]),
        requirement("E", "must", ["notFulfilled"], "digital"),
      ],
    });
    expect(town?.byDimension.hybrid).toEqual({
      fulfilledWeight: 3,
      partlyWeight: 2,
      assessedWeight: 6,
      points: 4,
      value: 4 / 6,
    });
    expect(town?.byDimension.digital.value).toBe(0);
    expect(town?.byDimension.networked.value).toBeNull();
    // overall: points 4, assessed 6 + 3 = 9
    expect(town?.overall.value).toBe(4 / 9);
    expect(town?.gaps).toMatchObject({ hybrid: 0, digital: 1 });
    expect(town?.open).toMatchObject({ hybrid: 1, digital: 0 });
    expect([town?.gapTotal, town?.openTotal, town?.notAssessed]).toEqual([1, 1, 1]);
  });

  it("flags a Muss requirement as a gap when not or partly fulfilled and as open without status", () => {
    expect(gapFlag({ obligation: "must" }, "notFulfilled")).toBe("gap");
    expect(gapFlag({ obligation: "must" }, "partly")).toBe("gap");
    expect(gapFlag({ obligation: "must" }, null)).toBe("open");
    expect(gapFlag({ obligation: "must" }, "fulfilled")).toBeNull();
    for (const obligation of ["should", "may"] as const)
      for (const status of [null, ...REQUIREMENT_STATUSES]) expect(gapFlag({ obligation }, status)).toBeNull();
  });

  it("stays within 0–1, and is null exactly when nothing is assessed", () => {
    fc.assert(
      fc.property(profileArbitrary(3), (profile) => {
        for (const [index, town] of computeFulfilment(profile).entries()) {
          const results = [town.overall, ...DIMENSION_KEYS.map((d) => town.byDimension[d])];
          for (const result of results) {
            if (result.value === null) expect(result.assessedWeight).toBe(0);
            else {
              expect(result.value).toBeGreaterThanOrEqual(0);
              expect(result.value).toBeLessThanOrEqual(1);
            }
          }
          const assessed = profile.requirements.filter((r) => r.statuses[index] !== null).length;
          expect(town.overall.value === null).toBe(assessed === 0);
        }
      }),
    );
  });

  it("never falls when one status rises", () => {
    fc.assert(
      fc.property(profileArbitrary(1), fc.nat(), (profile, pick) => {
        const assessed = profile.requirements.flatMap((r, index) => (r.statuses[0] ? [index] : []));
        fc.pre(assessed.length > 0);
        const target = assessed[pick % assessed.length] ?? 0;
        const raised: WorkplaceProfile = {
          ...profile,
          requirements: profile.requirements.map((r, index) =>
            index === target && r.statuses[0] ? { ...r, statuses: [RAISED[r.statuses[0]]] } : r,
          ),
        };
        const [before] = computeFulfilment(profile);
        const [after] = computeFulfilment(raised);
        const dimension = profile.requirements[target]?.dimension ?? "hybrid";
        expect(after?.byDimension[dimension].value ?? 0).toBeGreaterThanOrEqual(
          before?.byDimension[dimension].value ?? 0,
        );
        expect(after?.overall.value ?? 0).toBeGreaterThanOrEqual(before?.overall.value ?? 0);
        expect(after?.gapTotal ?? 0).toBeLessThanOrEqual(before?.gapTotal ?? 0);
      }),
    );
  });

  it("respects the weights: a Muss counts as three Kann, a Soll as two, with the same status", () => {
    fc.assert(
      fc.property(profileArbitrary(2), (profile) => {
        const expanded: WorkplaceProfile = {
          ...profile,
          requirements: profile.requirements.flatMap((r) =>
            Array.from({ length: OBLIGATION_WEIGHTS[r.obligation] }, (_, copy) => ({
              ...r,
              id: `${r.id}.${copy}`,
              obligation: "may" as const,
            })),
          ),
        };
        const original = computeFulfilment(profile);
        const asKann = computeFulfilment(expanded);
        original.forEach((town, index) => {
          expect(asKann[index]?.overall.value).toBe(town.overall.value);
          for (const d of DIMENSION_KEYS) expect(asKann[index]?.byDimension[d].value).toBe(town.byDimension[d].value);
        });
      }),
    );
  });

  it("equals Σ weight × value / Σ weight over the assessed requirements", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ obligation: fc.constantFrom(...OBLIGATIONS), status: statusArbitrary }), {
          maxLength: 30,
        }),
        (items) => {
          const assessed = items.flatMap((item) => (item.status === null ? [] : [{ ...item, status: item.status }]));
          const weights = assessed.reduce((sum, item) => sum + OBLIGATION_WEIGHTS[item.obligation], 0);
          const points = assessed.reduce(
            (sum, item) => sum + OBLIGATION_WEIGHTS[item.obligation] * STATUS_VALUES[item.status],
            0,
          );
          const result = fulfilmentOf(items.map((item) => ({ requirement: item, status: item.status })));
          expect(result.value).toBe(weights === 0 ? null : points / weights);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateCosts } from "./allocateCosts.js";
import { AllocationInputError } from "./AllocationInputError.js";
import { splitByLargestRemainder } from "./largestRemainder.js";
import type { AllocationKey, CostItem, CostModel, KeyValueField, MixedWeights, Overhead, Town } from "./model.js";
import { validateCostModel } from "./validateCostModel.js";

/** The demo partnership (illustrative populations). */
const demoTowns: Town[] = [
  { name: "Zschorlau", population: 5300, cases: 10, isHost: true },
  { name: "Schönheide", population: 4600, cases: 0 },
  { name: "Stützengrün", population: 3300, cases: 3 },
  { name: "Bockau", population: 2000, cases: 7 },
];

const centsOf = (shares: readonly { cents: number }[]): number[] => shares.map((share) => share.cents);

describe("allocateCosts", () => {
  const model: CostModel = {
    towns: demoTowns,
    items: [
      { name: "Sachkosten", key: "equal", amount: 100 },
      { name: "Personalkosten", key: "population", amount: 12345.67 },
      { name: "Gebäude", key: "mixed", amount: 10000, mixedWeights: { equal: 30, population: 70 } },
      { name: "Vergabeverfahren", key: "flatFeePerCase", flatFeePerCase: 12.5 },
    ],
    overhead: { percent: 5, key: "population" },
  };

  it("splits every item by its key, cent-exact (hand-computed)", () => {
    const allocation = allocateCosts(model);
    const [equal, population, mixed, flatFee] = allocation.items;
    // 10 000 / 4 = 2 500 each, no remainder
    expect(centsOf(equal!.shares)).toEqual([2500, 2500, 2500, 2500]);
    // see largestRemainder.test.ts: remainders 300 / 14 600 / 15 100 / 400, R = 2
    expect(centsOf(population!.shares)).toEqual([430474, 373619, 268031, 162443]);
    // parts: 30 % = 300 000 (75 000 each), 70 % = 700 000 by population:
    // bases 244 078 / 211 842 / 151 973 / 92 105 (Σ 699 998), remainders 14 400 / 1 600 / 10 400 / 4 000 → Z and St +1
    expect(mixed!.parts?.map((part) => [part.key, part.amountCents])).toEqual([
      ["equal", 300000],
      ["population", 700000],
    ]);
    expect(centsOf(mixed!.parts![1]!.shares)).toEqual([244079, 211842, 151974, 92105]);
    expect(centsOf(mixed!.shares)).toEqual([319079, 286842, 226974, 167105]);
    // 1 250 cents × cases 10 / 0 / 3 / 7; the total is what the fees sum to
    expect(centsOf(flatFee!.shares)).toEqual([12500, 0, 3750, 8750]);
    expect(flatFee!.amountCents).toBe(25000);
  });

  it("adds the overhead as ROUND(5 % of the items) split by its key", () => {
    const { overhead } = allocateCosts(model);
    // S = 10 000 + 1 234 567 + 1 000 000 + 25 000 = 2 269 567; 5 % = 113 478.35 → 113 478
    expect(overhead).toMatchObject({
      name: "Verwaltungskostenpauschale",
      percent: 5,
      baseCents: 2269567,
      amountCents: 113478,
    });
    // 113 478 × w / 15 200: bases 39 567 / 34 342 / 24 636 / 14 931, remainders 15 000 / 400 / 10 200 / 4 800
    expect(centsOf(overhead!.shares)).toEqual([39568, 34342, 24637, 14931]);
  });

  it("rounds the overhead half away from zero", () => {
    const overheadOf = (amount: number, percent: number) =>
      allocateCosts({
        towns: demoTowns,
        items: [{ name: "x", key: "equal", amount }],
        overhead: { percent, key: "equal" },
      }).overhead?.amountCents;
    expect(overheadOf(100.1, 5)).toBe(501); // 500.5 → 501
    expect(overheadOf(100.09, 5)).toBe(500); // 500.45 → 500
    expect(overheadOf(100, 2.5)).toBe(250);
    expect(overheadOf(0.01, 49.99)).toBe(0); // 0.4999 → 0
    expect(overheadOf(0.01, 50)).toBe(1); // 0.5 → 1
  });

  it("totals each town, with its share of the total, and plans four advances per town", () => {
    const allocation = allocateCosts(model);
    expect(allocation.totals.map((total) => [total.town, total.cents])).toEqual([
      ["Zschorlau", 804121],
      ["Schönheide", 697303],
      ["Stützengrün", 525892],
      ["Bockau", 355729],
    ]);
    expect(allocation.totalCents).toBe(2383045);
    expect(allocation.totals[0]!.shareOfTotal).toBe(804121 / 2383045);
    expect(allocation.advances.map((advance) => advance.quarters)).toEqual([
      [201031, 201030, 201030, 201030],
      [174326, 174326, 174326, 174325],
      [131473, 131473, 131473, 131473],
      [88933, 88932, 88932, 88932],
    ]);
    expect(allocation.trueUp).toBeUndefined();
    expect(allocation.actual).toBeUndefined();
  });

  it("splits by fixed percentages, workplaces and FTE shares (hundredths)", () => {
    const towns: Town[] = [
      { name: "A", population: 1, fixedPercent: 33.33, workplaces: 3, fteShare: 0.75 },
      { name: "B", population: 1, fixedPercent: 33.33, workplaces: 0, fteShare: 1.25 },
      { name: "C", population: 1, fixedPercent: 33.34, workplaces: 1, fteShare: 0 },
    ];
    const allocation = allocateCosts({
      towns,
      items: [
        { name: "fest", key: "fixedPercent", amount: 100 }, // 3 333 / 3 333 / 3 334
        { name: "AP", key: "workplaces", amount: 0.01 }, // 1 cent: A has the larger remainder (3 > 1)
        { name: "VZÄ", key: "fteShare", amount: 10 }, // weights 75 / 125 / 0: 375 / 625 / 0
      ],
    });
    expect(allocation.items.map((item) => centsOf(item.shares))).toEqual([
      [3333, 3333, 3334],
      [1, 0, 0],
      [375, 625, 0],
    ]);
  });

  it("gives the whole amount to a single town", () => {
    const allocation = allocateCosts({
      towns: [{ name: "Bockau", population: 2000 }],
      items: [{ name: "x", key: "population", amount: 999.99 }],
    });
    expect(allocation.totals).toEqual([{ town: "Bockau", cents: 99999, shareOfTotal: 1 }]);
    expect(allocation.advances[0]!.quarters).toEqual([25000, 25000, 25000, 24999]);
  });

  it("trues up with actual key values and amounts: back-payment positive, refund negative", () => {
    const allocation = allocateCosts({
      towns: [
        { name: "A", population: 1, cases: 1, actual: { cases: 3 } },
        { name: "B", population: 1, cases: 1, actual: { cases: 1 } },
      ],
      items: [
        { name: "Grundkosten", key: "equal", amount: 100, actualAmount: 110 },
        { name: "Fallkosten", key: "cases", amount: 200 },
      ],
    });
    // plan: 50 + 100 = 150 € each; actual: A 55 + 150 = 205 €, B 55 + 50 = 105 €
    expect(allocation.trueUp).toEqual([
      { town: "A", planCents: 15000, actualCents: 20500, differenceCents: 5500 },
      { town: "B", planCents: 15000, actualCents: 10500, differenceCents: -4500 },
    ]);
    expect(allocation.actual?.totalCents).toBe(31000);
    // advances come from the plan
    expect(allocation.advances.map((advance) => advance.quarters)).toEqual([
      [3750, 3750, 3750, 3750],
      [3750, 3750, 3750, 3750],
    ]);
  });

  it("uses actual cases for flat fees and the actual item sum for the overhead", () => {
    const allocation = allocateCosts({
      towns: [
        { name: "A", cases: 2, actual: { cases: 4 } },
        { name: "B", cases: 2 },
      ],
      items: [{ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 10 }],
      overhead: { percent: 10, key: "equal" },
    });
    expect(allocation.overhead?.amountCents).toBe(400); // 10 % of 4 000
    expect(allocation.actual?.overhead?.amountCents).toBe(600); // 10 % of 6 000
    expect(allocation.trueUp?.map((t) => t.differenceCents)).toEqual([2000 + 100, 100]);
  });

  it("throws AllocationInputError with the issues for a model validation rejects", () => {
    const invalid: CostModel = {
      towns: [{ name: "A", population: 0 }],
      items: [{ name: "x", key: "population", amount: -1 }],
    };
    expect(() => allocateCosts(invalid)).toThrow(AllocationInputError);
    try {
      allocateCosts(invalid);
    } catch (error) {
      expect(error).toBeInstanceOf(AllocationInputError);
      expect((error as AllocationInputError).issues.map((issue) => issue.code)).toEqual([
        "costModel.value.negative",
        "costModel.key.allZero",
      ]);
    }
  });

  it("still computes, exactly, beyond the sheet's exact range (a warning only)", () => {
    const big: CostModel = { towns: demoTowns, items: [{ name: "groß", key: "population", amount: 1_000_000_000 }] };
    expect(validateCostModel(big).map((issue) => [issue.severity, issue.code])).toEqual([
      ["warning", "costModel.limit.sheetPrecision"],
    ]);
    const allocation = allocateCosts(big);
    expect(allocation.items[0]!.shares.reduce((sum, share) => sum + share.cents, 0)).toBe(100_000_000_000);
  });
});

// --- properties ----------------------------------------------------------------------------------

const SINGLE_KEYS = ["equal", "population", "cases", "workplaces", "fteShare", "fixedPercent"] as const;
const VALUE_KEYS: readonly KeyValueField[] = ["population", "cases", "workplaces", "fteShare", "fixedPercent"];

/** Euros with cents: 0, small, or up to 10⁹ €. */
const eurosArbitrary = fc
  .oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000_000_000 }))
  .map((cents) => cents / 100);

/** Hundredths that sum to 10 000, as percentages (e.g. 33.33 + 33.33 + 33.34). */
const percentagesArbitrary = (length: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })), { minLength: length, maxLength: length })
    .map((weights) => (weights.some((w) => w > 0) ? weights : weights.map((_, i) => (i === 0 ? 1 : 0))))
    .map((weights) => splitByLargestRemainder(10000, weights).map((hundredths) => hundredths / 100));

const mixedWeightsArbitrary: fc.Arbitrary<MixedWeights> = percentagesArbitrary(5).map(
  ([equal, population, cases, workplaces, fteShare]) => ({
    equal: equal ?? 0,
    population: population ?? 0,
    cases: cases ?? 0,
    workplaces: workplaces ?? 0,
    fteShare: fteShare ?? 0,
  }),
);

const countArbitrary = (max: number) =>
  fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max }));

const townValuesArbitrary = fc.record({
  population: countArbitrary(20000),
  cases: countArbitrary(5000),
  workplaces: countArbitrary(60),
  fteShare: countArbitrary(2000).map((hundredths) => hundredths / 100),
});

const itemArbitraryWith = (euros: fc.Arbitrary<number>): fc.Arbitrary<CostItem> =>
  fc.oneof(
    fc.record({
      name: fc.constant("single"),
      key: fc.constantFrom<AllocationKey>(...SINGLE_KEYS),
      amount: euros,
    }),
    fc.record({
      name: fc.constant("mixed"),
      key: fc.constant<AllocationKey>("mixed"),
      amount: euros,
      mixedWeights: mixedWeightsArbitrary,
    }),
    fc.record({
      name: fc.constant("fee"),
      key: fc.constant<AllocationKey>("flatFeePerCase"),
      flatFeePerCase: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
    }),
  );

const overheadArbitrary: fc.Arbitrary<Overhead | undefined> = fc.option(
  fc.oneof(
    fc.record({
      percent: fc.integer({ min: 0, max: 2500 }).map((h) => h / 100),
      key: fc.constantFrom<AllocationKey>(...SINGLE_KEYS),
    }),
    fc.record({
      percent: fc.integer({ min: 0, max: 2500 }).map((h) => h / 100),
      key: fc.constant<AllocationKey>("mixed"),
      mixedWeights: mixedWeightsArbitrary,
    }),
  ),
  { nil: undefined },
);

/**
 * Valid models: `townCount` towns (1–50 by default) with zeros and ties, one town (`anchor`) with
 * every count ≥ 1 so no key is all zero; item amounts from `euros`.
 */
const modelArbitraryWith = (
  townCount: fc.Arbitrary<number> = fc.integer({ min: 1, max: 50 }),
  euros: fc.Arbitrary<number> = eurosArbitrary,
): fc.Arbitrary<CostModel> =>
  townCount
    .chain((count) =>
      fc.record({
        values: fc.array(townValuesArbitrary, { minLength: count, maxLength: count }),
        actualValues: fc.option(
          fc.array(fc.option(townValuesArbitrary, { nil: undefined }), { minLength: count, maxLength: count }),
          { nil: undefined },
        ),
        fixedPercent: percentagesArbitrary(count),
        anchor: fc.integer({ min: 0, max: count - 1 }),
        items: fc.array(itemArbitraryWith(euros), { minLength: 1, maxLength: 6 }),
        actualAmounts: fc.array(fc.option(euros, { nil: undefined }), { minLength: 6, maxLength: 6 }),
        overhead: overheadArbitrary,
      }),
    )
    .map(({ values, actualValues, fixedPercent, anchor, items, actualAmounts, overhead }) => {
      const atLeastOne = (v: (typeof values)[number], index: number) =>
        index === anchor
          ? {
              population: Math.max(1, v.population),
              cases: Math.max(1, v.cases),
              workplaces: Math.max(1, v.workplaces),
              fteShare: Math.max(1, v.fteShare),
            }
          : v;
      const towns: Town[] = values.map((v, index) => {
        const actual = actualValues?.[index];
        return {
          name: `Kommune ${index + 1}`,
          ...atLeastOne(v, index),
          fixedPercent: fixedPercent[index] ?? 0,
          ...(actual ? { actual: atLeastOne(actual, index) } : {}),
        };
      });
      const withActuals = actualValues !== undefined;
      return {
        towns,
        items: items.map((item, index) => {
          const actualAmount = actualAmounts[index];
          return withActuals && actualAmount !== undefined && item.key !== "flatFeePerCase"
            ? { ...item, actualAmount }
            : item;
        }),
        overhead,
      };
    });

const modelArbitrary = modelArbitraryWith();

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe("allocateCosts (properties)", () => {
  it("accepts every generated model: no errors from validation", () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        expect(validateCostModel(model).filter((issue) => issue.severity === "error")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("splits every item exactly, never negative, zero key value → zero share; totals, advances and true-up add up", () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const allocation = allocateCosts(model);
        const matrices = allocation.actual
          ? [
              { scenario: "plan", m: allocation },
              { scenario: "actual", m: allocation.actual },
            ]
          : [{ scenario: "plan", m: allocation }];
        for (const { scenario, m } of matrices) {
          const valueOf = (town: Town, field: KeyValueField): number =>
            (scenario === "actual" ? (town.actual?.[field] ?? town[field]) : town[field]) ?? 0;
          const rows = m.overhead ? [...m.items, m.overhead] : m.items;
          for (const row of rows) {
            expect(row.shares).toHaveLength(model.towns.length);
            expect(sum(centsOf(row.shares))).toBe(row.amountCents);
            for (const share of row.shares) {
              expect(share.cents).toBeGreaterThanOrEqual(0);
              expect(Number.isSafeInteger(share.cents)).toBe(true);
            }
            if ((VALUE_KEYS as readonly string[]).includes(row.key)) {
              row.shares.forEach((share, index) => {
                if (valueOf(model.towns[index]!, row.key as KeyValueField) === 0) expect(share.cents).toBe(0);
              });
            }
            if (row.key === "flatFeePerCase") {
              row.shares.forEach((share, index) => {
                if (valueOf(model.towns[index]!, "cases") === 0) expect(share.cents).toBe(0);
              });
            }
            for (const part of row.parts ?? []) {
              expect(sum(centsOf(part.shares))).toBe(part.amountCents);
              if (part.key !== "equal") {
                part.shares.forEach((share, index) => {
                  if (valueOf(model.towns[index]!, part.key as KeyValueField) === 0) expect(share.cents).toBe(0);
                });
              }
            }
            if (row.parts) {
              expect(sum(row.parts.map((part) => part.amountCents))).toBe(row.amountCents);
              row.shares.forEach((share, index) =>
                expect(sum(row.parts!.map((part) => part.shares[index]!.cents))).toBe(share.cents),
              );
            }
          }
          expect(sum(centsOf(m.totals))).toBe(m.totalCents);
          expect(m.totalCents).toBe(sum(rows.map((row) => row.amountCents)));
        }
        allocation.advances.forEach((advance, index) => {
          const annual = allocation.totals[index]!.cents;
          expect(sum(advance.quarters)).toBe(annual);
          expect(Math.max(...advance.quarters) - Math.min(...advance.quarters)).toBeLessThanOrEqual(1);
          for (let q = 1; q < 4; q++) expect(advance.quarters[q - 1]!).toBeGreaterThanOrEqual(advance.quarters[q]!);
        });
        if (allocation.trueUp) {
          expect(sum(allocation.trueUp.map((t) => t.differenceCents))).toBe(
            allocation.actual!.totalCents - allocation.totalCents,
          );
          allocation.trueUp.forEach((t) => expect(t.differenceCents).toBe(t.actualCents - t.planCents));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a town's share when the towns are listed in reverse, unless its remainder ties another's", () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const singleItems = model.items.filter((item) => (SINGLE_KEYS as readonly string[]).includes(item.key));
        const forward = allocateCosts({ towns: model.towns, items: singleItems });
        const reversed = allocateCosts({ towns: [...model.towns].reverse(), items: singleItems });
        forward.items.forEach((row, itemIndex) => {
          const reversedShares = new Map(reversed.items[itemIndex]!.shares.map((share) => [share.town, share.cents]));
          const field = row.key === "equal" ? undefined : (row.key as KeyValueField);
          const weights = model.towns.map((town) =>
            field === undefined
              ? 1
              : Math.round((town[field] ?? 0) * (field === "fteShare" || field === "fixedPercent" ? 100 : 1)),
          );
          const total = weights.reduce((a, b) => a + BigInt(b), 0n);
          const remainders = weights.map((w) => (BigInt(row.amountCents) * BigInt(w)) % total);
          row.shares.forEach((share, index) => {
            const r = remainders[index]!;
            const tied = r > 0n && remainders.some((other, j) => j !== index && other === r);
            const after = reversedShares.get(share.town)!;
            if (tied) expect(Math.abs(after - share.cents)).toBeLessThanOrEqual(1);
            else expect(after).toBe(share.cents);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("allocateCosts (properties at the edges)", () => {
  /** Checks what every allocation must satisfy: exact items, totals, and advances that sum to the annual share. */
  const expectConsistent = (model: CostModel): void => {
    expect(validateCostModel(model).filter((issue) => issue.severity === "error")).toEqual([]);
    const allocation = allocateCosts(model);
    const rows = allocation.overhead ? [...allocation.items, allocation.overhead] : allocation.items;
    for (const row of rows) {
      expect(row.shares).toHaveLength(model.towns.length);
      expect(sum(centsOf(row.shares))).toBe(row.amountCents);
      for (const share of row.shares) expect(share.cents).toBeGreaterThanOrEqual(0);
    }
    expect(sum(centsOf(allocation.totals))).toBe(allocation.totalCents);
    allocation.advances.forEach((advance, index) => {
      expect(advance.town).toBe(allocation.totals[index]!.town);
      expect(sum(advance.quarters)).toBe(allocation.totals[index]!.cents);
    });
  };

  it("splits exactly among 50 towns", () => {
    fc.assert(
      fc.property(modelArbitraryWith(fc.constant(50)), (model) => {
        expect(model.towns).toHaveLength(50);
        expectConsistent(model);
      }),
      { numRuns: 40 },
    );
  });

  it("gives everything to a single town", () => {
    fc.assert(
      fc.property(modelArbitraryWith(fc.constant(1)), (model) => {
        expectConsistent(model);
        const allocation = allocateCosts(model);
        for (const row of allocation.overhead ? [...allocation.items, allocation.overhead] : allocation.items)
          expect(centsOf(row.shares)).toEqual([row.amountCents]);
        expect(allocation.totals[0]!.cents).toBe(allocation.totalCents);
      }),
      { numRuns: 100 },
    );
  });

  it("splits amounts of exactly 0,01 € and 1 000 000 000 € to the cent; one cent goes to the largest weight, a tie to the town listed first", () => {
    fc.assert(
      fc.property(modelArbitraryWith(undefined, fc.constantFrom(0.01, 1_000_000_000)), (model) => {
        expectConsistent(model);
        const allocation = allocateCosts({ towns: model.towns, items: model.items });
        allocation.items.forEach((row, index) => {
          const item = model.items[index]!;
          if (item.key === "flatFeePerCase") return;
          expect(row.amountCents).toBe(item.amount === 0.01 ? 1 : 100_000_000_000);
          if (row.amountCents !== 1 || item.key === "mixed") return;
          // A = 1: every remainder is the town's weight, so the cent goes to the first town with the largest weight
          const field = item.key === "equal" ? undefined : item.key;
          const weights = model.towns.map((town) =>
            field === undefined
              ? 1
              : Math.round((town[field] ?? 0) * (field === "fteShare" || field === "fixedPercent" ? 100 : 1)),
          );
          const winner = weights.indexOf(Math.max(...weights));
          expect(centsOf(row.shares)).toEqual(weights.map((_, town) => (town === winner ? 1 : 0)));
        });
      }),
      { numRuns: 100 },
    );
  });

  it("does not depend on the names of towns and items", () => {
    const renamed = fc
      .tuple(
        modelArbitrary,
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.array(fc.string({ maxLength: 12 }), { minLength: 6, maxLength: 6 }),
      )
      .map(([model, prefix, itemNames]) => ({
        model,
        renamed: {
          ...model,
          // unique whatever the prefix: the suffix differs
          towns: model.towns.map((town, index) => ({ ...town, name: `${prefix}#${index}` })),
          items: model.items.map((item, index) => ({ ...item, name: itemNames[index] ?? "" })),
        },
      }));
    fc.assert(
      fc.property(renamed, ({ model, renamed }) => {
        const before = allocateCosts(model);
        const after = allocateCosts(renamed);
        const cents = (allocation: typeof before) => ({
          items: allocation.items.map((row) => centsOf(row.shares)),
          overhead: allocation.overhead ? centsOf(allocation.overhead.shares) : undefined,
          totals: centsOf(allocation.totals),
          advances: allocation.advances.map((advance) => advance.quarters),
          trueUp: allocation.trueUp?.map((t) => t.differenceCents),
        });
        expect(cents(after)).toEqual(cents(before));
      }),
      { numRuns: 100 },
    );
  });

  it("gives each item the same shares whatever the order of the items", () => {
    const reordered = modelArbitrary.chain((model) =>
      fc
        .shuffledSubarray(
          model.items.map((_, index) => index),
          { minLength: model.items.length, maxLength: model.items.length },
        )
        .map((order) => ({ model, order })),
    );
    fc.assert(
      fc.property(reordered, ({ model, order }) => {
        const before = allocateCosts(model);
        const after = allocateCosts({ ...model, items: order.map((index) => model.items[index]!) });
        order.forEach((from, to) =>
          expect(centsOf(after.items[to]!.shares)).toEqual(centsOf(before.items[from]!.shares)),
        );
        expect(after.overhead?.amountCents).toBe(before.overhead?.amountCents);
        expect(after.overhead && centsOf(after.overhead.shares)).toEqual(
          before.overhead && centsOf(before.overhead.shares),
        );
        expect(centsOf(after.totals)).toEqual(centsOf(before.totals));
      }),
      { numRuns: 100 },
    );
  });
});

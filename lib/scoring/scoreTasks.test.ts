import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify, scoreTasks, thresholdProblem, type WeightedCriterion } from "./scoreTasks.js";

const criteria: WeightedCriterion[] = [
  { key: "fte", kind: "measured", weight: 2 },
  { key: "cases", kind: "measured", weight: 1 },
  { key: "strategic", kind: "rated", weight: 1 },
];
const thresholds = { classA: 66, classB: 33 };

describe("scoreTasks", () => {
  it("normalises measured values by the town's maximum and ratings by 3", () => {
    const [a, b] = scoreTasks(
      [{ values: { fte: 2, cases: 100, strategic: 3 } }, { values: { fte: 1, cases: 0, strategic: 0 } }],
      criteria,
      thresholds,
    );
    expect(a?.score).toBe(100);
    // 100 · (2·0.5 + 1·0 + 1·0) / 4 = 25
    expect(b?.score).toBe(25);
    expect([a?.rank, b?.rank]).toEqual([1, 2]);
    expect([a?.class, b?.class]).toEqual(["A", "C"]);
  });

  it("counts a measured criterion as 0 when the whole town has 0 there", () => {
    const [only] = scoreTasks([{ values: { fte: 0, cases: 0, strategic: 3 } }], criteria, thresholds);
    expect(only?.score).toBe(25);
  });

  it("gives equal scores the same rank and skips the next ranks", () => {
    const ranked = scoreTasks(
      [
        { values: { strategic: 3 } },
        { values: { strategic: 1 } },
        { values: { strategic: 3 } },
        { values: { strategic: 0 } },
      ],
      criteria,
      thresholds,
    );
    expect(ranked.map((t) => t.rank)).toEqual([1, 3, 1, 4]);
  });

  it("refuses weights that sum to 0", () => {
    expect(() =>
      scoreTasks(
        [],
        criteria.map((c) => ({ ...c, weight: 0 })),
        thresholds,
      ),
    ).toThrow(RangeError);
  });

  it("classifies on the thresholds inclusively", () => {
    expect(classify(66, thresholds)).toBe("A");
    expect(classify(65.999999999, thresholds)).toBe("B");
    expect(classify(33, thresholds)).toBe("B");
    expect(classify(0, thresholds)).toBe("C");
  });

  const values = fc.record({
    fte: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }),
    cases: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    strategic: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  });
  const weights = fc
    .tuple(
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0.01, max: 10, noNaN: true }),
    )
    .map(([w1, w2, w3]) => criteria.map((c, i) => ({ ...c, weight: [w1, w2, w3][i] ?? 1 })));

  it("keeps every score within 0–100 (property)", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 40 }), weights, (rows, ws) => {
        for (const t of scoreTasks(
          rows.map((v) => ({ values: v })),
          ws,
          thresholds,
        )) {
          expect(t.score).toBeGreaterThanOrEqual(0);
          expect(t.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("never lowers a task's score when one of its ratings rises (property)", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 20 }), weights, fc.nat(), (rows, ws, pick) => {
        const index = pick % rows.length;
        const row = rows[index];
        if (!row || (row.strategic ?? 0) >= 3) return;
        const before =
          scoreTasks(
            rows.map((v) => ({ values: v })),
            ws,
            thresholds,
          )[index]?.score ?? 0;
        const raised = rows.map((v, i) => ({ values: i === index ? { ...v, strategic: (v.strategic ?? 0) + 1 } : v }));
        const after = scoreTasks(raised, ws, thresholds)[index]?.score ?? 0;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("ranks consistently with scores (property)", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 40 }), weights, (rows, ws) => {
        const scored = scoreTasks(
          rows.map((v) => ({ values: v })),
          ws,
          thresholds,
        );
        for (const t of scored) {
          expect(t.rank).toBe(1 + scored.filter((o) => o.score > t.score).length);
        }
      }),
    );
  });
});

describe("thresholdProblem", () => {
  it.each([
    [66, null],
    [0, null],
    [1, null],
    [100, null],
    [33.5, null],
    [0.66, "percent"],
    [0.5, "percent"],
    [0.999, "percent"],
    [-1, "outOfRange"],
    [100.5, "outOfRange"],
    ["66", "notANumber"],
    [null, "notANumber"],
    [Number.NaN, "notANumber"],
  ] as const)("%s → %s", (value, expected) => {
    expect(thresholdProblem(value)).toBe(expected);
  });
});

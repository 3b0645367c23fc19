import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMatrix, matrixCell } from "./computeMatrix.js";
import { INNER_ELEMENTS, PESTEL_FACTORS } from "./model.js";
import { scoreTheme } from "./scoreTheme.js";
import { themeArbitrary, themesArbitrary, thresholdArbitrary } from "../testing/pestelArbitraries.js";
import { pestelTheme } from "../testing/pestelTheme.js";

describe("computeMatrix", () => {
  it("counts themes, takes the highest score and counts hot spots per factor × element", () => {
    const matrix = computeMatrix(
      [
        pestelTheme("technological", "resources", 3, 3),
        pestelTheme("technological", "resources", 2, 1),
        pestelTheme("technological", "resources", null, 3),
        pestelTheme("social", "staff", 1, 1),
        pestelTheme(null, "staff", 3, 3),
      ],
      6,
    );
    expect(matrixCell(matrix, "technological", "resources")).toMatchObject({ count: 3, maxScore: 9, hotSpots: 1 });
    expect(matrixCell(matrix, "social", "staff")).toMatchObject({ count: 1, maxScore: 1, hotSpots: 0 });
    expect(matrixCell(matrix, "legal", "products")).toMatchObject({ count: 0, maxScore: null, hotSpots: 0 });
    expect(matrix.totals.find((t) => t.element === "staff")).toEqual({
      element: "staff",
      count: 1,
      maxScore: 1,
      hotSpots: 0,
    });
    expect(matrix.cells).toHaveLength(24);
  });

  it("gives a field without a rated theme no highest score, even when it has themes", () => {
    const matrix = computeMatrix(
      [pestelTheme("legal", "staff", null, null), pestelTheme("legal", "staff", 2, null)],
      6,
    );
    expect(matrixCell(matrix, "legal", "staff")).toMatchObject({ count: 2, maxScore: null, hotSpots: 0 });
  });

  it("agrees with a brute-force count for any long form and threshold", () => {
    fc.assert(
      fc.property(themesArbitrary, thresholdArbitrary, (themes, threshold) => {
        const matrix = computeMatrix(themes, threshold);
        for (const factor of PESTEL_FACTORS) {
          for (const element of INNER_ELEMENTS) {
            const mine = themes.filter((t) => t.factor === factor && t.element === element);
            const scores = mine.map((t) => scoreTheme(t.impact, t.room)).filter((s): s is number => s !== null);
            expect(matrixCell(matrix, factor, element)).toEqual({
              factor,
              element,
              count: mine.length,
              maxScore: scores.length === 0 ? null : Math.max(...scores),
              hotSpots: scores.filter((s) => s >= threshold).length,
            });
          }
        }
        const placed = themes.filter((t) => t.factor !== null && t.element !== null).length;
        expect(matrix.totals.reduce((sum, t) => sum + t.count, 0)).toBe(placed);
      }),
    );
  });

  it("does not depend on the order of the rows, and one more theme never lowers its field", () => {
    fc.assert(
      fc.property(
        themesArbitrary,
        themeArbitrary,
        thresholdArbitrary,
        fc.integer(),
        (themes, extra, threshold, seed) => {
          const before = computeMatrix(themes, threshold);
          const shuffled = [...themes].sort((a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101));
          expect(computeMatrix(shuffled, threshold)).toEqual(before);
          if (extra.factor === null || extra.element === null) return;
          const after = matrixCell(computeMatrix([...themes, extra], threshold), extra.factor, extra.element);
          const was = matrixCell(before, extra.factor, extra.element);
          expect(after.count).toBe(was.count + 1);
          expect((after.maxScore ?? -1) >= (was.maxScore ?? -1)).toBe(true);
          expect(after.hotSpots >= was.hotSpots).toBe(true);
        },
      ),
    );
  });
});

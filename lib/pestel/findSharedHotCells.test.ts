import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { themesArbitrary, thresholdArbitrary } from "../testing/pestelArbitraries.js";
import { pestelTheme } from "../testing/pestelTheme.js";
import { computeMatrix, matrixCell } from "./computeMatrix.js";
import { findSharedHotCells } from "./findSharedHotCells.js";

describe("findSharedHotCells", () => {
  it("lists fields hot in two or more towns, each town by its own threshold, most towns first", () => {
    const a = computeMatrix([pestelTheme("social", "staff", 3, 3), pestelTheme("legal", "staff", 2, 3)], 6);
    const b = computeMatrix([pestelTheme("social", "staff", 2, 3), pestelTheme("legal", "staff", 2, 2)], 4);
    const c = computeMatrix([pestelTheme("social", "staff", 3, 2), pestelTheme("legal", "staff", 3, 3)], 9);
    const shared = findSharedHotCells([
      { town: "A", matrix: a },
      { town: "B", matrix: b },
      { town: "C", matrix: c },
    ]);
    expect(shared).toEqual([
      {
        factor: "legal",
        element: "staff",
        towns: [
          { town: "A", maxScore: 6, hotSpots: 1 },
          { town: "B", maxScore: 4, hotSpots: 1 },
          { town: "C", maxScore: 9, hotSpots: 1 },
        ],
      },
      {
        factor: "social",
        element: "staff",
        towns: [
          { town: "A", maxScore: 9, hotSpots: 1 },
          { town: "B", maxScore: 6, hotSpots: 1 },
        ],
      },
    ]);
  });

  it("is complete and sound: exactly the fields with a hot spot in at least two towns", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(themesArbitrary, thresholdArbitrary), { minLength: 1, maxLength: 5 }), (towns) => {
        const matrices = towns.map(([themes, threshold], index) => ({
          town: `T${index}`,
          matrix: computeMatrix(themes, threshold),
        }));
        const shared = findSharedHotCells(matrices);
        const first = matrices[0]!.matrix;
        const expected = first.cells.filter(
          (cell) => matrices.filter((m) => matrixCell(m.matrix, cell.factor, cell.element).hotSpots > 0).length >= 2,
        );
        expect(shared.map((s) => `${s.factor}/${s.element}`).sort()).toEqual(
          expected.map((c) => `${c.factor}/${c.element}`).sort(),
        );
        for (let i = 1; i < shared.length; i++)
          expect(shared[i - 1]!.towns.length >= shared[i]!.towns.length).toBe(true);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PestelTheme } from "./model.js";
import { compareHotSpots, rankHotSpots } from "./rankHotSpots.js";
import { scoreThemes } from "./scoreTheme.js";
import { themesArbitrary, thresholdArbitrary } from "../testing/pestelArbitraries.js";

const theme = (
  row: number,
  factor: PestelTheme["factor"],
  element: PestelTheme["element"],
  text: string,
  impact: number,
  room: number,
): PestelTheme => ({
  factor,
  element,
  theme: text,
  impact,
  room,
  actionField: null,
  measures: [],
  owner: null,
  reviewDate: null,
  row,
});

describe("rankHotSpots", () => {
  it("orders by score, then impact, then factor and element order, then theme", () => {
    const ranked = rankHotSpots(
      scoreThemes(
        [
          theme(5, "legal", "staff", "B", 2, 3), // 6, impact 2
          theme(6, "political", "staff", "A", 3, 2), // 6, impact 3, political
          theme(7, "legal", "products", "Z", 3, 2), // 6, impact 3, legal × products
          theme(8, "legal", "staff", "Y", 3, 2), // 6, impact 3, legal × staff, Y
          theme(9, "legal", "staff", "X", 3, 2), // 6, impact 3, legal × staff, X
          theme(10, "economic", "resources", "9er", 3, 3), // 9
          theme(11, "social", "processes", "kalt", 1, 2), // 2: no hot spot
        ],
        6,
      ),
    );
    expect(ranked.map((t) => t.row)).toEqual([10, 6, 7, 9, 8, 5]);
  });

  it("returns exactly the hot spots, each pair in ranking order, stable for equal keys", () => {
    fc.assert(
      fc.property(themesArbitrary, thresholdArbitrary, (themes, threshold) => {
        const scored = scoreThemes(themes, threshold);
        const ranked = rankHotSpots(scored);
        expect(ranked.map((t) => t.row).sort((a, b) => a - b)).toEqual(scored.filter((t) => t.hot).map((t) => t.row));
        for (let i = 1; i < ranked.length; i++) {
          const order = compareHotSpots(ranked[i - 1]!, ranked[i]!);
          expect(order <= 0).toBe(true);
          if (order === 0) expect(ranked[i - 1]!.row < ranked[i]!.row).toBe(true);
        }
      }),
    );
  });
});

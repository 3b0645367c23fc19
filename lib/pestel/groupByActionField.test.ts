import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TEST_CATALOGUE, themesArbitrary, thresholdArbitrary } from "../testing/pestelArbitraries.js";
import { fieldsOfTheme, groupByActionField } from "./groupByActionField.js";
import type { PestelTheme } from "./model.js";
import { scoreThemes } from "./scoreTheme.js";

const theme = (
  row: number,
  actionField: PestelTheme["actionField"],
  measures: string[],
  impact = 3,
  room = 3,
): PestelTheme => ({
  factor: "technological",
  element: "resources",
  theme: `Thema ${row}`,
  impact,
  room,
  actionField,
  measures,
  owner: null,
  reviewDate: null,
  row,
});

describe("groupByActionField", () => {
  it("puts a theme in its own field, else in its measures' fields, else with measure 0 and the unassigned", () => {
    const groups = groupByActionField(
      scoreThemes(
        [theme(5, 2, ["4.1"]), theme(6, null, ["1.1", "3.2", "0"], 1, 1), theme(7, null, []), theme(8, null, ["0"])],
        6,
      ),
      TEST_CATALOGUE,
    );
    expect(groups.map((g) => g.field)).toEqual([1, 2, 3, 4, null]);
    expect(groups.map((g) => g.themes.map((t) => t.row))).toEqual([[6], [5], [6], [], [7, 8]]);
    // measures are listed under their own field, whoever links them
    expect(groups.map((g) => g.measures.map((m) => [m.measure.id, m.themes.map((t) => t.row), m.hotSpots]))).toEqual([
      [["1.1", [6], 0]],
      [],
      [["3.2", [6], 0]],
      [["4.1", [5], 1]],
      [["0", [8, 6], 1]],
    ]);
  });

  it("places every theme exactly in the groups its fields name, and lists only linked measures", () => {
    const byId = new Map(TEST_CATALOGUE.map((m) => [m.id, m]));
    fc.assert(
      fc.property(themesArbitrary, thresholdArbitrary, (themes, threshold) => {
        const groups = groupByActionField(scoreThemes(themes, threshold), TEST_CATALOGUE);
        expect(groups).toHaveLength(5);
        for (const t of themes) {
          const fields = fieldsOfTheme(t, byId);
          const expected = fields.length === 0 ? [null] : fields;
          const found = groups.filter((g) => g.themes.some((member) => member.row === t.row)).map((g) => g.field);
          expect(found).toEqual(expected);
        }
        for (const group of groups) {
          for (const linked of group.measures) {
            expect(linked.measure.field).toBe(group.field);
            expect(linked.themes.length).toBeGreaterThan(0);
            expect(linked.themes.every((t) => t.measures.includes(linked.measure.id))).toBe(true);
            expect(linked.hotSpots).toBe(linked.themes.filter((t) => t.hot).length);
          }
          const ids = group.measures.map((m) => m.measure.id);
          expect(ids).toEqual(TEST_CATALOGUE.map((m) => m.id).filter((id) => ids.includes(id)));
        }
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMeasureIds, splitMeasureIds } from "./measureIds.js";

const KNOWN = ["0", "1.1", "1.5", "2.1", "3.2", "4.2", "4.4"];
const known = (id: string): boolean => KNOWN.includes(id);

describe("parseMeasureIds", () => {
  it("reads ids separated by commas, semicolons or spaces, each once", () => {
    expect(splitMeasureIds(" 2.1,4.2; 0  1.1 ")).toEqual(["2.1", "4.2", "0", "1.1"]);
    expect(parseMeasureIds("2.1, 4.2; 2.1", known)).toEqual({ ids: ["2.1", "4.2"], problems: [] });
  });

  it("names unknown ids, a decimal comma and a date Excel made of an id", () => {
    expect(parseMeasureIds("2.1, 5.1, 3", known).problems).toEqual([
      { kind: "unknown", id: "5.1" },
      { kind: "unknown", id: "3" },
    ]);
    expect(parseMeasureIds("2,1", known)).toEqual({
      ids: [],
      problems: [{ kind: "decimalComma", text: "2,1", suggestion: "2.1" }],
    });
    expect(parseMeasureIds("01.01.2026", known)).toEqual({
      ids: [],
      problems: [{ kind: "date", text: "01.01.2026", suggestion: "1.1" }],
    });
    // „0,1“ is not a decimal comma for a known measure: read as the ids 0 and 1
    expect(parseMeasureIds("0,1", known)).toEqual({ ids: ["0"], problems: [{ kind: "unknown", id: "1" }] });
  });

  it("reads back any list of known ids joined by any separator", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...KNOWN), { maxLength: 6 }),
        fc.constantFrom(", ", ";", "; ", " ", ","),
        (ids, separator) => {
          const parsed = parseMeasureIds(ids.join(separator), known);
          expect(parsed.problems).toEqual([]);
          expect(parsed.ids).toEqual([...new Set(ids)]);
        },
      ),
    );
  });
});

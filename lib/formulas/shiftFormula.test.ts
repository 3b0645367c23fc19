import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftFormula } from "./shiftFormula.js";

describe("shiftFormula", () => {
  it.each([
    ["A1", 1, 0, "A2"],
    ["A1", 0, 1, "B1"],
    ["$A1+A$1+$A$1", 2, 2, "$A3+C$1+$A$1"],
    ["SUM(A$1:A1)*$B2", 3, 1, "SUM(B$1:B4)*$B5"],
    ["Sheet1!A1+'Other sheet'!B2", 1, 1, "Sheet1!B2+'Other sheet'!C3"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['"say ""A1"""&A1', 1, 0, '"say ""A1"""&A2'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["_xlfn.RANK.EQ(E7,E$7:E$506,0)", 1, 0, "_xlfn.RANK.EQ(E8,E$7:E$506,0)"],
    ["SUM(A:A)+SUM($B:C)", 0, 1, "SUM(B:B)+SUM($B:D)"],
    ["SUM(1:1)+SUM($2:3)", 1, 0, "SUM(2:2)+SUM($2:4)"],
    ["Table1[[#This Row],[A1]]+A1", 1, 0, "Table1[[#This Row],[A1]]+A2"],
    ["1E+5*A1+1.5", 1, 0, "1E+5*A2+1.5"],
    ["TRUE+FALSE+A1", 1, 0, "TRUE+FALSE+A2"],
    ["A1B+A1", 1, 0, "A1B+A2"],
    ["A1", -1, 0, "#REF!"],
    ["XFD1", 0, 1, "#REF!"],
    ['IF(A1>=2,"A","C")', 4, 0, 'IF(A5>=2,"A","C")'],
  ])("%s moved by (%i, %i) is %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });

  it("moving there and back gives the formula again", () => {
    const ref = fc
      .tuple(fc.boolean(), fc.integer({ min: 10, max: 200 }), fc.boolean(), fc.integer({ min: 10, max: 5000 }))
      .map(([absColumn, column, absRow, row]) => {
        let letters = "";
        for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        return `${absColumn ? "$" : ""}${letters}${absRow ? "$" : ""}${row}`;
      });
    const term = fc.oneof(
      ref,
      fc.tuple(ref, ref).map(([a, b]) => `SUM(${a}:${b})`),
      fc.constantFrom('"A1"', "LOG10(2)", "TRUE", "'Liste 1'!$A$2", "3.5"),
    );
    const formula = fc.array(term, { minLength: 1, maxLength: 6 }).map((terms) => terms.join("+"));
    fc.assert(
      fc.property(formula, fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (text, rows, columns) => {
        expect(shiftFormula(shiftFormula(text, rows, columns), -rows, -columns)).toBe(text);
      }),
    );
  });
});

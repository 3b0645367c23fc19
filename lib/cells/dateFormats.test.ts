import { describe, expect, it } from "vitest";
import { isDateFormat } from "./dateFormats.js";
import { serialToDate } from "./serialDates.js";

describe("isDateFormat", () => {
  it.each([
    ["dd.mm.yyyy", true],
    ["mm-dd-yy", true],
    ["[$-407]dd/mm/yyyy;@", true],
    ["d. mmmm yyyy", true],
    ["hh:mm", true],
    ["yyyy-mm-dd hh:mm:ss", true],
    ["[h]:mm", false],
    ["General", false],
    ["0.00", false],
    ['#,##0.00 "€"', false],
    ['0 "days"', false],
    ["0.00E+00", false],
    ["#,##0.00 [$€-407];[Red]-#,##0.00 [$€-407]", false],
    ["\\d0", false],
    [undefined, false],
  ])("%s → %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it("converts serials in both date systems", () => {
    expect(serialToDate(45429)).toEqual(new Date(Date.UTC(2024, 4, 17)));
    expect(serialToDate(45429.5)).toEqual(new Date(Date.UTC(2024, 4, 17, 12)));
    expect(serialToDate(43967, true)).toEqual(new Date(Date.UTC(2024, 4, 17)));
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMeasure } from "../../templates/reference/measures.js";
import { COOPERATION_FORMS, MEASURE_RULES, suggestMeasure } from "./suggestMeasure.js";

describe("suggestMeasure", () => {
  it.each([
    ["1112", "1.2", "agreement"], // Vergabe, personnel, IT: a central unit
    ["1116", "1.2", "agreement"],
    ["1111", "1.4", "workingGroup"], // council stays with each town
    ["1222", "1.4", "agreement"], // registry office district
    ["1260", "4.4", "procurement"], // fire brigade vehicles
    ["5210", "1.2", "agreement"], // joint building office
    ["5230", "1.3", "agreement"],
    ["5410", "4.1", "association"], // building yard
    ["5530", "1.4", "agreement"],
    ["5611", "1.3", "agreement"], // climate manager
    ["5111", "1.5", "workingGroup"],
    ["2720", "1.4", "workingGroup"], // library: no rule of its own
    ["99", "1.4", "workingGroup"],
  ])("maps %s to measure %s as %s", (code, measure, form) => {
    expect(suggestMeasure(code)).toMatchObject({ measure, form });
  });

  it("names only measures of the guideline's catalogue, and no prefix twice", () => {
    for (const rule of MEASURE_RULES) expect(findMeasure(rule.measure), rule.prefix).toBeDefined();
    expect(new Set(MEASURE_RULES.map((r) => r.prefix)).size).toBe(MEASURE_RULES.length);
  });

  it("suggests a catalogue measure for any code, from the longest rule that fits (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,8}$/), (code) => {
        const suggestion = suggestMeasure(code);
        expect(findMeasure(suggestion.measure)).toBeDefined();
        expect(COOPERATION_FORMS).toContain(suggestion.form);
        expect(code.startsWith(suggestion.rule)).toBe(true);
        for (const rule of MEASURE_RULES) {
          if (code.startsWith(rule.prefix)) expect(rule.prefix.length).toBeLessThanOrEqual(suggestion.rule.length);
        }
        // a longer code of the same product keeps the suggestion unless a rule names it
        const child = `${code}1`;
        if (!MEASURE_RULES.some((r) => r.prefix.length > code.length && child.startsWith(r.prefix)))
          expect(suggestMeasure(child)).toEqual(suggestion);
      }),
    );
  });
});

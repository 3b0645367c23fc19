import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePercent, percentIssue, type ParsedPercent, type PercentContext } from "./parsePercent.js";

const read = (input: number | string | null, context: PercentContext = {}) => {
  const parsed = parsePercent(input, context);
  return parsed.ok ? [parsed.percent, parsed.reading] : [parsed.code];
};

describe("parsePercent", () => {
  it.each<[number | string, number, string]>([
    [30, 30, "percentPoints"],
    [0, 0, "percentPoints"],
    [100, 100, "percentPoints"],
    [12.5, 12.5, "percentPoints"],
    ["30", 30, "percentPoints"],
    ["30 %", 30, "percentSign"],
    ["30%", 30, "percentSign"],
    ["30,5 %", 30.5, "percentSign"],
    ["30.5%", 30.5, "percentSign"],
    ["0,5 %", 0.5, "percentSign"],
    ["\u00A030\u00A0%\u00A0", 30, "percentSign"],
    ["+7 %", 7, "percentSign"],
  ])("reads %j as %d %% (%s)", (input, percent, reading) => {
    expect(read(input)).toEqual([percent, reading]);
  });

  it("reads numbers in a percent-formatted cell as fractions, without binary noise", () => {
    expect(read(0.3, { percentFormat: true })).toEqual([30, "percentFormat"]);
    expect(read(0.305, { percentFormat: true })).toEqual([30.5, "percentFormat"]);
    expect(read(1, { percentFormat: true })).toEqual([100, "percentFormat"]);
    expect(read("30 %", { percentFormat: true })).toEqual([30, "percentSign"]);
  });

  it("refuses a bare number between 0 and 1 without a group, as ambiguous", () => {
    const parsed = parsePercent(0.3);
    expect(parsed).toMatchObject({ ok: false, code: "percent.ambiguous", received: "0.3" });
    expect(!parsed.ok && parsed.message.de).toBe(
      "„0,3“ ist mehrdeutig: 0,3 % oder 30 %? Bitte mit Prozentzeichen eingeben (z. B. „30 %“) oder die Zelle als Prozent formatieren.",
    );
    expect(!parsed.ok && parsed.message.en).toBe(
      "“0.3” is ambiguous: 0.3 % or 30 %? Please type it with a percent sign (e.g. “30 %”) or format the cell as percent.",
    );
    expect(read(1)).toEqual(["percent.ambiguous"]);
    expect(read("0,3")).toEqual(["percent.ambiguous"]);
  });

  it("reads a bare number between 0 and 1 by its group: sum 1 → fractions, sum 100 → points", () => {
    expect(read(0.3, { sumsTo100With: [0.3, 0.7] })).toEqual([30, "fraction"]);
    expect(read(1, { sumsTo100With: [1, 0, null] })).toEqual([100, "fraction"]);
    expect(read(0.5, { sumsTo100With: [0.5, 99.5] })).toEqual([0.5, "percentPoints"]);
    expect(read(0.5, { sumsTo100With: ["50 %", 0.5] })).toEqual([50, "fraction"]);
    expect(read("0,25", { sumsTo100With: ["0,25", "0,75"] })).toEqual([25, "fraction"]);
    const parsed = parsePercent(0.3, { sumsTo100With: [0.3, 0.3] });
    expect(parsed).toMatchObject({ ok: false, code: "percent.ambiguous" });
    expect(!parsed.ok && parsed.message.de).toContain("Die Werte der Gruppe ergeben zusammen weder 100 noch 1.");
  });

  it("refuses text, blanks, negatives, values above 100 % and ambiguous separators, in German and English", () => {
    const refusals: [number | string | null, string][] = [
      ["abc", "percent.notANumber"],
      ["30 Prozent", "percent.notANumber"],
      [Number.NaN, "percent.notANumber"],
      ["", "percent.blank"],
      [null, "percent.blank"],
      [-5, "percent.negative"],
      ["-5 %", "percent.negative"],
      ["\u22125 %", "percent.negative"],
      [150, "percent.aboveHundred"],
      ["100,01 %", "percent.aboveHundred"],
      ["1.500", "percent.separatorAmbiguous"],
    ];
    for (const [input, code] of refusals) {
      const parsed = parsePercent(input);
      expect(parsed.ok, String(input)).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.code).toBe(code);
      expect(parsed.message.de.length).toBeGreaterThan(10);
      expect(parsed.message.en.length).toBeGreaterThan(10);
    }
    const above = parsePercent(1.5, { percentFormat: true }) as Extract<ParsedPercent, { ok: false }>;
    expect(above.message.de).toBe("Ein Prozentsatz darf höchstens 100 % sein (gefunden: „1,5“, gelesen als 150 %).");
    const text = parsePercent("abc") as Extract<ParsedPercent, { ok: false }>;
    expect(text.message.de).toBe("„abc“ ist kein Prozentwert. Erwartet z. B. 30, 30 % oder 30,5 %.");
  });

  it("turns a refusal into an issue at a path", () => {
    const parsed = parsePercent("abc") as Extract<ParsedPercent, { ok: false }>;
    expect(percentIssue(parsed, "towns[2].fixedPercent")).toMatchObject({
      severity: "error",
      code: "percent.notANumber",
      path: "towns[2].fixedPercent",
      received: '"abc"',
    });
  });

  it("reads every percentage with up to two decimals the same way typed with a sign, with a German comma, or as a percent-formatted fraction (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (hundredths) => {
        const percent = hundredths / 100;
        const german = `${String(percent).replace(".", ",")} %`;
        expect(parsePercent(german)).toEqual({ ok: true, percent, reading: "percentSign" });
        expect(parsePercent(`${percent}%`)).toEqual({ ok: true, percent, reading: "percentSign" });
        expect(parsePercent(percent / 100, { percentFormat: true })).toEqual({
          ok: true,
          percent,
          reading: "percentFormat",
        });
        if (percent > 1) expect(parsePercent(percent)).toEqual({ ok: true, percent, reading: "percentPoints" });
      }),
    );
  });
});

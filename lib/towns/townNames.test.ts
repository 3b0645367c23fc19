import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayTownName,
  findLikelyDuplicateTowns,
  MAX_LIKELY_PAIRS,
  normaliseTownName,
  townNameDistance,
  type TownMatchReason,
} from "./townNames.js";

const DEMO = ["Zschorlau", "Schönheide", "Stützengrün", "Bockau"];

/** [first name, second name, reason] of every pair found. */
const found = (...names: string[]): [string, string, TownMatchReason][] =>
  findLikelyDuplicateTowns(names.map((name, index) => ({ name, source: `f${index + 1}.xlsx` }))).map((pair) => [
    pair.first.name,
    pair.second.name,
    pair.reason,
  ]);

/** Town-like names: letters (with umlauts and ß), spaces, hyphens, dots, parentheses. */
const townName = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ -./()"), {
    minLength: 1,
    maxLength: 30,
  })
  .map((letters) => letters.join(""));

/** The same name as a user might paste it: other Unicode form, no-break spaces, tabs, case. */
const variantOf = (name: string, style: number): string => {
  switch (style % 6) {
    case 0:
      return name.normalize("NFD");
    case 1:
      return `\u00A0${name.replace(/ /g, "\u202F")}\u00A0`;
    case 2:
      return `\t${name.replace(/ /g, "  ")} `;
    case 3:
      return name.toUpperCase();
    case 4:
      return name.toLowerCase().normalize("NFD");
    default:
      return `${name}\u200B`;
  }
};

describe("normaliseTownName", () => {
  it("treats other Unicode forms, no-break spaces, tabs, doubled spaces and case as the same name", () => {
    const key = normaliseTownName("Schönheide");
    expect(key).toBe("schönheide");
    for (const spelling of ["Scho\u0308nheide", "SCHÖNHEIDE", " Schönheide\u00A0", "Schön\u00ADheide", "\tschönheide "])
      expect(normaliseTownName(spelling)).toBe(key);
    expect(normaliseTownName("Bad\u202FSchlema")).toBe(normaliseTownName("Bad  Schlema"));
    expect(normaliseTownName("Aue\u2011Bad Schlema")).toBe("aue-bad schlema");
    expect(normaliseTownName("GROSSSCHIRMA")).toBe(normaliseTownName("Großschirma"));
  });

  it("keeps different towns apart", () => {
    const keys = new Set(DEMO.map(normaliseTownName));
    expect(keys.size).toBe(DEMO.length);
    expect(normaliseTownName("Gemeinde Bockau")).not.toBe(normaliseTownName("Bockau"));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.oneof(townName, fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ maxLength: 20 })),
        (name) => {
          const key = normaliseTownName(name);
          expect(normaliseTownName(key)).toBe(key);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("maps NBSP, NFD, tab and case variants of any name to the same key", () => {
    fc.assert(
      fc.property(townName, fc.nat(), (name, style) => {
        expect(normaliseTownName(variantOf(name, style))).toBe(normaliseTownName(name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("displayTownName", () => {
  it("keeps the spelling, composed and trimmed", () => {
    expect(displayTownName("Zschorlau\u00A0")).toBe("Zschorlau");
    expect(displayTownName(" Scho\u0308nheide ")).toBe("Schönheide");
    expect(displayTownName("Bad \u00A0Schlema")).toBe("Bad Schlema");
    expect(displayTownName("SCHÖNHEIDE")).toBe("SCHÖNHEIDE");
  });
});

describe("townNameDistance", () => {
  it("counts one insertion, deletion, replacement or swap of neighbours as 1", () => {
    expect(townNameDistance("stützengrün", "stützengrun")).toBe(1);
    expect(townNameDistance("zschorlau", "zschrolau")).toBe(1);
    expect(townNameDistance("bockau", "bockaux")).toBe(1);
    expect(townNameDistance("bockau", "bocau")).toBe(1);
    expect(townNameDistance("bockau", "bockwa")).toBe(2);
    expect(townNameDistance("bockau", "bockau")).toBe(0);
  });
});

describe("findLikelyDuplicateTowns", () => {
  it("pairs names that are the same after normalisation with the first spelling and both sources", () => {
    const pairs = findLikelyDuplicateTowns([
      { name: "Zschorlau", source: "a.xlsx" },
      { name: "Schönheide", source: "b.xlsx" },
      { name: "Zschorlau\u00A0", source: "c.xlsx" },
      { name: "SCHO\u0308NHEIDE", source: "d.xlsx" },
    ]);
    expect(pairs).toEqual([
      {
        first: { name: "Zschorlau", source: "a.xlsx", index: 0 },
        second: { name: "Zschorlau\u00A0", source: "c.xlsx", index: 2 },
        reason: "same",
      },
      {
        first: { name: "Schönheide", source: "b.xlsx", index: 1 },
        second: { name: "SCHO\u0308NHEIDE", source: "d.xlsx", index: 3 },
        reason: "same",
      },
    ]);
  });

  it("reports administrative words, districts, qualifiers, spellings and one letter apart", () => {
    expect(found("Bockau", "Gemeinde Bockau")).toEqual([["Bockau", "Gemeinde Bockau", "prefix"]]);
    expect(found("Stadt Schneeberg", "Große Kreisstadt Schneeberg")).toEqual([
      ["Stadt Schneeberg", "Große Kreisstadt Schneeberg", "prefix"],
    ]);
    expect(found("Zschorlau, Gemeinde", "zschorlau")).toEqual([["Zschorlau, Gemeinde", "zschorlau", "prefix"]]);
    expect(found("Kurort Oberwiesenthal", "Oberwiesenthal")).toEqual([
      ["Kurort Oberwiesenthal", "Oberwiesenthal", "prefix"],
    ]);
    expect(found("Ortsteil Bockau", "Bockau")).toEqual([["Ortsteil Bockau", "Bockau", "district"]]);
    expect(found("Bockau", "Bockau (Erzgeb.)")).toEqual([["Bockau", "Bockau (Erzgeb.)", "qualifier"]]);
    expect(found("Schoenheide", "Schönheide")).toEqual([["Schoenheide", "Schönheide", "spelling"]]);
    expect(found("Stutzengrun", "Stützengrün")).toEqual([["Stutzengrun", "Stützengrün", "spelling"]]);
    expect(found("Aue-Bad Schlema", "Aue Bad Schlema")).toEqual([["Aue-Bad Schlema", "Aue Bad Schlema", "spelling"]]);
    expect(found("Stützengrün", "Stützengrun")).toEqual([["Stützengrün", "Stützengrun", "spelling"]]);
    expect(found("Zschorlau", "Zschrolau")).toEqual([["Zschorlau", "Zschrolau", "oneLetter"]]);
    expect(found("Gemeinde Zschorlau", "Zschorlauu")).toEqual([["Gemeinde Zschorlau", "Zschorlauu", "oneLetter"]]);
    // Two real towns one letter apart are reported too: the user decides.
    expect(found("Lengenfeld", "Lengefeld")).toEqual([["Lengenfeld", "Lengefeld", "oneLetter"]]);
  });

  it("does not report towns that only look alike", () => {
    expect(found(...DEMO)).toEqual([]);
    expect(found("Bockau", "Bockwa")).toEqual([]); // two letters apart
    expect(found("Thum", "Thurm")).toEqual([]); // shorter than five letters
    expect(found("Oelsnitz/Vogtl.", "Oelsnitz/Erzgeb.")).toEqual([]); // both qualified: two towns
    expect(found("Bad Schlema", "Schlema")).toEqual([]); // „Bad“ is part of the name
    expect(found("Stadtilm", "Ilm")).toEqual([]);
    expect(found("Eibenstock", "Schneeberg", "Aue-Bad Schlema", "Lößnitz", "Grünhain-Beierfeld")).toEqual([]);
  });

  it("never reports the demo towns, in any order, spelt in any of the pasted forms", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(DEMO, { minLength: 2 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (towns, styles) => {
          const names = towns.map((name, index) => variantOf(name, styles[index] ?? 0));
          expect(found(...names)).toEqual([]);
        },
      ),
    );
  });

  it("pairs any pasted variant of a name with the name as `same`", () => {
    fc.assert(
      fc.property(townName, fc.nat(), (name, style) => {
        fc.pre(normaliseTownName(name) !== "");
        expect(found(name, variantOf(name, style))).toEqual([[name, variantOf(name, style), "same"]]);
      }),
    );
  });

  it("skips blank names and stays fast and bounded on hostile lists", () => {
    expect(found("", "  ", "\u00A0")).toEqual([]);
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      name: `Gemeinde ${"Bockau".repeat(1 + (i % 3))}${i}`,
      source: "x",
    }));
    const started = Date.now();
    findLikelyDuplicateTowns(many);
    const alike = Array.from({ length: 4_000 }, (_, i) => ({
      name: `Bocka${String.fromCodePoint(0x4e00 + i)}`,
      source: "x",
    }));
    expect(findLikelyDuplicateTowns(alike)).toHaveLength(MAX_LIKELY_PAIRS);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

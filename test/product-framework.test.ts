import { describe, expect, it } from "vitest";
import {
  PRODUCT_FRAMEWORK,
  PRODUCT_FRAMEWORK_SOURCE,
  findProduct,
  isFrameworkCode,
  levelOfCode,
  parentCode,
  productLeaves,
} from "../templates/reference/productFramework.js";

const LEVEL_BY_LENGTH = { 2: "area", 3: "group", 4: "subgroup" } as const;

describe("PRODUCT_FRAMEWORK", () => {
  it("has only digit codes of 2, 3 or 4 digits whose level matches the length", () => {
    for (const entry of PRODUCT_FRAMEWORK) {
      expect(entry.code, entry.code).toMatch(/^\d{2,4}$/);
      expect(entry.level, entry.code).toBe(LEVEL_BY_LENGTH[entry.code.length as 2 | 3 | 4]);
      expect(levelOfCode(entry.code)).toBe(entry.level);
    }
  });

  it("has unique codes, sorted ascending", () => {
    const codes = PRODUCT_FRAMEWORK.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it("has the parent group and area of every code", () => {
    for (const entry of PRODUCT_FRAMEWORK) {
      let parent = parentCode(entry.code);
      while (parent !== undefined) {
        expect(findProduct(parent), `parent ${parent} of ${entry.code}`).toBeDefined();
        parent = parentCode(parent);
      }
    }
  });

  it("has a name, a source and an honest verification mark on every entry", () => {
    for (const entry of PRODUCT_FRAMEWORK) {
      expect(entry.name.trim(), entry.code).not.toBe("");
      expect(entry.name, entry.code).toBe(entry.name.trim());
      expect(entry.source.trim(), entry.code).not.toBe("");
      expect(["structure-known", "local-label", "unverified"]).toContain(entry.verification);
      expect(entry.source.toLowerCase(), entry.code).not.toContain("verified official");
    }
  });

  it("marks derived group names as unverified and Leipzig subgroups as local labels", () => {
    for (const entry of PRODUCT_FRAMEWORK) {
      if (entry.level === "subgroup") expect(entry.verification, entry.code).toBe("local-label");
      if (entry.level === "group" && entry.code !== "111") expect(entry.verification, entry.code).toBe("unverified");
    }
  });

  it("contains the research data's areas and subgroups, abbreviations written out", () => {
    const counts = { area: 0, group: 0, subgroup: 0 };
    for (const entry of PRODUCT_FRAMEWORK) counts[entry.level] += 1;
    expect(counts).toEqual({ area: 26, group: 75, subgroup: 112 });
    expect(findProduct("1116")?.name).toBe("Einrichtungen für die gesamte Verwaltung");
    expect(findProduct("2410")?.name).toBe("Schülerbeförderung");
    expect(findProduct("11")?.name).toBe("Innere Verwaltung");
    expect(findProduct("36")?.name).toBe("Kinder-, Jugend- und Familienhilfe");
    expect(findProduct("111")?.name).toBe("Verwaltungssteuerung und -service");
    // No leftover abbreviation dots of the kind "Einricht." except the documented uncertain ones.
    const abbreviated = PRODUCT_FRAMEWORK.filter((e) => /[a-zäöü]\.(?=[\s,/]|$)/.test(e.name)).map((e) => e.code);
    expect(abbreviated).toEqual(["3635", "6110"]);
  });

  it("lists no names longer than an Excel list entry can show comfortably", () => {
    for (const entry of PRODUCT_FRAMEWORK) expect(entry.name.length, entry.code).toBeLessThanOrEqual(100);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(PRODUCT_FRAMEWORK)).toBe(true);
    expect(Object.isFrozen(PRODUCT_FRAMEWORK[0])).toBe(true);
  });
});

describe("productLeaves", () => {
  it("returns the entries without deeper entries, sorted, non-empty", () => {
    const leaves = productLeaves();
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) {
      expect(PRODUCT_FRAMEWORK.some((e) => e.code !== leaf.code && e.code.startsWith(leaf.code))).toBe(false);
    }
    const codes = leaves.map((l) => l.code);
    expect(codes).toEqual([...codes].sort());
    // Every entry is either a leaf or has a leaf below it.
    for (const entry of PRODUCT_FRAMEWORK) {
      expect(
        leaves.some((l) => l.code.startsWith(entry.code)),
        entry.code,
      ).toBe(true);
    }
  });

  it("are the subgroups here, since every area and group has children", () => {
    expect(productLeaves().every((l) => l.level === "subgroup")).toBe(true);
    expect(productLeaves()).toHaveLength(112);
  });
});

describe("lookups", () => {
  it("finds codes at every level and ignores surrounding spaces", () => {
    expect(findProduct(" 5430 ")?.name).toBe("Staatsstraßen");
    expect(isFrameworkCode("54")).toBe(true);
    expect(isFrameworkCode("541")).toBe(true);
    expect(isFrameworkCode("5430")).toBe(true);
  });

  it("rejects unknown and malformed codes", () => {
    expect(findProduct("9999")).toBeUndefined();
    expect(isFrameworkCode("")).toBe(false);
    expect(isFrameworkCode("1111-001")).toBe(false);
    expect(isFrameworkCode("32")).toBe(false);
    expect(levelOfCode("12345")).toBeUndefined();
    expect(levelOfCode("1a")).toBeUndefined();
  });

  it("derives parent codes", () => {
    expect(parentCode("1111")).toBe("111");
    expect(parentCode("111")).toBe("11");
    expect(parentCode("11")).toBeUndefined();
  });
});

describe("PRODUCT_FRAMEWORK_SOURCE", () => {
  it("names the source, the date and the duty to check, in German and English", () => {
    expect(PRODUCT_FRAMEWORK_SOURCE.compiledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRODUCT_FRAMEWORK_SOURCE.de).toContain("Anlage 1");
    expect(PRODUCT_FRAMEWORK_SOURCE.de).toContain("Leipzig");
    expect(PRODUCT_FRAMEWORK_SOURCE.de).toContain("kein amtlicher Text");
    expect(PRODUCT_FRAMEWORK_SOURCE.en).toContain("Anlage 1");
    expect(PRODUCT_FRAMEWORK_SOURCE.en).toContain("not an official text");
  });
});

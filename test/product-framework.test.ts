import { describe, expect, it } from "vitest";
import {
  PRODUCT_FRAMEWORK,
  PRODUCT_FRAMEWORK_SOURCE,
  findProduct,
  isFrameworkCode,
  levelOfCode,
  parentCode,
  productLeaves,
  RESPONSIBILITY_LABELS,
  selectedProducts,
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
    // No leftover abbreviation dots of the kind "Einricht.".
    const abbreviated = PRODUCT_FRAMEWORK.filter((e) => /[a-zäöü]\.(?=[\s,/]|$)/.test(e.name)).map((e) => e.code);
    expect(abbreviated).toEqual([]);
    expect(findProduct("3155")?.name).toBe("Soziale Einrichtungen für Aussiedler und Kontingentflüchtlinge");
    expect(findProduct("6110")?.name).toBe("Steuern, allgemeine Zuweisungen, allgemeine Umlagen");
  });

  it("has complete names: no word cut off, no abbreviation, no name cut at the source's 40 characters", () => {
    // words of up to 5 letters that are complete German words or law abbreviations; anything
    // else that short is a stub such as „Konti“, „allg“ or „Unt“
    const shortWords = new Set([
      ..."und oder für der die das des den dem von vom im in an am zur zum bei nach ohne mit sowie".split(" "),
      ..."Alter Bauen junge Bäder Zoo Gärten Horte Wege Hilfe Pflege Grün Daten Sport Musik Heime SGB II IX XII BKGG WoGG ÖPNV".split(
        " ",
      ),
    ]);
    const cut: string[] = [];
    for (const entry of PRODUCT_FRAMEWORK) {
      const words = entry.name.split(/[\s,;/()]+/).filter((w) => w !== "");
      for (const word of words) {
        const bare = word.replace(/^-/, "");
        if (word.endsWith(".")) cut.push(`${entry.code}: „${word}“ (abbreviation)`);
        else if (/^[A-Za-zÄÖÜäöüß]{1,5}$/.test(bare) && !shortWords.has(bare)) cut.push(`${entry.code}: „${word}“`);
      }
      // a hyphen at the end of a word is only allowed before „und“/„oder“ („Ver- und Entsorgung“)
      const dangling = /-(?=[\s,]|$)/.test(entry.name) && !/-\s+(und|oder)\s/.test(entry.name);
      if (dangling) cut.push(`${entry.code}: dangling hyphen`);
    }
    expect(cut).toEqual([]);
    // Leipzig's labels were cut at 40 characters: a name written out from such a label is not
    // (much) shorter than it, so it was not cut again
    for (const entry of PRODUCT_FRAMEWORK.filter((e) => e.source.includes("Original „"))) {
      const original = /Original „([^“]*)“/.exec(entry.source)?.[1] ?? "";
      if (original.length >= 40) expect(entry.name.length, entry.code).toBeGreaterThan(original.length - 5);
    }
  });

  it("lists no names longer than an Excel list entry can show comfortably", () => {
    for (const entry of PRODUCT_FRAMEWORK) expect(entry.name.length, entry.code).toBeLessThanOrEqual(100);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(PRODUCT_FRAMEWORK)).toBe(true);
    expect(Object.isFrozen(PRODUCT_FRAMEWORK[0])).toBe(true);
  });
});

describe("responsibility", () => {
  it("says for every entry who usually carries it, in words in German and English", () => {
    for (const entry of PRODUCT_FRAMEWORK) {
      expect(Object.keys(RESPONSIBILITY_LABELS), entry.code).toContain(entry.responsibility);
      if (entry.level === "subgroup") expect(entry.responsibility, entry.code).not.toBe("mixed");
    }
    expect(RESPONSIBILITY_LABELS.county).toEqual({ de: "Landkreis", en: "County (Landkreis)" });
    expect(RESPONSIBILITY_LABELS.either.de).toBe("Landkreis oder Gemeinde");
  });

  it("marks county, school and social tasks a small Gemeinde does not carry", () => {
    const of = (code: string) => findProduct(code)?.responsibility;
    // the Gemeinde's own: registry office, treasury, depot work, fire brigade, day care, primary school
    for (const code of ["1222", "1113", "1116", "5410", "1260", "3650", "2111", "1212"])
      expect(of(code), code).toBe("municipality");
    // the Landkreis: social assistance, youth office, special and vocational schools, rescue service, waste
    for (const code of ["3111", "3633", "2215", "2311", "2410", "1270", "5370", "4140", "2710"])
      expect(of(code), code).toBe("county");
    expect(of("2171")).toBe("either");
    expect(of("5430")).toBe("state");
    expect(of("311")).toBe("county");
    expect(of("54")).toBe("mixed");
    expect(of("122")).toBe("municipality");
  });

  it("selects the Gemeinde's usual products, or all", () => {
    const municipal = selectedProducts("municipality");
    expect(selectedProducts("all")).toBe(productLeaves());
    expect(municipal.every((p) => p.responsibility === "municipality")).toBe(true);
    expect(municipal.map((p) => p.code)).toEqual(
      productLeaves()
        .filter((p) => p.responsibility === "municipality")
        .map((p) => p.code),
    );
    expect(municipal.length).toBeGreaterThan(30);
    expect(municipal.length).toBeLessThan(productLeaves().length / 2);
    expect(municipal.map((p) => p.code)).not.toContain("2173");
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

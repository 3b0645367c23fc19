import { describe, expect, it } from "vitest";
import { MAX_LIST_CELL_CHARS, joinWithin } from "./planRoadmapWorkbook.js";

describe("joinWithin", () => {
  it("joins short lists with „; “", () => {
    expect(joinWithin(["Aue → Bockau", "Lauter → Aue"], "de")).toBe("Aue → Bockau; Lauter → Aue");
    expect(joinWithin([], "de")).toBe("");
  });

  it("cuts long lists at the limit and names how many are left out", () => {
    const pairs = Array.from({ length: 2000 }, (_, i) => `Musterstadt ${i} → Musterstadt ${i + 1}`);
    const de = joinWithin(pairs, "de");
    expect(de.length).toBeLessThanOrEqual(MAX_LIST_CELL_CHARS);
    const shown = de.split("; ").length - 1;
    expect(de).toMatch(new RegExp(`… und ${pairs.length - shown} weitere$`));
    expect(joinWithin(pairs, "en")).toMatch(/… and \d+ more$/);
  });
});

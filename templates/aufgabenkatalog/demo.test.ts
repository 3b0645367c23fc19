import { describe, expect, it } from "vitest";
import { buildRoadmap } from "../../lib/roadmap/buildRoadmap.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planToSnapshot } from "../../lib/testing/planToSnapshot.js";
import { findProduct, productLeaves, selectedProducts } from "../reference/productFramework.js";
import { DEMO_TOWNS, demoCatalogue } from "./demo.js";
import { planTaskCatalogue } from "./plan.js";
import { taskCatalogueSpec } from "./spec.js";
import { checkTaskCatalogue, extractTaskCatalogue, toRoadmapTown } from "./checks.js";
import { TASK_KINDS } from "./taskKinds.js";

const kindOf = (label: unknown) => TASK_KINDS.find((k) => k.label.de === label)?.key;

describe("the demo task catalogue of a small Saxon Gemeinde", () => {
  it("lists only framework products a Gemeinde carries, each once, with plausible figures", () => {
    for (const town of DEMO_TOWNS) {
      const rows = demoCatalogue(town.name, town.population, "de");
      expect(rows.length, town.name).toBeGreaterThanOrEqual(20);
      expect(new Set(rows.map((r) => r["code"])).size).toBe(rows.length);
      for (const row of rows) {
        const code = String(row["code"]);
        expect(findProduct(code)?.responsibility, code).toBe("municipality");
        const fte = Number(row["fte"]);
        expect(fte, code).toBeGreaterThan(0);
        expect(fte, code).toBeLessThanOrEqual(3);
        // staff and material costs: at least the staff, never a city's budget
        expect(Number(row["annualCost"]), code).toBeGreaterThanOrEqual(fte * 50000);
        expect(Number(row["annualCost"]), code).toBeLessThan(600000);
        expect(kindOf(row["taskKind"]), code).toBeDefined();
      }
      // the whole administration of a town of 2,000–5,300 inhabitants: roughly 8–25 FTE
      const total = rows.reduce((sum, r) => sum + Number(r["fte"]), 0);
      expect(total, town.name).toBeGreaterThan(6);
      expect(total, town.name).toBeLessThan(25);
    }
  });

  it("gives delegated and voluntary tasks their kind („Wahlen“ is a Weisungsaufgabe)", () => {
    const rows = demoCatalogue("Bockau", 2000, "de");
    const kind = (code: string) => kindOf(rows.find((r) => r["code"] === code)?.["taskKind"]);
    expect(kind("1212")).toBe("mandatoryDelegated");
    expect(kind("1222")).toBe("mandatoryDelegated");
    expect(kind("1113")).toBe("mandatorySelfGoverned");
    expect(kind("5750")).toBe("voluntary");
  });

  it("is the same on every run and different per town", () => {
    expect(demoCatalogue("Schönheide", 4600, "de")).toEqual(demoCatalogue("Schönheide", 4600, "de"));
    const figures = (town: (typeof DEMO_TOWNS)[number]) =>
      JSON.stringify(demoCatalogue(town.name, town.population, "de").map((r) => [r["fte"], r["casesPerYear"]]));
    expect(new Set(DEMO_TOWNS.map(figures)).size).toBe(DEMO_TOWNS.length);
  });

  it("leads to a roadmap whose top entries a town hall expects: depot, IT and procurement, registry office", () => {
    const towns = DEMO_TOWNS.map((town) => {
      const plan = planTaskCatalogue({ language: "de", town: town.name, demo: true }).plan;
      const report = validateWorkbook(taskCatalogueSpec, planToSnapshot(plan, `${town.name}.xlsx`), {
        language: "de",
        check: checkTaskCatalogue,
      });
      expect(
        report.issues.filter((i) => i.severity !== "info"),
        town.name,
      ).toEqual([]);
      const catalogue = extractTaskCatalogue(report.workbook!);
      return toRoadmapTown(catalogue);
    });
    const roadmap = buildRoadmap(towns);
    const top = roadmap.entries.slice(0, 10).map((e) => e.code);
    for (const code of ["1222", "1116", "5410", "1113", "1112"]) expect(top, code).toContain(code);
    expect(top.slice(0, 3).sort()).toEqual(["1116", "1222", "5410"]);
    for (const code of ["2720", "2810", "5750"]) expect(top, code).not.toContain(code);
    // the specialised towns can help the others
    const synergy = roadmap.entries.find((e) => e.code === "1222")?.synergies ?? [];
    expect(synergy.map((s) => s.strongTown)).toContain("Zschorlau");
  });
});

describe("the product selection of the pre-filled rows", () => {
  const codes = (options: Parameters<typeof planTaskCatalogue>[0]) => {
    const tasks = planTaskCatalogue(options).plan.sheets.find((s) => s.key === "tasks")!;
    return [...tasks.rows()].flatMap((r) => {
      const code = r.cells.find((c) => c.column === 1)?.value;
      return r.row >= 5 && typeof code === "string" && code !== "" ? [code] : [];
    });
  };

  it("pre-fills the products of a kreisangehörige Gemeinde by default, all on request", () => {
    const municipal = selectedProducts("municipality").map((p) => p.code);
    expect(codes({ language: "de" })).toEqual(municipal);
    expect(codes({ language: "de", productSelection: "municipality" })).toEqual(municipal);
    expect(codes({ language: "de", productSelection: "all" })).toEqual(productLeaves().map((p) => p.code));
    expect(codes({ language: "de" })).not.toContain("3111");
  });

  it("keeps a town's own list as it is", () => {
    const own = [{ code: "3111", name: "Hilfe zum Lebensunterhalt" }];
    expect(codes({ language: "de", products: own, productSelection: "municipality" })).toEqual(["3111"]);
  });

  it("shows who carries each product on the Produktrahmen sheet, in words", () => {
    const sheet = planTaskCatalogue({ language: "de" }).plan.sheets.find((s) => s.key === "framework")!;
    const rows = [...sheet.rows()];
    const header = rows.find((r) => r.cells.some((c) => c.value === "Zuständigkeit (üblich)"));
    expect(header).toBeDefined();
    const row = rows.find((r) => r.cells[0]?.value === "2410");
    expect(row?.cells.map((c) => c.value)).toEqual(["2410", "Schülerbeförderung", "Landkreis"]);
    const english = planTaskCatalogue({ language: "en" }).plan.sheets.find((s) => s.key === "framework")!;
    expect([...english.rows()].find((r) => r.cells[0]?.value === "1222")?.cells[2]?.value).toBe("Municipality");
  });
});

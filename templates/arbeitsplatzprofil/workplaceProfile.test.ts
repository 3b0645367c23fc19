import { describe, expect, it } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { CostModel } from "../../lib/allocation/model.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { DIMENSION_KEYS } from "../../lib/workplace/model.js";
import { planToSnapshot, setCell } from "../../lib/testing/planToSnapshot.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import type { TemplateModule } from "../registry.js";
import { DEMO_COST_MODEL } from "../kostenverteilung/plan.js";
import { checkWorkplaceProfile } from "./checks.js";
import { demoStatuses } from "./demo.js";
import { workplaceProfileModule } from "./module.js";
import { TooManyTownsError, planWorkplaceProfile } from "./plan.js";
import { DIMENSIONS, ROLES } from "./reference.js";
import { workplaceProfileSpec } from "./spec.js";
import { STARTER_REQUIREMENTS } from "./starterRequirements.js";
import { extractWorkplaceProfile, readRoles, workplacesPerTown } from "./workplaceProfile.js";

const parse = (plan: ReturnType<typeof planWorkplaceProfile>["plan"], language: "de" | "en" = "de") =>
  validateWorkbook(workplaceProfileSpec, planToSnapshot(plan), { language, check: checkWorkplaceProfile });

describe("arbeitsplatzprofil: reference data and starter set", () => {
  it("lists the six dimensions in the order of the specification's sections", () => {
    expect(DIMENSIONS.map((d) => d.key)).toEqual(DIMENSION_KEYS);
    expect(DIMENSIONS.map((d) => d.title.de)).toEqual([
      "Hybrider Arbeitsplatz",
      "Digitaler Arbeitsplatz",
      "Vernetzter Arbeitsplatz",
      "Anwenderfreundlicher Arbeitsplatz",
      "Serviceorientierter Arbeitsplatz",
      "Standardisierter Arbeitsplatz",
    ]);
  });

  it("has 5–8 starter requirements per dimension with Muss, Soll and Kann, unique ids and known roles", () => {
    for (const dimension of DIMENSION_KEYS) {
      const inDimension = STARTER_REQUIREMENTS.filter((r) => r.dimension === dimension);
      expect(inDimension.length).toBeGreaterThanOrEqual(5);
      expect(inDimension.length).toBeLessThanOrEqual(8);
      expect(new Set(inDimension.map((r) => r.obligation))).toEqual(new Set(["must", "should", "may"]));
    }
    expect(new Set(STARTER_REQUIREMENTS.map((r) => r.id)).size).toBe(STARTER_REQUIREMENTS.length);
    const roles = new Set(ROLES.map((r) => r.key));
    for (const r of STARTER_REQUIREMENTS) {
      for (const role of r.roles ?? []) expect(roles.has(role)).toBe(true);
      // fits the requirement column (68 characters wide) without being cut
      expect(Math.max(r.text.de.length, r.text.en.length)).toBeLessThanOrEqual(82);
    }
  });

  it("reads role cells in either language, and „alle“ as every role", () => {
    expect(readRoles("Field service; Führungskraft")).toEqual({ roles: ["manager", "fieldService"], unknown: [] });
    expect(readRoles("alle")).toEqual({ roles: null, unknown: [] });
  });
});

describe("arbeitsplatzprofil: planner", () => {
  it("makes a town's own copy with its name in slot 1, and a group workbook of up to 8 towns", () => {
    expect(
      extractWorkplaceProfile(parse(planWorkplaceProfile({ language: "de", town: "Bockau" }).plan).workbook!).towns,
    ).toEqual([{ slot: 1, name: "Bockau" }]);
    const towns = ["A", "B", "C", "D", "E", "F", "G", "H"];
    expect(
      extractWorkplaceProfile(parse(planWorkplaceProfile({ language: "en", towns }).plan, "en").workbook!).towns,
    ).toHaveLength(8);
    expect(() => planWorkplaceProfile({ language: "de", towns: [...towns, "I"] })).toThrow(TooManyTownsError);
  });

  it("fills the demo: the four demo towns, statuses that differ between towns, every status used", () => {
    const report = parse(planWorkplaceProfile({ language: "de", demo: true }).plan);
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const profile = extractWorkplaceProfile(report.workbook!);
    expect(profile.towns.map((t) => t.name)).toEqual(DEMO_TOWNS.map((t) => t.name));
    const columns = DEMO_TOWNS.map((_, index) => profile.rows.map((row) => row.statuses[index]).join());
    expect(new Set(columns).size).toBe(DEMO_TOWNS.length);
    const all = new Set(profile.rows.flatMap((row) => row.statuses.slice(0, DEMO_TOWNS.length)));
    expect(all).toEqual(new Set(["fulfilled", "partly", "notFulfilled", null]));
    expect(demoStatuses("Bockau", 5)).toEqual(demoStatuses("Bockau", 5));
  });

  it("exports the module the apps wire in", () => {
    const asRegistered: TemplateModule = workplaceProfileModule; // fits templates/registry.ts as it is
    expect(asRegistered.spec.id).toBe("arbeitsplatzprofil");
    expect(workplaceProfileModule.takes).toEqual({ town: true, products: false, towns: true });
    expect(workplaceProfileModule.plan({ language: "en", town: "Bockau", demo: true }).plan.templateId).toBe(
      "arbeitsplatzprofil",
    );
  });
});

describe("arbeitsplatzprofil: workplaces for the cost model", () => {
  it("gives each named town its workplaces — the demo's equal the cost model demo's", () => {
    const workbook = parse(planWorkplaceProfile({ language: "de", demo: true }).plan).workbook!;
    const workplaces = workplacesPerTown(workbook);
    expect(workplaces).toEqual(Object.fromEntries(DEMO_COST_MODEL.towns.map((t) => [t.name, t.workplaces])));
  });

  it("counts blanks as 0, leaves out towns without any count, and feeds the key „workplaces“", () => {
    const snapshot = planToSnapshot(
      planWorkplaceProfile({ language: "de", towns: ["Aue", "Bockau", "Carlsfeld"] }).plan,
    );
    // Arbeitsplätze: rows 5–12 = slots 1–8; C … G = clerk, manager, field service, citizen service, IT
    setCell(snapshot, "Arbeitsplätze", "C5", { value: 12 });
    setCell(snapshot, "Arbeitsplätze", "D5", { value: 3 });
    setCell(snapshot, "Arbeitsplätze", "C6", { value: 0 });
    setCell(snapshot, "Arbeitsplätze", "G6", { value: 1 });
    const report = validateWorkbook(workplaceProfileSpec, snapshot, { language: "de", check: checkWorkplaceProfile });
    expect(report.valid).toBe(true);
    const workplaces = workplacesPerTown(report.workbook!);
    expect(workplaces).toEqual({ Aue: 15, Bockau: 1 });

    const model: CostModel = {
      towns: Object.entries(workplaces).map(([name, count]) => ({ name, workplaces: count })),
      items: [{ name: "IT-Arbeitsplätze", key: "workplaces", amount: 1600 }],
    };
    // 1 600 € by 15 : 1 workplaces → 1 500 € and 100 €
    expect(allocateCosts(model).items[0]?.shares.map((s) => s.cents)).toEqual([150000, 10000]);
  });
});

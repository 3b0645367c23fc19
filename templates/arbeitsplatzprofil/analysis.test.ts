import { describe, expect, it } from "vitest";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planToSnapshot } from "../../lib/testing/planToSnapshot.js";
import type { AnalysisSource } from "../analysis.js";
import { workplaceProfileAnalysis } from "./analysis.js";
import { checkWorkplaceProfile } from "./checks.js";
import { planWorkplaceProfile, planWorkplaceProfileContent } from "./plan.js";
import { workplaceProfileSpec } from "./spec.js";

/** The shared requirements; Carlsfeld made H2 a Kann and added X1. */
const requirement = (
  id: string,
  dimension: string,
  obligation: string,
  roles: string,
  text = `Anforderung ${id}`,
): RowValues => ({
  id,
  dimension,
  requirement: text,
  obligation,
  roles,
});

function ownCopy(
  town: string,
  statuses: Record<string, string>,
  workplaces: Record<string, number>,
  variant = false,
): AnalysisSource {
  const rows = [
    requirement("H1", "Hybrid", "Muss", "Sachbearbeitung"),
    requirement("H2", "Hybrid", variant ? "Kann" : "Soll", ""),
    requirement("D1", "Digital", "Muss", ""),
    requirement("D2", "Digital", "Kann", "", "=Formular-Baukasten"),
    requirement("S1", "Standardisiert", "Muss", "IT-Betreuung"),
    ...(variant ? [requirement("X1", "Vernetzt", "Muss", "")] : []),
  ].map((row) => ({ ...row, status1: statuses[String(row["id"])] }));
  const { plan } = planWorkplaceProfileContent({
    language: "de",
    towns: [town],
    requirements: rows,
    workplaces: [workplaces],
  });
  const file = `${town.toLowerCase()}.xlsx`;
  const report = validateWorkbook(workplaceProfileSpec, planToSnapshot(plan, file), {
    language: "de",
    check: checkWorkplaceProfile,
  });
  expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  return { workbook: report.workbook!, town: town };
}

const AUE = ownCopy(
  "Aue",
  { H1: "nicht erfüllt", H2: "erfüllt", D1: "teilweise", D2: "erfüllt", S1: "nicht erfüllt" },
  { clerk: 10, manager: 2, itSupport: 1 },
);
const BOCKAU = ownCopy(
  "Bockau",
  { H1: "teilweise", H2: "nicht erfüllt", D1: "erfüllt", S1: "nicht erfüllt" },
  { clerk: 6, itSupport: 0 },
);
const CARLSFELD = ownCopy(
  "Carlsfeld",
  { H1: "erfüllt", H2: "teilweise", D1: "nicht erfüllt", D2: "nicht erfüllt", S1: "teilweise", X1: "nicht erfüllt" },
  {},
  true,
);

describe("workplaceProfileAnalysis", () => {
  const result = workplaceProfileAnalysis.analyse([AUE, BOCKAU, CARLSFELD], "de");

  it("computes each town's fulfilment as worked out by hand", () => {
    const byTown = Object.fromEntries(result.towns.map((t) => [t.town, t.fulfilment]));
    // Aue: hybrid H1 3·0 + H2 2·1 = 2 of 5; digital D1 3·0.5 + D2 1·1 = 2.5 of 4; standardised 0 of 3
    expect(byTown["Aue"]?.byDimension.hybrid.value).toBe(2 / 5);
    expect(byTown["Aue"]?.byDimension.digital.value).toBe(2.5 / 4);
    expect(byTown["Aue"]?.byDimension.standardised.value).toBe(0);
    expect(byTown["Aue"]?.byDimension.networked.value).toBeNull();
    expect(byTown["Aue"]?.overall.value).toBe(4.5 / 12);
    expect([byTown["Aue"]?.gapTotal, byTown["Aue"]?.openTotal, byTown["Aue"]?.notAssessed]).toEqual([3, 0, 0]);
    // Bockau: hybrid 3·0.5 + 2·0 = 1.5 of 5; digital D1 3·1 of 3 (D2 not assessed); standardised 0 of 3
    expect(byTown["Bockau"]?.byDimension.hybrid.value).toBe(1.5 / 5);
    expect(byTown["Bockau"]?.byDimension.digital.value).toBe(1);
    expect(byTown["Bockau"]?.overall.value).toBe(4.5 / 11);
    expect([byTown["Bockau"]?.gapTotal, byTown["Bockau"]?.notAssessed]).toEqual([2, 1]);
    // Carlsfeld (H2 is a Kann there): hybrid 3·1 + 1·0.5 = 3.5 of 4; digital 0 of 4; networked 0 of 3; standardised 1.5 of 3
    expect(byTown["Carlsfeld"]?.byDimension.hybrid.value).toBe(3.5 / 4);
    expect(byTown["Carlsfeld"]?.byDimension.networked.value).toBe(0);
    expect(byTown["Carlsfeld"]?.byDimension.standardised.value).toBe(0.5);
    expect(byTown["Carlsfeld"]?.overall.value).toBe(5 / 14);
    expect(byTown["Carlsfeld"]?.gapTotal).toBe(3);
    expect(result.towns.map((t) => [t.town, t.source, t.requirementCount, t.workplaces])).toEqual([
      ["Aue", "aue.xlsx", 5, 13],
      ["Bockau", "bockau.xlsx", 5, 6],
      ["Carlsfeld", "carlsfeld.xlsx", 6, null],
    ]);
  });

  it("lists the Muss gaps of two or more towns as joint procurement candidates, by hand", () => {
    expect(result.commonGaps.map((g) => [g.id, g.towns, g.workplaces])).toEqual([
      // S1 in all three (Carlsfeld partly); Carlsfeld entered no workplaces
      ["S1", ["Aue", "Bockau", "Carlsfeld"], null],
      // H1 for clerks: Aue 10 + Bockau 6 (Carlsfeld fulfils it)
      ["H1", ["Aue", "Bockau"], 16],
      // D1 for every role: Aue 13 + Carlsfeld unknown
      ["D1", ["Aue", "Carlsfeld"], null],
    ]);
    expect(result.differences).toEqual([
      {
        id: "H2",
        field: "obligation",
        values: [
          { town: "Aue", value: "should" },
          { town: "Bockau", value: "should" },
          { town: "Carlsfeld", value: "may" },
        ],
      },
    ]);
    expect(result.requirements.find((r) => r.id === "X1")?.statuses).toEqual(["absent", "absent", "notFulfilled"]);
  });

  it("plans a result workbook of values only; text from towns stays text", () => {
    const { plan } = workplaceProfileAnalysis.plan(result, "de");
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Vergleich",
      "Gemeinsame Lücken",
      "Anforderungen je Kommune",
      "Abweichungen",
      "_ikz_arbeitsplatzprofil-verglei",
    ]);
    const cells = plan.sheets.flatMap((sheet) =>
      [...sheet.rows()].flatMap((row) => row.cells.map((cell) => ({ sheet: sheet.key, row: row.row, cell }))),
    );
    expect(cells.filter((c) => c.cell.formula !== undefined)).toEqual([]);
    expect(cells.some((c) => c.sheet === "matrix" && c.cell.value === "=Formular-Baukasten")).toBe(true);
    const comparison = [...(plan.sheets[0]?.rows() ?? [])];
    expect(
      comparison
        .find((row) => row.row === 5)
        ?.cells.slice(0, 4)
        .map((c) => c.value),
    ).toEqual(["Aue", "aue.xlsx", 5, 0.4]);
    const gaps = [...(plan.sheets[1]?.rows() ?? [])];
    expect(gaps.find((row) => row.row === 6)?.cells.map((c) => c.value)).toEqual([
      2,
      "H1",
      "Hybrid",
      "Anforderung H1",
      "Sachbearbeitung",
      2,
      "Aue, Bockau",
      16,
    ]);
  });

  it("sums up in a few lines, German and English", () => {
    expect(workplaceProfileAnalysis.summary(result, "de")).toEqual([
      "3 Kommunen verglichen, Erfüllungsgrad gesamt: Aue 37,5 %, Bockau 40,9 %, Carlsfeld 35,7 %",
      "3 gemeinsame Muss-Lücken (in mindestens 2 Kommunen) als Kandidaten für eine gemeinsame Beschaffung",
      "  S1 Anforderung S1 — Aue, Bockau, Carlsfeld",
      "  H1 Anforderung H1 — Aue, Bockau",
      "  D1 Anforderung D1 — Aue, Carlsfeld",
      "1 abweichende Festlegung zwischen den Profilen (Blatt „Abweichungen“)",
    ]);
    const en = workplaceProfileAnalysis.summary(result, "en");
    expect(en[0]).toBe("3 towns compared, overall fulfilment: Aue 37.5 %, Bockau 40.9 %, Carlsfeld 35.7 %");
    expect(en[5]).toBe("1 definition differs between the profiles (sheet “Differences”)");
  });

  it("sums up one town and one gap in the singular", () => {
    const one = { ...result, towns: result.towns.slice(0, 1), commonGaps: result.commonGaps.slice(0, 1) };
    const [towns, gaps] = workplaceProfileAnalysis.summary(one, "de");
    expect(towns).toMatch(/^1 Kommune verglichen, /);
    expect(gaps).toBe(
      "1 gemeinsame Muss-Lücke (in mindestens 2 Kommunen) als Kandidat für eine gemeinsame Beschaffung",
    );
    const [townsEn, gapsEn] = workplaceProfileAnalysis.summary(one, "en");
    expect(townsEn).toMatch(/^1 town compared, /);
    expect(gapsEn).toBe("1 common must gap (in at least 2 towns) as a candidate for a joint procurement");
  });

  it("takes every named town of a group workbook, and a repeated town once", () => {
    const group = planWorkplaceProfile({ language: "de", demo: true }).plan;
    const report = validateWorkbook(workplaceProfileSpec, planToSnapshot(group, "verbund.xlsx"), {
      language: "de",
      check: checkWorkplaceProfile,
    });
    const source: AnalysisSource = { workbook: report.workbook!, town: "verbund" };
    expect(workplaceProfileAnalysis.townOf(report.workbook!)).toBe("Zschorlau, Schönheide, Stützengrün, Bockau");
    const both = workplaceProfileAnalysis.analyse([source, BOCKAU], "de");
    expect(both.towns.map((t) => t.town)).toEqual(["Zschorlau", "Schönheide", "Stützengrün", "Bockau"]);
    expect(both.repeatedTowns).toEqual([{ town: "Bockau", source: "bockau.xlsx", firstSource: "verbund.xlsx" }]);
  });
});

/**
 * `ikz upgrade` carries a 1.0.0 workbook of the IT service catalogue and of the workplace profile
 * over to 1.1.0 (same layout; 1.1.0 added the sheets' own checks, issue 10 point 3): every value
 * in place, the check cells written, a workbook that validates without errors.
 */
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../lib/plan/planWorkbook.js";
import { snapshotCell, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { carryValues } from "../lib/upgrade/carryValues.js";
import { upgradeWorkbook } from "../lib/upgrade/upgradeWorkbook.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { checkWorkplaceProfile } from "../templates/arbeitsplatzprofil/checks.js";
import { planWorkplaceProfile } from "../templates/arbeitsplatzprofil/plan.js";
import { workplaceProfileSpec } from "../templates/arbeitsplatzprofil/spec.js";
import { demoServiceRows } from "../templates/it-servicekatalog/demo.js";
import { checkServiceCatalogue } from "../templates/it-servicekatalog/checks.js";
import { SHEET, serviceCatalogueSpec } from "../templates/it-servicekatalog/spec.js";
import { TEMPLATES } from "../templates/registry.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { planToSnapshot, setCell } from "../lib/testing/planToSnapshot.js";

const formulaAt = (snapshot: WorkbookSnapshot, sheetName: string, row: number, column: number): string | undefined => {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  return sheet ? snapshotCell(sheet, row, column)?.formula : undefined;
};

describe("upgrade to the versions that check themselves (1.0.0 → 1.1.0)", () => {
  it("it-servicekatalog: values in place, check lines written, valid", () => {
    const reference = new Date(Date.UTC(2026, 0, 31));
    // a 1.0.0 workbook had the same layout and no check lines (planned without sheetChecks.ts)
    const { plan } = planWorkbook(serviceCatalogueSpec, {
      language: "de",
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.services]: demoServiceRows("Bockau", reference, "de") },
      formValues: { [SHEET.town]: { name: "Bockau", referenceDate: reference } },
    });
    const snapshot = planToSnapshot(plan, "bockau.xlsx");
    setCell(snapshot, "_ikz_it-servicekatalog", "B2", { value: "1.0.0" });
    expect(formulaAt(snapshot, "Services", 3, 1)).toBeUndefined();
    const upgrade = upgradeWorkbook(snapshot, TEMPLATES, "de");
    expect(upgrade.status).toBe("upgraded");
    if (upgrade.status !== "upgraded") return;
    expect(upgrade.to).toBe(serviceCatalogueSpec.version);
    expect(upgrade.findings).toBe(0);
    const upgraded = planToSnapshot(upgrade.plan, "bockau-1.1.0.xlsx");
    expect(formulaAt(upgraded, "Services", 3, 1)).toContain("Alle Prüfungen bestanden");
    expect(formulaAt(upgraded, "IT-Kommune", 3, 1)).toContain("Zeitfenster");
    const report = validateWorkbook(serviceCatalogueSpec, upgraded, { language: "de", check: checkServiceCatalogue });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const before = carryValues(serviceCatalogueSpec, snapshot, "1.0.0", "de", "de");
    const after = carryValues(serviceCatalogueSpec, upgraded, serviceCatalogueSpec.version, "de", "de");
    expect(after.tableRows).toEqual(before.tableRows);
    expect(after.formValues).toEqual(before.formValues);
    expect(before.tableRows[SHEET.services]!.length).toBeGreaterThan(5);
  });

  it("arbeitsplatzprofil: values in place, check rows on „Auswertung“, valid", () => {
    const { plan } = planWorkplaceProfile({ language: "en", demo: true });
    const snapshot = planToSnapshot(plan, "profile.xlsx");
    setCell(snapshot, "_ikz_arbeitsplatzprofil", "B2", { value: "1.0.0" });
    const upgrade = upgradeWorkbook(snapshot, TEMPLATES, "en");
    expect(upgrade.status).toBe("upgraded");
    if (upgrade.status !== "upgraded") return;
    expect(upgrade.to).toBe(workplaceProfileSpec.version);
    expect(upgrade.findings).toBe(0);
    const upgraded = planToSnapshot(upgrade.plan, "profile-1.1.0.xlsx");
    expect(formulaAt(upgraded, "Evaluation", 3, 1)).toContain("All checks passed");
    const report = validateWorkbook(workplaceProfileSpec, upgraded, { language: "en", check: checkWorkplaceProfile });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const before = carryValues(workplaceProfileSpec, snapshot, "1.0.0", "en", "en");
    const after = carryValues(workplaceProfileSpec, upgraded, workplaceProfileSpec.version, "en", "en");
    expect(after.tableRows).toEqual(before.tableRows);
    expect(after.formValues).toEqual(before.formValues);
  });
});

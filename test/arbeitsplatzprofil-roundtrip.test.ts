/**
 * „Arbeitsplatzprofil“ through real .xlsx bytes: written by the exceljs writer (streaming and
 * in-memory engine), read back by the exceljs reader, accepted by the validator, and extracted to
 * exactly what was planned — names, statuses, workplaces, the row of town names above the header.
 */
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { DEMO_TOWNS } from "../templates/aufgabenkatalog/demo.js";
import { workplaceProfileAnalysis } from "../templates/arbeitsplatzprofil/analysis.js";
import { checkWorkplaceProfile } from "../templates/arbeitsplatzprofil/checks.js";
import { demoStatuses, demoWorkplaces } from "../templates/arbeitsplatzprofil/demo.js";
import { planWorkplaceProfile } from "../templates/arbeitsplatzprofil/plan.js";
import { workplaceProfileSpec } from "../templates/arbeitsplatzprofil/spec.js";
import { STARTER_REQUIREMENTS } from "../templates/arbeitsplatzprofil/starterRequirements.js";
import { extractWorkplaceProfile, workplacesPerTown } from "../templates/arbeitsplatzprofil/workplaceProfile.js";

describe("arbeitsplatzprofil: exceljs writer → reader", () => {
  it.each(["stream", "memory"] as const)("the demo comes back as planned (%s engine)", async (engine) => {
    const bytes = await writePlanToBuffer(planWorkplaceProfile({ language: "de", demo: true }).plan, { engine });
    const snapshot = await readSnapshotFromXlsx(bytes, "demo.xlsx");
    const report = validateWorkbook(workplaceProfileSpec, snapshot, { language: "de", check: checkWorkplaceProfile });
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const profile = extractWorkplaceProfile(report.workbook!);
    expect(profile.partnershipName).toBe("Verbund Westerzgebirge (Beispiel)");
    expect(profile.towns).toEqual(DEMO_TOWNS.map((town, index) => ({ slot: index + 1, name: town.name })));
    expect(profile.rows.map((row) => row.id)).toEqual(STARTER_REQUIREMENTS.map((r) => r.id));
    DEMO_TOWNS.forEach((town, index) => {
      expect(profile.rows.map((row) => row.statuses[index])).toEqual(
        demoStatuses(town.name, STARTER_REQUIREMENTS.length),
      );
      expect(profile.workplaces[index]).toEqual(demoWorkplaces(town.name));
    });
    expect(profile.rows.every((row) => row.statuses.slice(DEMO_TOWNS.length).every((status) => status === null))).toBe(
      true,
    );
    expect(workplacesPerTown(report.workbook!)).toEqual({ Zschorlau: 38, Schönheide: 31, Stützengrün: 22, Bockau: 14 });

    const requirements = snapshot.sheets.find((s) => s.name === "Anforderungen")!;
    expect(requirements.merges).toContain("H3:J3");
    expect(requirements.rows[3]?.[8]?.formula).toBe('IF(TRIM(Angaben!$B$6)="","Kommune 1 (frei)",Angaben!$B$6)');
    expect(requirements.rows[4]?.[8]?.value).toBe("Status 1");
  });

  it("keeps a town name that looks like a formula as text, in an English own copy", async () => {
    const bytes = await writePlanToBuffer(planWorkplaceProfile({ language: "en", town: "=Aue+1", demo: true }).plan);
    const snapshot = await readSnapshotFromXlsx(bytes, "aue.xlsx");
    const settings = snapshot.sheets.find((s) => s.name === "Settings")!;
    expect(settings.rows[6]?.[2]).toEqual({ value: "=Aue+1" });
    const report = validateWorkbook(workplaceProfileSpec, snapshot, { language: "en", check: checkWorkplaceProfile });
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(workplaceProfileAnalysis.townOf(report.workbook!)).toBe("=Aue+1");
    const profile = extractWorkplaceProfile(report.workbook!);
    expect(profile.rows.map((row) => row.statuses[0])).toEqual(demoStatuses("=Aue+1", STARTER_REQUIREMENTS.length));
    expect(profile.rows.find((row) => row.id === "HYB-05")).toMatchObject({
      rolesText: "Field service",
      roles: ["fieldService"],
    });
  });
});

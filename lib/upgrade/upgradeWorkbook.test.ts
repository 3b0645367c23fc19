import { describe, expect, it, vi } from "vitest";
import { planToSnapshot } from "../testing/planToSnapshot.js";
import { probeMetadata, probeSheet, probeSpec, probeWorkbook100 } from "../testing/probeTemplate.js";
import { renderUpgradeChange } from "../messages/upgradeTexts.js";
import { planWorkbook } from "../plan/planWorkbook.js";
import type { PlannedRow, WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../validation/validateWorkbook.js";
import { upgradeWorkbook, type UpgradePlanner } from "./upgradeWorkbook.js";

const templates = [{ spec: probeSpec }];

const rowsOf = (plan: WorkbookPlan, name: string): PlannedRow[] => {
  const sheet = plan.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return [...sheet.rows()];
};
const cellOf = (plan: WorkbookPlan, name: string, row: number, column: number) =>
  rowsOf(plan, name)
    .find((r) => r.row === row)
    ?.cells.find((c) => c.column === column);

describe("upgradeWorkbook", () => {
  const result = upgradeWorkbook(probeWorkbook100(), templates, "en");
  if (result.status !== "upgraded") throw new Error(result.status);

  it("plans the current version in the old workbook's language, with the user's sheet and „Übernommen“ before the metadata", () => {
    expect(result).toMatchObject({ templateId: "probe", from: "1.0.0", to: "2.0.0", language: "de" });
    expect(result.plan.templateVersion).toBe("2.0.0");
    expect(result.plan.sheets.map((s) => s.name)).toEqual([
      "Angaben",
      "Personen",
      "Notizen",
      "Übernommen",
      "_ikz_probe",
    ]);
  });

  it("puts every value in its current column and regenerates the formulas", () => {
    expect(cellOf(result.plan, "Personen", 5, 2)?.value).toBe("Anna");
    expect(cellOf(result.plan, "Personen", 5, 3)?.value).toBe("Aue");
    expect(cellOf(result.plan, "Personen", 5, 4)?.value).toBe(34);
    expect(cellOf(result.plan, "Personen", 6, 2)?.value).toBeUndefined();
    expect(cellOf(result.plan, "Personen", 7, 4)?.value).toBe(31);
    expect(cellOf(result.plan, "Personen", 7, 6)?.formula).toBe('IF(D7="","",D7*2)');
    // three rows in use (one blank between) plus two spare rows
    expect(rowsOf(result.plan, "Personen").at(-1)?.row).toBe(9);
  });

  it("adds the user's own column to the right of the template's, header and values", () => {
    expect(cellOf(result.plan, "Personen", 4, 7)).toEqual({ column: 7, value: "Bemerkung", style: "header" });
    expect(cellOf(result.plan, "Personen", 5, 7)).toEqual({ column: 7, value: "ok", style: "input" });
    expect(cellOf(result.plan, "Personen", 7, 7)?.value).toBe(15.5);
    expect(result.plan.sheets.find((s) => s.name === "Personen")?.columnWidths).toHaveLength(7);
  });

  it("lists every value set aside on „Übernommen“ with its sheet, cell, column and reason, and reports where", () => {
    const rows = rowsOf(result.plan, "Übernommen").filter((r) => r.row >= 5);
    expect(rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["Leute", "D2", "", "Stand März", "außerhalb der Tabellen der Vorlage"],
      ["Leute", "E5", "Notiz", "mag Tee", "die Spalte gibt es nicht mehr"],
      ["Leute", "F7", "Doppelt", 999, "über eine berechnete Zelle geschrieben"],
    ]);
    expect(result.changes.filter((c) => c.kind === "valueCarriedOver").map((c) => "at" in c && c.at)).toEqual([
      "Übernommen!D5",
      "Übernommen!D6",
      "Übernommen!D7",
    ]);
  });

  it("counts the findings: the guessed header, the formulas replaced and the three values set aside", () => {
    expect(result.findings).toBe(7);
  });

  it("gives a workbook that validates against the current spec, with the same values when read back", () => {
    const snapshot = planToSnapshot(result.plan, "upgraded.xlsx");
    const report = validateWorkbook(probeSpec, snapshot, { language: "de" });
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const again = upgradeWorkbook(snapshot, templates, "de");
    expect(again).toEqual({ status: "current", templateId: "probe", version: "2.0.0" });
  });

  it("names „Übernommen“ anew when the user has a sheet of that name", () => {
    const named = upgradeWorkbook(probeWorkbook100([probeSheet("Übernommen", { 1: ["alt"] })]), templates, "de");
    if (named.status !== "upgraded") throw new Error(named.status);
    expect(named.plan.sheets.map((s) => s.name)).toContain("Übernommen (2)");
    expect(named.plan.sheets.map((s) => s.name)).toContain("Übernommen");
  });

  it("lets a template plan the upgraded workbook itself", () => {
    const planner = vi.fn<UpgradePlanner>((values) =>
      planWorkbook(probeSpec, {
        language: values.language,
        generatorVersion: "test",
        tableRows: values.tableRows,
        formValues: { settings: { unit: "Vorgabe" } },
      }),
    );
    const planned = upgradeWorkbook(probeWorkbook100(), [{ spec: probeSpec, planUpgrade: planner }], "de");
    expect(planner).toHaveBeenCalledTimes(1);
    expect(planner.mock.calls[0]?.[0]).toMatchObject({ language: "de", addedSheets: ["settings"] });
    if (planned.status !== "upgraded") throw new Error(planned.status);
    expect(cellOf(planned.plan, "Angaben", 5, 2)?.value).toBe("Vorgabe");
  });
});

describe("upgradeWorkbook leaves alone or refuses", () => {
  const current = planToSnapshot(
    planWorkbook(probeSpec, { language: "de", generatorVersion: "test", tableRows: { people: [{ name: "A" }] } }).plan,
  );
  const withVersion = (version: string, id = "probe"): WorkbookSnapshot => ({
    ...current,
    sheets: [...current.sheets.filter((s) => !s.name.startsWith("_ikz")), probeMetadata(id, version)],
  });

  it("a workbook of the current version", () => {
    expect(upgradeWorkbook(current, templates, "de")).toEqual({
      status: "current",
      templateId: "probe",
      version: "2.0.0",
    });
  });

  it("a workbook of a newer version, with the finding that says so", () => {
    const result = upgradeWorkbook(withVersion("2.1.0"), templates, "en");
    expect(result).toMatchObject({ status: "unusable", reason: "newer", templateId: "probe" });
    expect(result.status === "unusable" && result.issues[0]).toMatchObject({
      code: "workbook.newerVersion",
      severity: "error",
      received: "2.1.0",
    });
  });

  it("a workbook of an unknown template", () => {
    const result = upgradeWorkbook(withVersion("1.0.0", "other"), templates, "de");
    expect(result).toMatchObject({ status: "unusable", reason: "template", templateId: "other" });
    expect(result.status === "unusable" && result.issues[0]?.code).toBe("workbook.unknownTemplate");
  });

  it("a workbook whose version is unknown (no metadata sheet)", () => {
    const result = upgradeWorkbook(
      { ...current, sheets: current.sheets.filter((s) => !s.name.startsWith("_ikz")) },
      templates,
      "de",
    );
    expect(result).toMatchObject({ status: "unusable", reason: "versionUnknown", templateId: "probe" });
  });
});

describe("upgradeWorkbook never upgrades while entries would stay behind", () => {
  const withSheets = (sheets: WorkbookSnapshot["sheets"]): WorkbookSnapshot => ({ fileName: "probe.xlsx", sheets });
  const old = probeWorkbook100();
  const people = old.sheets[0]!;

  it("upgrades a renamed sheet found by its labels, and counts that as a place to check", () => {
    const result = upgradeWorkbook(withSheets([{ ...people, name: "Team" }, ...old.sheets.slice(1)]), templates, "de");
    if (result.status !== "upgraded") throw new Error(result.status);
    expect(cellOf(result.plan, "Personen", 5, 2)?.value).toBe("Anna");
    expect(result.plan.sheets.map((s) => s.name)).toEqual([
      "Angaben",
      "Personen",
      "Notizen",
      "Übernommen",
      "_ikz_probe",
    ]);
    expect(result.findings).toBe(8);
    expect(renderUpgradeChange({ kind: "sheetRecognised", from: "Team", sheet: "Personen" }, "de")).toBe(
      "Blatt „Team“ an seinen Überschriften als „Personen“ erkannt; seine Werte werden übernommen, in der neuen Arbeitsmappe heißt es „Personen“. Bitte prüfen.",
    );
  });

  it("a sheet not found: unusable, with a finding that names the sheet, the sheets there are and what to do", () => {
    const lost = { ...probeSheet("Team", { 4: ["#", "Wer", "Wie alt", "Wo"], 5: [1, "Anna", 34, "Aue"] }) };
    for (const language of ["de", "en"] as const) {
      const result = upgradeWorkbook(withSheets([lost, ...old.sheets.slice(1)]), templates, language);
      expect(result).toMatchObject({ status: "unusable", reason: "sheets", templateId: "probe" });
      if (result.status !== "unusable") return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code: "upgrade.sheetNotFound", severity: "error", sheet: "Leute" });
      expect(result.issues[0]?.message).toBe(
        language === "de"
          ? "Das Blatt „Leute“ fehlt: kein Blatt heißt so, und auf keinem stehen seine Überschriften („Vollständiger Name“, „Lebensalter“, „Ort“). Blätter der Arbeitsmappe: „Team“, „Notizen“. Bitte das Blatt mit diesen Einträgen wieder „Leute“ nennen und seine Überschriften wiederherstellen (ein gelöschtes Blatt aus einer älteren Kopie zurückholen), dann erneut `ikz upgrade` aufrufen. Es wurde nichts geschrieben."
          : "The sheet “Leute” is missing: no sheet has that name, and none shows its headers (“Vollständiger Name”, “Lebensalter”, “Ort”). Sheets in the workbook: “Team”, “Notizen”. Please rename the sheet holding these entries back to “Leute” and restore its headers (bring a deleted sheet back from an older copy), then run `ikz upgrade` again. Nothing was written.",
      );
    }
  });

  it("two candidates: unusable, naming both", () => {
    const result = upgradeWorkbook(
      withSheets([{ ...people, name: "Team A" }, { ...people, name: "Team B" }, ...old.sheets.slice(1)]),
      templates,
      "de",
    );
    expect(result).toMatchObject({ status: "unusable", reason: "sheets" });
    if (result.status !== "unusable") return;
    expect(result.issues[0]?.code).toBe("upgrade.sheetAmbiguous");
    expect(result.issues[0]?.message).toContain("stehen auf mehreren Blättern: „Team A“, „Team B“");
  });

  it("an empty sheet under its name and the entries on another: unusable (incomplete), naming both", () => {
    const empty = probeSheet("Leute", { 4: ["Nr.", "Vollständiger Name", "Lebensalter", "Ort"] });
    const result = upgradeWorkbook(
      withSheets([empty, { ...people, name: "Leute alt" }, ...old.sheets.slice(1)]),
      templates,
      "de",
    );
    expect(result).toMatchObject({ status: "unusable", reason: "incomplete" });
    if (result.status !== "unusable") return;
    expect(result.issues[0]).toMatchObject({ code: "upgrade.entriesElsewhere", sheet: "Leute" });
    expect(result.issues[0]?.message).toContain("„Leute alt“ hat seine Spalten und 7 Einträge");
  });

  it("a planner that drops an entry: unusable (incomplete), naming the old cell and where it belonged", () => {
    const dropping: UpgradePlanner = (values) =>
      planWorkbook(probeSpec, {
        language: values.language,
        generatorVersion: "test",
        tableRows: { people: (values.tableRows["people"] ?? []).slice(0, 1) },
        formValues: values.formValues,
      });
    const result = upgradeWorkbook(old, [{ spec: probeSpec, planUpgrade: dropping }], "de");
    expect(result).toMatchObject({ status: "unusable", reason: "incomplete" });
    if (result.status !== "unusable") return;
    expect(result.issues.map((i) => `${i.sheet}!${i.cell} → ${i.expected} (${i.received})`)).toEqual([
      "Leute!B7 → Personen!B7 (leer)",
      "Leute!C7 → Personen!D7 (leer)",
      "Leute!D7 → Personen!C7 (leer)",
    ]);
    expect(result.issues[0]).toMatchObject({ code: "upgrade.valueLost", severity: "error" });
    expect(result.issues[0]?.message).toContain("„Ben“ (Text) käme in der aktualisierten Arbeitsmappe nicht an");
  });
});

/**
 * Bad input in an „Arbeitsplatzprofil“ workbook, as users produce it: every finding names its
 * sheet and cell, what is expected and what was found, in German (English on request).
 */
import { describe, expect, it } from "vitest";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { buildSpecification } from "../lib/workplace/buildSpecification.js";
import { checkWorkplaceProfile } from "../templates/arbeitsplatzprofil/checks.js";
import { planWorkplaceProfile } from "../templates/arbeitsplatzprofil/plan.js";
import { workplaceProfileSpec } from "../templates/arbeitsplatzprofil/spec.js";
import { STARTER_REQUIREMENTS } from "../templates/arbeitsplatzprofil/starterRequirements.js";
import { extractWorkplaceProfile, toWorkplaceProfile } from "../templates/arbeitsplatzprofil/workplaceProfile.js";
import { planToSnapshot, setCell, type MutableWorkbookSnapshot } from "../lib/testing/planToSnapshot.js";

const validate = (snapshot: MutableWorkbookSnapshot, language: "de" | "en" = "de"): ValidationReport =>
  validateWorkbook(workplaceProfileSpec, snapshot, { language, check: checkWorkplaceProfile });

const demo = (language: "de" | "en" = "de") =>
  planToSnapshot(planWorkplaceProfile({ language, demo: true }).plan, "demo.xlsx");
const ownCopy = () => planToSnapshot(planWorkplaceProfile({ language: "de", town: "Bockau" }).plan, "bockau.xlsx");

/** Non-info findings as [code, sheet, cell]. */
const findings = (report: ValidationReport) =>
  report.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.sheet, i.cell, i.severity]);

/** Columns of „Anforderungen“: A id, B dimension, C requirement, D obligation, E roles, F weight, G no., H/I/J town 1, K/L/M town 2. */
describe("arbeitsplatzprofil: validation", () => {
  it("accepts fresh workbooks — blank, own copy, demo in both languages — without findings", () => {
    for (const snapshot of [
      planToSnapshot(planWorkplaceProfile({ language: "de" }).plan),
      ownCopy(),
      demo("de"),
      demo("en"),
    ]) {
      const report = validate(snapshot);
      expect(findings(report)).toEqual([]);
      expect(report.valid).toBe(true);
    }
  });

  it("refuses a status that is not in the list, with its cell", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "H5", { value: "fertig" });
    const issue = validate(snapshot).issues.find((i) => i.cell === "H5");
    expect(issue).toMatchObject({
      code: "cell.notInList",
      severity: "error",
      sheet: "Anforderungen",
      received: "„fertig“ (Text)",
    });
    expect(issue?.expected).toContain("Listen");
    // the column is named by its town (issue 12), not „Status 1“
    expect(issue?.message).toContain("Status Zschorlau");
    expect(issue?.message).not.toContain("Status 1");
  });

  it("refuses the number 2 (and 1) as a status: the list's words are expected", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "H6", { value: 2 });
    setCell(snapshot, "Anforderungen", "K6", { value: 1 });
    const report = validate(snapshot);
    expect(report.issues.find((i) => i.cell === "H6")).toMatchObject({
      code: "cell.notInList",
      severity: "error",
      received: "2 (Zahl)",
    });
    expect(report.issues.find((i) => i.cell === "K6")).toMatchObject({ code: "cell.notInList", received: "1 (Zahl)" });
    expect(report.valid).toBe(false);
  });

  it("refuses an unknown obligation and an unknown dimension", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "D7", { value: "Pflicht" });
    setCell(snapshot, "Anforderungen", "B8", { value: "Sicher" });
    const report = validate(snapshot);
    const obligation = report.issues.find((i) => i.cell === "D7");
    expect(obligation).toMatchObject({ code: "cell.notInList", severity: "error", received: "„Pflicht“ (Text)" });
    expect(obligation?.message).toContain("Verbindlichkeit");
    expect(report.issues.find((i) => i.cell === "B8")).toMatchObject({
      code: "cell.notInList",
      received: "„Sicher“ (Text)",
    });
  });

  it("refuses a requirement id used twice (trimmed, case ignored), naming the first cell", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "A9", { value: " hyb-01 " });
    const issue = validate(snapshot).issues.find((i) => i.cell === "A9");
    expect(issue).toMatchObject({
      code: "arbeitsplatzprofil.duplicateRequirementId",
      severity: "error",
      sheet: "Anforderungen",
      received: "hyb-01",
    });
    expect(issue?.message).toBe(
      "Die Nummer „hyb-01“ gibt es schon in Anforderungen!A5; jede Anforderung braucht eine eigene Nummer.",
    );
    expect(issue?.expected).toBe("eine noch nicht vergebene Nummer");
  });

  it("skips blank rows in the middle: no finding, and the specification numbers run on", () => {
    const snapshot = demo();
    const sheet = snapshot.sheets.find((s) => s.name === "Anforderungen")!;
    const emptied = sheet.rows[6]!.map((cell) => (cell?.formula === undefined ? undefined : cell));
    sheet.rows[6] = emptied; // HYB-02 (row 6) removed, formulas kept
    const report = validate(snapshot);
    expect(findings(report)).toEqual([]);
    const profile = toWorkplaceProfile(extractWorkplaceProfile(report.workbook!));
    expect(profile.requirements).toHaveLength(STARTER_REQUIREMENTS.length - 1);
    expect(
      buildSpecification(profile.requirements)[0]
        ?.items.map((i) => `${i.number} ${i.id}`)
        .slice(0, 2),
    ).toEqual(["1.1 HYB-01", "1.2 HYB-03"]);
  });

  it("requires id, dimension, requirement and obligation in a row in use", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "C10", undefined);
    setCell(snapshot, "Anforderungen", "D11", { value: "  " });
    const report = validate(snapshot);
    expect(
      report.issues.filter((i) => i.code === "cell.required").map((i) => [i.cell, i.expected, i.received]),
    ).toEqual([
      ["C10", "ein Wert", "leer"],
      ["D11", "ein Wert", "leer"],
    ]);
  });

  it("reports a renamed header at its cell and reads nothing from the lost column", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "C4", { value: "Beschreibung" });
    const issue = validate(snapshot).issues.find((i) => i.code === "header.missing");
    expect(issue).toMatchObject({
      sheet: "Anforderungen",
      cell: "C4",
      expected: "Anforderung",
      received: "Beschreibung",
      severity: "error",
    });
    expect(issue?.message).toBe(
      "Die Spalte „Anforderung“ fehlt in der Kopfzeile; an ihrer Stelle steht „Beschreibung“.",
    );
  });

  it("recognises another template's workbook as the wrong template", () => {
    const snapshot = demo();
    setCell(snapshot, "_ikz_arbeitsplatzprofil", "B1", { value: "kostenverteilung" });
    const report = validate(snapshot);
    expect(report.usable).toBe(false);
    expect(report.issues[0]).toMatchObject({
      code: "workbook.wrongTemplate",
      expected: "arbeitsplatzprofil",
      received: "kostenverteilung",
      message: "Falsche Vorlage: erwartet „arbeitsplatzprofil“, die Arbeitsmappe ist „kostenverteilung“.",
    });
  });

  it("refuses roles that are not in the list; several roles, either language, and „alle“ pass", () => {
    const snapshot = demo();
    setCell(snapshot, "Anforderungen", "E5", { value: "Hausmeister; Führungskraft" });
    setCell(snapshot, "Anforderungen", "E6", { value: "manager; Außendienst" });
    setCell(snapshot, "Anforderungen", "E7", { value: "alle" });
    const report = validate(snapshot);
    expect(findings(report)).toEqual([["arbeitsplatzprofil.unknownRole", "Anforderungen", "E5", "error"]]);
    const issue = report.issues.find((i) => i.cell === "E5");
    expect(issue?.message).toContain("Unbekannte Rolle „Hausmeister“");
    expect(issue?.expected).toBe(
      "Rollen aus: Sachbearbeitung, Führungskraft, Außendienst, Bürgerservice, IT-Betreuung; oder leer/„alle“",
    );
    expect(issue?.received).toBe("„Hausmeister; Führungskraft“");
  });

  it("refuses statuses and workplace counts of a town slot without a name", () => {
    const snapshot = ownCopy();
    setCell(snapshot, "Anforderungen", "K12", { value: "erfüllt" });
    setCell(snapshot, "Anforderungen", "K14", { value: "teilweise" });
    setCell(snapshot, "Arbeitsplätze", "D7", { value: 4 }); // slot 3
    const report = validate(snapshot);
    expect(findings(report)).toEqual([
      ["arbeitsplatzprofil.statusWithoutTown", "Anforderungen", "K12", "error"],
      ["arbeitsplatzprofil.workplacesWithoutTown", "Arbeitsplätze", "D7", "error"],
    ]);
    expect(report.issues.find((i) => i.cell === "K12")?.message).toBe(
      "In der Spalte „Status 2“ stehen Bewertungen, aber Kommune 2 hat keinen Namen (Angaben!B7). Bitte den Namen eintragen oder die Bewertungen löschen.",
    );
    expect(report.issues.find((i) => i.cell === "D7")).toMatchObject({
      expected: "ein Name für Kommune 3",
      received: "kein Name",
    });
  });

  it("refuses a town named twice, and keeps a name starting with = as text", () => {
    const snapshot = ownCopy();
    setCell(snapshot, "Angaben", "B7", { value: " BOCKAU" });
    setCell(snapshot, "Angaben", "B8", { value: "=Aue" });
    const report = validate(snapshot);
    expect(findings(report)).toEqual([["arbeitsplatzprofil.duplicateTown", "Angaben", "B7", "error"]]);
    expect(report.issues.find((i) => i.cell === "B7")?.message).toBe(
      "Die Kommune „BOCKAU“ steht schon in Angaben!B6; jede Kommune bekommt nur eine Spalte.",
    );
  });

  it("warns about a dimension without any requirement, at the dimension header", () => {
    const snapshot = demo();
    const sheet = snapshot.sheets.find((s) => s.name === "Anforderungen")!;
    sheet.rows.forEach((cells, row) => {
      if (row > 4 && cells?.[2]?.value === "Vernetzt") sheet.rows[row] = [];
    });
    const report = validate(snapshot);
    expect(report.valid).toBe(true);
    expect(findings(report)).toEqual([
      ["arbeitsplatzprofil.dimensionWithoutRequirement", "Anforderungen", "B4", "warning"],
    ]);
    expect(report.issues.find((i) => i.cell === "B4")?.message).toBe(
      "Für die Dimension „Vernetzt“ gibt es keine Anforderung; ihr Erfüllungsgrad bleibt leer.",
    );
  });

  it("writes English messages on request, also for a German workbook", () => {
    const snapshot = demo("de");
    setCell(snapshot, "Anforderungen", "A9", { value: "HYB-01" });
    setCell(snapshot, "Anforderungen", "H6", { value: 2 });
    const report = validate(snapshot, "en");
    expect(report.issues.find((i) => i.cell === "A9")?.message).toBe(
      "The id “HYB-01” is already used in Anforderungen!A5; every requirement needs its own id.",
    );
    expect(report.issues.find((i) => i.cell === "H6")).toMatchObject({ received: "2 (number)" });
  });
});

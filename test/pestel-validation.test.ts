/**
 * Template „PESTEL-Matrix“: what users type wrong, each finding with its message and cell —
 * text and 4 in ratings, a German decimal comma, an unknown factor, unknown measure ids, an id
 * Excel turned into a date, blank rows in the middle, a renamed header, another template's
 * workbook — and the template's own rules (field of action, hot spot without measure, duplicates).
 */
import { describe, expect, it } from "vitest";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { checkPestel, extractPestel } from "../templates/pestel/checks.js";
import { planPestel } from "../templates/pestel/plan.js";
import { SHEET, pestelSpec } from "../templates/pestel/spec.js";
import { planToSnapshot, setCell, type MutableWorkbookSnapshot } from "../lib/testing/planToSnapshot.js";

const validate = (snapshot: MutableWorkbookSnapshot, language: Language = "de") =>
  validateWorkbook(pestelSpec, snapshot, { language, check: checkPestel });

/** A German long form of hand-written rows (columns A factor … K review date, rows from 5). */
function form(rows: RowValues[], town: RowValues = { name: "Bockau" }): MutableWorkbookSnapshot {
  const { plan } = planWorkbook(pestelSpec, {
    language: "de",
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.themes]: rows },
    formValues: { [SHEET.town]: town },
  });
  return planToSnapshot(plan, "bockau.xlsx");
}

const row = (
  theme: string,
  impact: number | string | undefined,
  room: number | string | undefined,
  extra: RowValues = {},
): RowValues => ({
  factor: "Technologisch",
  element: "Technische Ressourcen",
  theme,
  impact,
  room,
  ...extra,
});

const at = (issues: readonly ValidationIssue[], cell: string): ValidationIssue[] =>
  issues.filter((i) => i.cell === cell);
const only = (issues: readonly ValidationIssue[], cell: string): ValidationIssue => {
  const found = at(issues, cell);
  expect(found, `findings at ${cell}: ${found.map((i) => i.message).join(" | ")}`).toHaveLength(1);
  return found[0]!;
};

describe("pestel: clean workbooks", () => {
  it("accepts the blank template (naming only the missing town) and the demo in both languages", () => {
    const blank = validate(planToSnapshot(planPestel({ language: "de" }).plan, "vorlage.xlsx"));
    expect(blank.valid).toBe(true);
    expect(blank.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["town.nameMissing", "PESTEL-Kommune", "B4"]]);
    expect(extractPestel(blank.workbook!)).toMatchObject({ town: "vorlage", threshold: 6, themes: [] });

    for (const language of ["de", "en"] as const) {
      const report = validate(planToSnapshot(planPestel({ language, town: "Schönheide", demo: true }).plan), language);
      expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
      const workbook = extractPestel(report.workbook!);
      expect(workbook.town).toBe("Schönheide");
      expect(workbook.themes.length).toBeGreaterThan(12);
      expect(workbook.themes.every((t) => t.factor !== null && t.element !== null && t.impact !== null)).toBe(true);
    }
  });
});

describe("pestel: bad input, each with message and cell", () => {
  it("text in a rating, a rating of 4 and a German decimal comma", () => {
    const report = validate(form([row("Server", "hoch", 2), row("E-Akte", 3, 4), row("Personal", "2,5", 1)]));
    expect(report.valid).toBe(false);
    expect(only(report.issues, "D5")).toMatchObject({
      code: "cell.notANumber",
      sheet: "Themen",
      severity: "error",
      message: "In „Einfluss von außen (0–3)“ steht keine Zahl.",
      expected: "ganze Zahl von 0 bis 3",
      received: "„hoch“ (Text)",
    });
    expect(only(report.issues, "E6")).toMatchObject({
      code: "cell.outOfRange",
      message: "Der Wert in „Eigener Handlungsspielraum (0–3)“ liegt außerhalb des erlaubten Bereichs.",
      expected: "ganze Zahl von 0 bis 3",
      received: "4 (Zahl)",
    });
    expect(only(report.issues, "D7")).toMatchObject({
      code: "cell.numberAsText",
      received: "„2,5“ (Text)",
    });
    expect(only(report.issues, "D7").message).toContain("Zahl als Text");
    // unusable ratings give no score, in the library as in the sheet
    expect(extractPestel(report.workbook!).themes.map((t) => [t.impact, t.room])).toEqual([
      [null, 2],
      [3, null],
      [null, 1],
    ]);
  });

  it("an unknown factor and a blank element", () => {
    const report = validate(
      form([
        { ...row("Server", 3, 3), factor: "Kulturell" },
        { ...row("Klima", 1, 1), element: undefined },
      ]),
    );
    expect(only(report.issues, "A5")).toMatchObject({
      code: "cell.notInList",
      message: "Der Wert in „Faktor (Außensicht)“ ist nicht in der Auswahlliste.",
      expected: "ein Wert aus der Liste (Blatt „PESTEL-Listen“)",
      received: "„Kulturell“ (Text)",
    });
    expect(only(report.issues, "B6")).toMatchObject({
      code: "cell.required",
      message: "In „Element (Innensicht)“ fehlt ein Wert.",
    });
  });

  it("unknown measure ids, a field heading as id, a decimal comma and an id Excel stored as a date", () => {
    const report = validate(
      form([
        row("Server", 3, 3, { measures: "4.1, 5.1" }),
        row("Software", 3, 3, { measures: "4" }),
        row("E-Akte", 3, 3, { measures: "2,1" }),
        row("Arbeitsplätze", 3, 3, { measures: new Date(Date.UTC(2026, 0, 1)) }),
      ]),
    );
    expect(only(report.issues, "I5")).toMatchObject({
      code: "pestel.unknownMeasure",
      severity: "error",
      sheet: "Themen",
      message: "„5.1“ ist keine Nummer aus dem Maßnahmenkatalog.",
      expected: "Nummern 0, 1.1 … 4.4 aus dem Blatt „Maßnahmen“, mehrere mit Komma getrennt (z. B. 2.1, 4.2)",
      received: "„4.1, 5.1“ (Text)",
    });
    expect(only(report.issues, "I6").message).toBe(
      "„4“ ist ein Handlungsfeld, keine Maßnahme; bitte die Nummer der Maßnahme angeben (z. B. 4.1).",
    );
    expect(only(report.issues, "I7").message).toBe(
      "„2,1“: Maßnahmen werden mit Punkt geschrieben (2.1); mehrere Nummern mit Komma und Leerzeichen trennen (z. B. 2.1, 4.2).",
    );
    expect(only(report.issues, "I8")).toMatchObject({
      severity: "error",
      message:
        "Excel hat die Eingabe als Datum gespeichert (01.01.2026). Bitte die Zelle als Text formatieren und die Nummer neu eingeben, z. B. 1.1.",
    });
    // the known id of a cell with an unknown one still counts
    expect(extractPestel(report.workbook!).themes[0]?.measures).toEqual(["4.1"]);
  });

  it("skips blank rows in the middle: no finding there, later rows keep their own row numbers", () => {
    const report = validate(
      form([row("Server", 3, 3, { measures: "4.1" }), {}, {}, row("Software", 2, 3, { measures: "4.2" })]),
    );
    expect(report.issues).toEqual([]);
    expect(extractPestel(report.workbook!).themes.map((t) => [t.row, t.theme])).toEqual([
      [5, "Server"],
      [8, "Software"],
    ]);
  });

  it("a renamed header is reported at its cell, with the label expected and the text found", () => {
    const snapshot = form([row("Server", 3, 3, { measures: "4.1" })]);
    setCell(snapshot, "Themen", "C4", { value: "Themen-Titel" });
    const report = validate(snapshot);
    expect(at(report.issues, "C4").map((i) => i.code)).toEqual(["header.missing", "header.extra"]);
    expect(at(report.issues, "C4")[0]).toMatchObject({
      code: "header.missing",
      severity: "error",
      message: "Die Spalte „Thema“ fehlt in der Kopfzeile; an ihrer Stelle steht „Themen-Titel“.",
      expected: "Thema",
      received: "Themen-Titel",
    });
  });

  it("another template's workbook, and a PESTEL workbook claimed by another template, are refused", () => {
    const catalogue = validate(
      planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau" }).plan, "aufgaben.xlsx"),
    );
    expect(catalogue.usable).toBe(false);
    expect(catalogue.issues).toEqual([
      expect.objectContaining({
        code: "workbook.wrongTemplate",
        file: "aufgaben.xlsx",
        message: "Falsche Vorlage: erwartet „pestel“, die Arbeitsmappe ist „aufgabenkatalog“.",
      }),
    ]);
  });

  it("a threshold outside 1–9 is an error on its cell, and 6 applies meanwhile", () => {
    const report = validate(form([row("Server", 2, 3, { measures: "4.1" })], { name: "Bockau", threshold: 12 }));
    expect(only(report.issues, "B6")).toMatchObject({
      sheet: "PESTEL-Kommune",
      code: "cell.outOfRange",
      expected: "ganze Zahl von 1 bis 9",
    });
    expect(extractPestel(report.workbook!).threshold).toBe(6);
  });
});

describe("pestel: the template's own rules", () => {
  it("a measure of another field, a hot spot without measure and a duplicate theme", () => {
    const report = validate(
      form([
        row("Server", 3, 3, { actionField: "1 – Gemeinsame Leistungserbringung", measures: "1.3, 4.1, 0" }),
        row("Software", 3, 2),
        row("Server ", 1, 1, { measures: "4.1" }),
        row("Server", 1, 1, { element: "Produkte und Leistungen", measures: "1.1" }),
      ]),
    );
    expect(report.valid).toBe(true);
    expect(only(report.issues, "I5")).toMatchObject({
      code: "pestel.measureOfOtherField",
      severity: "warning",
      message:
        "Maßnahme 4.1 gehört zum Handlungsfeld 4 (Wirtschaftlichkeit und Nachhaltigkeit), die Zeile nennt Handlungsfeld 1.",
      expected: "Maßnahmen des Handlungsfelds 1 oder Maßnahme 0",
      received: "4.1 (Handlungsfeld 4)",
    });
    expect(only(report.issues, "I6")).toMatchObject({
      severity: "info",
      message: "Brennpunkt ohne Maßnahme: „Software“ (6 Punkte).",
    });
    expect(only(report.issues, "C7")).toMatchObject({
      severity: "warning",
      message: "Das Thema „Server“ steht für denselben Faktor und dasselbe Element schon in Themen!C5.",
    });
    // same text for another element is no duplicate
    expect(at(report.issues, "C8")).toEqual([]);
  });

  it("writes the rules in English on request, for a German workbook too", () => {
    const report = validate(form([row("Server", 3, 3, { measures: "9.9" }), row("Software", 3, 3)]), "en");
    expect(only(report.issues, "I5").message).toBe("“9.9” is not a number of the catalogue of measures.");
    expect(only(report.issues, "I6").message).toBe("Hot spot without a measure: “Software” (score 9).");
  });
});

/**
 * The PESTEL analysis over three hand-made town workbooks. Every expected value below was worked
 * out by hand from the rows (scores = impact × room; each town's own threshold), not by running
 * the code: the ranking of hot spots across towns, the fields of action with their measures, the
 * fields hot in several towns, the summary, and the analysis workbook (values only).
 */
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import type { PlannedRow } from "../lib/plan/WorkbookPlan.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import type { AnalysisSource } from "../templates/analysis.js";
import type { AnalysedTheme } from "../templates/pestel/analysis.js";
import { pestelModule } from "../templates/pestel/module.js";
import { SHEET, pestelSpec } from "../templates/pestel/spec.js";
import { planToSnapshot } from "../lib/testing/planToSnapshot.js";

const F4 = "4 – Wirtschaftlichkeit und Nachhaltigkeit";

const theme = (
  factor: string,
  element: string,
  text: string,
  impact: number | undefined,
  room: number | undefined,
  extra: RowValues = {},
): RowValues => ({
  factor,
  element,
  theme: text,
  impact,
  room,
  ...extra,
});

/** Three towns (rows start at 5; the comment gives score and whether it is a hot spot). */
const TOWNS: readonly { file: string; name: string; threshold: number; rows: RowValues[] }[] = [
  {
    file: "zschorlau.xlsx",
    name: "Zschorlau",
    threshold: 6,
    rows: [
      theme("Technologisch", "Technische Ressourcen", "Eigene Server", 3, 3, { actionField: F4, measures: "4.1" }), // 9 hot
      theme("Sozio-kulturell", "Personal und Aufbauorganisation", "Altersabgänge", 3, 2, { measures: "3.2, 3.3" }), // 6 hot
      theme("Wirtschaftlich", "Technische Ressourcen", "Lizenzkosten", 2, 2, { measures: "4.2" }), // 4
      theme("Rechtlich", "Personal und Aufbauorganisation", "Vergaberecht", 2, 3), // 6 hot, no measure
    ],
  },
  {
    file: "bockau.xlsx",
    name: "Bockau",
    threshold: 4,
    rows: [
      theme("Sozio-kulturell", "Personal und Aufbauorganisation", "Nachwuchs fehlt", 2, 2, { measures: "3.3" }), // 4 hot
      theme("Technologisch", "Technische Ressourcen", "Server veraltet", 3, 2, { measures: "4.1; 0" }), // 6 hot
      theme("Politisch", "Geschäftsprozesse/Ablauforganisation", "Ratsberichte", 1, 3, { measures: "0" }), // 3
    ],
  },
  {
    file: "stuetzengruen.xlsx",
    name: "Stützengrün",
    threshold: 9,
    rows: [
      theme("Technologisch", "Technische Ressourcen", "Zu viele Programme", 3, 3, { actionField: F4, measures: "4.2" }), // 9 hot
      theme("Sozio-kulturell", "Personal und Aufbauorganisation", "Altersabgänge", 3, 2), // 6, below 9
      theme("Ökologisch", "Produkte und Leistungen", "Wärmeplanung", undefined, 2), // unrated
      theme("Rechtlich", "Geschäftsprozesse/Ablauforganisation", "=SUMME(A1:A3)", 0, 1), // 0; text, not a formula
    ],
  },
];

function sources(): AnalysisSource[] {
  return TOWNS.map((town) => {
    const { plan } = planWorkbook(pestelSpec, {
      language: "de",
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.themes]: town.rows },
      formValues: { [SHEET.town]: { name: town.name, threshold: town.threshold } },
    });
    const report = validateWorkbook(pestelSpec, planToSnapshot(plan, town.file), {
      language: "de",
      check: pestelModule.check,
    });
    expect(report.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const workbook = report.workbook!;
    return { workbook, town: pestelModule.analysis.townOf(workbook) ?? town.file };
  });
}

/** „Town row“ of a theme, e.g. `Zschorlau 5`. */
const where = (theme: AnalysedTheme): string => `${theme.town} ${theme.cell.replace(/^Themen!C/, "")}`;

describe("pestel analysis of three towns", () => {
  const result = pestelModule.analysis.analyse(sources(), "de");

  it("names each town by its own field and counts themes and hot spots with the town's threshold", () => {
    expect(result.towns.map((t) => [t.town, t.file, t.threshold, t.themeCount, t.hotSpotCount])).toEqual([
      ["Zschorlau", "zschorlau.xlsx", 6, 4, 3],
      ["Bockau", "bockau.xlsx", 4, 3, 2],
      ["Stützengrün", "stuetzengruen.xlsx", 9, 4, 1],
    ]);
  });

  it("ranks the hot spots across towns: score, impact, factor, element, theme, then the towns' order", () => {
    expect(result.hotSpots.map((t) => [where(t), t.score])).toEqual([
      ["Zschorlau 5", 9], // „Eigene Server“ before „Zu viele Programme“: same keys up to the theme
      ["Stützengrün 5", 9],
      ["Zschorlau 6", 6], // impact 3, socio-cultural before technological
      ["Bockau 6", 6], // impact 3, technological
      ["Zschorlau 8", 6], // impact 2
      ["Bockau 5", 4],
    ]);
    expect(result.hotSpots[0]).toMatchObject({
      cell: "Themen!C5",
      theme: "Eigene Server",
      actionField: 4,
      measures: ["4.1"],
    });
  });

  it("groups themes and measures by field of action, with the measures' titles", () => {
    const groups = result.actionFields.map((group) => ({
      field: group.field,
      themes: group.themes.map(where),
      measures: group.measures.map((m) => [m.id, m.title, m.themes.map(where), m.hotSpots, m.towns]),
    }));
    expect(groups).toEqual([
      { field: 1, themes: [], measures: [] },
      { field: 2, themes: [], measures: [] },
      {
        field: 3,
        themes: ["Zschorlau 6", "Bockau 5"],
        measures: [
          ["3.2", "Gemeinsame Strategie zur Personalgewinnung verfolgen", ["Zschorlau 6"], 1, ["Zschorlau"]],
          [
            "3.3",
            "Interkommunalen Ausbildungsverbund gründen",
            ["Zschorlau 6", "Bockau 5"],
            2,
            ["Zschorlau", "Bockau"],
          ],
        ],
      },
      {
        field: 4,
        themes: ["Zschorlau 5", "Stützengrün 5", "Bockau 6", "Zschorlau 7"],
        measures: [
          [
            "4.1",
            "Technik und Infrastruktur interkommunal effizient betreiben",
            ["Zschorlau 5", "Bockau 6"],
            2,
            ["Zschorlau", "Bockau"],
          ],
          [
            "4.2",
            "Software-Landschaft konsolidieren",
            ["Stützengrün 5", "Zschorlau 7"],
            1,
            ["Zschorlau", "Stützengrün"],
          ],
        ],
      },
      {
        field: null,
        // Stützengrün's „Altersabgänge“ (6, impact 3) before Zschorlau's „Vergaberecht“ (6, impact 2); unrated last
        themes: ["Stützengrün 6", "Zschorlau 8", "Bockau 7", "Stützengrün 8", "Stützengrün 7"],
        measures: [["0", "Grundlagen für Kooperation schaffen", ["Bockau 6", "Bockau 7"], 1, ["Bockau"]]],
      },
    ]);
  });

  it("finds the fields hot in several towns, most towns first", () => {
    expect(result.shared).toEqual([
      {
        factor: "technological",
        element: "resources",
        towns: [
          { town: "Zschorlau", maxScore: 9, hotSpots: 1 },
          { town: "Bockau", maxScore: 6, hotSpots: 1 },
          { town: "Stützengrün", maxScore: 9, hotSpots: 1 },
        ],
      },
      {
        factor: "social",
        element: "staff",
        towns: [
          { town: "Zschorlau", maxScore: 6, hotSpots: 1 },
          { town: "Bockau", maxScore: 4, hotSpots: 1 },
        ],
      },
    ]);
  });

  it("summarises in German and English", () => {
    expect(pestelModule.analysis.summary(result, "de")).toEqual([
      "PESTEL-Auswertung: 3 Kommunen, 11 Themen, 6 Brennpunkte.",
      "Stärkster Brennpunkt: Zschorlau – Technologisch × Technische Ressourcen: „Eigene Server“ (9 Punkte).",
      "In mehreren Kommunen heiß: 2 Felder, zuerst Technologisch × Technische Ressourcen (3 Kommunen).",
      "Verknüpfte Maßnahmen: 5; am häufigsten 3.3 „Interkommunalen Ausbildungsverbund gründen“ (2 Themen).",
      "Brennpunkte ohne Maßnahme: 1.",
    ]);
    const english = pestelModule.analysis.summary(pestelModule.analysis.analyse(sources(), "en"), "en");
    expect(english[0]).toBe("PESTEL analysis: 3 towns, 11 themes, 6 hot spots.");
    expect(english[3]).toBe(
      "Linked measures: 5; most often 3.3 “Found an inter-municipal training network” (2 themes).",
    );
  });

  it("plans a workbook of values only, town texts as text, that survives the exceljs writer and reader", async () => {
    const { plan } = pestelModule.analysis.plan(result, "de");
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Brennpunkte",
      "Handlungsfelder",
      "Gemeinsame Felder",
      "Übersicht",
      "Quellen",
      "_ikz_pestel-auswertung",
    ]);
    const rowsOf = (name: string): PlannedRow[] => [...(plan.sheets.find((s) => s.name === name)?.rows() ?? [])];
    for (const sheet of plan.sheets)
      for (const row of sheet.rows()) for (const cell of row.cells) expect(cell.formula).toBeUndefined();
    const first = rowsOf("Brennpunkte").find((r) => r.row === 5)!;
    expect(first.cells.map((c) => c.value ?? null)).toEqual([
      1,
      "Zschorlau",
      "Technologisch",
      "Technische Ressourcen",
      "Eigene Server",
      3,
      3,
      9,
      F4,
      "4.1",
      null,
      null,
      "Themen!C5",
    ]);
    // the overview: technological × resources has 3 themes, hot in 3 towns; it is coloured by a scale 0…3
    const overview = plan.sheets.find((s) => s.name === "Übersicht")!;
    const technological = [...overview.rows()].find((r) => r.row === 9)!;
    expect(technological.cells.filter((c) => c.column >= 8).map((c) => c.value)).toEqual([3, 3]);
    expect(overview.colorScales?.[3]).toMatchObject({ range: "I6:I11", max: { type: "number", value: 3 } });

    // field 3: its heading, then one row per measure and theme (fields 1 and 2 have only their heading)
    const fieldRows = rowsOf("Handlungsfelder").filter((r) => r.row >= 7 && r.row <= 10);
    expect(fieldRows.map((r) => r.cells.map((c) => c.value ?? null))).toEqual([
      ["3 – Kapazitäten und Kompetenzen", "2 Themen, davon 2 Brennpunkte"],
      [
        null,
        "3.2",
        "Gemeinsame Strategie zur Personalgewinnung verfolgen",
        "Zschorlau",
        "Altersabgänge",
        6,
        "Brennpunkt",
      ],
      [null, "3.3", "Interkommunalen Ausbildungsverbund gründen", "Zschorlau", "Altersabgänge", 6, "Brennpunkt"],
      [null, "3.3", "Interkommunalen Ausbildungsverbund gründen", "Bockau", "Nachwuchs fehlt", 4, "Brennpunkt"],
    ]);

    const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), "auswertung.xlsx");
    const fields = snapshot.sheets.find((s) => s.name === "Handlungsfelder")!;
    const cells = fields.rows.flatMap((row) => row ?? []);
    // a theme that looks like a formula is text in the result, as it was in the town's workbook
    expect(cells.filter((cell) => cell?.value === "=SUMME(A1:A3)")).toEqual([{ value: "=SUMME(A1:A3)" }]);
    expect(
      snapshot.sheets.every((s) => s.rows.every((row) => (row ?? []).every((cell) => cell?.formula === undefined))),
    ).toBe(true);
  });
});

/**
 * Formula parity for template „PESTEL-Matrix“: randomised long forms — ties, zeros, every factor ×
 * element × rating combination, blank rows and empty cells in the middle, unusable ratings (4, 1.5,
 * text), odd thresholds, both languages — plus the blank template and the demo are written as
 * workbooks, recalculated by LibreOffice (one batch), read back, and every score, hot-spot marker,
 * matrix count, highest score and matrix marker must equal lib/pestel exactly. The recalculated
 * demo must still carry the matrix's colour scales.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { cellAddress, parseCellAddress } from "../lib/cells/address.js";
import { seededRandom } from "../lib/numbers/seededRandom.js";
import { computeMatrix } from "../lib/pestel/computeMatrix.js";
import { INNER_ELEMENTS, PESTEL_FACTORS } from "../lib/pestel/model.js";
import { scoreTheme } from "../lib/pestel/scoreTheme.js";
import { planWorkbook, type PlannedWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { snapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import {
  MATRIX_FIRST_FACTOR_ROW,
  MATRIX_SUMMARY_ROW,
  MATRIX_THRESHOLD_INVALID,
  matrixAddress,
} from "../templates/pestel/formulas/matrix.js";
import { checkPestel, extractPestel } from "../templates/pestel/checks.js";
import { planPestel, withPestelChecks } from "../templates/pestel/plan.js";
import { HEADER_ROW, SHEET, TOWN_FIRST_ROW, pestelSpec } from "../templates/pestel/spec.js";
import {
  ELEMENT_LABELS,
  FACTOR_LABELS,
  HOT_SPOT_TEXT,
  THRESHOLD_INVALID_TEXT,
  hotSpotMarker,
} from "../templates/pestel/terms.js";
import { TEXT_MATRIX_SLOTS, textMatrix } from "../templates/pestel/textMatrix.js";
import { textMatrixAddress } from "../templates/pestel/formulas/textMatrix.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { expectStoredResults } from "./support/storedResults.js";

/** Randomised long forms per run; IKZ_PARITY_PESTEL overrides it for a quick local run. */
const FORM_COUNT = Number(process.env["IKZ_PARITY_PESTEL"] ?? 20);

interface Case {
  readonly id: string;
  readonly language: Language;
  readonly planned: PlannedWorkbook;
}

type Cell = string | number | undefined;

/** A rating as users leave it: mostly 0–3, sometimes empty, 4, 1.5, -1, „2“ as text or a word. */
function ratingOf(random: () => number, coarse: boolean): Cell {
  const r = random();
  if (coarse) return r < 0.5 ? 3 : r < 0.8 ? 2 : r < 0.9 ? 0 : undefined;
  if (r < 0.75) return Math.floor(random() * 4);
  if (r < 0.85) return undefined;
  return [4, 1.5, -1, "2", "drei"][Math.floor(random() * 5)];
}

function labelOf<K extends string>(
  random: () => number,
  labels: Readonly<Record<K, { de: string; en: string }>>,
  keys: readonly K[],
  language: Language,
): Cell {
  const r = random();
  if (r < 0.05) return undefined;
  if (r < 0.08) return language === "de" ? "Kulturell" : "Cultural";
  const label = labels[keys[Math.floor(random() * keys.length)] as K][language];
  // Excel's and LibreOffice's COUNTIFS ignore case, like the reader
  return r < 0.12 ? label.toLowerCase() : label;
}

function randomForm(index: number): Case {
  const random = seededRandom(`pestel-parity-${index}`);
  const language: Language = index % 2 === 0 ? "de" : "en";
  const coarse = index % 3 === 0; // few distinct ratings: many ties
  const count = Math.floor(random() * 140);
  const rows: RowValues[] = [];
  for (let i = 0; i < count; i++) {
    if (random() < 0.08) {
      rows.push({}); // a blank row in the middle
      continue;
    }
    rows.push({
      factor: labelOf(random, FACTOR_LABELS, PESTEL_FACTORS, language),
      element: labelOf(random, ELEMENT_LABELS, INNER_ELEMENTS, language),
      theme: random() < 0.95 ? `Thema ${i + 1}` : undefined,
      impact: ratingOf(random, coarse),
      room: ratingOf(random, coarse),
    });
  }
  // unusable ones too: empty, 12, 5.5, text, 0 and „66 %“ (stored as 0.66)
  const thresholds: Cell[] = [1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, undefined, 12, 5.5, "abc", 0, 0.66];
  const threshold = thresholds[Math.floor(random() * thresholds.length)];
  const planned = withPestelChecks(
    planWorkbook(pestelSpec, {
      language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.themes]: rows },
      formValues: { [SHEET.town]: { name: `Parität ${index}`, threshold } },
      spareRows: { [SHEET.themes]: Math.floor(random() * 30) },
    }),
  );
  return { id: `form-${index}`, language, planned };
}

/** Every factor × element × impact × room once (384 rows), in both languages. */
function allCombinations(language: Language): Case {
  const rows: RowValues[] = [];
  for (const factor of PESTEL_FACTORS)
    for (const element of INNER_ELEMENTS)
      for (let impact = 0; impact <= 3; impact++)
        for (let room = 0; room <= 3; room++)
          rows.push({
            factor: FACTOR_LABELS[factor][language],
            element: ELEMENT_LABELS[element][language],
            theme: `${factor} ${element} ${impact}×${room}`,
            impact,
            room,
          });
  const planned = planWorkbook(pestelSpec, {
    language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.themes]: rows },
    formValues: { [SHEET.town]: { name: "Alle Kombinationen", threshold: 4 } },
  });
  return { id: `all-${language}`, language, planned };
}

const CASES: Case[] = [
  ...Array.from({ length: FORM_COUNT }, (_, index) => randomForm(index)),
  allCombinations("de"),
  allCombinations("en"),
  { id: "blank", language: "de", planned: planPestel({ language: "de" }) },
  { id: "demo-de", language: "de", planned: planPestel({ language: "de", town: "Stützengrün", demo: true }) },
  { id: "demo-en", language: "en", planned: planPestel({ language: "en", town: "Bockau", demo: true }) },
];

function sheetNamed(snapshot: WorkbookSnapshot, key: string, language: Language): SheetSnapshot {
  const spec = pestelSpec.sheets.find((s) => s.key === key);
  const sheet = snapshot.sheets.find((s) => s.name === spec?.name[language]);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

/** The sheet's value at an address: numbers as numbers, empty text and empty cells as "". */
function shown(sheet: SheetSnapshot, address: string): unknown {
  const { row, column } = parseCellAddress(address);
  const value = snapshotCell(sheet, row, column)?.value ?? null;
  return value === null ? "" : value;
}

describe("pestel: formulas", () => {
  it("use only compatible functions, and the cases cover ties, zeros, bad ratings and both languages", () => {
    for (const c of CASES.slice(-3)) expectCompatibleFormulas(c.planned.plan);
    expect(new Set(CASES.map((c) => c.language))).toEqual(new Set(["de", "en"]));
  });
});

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: PESTEL matrix", () => {
  let dir = "";
  const recalculated = new Map<string, string>();

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-parity-pestel-"));
    const files: string[] = [];
    for (const c of CASES) {
      const file = join(dir, `${c.id}.xlsx`);
      await writePlanToFile(c.planned.plan, file);
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    outputs.forEach((file, index) => {
      const c = CASES[index];
      if (c) recalculated.set(c.id, file);
    });
  });

  it("every written file stores LibreOffice's result in every formula cell (docs/decisions/0013)", () => {
    expectStoredResults(
      [...recalculated].map(([id, file]) => ({
        id,
        written: join(dir, `${id}.xlsx`),
        recalculated: file,
        germanNumbersInText: true,
      })),
    );
  });

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s: every score, marker and matrix cell agrees", async (id, c) => {
    const file = recalculated.get(id);
    expect(file).toBeDefined();
    const snapshot = await readSnapshotFromXlsx(file!, `${id}.xlsx`);
    const report = validateWorkbook(pestelSpec, snapshot, { language: c.language, check: checkPestel });
    expect(report.usable).toBe(true);
    const workbook = extractPestel(report.workbook!);
    const mismatches: string[] = [];
    const compare = (where: string, sheetValue: unknown, libValue: unknown): void => {
      if (sheetValue !== libValue)
        mismatches.push(`${where}: sheet ${JSON.stringify(sheetValue)}, lib ${JSON.stringify(libValue)}`);
    };

    const town = sheetNamed(snapshot, SHEET.town, c.language);
    compare("threshold in force", shown(town, `B${TOWN_FIRST_ROW + 3}`), workbook.threshold);

    // every planned data row: a theme's score and marker, or nothing
    const themes = sheetNamed(snapshot, SHEET.themes, c.language);
    const errorRows = new Set(
      report.issues
        .filter((i) => i.severity === "error" && i.sheet === themes.name && i.cell !== undefined)
        .map((i) => parseCellAddress(i.cell!).row),
    );
    const byRow = new Map(workbook.themes.map((t) => [t.row, t]));
    const place = c.planned.layout.sheets.get(SHEET.themes)!;
    for (let row = HEADER_ROW + 1; row <= place.lastDataRow; row++) {
      const theme = byRow.get(row);
      const score = theme === undefined ? null : scoreTheme(theme.impact, theme.room);
      compare(`F${row}`, shown(themes, `F${row}`), score ?? "");
      // a row the reader refuses shows „✗ …“; a scored row under an unusable threshold names it
      const refused = errorRows.has(row);
      const marker = shown(themes, `G${row}`);
      if (refused) {
        if (!String(marker).startsWith("✗ "))
          mismatches.push(`G${row}: sheet ${JSON.stringify(marker)}, lib: row refused`);
      } else {
        compare(
          `G${row}`,
          marker,
          score === null
            ? ""
            : !workbook.thresholdUsable
              ? THRESHOLD_INVALID_TEXT[c.language]
              : score >= workbook.threshold
                ? HOT_SPOT_TEXT[c.language]
                : "",
        );
      }
    }
    const thresholdRefused = report.issues.some((i) => i.severity === "error" && i.sheet === town.name);
    compare(
      "threshold check C6 shows ✗",
      String(shown(town, `C${TOWN_FIRST_ROW + 2}`)).startsWith("✗"),
      thresholdRefused,
    );
    compare("threshold usable", workbook.thresholdUsable, !thresholdRefused);

    const matrixSheet = sheetNamed(snapshot, SHEET.matrix, c.language);
    const matrix = computeMatrix(workbook.themes, workbook.threshold);
    matrix.cells.forEach((cell) => {
      const f = PESTEL_FACTORS.indexOf(cell.factor);
      const e = INNER_ELEMENTS.indexOf(cell.element);
      compare(`count ${matrixAddress(f, e, "count")}`, shown(matrixSheet, matrixAddress(f, e, "count")), cell.count);
      compare(`max ${matrixAddress(f, e, "max")}`, shown(matrixSheet, matrixAddress(f, e, "max")), cell.maxScore ?? "");
      compare(
        `marker ${matrixAddress(f, e, "marker")}`,
        shown(matrixSheet, matrixAddress(f, e, "marker")),
        workbook.thresholdUsable ? hotSpotMarker(cell.hotSpots, c.language) : MATRIX_THRESHOLD_INVALID[c.language],
      );
    });
    matrix.totals.forEach((total, e) => {
      const f = PESTEL_FACTORS.length;
      compare(`total ${matrixAddress(f, e, "count")}`, shown(matrixSheet, matrixAddress(f, e, "count")), total.count);
      compare(
        `total ${matrixAddress(f, e, "max")}`,
        shown(matrixSheet, matrixAddress(f, e, "max")),
        total.maxScore ?? "",
      );
      compare(
        `total ${matrixAddress(f, e, "marker")}`,
        shown(matrixSheet, matrixAddress(f, e, "marker")),
        workbook.thresholdUsable ? hotSpotMarker(total.hotSpots, c.language) : MATRIX_THRESHOLD_INVALID[c.language],
      );
    });
    // the text matrix: every field's lines (themes, „Brennpunkt: “, scores, „… und n weitere“) and marker
    const textSheet = sheetNamed(snapshot, SHEET.textMatrix, c.language);
    textMatrix(workbook.themes, workbook.threshold, workbook.thresholdUsable, c.language).forEach((field) => {
      const f = PESTEL_FACTORS.indexOf(field.factor);
      const e = INNER_ELEMENTS.indexOf(field.element);
      const text = textMatrixAddress(f, e, "themes");
      const marker = textMatrixAddress(f, e, "marker");
      compare(`text ${text}`, String(shown(textSheet, text)).replace(/\r\n/g, "\n"), field.text);
      compare(`text marker ${marker}`, shown(textSheet, marker), field.marker);
    });
    // the summary line: ✓ exactly when the library finds no error; else the failed checks counted
    const summary = String(shown(matrixSheet, `A${MATRIX_SUMMARY_ROW}`));
    // one check per kind: the themes' own problems, the threshold
    const expectedFailures = (errorRows.size > 0 ? 1 : 0) + (thresholdRefused ? 1 : 0);
    compare("summary", summary.startsWith(expectedFailures === 0 ? "✓ " : `✗ ${expectedFailures} `), true);
    compare("valid ⇔ ✓", report.valid, summary.startsWith("✓ "));
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("the cases are not trivial: hot spots, empty fields, unrated themes and several thresholds occur", async () => {
    let hot = 0;
    let fullFields = 0;
    let hotLines = 0;
    let unratedThemes = 0;
    const thresholds = new Set<number>();
    let unusableThresholds = 0;
    for (const c of CASES) {
      const snapshot = await readSnapshotFromXlsx(recalculated.get(c.id)!, `${c.id}.xlsx`);
      const workbook = extractPestel(validateWorkbook(pestelSpec, snapshot, { language: c.language }).workbook!);
      thresholds.add(workbook.threshold);
      if (!workbook.thresholdUsable) unusableThresholds++;
      const matrix = computeMatrix(workbook.themes, workbook.threshold);
      hot += matrix.cells.filter((cell) => cell.hotSpots > 0).length;
      unratedThemes += workbook.themes.filter((t) => scoreTheme(t.impact, t.room) === null).length;
      const fields = textMatrix(workbook.themes, workbook.threshold, workbook.thresholdUsable, c.language);
      fullFields += fields.filter((field) => field.text.split("\n").length > TEXT_MATRIX_SLOTS).length;
      hotLines += fields.filter((field) => /^– (Brennpunkt|Hot spot): /m.test(field.text)).length;
    }
    expect(fullFields).toBeGreaterThan(20);
    expect(hotLines).toBeGreaterThan(50);
    expect(hot).toBeGreaterThan(50);
    expect(unratedThemes).toBeGreaterThan(50);
    expect(thresholds.size).toBeGreaterThan(4);
    expect(unusableThresholds).toBeGreaterThan(1);
  });

  it("LibreOffice keeps the matrix's colour scales (0 white, 4 yellow, 9 red) when it saves the workbook", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculated.get("demo-de")!);
    const sheet = book.getWorksheet("Matrix") as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { type: string; cfvo?: { type: string; value?: number }[]; color?: { argb?: string }[] }[];
      }[];
    };
    const scales = sheet.conditionalFormattings.flatMap((cf) =>
      cf.rules.filter((r) => r.type === "colorScale").map((rule) => ({ ref: cf.ref, rule })),
    );
    expect(scales.map((s) => s.ref)).toEqual(
      INNER_ELEMENTS.map((_, e) => `${matrixAddress(0, e, "max")}:${matrixAddress(PESTEL_FACTORS.length, e, "max")}`),
    );
    for (const { rule } of scales) {
      expect(rule.cfvo).toEqual([
        { type: "num", value: 0 },
        { type: "num", value: 4 },
        { type: "num", value: 9 },
      ]);
      expect(rule.color?.map((color) => color.argb?.slice(-6).toUpperCase())).toEqual(["FFFFFF", "FFEB84", "F8696B"]);
    }
    expect(cellAddress(MATRIX_FIRST_FACTOR_ROW, 3)).toBe(matrixAddress(0, 0, "max"));
  });
});

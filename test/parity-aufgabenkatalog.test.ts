/**
 * Formula parity: randomised task catalogues are written as workbooks, recalculated by
 * LibreOffice (a real spreadsheet engine), read back, and every score, rank and class the
 * sheet computed must equal what lib/ computes from the same inputs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { seededRandom } from "../lib/numbers/seededRandom.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import { parseCellAddress } from "../lib/cells/address.js";
import { snapshotCell, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { CRITERIA } from "../templates/aufgabenkatalog/criteria.js";
import { SHEET, taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue, computePriorities, extractTaskCatalogue } from "../templates/aufgabenkatalog/taskCatalogue.js";
import { productLeaves } from "../templates/reference/productFramework.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";

interface Scenario {
  readonly seed: string;
  readonly rows: number;
  /** Criteria whose column is 0 (or empty) in every row. */
  readonly zeroColumns: readonly string[];
  /** Draw values from a few levels only, so many rows tie. */
  readonly coarse: boolean;
  readonly blankShare: number;
}

const SCENARIOS: readonly Scenario[] = [
  { seed: "wide-a", rows: 400, zeroColumns: [], coarse: false, blankShare: 0.1 },
  { seed: "ties-b", rows: 350, zeroColumns: [], coarse: true, blankShare: 0 },
  { seed: "zero-fte", rows: 300, zeroColumns: ["fte"], coarse: false, blankShare: 0.2 },
  { seed: "zero-measured", rows: 250, zeroColumns: ["fte", "casesPerYear", "minutesPerCase"], coarse: true, blankShare: 0.05 },
  { seed: "zero-ratings", rows: 300, zeroColumns: ["strategicImportance", "politicalSignificance", "needForAction"], coarse: false, blankShare: 0 },
  { seed: "mixed-f", rows: 500, zeroColumns: ["specialisation"], coarse: true, blankShare: 0.3 },
];

function scenarioPlan(scenario: Scenario) {
  const random = seededRandom(scenario.seed);
  const leaves = productLeaves();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const maybe = (value: number): number | undefined => (random() < scenario.blankShare ? undefined : value);
  const rows: RowValues[] = [];
  for (let index = 0; index < scenario.rows; index++) {
    const code = index < leaves.length ? (leaves[index]?.code ?? "") : String(100000 + index);
    const row: Record<string, string | number | undefined> = { code, name: `Aufgabe ${index + 1}` };
    row["fte"] = maybe(scenario.coarse ? pick([0, 0.5, 1, 2]) : Math.round(random() * 500) / 100);
    row["casesPerYear"] = maybe(scenario.coarse ? pick([0, 100, 1000]) : Math.floor(random() * 20000));
    row["minutesPerCase"] = maybe(scenario.coarse ? pick([0, 15, 60]) : Math.round(random() * 2400) / 10);
    for (const c of CRITERIA.filter((c) => c.kind === "rated")) row[c.key] = maybe(Math.floor(random() * 4));
    for (const key of scenario.zeroColumns) row[key] = random() < 0.5 ? 0 : undefined;
    rows.push(row);
  }
  const weights: RowValues[] = CRITERIA.map(() => ({ weight: pick([0, 0.5, 1, 1.25, 2, 3, 7.5]) }));
  if (weights.every((w) => w["weight"] === 0)) weights[0] = { weight: 1 };
  const classB = Math.round(random() * 400) / 10;
  const classA = classB + 5 + Math.round(random() * 400) / 10;
  return planWorkbook(taskCatalogueSpec, {
    language: random() < 0.5 ? "de" : "en",
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.tasks]: rows, [SHEET.criteria]: weights },
    formValues: { [SHEET.town]: { name: `Parität ${scenario.seed}`, classAThreshold: classA, classBThreshold: classB } },
  });
}

function sheetValue(snapshot: WorkbookSnapshot, qualified: string): unknown {
  const [sheetName, address] = qualified.split("!");
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet || !address) throw new Error(`no cell ${qualified}`);
  const { row, column } = parseCellAddress(address);
  return snapshotCell(sheet, row, column)?.value;
}

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: task catalogue", () => {
  let dir = "";
  const recalculated: { scenario: Scenario; file: string }[] = [];

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-parity-"));
    const files: string[] = [];
    for (const scenario of SCENARIOS) {
      const file = join(dir, `${scenario.seed}.xlsx`);
      await writePlanToFile(scenarioPlan(scenario).plan, file, { force: false });
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    outputs.forEach((file, index) => {
      const scenario = SCENARIOS[index];
      if (scenario) recalculated.push({ scenario, file });
    });
  });

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(SCENARIOS.map((s) => [s.seed, s] as const))("scenario %s: every score, rank and class agrees", async (seed) => {
    const entry = recalculated.find((r) => r.scenario.seed === seed);
    expect(entry).toBeDefined();
    const snapshot = await readSnapshotFromXlsx(entry!.file, `${seed}.xlsx`);
    const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const priorities = computePriorities(extractTaskCatalogue(report.workbook!));
    expect(priorities.tasks.length).toBe(entry!.scenario.rows);
    let mismatches = 0;
    for (const task of priorities.tasks) {
      const score = sheetValue(snapshot, task.cell);
      const [sheetName, address] = task.cell.split("!");
      const { row } = parseCellAddress(address ?? "");
      const rank = sheetValue(snapshot, `${sheetName}!P${row}`);
      const cls = sheetValue(snapshot, `${sheetName}!Q${row}`);
      if (typeof score !== "number" || Math.abs(score - task.score) > 1e-9 || rank !== task.rank || cls !== task.class) {
        mismatches++;
        if (mismatches <= 5) console.error({ cell: task.cell, sheet: { score, rank, cls }, lib: task });
      }
    }
    expect(mismatches).toBe(0);
    const classes = new Set(priorities.tasks.map((t) => t.class));
    expect(classes.size).toBeGreaterThan(1);
  });
});

describe.skipIf(libreOfficeSkipRequested())("ikz priorities agrees with LibreOffice on the demo workbook", () => {
  it("every score, rank and class of `ikz template --demo` recalculated by LibreOffice equals `ikz priorities --json`", async () => {
    requireLibreOffice();
    const { runCli } = await import("../cli/ikz.js");
    const dir = await mkdtemp(join(tmpdir(), "ikz-demo-parity-"));
    try {
      const demo = join(dir, "demo.xlsx");
      const quiet = { stdout: () => undefined, stderr: () => undefined };
      expect(await runCli(["template", "aufgabenkatalog", "--demo", "--town", "Schönheide", "--out", demo], quiet)).toBe(0);
      const [recalculated] = await recalculateWithLibreOffice([demo], { outDir: join(dir, "lo") });
      const out: string[] = [];
      expect(await runCli(["priorities", recalculated!, "--json"], { stdout: (t) => out.push(t), stderr: () => undefined })).toBe(0);
      const priorities = JSON.parse(out.join("\n")) as { town: string; tasks: { score: number; rank: number; class: string; cell: string }[] };
      expect(priorities.town).toBe("Schönheide");
      const snapshot = await readSnapshotFromXlsx(recalculated!, "demo.xlsx");
      for (const task of priorities.tasks) {
        const [sheetName, address] = task.cell.split("!");
        const { row } = parseCellAddress(address ?? "");
        expect(sheetValue(snapshot, task.cell)).toBeCloseTo(task.score, 9);
        expect(sheetValue(snapshot, `${sheetName}!P${row}`)).toBe(task.rank);
        expect(sheetValue(snapshot, `${sheetName}!Q${row}`)).toBe(task.class);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

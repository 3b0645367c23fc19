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
import { withTaskCatalogueChecks } from "../templates/aufgabenkatalog/sheetChecks.js";
import {
  ROW_INVALID_TEXT,
  SHEET,
  THRESHOLDS_INVALID_TEXT,
  WEIGHTS_INVALID_TEXT,
  taskCatalogueSpec,
} from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue, computePriorities, extractTaskCatalogue } from "../templates/aufgabenkatalog/checks.js";
import { productLeaves } from "../templates/reference/productFramework.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { expectStoredResults } from "./support/storedResults.js";

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
  {
    seed: "zero-measured",
    rows: 250,
    zeroColumns: ["fte", "casesPerYear", "minutesPerCase"],
    coarse: true,
    blankShare: 0.05,
  },
  {
    seed: "zero-ratings",
    rows: 300,
    zeroColumns: ["strategicImportance", "politicalSignificance", "needForAction"],
    coarse: false,
    blankShare: 0,
  },
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
  return withTaskCatalogueChecks(
    planWorkbook(taskCatalogueSpec, {
      language: random() < 0.5 ? "de" : "en",
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.tasks]: rows, [SHEET.criteria]: weights },
      formValues: {
        [SHEET.town]: { name: `Parität ${scenario.seed}`, classAThreshold: classA, classBThreshold: classB },
      },
    }),
  );
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

  it("every written file stores LibreOffice's result in every formula cell (docs/decisions/0013)", () => {
    expect(recalculated.length).toBe(SCENARIOS.length);
    expectStoredResults(
      recalculated.map(({ scenario, file }) => ({
        id: scenario.seed,
        written: join(dir, `${scenario.seed}.xlsx`),
        recalculated: file,
        germanNumbersInText: scenarioPlan(scenario).plan.language === "de",
      })),
    );
  });

  it.each(SCENARIOS.map((s) => [s.seed, s] as const))(
    "scenario %s: every score, rank and class agrees",
    async (seed) => {
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
        if (
          typeof score !== "number" ||
          Math.abs(score - task.score) > 1e-9 ||
          rank !== task.rank ||
          cls !== task.class
        ) {
          mismatches++;
          if (mismatches <= 5) console.error({ cell: task.cell, sheet: { score, rank, cls }, lib: task });
        }
      }
      expect(mismatches).toBe(0);
      const classes = new Set(priorities.tasks.map((t) => t.class));
      expect(classes.size).toBeGreaterThan(1);
      const tasksSheet = priorities.tasks[0]?.cell.split("!")[0] ?? "";
      expect(sheetValue(snapshot, `${tasksSheet}!A3`)).toMatch(/^✓ (Alle Prüfungen bestanden|All checks passed)$/);
    },
  );
});

/**
 * Workbooks as towns leave them: ratings of 5, „2“ typed as text, negative or fractional figures,
 * a missing name or code, unusable weights, and class thresholds typed as „66 %“ (stored as 0.66),
 * out of range or out of order. The library refuses each (an error at the cell, nothing computed);
 * the sheet must refuse the same: no score, no rank and „✗ …“ in the class cell of each broken row,
 * the thresholds' reason next to them, and a summary line that names each place the library
 * reports errors.
 */
interface BrokenCase {
  readonly id: string;
  /** Cells to break on „Aufgaben“, each in its own row: column key, 0-based task index, value. */
  readonly cells: readonly (readonly [string, number, string | number | null])[];
  readonly thresholds?: { readonly a?: string | number | null; readonly b?: string | number | null };
  readonly weights?: readonly (string | number | null)[];
  readonly language: "de" | "en";
}

const BROKEN: readonly BrokenCase[] = [
  {
    id: "rows",
    language: "de",
    cells: [
      ["strategicImportance", 0, 5],
      ["politicalSignificance", 1, "2"],
      ["needForAction", 2, 1.5],
      ["specialisation", 3, -1],
      ["fte", 4, "viel"],
      ["fte", 5, -0.5],
      ["fte", 6, 0.125],
      ["casesPerYear", 7, 12.5],
      ["minutesPerCase", 8, "15 min"],
      ["annualCost", 9, 10.005],
      ["name", 10, null],
      ["code", 11, null],
      ["minutesPerCase", 12, 1e16],
      ["casesPerYear", 13, "1000"],
      ["annualCost", 14, -0.01],
      ["specialisation", 15, 2.5],
    ],
  },
  // B = 0: with 0.66 read as points every task would be class A
  { id: "percent-a", language: "de", cells: [], thresholds: { a: 0.66, b: 0 } },
  { id: "percent-both", language: "en", cells: [["fte", 3, "1,5"]], thresholds: { a: 0.66, b: 0.33 } },
  { id: "order", language: "de", cells: [], thresholds: { a: 30, b: 40 } },
  { id: "range-text", language: "en", cells: [], thresholds: { a: 150, b: "abc" } },
  { id: "text-negative", language: "de", cells: [], thresholds: { a: "60", b: -5 } },
  { id: "percent-b", language: "en", cells: [["annualCost", 30, 99.999]], thresholds: { a: 50, b: 0.5 } },
  { id: "empty-a", language: "de", cells: [["strategicImportance", 20, 4]], thresholds: { a: null } },
  { id: "weights-negative-text", language: "de", cells: [], weights: [-1, "2", 1, 1, 1, 1, 1, 1] },
  { id: "weights-zero", language: "en", cells: [], weights: [0, 0, 0, 0, 0, 0, 0, 0] },
];

function brokenPlan(c: BrokenCase) {
  const random = seededRandom(`broken-${c.id}`);
  const leaves = productLeaves();
  const rows: Record<string, string | number | null | undefined>[] = [];
  for (let index = 0; index < 40; index++) {
    const row: Record<string, string | number | null | undefined> = {
      code: leaves[index]?.code ?? String(100000 + index),
      name: `Aufgabe ${index + 1}`,
      fte: Math.round(random() * 300) / 100,
      casesPerYear: Math.floor(random() * 5000),
      minutesPerCase: Math.round(random() * 900) / 10,
      // two decimals carry binary noise (0.29 is 0.28999…): the sheet must not count it as a third
      annualCost: Math.round(random() * 10_000_000) / 100,
    };
    for (const criterion of CRITERIA.filter((k) => k.kind === "rated")) row[criterion.key] = Math.floor(random() * 4);
    rows.push(row);
  }
  // valid, and beyond what older Excel's MOD handles (2^27): a whole number all the same
  rows[16] = { ...rows[16], casesPerYear: 300_000_000, fte: 0.29, annualCost: 1.15 };
  // the reader's tolerance (hasAtMostDecimals): noise of 1e-11 on 115 cents is no third decimal
  rows[17] = { ...rows[17], annualCost: 1.1500000000001 };
  for (const [key, index, value] of c.cells) {
    const row = rows[index];
    if (row) row[key] = value;
  }
  const town: Record<string, string | number | null> = { name: `Kaputt ${c.id}` };
  if (c.thresholds && "a" in c.thresholds) town["classAThreshold"] = c.thresholds.a ?? null;
  if (c.thresholds && "b" in c.thresholds) town["classBThreshold"] = c.thresholds.b ?? null;
  return withTaskCatalogueChecks(
    planWorkbook(taskCatalogueSpec, {
      language: c.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: {
        [SHEET.tasks]: rows,
        ...(c.weights ? { [SHEET.criteria]: c.weights.map((weight) => ({ weight })) } : {}),
      },
      formValues: { [SHEET.town]: town },
    }),
  );
}

describe.skipIf(libreOfficeSkipRequested())("sheet and library refuse the same broken task catalogues", () => {
  let dir = "";
  const recalculated = new Map<string, string>();

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-parity-broken-"));
    const files: string[] = [];
    for (const c of BROKEN) {
      const file = join(dir, `${c.id}.xlsx`);
      await writePlanToFile(brokenPlan(c).plan, file, { force: false });
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    outputs.forEach((file, index) => {
      const c = BROKEN[index];
      if (c) recalculated.set(c.id, file);
    });
  });

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("every written broken file stores LibreOffice's result in every formula cell (docs/decisions/0013)", () => {
    expectStoredResults(
      BROKEN.map((c) => ({
        id: c.id,
        written: join(dir, `${c.id}.xlsx`),
        recalculated: recalculated.get(c.id) ?? "",
        germanNumbersInText: c.language === "de",
      })),
    );
  });

  it.each(BROKEN.map((c) => [c.id, c] as const))(
    "%s: each broken row shows ✗, the summary counts the library's errors",
    async (id, c) => {
      const file = recalculated.get(id);
      expect(file).toBeDefined();
      const snapshot = await readSnapshotFromXlsx(file!, `${id}.xlsx`);
      const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: c.language, check: checkTaskCatalogue });
      const errors = report.issues.filter((i) => i.severity === "error");
      expect(report.valid).toBe(false);
      const tasksName = c.language === "de" ? "Aufgaben" : "Tasks";
      const townName = c.language === "de" ? "Kommune" : "Town";
      const tasks = snapshot.sheets.find((s) => s.name === tasksName)!;
      const shown = (sheet: string, address: string): unknown => {
        const value = sheetValue(snapshot, `${sheet}!${address}`);
        return value === null || value === undefined ? "" : value;
      };
      // the library names exactly the broken cells
      const brokenRows = new Set(c.cells.map(([, index]) => index + 5));
      const errorRows = new Set(
        errors.filter((i) => i.sheet === tasksName).map((i) => parseCellAddress(i.cell ?? "A1").row),
      );
      expect([...errorRows].sort()).toEqual([...brokenRows].sort());
      // the sheet: a broken row has no score, no rank and a reason; the others a score, and a class
      // only while weights and thresholds can be used
      const thresholdErrors = errors.filter((i) => i.sheet === townName).length;
      const weightErrors = errors.filter((i) => i.sheet !== tasksName && i.sheet !== townName).length;
      for (let row = 5; row < 45; row++) {
        const cls = shown(tasksName, `Q${row}`);
        if (brokenRows.has(row)) {
          expect([row, shown(tasksName, `O${row}`), shown(tasksName, `P${row}`)]).toEqual([row, "", ""]);
          const noCode = c.cells.some(([key, index]) => key === "code" && index + 5 === row);
          const reason = noCode
            ? c.language === "de"
              ? "✗ Produktcode: fehlt"
              : "✗ Product code: missing"
            : ROW_INVALID_TEXT[c.language];
          expect([row, cls]).toEqual([row, weightErrors > 0 && !noCode ? WEIGHTS_INVALID_TEXT[c.language] : reason]);
        } else if (weightErrors > 0) {
          expect([row, shown(tasksName, `O${row}`), cls]).toEqual([row, "", WEIGHTS_INVALID_TEXT[c.language]]);
        } else {
          expect(typeof shown(tasksName, `O${row}`)).toBe("number");
          expect([row, cls]).toEqual([
            row,
            thresholdErrors > 0 ? THRESHOLDS_INVALID_TEXT[c.language] : expect.stringMatching(/^[ABC]$/),
          ]);
        }
      }
      // next to the thresholds: ✗ exactly where the library reports an error
      for (const address of ["B9", "B10"]) {
        const flagged = String(shown(townName, `C${address.slice(1)}`)).startsWith("✗");
        expect([address, flagged]).toEqual([address, errors.some((i) => i.sheet === townName && i.cell === address)]);
      }
      if (c.thresholds?.a === 0.66) expect(shown(townName, "C9")).toContain("66 %");
      // one summary line: one failed check per place the library reports errors (rows, thresholds, weights)
      const summary = String(shown(tasksName, "A3"));
      const places = [brokenRows.size > 0, thresholdErrors > 0, weightErrors > 0].filter(Boolean).length;
      expect(summary).toMatch(new RegExp(`^✗ ${places} `));
      if (thresholdErrors > 0) expect(summary).toContain(townName);
      expect(tasks).toBeDefined();
    },
  );

  it("ikz priorities refuses a broken catalogue (exit 1) and names the cells", async () => {
    const { runCli } = await import("../cli/ikz.js");
    const out: string[] = [];
    const code = await runCli(["priorities", recalculated.get("percent-a")!], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    });
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("Kommune!B9");
  });

  it("a correct catalogue says „✓ Alle Prüfungen bestanden“ (the check is not always ✗)", async () => {
    const c: BrokenCase = { id: "none", language: "de", cells: [] };
    const file = join(dir, "none.xlsx");
    await writePlanToFile(brokenPlan(c).plan, file, { force: false });
    const [done] = await recalculateWithLibreOffice([file], { outDir: join(dir, "none") });
    const snapshot = await readSnapshotFromXlsx(done!, "none.xlsx");
    expect(sheetValue(snapshot, "Aufgaben!A3")).toBe("✓ Alle Prüfungen bestanden");
    expect(sheetValue(snapshot, "Kriterien!A3")).toBe("✓ Gewichte in Ordnung");
    expect(validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue }).valid).toBe(
      true,
    );
  });

  it("the thresholds 1 and 0 (points, no percentage) classify every row, as the library does", async () => {
    const c: BrokenCase = { id: "edges", language: "de", cells: [], thresholds: { a: 1, b: 0 } };
    const file = join(dir, "edges.xlsx");
    await writePlanToFile(brokenPlan(c).plan, file, { force: false });
    const [done] = await recalculateWithLibreOffice([file], { outDir: join(dir, "edges") });
    const snapshot = await readSnapshotFromXlsx(done!, "edges.xlsx");
    const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const priorities = computePriorities(extractTaskCatalogue(report.workbook!));
    expect(priorities.tasks.length).toBe(40);
    for (const task of priorities.tasks) {
      const row = parseCellAddress(task.cell.split("!")[1] ?? "").row;
      expect([row, sheetValue(snapshot, `Aufgaben!Q${row}`), sheetValue(snapshot, `Aufgaben!P${row}`)]).toEqual([
        row,
        task.class,
        task.rank,
      ]);
    }
    expect(sheetValue(snapshot, "Aufgaben!A3")).toBe("✓ Alle Prüfungen bestanden");
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
      expect(
        await runCli(["template", "aufgabenkatalog", "--demo", "--town", "Schönheide", "--out", demo], quiet),
      ).toBe(0);
      const [recalculated] = await recalculateWithLibreOffice([demo], { outDir: join(dir, "lo") });
      const out: string[] = [];
      expect(
        await runCli(["priorities", recalculated!, "--json"], { stdout: (t) => out.push(t), stderr: () => undefined }),
      ).toBe(0);
      const priorities = JSON.parse(out.join("\n")) as {
        town: string;
        tasks: { score: number; rank: number; class: string; cell: string }[];
      };
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

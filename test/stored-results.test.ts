/**
 * Stored results (docs/decisions/0013): every formula cell the exceljs writer writes carries a
 * result, and that result is LibreOffice's. For every template of the registry, German and English,
 * blank and demo, plus a cost model with 20 town rows and 50 item rows, the file is written,
 * recalculated by LibreOffice (one batch per language; German files in a German LibreOffice), and
 * each formula cell of every sheet — visible and hidden — must hold a stored result (`<v>` in the
 * sheet XML) equal to LibreOffice's: numbers to 1e-9 relative, texts, booleans and errors exactly.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { runCli } from "../cli/ikz.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { planResults } from "../lib/formulas/planResults.js";
import { snapshotCell } from "../lib/snapshot/WorkbookSnapshot.js";
import { TEMPLATES } from "../templates/registry.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { storedResultDifferences } from "./support/storedResults.js";

const TOWNS = ["Zschorlau", "Aue-Bad Schlema", "Eibenstock", "Schönheide"];

interface Case {
  readonly name: string;
  readonly plan: WorkbookPlan;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const module of TEMPLATES) {
    for (const language of ["de", "en"] as const) {
      out.push({ name: `${module.spec.id}-${language}-blank`, plan: module.plan({ language }).plan });
      out.push({
        name: `${module.spec.id}-${language}-demo`,
        plan: module.plan({
          language,
          demo: true,
          town: TOWNS[0] ?? "",
          ...(module.takes.towns ? { towns: TOWNS } : {}),
        }).plan,
      });
    }
    if (module.takes.rows === true) {
      out.push({
        name: `${module.spec.id}-de-rows`,
        plan: module.plan({ language: "de", demo: true, towns: TOWNS, rows: { towns: 20, items: 50 } }).plan,
      });
    }
  }
  return out;
}

describe.skipIf(libreOfficeSkipRequested())("stored results equal LibreOffice's recalculation", () => {
  let dir: string;
  const written: { name: string; file: string; recalculated: string }[] = [];

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-stored-results-"));
    const all = cases();
    const files: string[] = [];
    for (const c of all) {
      const file = join(dir, `${c.name}.xlsx`);
      await writePlanToFile(c.plan, file);
      files.push(file);
    }
    // German workbooks in a German LibreOffice, as in a German Excel: `"x" & 45.5` is „x45,5“ there
    const german = files.filter((_, i) => all[i]?.plan.language === "de");
    const english = files.filter((_, i) => all[i]?.plan.language !== "de");
    const [de, en] = await Promise.all([
      recalculateWithLibreOffice(german, { outDir: join(dir, "lo"), locale: "de-DE", parallel: 1 }),
      recalculateWithLibreOffice(english, { outDir: join(dir, "lo"), parallel: 1 }),
    ]);
    const recalculated = new Map([
      ...german.map((f, i) => [f, de[i]] as const),
      ...english.map((f, i) => [f, en[i]] as const),
    ]);
    all.forEach((c, i) => {
      const file = files[i] ?? "";
      written.push({ name: c.name, file, recalculated: recalculated.get(file) ?? "" });
    });
  });

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("covers every template in both languages, blank and demo, and a large cost model", () => {
    expect(written.length).toBe(TEMPLATES.length * 4 + TEMPLATES.filter((m) => m.takes.rows === true).length);
  });

  it("stores LibreOffice's result in every formula cell of every sheet", () => {
    let compared = 0;
    const missing: string[] = [];
    const differences: string[] = [];
    for (const w of written) {
      const found = storedResultDifferences(w.file, w.recalculated);
      compared += found.compared;
      missing.push(...found.missing.map((m) => `${w.name} ${m}`));
      differences.push(...found.differences.map((d) => `${w.name} ${d}`));
    }
    expect(missing.slice(0, 20), `${missing.length} formula cells without a stored result`).toEqual([]);
    expect(differences.slice(0, 20), `${differences.length} of ${compared} formula cells differ`).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("stored results of the templates", () => {
  it("every formula of every template has a result (no function or operator the evaluator lacks)", () => {
    for (const module of TEMPLATES) {
      for (const language of ["de", "en"] as const) {
        for (const demo of [false, true]) {
          const { plan } = module.plan({ language, demo, ...(demo ? { town: "Zschorlau" } : {}) });
          const results = planResults(plan);
          const unknown: string[] = [];
          plan.sheets.forEach((s, index) => {
            for (const row of s.rows())
              for (const cell of row.cells)
                if (cell.formula !== undefined && results.resultAt(index, row.row, cell.column) === undefined)
                  unknown.push(
                    `${s.name}!R${row.row}C${cell.column}: ${results.unknown(index, row.row, cell.column) ?? ""}`,
                  );
          });
          expect(unknown.slice(0, 5), `${module.spec.id} ${language} ${demo ? "demo" : "blank"}`).toEqual([]);
        }
      }
    }
  });
});

describe("a freshly written file, never recalculated", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ikz-fresh-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(TEMPLATES.map((module) => [module.spec.id, module] as const))(
    "%s: the reader sees every formula's result, and the demo validates",
    async (id, module) => {
      const file = join(dir, `${id}.xlsx`);
      const { plan } = module.plan({
        language: "de",
        demo: true,
        town: TOWNS[0] ?? "",
        ...(module.takes.towns ? { towns: TOWNS } : {}),
      });
      await writePlanToFile(plan, file);
      const snapshot = await readSnapshotFromXlsx(file, `${id}.xlsx`);
      const results = planResults(plan);
      let formulas = 0;
      const unseen: string[] = [];
      plan.sheets.forEach((sheetPlan, index) => {
        const sheet = snapshot.sheets.find((s) => s.name === sheetPlan.name);
        for (const row of sheetPlan.rows())
          for (const cell of row.cells) {
            if (cell.formula === undefined) continue;
            formulas++;
            const read = sheet ? snapshotCell(sheet, row.row, cell.column) : undefined;
            const expected = results.resultAt(index, row.row, cell.column);
            const value = read?.value ?? null;
            const same =
              value === expected ||
              (value === null && expected === "") ||
              (typeof expected === "number" && value instanceof Date) ||
              (typeof expected === "object" && typeof value === "object" && value !== null && "error" in value);
            if (!same)
              unseen.push(
                `${sheetPlan.name}!R${row.row}C${cell.column}: read ${JSON.stringify(value)}, stored ${JSON.stringify(expected)}`,
              );
          }
      });
      expect(unseen.slice(0, 10), `${unseen.length} of ${formulas} formula cells`).toEqual([]);
      const out: string[] = [];
      const code = await runCli(["validate", file], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
      expect(out.join("\n")).not.toMatch(/formula|Formel/i);
      expect(code, out.join("\n")).toBe(0);
    },
  );
});

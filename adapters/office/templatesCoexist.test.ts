/**
 * Any set of the five templates lives in one workbook, inserted in any order (docs/decisions/0010).
 *
 * The templates are inserted through the pane's Office.js writer into the fake Excel, which
 * rewrites references on rename and turns them into `#REF!` on delete as Excel does (decision
 * 0011) — each insert answering „replace“, as a user would, so a shared sheet name would show as
 * `#REF!` in the template inserted before (checked: PESTEL's „Kommune“ under its old name leaves
 * 186 `#REF!` formulas on the catalogue's „Aufgaben“). The fake's workbooks are written to .xlsx and
 * recalculated by LibreOffice in one run, then:
 * - no cell anywhere holds `#REF!` or any other error value;
 * - `ikz validate` finds every template in the workbook and no error in any;
 * - what the library computes equals what the sheet shows: `ikz priorities` (scores, ranks,
 *   classes of the task catalogue) and `ikz allocate` (shares, totals, advances of the cost model)
 *   against the combined workbook's cells; for PESTEL, IT service catalogue and workplace profile
 *   every formula cell equals the same template's workbook alone (whose agreement with the
 *   library test/parity-*.test.ts proves).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../exceljs/readSnapshotFromXlsx.js";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import { writePlanToExcel } from "./writePlanToExcel.js";
import { cellAddress } from "../../lib/cells/address.js";
import { metadataSheetName } from "../../lib/plan/resolveLayout.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { LANGUAGES } from "../../lib/spec/TemplateSpec.js";
import { formerSheetNames } from "../../lib/spec/sheetNames.js";
import { carryValues } from "../../lib/upgrade/carryValues.js";
import { upgradeWorkbook } from "../../lib/upgrade/upgradeWorkbook.js";
import { readAllMetadata } from "../../lib/validation/readWorkbook.js";
import { identifyTemplates, validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { TEMPLATES, type TemplateModule } from "../../templates/registry.js";
import { planToSnapshot, setCell, type MutableWorkbookSnapshot } from "../../lib/testing/planToSnapshot.js";
import {
  allocationDisagreements,
  brokenCells,
  priorityDisagreements,
  type AllocateJson,
  type PrioritiesJson,
} from "../../test/support/expectFindingOrAgreement.js";
import { ikz } from "../../test/support/runIkz.js";
import {
  libreOfficeSkipRequested,
  readRecalculatedValues,
  recalculateWithLibreOffice,
  requireLibreOffice,
  type RecalculatedValues,
} from "../../test/support/libreoffice.js";

const demoPlan = (module: TemplateModule): WorkbookPlan =>
  module.plan({ language: "de", demo: true, town: "Bockau", towns: ["Bockau", "Zschorlau", "Aue"] }).plan;

describe("no two templates share a sheet name", () => {
  it("in either language, case ignored, the metadata sheets included", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const module of TEMPLATES) {
      const names = new Set([
        ...module.spec.sheets.flatMap((sheet) => LANGUAGES.map((language) => sheet.name[language].toLowerCase())),
        metadataSheetName(module.spec.id).toLowerCase(),
      ]);
      for (const name of names) {
        const other = owner.get(name);
        if (other !== undefined) clashes.push(`„${name}“: ${other} and ${module.spec.id}`);
        owner.set(name, module.spec.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

/**
 * A file as the version before 0010 wrote it: the sheets renamed since under their old names (in
 * the language of the plan), the metadata sheet `_ikz`, the version the one before.
 */
function formerFile(module: TemplateModule): { file: MutableWorkbookSnapshot; version: string; renamed: string[] } {
  const spec = module.spec;
  // the newest version that named a sheet otherwise (later revisions may have changed other things)
  const version =
    spec.history?.find((revision) => revision.sheets.some((sheet) => sheet.name !== undefined))?.version ?? "";
  const file = planToSnapshot(demoPlan(module), `${spec.id}-alt.xlsx`);
  const renamed: string[] = [];
  const sheets = file.sheets.map((sheet) => {
    if (sheet.name === metadataSheetName(spec.id)) return { ...sheet, name: "_ikz" };
    const key = spec.sheets.find((s) => s.name.de === sheet.name)?.key;
    const former = key === undefined ? undefined : formerSheetNames(spec, key, version)[0];
    if (!former) return sheet;
    renamed.push(former.de);
    return { ...sheet, name: former.de };
  });
  const old: MutableWorkbookSnapshot = { fileName: file.fileName, sheets };
  setCell(old, "_ikz", "B2", { value: version });
  return { file: old, version, renamed };
}

describe("files written before templates shared workbooks", () => {
  // The fake below is today's demo under the old sheet names. The cost model's „Grunddaten“ has
  // moved its inputs since (0.5.0), so a fake claiming 0.3.0 would lie about its layout: it is
  // checked with a real 0.3.0 workbook instead (test/fixtures/upgrade/kostenverteilung-0.3.0-demo-de.xlsx).
  const renamedTemplates = TEMPLATES.filter((m) => m.spec.id !== "aufgabenkatalog" && m.spec.id !== "kostenverteilung");

  /**
   * Reads `file` (of `version`, its sheets under the old names `renamed`) and upgrades it: no sheet
   * missing, no finding, every sheet under its new name, every value carried over.
   */
  function expectReadAndUpgraded(module: TemplateModule, file: WorkbookSnapshot, version: string, renamed: string[]) {
    expect(renamed).toContain("Listen");
    const report = validateWorkbook(module.spec, file, { language: "de", check: module.check });
    expect(report.usable).toBe(true);
    expect(report.issues.filter((i) => i.code === "sheet.missing")).toEqual([]);
    expect(report.issues.map((i) => i.code)).toContain("workbook.olderVersion");

    const upgrade = upgradeWorkbook(file, TEMPLATES, "de");
    if (upgrade.status !== "upgraded") throw new Error(`${upgrade.status}: ${JSON.stringify(upgrade)}`);
    expect(upgrade.findings).toBe(0);
    const names = upgrade.plan.sheets.map((s) => s.name);
    expect(names).toEqual(demoPlan(module).sheets.map((s) => s.name));
    for (const old of renamed) expect(names).not.toContain(old);
    const upgraded = planToSnapshot(upgrade.plan, `${module.spec.id}-neu.xlsx`);
    const valid = validateWorkbook(module.spec, upgraded, { language: "de", check: module.check });
    expect(valid.issues.filter((i) => i.severity === "error")).toEqual([]);
    const before = carryValues(module.spec, file, version, "de", "de");
    const after = carryValues(module.spec, upgraded, module.spec.version, "de", "de");
    expect(after.tableRows).toEqual(before.tableRows);
    expect(after.formValues).toEqual(before.formValues);
  }

  it("kostenverteilung: a real 0.3.0 workbook is read under its old sheet names and upgraded without losing a value", async () => {
    const module = TEMPLATES.find((m) => m.spec.id === "kostenverteilung") as TemplateModule;
    const name = "kostenverteilung-0.3.0-demo-de.xlsx";
    const file = await readSnapshotFromXlsx(path.join(import.meta.dirname, "../../test/fixtures/upgrade", name), name);
    const renamed = file.sheets.map((s) => s.name).filter((n) => n === "Listen");
    expectReadAndUpgraded(module, file, "0.3.0", renamed);
  });

  it.each(renamedTemplates.map((m) => [m.spec.id, m] as const))(
    "%s: read under the old sheet names, and upgraded to the new ones without losing a value",
    (_, module) => {
      const { file, version, renamed } = formerFile(module);
      expectReadAndUpgraded(module, file, version, renamed);
    },
  );

  it("an old file's `_ikz` and a current template's `_ikz_<id>` in one workbook: both templates found", () => {
    const { file } = formerFile(TEMPLATES.find((m) => m.spec.id === "pestel") as TemplateModule);
    const catalogue = planToSnapshot(demoPlan(TEMPLATES[0] as TemplateModule));
    // the old PESTEL's „Kommune“ cannot stand beside the catalogue's: the sheets of the rest
    const rest = file.sheets.filter((s) => s.name !== "Kommune");
    const both: MutableWorkbookSnapshot = { fileName: "beide.xlsx", sheets: [...catalogue.sheets, ...rest] };
    expect(readAllMetadata(both).map((m) => [m.sheetName, m.templateId])).toEqual([
      ["_ikz_aufgabenkatalog", "aufgabenkatalog"],
      ["_ikz", "pestel"],
    ]);
    expect(
      identifyTemplates(
        both,
        TEMPLATES.map((m) => m.spec),
        "de",
      ).templates.map((t) => t.spec.id),
    ).toEqual(["aufgabenkatalog", "pestel"]);
  });
});

/** All five rotations of the registry's order, and the reverse order. */
function orders(): TemplateModule[][] {
  const all = [...TEMPLATES];
  const rotations = all.map((_, shift) => [...all.slice(shift), ...all.slice(0, shift)]);
  return [...rotations, [...all].reverse()];
}

/** Inserts the plans one after another as the pane does, answering „replace“ to any clash. */
async function insertAll(plans: readonly WorkbookPlan[]): Promise<FakeWorkbook> {
  const workbook = new FakeWorkbook("Mappe1.xlsx");
  workbook.addSheet("Tabelle1").put("A1", { value: "meine Notizen" });
  const fake = new FakeExcel(workbook);
  for (const plan of plans) await writePlanToExcel(fake.context, plan, { replace: true, features: ALL_EXCEL_FEATURES });
  return workbook;
}

/** Every formula of the fake workbook that names `#REF!`, as `Sheet!A1`. */
function refErrors(workbook: FakeWorkbook): string[] {
  return workbook.sheets.flatMap((sheet) =>
    [...sheet.rows].flatMap(([row, line]) =>
      [...line].flatMap(([column, cell]) =>
        cell.formula?.includes("#REF!") ? [`${sheet.name}!${cellAddress(row, column)}`] : [],
      ),
    ),
  );
}

/** The fake workbook's cells (values and formulas) and sheet states as an .xlsx for LibreOffice. */
async function writeXlsx(workbook: FakeWorkbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const state = sheet.visibility === "Visible" ? "visible" : sheet.visibility === "Hidden" ? "hidden" : "veryHidden";
    const target = book.addWorksheet(sheet.name, { state });
    for (const [row, line] of sheet.rows) {
      for (const [column, cell] of line) {
        const at = target.getCell(row, column);
        if (cell.formula !== undefined) at.value = { formula: cell.formula };
        else if (cell.value !== null) at.value = cell.value;
        if (cell.numberFormat !== "General") at.numFmt = cell.numberFormat;
      }
    }
  }
  await book.xlsx.writeFile(file);
}

const skip = libreOfficeSkipRequested();

describe.skipIf(skip)("all five templates in one workbook, in six orders, recalculated by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ikz-coexist-"));
  const plans = new Map(TEMPLATES.map((module) => [module.spec.id, demoPlan(module)] as const));
  const planOf = (module: TemplateModule): WorkbookPlan => plans.get(module.spec.id) as WorkbookPlan;
  const cases = orders().map((order, index) => {
    // in the first and the last order, the first template is inserted once more at the end: replacing
    // a template leaves the others whole (not in every order: a replace costs the fake seconds)
    const again = index === 0 || index === TEMPLATES.length ? [order[0] as TemplateModule] : [];
    const name = [...order, ...again].map((m) => m.spec.id).join(" → ");
    return { name, order, again, file: path.join(dir, `zusammen-${index + 1}.xlsx`) };
  });
  const alone = TEMPLATES.map((module) => ({ module, file: path.join(dir, `allein-${module.spec.id}.xlsx`) }));
  const fakeRefErrors = new Map<string, string[]>();
  const recalculated = new Map<string, string>();

  beforeAll(async () => {
    requireLibreOffice();
    for (const c of cases) {
      const workbook = await insertAll([...c.order.map(planOf), ...c.again.map(planOf)]);
      fakeRefErrors.set(c.name, refErrors(workbook));
      await writeXlsx(workbook, c.file);
    }
    for (const a of alone) await writeXlsx(await insertAll([planOf(a.module)]), a.file);
    const inputs = [...cases.map((c) => c.file), ...alone.map((a) => a.file)];
    const outputs = await recalculateWithLibreOffice(inputs, { outDir: path.join(dir, "lo") });
    inputs.forEach((input, index) => recalculated.set(input, outputs[index] as string));
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sheetOf = (file: string): Promise<WorkbookSnapshot> =>
    readSnapshotFromXlsx(recalculated.get(file) as string, path.basename(file));

  it.each(cases)("$name: the fake's workbook has every template and no #REF!", (c) => {
    expect(fakeRefErrors.get(c.name)).toEqual([]);
  });

  it.each(cases)("$name: LibreOffice shows no error value anywhere", async (c) => {
    const snapshot = await sheetOf(c.file);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(TEMPLATES.flatMap((m) => planOf(m).sheets.map((s) => s.name))),
    );
    expect(brokenCells(snapshot)).toEqual([]);
  });

  it.each(cases)("$name: ikz validate checks all five templates and finds no error", async (c) => {
    const run = await ikz("validate", recalculated.get(c.file) as string, "--json");
    const reports = JSON.parse(run.stdout) as { templateId: string; valid: boolean; issues: { severity: string }[] }[];
    expect(reports.map((r) => r.templateId).sort()).toEqual(TEMPLATES.map((m) => m.spec.id).sort());
    expect(reports.flatMap((r) => r.issues.filter((i) => i.severity === "error"))).toEqual([]);
    expect(run.code).toBe(0);
  });

  it.each(cases)("$name: the task catalogue's scores, ranks and classes are the library's", async (c) => {
    const file = recalculated.get(c.file) as string;
    const run = await ikz("priorities", file, "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as PrioritiesJson;
    expect(result.tasks.length).toBeGreaterThan(10);
    expect(priorityDisagreements(result, await sheetOf(c.file))).toEqual([]);
  });

  it.each(cases)("$name: the cost model's shares and totals are the library's", async (c) => {
    const file = recalculated.get(c.file) as string;
    const run = await ikz("allocate", file, "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as AllocateJson;
    expect(result.totals.length).toBeGreaterThan(1);
    expect(allocationDisagreements(result, await sheetOf(c.file))).toEqual([]);
  });

  it.each(cases)("$name: every other computed cell shows what the template shows alone", async (c) => {
    const differences: string[] = [];
    for (const { module, file } of alone) {
      if (module.spec.id === "aufgabenkatalog" || module.spec.id === "kostenverteilung") continue;
      const names = planOf(module).sheets.map((s) => s.name);
      const [together, single]: [RecalculatedValues, RecalculatedValues] = await Promise.all([
        readRecalculatedValues(recalculated.get(c.file) as string, names),
        readRecalculatedValues(recalculated.get(file) as string, names),
      ]);
      let formulas = 0;
      for (const name of names) {
        for (const [address, cell] of single.cells(name)) {
          if (cell.formula === undefined) continue;
          formulas++;
          const other = together.cellAt(name, address);
          if (other?.formula !== cell.formula || JSON.stringify(other.value) !== JSON.stringify(cell.value))
            differences.push(
              `${module.spec.id} ${name}!${address}: alone ${JSON.stringify(cell.value)}, together ${JSON.stringify(other?.value)}`,
            );
        }
      }
      expect(formulas, module.spec.id).toBeGreaterThan(20);
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });
});

/**
 * The partnership workbook (Verbundmappe) drops nothing of the cost model: the joint unit, the
 * year, each town's population Stichtag and the actual values of the true-up are carried over from
 * the source files; where two files disagree, the first file's value is taken and a finding (and a
 * note on the overview sheet) names both files.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { runConsolidate } from "../cli/commands/consolidate.js";
import { formatDate } from "../lib/validation/parseCell.js";
import { parsedForm } from "../lib/validation/readWorkbook.js";
import type { ValidationReport } from "../lib/validation/validateWorkbook.js";
import { columnNumber } from "../lib/cells/address.js";
import { snapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { DEMO_COST_MODEL, DEMO_SETTINGS, planCostAllocation } from "../templates/kostenverteilung/plan.js";
import { HEADER_ROW, SHEET, columnOf, settingsRow, sheetName } from "../templates/kostenverteilung/spec.js";
import { ikz } from "./support/runIkz.js";

let dir = "";
const path = (name: string): string => join(dir, name);

/** Every source file is read and validated once, for all the tests (as `ikz demo` does). */
const validated = new Map<string, ValidationReport>();

/** `ikz consolidate FILES --out OUT --json`, in-process, reusing the reports of files read before. */
async function consolidate(
  out: string,
  ...sources: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runConsolidate(
    sources,
    { out, json: true },
    { language: "de", stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) },
    validated,
  );
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

const DEMO_TOWN_NAMES = DEMO_COST_MODEL.towns.map((town) => town.name);

/** The demo's files: the illustrative cost model and a task catalogue per demo town. */
const files = { cost: "", catalogues: [] as string[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-carry-over-"));
  files.cost = path("kostenverteilung-beispiel.xlsx");
  expect((await ikz("template", "kostenverteilung", "--demo", "--out", files.cost)).code).toBe(0);
  for (const [index, town] of DEMO_TOWN_NAMES.entries()) {
    const file = path(`aufgaben-${index + 1}.xlsx`);
    expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", town, "--out", file)).code).toBe(0);
    files.catalogues.push(file);
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sheet = (snapshot: WorkbookSnapshot, key: (typeof SHEET)[keyof typeof SHEET]): SheetSnapshot => {
  const found = snapshot.sheets.find((s) => s.name === sheetName(key, "de"));
  if (!found) throw new Error(`no sheet ${key}`);
  return found;
};
const setting = (snapshot: WorkbookSnapshot, field: string): unknown =>
  snapshotCell(sheet(snapshot, SHEET.settings), settingsRow(field), 2)?.value;
const townCell = (snapshot: WorkbookSnapshot, index: number, key: string): unknown =>
  snapshotCell(sheet(snapshot, SHEET.towns), HEADER_ROW.towns + 1 + index, columnNumber(columnOf(SHEET.towns, key)))
    ?.value;
const itemCell = (snapshot: WorkbookSnapshot, index: number, key: string): unknown =>
  snapshotCell(sheet(snapshot, SHEET.items), HEADER_ROW.items + 1 + index, columnNumber(columnOf(SHEET.items, key)))
    ?.value;
/** A date cell as the ISO day it shows (the reader gives a Date; a serial number would fail here). */
const isoDay = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : undefined;
/** The demo cost model's Stichtag of the population, and the date of its calculation. */
const DEMO_DATE = isoDay(DEMO_SETTINGS.populationDate);
const DEMO_CALCULATION = isoDay(DEMO_SETTINGS.calculationDate);

describe("partnership workbook: nothing dropped on the way", () => {
  it("keeps the joint unit, the year, the Stichtage and the actual values of the demo files", async () => {
    const out = path("verbundmappe.xlsx");
    const result = await consolidate(out, ...files.catalogues, files.cost);
    expect(result.stderr).not.toContain("weichen voneinander ab");
    expect(result.code).toBe(0);
    const snapshot = await readSnapshotFromXlsx(out, "verbundmappe.xlsx");

    expect(setting(snapshot, "unitName")).toBe(DEMO_SETTINGS.unitName);
    expect(setting(snapshot, "year")).toBe(DEMO_SETTINGS.year);
    expect(DEMO_CALCULATION).toBeDefined();
    expect(isoDay(setting(snapshot, "calculationDate"))).toBe(DEMO_CALCULATION);
    expect(DEMO_DATE).toBeDefined();
    DEMO_COST_MODEL.towns.forEach((town, index) => {
      expect(townCell(snapshot, index, "name")).toBe(town.name);
      expect(townCell(snapshot, index, "population")).toBe(town.population);
      // the cost model's „Stichtag Einwohner“, not the task catalogues' date of their figures
      expect(isoDay(townCell(snapshot, index, "populationDate")), town.name).toBe(DEMO_DATE);
      expect(townCell(snapshot, index, "actualPopulation")).toBe(town.actual?.population);
      expect(townCell(snapshot, index, "actualCases")).toBe(town.actual?.cases);
    });
    DEMO_COST_MODEL.items.forEach((item, index) => {
      expect(itemCell(snapshot, index, "name")).toBe(item.name);
      expect(itemCell(snapshot, index, "actualAmount") ?? undefined).toBe(item.actualAmount);
    });
  }, 60_000);

  it("takes each town's Stichtag from its task catalogue when no cost model gives one", async () => {
    const out = path("verbund-kataloge.xlsx");
    expect((await consolidate(out, ...files.catalogues)).code).toBe(0);
    const snapshot = await readSnapshotFromXlsx(out, "verbund-kataloge.xlsx");
    DEMO_TOWN_NAMES.forEach((name, index) => {
      const catalogue = validated.get(files.catalogues[index] ?? "")?.workbook;
      const stated = isoDay(catalogue && parsedForm(catalogue, "town")?.values["referenceDate"]);
      expect(stated, name).toBeDefined();
      expect(townCell(snapshot, index, "name")).toBe(name);
      expect(isoDay(townCell(snapshot, index, "populationDate")), name).toBe(stated);
    });
    // no cost model file: no joint unit or year to carry over, and none invented
    expect(setting(snapshot, "unitName") ?? null).toBeNull();
    expect(setting(snapshot, "year") ?? null).toBeNull();
  }, 60_000);

  it("says where two files disagree, names both, and takes the first file's value", async () => {
    // a second cost model of the same towns: another unit and year, Bockau with other figures
    const other = path("kosten-2028.xlsx");
    const towns = DEMO_COST_MODEL.towns.map((town) =>
      town.name === "Bockau" ? { ...town, population: 2010, actual: { population: 1990, cases: 149 } } : town,
    );
    const { plan } = planCostAllocation({
      language: "de",
      model: { ...DEMO_COST_MODEL, towns },
      settings: {
        unitName: "Bauhof Westerzgebirge",
        year: 2028,
        populationDate: new Date(Date.UTC(2026, 5, 30)),
        calculationDate: new Date(Date.UTC(2027, 0, 15)),
      },
    });
    await writePlanToFile(plan, other);

    const out = path("verbund-abweichend.xlsx");
    const result = await consolidate(out, files.cost, other);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { findings: { code: string; file: string; message: string }[] };
    const messages = summary.findings.filter((f) => f.code === "partnership.sourcesDisagree").map((f) => f.message);
    const first = "kostenverteilung-beispiel.xlsx";
    expect(messages).toContain(
      `Gemeinsame Stelle: „${DEMO_SETTINGS.unitName}“ (${first}) und „Bauhof Westerzgebirge“ (kosten-2028.xlsx) weichen voneinander ab. Die Verbundmappe übernimmt „${DEMO_SETTINGS.unitName}“ aus ${first}. Bitte prüfen, welche Angabe stimmt, und die andere Datei oder die Verbundmappe berichtigen.`,
    );
    expect(messages.some((m) => m.startsWith(`Haushaltsjahr: „2027“ (${first}) und „2028“ (kosten-2028.xlsx)`))).toBe(
      true,
    );
    expect(messages.some((m) => m.startsWith(`Bockau › Einwohner: „2.000“ (${first}) und „2.010“`))).toBe(true);
    expect(messages.some((m) => m.startsWith(`Bockau › Ist: Einwohner: „1.978“ (${first}) und „1.990“`))).toBe(true);
    const demoDate = formatDate(new Date(`${DEMO_DATE ?? ""}T00:00:00Z`));
    expect(
      messages.some((m) => m.startsWith(`Zschorlau › Stichtag Einwohner: „${demoDate}“ (${first}) und „30.06.2026“`)),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith("Stand der Berechnung: „") && m.includes("„15.01.2027“"))).toBe(true);
    // the same cost items in both files: nothing to say about them
    expect(messages.some((m) => m.startsWith("Kostenpositionen"))).toBe(false);
    expect(result.stderr).toContain("kosten-2028.xlsx — Warnung: Haushaltsjahr: „2027“");

    // the first file's values are in the workbook, and the overview says what differs
    const snapshot = await readSnapshotFromXlsx(out, "verbund-abweichend.xlsx");
    expect(setting(snapshot, "unitName")).toBe(DEMO_SETTINGS.unitName);
    expect(setting(snapshot, "year")).toBe(2027);
    expect(townCell(snapshot, 3, "population")).toBe(2000);
    expect(isoDay(townCell(snapshot, 0, "populationDate"))).toBe(DEMO_DATE);
    expect(isoDay(setting(snapshot, "calculationDate"))).toBe(DEMO_CALCULATION);
    const overview = snapshot.sheets[0]!;
    const texts = Object.values(overview.rows).flatMap((row) => Object.values(row ?? {}).map((cell) => cell?.value));
    expect(texts).toContain("Hinweise: abweichende Angaben der Quelldateien");
    expect(texts.filter((text) => typeof text === "string" && text.includes("weichen voneinander ab"))).toHaveLength(
      messages.length,
    );
  }, 60_000);
});

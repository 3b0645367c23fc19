/**
 * The cost model checks itself (issue 10, point 3) and reads percentages as meant (point 5): the
 * demo is broken in LibreOffice the way a user breaks it (UNO, test/support/editWorkbook.ts), saved
 * with LibreOffice's results, and then
 * - the sheet shows ✗ with its reason in the row's check cell, and the annex („Ergebnis“) says so in
 *   its summary line — opened without ikz-kit;
 * - `ikz validate` (validateWorkbook with the template's check) reports the same condition as a
 *   finding naming the cell.
 * A demo saved unchanged passes every check („✓ Alle Prüfungen bestanden“) with no finding. All
 * edits run in ONE soffice start.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { cellAddress, columnNumber, parseCellAddress } from "../lib/cells/address.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { snapshotCell, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { selfCheckSummaryText } from "../templates/common/selfChecks.js";
import { DEMO_COST_MODEL, planCostAllocation } from "../templates/kostenverteilung/plan.js";
import {
  RESULT_FIRST_TOWN_COLUMN,
  RESULT_SUMMARY_ROW,
  resultRowOfSlot,
} from "../templates/kostenverteilung/formulas/result.js";
import {
  CHECK_REASON,
  HEADER_ROW,
  MIN_ITEM_ROWS,
  MIN_TOWN_ROWS,
  SHEET,
  checkText,
  columnOf,
  costAllocationSpec,
  settingsRow,
  sheetName,
  type CostSheetKey,
} from "../templates/kostenverteilung/spec.js";
import { findTemplate } from "../templates/registry.js";
import { runCli } from "../cli/ikz.js";
import { editWorkbooks, type WorkbookEdit } from "./support/editWorkbook.js";
import { libreOfficeSkipRequested, requireLibreOffice } from "./support/libreoffice.js";

type Table = typeof SHEET.towns | typeof SHEET.items;

/** `I7`: the cell of column `key` in data row `index` (0-based) of a table. */
const at = (table: Table, key: string, index: number): string =>
  `${columnOf(table, key)}${HEADER_ROW[table] + 1 + index}`;
/** `B7`: the value cell of a settings field. */
const field = (key: string): string => `B${settingsRow(key)}`;
const name = (key: CostSheetKey, language: Language): string => sheetName(key, language);

const itemIndex = (key: string): number => DEMO_COST_MODEL.items.findIndex((item) => item.key === key);
const FIXED_ITEM = itemIndex("fixedPercent");
const MIXED_ITEM = itemIndex("mixed");
const CASES_ITEM = itemIndex("cases");
const FEE_ITEM = itemIndex("flatFeePerCase");
const TOWNS = DEMO_COST_MODEL.towns.length;
/** The annex's check column: after the 12 prepared town columns. */
const RESULT_CHECK = cellAddress(1, RESULT_FIRST_TOWN_COLUMN + MIN_TOWN_ROWS).replace(/\d+$/, "");

interface Expected {
  /** Check cells (sheet, cell) and the text they must show. */
  readonly checks: readonly { readonly sheet: CostSheetKey; readonly cell: string; readonly text: string }[];
  /** What the summary line must contain after „✗ n Prüfungen nicht bestanden – siehe “. */
  readonly summary: readonly string[];
  /** Findings of `ikz validate`: code (any of), sheet, cell; `anySeverity` for warnings too. */
  readonly findings: readonly {
    readonly codes: readonly string[];
    readonly sheet: CostSheetKey;
    readonly cell: string;
    readonly text?: string;
    readonly anySeverity?: boolean;
  }[];
}

interface Case extends Expected {
  readonly id: string;
  readonly language: Language;
  readonly edits: (language: Language) => WorkbookEdit[];
}

const towns = (language: Language) => name(SHEET.towns, language);
const items = (language: Language) => name(SHEET.items, language);
const settings = (language: Language) => name(SHEET.settings, language);

/** Fixed shares 30 / 35 / „35 %“ / 0: meant as 100 %, stored as 65.35. */
const fixedTypedAsPercent = (language: Language): WorkbookEdit[] => [
  { kind: "setNumber", sheet: towns(language), cell: at(SHEET.towns, "fixedPercent", 0), value: 30 },
  { kind: "setNumber", sheet: towns(language), cell: at(SHEET.towns, "fixedPercent", 1), value: 35 },
  { kind: "setPercent", sheet: towns(language), cell: at(SHEET.towns, "fixedPercent", 2), value: 0.35 },
  { kind: "setNumber", sheet: towns(language), cell: at(SHEET.towns, "fixedPercent", 3), value: 0 },
];

const reason = (key: keyof typeof CHECK_REASON, language: Language = "de"): string => CHECK_REASON[key][language];
const where = (sheet: string, cell: string) => `${sheet}, Spalte ${cell.replace(/\d+$/, "")} (Probe)`;

/** A town or item (`name` and its number) typed into the first row below the prepared ones: sheet and tool refuse it. */
function belowThePreparedRows(sheet: "towns" | "items", name: string, value: number): Case {
  const prepared = sheet === "towns" ? MIN_TOWN_ROWS : MIN_ITEM_ROWS;
  const sheetOf = sheet === "towns" ? towns : items;
  const numberColumn = sheet === "towns" ? "population" : "amount";
  const row = HEADER_ROW[sheet] + 1 + prepared;
  return {
    id: `${sheet === "towns" ? "town" : "item"}-below-the-prepared-rows`,
    language: "de",
    edits: (language) => [
      { kind: "setText", sheet: sheetOf(language), cell: at(SHEET[sheet], "name", prepared), text: name },
      {
        kind: "setNumber",
        sheet: sheetOf(language),
        cell: at(SHEET[sheet], numberColumn, prepared),
        value,
      },
    ],
    checks: [],
    summary: [
      `Einträge unterhalb der vorbereiteten Zeilen in ${sheetOf("de")} (ab Zeile ${row}) werden nicht verteilt`,
    ],
    findings: [
      {
        codes: ["rows.beyondCapacity", "rows.beyondPrepared"],
        sheet: SHEET[sheet],
        cell: `row ${row}`,
        anySeverity: true,
      },
    ],
  };
}

const CASES: readonly Case[] = [
  {
    id: "fixed-shares-with-a-percent-typed",
    language: "de",
    edits: fixedTypedAsPercent,
    checks: [
      { sheet: SHEET.towns, cell: at(SHEET.towns, "check", 2), text: reason("fraction") },
      { sheet: SHEET.towns, cell: at(SHEET.towns, "check", 0), text: reason("fixedNot100") },
      { sheet: SHEET.items, cell: at(SHEET.items, "check", FIXED_ITEM), text: reason("fixedNot100") },
      // the annex's own row never says ✓ while the fixed shares miss 100 %
      { sheet: SHEET.result, cell: `${RESULT_CHECK}${resultRowOfSlot(FIXED_ITEM + 1)}`, text: reason("fixedNot100") },
    ],
    summary: [where(towns("de"), at(SHEET.towns, "check", 0)), where(items("de"), at(SHEET.items, "check", 0))],
    findings: [
      {
        codes: ["costModel.fixedPercent.sumNot100"],
        sheet: SHEET.towns,
        cell: at(SHEET.towns, "fixedPercent", 0),
        text: "65,35 % statt 100 %",
      },
      {
        codes: ["costModel.percent.fractionAmongPoints"],
        sheet: SHEET.towns,
        cell: at(SHEET.towns, "fixedPercent", 2),
        text: "0,35",
      },
    ],
  },
  {
    id: "mixed-weights-with-a-percent-typed",
    language: "de",
    edits: (language) => [
      { kind: "setNumber", sheet: items(language), cell: at(SHEET.items, "mixEqual", MIXED_ITEM), value: 30 },
      { kind: "setPercent", sheet: items(language), cell: at(SHEET.items, "mixPopulation", MIXED_ITEM), value: 0.7 },
    ],
    checks: [{ sheet: SHEET.items, cell: at(SHEET.items, "check", MIXED_ITEM), text: reason("mixNot100") }],
    summary: [where(items("de"), at(SHEET.items, "check", 0))],
    findings: [
      {
        codes: ["costModel.mixed.sumNot100"],
        sheet: SHEET.items,
        cell: at(SHEET.items, "mixEqual", MIXED_ITEM),
        text: "30,7 %",
      },
      {
        codes: ["costModel.percent.fractionAmongPoints"],
        sheet: SHEET.items,
        cell: at(SHEET.items, "mixPopulation", MIXED_ITEM),
        text: "0,7",
      },
    ],
  },
  {
    id: "key-value-typed-as-text",
    language: "de",
    edits: (language) => [
      { kind: "setText", sheet: towns(language), cell: at(SHEET.towns, "population", 1), text: "4.600 EW" },
    ],
    checks: [{ sheet: SHEET.towns, cell: at(SHEET.towns, "check", 1), text: reason("text") }],
    summary: [where(towns("de"), at(SHEET.towns, "check", 0))],
    findings: [
      { codes: ["cell.notANumber", "cell.numberAsText"], sheet: SHEET.towns, cell: at(SHEET.towns, "population", 1) },
    ],
  },
  {
    id: "amount-typed-as-text",
    language: "de",
    edits: (language) => [
      { kind: "setText", sheet: items(language), cell: at(SHEET.items, "amount", 1), text: "12.345,67 €" },
    ],
    checks: [{ sheet: SHEET.items, cell: at(SHEET.items, "check", 1), text: reason("text") }],
    summary: [where(items("de"), at(SHEET.items, "check", 0))],
    findings: [
      { codes: ["cell.notANumber", "cell.numberAsText"], sheet: SHEET.items, cell: at(SHEET.items, "amount", 1) },
    ],
  },
  {
    id: "town-values-without-a-name",
    language: "de",
    edits: (language) => [
      { kind: "setNumber", sheet: towns(language), cell: at(SHEET.towns, "population", TOWNS), value: 1000 },
    ],
    checks: [{ sheet: SHEET.towns, cell: at(SHEET.towns, "check", TOWNS), text: reason("nameMissing") }],
    summary: [where(towns("de"), at(SHEET.towns, "check", 0))],
    findings: [{ codes: ["cell.required"], sheet: SHEET.towns, cell: at(SHEET.towns, "name", TOWNS) }],
  },
  belowThePreparedRows("towns", "Eibenstock", 7000),
  belowThePreparedRows("items", "Druckkosten", 500),
  {
    id: "item-not-distributed",
    language: "de",
    // every town 0 cases: „Fortbildung“ (by cases) cannot be split
    edits: (language) =>
      DEMO_COST_MODEL.towns.map((_, index): WorkbookEdit => ({
        kind: "setNumber",
        sheet: towns(language),
        cell: at(SHEET.towns, "cases", index),
        value: 0,
      })),
    checks: [{ sheet: SHEET.items, cell: at(SHEET.items, "check", CASES_ITEM), text: checkText("wrong", "de") }],
    summary: [where(items("de"), at(SHEET.items, "check", 0))],
    findings: [
      {
        codes: ["costModel.key.allZero"],
        sheet: SHEET.items,
        cell: at(SHEET.items, "key", CASES_ITEM),
        text: "den Wert 0",
      },
    ],
  },
  {
    id: "overhead-percent-out-of-range",
    language: "de",
    edits: (language) => [{ kind: "setNumber", sheet: settings(language), cell: field("overheadPercent"), value: 150 }],
    checks: [{ sheet: SHEET.settings, cell: field("overheadCheck"), text: reason("percentRange") }],
    summary: [`${settings("de")}, Zelle ${field("overheadCheck")} (Probe der Pauschale)`],
    findings: [{ codes: ["cell.outOfRange"], sheet: SHEET.settings, cell: field("overheadPercent") }],
  },
  {
    id: "overhead-percent-typed-as-percent",
    language: "de",
    // „5 %“ typed into the overhead's cell stores 0.05: refused by both, never read as 0.05 %
    edits: (language) => [
      { kind: "setPercent", sheet: settings(language), cell: field("overheadPercent"), value: 0.05 },
    ],
    checks: [{ sheet: SHEET.settings, cell: field("overheadCheck"), text: reason("fraction") }],
    summary: [`${settings("de")}, Zelle ${field("overheadCheck")} (Probe der Pauschale)`],
    findings: [
      {
        codes: ["costModel.overhead.percentFraction"],
        sheet: SHEET.settings,
        cell: field("overheadPercent"),
        text: "mehrdeutig",
      },
    ],
  },
  {
    id: "key-value-missing",
    language: "de",
    edits: (language) => [{ kind: "clearCells", sheet: towns(language), range: at(SHEET.towns, "population", 1) }],
    checks: [{ sheet: SHEET.towns, cell: at(SHEET.towns, "check", 1), text: reason("keyValueMissing") }],
    summary: [where(towns("de"), at(SHEET.towns, "check", 0))],
    findings: [{ codes: ["costModel.key.valueMissing"], sheet: SHEET.towns, cell: at(SHEET.towns, "population", 1) }],
  },
  {
    id: "fee-missing",
    language: "de",
    edits: (language) => [{ kind: "clearCells", sheet: items(language), range: at(SHEET.items, "flatFee", FEE_ITEM) }],
    checks: [{ sheet: SHEET.items, cell: at(SHEET.items, "check", FEE_ITEM), text: reason("feeMissing") }],
    summary: [where(items("de"), at(SHEET.items, "check", 0))],
    findings: [
      { codes: ["costModel.item.feeMissing"], sheet: SHEET.items, cell: at(SHEET.items, "flatFee", FEE_ITEM) },
    ],
  },
  {
    id: "fixed-shares-with-a-percent-typed-en",
    language: "en",
    edits: fixedTypedAsPercent,
    checks: [
      { sheet: SHEET.towns, cell: at(SHEET.towns, "check", 2), text: reason("fraction", "en") },
      { sheet: SHEET.items, cell: at(SHEET.items, "check", FIXED_ITEM), text: reason("fixedNot100", "en") },
    ],
    summary: [
      `${towns("en")}, column ${columnOf(SHEET.towns, "check")} (check) · ${items("en")}, column ${columnOf(SHEET.items, "check")} (check)`,
    ],
    findings: [
      {
        codes: ["costModel.percent.fractionAmongPoints"],
        sheet: SHEET.towns,
        cell: at(SHEET.towns, "fixedPercent", 2),
        text: "0.35",
      },
    ],
  },
];

let dir = "";
const edited = new Map<string, WorkbookSnapshot>();
const reports = new Map<string, ValidationReport>();

async function demoFile(language: Language): Promise<string> {
  const file = join(dir, `demo-${language}.xlsx`);
  await writeFile(file, await writePlanToBuffer(planCostAllocation({ language, demo: true }).plan));
  return file;
}

function value(snapshot: WorkbookSnapshot, sheet: string, address: string): unknown {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  const { row, column } = parseCellAddress(address);
  return snapshotCell(found, row, column)?.value ?? null;
}

const summaryOf = (snapshot: WorkbookSnapshot, language: Language): unknown =>
  value(snapshot, name(SHEET.result, language), cellAddress(RESULT_SUMMARY_ROW, 1));

describe.skipIf(libreOfficeSkipRequested())("kostenverteilung: the sheet checks itself (LibreOffice)", () => {
  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-kv-selfchecks-"));
    const inputs = { de: await demoFile("de"), en: await demoFile("en") };
    const jobs = [
      { input: inputs.de, output: join(dir, "clean-de.xlsx"), edits: [] },
      { input: inputs.en, output: join(dir, "clean-en.xlsx"), edits: [] },
      ...CASES.map((c) => ({
        input: inputs[c.language],
        output: join(dir, `${c.id}.xlsx`),
        edits: c.edits(c.language),
      })),
    ];
    await editWorkbooks(jobs, { timeoutMs: 900_000 });
    for (const job of jobs) {
      const id = job.output.replace(/^.*\//, "").replace(/\.xlsx$/, "");
      const snapshot = await readSnapshotFromXlsx(job.output, `${id}.xlsx`);
      const language: Language = id.endsWith("-en") ? "en" : "de";
      edited.set(id, snapshot);
      reports.set(
        id,
        validateWorkbook(costAllocationSpec, snapshot, { language, check: findTemplate("kostenverteilung")!.check }),
      );
    }
  }, 900_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(["de", "en"] as const)("the demo saved unchanged: ✓ everywhere, no finding (%s)", (language) => {
    const snapshot = edited.get(`clean-${language}`)!;
    expect(summaryOf(snapshot, language)).toBe(selfCheckSummaryText("passed", language));
    const ok = checkText("ok", language);
    for (let index = 0; index < TOWNS; index++)
      expect(value(snapshot, towns(language), at(SHEET.towns, "check", index))).toBe(ok);
    expect(value(snapshot, settings(language), field("overheadCheck"))).toBe(ok);
    const errors = reports.get(`clean-${language}`)!.issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([]);
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s: ✗ in the sheet and a finding at the cell", (id, c) => {
    const snapshot = edited.get(id)!;
    const language = c.language;
    for (const check of c.checks)
      expect(value(snapshot, name(check.sheet, language), check.cell), `${check.sheet}!${check.cell}`).toBe(check.text);

    // the annex's summary line: how many checks failed and where to look
    const summary = String(summaryOf(snapshot, language));
    const failed =
      language === "de" ? /^✗ (\d+) Prüfung(en)? nicht bestanden – siehe / : /^✗ (\d+) checks? failed – see /;
    expect(summary).toMatch(failed);
    for (const part of c.summary) expect(summary).toContain(part);
    expect(Number(failed.exec(summary)?.[1])).toBe(summary.split(" · ").length);

    // validation names the same condition at its cell
    const report = reports.get(id)!;
    for (const finding of c.findings) {
      const sheet = name(finding.sheet, language);
      const matches = (issue: ValidationIssue): boolean =>
        finding.codes.includes(issue.code) &&
        issue.sheet === sheet &&
        (finding.cell.startsWith("row ")
          ? parseCellAddress(issue.cell ?? "A1").row === Number(finding.cell.slice(4))
          : issue.cell === finding.cell) &&
        (finding.anySeverity === true || issue.severity === "error") &&
        (finding.text === undefined || issue.message.includes(finding.text));
      expect(
        report.issues.some(matches),
        `${finding.codes.join("|")} at ${sheet}!${finding.cell} in ${JSON.stringify(report.issues, null, 1)}`,
      ).toBe(true);
    }
    if (c.findings.every((f) => f.anySeverity !== true)) expect(report.valid).toBe(false);
  });
});

describe("kostenverteilung: room for real partnerships", () => {
  it("prepares 12 town rows and 40 item rows, whatever is pre-filled, and more on request", () => {
    /** The last planned row of a sheet (its data rows end there). */
    const rows = (plan: ReturnType<typeof planCostAllocation>, key: CostSheetKey): number => {
      const sheet = plan.plan.sheets.find((s) => s.name === sheetName(key, "de"));
      return Math.max(0, ...[...(sheet?.rows() ?? [])].map((row) => row.row));
    };
    const demo = planCostAllocation({ language: "de", demo: true });
    expect(rows(demo, SHEET.towns)).toBe(HEADER_ROW.towns + MIN_TOWN_ROWS);
    expect(rows(demo, SHEET.items)).toBe(HEADER_ROW.items + MIN_ITEM_ROWS);
    const blank = planCostAllocation({ language: "de" });
    expect(rows(blank, SHEET.towns)).toBe(HEADER_ROW.towns + MIN_TOWN_ROWS);
    const more = planCostAllocation({ language: "de", demo: true, rows: { towns: 20, items: 60 } });
    expect(rows(more, SHEET.towns)).toBe(HEADER_ROW.towns + 20);
    expect(rows(more, SHEET.items)).toBe(HEADER_ROW.items + 60);
    // (60 + 1 overhead) item slots × 6 parts × 20 towns on „Verteilung“
    expect(rows(more, SHEET.allocation)).toBe(HEADER_ROW.allocation + 61 * 6 * 20);
    expect(columnNumber(columnOf(SHEET.towns, "check"))).toBeGreaterThan(
      columnNumber(columnOf(SHEET.towns, "actualCents")),
    );
  });
});

describe("ikz template kostenverteilung --town-rows / --item-rows", () => {
  let out = "";
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "ikz-kv-rows-"));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  async function template(...args: string[]): Promise<{ code: number; stderr: string }> {
    const stderr: string[] = [];
    const code = await runCli(["template", ...args], { stdout: () => undefined, stderr: (t) => stderr.push(t) });
    return { code, stderr: stderr.join("\n") };
  }

  it("prepares the rows asked for; the workbook validates", async () => {
    const file = join(out, "gross.xlsx");
    const run = await template("kostenverteilung", "--demo", "--town-rows", "20", "--item-rows", "60", "--out", file);
    expect(run.code, run.stderr).toBe(0);
    const snapshot = await readSnapshotFromXlsx(file, "gross.xlsx");
    const report = validateWorkbook(costAllocationSpec, snapshot, {
      language: "de",
      check: findTemplate("kostenverteilung")!.check,
    });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const townsSheet = snapshot.sheets.find((s) => s.name === towns("de"))!;
    const last = HEADER_ROW.towns + 20;
    expect(snapshotCell(townsSheet, last, columnNumber(columnOf(SHEET.towns, "check")))?.formula).toBeDefined();
    expect(snapshotCell(townsSheet, last + 1, columnNumber(columnOf(SHEET.towns, "check")))?.formula).toBeUndefined();
  });

  it.each([
    [["--town-rows", "5"], "--town-rows erwartet eine ganze Zahl von 12–200, gefunden: „5“."],
    [["--item-rows", "viele"], "--item-rows erwartet eine ganze Zahl von 40–1000, gefunden: „viele“."],
    [["--town-rows", "200", "--item-rows", "1000"], "im Blatt „Verteilung“ (höchstens 60000)"],
  ])("refuses %j (exit 2), writing nothing", async (options, message) => {
    const file = join(out, "nicht.xlsx");
    const run = await template("kostenverteilung", ...options, "--out", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    await expect(readSnapshotFromXlsx(file, "nicht.xlsx")).rejects.toThrow();
  });

  it("refuses the options for templates without prepared rows", async () => {
    const run = await template("pestel", "--town-rows", "20", "--out", join(out, "pestel.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--town-rows gilt nicht für die Vorlage „pestel“, nur für: kostenverteilung.");
  });
});

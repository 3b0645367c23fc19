/**
 * `ikz upgrade` on real workbooks of kostenverteilung 0.1.0 (test/fixtures/upgrade, written by the
 * CLI of commit c489e72, two of them edited the way users edit): the upgraded workbook validates
 * against the current spec, holds every value of the old one, splits the costs exactly as the old
 * sheet did (LibreOffice recalculates both), and the report names every change.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { validateFile } from "../cli/commands/validate.js";
import { allocateCosts } from "../lib/allocation/allocateCosts.js";
import type { Allocation } from "../lib/allocation/model.js";
import { cellAddress, columnLetter, columnNumber } from "../lib/cells/address.js";
import { renderUpgradeChange } from "../lib/messages/upgradeTexts.js";
import {
  snapshotCell,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { carryValues } from "../lib/upgrade/carryValues.js";
import type { UpgradeChange } from "../lib/upgrade/UpgradeChange.js";
import { upgradeWorkbook } from "../lib/upgrade/upgradeWorkbook.js";
import { readWorkbook } from "../lib/validation/readWorkbook.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue } from "../templates/aufgabenkatalog/checks.js";
import { extractCostModel } from "../templates/kostenverteilung/costModel.js";
import { columnOf, costAllocationSpec } from "../templates/kostenverteilung/spec.js";
import { TEMPLATES } from "../templates/registry.js";
import {
  libreOfficeSkipRequested,
  readRecalculatedValues,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { planToSnapshot, setCell } from "../lib/testing/planToSnapshot.js";
import { ikz, type CliRun } from "./support/runIkz.js";

const FIXTURES = fileURLToPath(new URL("fixtures/upgrade/", import.meta.url));
/** The cost model's current version, which every upgrade reaches. */
const CURRENT = costAllocationSpec.version;

interface Fixture {
  readonly name: string;
  readonly language: Language;
  readonly edited: boolean;
}

const fixtures: readonly Fixture[] = [
  { name: "kostenverteilung-0.1.0-demo-de", language: "de", edited: false },
  { name: "kostenverteilung-0.1.0-demo-en", language: "en", edited: false },
  { name: "kostenverteilung-0.1.0-edited-de", language: "de", edited: true },
  { name: "kostenverteilung-0.1.0-edited-en", language: "en", edited: true },
];

/**
 * The oracle: kostenverteilung 0.1.0 as `ikz describe kostenverteilung` of commit c489e72 shows it
 * (header row 4 everywhere). `i` = typed input (with its key), `c` = computed, `f` = written by the
 * template (the pair numbers).
 */
const OLD_LAYOUT = {
  towns: {
    names: { de: "Kommunen", en: "Towns" },
    columns: ["c", "name", "population", "cases", "workplaces", "fteShare", "fixedPercent", "isHost"].concat(
      Array<string>(8).fill("c"),
    ),
  },
  items: {
    names: { de: "Kostenpositionen", en: "Cost items" },
    columns: ["c", "name", "amount", "key", "c", "c", "c", "c", "c"],
  },
  allocation: {
    names: { de: "Verteilung", en: "Allocation" },
    columns: ["f", "c", "f", "c", "c", "c", "c", "c", "c", "c"],
  },
} as const;
const OLD_HEADER_ROW = 4;
const REFERENCE_SHEETS = ["Listen", "Lists", "_ikz"];

let dir = "";
const upgraded = new Map<string, { run: CliRun; path: string; old: WorkbookSnapshot; now: WorkbookSnapshot }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-upgrade-"));
  for (const fixture of fixtures) {
    const source = join(FIXTURES, `${fixture.name}.xlsx`);
    const path = join(dir, `${fixture.name}-upgraded.xlsx`);
    const run = await ikz("upgrade", source, "--out", path, "--lang", fixture.language);
    const old = await readSnapshotFromXlsx(source, `${fixture.name}.xlsx`);
    const now = await readSnapshotFromXlsx(path, `${fixture.name}-upgraded.xlsx`);
    upgraded.set(fixture.name, { run, path, old, now });
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const result = (fixture: Fixture) => {
  const found = upgraded.get(fixture.name);
  if (!found) throw new Error(`not upgraded: ${fixture.name}`);
  return found;
};

const sheetOf = (snapshot: WorkbookSnapshot, name: string): SheetSnapshot => {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${snapshot.fileName} has no sheet ${name}`);
  return sheet;
};

const text = (value: CellValue | undefined): string => (typeof value === "string" ? value.trim() : "");

/** A cell's value as the user sees it: a formula by its saved result. */
const shown = (sheet: SheetSnapshot, row: number, column: number): CellValue | undefined =>
  snapshotCell(sheet, row, column)?.value;

type Expected =
  | { readonly kind: "input"; readonly sheetKey: keyof typeof OLD_LAYOUT; readonly key: string }
  | { readonly kind: "extra"; readonly header: string }
  | { readonly kind: "aside" }
  | { readonly kind: "userSheet" };

interface OldValue {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  readonly expected: Expected;
}

/**
 * Every value a user put into the old workbook, found without the code under test: every
 * non-empty cell except the template's own (metadata and list sheets, titles in A1/A2, the
 * header row's template labels, the pair numbers, formulas of computed columns).
 */
function userValues(snapshot: WorkbookSnapshot): OldValue[] {
  const values: OldValue[] = [];
  for (const sheet of snapshot.sheets) {
    if (REFERENCE_SHEETS.includes(sheet.name)) continue;
    const layout = Object.entries(OLD_LAYOUT).find(([, l]) => l.names.de === sheet.name || l.names.en === sheet.name);
    sheet.rows.forEach((cells, row) => {
      cells?.forEach((cell, column) => {
        if (!cell || cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "")) return;
        const at = { sheet: sheet.name, row, column, value: cell.value };
        if (!layout) return values.push({ ...at, expected: { kind: "userSheet" } });
        const [sheetKey, { columns }] = layout as [
          keyof typeof OLD_LAYOUT,
          (typeof OLD_LAYOUT)[keyof typeof OLD_LAYOUT],
        ];
        const role = columns[column - 1];
        if (row < OLD_HEADER_ROW) {
          if (!(column === 1 && row <= 2)) values.push({ ...at, expected: { kind: "aside" } });
          return;
        }
        if (role === undefined) {
          const header = text(shown(sheet, OLD_HEADER_ROW, column));
          if (row > OLD_HEADER_ROW) values.push({ ...at, expected: { kind: "extra", header } });
          return;
        }
        if (row === OLD_HEADER_ROW || role === "f") return;
        if (role === "c") {
          if (cell.formula === undefined) values.push({ ...at, expected: { kind: "aside" } });
          return;
        }
        values.push({ ...at, expected: { kind: "input", sheetKey, key: role } });
      });
    });
  }
  return values;
}

/** Number of columns the current spec gives a sheet (by its name in either language). */
const templateColumns = (name: string): number => {
  const sheet = costAllocationSpec.sheets.find((s) => s.name.de === name || s.name.en === name);
  return sheet?.kind === "table" ? sheet.columns.length : 0;
};

/** Letter of the n-th column of the user's own, right of the template's columns. */
const ownColumn = (sheet: string, n: number): string => columnLetter(templateColumns(sheet) + n);

const sameValue = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

describe.each(fixtures)("ikz upgrade $name", (fixture) => {
  it("exits 0 for the demo and 1 (places to check) for the edited workbook, and says where it wrote", () => {
    const { run, path } = result(fixture);
    expect(run.code, run.stderr).toBe(fixture.edited ? 1 : 0);
    expect(run.stderr).toContain(path);
  });

  it("gives a workbook of the current version that validates without errors", async () => {
    const { path } = result(fixture);
    const report = await validateFile(path, fixture.language);
    expect(report.usable).toBe(true);
    expect(report.templateId).toBe("kostenverteilung");
    expect(report.workbook?.metadata.templateVersion).toBe(costAllocationSpec.version);
    expect(report.workbook?.metadata.language).toBe(fixture.language);
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.issues.map((i) => i.code)).not.toContain("workbook.olderVersion");
  });

  it("keeps every value of the old workbook: in its column, in the user's own column or sheet, or on „Übernommen“", () => {
    const { old, now } = result(fixture);
    const values = userValues(old);
    expect(values.length).toBeGreaterThan(40);
    const aside = now.sheets.find((s) => s.name === (fixture.language === "de" ? "Übernommen" : "Carried over"));
    for (const value of values) {
      const where = `${value.sheet}!${cellAddress(value.row, value.column)} (${value.expected.kind})`;
      switch (value.expected.kind) {
        case "input": {
          const column = columnNumber(columnOf(value.expected.sheetKey, value.expected.key));
          expect(shown(sheetOf(now, value.sheet), value.row, column), where).toEqual(value.value);
          break;
        }
        case "extra": {
          const sheet = sheetOf(now, value.sheet);
          const header = value.expected.header;
          const column = (sheet.rows[OLD_HEADER_ROW] ?? []).findIndex((cell) => text(cell?.value) === header);
          expect(column, `${where}: header „${header}“`).toBeGreaterThan(templateColumns(value.sheet));
          expect(shown(sheet, value.row, column), where).toEqual(value.value);
          break;
        }
        case "aside": {
          expect(aside, where).toBeDefined();
          const row = aside?.rows.find(
            (cells) =>
              text(cells?.[1]?.value) === value.sheet &&
              text(cells?.[2]?.value) === cellAddress(value.row, value.column),
          );
          expect(row, where).toBeDefined();
          expect(sameValue(row?.[4]?.value, value.value), where).toBe(true);
          break;
        }
        case "userSheet":
          expect(sameValue(shown(sheetOf(now, value.sheet), value.row, value.column), value.value), where).toBe(true);
          break;
      }
    }
    // the demo has nothing of the user's own; the edited workbook has all four kinds
    const kinds = new Set(values.map((v) => v.expected.kind));
    expect([...kinds].sort()).toEqual(fixture.edited ? ["aside", "extra", "input", "userSheet"] : ["input"]);
    if (!fixture.edited) expect(aside).toBeUndefined();
  });

  it("reports the values it took over: as many as the old workbook's inputs", () => {
    const { run, old } = result(fixture);
    const inputs = userValues(old).filter((v) => v.expected.kind === "input").length;
    const counted = [
      ...run.stdout.matchAll(
        /: (\d+) (eingegebene Werte übernommen|eingegebener Wert übernommen|entered values? taken over)/g,
      ),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(counted).toBe(inputs);
  });

  it("formulas of the user's own column are kept as their values, never as formulas", () => {
    if (!fixture.edited) return;
    const { now } = result(fixture);
    const towns = sheetOf(now, fixture.language === "de" ? "Kommunen" : "Towns");
    const header = fixture.language === "de" ? "Einwohner je Arbeitsplatz" : "Inhabitants per workplace";
    const column = (towns.rows[OLD_HEADER_ROW] ?? []).findIndex((cell) => text(cell?.value) === header);
    expect(snapshotCell(towns, 5, column)).toEqual({ value: 5300 / 38 });
    // a text starting with "=" stays text
    const contact = (towns.rows[OLD_HEADER_ROW] ?? []).findIndex(
      (cell) => text(cell?.value) === (fixture.language === "de" ? "Ansprechpartner" : "Contact"),
    );
    expect(snapshotCell(towns, 6, contact)).toEqual({ value: "=siehe Vertrag" });
  });
});

describe("the report", () => {
  const line = (fixture: string) => result(fixtures.find((f) => f.name === fixture)!).run.stdout;

  it("names the moved, renamed and new columns, the new sheets and the values taken over (German)", () => {
    const report = line("kostenverteilung-0.1.0-demo-de");
    for (const expected of [
      `kostenverteilung 0.1.0 → ${CURRENT}`,
      "Neues Blatt „Grunddaten“.",
      "Neues Blatt „Ergebnis“.",
      "Neues Blatt „Teilbeträge“.",
      "Kommunen: Spalte „Sitzgemeinde (x)“ von H nach C verschoben.",
      "Kommunen: Spalte „Einwohner“ von C nach D verschoben.",
      "Kommunen: neue Spalte „Stichtag Einwohner“ (E), noch leer.",
      "Kommunen: 25 eingegebene Werte übernommen.",
      "Kostenpositionen: 18 eingegebene Werte übernommen.",
      "„Verteilt (€)“ → „Plan: verteilt (€)“",
      "entfallen: „Gewicht gleich“",
    ])
      expect(report).toContain(expected);
    expect(report).not.toContain("Bitte prüfen");
  });

  it("names the user's own columns and sheet, the guessed header, the replaced formulas and every value set aside (German)", () => {
    const report = line("kostenverteilung-0.1.0-edited-de");
    for (const expected of [
      "Bitte prüfen:",
      "Kommunen!C4: Überschrift „Einwohnerzahl 31.12.“ ist unbekannt; an dieser Stelle stand „Einwohner“",
      `Kommunen: eigene Spalte „Ansprechpartner“ mit 3 Werten behalten (Q → ${ownColumn("Kommunen", 1)}).`,
      `Kommunen: eigene Spalte „Einwohner je Arbeitsplatz“ mit 4 Werten behalten (R → ${ownColumn("Kommunen", 2)}); 4 Formeln durch ihre Werte ersetzt.`,
      `Kostenpositionen: eigene Spalte „Haushaltsstelle“ mit 3 Werten behalten (J → ${ownColumn("Kostenpositionen", 1)}).`,
      "Kostenpositionen!C7: Formel =4000+1100 durch ihren Wert 5.100 (Zahl) ersetzt.",
      "Eigenes Blatt „Notizen“ mit 3 Werten behalten.",
      "Kommunen!F1: „Entwurf – nicht weitergeben“ (Text) hat in der Vorlage keinen Platz (außerhalb der Tabellen der Vorlage); steht jetzt auf Übernommen!D5.",
      "Kommunen!P6: 99.999 (Zahl) hat in der Vorlage keinen Platz (über eine berechnete Zelle geschrieben); steht jetzt auf Übernommen!D6.",
      "Verteilung!J5: 1.234,5 (Zahl) hat in der Vorlage keinen Platz",
    ])
      expect(report).toContain(expected);
  });

  it("speaks English for English workbooks", () => {
    const report = line("kostenverteilung-0.1.0-edited-en");
    for (const expected of [
      `template kostenverteilung 0.1.0 → ${CURRENT}`,
      "New sheet “Basics”.",
      "Towns: column “Host town (x)” moved from H to C.",
      "Please check:",
      "Towns!C4: header “Inhabitants 31 Dec” is unknown; “Population” stood here",
      `Cost items: own column “Budget line” with 3 values kept (J → ${ownColumn("Cost items", 1)}).`,
      "Own sheet “Notes” with 3 values kept.",
      "Towns!P6: 99,999 (number) has no place in the template (typed over a computed cell); now on Carried over!D6.",
    ])
      expect(report).toContain(expected);
  });

  it("--json gives every change as data with its sentence, and marks what to check", async () => {
    const out = join(dir, "json.xlsx");
    const run = await ikz("upgrade", join(FIXTURES, "kostenverteilung-0.1.0-edited-de.xlsx"), "--out", out, "--json");
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      status: string;
      from: string;
      to: string;
      findings: number;
      carried: number;
      changes: (UpgradeChange & { finding: boolean; message: string })[];
    };
    expect(json).toMatchObject({ status: "upgraded", from: "0.1.0", to: CURRENT, carried: 52 });
    const kinds = new Set(json.changes.map((c) => c.kind));
    for (const kind of ["sheetAdded", "columnMoved", "columnAdded", "computedColumnsRenewed", "valuesCarried"])
      expect(kinds).toContain(kind);
    for (const kind of ["extraColumnKept", "userSheetKept", "headerGuessed", "formulaReplaced", "valueCarriedOver"])
      expect(kinds).toContain(kind);
    expect(json.findings).toBe(json.changes.filter((c) => c.finding).length);
    for (const change of json.changes) expect(change.message).toBe(renderUpgradeChange(change, "de"));
  });
});

describe("the allocation", () => {
  const modelOf = async (path: string, language: Language) => {
    const report = await validateFile(path, language);
    return allocateCosts(extractCostModel(report.workbook!));
  };

  it.each(fixtures.filter((f) => !f.edited))(
    "of $name equals the single-key allocation of the old file's extracted model",
    async (fixture) => {
      const { old, path } = result(fixture);
      const { workbook } = readWorkbook(costAllocationSpec, old, fixture.language);
      expect(await modelOf(path, fixture.language)).toEqual(allocateCosts(extractCostModel(workbook)));
    },
  );

  describe.skipIf(libreOfficeSkipRequested())("as the sheets compute it (LibreOffice)", () => {
    it("old sheet, library and new sheet agree to the cent for every item, town and total", async () => {
      requireLibreOffice();
      // the edited workbooks: a town and an item in spare slots, a renamed header, a formula as input
      const edited = fixtures.filter((f) => f.edited);
      const inputs = edited.flatMap((f) => [join(FIXTURES, `${f.name}.xlsx`), result(f).path]);
      const recalculated = await recalculateWithLibreOffice(inputs, { outDir: join(dir, "lo") });
      for (const [index, fixture] of edited.entries()) {
        const de = fixture.language === "de";
        const oldFile = await readRecalculatedValues(recalculated[index * 2]!);
        const newFile = await readRecalculatedValues(recalculated[index * 2 + 1]!);
        const allocation: Allocation = await modelOf(result(fixture).path, fixture.language);
        const townsSheet = de ? "Kommunen" : "Towns";
        const usedSlots = (sheet: string) => {
          const slots: number[] = [];
          for (let row = OLD_HEADER_ROW + 1; row < 40; row++)
            if (text(oldFile.valueAt(sheet, `B${row}`)) !== "") slots.push(row - OLD_HEADER_ROW);
          return slots;
        };
        const towns = usedSlots(townsSheet);
        const items = usedSlots(de ? "Kostenpositionen" : "Cost items");
        expect(allocation.items.length).toBe(items.length);
        expect(allocation.totals.length).toBe(towns.length);
        // totals per town: old „Summe (Cent)“ (O), the library, the new „Plan: Summe (Cent)“
        towns.forEach((slot, town) => {
          const row = OLD_HEADER_ROW + slot;
          const old = oldFile.valueAt(townsSheet, `O${row}`);
          expect(old, `${fixture.name} town ${slot}`).toBe(allocation.totals[town]!.cents);
          expect(newFile.valueAt(townsSheet, `${columnOf("towns", "planCents")}${row}`)).toBe(old);
        });
        // every share: the old pair rows (item no. A, town no. C, cents I)
        const pairs = de ? "Verteilung" : "Allocation";
        let compared = 0;
        for (const [address, cell] of oldFile.cells(pairs)) {
          const match = /^A(\d+)$/.exec(address);
          if (!match || Number(match[1]) <= OLD_HEADER_ROW || typeof cell.value !== "number") continue;
          const row = Number(match[1]);
          const item = items.indexOf(cell.value);
          const town = towns.indexOf(oldFile.valueAt(pairs, `C${row}`) as number);
          if (item < 0 || town < 0) continue;
          expect(oldFile.valueAt(pairs, `I${row}`), `${fixture.name} ${pairs}!I${row}`).toBe(
            allocation.items[item]!.shares[town]!.cents,
          );
          compared++;
        }
        expect(compared).toBe(items.length * towns.length);
      }
    });
  });
});

describe("ikz upgrade of a workbook whose sheets the user renamed", () => {
  const demo = join(FIXTURES, "kostenverteilung-0.1.0-demo-de.xlsx");

  /** A copy of the German demo, changed with exceljs the way a user changes it (the fixture stays as it is). */
  const edited = async (name: string, change: (workbook: ExcelJS.Workbook) => void): Promise<string> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    change(workbook);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  };
  const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const rename = (from: string, to: string) => (workbook: ExcelJS.Workbook) => {
    sheet(workbook, from).name = to;
  };
  /** A copy of a sheet's values under another name (as „Blatt verschieben/kopieren“ makes it). */
  const copy = (workbook: ExcelJS.Workbook, from: string, to: string) => {
    const target = workbook.addWorksheet(to);
    sheet(workbook, from).eachRow((row, r) =>
      row.eachCell((cell, c) => {
        target.getCell(r, c).value = cell.value;
      }),
    );
  };
  const allocationOf = async (path: string): Promise<Allocation> => {
    const report = await validateFile(path, "de");
    if (!report.workbook) throw new Error(`${path} not read`);
    return allocateCosts(extractCostModel(report.workbook));
  };
  /** The split of the demo upgraded as it is: what every renamed copy must give too. */
  const expected = () => allocationOf(result(fixtures[0]!).path);

  it.each([
    ["the item sheet", "Kostenpositionen", "Kosten 2026", 18],
    ["the towns sheet", "Kommunen", "Gemeinden im Verbund", 25],
  ])(
    "finds %s renamed by its headers: every value taken over, the split as before (not 0 €)",
    async (_, from, to, count) => {
      const path = await edited(`renamed-${count}.xlsx`, rename(from, to));
      const out = join(dir, `renamed-${count}-upgraded.xlsx`);
      const run = await ikz("upgrade", path, "--out", out);
      expect(run.code, run.stderr).toBe(1); // one place to check: the sheet found by its headers
      expect(run.stdout).toContain(`Blatt „${to}“ an seinen Überschriften als „${from}“ erkannt`);
      expect(run.stdout).toContain(`${to}: ${count} eingegebene Werte übernommen.`);
      expect(run.stdout).not.toContain(`Eigenes Blatt „${to}“`);
      expect(run.stderr).toContain("43 Werte übernommen, 1 Stelle bitte prüfen.");
      expect(run.stderr).not.toContain("Fehler");
      const allocation = await allocationOf(out);
      expect(allocation).toEqual(await expected());
      expect(allocation.totals.length).toBe(4);
      for (const total of allocation.totals) expect(total.cents).toBeGreaterThan(0);
    },
  );

  const refused = async (name: string, change: (workbook: ExcelJS.Workbook) => void, language: Language = "de") => {
    const path = await edited(name, change);
    const out = join(dir, `${name}-upgraded.xlsx`);
    const before = await readdir(dir);
    const run = await ikz("upgrade", path, "--out", out, "--lang", language);
    expect(await readdir(dir), "nothing written").toEqual(before);
    return run;
  };

  it("stops when the sheet was renamed and its headers changed: exit 2, the sheet, the sheets found, what to do, nothing written", async () => {
    const run = await refused("unrelated.xlsx", (workbook) => {
      rename("Kostenpositionen", "Ausgaben")(workbook);
      const header = sheet(workbook, "Ausgaben").getRow(4);
      ["#", "Was", "Wie viel", "Wie verteilt", "Cent", "Nr.", "W", "R", "Summe"].forEach((text, index) => {
        header.getCell(index + 1).value = text;
      });
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Das Blatt „Kostenpositionen“ fehlt: kein Blatt heißt so");
    expect(run.stderr).toContain("„Kostenposition“, „Jahresbetrag (€)“, „Schlüssel“");
    expect(run.stderr).toContain("Blätter der Arbeitsmappe: „Kommunen“, „Ausgaben“, „Verteilung“, „Listen“.");
    expect(run.stderr).toContain("wieder „Kostenpositionen“ nennen");
    expect(run.stderr).toContain("Es wurde nichts geschrieben.");
    expect(run.stdout).toBe("");
  });

  it("stops when two sheets carry the item sheet's headers, naming both (English too, and as JSON)", async () => {
    const twice = (workbook: ExcelJS.Workbook) => {
      rename("Kostenpositionen", "Kosten 2025")(workbook);
      copy(workbook, "Kosten 2025", "Kosten 2026");
    };
    const run = await refused("twice.xlsx", twice);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Das Blatt „Kostenpositionen“ fehlt, und seine Überschriften stehen auf mehreren Blättern: „Kosten 2025“, „Kosten 2026“.",
    );
    const english = await refused("twice-en.xlsx", twice, "en");
    expect(english.stderr).toContain("its headers stand on several sheets: “Kosten 2025”, “Kosten 2026”");
    const path = await edited("twice-json.xlsx", twice);
    const json = await ikz("upgrade", path, "--out", join(dir, "twice-json-upgraded.xlsx"), "--json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: "unusable",
      reason: "sheets",
      issues: [{ code: "upgrade.sheetAmbiguous", sheet: "Kostenpositionen", severity: "error" }],
    });
  });

  it("never says „done“ while a sheet's entries stay behind: an empty „Kostenpositionen“ next to the renamed one ends with exit 2", async () => {
    const run = await refused("left-behind.xlsx", (workbook) => {
      rename("Kostenpositionen", "Kosten alt")(workbook);
      workbook.addWorksheet("Kostenpositionen");
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Kostenpositionen — Fehler: Das Blatt ist leer, aber „Kosten alt“ hat seine Spalten");
    expect(run.stderr).toContain("„Kosten alt“ wieder „Kostenpositionen“ nennen");
  });

  it("validates what it wrote: an entry the new workbook cannot use is named, and the upgrade is not „done“ (exit 1)", async () => {
    const path = await edited("text-in-number.xlsx", (workbook) => {
      sheet(workbook, "Kommunen").getCell("C6").value = "rund 4600";
    });
    const out = join(dir, "text-in-number-upgraded.xlsx");
    const run = await ikz("upgrade", path, "--out", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Kommunen!D6 — Fehler: .*Zahl/);
    expect(run.stderr).toMatch(/Die aktualisierte Arbeitsmappe hat \d+ Fehler/);
    const json = await ikz("upgrade", path, "--out", join(dir, "text-in-number-json.xlsx"), "--json");
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      validation: { valid: boolean; errors: { sheet: string; cell: string }[] };
    };
    expect(report.validation.valid).toBe(false);
    expect(report.validation.errors).toContainEqual(expect.objectContaining({ sheet: "Kommunen", cell: "D6" }));
  });
});

describe("upgrading an upgraded workbook", () => {
  it("changes nothing: exit 0, „schon aktuell“, no file written", async () => {
    const { path } = result(fixtures[2]!);
    const before = await readdir(dir);
    const run = await ikz("upgrade", path);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`schon aktuell (Vorlage kostenverteilung ${CURRENT}); nichts zu tun.`);
    expect(await readdir(dir)).toEqual(before);
    const english = await ikz("upgrade", path, "--lang", "en", "--json");
    expect(JSON.parse(english.stdout)).toMatchObject({ status: "current", version: CURRENT });
  });

  it.each(fixtures)("finds the same values in the upgraded $name as in the old one", (fixture) => {
    const { old, now } = result(fixture);
    const before = carryValues(costAllocationSpec, old, "0.1.0", fixture.language, fixture.language);
    const after = carryValues(costAllocationSpec, now, CURRENT, fixture.language, fixture.language);
    for (const key of ["towns", "items"]) expect(after.tableRows[key], key).toEqual(before.tableRows[key]);
    expect(after.carriedOver).toEqual([]);
    expect(after.changes.filter((c) => c.kind === "headerGuessed" || c.kind === "formulaReplaced")).toEqual([]);
  });
});

describe("ikz upgrade --help", () => {
  it("explains the command and its options in German and English", async () => {
    const de = await ikz("upgrade", "--help");
    expect(de.code).toBe(0);
    expect(de.stdout).toContain("Aufruf: ikz upgrade [options] <file>");
    const words = (text: string) => text.replace(/\s+/g, " ");
    expect(words(de.stdout)).toContain("ohne Angabe neben der Datei, mit der neuen Version im Namen");
    const en = await ikz("upgrade", "--help", "--lang", "en");
    expect(words(en.stdout)).toContain("bring a workbook of an older template version up to the current one");
    expect(en.stdout).toContain("--force");
  });
});

describe("ikz upgrade refuses", () => {
  const source = join(FIXTURES, "kostenverteilung-0.1.0-demo-de.xlsx");

  it("to overwrite an existing --out without --force, leaving it and the folder as they were", async () => {
    const target = join(dir, "exists.xlsx");
    await writeFile(target, "keep me");
    const before = await readdir(dir);
    const run = await ikz("upgrade", source, "--out", target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Die Datei gibt es schon. Mit --force wird sie überschrieben.");
    expect(await readFile(target, "utf8")).toBe("keep me");
    expect(await readdir(dir)).toEqual(before);
    const forced = await ikz("upgrade", source, "--out", target, "--force");
    expect(forced.code).toBe(0);
    expect((await readSnapshotFromXlsx(target, "exists.xlsx")).sheets.length).toBeGreaterThan(4);
  });

  it("writes next to the input with the new version in the name by default", async () => {
    const copy = join(dir, "meine kosten.xlsx");
    await copyFile(source, copy);
    const run = await ikz("upgrade", copy);
    expect(run.code).toBe(0);
    expect(await readdir(dir)).toContain(`meine kosten-${CURRENT}.xlsx`);
  });

  it("a file that is no workbook, with exit 2", async () => {
    const bad = join(dir, "notes.xlsx");
    await writeFile(bad, "Kommune;Einwohner\nZschorlau;5300\n");
    const run = await ikz("upgrade", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("notes.xlsx");
  });

  const patched = async (name: string, change: (metadata: ExcelJS.Worksheet) => void): Promise<string> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(source);
    change(workbook.getWorksheet("_ikz")!);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  };

  it("a workbook of a newer template version, with exit 2", async () => {
    const newer = await patched("newer.xlsx", (meta) => {
      meta.getCell("B2").value = "9.0.0";
    });
    const run = await ikz("upgrade", newer);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("neueren Vorlagenversion (9.0.0)");
  });

  it("a workbook of an unknown template, with exit 2", async () => {
    const unknown = await patched("unknown.xlsx", (meta) => {
      meta.getCell("B1").value = "haushaltsplan";
    });
    const run = await ikz("upgrade", unknown, "--lang", "en");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown template “haushaltsplan”");
  });

  it.each([
    ["an old", source, "nicht mit ikz-kit erstellt"],
    ["a current", "", "Die Vorlagenversion ist unbekannt"],
  ])("%s workbook without its version (metadata sheet deleted), with exit 2", async (_, file, message) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file || result(fixtures[0]!).path);
    workbook.removeWorksheet(workbook.worksheets.find((sheet) => sheet.name.startsWith("_ikz"))!.id);
    const path = join(dir, "no-metadata.xlsx");
    await workbook.xlsx.writeFile(path);
    const run = await ikz("upgrade", path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("a template without earlier versions (aufgabenkatalog 1.0.0 is its first)", () => {
  it("is upgraded by the same mechanism: every value in place, the default planner, a valid workbook", () => {
    const { plan } = planTaskCatalogue({ language: "de", demo: true, town: "Bockau" });
    const snapshot = planToSnapshot(plan, "bockau.xlsx");
    setCell(snapshot, "_ikz_aufgabenkatalog", "B2", { value: "0.9.0" });
    const upgrade = upgradeWorkbook(snapshot, TEMPLATES, "en");
    expect(upgrade.status).toBe("upgraded");
    if (upgrade.status !== "upgraded") return;
    expect(upgrade.findings).toBe(0);
    expect(upgrade.changes.map((c) => c.kind)).toEqual(["valuesCarried", "valuesCarried", "valuesCarried"]);
    const upgradedSnapshot = planToSnapshot(upgrade.plan, "bockau-1.0.0.xlsx");
    const report = validateWorkbook(taskCatalogueSpec, upgradedSnapshot, { language: "de", check: checkTaskCatalogue });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    const before = carryValues(taskCatalogueSpec, snapshot, "0.9.0", "de", "de");
    const after = carryValues(taskCatalogueSpec, upgradedSnapshot, "1.0.0", "de", "de");
    expect(after.tableRows).toEqual(before.tableRows);
    expect(after.formValues).toEqual(before.formValues);
    expect(Object.keys(before.tableRows)).toEqual(["criteria", "tasks"]);
    expect(before.tableRows["tasks"]!.length).toBeGreaterThan(20);
  });

  it("writes the template's own check formulas anew, and keeps a formula of the user's in their place on „Übernommen“", () => {
    const { plan } = planTaskCatalogue({ language: "de", demo: true, town: "Bockau" });
    const snapshot = planToSnapshot(plan, "bockau.xlsx");
    setCell(snapshot, "_ikz_aufgabenkatalog", "B2", { value: "0.9.0" });
    setCell(snapshot, "Aufgaben", "A3", { formula: "COUNTA(B5:B9)", value: 5 });
    const upgrade = upgradeWorkbook(snapshot, TEMPLATES, "de");
    if (upgrade.status !== "upgraded") throw new Error(upgrade.status);
    expect(upgrade.changes.filter((c) => c.kind === "valueCarriedOver")).toEqual([
      expect.objectContaining({ sheet: "Aufgaben", cell: "A3", value: 5, reason: "outsideTable" }),
    ]);
  });
});

describe("validating an old workbook", () => {
  it.each([
    ["de", "ikz upgrade DATEI"],
    ["en", "ikz upgrade FILE"],
  ] as const)("says it is outdated and how to upgrade it (%s)", async (language, command) => {
    const report = await validateFile(join(FIXTURES, "kostenverteilung-0.1.0-demo-de.xlsx"), language);
    const outdated = report.issues.find((i) => i.code === "workbook.olderVersion");
    expect(outdated?.message).toContain(command);
    expect(outdated?.message).toContain(language === "de" ? "veraltet" : "outdated");
    expect(outdated).toMatchObject({ received: "0.1.0", expected: CURRENT });
  });
});

describe("a workbook from before the „So geht’s“ sheets (issue 12)", () => {
  it.each(TEMPLATES.map((m) => [m.spec.id, m] as const))("%s: the upgrade adds the guide, first", (_id, module) => {
    const { plan } = module.plan({ language: "de", demo: true });
    const snapshot = planToSnapshot(plan, `${module.spec.id}-alt.xlsx`);
    // the earlier version had no guide sheet
    const old = { ...snapshot, sheets: snapshot.sheets.filter((sheet) => sheet.name !== plan.sheets[0]?.name) };
    expect(plan.sheets[0]?.key).toBe("guide");
    setCell(old, `_ikz_${module.spec.id}`.slice(0, 31), "B2", { value: module.spec.history?.[0]?.version ?? "0.0.1" });
    const upgrade = upgradeWorkbook(old, TEMPLATES, "de");
    expect(upgrade.status).toBe("upgraded");
    if (upgrade.status !== "upgraded") return;
    expect(upgrade.plan.sheets[0]?.key).toBe("guide");
    expect(upgrade.plan.sheets[0]?.name).toBe(plan.sheets[0]?.name);
  });
});

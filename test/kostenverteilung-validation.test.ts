/**
 * Bad input in a „Kostenverteilung“ workbook, as users produce it: the demo is planned, written
 * with the exceljs writer, edited cell by cell with exceljs (values as a user would type them),
 * read back and validated. Every rule of the cost model is broken once; each test asserts the
 * message and the cell it is placed on. Columns are found by key (`columnOf`), rows by position.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { runCli } from "../cli/ikz.js";
import type { AllocationKey } from "../lib/allocation/model.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { DEMO_COST_MODEL, planCostAllocation } from "../templates/kostenverteilung/plan.js";
import { HEADER_ROW, SHEET, columnOf, costAllocationSpec, sheetName } from "../templates/kostenverteilung/spec.js";
import { findTemplate } from "../templates/registry.js";

type TableKey = (typeof SHEET)["towns" | "items"];

/** One cell as a user changed it: row `index` (0-based data row) of column `key`. */
interface Edit {
  readonly sheet: TableKey;
  readonly key: string;
  readonly index: number;
  readonly value: ExcelJS.CellValue;
  /** A number format the user's spreadsheet gave the cell (e.g. `0%` after typing „30 %“ in Excel). */
  readonly numFmt?: string;
}

const address = (sheet: TableKey, key: string, index: number): string =>
  `${columnOf(sheet, key)}${HEADER_ROW[sheet] + 1 + index}`;

/** The demo's item with this key (the `skip`-th one), so the tests follow the demo if its items change. */
function demoItem(key: AllocationKey | ((key: AllocationKey) => boolean), skip = 0): { index: number; name: string } {
  const matches = typeof key === "function" ? key : (other: AllocationKey) => other === key;
  const found = DEMO_COST_MODEL.items.flatMap((item, index) => (matches(item.key) ? [{ index, name: item.name }] : []));
  const item = found[skip];
  if (!item) throw new Error(`the demo has no item with the key ${String(key)}`);
  return item;
}

/** Items with an amount typed in: every key but the flat fee per case. */
const withAmount = (key: AllocationKey): boolean => key !== "flatFeePerCase";

const demoTown = (index: number): string => DEMO_COST_MODEL.towns[index]!.name;
const TOWN_COUNT = DEMO_COST_MODEL.towns.length;

const demoBytes = new Map<Language, Promise<Uint8Array>>();
const demoWorkbook = (language: Language): Promise<Uint8Array> => {
  let bytes = demoBytes.get(language);
  if (!bytes) {
    bytes = writePlanToBuffer(planCostAllocation({ language, demo: true }).plan);
    demoBytes.set(language, bytes);
  }
  return bytes;
};

/** The demo workbook with the edits applied, as bytes of an .xlsx file. */
async function badWorkbook(edits: readonly Edit[], language: Language = "de"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await demoWorkbook(language)).buffer);
  for (const edit of edits) {
    const sheet = workbook.getWorksheet(sheetName(edit.sheet, language));
    if (!sheet) throw new Error(`no sheet ${edit.sheet}`);
    const cell = sheet.getCell(address(edit.sheet, edit.key, edit.index));
    cell.value = edit.value;
    if (edit.numFmt !== undefined) cell.numFmt = edit.numFmt;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function validate(edits: readonly Edit[], language: Language = "de"): Promise<ValidationReport> {
  const snapshot = await readSnapshotFromXlsx(await badWorkbook(edits, language), "kv.xlsx");
  return validateWorkbook(costAllocationSpec, snapshot, { language, check: findTemplate("kostenverteilung")!.check });
}

const errorsOf = (report: ValidationReport): ValidationIssue[] => report.issues.filter((i) => i.severity === "error");

/** The error with this code at this cell (exactly one). */
function errorAt(report: ValidationReport, code: string, sheet: string | undefined, cell: string | undefined) {
  const found = errorsOf(report).filter((i) => i.code === code && i.sheet === sheet && i.cell === cell);
  expect(found, `${code} at ${sheet ?? "?"}!${cell ?? "?"} in ${JSON.stringify(report.issues, null, 1)}`).toHaveLength(
    1,
  );
  return found[0]!;
}

const TOWNS_DE = sheetName(SHEET.towns, "de");
const ITEMS_DE = sheetName(SHEET.items, "de");

describe("kostenverteilung: the demo as written", () => {
  it("is valid in both languages, so every finding below comes from the edit", async () => {
    for (const language of ["de", "en"] as const) {
      const report = await validate([], language);
      expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    }
  });
});

describe("kostenverteilung: amounts (Kostenpositionen)", () => {
  // looked up in each test, so that a demo without such items fails those tests only
  const personnel = () => demoItem(withAmount);
  const material = () => demoItem(withAmount, 1);

  it("refuses a negative amount at its cell", async () => {
    const cell = address(SHEET.items, "amount", personnel().index);
    const report = await validate([{ sheet: SHEET.items, key: "amount", index: personnel().index, value: -100 }]);
    expect(report.valid).toBe(false);
    expect(errorAt(report, "cell.outOfRange", ITEMS_DE, cell)).toMatchObject({
      message: "Der Wert in „Jahresbetrag (€)“ liegt außerhalb des erlaubten Bereichs.",
      expected: "Zahl ab 0, höchstens 2 Nachkommastellen",
      received: "-100 (Zahl)",
    });
    // one error, on that cell: the cost model's rule does not repeat it (nor call the amount missing)
    expect(errorsOf(report)).toHaveLength(1);
  });

  it("refuses a negative amount in English", async () => {
    const cell = address(SHEET.items, "amount", personnel().index);
    const report = await validate([{ sheet: SHEET.items, key: "amount", index: personnel().index, value: -100 }], "en");
    expect(errorAt(report, "cell.outOfRange", sheetName(SHEET.items, "en"), cell)).toMatchObject({
      message: "The value in “Annual amount (€)” is out of range.",
      received: "-100 (number)",
    });
  });

  it("refuses an amount with three decimals", async () => {
    const cell = address(SHEET.items, "amount", material().index);
    const report = await validate([{ sheet: SHEET.items, key: "amount", index: material().index, value: 12345.678 }]);
    expect(errorAt(report, "cell.tooManyDecimals", ITEMS_DE, cell)).toMatchObject({
      message: "In „Jahresbetrag (€)“ sind zu viele Nachkommastellen.",
      expected: "Zahl ab 0, höchstens 2 Nachkommastellen",
      received: "12.345,678 (Zahl)",
    });
  });

  it("refuses an amount typed as text with a euro sign", async () => {
    const cell = address(SHEET.items, "amount", material().index);
    const report = await validate([
      { sheet: SHEET.items, key: "amount", index: material().index, value: "1.234,56 €" },
    ]);
    expect(errorAt(report, "cell.notANumber", ITEMS_DE, cell)).toMatchObject({
      message: "In „Jahresbetrag (€)“ steht keine Zahl.",
      received: "„1.234,56 €“ (Text)",
    });
  });

  it("refuses an amount stored as text with a German decimal comma, saying it is a number as text", async () => {
    const cell = address(SHEET.items, "amount", material().index);
    const report = await validate([{ sheet: SHEET.items, key: "amount", index: material().index, value: "12,5" }]);
    expect(errorAt(report, "cell.numberAsText", ITEMS_DE, cell)).toMatchObject({
      message:
        "In „Jahresbetrag (€)“ steht eine Zahl als Text (z. B. mit Dezimalkomma aus einer Kopie). Bitte als Zahl eingeben.",
      received: "„12,5“ (Text)",
    });
  });
});

describe("kostenverteilung: key values (Kommunen)", () => {
  it("refuses a negative key value", async () => {
    const cell = address(SHEET.towns, "population", 3);
    const report = await validate([{ sheet: SHEET.towns, key: "population", index: 3, value: -5 }]);
    expect(errorAt(report, "cell.outOfRange", TOWNS_DE, cell)).toMatchObject({
      message: "Der Wert in „Einwohner“ liegt außerhalb des erlaubten Bereichs.",
      expected: "ganze Zahl ab 0",
      received: "-5 (Zahl)",
    });
    expect(errorsOf(report).every((i) => i.sheet === TOWNS_DE && i.cell === cell)).toBe(true);
  });

  it("refuses a population with decimals", async () => {
    const cell = address(SHEET.towns, "population", 1);
    const report = await validate([{ sheet: SHEET.towns, key: "population", index: 1, value: 4600.5 }]);
    expect(errorAt(report, "cell.notInteger", TOWNS_DE, cell)).toMatchObject({
      message: "In „Einwohner“ ist eine ganze Zahl erwartet.",
      received: "4.600,5 (Zahl)",
    });
  });

  it("refuses an FTE share with three decimals", async () => {
    const cell = address(SHEET.towns, "fteShare", 1);
    const report = await validate([{ sheet: SHEET.towns, key: "fteShare", index: 1, value: 1.255 }]);
    expect(errorAt(report, "cell.tooManyDecimals", TOWNS_DE, cell)).toMatchObject({
      message: "In „Stellenanteile (VZÄ)“ sind zu viele Nachkommastellen.",
      expected: "Zahl ab 0, höchstens 2 Nachkommastellen",
      received: "1,255 (Zahl)",
    });
  });

  it("refuses a key whose values are all 0 on the key cell of the item that uses it", async () => {
    const cases = demoItem("cases");
    const edits = Array.from({ length: TOWN_COUNT }, (_, index): Edit => ({
      sheet: SHEET.towns,
      key: "cases",
      index,
      value: 0,
    }));
    const report = await validate(edits);
    const cell = address(SHEET.items, "key", cases.index);
    expect(errorAt(report, "costModel.key.allZero", ITEMS_DE, cell)).toMatchObject({
      message: `Posten „${cases.name}“: alle Kommunen haben beim Schlüssel „Fallzahlen“ den Wert 0; so lässt sich der Betrag nicht verteilen.`,
    });
    expect(errorsOf(report)).toHaveLength(1);
  });
});

describe("kostenverteilung: fixed percentages (Festanteil)", () => {
  const percents = DEMO_COST_MODEL.towns.map((town) => town.fixedPercent ?? 0);
  const setPercents = (values: readonly ExcelJS.CellValue[], numFmt?: string): Edit[] =>
    values.map((value, index) => ({
      sheet: SHEET.towns,
      key: "fixedPercent",
      index,
      value,
      ...(numFmt === undefined ? {} : { numFmt }),
    }));

  it("refuses percentages that do not sum to 100 %, on the first town's fixed percentage", async () => {
    const report = await validate(setPercents([percents[0]! + 1, ...percents.slice(1)]));
    expect(errorsOf(report)).toHaveLength(1);
    expect(
      errorAt(report, "costModel.fixedPercent.sumNot100", TOWNS_DE, address(SHEET.towns, "fixedPercent", 0)),
    ).toMatchObject({
      message: "Die Festanteile der Kommunen ergeben zusammen 101 % statt 100 %.",
    });
  });

  /** `ikz allocate --json` on the demo with these edits: the cents of every item's shares. */
  async function allocatedCents(edits: readonly Edit[]): Promise<number[][]> {
    const dir = await mkdtemp(join(tmpdir(), "ikz-kv-percent-"));
    try {
      const file = join(dir, "prozent.xlsx");
      await writeFile(file, await badWorkbook(edits));
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(["allocate", file, "--json"], {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
      });
      expect(code, err.join("\n")).toBe(0);
      const allocation = JSON.parse(out.join("\n")) as { items: { shares: { cents: number }[] }[] };
      return allocation.items.map((item) => item.shares.map((share) => share.cents));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("understands percentages typed as percent numbers (30 = 30 %)", async () => {
    const fixedRoom = demoItem("fixedPercent");
    const amountCents = Math.round((DEMO_COST_MODEL.items[fixedRoom.index]!.amount ?? 0) * 100);
    const cents = await allocatedCents(setPercents([40, 30, 20, 10]));
    expect(cents[fixedRoom.index]).toEqual([40, 30, 20, 10].map((percent) => (amountCents * percent) / 100));
  });

  it("understands fractions that sum to 1 (0.3 = 30 %) for every town: the same split as with percent numbers", async () => {
    const fractions = percents.map((p) => p / 100);
    const report = await validate(setPercents(fractions));
    expect(errorsOf(report)).toEqual([]);
    expect(await allocatedCents(setPercents(fractions))).toEqual(await allocatedCents(setPercents(percents)));
  });

  it("refuses 30 % typed in Excel (0.3 in a percent-formatted cell) next to percent numbers: the sum, and the cell holding 0.3", async () => {
    const report = await validate([
      { sheet: SHEET.towns, key: "fixedPercent", index: 1, value: percents[1]! / 100, numFmt: "0%" },
    ]);
    // 35 + 0.3 + 20 + 15: the reader does not see the cell's percent format
    const sum = percents.reduce((total, p, index) => total + (index === 1 ? p / 100 : p), 0);
    expect(errorsOf(report)).toHaveLength(2);
    // the sum on the first town's cell, the fraction on its own cell
    expect(
      errorAt(report, "costModel.fixedPercent.sumNot100", TOWNS_DE, address(SHEET.towns, "fixedPercent", 0)).message,
    ).toBe(`Die Festanteile der Kommunen ergeben zusammen ${sum.toLocaleString("de-DE")} % statt 100 %.`);
    expect(
      errorAt(report, "costModel.percent.fractionAmongPoints", TOWNS_DE, address(SHEET.towns, "fixedPercent", 1))
        .message,
    ).toBe(
      `Kommune „${demoTown(1)}“, Festanteil (%): ${(percents[1]! / 100).toLocaleString("de-DE")} steht zwischen Prozentzahlen, deren Summe nicht 100 ergibt. So speichert die Tabelle „${percents[1]} %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Gemeint ist wohl ${percents[1]}: bitte die Prozentzahl eingeben, so dass die Gruppe zusammen 100 ergibt.`,
    );
  });

  it("refuses the text „30 %“ clearly at its cell", async () => {
    const cell = address(SHEET.towns, "fixedPercent", 1);
    const report = await validate([{ sheet: SHEET.towns, key: "fixedPercent", index: 1, value: "30 %" }]);
    expect(errorAt(report, "cell.percentAsText", TOWNS_DE, cell)).toMatchObject({
      message: "In „Festanteil (%)“ steht ein Prozentwert als Text. Bitte nur die Zahl eingeben.",
      received: "„30 %“ (Text)",
    });
    expect(errorAt(report, "cell.percentAsText", TOWNS_DE, cell).expected).toMatch(
      /^Zahl von 0 bis 100, höchstens \d Nachkommastellen$/,
    );
    expect(errorsOf(report).every((i) => i.sheet === TOWNS_DE && i.cell === cell)).toBe(true);
  });
});

describe("kostenverteilung: names and keys", () => {
  it.each([
    ["in another case, with spaces around", ` ${demoTown(0).toUpperCase()} `, demoTown(0).toUpperCase()],
    ["exactly", demoTown(0), demoTown(0)],
    ["with a no-break space", `${demoTown(0)}\u00A0`, demoTown(0)],
    ["in another Unicode form", demoTown(0).normalize("NFD"), demoTown(0)],
  ])("refuses a town listed twice (%s) on the second name's cell, naming both cells", async (_, typed, shown) => {
    const first = `${TOWNS_DE}!${address(SHEET.towns, "name", 0)}`;
    const cell = address(SHEET.towns, "name", 1);
    const report = await validate([{ sheet: SHEET.towns, key: "name", index: 1, value: typed }]);
    expect(errorAt(report, "towns.twiceInCostModel", TOWNS_DE, cell)).toMatchObject({
      message: `Die Kommune „${demoTown(0)}“ steht zweimal im Kostenmodell: in ${first} und als „${shown}“ in ${TOWNS_DE}!${cell} (gleich, wenn Unicode-Form, Leerzeichen und Groß-/Kleinschreibung nicht zählen). Sie würde doppelt belastet. Bitte die beiden Zeilen zu einer zusammenführen.`,
    });
    expect(errorsOf(report)).toHaveLength(1);
  });

  it("refuses a town listed twice with different inner spaces, in English", async () => {
    const towns = sheetName(SHEET.towns, "en");
    const cell = address(SHEET.towns, "name", 1);
    const report = await validate(
      [
        { sheet: SHEET.towns, key: "name", index: 0, value: "Bad Schlema" },
        { sheet: SHEET.towns, key: "name", index: 1, value: "bad  schlema" },
      ],
      "en",
    );
    expect(errorAt(report, "towns.twiceInCostModel", towns, cell).message).toBe(
      `The town “Bad Schlema” is listed twice in the cost model: in ${towns}!${address(SHEET.towns, "name", 0)} and as “bad schlema” in ${towns}!${cell} (the same once Unicode form, spaces and case do not count). It would be charged twice. Please merge the two rows into one.`,
    );
  });

  it.each([
    ["Gemeinde", `Gemeinde ${demoTown(0)}`, "gleich bis auf „Gemeinde“, „Stadt“ o. Ä."],
    ["one letter apart", `${demoTown(0)}x`, "nur ein Buchstabe Unterschied"],
  ])("warns of two names that are probably one town (%s), naming both cells", async (_, typed, reason) => {
    const first = `${TOWNS_DE}!${address(SHEET.towns, "name", 0)}`;
    const cell = address(SHEET.towns, "name", 2);
    const report = await validate([{ sheet: SHEET.towns, key: "name", index: 2, value: typed }]);
    const warning = report.issues.find((i) => i.code === "towns.similarInCostModel");
    expect(warning).toMatchObject({
      severity: "warning",
      sheet: TOWNS_DE,
      cell,
      message: `„${demoTown(0)}“ (${first}) und „${typed}“ (${TOWNS_DE}!${cell}) sind vermutlich dieselbe Kommune (${reason}). Ist es dieselbe, wird sie doppelt belastet: bitte die Zeilen zusammenführen. Sind es zwei verschiedene Kommunen, kann dieser Hinweis bleiben.`,
    });
    expect(errorsOf(report)).toEqual([]);
  });

  it("does not warn of the demo towns", async () => {
    const report = await validate([]);
    expect(report.issues.filter((i) => i.code.startsWith("towns."))).toEqual([]);
  });

  it("refuses an unknown key text at the key cell", async () => {
    const item = demoItem(withAmount);
    const cell = address(SHEET.items, "key", item.index);
    const report = await validate([{ sheet: SHEET.items, key: "key", index: item.index, value: "Zufall" }]);
    expect(errorAt(report, "cell.notInList", ITEMS_DE, cell)).toMatchObject({
      message: "Der Wert in „Schlüssel“ ist nicht in der Auswahlliste.",
      expected: "ein Wert aus der Liste (Blatt „Kosten-Listen“)",
      received: "„Zufall“ (Text)",
    });
    // the cost model's own finding lands on the same cell too (its text: see the report)
    expect(errorsOf(report).every((i) => i.sheet === ITEMS_DE && i.cell === cell)).toBe(true);
  });

  it("refuses a row with key values but no town name, on the name cell", async () => {
    const spare = TOWN_COUNT; // the first spare row
    const cell = address(SHEET.towns, "name", spare);
    const report = await validate([{ sheet: SHEET.towns, key: "population", index: spare, value: 1000 }]);
    expect(errorAt(report, "cell.required", TOWNS_DE, cell)).toMatchObject({
      message: "In „Kommune“ fehlt ein Wert.",
      received: "leer",
    });
    // one error per cell: the cost model's „der Name fehlt“ would only repeat the cell's own finding
    expect(errorsOf(report).filter((i) => i.cell === cell)).toHaveLength(1);
  });
});

describe("kostenverteilung: findings on the command line", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ikz-kv-validate-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("prints file, sheet, cell and message, German and English (exit 1)", async () => {
    const cases = demoItem("cases");
    const file = join(dir, "null-faelle.xlsx");
    const edits = Array.from({ length: TOWN_COUNT }, (_, index): Edit => ({
      sheet: SHEET.towns,
      key: "cases",
      index,
      value: 0,
    }));
    await writeFile(file, await badWorkbook(edits));
    const cell = address(SHEET.items, "key", cases.index);
    const err: string[] = [];
    expect(await runCli(["validate", file], { stdout: () => undefined, stderr: (t) => err.push(t) })).toBe(1);
    expect(err.join("\n")).toContain(
      `${file} › ${ITEMS_DE}!${cell} — Fehler: Posten „${cases.name}“: alle Kommunen haben beim Schlüssel „Fallzahlen“ den Wert 0; so lässt sich der Betrag nicht verteilen.`,
    );
    const errEn: string[] = [];
    expect(
      await runCli(["validate", file, "--lang", "en"], { stdout: () => undefined, stderr: (t) => errEn.push(t) }),
    ).toBe(1);
    expect(errEn.join("\n")).toContain(
      `${file} › ${ITEMS_DE}!${cell} — Error: Item “${cases.name}”: every town has 0 for the key “cases”; the amount cannot be split that way.`,
    );
  });
});

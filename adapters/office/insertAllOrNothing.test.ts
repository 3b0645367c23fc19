/**
 * An insert is all or nothing (docs/decisions/0011): a failure of any command of the insert —
 * injected by the fake Excel, which fails a batch as Excel does (the commands before the failing
 * one applied, the rest not run) — leaves the workbook exactly as it was: same sheets in the same
 * order with the same names, visibility, protection, cells, formats, validations and active
 * sheet. The only other outcome is the finished insert, when the failure hits a delete after
 * the first old sheet is gone (nothing to go back to).
 */
import { describe, expect, it } from "vitest";
import type { PlannedRow, SheetPlan, WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { productLeaves } from "../../templates/reference/productFramework.js";
import { FakeExcel, FakeWorkbook, type FakeCommandKind, type FakeWorkbookState } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import { OfficeHostError } from "./officeErrors.js";
import { OFFICE_SHEET_PROTECTION, writePlanToExcel } from "./writePlanToExcel.js";

function sheet(name: string, rows: PlannedRow[], more: Partial<SheetPlan> = {}): SheetPlan {
  return {
    key: name.toLowerCase(),
    name,
    state: "visible",
    columnWidths: [12, 30],
    rows: () => rows,
    rowCount: rows.length,
    validations: [],
    highlights: [],
    merges: [],
    print: { landscape: false },
    ...more,
  };
}

/**
 * A small plan that uses every kind of command the writer sends: formulas across sheets (and a
 * column long enough to be filled down), a list validation on another sheet, highlights, a colour
 * scale, merges, a filter, frozen panes, print settings, a hidden and protected metadata sheet.
 */
function miniPlan(version = "1"): WorkbookPlan {
  const rows = (count: number): PlannedRow[] =>
    Array.from({ length: count }, (_, index) => ({
      row: 3 + index,
      cells: [
        { column: 1, style: "input" as const, value: `Zeile ${index + 1}` },
        { column: 2, style: "input" as const, value: index },
        { column: 3, style: "computed" as const, formula: `IF(B${3 + index}>Schwelle!$B$1,Listen!$A$1,Listen!$A$2)` },
      ],
    }));
  return {
    templateId: "mini",
    templateVersion: version,
    language: "de",
    title: "Mini",
    sheets: [
      sheet(
        "Schwelle",
        [
          {
            row: 1,
            cells: [
              { column: 1, style: "label", value: "Schwelle" },
              { column: 2, style: "input", value: 2 },
            ],
          },
        ],
        {
          validations: [{ range: "B1", type: "whole", min: 0, max: 9, error: "0 bis 9", errorStyle: "stop" }],
        },
      ),
      sheet(
        "Daten",
        [
          { row: 1, cells: [{ column: 1, style: "title", value: `Daten ${version}` }], height: 30 },
          {
            row: 2,
            cells: [
              { column: 1, style: "header", value: "Name" },
              { column: 3, style: "header", value: "Klasse" },
            ],
          },
          ...rows(5),
        ],
        {
          frozen: { rows: 2, columns: 0 },
          validations: [
            { range: "D3:D7", type: "list", source: "Listen!$A$1:$A$2", error: "aus der Liste", errorStyle: "warning" },
          ],
          highlights: [{ range: "C3:C7", equals: "hoch", fill: "good" }],
          colorScales: [
            { range: "B3:B7", min: { type: "lowest", color: "#FFFFFF" }, max: { type: "highest", color: "#63BE7B" } },
          ],
          merges: ["A1:C1"],
          autoFilter: "A2:D2",
          print: { landscape: true, titleRows: "2:2" },
        },
      ),
      sheet(
        "Listen",
        [
          { row: 1, cells: [{ column: 1, style: "reference", value: "hoch" }] },
          { row: 2, cells: [{ column: 1, style: "reference", value: "niedrig" }] },
        ],
        { protected: true },
      ),
      sheet("_mini", [{ row: 1, cells: [{ column: 1, style: "meta", value: `mini ${version}` }] }], {
        state: "hidden",
        protected: true,
      }),
    ],
  };
}

/** A workbook with the user's own sheet (a formula of their own on it), as Excel opens it. */
function userWorkbook(): FakeWorkbook {
  const workbook = new FakeWorkbook("Bockau.xlsx");
  workbook.addSheet("Tabelle1").put("A1", { value: "meine Daten" }).put("B1", { formula: "LEN(A1)" });
  return workbook;
}

/** The user's workbook with an older insert of the plan in it, as it may look after months of use. */
async function workbookWithOldInsert(plan: WorkbookPlan): Promise<FakeWorkbook> {
  const workbook = userWorkbook();
  await writePlanToExcel(new FakeExcel(workbook).context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
  workbook.sheet("Daten")?.put("B3", { value: 7 }).put("Z9", { value: "Notiz" });
  // the user's formula refers to the old sheet; the old metadata sheet is very hidden and the lists protected with a password
  workbook.sheet("Tabelle1")?.put("C1", { formula: "Daten!B3*2" });
  const meta = workbook.sheet("_mini");
  if (meta) meta.visibility = "VeryHidden";
  const lists = workbook.sheet("Listen");
  if (lists) lists.protection = { options: {}, password: "geheim" };
  workbook.active = workbook.sheet("Tabelle1");
  return workbook;
}

interface Attempt {
  readonly fake: FakeExcel;
  readonly error: unknown;
}

async function attempt(
  workbook: FakeWorkbook,
  plan: WorkbookPlan,
  replace: boolean,
  failure?: { kind?: FakeCommandKind; at?: number },
): Promise<Attempt> {
  const fake = new FakeExcel(workbook, failure === undefined ? {} : { failure });
  const error = await writePlanToExcel(fake.context, plan, { replace, features: ALL_EXCEL_FEATURES }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { fake, error };
}

/**
 * Fails each command of the insert in turn (index over all commands, the reading sync's
 * included) and checks the outcome: unchanged, or — only for a failing delete after the first —
 * the finished insert. Returns how often each happened.
 */
async function failEveryCommand(
  makeWorkbook: () => Promise<FakeWorkbook> | FakeWorkbook,
  plan: WorkbookPlan,
  replace: boolean,
): Promise<{ unchanged: number; finished: number; commands: readonly FakeCommandKind[] }> {
  const clean = await attempt(await makeWorkbook(), plan, replace);
  expect(clean.error).toBeUndefined();
  const done: FakeWorkbookState = clean.fake.workbook.state();
  const commands = [...clean.fake.commandKinds];
  let unchanged = 0;
  let finished = 0;
  for (let at = 0; at < commands.length; at++) {
    const workbook = await makeWorkbook();
    const before = workbook.state();
    const { fake, error } = await attempt(workbook, plan, replace, { at });
    const where = `command ${at} (${commands[at]})`;
    if (error === undefined) {
      expect(workbook.state(), where).toEqual(done);
      finished++;
    } else {
      expect(error, where).toBeInstanceOf(OfficeHostError);
      expect(error, where).toMatchObject({ code: "GeneralException" });
      expect(workbook.state(), where).toEqual(before);
      unchanged++;
    }
    expect(fake.commandKinds[at], where).toBe(commands[at]);
  }
  return { unchanged, finished, commands };
}

describe("an insert is all or nothing", () => {
  it("fresh insert: a failure of any command leaves the workbook unchanged", async () => {
    const plan = miniPlan();
    const { unchanged, finished, commands } = await failEveryCommand(userWorkbook, plan, false);
    expect(finished).toBe(0);
    expect(unchanged).toBe(commands.length);
    // every kind of step was failed at least once
    expect(new Set(commands)).toEqual(
      new Set<FakeCommandKind>([
        "load",
        "suspend",
        "addSheet",
        "format",
        "numberFormat",
        "values",
        "formulas",
        "copyFrom",
        "merge",
        "freezePanes",
        "dataValidation",
        "conditionalFormat",
        "autoFilter",
        "pageLayout",
        "visibility",
        "protect",
        "renameSheet",
        "activate",
      ]),
    );
  });

  it("replace: a failure of any command leaves old sheets, names, visibility, data and the user's formulas as they were", async () => {
    const plan = miniPlan("2");
    const old = await workbookWithOldInsert(miniPlan("1"));
    const { unchanged, finished, commands } = await failEveryCommand(
      () => workbookWithOldInsert(miniPlan("1")),
      plan,
      true,
    );
    const deletes = commands.filter((kind) => kind === "deleteSheet").length;
    expect(deletes).toBe(4);
    // only a failing second, third or fourth delete finds the first old sheet gone: the insert is finished then
    expect(finished).toBe(deletes - 1);
    expect(unchanged).toBe(commands.length - finished);
    expect(old.sheet("Tabelle1")?.at("C1")?.formula).toBe("Daten!B3*2");
  });

  it("after a failure, the next attempt writes the plan as if nothing had happened", async () => {
    const plan = miniPlan("2");
    const clean = await attempt(await workbookWithOldInsert(miniPlan("1")), plan, true);
    const workbook = await workbookWithOldInsert(miniPlan("1"));
    const failed = await attempt(workbook, plan, true, { kind: "protect", at: 1 });
    expect(failed.error).toBeInstanceOf(OfficeHostError);
    const retried = await attempt(workbook, plan, true);
    expect(retried.error).toBeUndefined();
    expect(workbook.state()).toEqual(clean.fake.workbook.state());
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Tabelle1", "Schwelle", "Daten", "Listen", "_mini"]);
  });

  it("replace: new formulas and list sources refer to the new sheets; the user's formula to a replaced sheet ends as #REF!", async () => {
    const workbook = await workbookWithOldInsert(miniPlan("1"));
    const { fake, error } = await attempt(workbook, miniPlan("2"), true);
    expect(error).toBeUndefined();
    expect(fake.syncs).toBe(2);
    const data = workbook.sheet("Daten");
    expect(data?.at("A1")?.value).toBe("Daten 2");
    expect(data?.at("Z9")).toBeUndefined();
    expect(data?.at("C3")?.formula).toBe("IF(B3>Schwelle!$B$1,Listen!$A$1,Listen!$A$2)");
    expect(data?.at("C7")?.formula).toBe("IF(B7>Schwelle!$B$1,Listen!$A$1,Listen!$A$2)");
    expect(data?.validations.find((v) => v.address === "D3:D7")?.rule).toEqual({
      list: { inCellDropDown: true, source: "=Listen!$A$1:$A$2" },
    });
    expect(workbook.sheet("_mini")).toMatchObject({
      visibility: "Hidden",
      protection: { options: OFFICE_SHEET_PROTECTION },
    });
    expect(workbook.sheets.some((s) => s.name.startsWith("~ikz"))).toBe(false);
    expect(workbook.active?.name).toBe("Schwelle");
    // Excel cannot point a formula at another sheet object: the user's reference to the replaced sheet breaks (warned before replacing)
    expect(workbook.sheet("Tabelle1")?.at("C1")?.formula).toBe("#REF!B3*2");
  });

  it("says so when undoing fails too (the connection is gone, say)", async () => {
    const workbook = userWorkbook();
    const fake = new FakeExcel(workbook);
    fake.failNext({ kind: "protect", code: "GeneralException" });
    fake.failNext({ kind: "deleteSheet", code: "ConnectionFailure" });
    const error = await writePlanToExcel(fake.context, miniPlan(), {
      replace: false,
      features: ALL_EXCEL_FEATURES,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error).toMatchObject({ code: "GeneralException", messageKey: "generalException" });
    expect((error as Error).message).toMatch(/undoing the insert failed too: ConnectionFailure/);
    expect(fake.syncs).toBe(4);
  });

  it("chooses other temporary names when the workbook has sheets called ~ikz-neu-1 already", async () => {
    const workbook = userWorkbook();
    workbook.addSheet("~ikz-neu-1").put("A1", { value: "Rest eines Abbruchs" });
    const { error } = await attempt(workbook, miniPlan(), false);
    expect(error).toBeUndefined();
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Tabelle1",
      "~ikz-neu-1",
      "Schwelle",
      "Daten",
      "Listen",
      "_mini",
    ]);
    expect(workbook.sheet("Daten")?.at("C3")?.formula).toBe("IF(B3>Schwelle!$B$1,Listen!$A$1,Listen!$A$2)");
  });
});

describe("the task catalogue is all or nothing too", () => {
  it("replace: failing the first and the last command of each kind leaves the workbook unchanged", async () => {
    const products = productLeaves().slice(0, 6);
    const plan = (town: string): WorkbookPlan => planTaskCatalogue({ language: "de", town, demo: true, products }).plan;
    const makeWorkbook = async (): Promise<FakeWorkbook> => {
      const workbook = userWorkbook();
      await writePlanToExcel(new FakeExcel(workbook).context, plan("Bockau"), {
        replace: false,
        features: ALL_EXCEL_FEATURES,
      });
      return workbook;
    };
    const clean = await attempt(await makeWorkbook(), plan("Zschorlau"), true);
    expect(clean.error).toBeUndefined();
    const commands = clean.fake.commandKinds;
    const kinds = [...new Set(commands)];
    expect(kinds.length).toBeGreaterThan(15);
    for (const kind of kinds) {
      const count = commands.filter((k) => k === kind).length;
      for (const at of new Set([0, count - 1])) {
        const workbook = await makeWorkbook();
        const before = workbook.state();
        const { error } = await attempt(workbook, plan("Zschorlau"), true, { kind, at });
        const where = `${kind} #${at}`;
        if (kind === "deleteSheet" && at > 0) {
          expect(error, where).toBeUndefined();
          expect(workbook.state(), where).toEqual(clean.fake.workbook.state());
        } else {
          expect(error, where).toBeInstanceOf(OfficeHostError);
          expect(workbook.state(), where).toEqual(before);
        }
      }
    }
  }, 120_000);
});

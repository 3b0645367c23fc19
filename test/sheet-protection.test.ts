/**
 * Sheet protection (docs/decisions/0007): results, working and reference sheets are protected
 * without a password, input lists are not, and input cells stay unlocked. Checked in the plan of
 * every template, in the file's XML (no password hash), through exceljs's reader (both write
 * engines), and in LibreOffice, which must see the protection and lift it without a password.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { inspectXlsx } from "../adapters/exceljs/inspectFile.js";
import { FileWorkbookHost } from "../addin/file/FileWorkbookHost.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { plainSheet } from "../lib/plan/plainSheet.js";
import type { SheetPlan, WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { planRoadmapWorkbook } from "../lib/roadmap/planRoadmapWorkbook.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { planCostAllocation } from "../templates/kostenverteilung/plan.js";
import { SHEET, sheetName } from "../templates/kostenverteilung/spec.js";
import { TEMPLATES } from "../templates/registry.js";
import { libreOfficeSkipRequested, requireLibreOffice } from "./support/libreoffice.js";

const costModel = (): WorkbookPlan => planCostAllocation({ language: "de", demo: true }).plan;

/** The sheets each template protects, by key (the metadata sheet is `metadata`). */
const protectedKeys = (plan: WorkbookPlan): string[] =>
  plan.sheets.filter((sheet) => sheet.protected === true).map((sheet) => sheet.key);

/** The text of each worksheet part, by sheet name (from the workbook's relationships). */
async function sheetXml(bytes: Uint8Array): Promise<Map<string, string>> {
  const { entries } = await inspectXlsx(bytes, "protection.xlsx");
  const buffer = Buffer.from(bytes);
  const text = (name: string): string => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`no part ${name}`);
    const start =
      entry.localHeaderOffset +
      30 +
      buffer.readUInt16LE(entry.localHeaderOffset + 26) +
      buffer.readUInt16LE(entry.localHeaderOffset + 28);
    const raw = buffer.subarray(start, start + entry.compressedSize);
    return (entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw)).toString("utf8");
  };
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${match[2] ?? ""}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? "";
    out.set(match[1] ?? "", text(`xl/${target.replace(/^\/?xl\//, "")}`));
  }
  return out;
}

describe("which sheets the plans protect", () => {
  it("the cost model: annex, working sheets, lists and metadata; not the input sheets", () => {
    expect(protectedKeys(costModel())).toEqual([
      "guide",
      SHEET.result,
      SHEET.parts,
      SHEET.allocation,
      SHEET.lists,
      "metadata",
    ]);
  });

  it("every template: grid, reference and metadata sheets, and tables with no column a user types", () => {
    for (const module of TEMPLATES) {
      const plan = module.plan({ language: "de", demo: true }).plan;
      for (const sheet of plan.sheets) {
        const spec = module.spec.sheets.find((s) => s.key === sheet.key);
        const typed =
          spec?.kind === "table"
            ? spec.columns.some((c) => c.kind === "input" && c.fixed !== true)
            : spec?.kind === "form";
        expect({ template: module.spec.id, sheet: sheet.key, protected: sheet.protected === true }).toEqual({
          template: module.spec.id,
          sheet: sheet.key,
          protected: !typed,
        });
      }
    }
  });

  it("a protected sheet of a template has no input cell (nothing to unlock there)", () => {
    for (const module of TEMPLATES) {
      for (const sheet of module.plan({ language: "de", demo: true }).plan.sheets.filter((s) => s.protected)) {
        const inputs = [...sheet.rows()].flatMap((row) => row.cells.filter((cell) => cell.style === "input"));
        expect({ template: module.spec.id, sheet: sheet.key, inputs: inputs.length }).toEqual({
          template: module.spec.id,
          sheet: sheet.key,
          inputs: 0,
        });
      }
    }
  });

  it("the roadmap workbook: all three sheets (time frame and next step stay fillable)", () => {
    const plan = planRoadmapWorkbook({ towns: ["A", "B"], entries: [] }, [], "de");
    expect(plan.sheets.map((sheet) => sheet.protected)).toEqual([true, true, true]);
  });
});

describe("the written file", () => {
  it('protects without a password: sheet="1", no hash; filtering, widths and selection allowed', async () => {
    const xml = await sheetXml(await writePlanToBuffer(costModel()));
    const result = xml.get(sheetName(SHEET.result, "de")) ?? "";
    const tag = /<sheetProtection\b[^>]*\/>/.exec(result)?.[0];
    expect(tag).toBeDefined();
    expect(tag).toContain('sheet="1"');
    expect(tag).not.toMatch(/hashValue|password|saltValue|algorithmName/);
    // allowed: attribute "0" (= not protected); selecting cells is allowed by default (absent)
    for (const allowed of ["formatColumns", "formatRows", "autoFilter"]) expect(tag).toContain(`${allowed}="0"`);
    expect(tag).not.toMatch(/select(Un)?lockedCells="1"|sort="0"|formatCells="0"|insertRows="0"|deleteRows="0"/);
    for (const name of [sheetName(SHEET.towns, "de"), sheetName(SHEET.items, "de"), sheetName(SHEET.settings, "de")])
      expect(xml.get(name)).not.toContain("<sheetProtection");
    expect(xml.get("_ikz_kostenverteilung")).toContain("<sheetProtection");
  });

  for (const engine of ["stream", "memory"] as const) {
    it(`puts <sheetProtection> where the schema wants it, before the auto filter (${engine} writer)`, async () => {
      // every sheet protected and merged, so that auto filters, merges, conditional formats and validations all occur
      const plan = costModel();
      const all: WorkbookPlan = {
        ...plan,
        sheets: plan.sheets.map((sheet) => ({ ...sheet, merges: ["AX1:AY1"], protected: true })),
      };
      const xml = await sheetXml(await writePlanToBuffer(all, { engine }));
      const seen = new Set<string>();
      for (const [name, text] of xml) {
        const tags = [...text.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>").matchAll(/<([A-Za-z]+)\b/g)]
          .map((m) => m[1] ?? "")
          .filter((tag) => SCHEMA_ORDER.includes(tag));
        for (const tag of tags) seen.add(tag);
        const order = tags.map((tag) => SCHEMA_ORDER.indexOf(tag));
        expect({ name, tags }).toEqual({
          name,
          tags: [...tags].sort((a, b) => order[tags.indexOf(a)]! - order[tags.indexOf(b)]!),
        });
        expect(tags).toContain("sheetProtection");
      }
      expect([...seen].sort()).toEqual([...SCHEMA_ORDER].sort());
    });

    it(`reads back as protected, input cells unlocked (${engine} writer)`, async () => {
      const plan = withInputCell(costModel());
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await writePlanToBuffer(plan, { engine })) as never);
      const isProtected = (name: string): boolean =>
        (book.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)?.sheetProtection
          ?.sheet === true;
      for (const sheet of plan.sheets)
        expect([sheet.name, isProtected(sheet.name)]).toEqual([sheet.name, sheet.protected === true]);

      const result = book.getWorksheet(sheetName(SHEET.result, "de"));
      // the input cell added below stays unlocked; a computed cell is locked
      expect(result?.getCell("Z1").style.protection?.locked).toBe(false);
      const locked = (address: string): boolean => result?.getCell(address).style.protection?.locked !== false;
      const computed = [...(plan.sheets.find((s) => s.key === SHEET.result)?.rows() ?? [])]
        .flatMap((row) =>
          row.cells.filter((cell) => cell.formula !== undefined).map((cell) => ({ row: row.row, cell })),
        )
        .slice(0, 20);
      expect(computed.length).toBeGreaterThan(0);
      for (const { row, cell } of computed) expect(locked(`${String.fromCharCode(64 + cell.column)}${row}`)).toBe(true);
      // an input cell on an unprotected input sheet is unlocked too (a user protecting it keeps it editable)
      expect(book.getWorksheet(sheetName(SHEET.towns, "de"))?.getCell("B6").style.protection?.locked).toBe(false);
    });
  }
});

describe("the pane's file mode (a picked .xlsx)", () => {
  it("keeps the protection of inserted sheets in the file the user downloads", async () => {
    const host = await FileWorkbookHost.open(await writePlanToBuffer(minimalPlan()), "Mappe.xlsx");
    const plan = planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan;
    await host.insertPlan(plan, { replace: false });
    expect(plan.sheets.some((sheet) => sheet.protected === true)).toBe(true);
    const xml = await sheetXml(await host.toBytes());
    for (const sheet of plan.sheets)
      expect([sheet.name, xml.get(sheet.name)?.includes("<sheetProtection") ?? false]).toEqual([
        sheet.name,
        sheet.protected === true,
      ]);
  });
});

/** A workbook with one empty sheet, as a user's own file. */
function minimalPlan(): WorkbookPlan {
  const sheet = plainSheet("own", "Tabelle1", [], { columnWidths: [10] });
  return { templateId: "own", templateVersion: "1", language: "de", title: "Mappe", sheets: [sheet] };
}

/** Worksheet elements around `<sheetProtection>`, in the order of the schema (CT_Worksheet). */
const SCHEMA_ORDER = [
  "sheetData",
  "sheetProtection",
  "autoFilter",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "pageMargins",
  "pageSetup",
];

/** The plan with one input cell (Z1) on the protected result sheet: it must stay unlocked. */
function withInputCell(plan: WorkbookPlan): WorkbookPlan {
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.key !== SHEET.result) return sheet;
    const rows = [...sheet.rows()];
    const [first, ...rest] = rows;
    if (first?.row !== 1) throw new Error("the result sheet starts with row 1");
    const patched = [{ ...first, cells: [...first.cells, { column: 26, style: "input" as const, value: 1 }] }, ...rest];
    return { ...sheet, columnWidths: sheet.columnWidths, rows: () => patched };
  });
  return { ...plan, sheets };
}

describe.skipIf(libreOfficeSkipRequested())("LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "ikz-protection-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sees „Ergebnis“ protected and „Kommunen“ not, and unprotects without a password", async () => {
    requireLibreOffice();
    const file = join(dir, "kv.xlsx");
    writeFileSync(file, await writePlanToBuffer(costModel()));
    const script = join(dir, "protection.py");
    writeFileSync(script, UNO_SCRIPT);
    const output = await runPython(script, dir, file);
    const lines = Object.fromEntries(
      output
        .trim()
        .split("\n")
        .map((line) => line.split("=") as [string, string]),
    );
    expect(lines).toMatchObject({
      [sheetName(SHEET.result, "de")]: "True",
      [sheetName(SHEET.parts, "de")]: "True",
      [sheetName(SHEET.towns, "de")]: "False",
      [sheetName(SHEET.items, "de")]: "False",
      resultCellLocked: "True",
      // protected: LibreOffice refuses to insert a row (its UNO API does not check cell locks
      // on setValue, its UI does: a locked cell of a protected sheet cannot be typed into) …
      insertWhileProtected: "refused",
      // … and a deliberate unprotect with an empty password opens the sheet
      afterUnprotect: "False",
      insertAfterUnprotect: "done",
    });
    // saved again by LibreOffice: still protected, still without a password
    const saved = await sheetXml(new Uint8Array(readFileSync(join(dir, "saved.xlsx"))));
    const tag = /<sheetProtection\b[^>]*\/>/.exec(saved.get(sheetName(SHEET.result, "de")) ?? "")?.[0];
    expect(tag).toContain('sheet="true"');
    expect(tag).not.toMatch(/hashValue|password=/);
    expect(saved.get(sheetName(SHEET.towns, "de"))).not.toContain("<sheetProtection");
  }, 120_000);
});

function runPython(script: string, dir: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "/usr/bin/python3",
      [script, dir, file, sheetName(SHEET.result, "de"), join(dir, "saved.xlsx")],
      { timeout: 110_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

/**
 * Starts a headless soffice with its own profile, opens the file, prints `sheet=isProtected()`
 * per sheet, saves a copy, tries to insert a row into the result sheet, unprotects it with an
 * empty password and tries again.
 */
const UNO_SCRIPT = String.raw`
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

work, path, result_name, saved = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
pipe = "ikzprot%d" % os.getpid()
profile = uno.systemPathToFileUrl(os.path.join(work, "profile"))
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
    "-env:UserInstallation=" + profile, "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    delay = 0.05
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if time.time() > deadline: raise
            time.sleep(delay); delay = min(delay * 2, 0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
    sheets = doc.getSheets()
    for name in sheets.getElementNames():
        print("%s=%s" % (name, sheets.getByName(name).isProtected()))
    result = sheets.getByName(result_name)
    print("resultCellLocked=%s" % result.getCellRangeByName("B8").CellProtection.IsLocked)
    # a re-save keeps the protection
    doc.storeToURL(uno.systemPathToFileUrl(saved), (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
    def insert_row():
        try:
            result.getRows().insertByIndex(40, 1)
            return "done"
        except Exception:
            return "refused"
    print("insertWhileProtected=%s" % insert_row())
    result.unprotect("")
    print("afterUnprotect=%s" % result.isProtected())
    print("insertAfterUnprotect=%s" % insert_row())
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=20)
    except Exception:
        office.kill()
`;

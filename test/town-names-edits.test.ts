/**
 * Issue 10, point 6 "one town, one row": town names typed or pasted in LibreOffice the way users
 * do — a trailing no-break space from an e-mail, another Unicode form, „Gemeinde …“ in front —
 * through UNO (test/support/editWorkbook.ts), saved, then brought together with `ikz consolidate`
 * and checked with `ikz validate`. Nothing may be charged twice without a finding naming both
 * spellings and both files (or both cells).
 *
 * All LibreOffice edits of this file run in ONE soffice start (beforeAll).
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { cellAddress } from "../lib/cells/address.js";
import { editWorkbooks } from "./support/editWorkbook.js";
import { libreOfficeSkipRequested, requireLibreOffice } from "./support/libreoffice.js";
import { ikz } from "./support/runIkz.js";

let dir = "";
const file = (name: string) => join(dir, `${name}.xlsx`);

/** `A7`: the cell of `sheetName` that holds `value`, found by content (the layout may grow). */
async function cellHolding(path: string, sheetName: string, value: string): Promise<string> {
  const snapshot = await readSnapshotFromXlsx(path, "x.xlsx");
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  for (const [row, cells] of (sheet?.rows ?? []).entries()) {
    const column = cells?.findIndex((cell) => cell?.value === value) ?? -1;
    if (column > 0) return cellAddress(row, column);
  }
  throw new Error(`no cell with „${value}“ on ${sheetName}`);
}

describe.skipIf(libreOfficeSkipRequested())("one town, one row: names typed in LibreOffice (issue 10)", () => {
  const cells = { partnerTown: "", bockauInModel: "", schoenheideInModel: "" };

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-town-names-"));
    for (const [name, town] of [
      ["zschorlau", "Zschorlau"],
      ["bockau", "Bockau"],
      ["partner", "Platzhalter"],
    ] as const)
      expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", town, "--out", file(name))).code).toBe(0);
    expect((await ikz("template", "kostenverteilung", "--demo", "--out", file("kosten"))).code).toBe(0);
    cells.partnerTown = await cellHolding(file("partner"), "Kommune", "Platzhalter");
    cells.bockauInModel = await cellHolding(file("kosten"), "Kommunen", "Bockau");
    cells.schoenheideInModel = await cellHolding(file("kosten"), "Kommunen", "Schönheide");
    await editWorkbooks([
      // pasted from an e-mail: a trailing no-break space
      {
        input: file("partner"),
        output: file("zschorlau-nbsp"),
        edits: [{ kind: "setText", sheet: "Kommune", cell: cells.partnerTown, text: "Zschorlau\u00A0" }],
      },
      {
        input: file("partner"),
        output: file("gemeinde-bockau"),
        edits: [{ kind: "setText", sheet: "Kommune", cell: cells.partnerTown, text: "Gemeinde Bockau" }],
      },
      // Bockau's row renamed to Schönheide in the decomposed form (o + combining diaeresis)
      {
        input: file("kosten"),
        output: file("kosten-zweimal"),
        edits: [{ kind: "setText", sheet: "Kommunen", cell: cells.bockauInModel, text: "Scho\u0308nheide" }],
      },
    ]);
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("takes „Zschorlau“ with a no-break space as Zschorlau: the second file is left out, naming the first", async () => {
    const out = file("verbund-nbsp");
    const result = await ikz(
      "consolidate",
      file("zschorlau"),
      file("zschorlau-nbsp"),
      file("bockau"),
      "--out",
      out,
      "--json",
    );
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { towns: string[]; sources: { taken: boolean; note: string }[] };
    expect(summary.towns).toEqual(["Zschorlau", "Bockau"]);
    expect(summary.sources.map((s) => s.taken)).toEqual([true, false, true]);
    expect(summary.sources[1]?.note).toContain("„Zschorlau“ aus „zschorlau.xlsx“");
  }, 120_000);

  it("writes no partnership workbook for „Gemeinde Bockau“ and „Bockau“ until the user confirms (exit 1)", async () => {
    const out = file("verbund-gemeinde");
    const result = await ikz("consolidate", file("bockau"), file("gemeinde-bockau"), "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "„Bockau“ (bockau.xlsx) und „Gemeinde Bockau“ (gemeinde-bockau.xlsx) sind vermutlich dieselbe Kommune",
    );
    expect((await readdir(dir)).filter((name) => name.startsWith("verbund-gemeinde"))).toEqual([]);
    expect(
      (await ikz("consolidate", file("bockau"), file("gemeinde-bockau"), "--out", out, "--allow-similar-towns")).code,
    ).toBe(0);
  }, 120_000);

  it("refuses a cost model whose town is typed twice in two Unicode forms, naming both cells", async () => {
    const result = await ikz("validate", file("kosten-zweimal"));
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      `Die Kommune „Schönheide“ steht zweimal im Kostenmodell: in Kommunen!${cells.schoenheideInModel} und als „Schönheide“ in Kommunen!${cells.bockauInModel}`,
    );
    const allocate = await ikz("allocate", file("kosten-zweimal"));
    expect(allocate.code).toBe(1);
  }, 120_000);
});

/**
 * A partnership that outgrows the prepared rows: a thirteenth town typed below the twelve prepared
 * town rows is refused at its row (the sheet does not split it), with the way out named —
 * `ikz upgrade FILE --town-rows N` carries every entry into a workbook with more prepared rows,
 * where the town is part of the split.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { readMetadata } from "../lib/validation/readWorkbook.js";
import { HEADER_ROW, MIN_TOWN_ROWS } from "../templates/kostenverteilung/layout.js";
import { ikz } from "./support/runIkz.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-more-rows-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("more towns than prepared rows", () => {
  it("refuses the town below the prepared rows, naming its row and the way out, and ikz upgrade --town-rows takes it in", async () => {
    const blank = join(dir, "verbund.xlsx");
    expect((await ikz("template", "kostenverteilung", "--towns", "Zschorlau, Bockau", "--out", blank)).code).toBe(0);
    // a town typed in the first row below the twelve prepared ones, as a user would
    const full = join(dir, "verbund-13.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    const below = HEADER_ROW.towns + MIN_TOWN_ROWS + 1;
    const towns = workbook.getWorksheet("Kommunen");
    if (!towns) throw new Error("no sheet Kommunen");
    towns.getCell(`B${below}`).value = "Eibenstock";
    towns.getCell(`D${below}`).value = 7400;
    await workbook.xlsx.writeFile(full);

    const refused = await ikz("validate", full, "--json");
    expect(refused.code).toBe(1);
    const [report] = JSON.parse(refused.stdout) as {
      issues: { code: string; sheet?: string; cell?: string; message: string }[];
    }[];
    const beyond = report?.issues.find((i) => i.code === "rows.beyondCapacity");
    expect(beyond).toMatchObject({ sheet: "Kommunen", cell: `A${below}` });
    expect(beyond?.message).toContain(`Ab Zeile ${below}`);
    expect(beyond?.message).toContain("ikz upgrade DATEI --town-rows N");

    const bigger = join(dir, "verbund-20.xlsx");
    const upgraded = await ikz("upgrade", full, "--town-rows", "20", "--out", bigger);
    expect(upgraded.stderr).not.toContain("rows.beyondCapacity");
    const again = await ikz("validate", bigger, "--json");
    const [after] = JSON.parse(again.stdout) as { issues: { code: string }[] }[];
    expect(after?.issues.map((i) => i.code)).not.toContain("rows.beyondCapacity");
    const snapshot = await readSnapshotFromXlsx(bigger, "verbund-20.xlsx");
    expect(readMetadata(snapshot)?.layout).toContain("towns=20");
    const kommunen = snapshot.sheets.find((s) => s.name === "Kommunen");
    expect(kommunen?.rows[below]?.[2]?.value).toBe("Eibenstock");
  }, 120_000);

  it("refuses --town-rows outside its limits and for templates without prepared town rows (exit 2)", async () => {
    const file = join(dir, "katalog.xlsx");
    expect((await ikz("template", "aufgabenkatalog", "--out", file)).code).toBe(0);
    expect((await ikz("upgrade", file, "--town-rows", "20")).code).toBe(2);
    const costs = join(dir, "kosten.xlsx");
    expect((await ikz("template", "kostenverteilung", "--out", costs)).code).toBe(0);
    expect((await ikz("upgrade", costs, "--town-rows", "3")).code).toBe(2);
  }, 60_000);
});

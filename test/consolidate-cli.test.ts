/**
 * `ikz consolidate`: the towns' files (any mix of templates) become one partnership workbook with
 * an overview of every source; a broken file is reported and left out; nothing is written when no
 * file is usable.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { runCli } from "../cli/ikz.js";
import { snapshotCell } from "../lib/snapshot/WorkbookSnapshot.js";
import { DEMO_TOWNS } from "../templates/aufgabenkatalog/demo.js";
import { HEADER_ROW, SHEET, columnOf, sheetName } from "../templates/kostenverteilung/spec.js";
import { columnNumber } from "../lib/cells/address.js";

let dir = "";
const path = (name: string) => join(dir, name);

async function ikz(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const townFiles: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-consolidate-"));
  for (const town of DEMO_TOWNS) {
    const file = path(`aufgaben-${townFiles.length + 1}.xlsx`);
    expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", town.name, "--out", file)).code).toBe(0);
    townFiles.push(file);
  }
  await writeFile(path("kaputt.xlsx"), "Kommune;Einwohner\nBockau;2000\n");
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("ikz consolidate", () => {
  it("brings the towns together, leaves the broken file out and says so (exit 1)", async () => {
    const out = path("verbund.xlsx");
    const result = await ikz("consolidate", ...townFiles, path("kaputt.xlsx"), "--out", out, "--json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`[5/5] ${path("kaputt.xlsx")} wird gelesen`);
    expect(result.stderr).toContain("kaputt.xlsx: ausgelassen (nicht lesbar oder keine ikz-Vorlage)");
    const summary = JSON.parse(result.stdout) as {
      towns: string[];
      sources: { file: string; taken: boolean }[];
      parts: { templateId: string; sheets: string[] }[];
    };
    expect(summary.towns).toEqual(DEMO_TOWNS.map((t) => t.name));
    expect(summary.sources.map((s) => s.taken)).toEqual([true, true, true, true, false]);
    expect(summary.parts.map((p) => p.templateId)).toEqual(["aufgabenkatalog", "kostenverteilung"]);

    const snapshot = await readSnapshotFromXlsx(out, "verbund.xlsx");
    const names = snapshot.sheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(["Übersicht", "Fahrplan", "Quellen"]);
    expect(names).toContain("Kommunen");
    const overview = snapshot.sheets[0]!;
    expect(snapshotCell(overview, 9, 1)?.value).toBe("kaputt.xlsx");
    expect(snapshotCell(overview, 9, 5)?.value).toBe("ausgelassen");
    // the cost model is pre-filled with every town and the population its catalogue states
    const towns = snapshot.sheets.find((s) => s.name === sheetName(SHEET.towns, "de"))!;
    DEMO_TOWNS.forEach((town, index) => {
      const row = HEADER_ROW.towns + 1 + index;
      expect(snapshotCell(towns, row, columnNumber(columnOf(SHEET.towns, "name")))?.value).toBe(town.name);
      expect(snapshotCell(towns, row, columnNumber(columnOf(SHEET.towns, "population")))?.value).toBe(town.population);
    });
  }, 60_000);

  it("writes nothing when no file is usable (exit 2), and never overwrites without --force (exit 1)", async () => {
    const nothing = path("nichts.xlsx");
    const result = await ikz("consolidate", path("kaputt.xlsx"), "--out", nothing);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Keine Datei ist verwendbar – es wird nichts geschrieben.");
    expect((await readdir(dir)).filter((name) => name.startsWith("nichts") || name.includes(".tmp"))).toEqual([]);

    const out = path("verbund-2.xlsx");
    expect((await ikz("consolidate", ...townFiles.slice(0, 2), "--out", out)).code).toBe(0);
    const before = await stat(out);
    const again = await ikz("consolidate", ...townFiles.slice(0, 2), "--out", out);
    expect(again.code).toBe(1);
    expect((await stat(out)).mtimeMs).toBe(before.mtimeMs);
  }, 60_000);
});

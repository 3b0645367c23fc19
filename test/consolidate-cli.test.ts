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
import { snapshotCell } from "../lib/snapshot/WorkbookSnapshot.js";
import { DEMO_TOWNS } from "../templates/aufgabenkatalog/demo.js";
import { HEADER_ROW, SHEET, columnOf, sheetName } from "../templates/kostenverteilung/spec.js";
import { columnNumber } from "../lib/cells/address.js";
import { ikz } from "./support/runIkz.js";

let dir = "";
const path = (name: string) => join(dir, name);

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
    expect(names.slice(0, 4)).toEqual(["Übersicht", "Entscheidungsvorlage", "Fahrplan", "Quellen"]);
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

  it("takes one town spelt in other Unicode forms, case or with a no-break space as one town (one row)", async () => {
    const made = async (name: string, template: string, town: string): Promise<string> => {
      const file = path(name);
      expect((await ikz("template", template, "--demo", "--town", town, "--out", file)).code).toBe(0);
      return file;
    };
    const files = [
      await made("a-zschorlau.xlsx", "aufgabenkatalog", "Zschorlau"),
      await made("a-schoenheide-nfd.xlsx", "aufgabenkatalog", "Scho\u0308nheide"),
      await made("a-schoenheide-gross.xlsx", "aufgabenkatalog", "SCHÖNHEIDE"),
      await made("p-schoenheide.xlsx", "pestel", "schönheide"),
      await made("a-bad-schlema.xlsx", "aufgabenkatalog", "Bad Schlema"),
      await made("a-bad-schlema-nbsp.xlsx", "aufgabenkatalog", "Bad\u00A0\u00A0Schlema"),
    ];
    const out = path("verbund-schreibweisen.xlsx");
    const result = await ikz("consolidate", ...files, "--out", out, "--json");
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      towns: string[];
      sources: { file: string; taken: boolean; note: string }[];
      similarTowns: unknown[];
    };
    expect(summary.towns).toEqual(["Zschorlau", "Schönheide", "Bad Schlema"]);
    expect(summary.similarTowns).toEqual([]);
    expect(summary.sources.map((s) => s.taken)).toEqual([true, true, false, true, true, false]);
    expect(summary.sources[2]?.note).toBe(
      "Kommune schon aus einer anderen Datei dieser Vorlage übernommen: „Schönheide“ aus „a-schoenheide-nfd.xlsx“ (hier „SCHÖNHEIDE“)",
    );
    expect(summary.sources[5]?.note).toBe(
      "Kommune schon aus einer anderen Datei dieser Vorlage übernommen: „Bad Schlema“ aus „a-bad-schlema.xlsx“",
    );
    expect(result.stderr).toContain(`${path("a-schoenheide-gross.xlsx")}: ausgelassen (Kommune schon aus`);
    // the cost model has one row per town, under its first spelling
    const snapshot = await readSnapshotFromXlsx(out, "verbund.xlsx");
    const towns = snapshot.sheets.find((s) => s.name === sheetName(SHEET.towns, "de"))!;
    const nameColumn = columnNumber(columnOf(SHEET.towns, "name"));
    const names = [0, 1, 2, 3].map((i) => snapshotCell(towns, HEADER_ROW.towns + 1 + i, nameColumn)?.value ?? null);
    expect(names).toEqual(["Zschorlau", "Schönheide", "Bad Schlema", null]);
  }, 120_000);

  it("writes nothing while two names are probably one town, naming both spellings and files (exit 1)", async () => {
    const made = async (name: string, town: string): Promise<string> => {
      const file = path(name);
      expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", town, "--out", file)).code).toBe(0);
      return file;
    };
    const files = [
      await made("b-bockau.xlsx", "Bockau"),
      await made("b-stuetzengruen.xlsx", "Stützengrün"),
      await made("b-gemeinde-bockau.xlsx", "Gemeinde Bockau"),
      await made("b-stuetzengrun.xlsx", "Stützengrun"),
    ];
    const out = path("verbund-aehnlich.xlsx");
    const refused = await ikz("consolidate", ...files, "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "b-gemeinde-bockau.xlsx — Fehler: „Bockau“ (b-bockau.xlsx) und „Gemeinde Bockau“ (b-gemeinde-bockau.xlsx) sind vermutlich dieselbe Kommune (gleich bis auf „Gemeinde“, „Stadt“ o. Ä.).",
    );
    expect(refused.stderr).toContain(
      "„Stützengrün“ (b-stuetzengruen.xlsx) und „Stützengrun“ (b-stuetzengrun.xlsx) sind vermutlich dieselbe Kommune (gleich bis auf Umlaute, ß, Bindestriche oder Leerzeichen).",
    );
    expect(refused.stderr).toContain("--allow-similar-towns");
    const withheld = await ikz("consolidate", ...files, "--out", out, "--json");
    expect(withheld.code).toBe(1);
    const pairs = (JSON.parse(withheld.stdout) as { out: null; similarTowns: unknown[] }).similarTowns;
    expect(pairs[0]).toEqual({
      first: { name: "Bockau", source: "b-bockau.xlsx", index: 0 },
      second: { name: "Gemeinde Bockau", source: "b-gemeinde-bockau.xlsx", index: 2 },
      reason: "prefix",
    });
    expect((await readdir(dir)).filter((name) => name.startsWith("verbund-aehnlich"))).toEqual([]);

    const english = await ikz("consolidate", ...files, "--out", out, "--lang", "en");
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      "“Bockau” (b-bockau.xlsx) and “Gemeinde Bockau” (b-gemeinde-bockau.xlsx) are probably the same town (the same but for “Gemeinde”, “Stadt” or the like).",
    );

    // the user's decision: they are different towns
    const allowed = await ikz("consolidate", ...files, "--out", out, "--allow-similar-towns", "--json");
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("— Warnung: „Bockau“ (b-bockau.xlsx) und „Gemeinde Bockau“");
    const summary = JSON.parse(allowed.stdout) as { towns: string[]; similarTowns: { reason: string }[] };
    expect(summary.towns).toEqual(["Bockau", "Stützengrün", "Gemeinde Bockau", "Stützengrun"]);
    expect(summary.similarTowns.map((pair) => pair.reason)).toEqual(["prefix", "spelling"]);
  }, 120_000);

  it("names the cells of a cost model that lists a town twice in two spellings", async () => {
    const model = path("c-kosten.xlsx");
    const made = await ikz(
      "template",
      "kostenverteilung",
      "--demo",
      "--towns",
      "Zschorlau, Bockau, Gemeinde Bockau",
      "--out",
      model,
    );
    expect(made.code).toBe(0);
    const catalogue = path("c-zschorlau.xlsx");
    expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", "ZSCHORLAU", "--out", catalogue)).code).toBe(
      0,
    );
    const result = await ikz("consolidate", model, catalogue, "--out", path("verbund-kosten.xlsx"));
    expect(result.code).toBe(1);
    const first = `${sheetName(SHEET.towns, "de")}!${columnOf(SHEET.towns, "name")}${HEADER_ROW.towns + 2}`;
    const second = `${sheetName(SHEET.towns, "de")}!${columnOf(SHEET.towns, "name")}${HEADER_ROW.towns + 3}`;
    expect(result.stderr).toContain(
      `„Bockau“ (c-kosten.xlsx › ${first}) und „Gemeinde Bockau“ (c-kosten.xlsx › ${second}) sind vermutlich dieselbe Kommune`,
    );
    // „ZSCHORLAU“ of the catalogue is the cost model's Zschorlau: no finding about it
    expect(result.stderr).not.toContain("ZSCHORLAU");
  }, 120_000);

  it("roadmap and analyse count a town spelt two ways once, naming the other file (exit 1)", async () => {
    const nfd = path("r-schoenheide-nfd.xlsx");
    const upper = path("r-schoenheide-gross.xlsx");
    expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", "Scho\u0308nheide", "--out", nfd)).code).toBe(
      0,
    );
    expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", "SCHÖNHEIDE", "--out", upper)).code).toBe(0);
    const files = [townFiles[0]!, nfd, upper];
    for (const command of ["roadmap", "analyse"]) {
      const result = await ikz(command, ...files, "--json");
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toContain(`Die Kommune „SCHÖNHEIDE“ ist mehrfach vertreten (auch in ${nfd}).`);
      const json = JSON.parse(result.stdout) as { towns: unknown[] };
      expect(json.towns, command).toHaveLength(2);
    }
  }, 120_000);

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

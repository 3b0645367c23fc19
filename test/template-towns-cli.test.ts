/**
 * `ikz template kostenverteilung --towns "A,B,C" [--demo]`, run in-process on real files: the
 * towns land on „Kommunen“, bad lists and templates without towns are refused (exit 2), the demo
 * for given towns allocates to exactly those towns; and `ikz describe kostenverteilung --json`.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { parseCellAddress } from "../lib/cells/address.js";
import { snapshotCell, type SheetSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { HEADER_ROW, SHEET, columnOf, sheetName } from "../templates/kostenverteilung/spec.js";
import { ikz } from "./support/runIkz.js";

let dir = "";
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-towns-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The value of the cell in column `key` of data row `index` (0-based) on a sheet of the cost model. */
function valueAt(sheet: SheetSnapshot, sheetKey: (typeof SHEET)["towns" | "items"], key: string, index: number) {
  const { row, column } = parseCellAddress(`${columnOf(sheetKey, key)}${HEADER_ROW[sheetKey] + 1 + index}`);
  return snapshotCell(sheet, row, column);
}

async function sheetsOf(file: string): Promise<{ towns: SheetSnapshot; items: SheetSnapshot }> {
  const snapshot = await readSnapshotFromXlsx(file, "kv.xlsx");
  const find = (key: (typeof SHEET)["towns" | "items"]) =>
    snapshot.sheets.find((s) => s.name === sheetName(key, "de"))!;
  return { towns: find(SHEET.towns), items: find(SHEET.items) };
}

describe("ikz template kostenverteilung --towns", () => {
  it("writes the towns onto „Kommunen“ with blank key values and no items; the workbook validates", async () => {
    const file = path("drei.xlsx");
    const result = await ikz(
      "template",
      "kostenverteilung",
      "--towns",
      " Aue ;Eibenstock,, Lauter-Bernsbach ",
      "--out",
      file,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`geschrieben: ${file}`);
    const { towns, items } = await sheetsOf(file);
    expect([0, 1, 2, 3].map((i) => valueAt(towns, SHEET.towns, "name", i)?.value ?? null)).toEqual([
      "Aue",
      "Eibenstock",
      "Lauter-Bernsbach",
      null,
    ]);
    for (const key of ["population", "cases", "workplaces", "fteShare", "fixedPercent"])
      for (const i of [0, 1, 2]) expect(valueAt(towns, SHEET.towns, key, i)?.value ?? null, `${key} ${i}`).toBeNull();
    expect(valueAt(items, SHEET.items, "name", 0)?.value ?? null).toBeNull();
    expect((await ikz("validate", file)).code).toBe(0);
  });

  it("writes names that start with = + - @ as text, never as formulas", async () => {
    const file = path("zeichen.xlsx");
    expect(
      (await ikz("template", "kostenverteilung", "--towns", "=Aue,+Lauter,-Bockau,@Eibenstock", "--out", file)).code,
    ).toBe(0);
    const { towns } = await sheetsOf(file);
    const cells = [0, 1, 2, 3].map((i) => valueAt(towns, SHEET.towns, "name", i));
    expect(cells.map((cell) => cell?.value)).toEqual(["=Aue", "+Lauter", "-Bockau", "@Eibenstock"]);
    expect(cells.map((cell) => cell?.formula)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("refuses a town named twice (exit 2), in German and English, and writes nothing", async () => {
    const file = path("doppelt.xlsx");
    const de = await ikz("template", "kostenverteilung", "--towns", "Aue, Bockau, bockau ", "--out", file);
    expect(de.code).toBe(2);
    expect(de.stderr).toContain(
      "--towns: Die Kommune „bockau“ ist doppelt angegeben (schon als „Bockau“). Groß-/Kleinschreibung und Leerzeichen zählen dabei nicht.",
    );
    const en = await ikz("template", "kostenverteilung", "--towns", "Aue;Aue", "--out", file, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("--towns: The town “Aue” is given twice (already as “Aue”).");
    await expect(stat(file)).rejects.toThrow();
  });

  it("refuses a list without a name (exit 2)", async () => {
    const result = await ikz("template", "kostenverteilung", "--towns", " , ;", "--out", path("leer.xlsx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--towns: Es ist keine Kommune angegeben.");
  });

  it("refuses --towns for a template without towns (exit 2), naming the templates that take it", async () => {
    const file = path("katalog.xlsx");
    const de = await ikz("template", "aufgabenkatalog", "--towns", "Aue,Bockau", "--out", file);
    expect(de.code).toBe(2);
    expect(de.stderr).toContain(
      "--towns gilt nicht für die Vorlage „aufgabenkatalog“, nur für: kostenverteilung, arbeitsplatzprofil.",
    );
    const en = await ikz("template", "aufgabenkatalog", "--towns", "Aue", "--out", file, "--lang", "en");
    expect(en.stderr).toContain(
      "--towns does not apply to the template “aufgabenkatalog”, only to: kostenverteilung, arbeitsplatzprofil.",
    );
    await expect(stat(file)).rejects.toThrow();
  });

  it("with --demo: `ikz allocate` splits the demo items among exactly the given towns", async () => {
    const names = ["Aue", "Bad Schlema", "Bockau", "Eibenstock", "Lauter", "Schneeberg", "Zschorlau"];
    const file = path("demo-sieben.xlsx");
    const written = await ikz("template", "kostenverteilung", "--towns", names.join(", "), "--demo", "--out", file);
    expect(written.code, written.stderr).toBe(0);
    const { towns } = await sheetsOf(file);
    expect(names.map((_, i) => valueAt(towns, SHEET.towns, "name", i)?.value)).toEqual(names);
    for (const key of ["population", "cases", "workplaces", "fteShare", "fixedPercent"])
      expect(typeof valueAt(towns, SHEET.towns, key, 6)?.value, key).toBe("number");

    const result = await ikz("allocate", file, "--json");
    expect(result.code, result.stderr).toBe(0);
    const allocation = JSON.parse(result.stdout) as {
      items: { amountCents: number; shares: { town: string; cents: number }[] }[];
      totals: { town: string; cents: number }[];
    };
    expect(allocation.totals.map((total) => total.town)).toEqual(names);
    expect(allocation.items.length).toBeGreaterThan(0);
    for (const item of allocation.items) {
      expect(item.shares.map((share) => share.town)).toEqual(names);
      expect(item.shares.reduce((sum, share) => sum + share.cents, 0)).toBe(item.amountCents);
    }
  });

  it("never overwrites an existing file without --force", async () => {
    const file = path("vorhanden.xlsx");
    await writeFile(file, "meine Daten");
    const refused = await ikz("template", "kostenverteilung", "--towns", "Aue", "--out", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Mit --force wird sie überschrieben");
    expect(await readFile(file, "utf8")).toBe("meine Daten");
  });

  it("is explained in --help, in German and English", async () => {
    // commander wraps the help to the terminal's width
    const de = (await ikz("template", "--help")).stdout.replace(/\s+/g, " ");
    expect(de).toContain(
      '--towns <list> Partnerkommunen, durch Komma oder Semikolon getrennt, z. B. "Zschorlau, Bockau" (nur kostenverteilung, arbeitsplatzprofil)',
    );
    const en = (await ikz("template", "--help", "--lang", "en")).stdout.replace(/\s+/g, " ");
    expect(en).toContain(
      '--towns <list> partner towns, separated by commas or semicolons, e.g. "Zschorlau, Bockau" (kostenverteilung, arbeitsplatzprofil only)',
    );
  });
});

describe("ikz describe kostenverteilung --json", () => {
  /** The shape of a value: the keys of every object, recursively; arrays by the union of their elements' shapes. */
  function shapeOf(value: unknown): unknown {
    if (Array.isArray(value)) {
      const shapes = new Map(value.map((element) => [JSON.stringify(shapeOf(element)), shapeOf(element)]));
      return [...shapes.values()];
    }
    if (typeof value === "object" && value !== null)
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, shapeOf(inner)]),
      );
    return typeof value;
  }

  it("prints the layout with the same shape as for aufgabenkatalog", async () => {
    const costs = await ikz("describe", "kostenverteilung", "--json");
    expect(costs.code).toBe(0);
    const catalogue = await ikz("describe", "aufgabenkatalog", "--json");
    const costsLayout = JSON.parse(costs.stdout) as {
      id: string;
      sheets: {
        key: string;
        name: string;
        headerRow: number;
        firstDataRow: number;
        columns: { key: string; column: string; kind: string; type: string }[];
      }[];
    };
    const catalogueLayout = JSON.parse(catalogue.stdout) as Record<string, unknown>;
    expect(Object.keys(costsLayout).sort()).toEqual(Object.keys(catalogueLayout).sort());
    const tableShape = (layout: unknown) =>
      (shapeOf(layout) as { sheets: { kind?: unknown; columns: unknown[] }[] }).sheets.map((sheet) => ({
        ...sheet,
        columns: sheet.columns.filter((c) => !("row" in (c as object))),
      }));
    // every sheet of the cost model has the shape of some sheet of the catalogue (the catalogue also has a form)
    const catalogueSheets = tableShape(catalogueLayout).map((sheet) => JSON.stringify(sheet));
    for (const sheet of tableShape(costsLayout)) expect(catalogueSheets).toContain(JSON.stringify(sheet));

    expect(costsLayout.id).toBe("kostenverteilung");
    const towns = costsLayout.sheets.find((s) => s.key === SHEET.towns)!;
    expect(towns).toMatchObject({ name: "Kommunen", headerRow: HEADER_ROW.towns, firstDataRow: HEADER_ROW.towns + 1 });
    for (const key of ["name", "population", "cases", "workplaces", "fteShare", "fixedPercent"])
      expect(
        towns.columns.find((c) => c.key === key),
        key,
      ).toMatchObject({ column: columnOf(SHEET.towns, key), kind: "input" });
    const en = JSON.parse((await ikz("describe", "kostenverteilung", "--json", "--lang", "en")).stdout) as {
      title: string;
      sheets: { name: string }[];
    };
    expect(en.title).toBe("Cost allocation");
    expect(en.sheets.map((s) => s.name)).toContain("Towns");
  });

  it("takes --town as the host town, listed first, and refuses --products (exit 2)", async () => {
    const file = path("kv-town.xlsx");
    const written = await ikz(
      "template",
      "kostenverteilung",
      "--town",
      "Bockau",
      "--towns",
      "Aue, bockau, Lauter",
      "--out",
      file,
    );
    expect(written.code, written.stderr).toBe(0);
    const { towns } = await sheetsOf(file);
    expect([0, 1, 2].map((i) => valueAt(towns, SHEET.towns, "name", i)?.value)).toEqual(["Bockau", "Aue", "Lauter"]);
    expect(valueAt(towns, SHEET.towns, "isHost", 0)?.value).toBe("x");
    expect(valueAt(towns, SHEET.towns, "isHost", 1)?.value ?? null).toBeNull();
    const products = await ikz("template", "kostenverteilung", "--products", "liste.csv", "--out", path("kv-p.xlsx"));
    expect(products.code).toBe(2);
    expect(products.stderr).toContain(
      "--products gilt nicht für die Vorlage „kostenverteilung“, nur für: aufgabenkatalog",
    );
  });
});

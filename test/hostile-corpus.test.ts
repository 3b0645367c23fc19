/**
 * Malformed and hostile input, end to end through `ikz` (run in-process): every case of the
 * generated corpus (test/support/hostileCorpus.ts) must end with its exit code and its finding —
 * file, sheet, cell and message, in German (JSON) and English (the printed line) — within its
 * time bound (and, for the big ones, its memory bound), and without writing anything. Then the
 * commands that write: a refused or failed run leaves no file and no temporary file behind; and
 * text that starts with =, +, - or @ stays text in every workbook ikz-kit writes.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnusableFileError } from "../adapters/exceljs/errors.js";
import { READ_LIMITS } from "../adapters/exceljs/readLimits.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { unusableFileIssue } from "../adapters/exceljs/unusableFileIssue.js";
import { runCli } from "../cli/ikz.js";
import { MAX_FINDINGS } from "../lib/validation/cappedIssues.js";
import { TEMPLATES } from "../templates/registry.js";
import {
  builtCells,
  compoundFile,
  CorpusContext,
  draftSheet,
  hostileCorpus,
  setCell,
  unzipParts,
  writeSnapshotXlsx,
  zipParts,
  type HostileCase,
} from "./support/hostileCorpus.js";
import { libreOfficeSkipRequested, recalculateWithLibreOffice } from "./support/libreoffice.js";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Growth of the resident set during the run, sampled every 10 ms, in MB. */
  readonly peakRssGrowthMb: number;
}

async function ikz(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  try {
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { code, stdout: out.join("\n"), stderr: err.join("\n"), ms, peakRssGrowthMb: (peak - before) / 1_048_576 };
  } finally {
    clearInterval(sampler);
  }
}

interface JsonIssue {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly sheet?: string;
  readonly cell?: string;
}

const corpus = hostileCorpus();
const context = new CorpusContext();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-hostile-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const slug = (id: string) => id.replace(/[^a-z0-9]+/gi, "-");

/** Builds the case's input in a folder of its own; returns the path ikz gets. */
async function prepare(hostile: HostileCase): Promise<{ folder: string; file: string; bytes: number }> {
  const folder = join(dir, slug(hostile.id));
  await mkdir(folder);
  const file = join(folder, hostile.fileName);
  const input = await hostile.build(context);
  if (input instanceof Uint8Array) {
    await writeFile(file, input);
    return { folder, file, bytes: input.byteLength };
  }
  if (input.kind === "directory") await mkdir(file);
  return { folder, file, bytes: 0 };
}

const measured: string[] = [];

describe("the hostile corpus", () => {
  it("has at least 60 cases, each with its own id and a finding or a valid verdict", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    for (const hostile of corpus) {
      if (hostile.exit !== 0) expect(hostile.finding, hostile.id).toBeDefined();
    }
  });

  it.each(corpus.map((hostile) => [hostile.id, hostile] as const))("%s", async (_id, hostile) => {
    const { folder, file, bytes } = await prepare(hostile);
    const before = await readdir(folder);
    const command = hostile.command ?? "validate";
    const run = await ikz(command, file, ...(command === "validate" ? ["--json"] : []));

    expect(
      run.code,
      `${hostile.description}\n${run.stderr}\n${run.code === 1 && hostile.exit === 0 ? run.stdout.slice(0, 3000) : ""}`,
    ).toBe(hostile.exit);
    const finding = hostile.finding;
    const cell = finding?.cell ?? builtCells.get(hostile.id);
    if (command === "validate") {
      const [report] = JSON.parse(run.stdout) as { file: string; issues: JsonIssue[] }[];
      expect(report?.file).toBe(file);
      const issues = report?.issues ?? [];
      if (finding) {
        const found = issues.find(
          (i) =>
            i.code === finding.code &&
            i.severity === finding.severity &&
            (finding.sheet === undefined || i.sheet === finding.sheet) &&
            (cell === undefined || i.cell === cell),
        );
        expect(
          found,
          `${finding.code} at ${finding.sheet ?? ""}!${cell ?? ""} in ${JSON.stringify(issues.slice(0, 8), null, 1)}`,
        ).toBeDefined();
        expect(found?.file).toBe(file);
        expect(found?.message).toContain(finding.message);
      } else {
        expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
      }
    } else if (finding) {
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain(finding.message);
    }

    // nothing written next to the input (no report, no temporary file)
    expect(await readdir(folder)).toEqual(before);
    expect(run.ms, `${hostile.id} took ${Math.round(run.ms)} ms`).toBeLessThan(hostile.timeLimitMs);
    if (hostile.memoryLimitMb !== undefined) {
      expect(run.peakRssGrowthMb, `${hostile.id}: +${Math.round(run.peakRssGrowthMb)} MB`).toBeLessThan(
        hostile.memoryLimitMb,
      );
      measured.push(
        `${hostile.id}: ${(bytes / 1_048_576).toFixed(1)} MB file, exit ${run.code}, ${Math.round(run.ms)} ms, RSS +${Math.round(run.peakRssGrowthMb)} MB`,
      );
    }

    // the line people read, in English: names file, sheet and cell
    if (command === "validate" && bytes < 5 * 1024 * 1024) {
      const english = await ikz("validate", file, "--lang", "en");
      expect(english.code).toBe(hostile.exit);
      if (finding && finding.severity !== "info") {
        const where =
          finding.sheet !== undefined && cell !== undefined ? `${file} › ${finding.sheet}!${cell} — ` : `${file}`;
        expect(english.stderr).toContain(where);
        expect(english.stderr).toMatch(/— (Error|Warning): /);
      }
      if (!finding) expect(english.stderr).toContain(`${file}: valid`);
    }
  });

  afterAll(() => {
    if (measured.length > 0) console.log(`[hostile corpus]\n${measured.join("\n")}`);
  });
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(libreOfficeSkipRequested())("a workbook from another program", () => {
  it("every template's demo, opened and saved again by LibreOffice, validates (exit 0)", async () => {
    const folder = join(dir, "libreoffice");
    await mkdir(folder);
    const files: string[] = [];
    for (const { spec } of TEMPLATES) {
      const file = join(folder, `${spec.id}.xlsx`);
      await writeFile(file, (await context.demo(spec.id)).bytes);
      files.push(file);
    }
    const converted = await recalculateWithLibreOffice(files, { outDir: join(folder, "gespeichert") });
    for (const file of converted) {
      const run = await ikz("validate", file);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`${file}: gültig`);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("limits the reader enforces", () => {
  it("stops reading at the time limit, and says so", async () => {
    const bytes = (await context.demo("aufgabenkatalog")).bytes;
    const error = await readSnapshotFromXlsx(bytes, "langsam.xlsx", { timeLimitMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableFileError);
    expect(error).toMatchObject({ reason: "tooLarge", exceeded: "time", limit: 0 });
    const issue = unusableFileIssue(error as UnusableFileError, "de");
    expect(issue).toMatchObject({ code: "file.timeLimit", file: "langsam.xlsx" });
    expect(unusableFileIssue(error as UnusableFileError, "en").message).toContain("took longer than 0 seconds");
  });

  it("counts cells over all sheets and names the sheet and cell where reading stopped", async () => {
    // written with inline strings: the cells, not the shared strings, cross the limit
    const bytes = writeSnapshotXlsx(await context.draft("aufgabenkatalog"));
    const error = (await readSnapshotFromXlsx(bytes, "zellen.xlsx", { maxCells: 100 }).catch(
      (e: unknown) => e,
    )) as UnusableFileError;
    expect(error).toMatchObject({ reason: "tooLarge", exceeded: "cells", limit: 100 });
    expect(error.sheet).toBeTruthy();
    expect(error.cell).toMatch(/^[A-Z]+\d+$/);
    const issue = unusableFileIssue(error, "de");
    expect(issue).toMatchObject({ code: "workbook.tooManyCells", sheet: error.sheet, cell: error.cell });
    expect(issue.message).toContain("mehr als 100 belegte Zellen");
  });

  it("keeps at most MAX_FINDINGS findings and still gives the right verdict", async () => {
    const folder = join(dir, "capped");
    await mkdir(folder);
    const draft = await context.draft("aufgabenkatalog");
    const tasks = draftSheet(draft, "Aufgaben");
    for (let i = 0; i < MAX_FINDINGS + 500; i++) {
      setCell(tasks, 5 + i, 1, { value: String(9_000_000 + i) });
      setCell(tasks, 5 + i, 2, { value: `Aufgabe ${i}` });
      setCell(tasks, 5 + i, 5, { value: "x" });
    }
    const file = join(folder, "gedeckelt.xlsx");
    await writeFile(file, writeSnapshotXlsx(draft));
    const run = await ikz("validate", file, "--json");
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout) as { issues: JsonIssue[] }[];
    const capped = report?.issues.find((i) => i.code === "validation.tooManyFindings");
    expect(capped).toMatchObject({ severity: "error", file });
    expect(report?.issues.length).toBe(MAX_FINDINGS + 1);
  });

  it("states the limits it enforces", () => {
    expect(READ_LIMITS).toMatchObject({
      maxFileBytes: 50 * 1_048_576,
      maxUncompressedBytes: 256 * 1_048_576,
      maxCompressionRatio: 200,
      maxRowsPerSheet: 100_000,
      maxCells: 2_000_000,
      timeLimitMs: 60_000,
    });
  });
});

// ---------------------------------------------------------------------------------------------

/** Files in a folder that are not in `before` (targets or temporary files left behind). */
async function leftBehind(folder: string, before: readonly string[]): Promise<string[]> {
  return (await readdir(folder)).filter((name) => !before.includes(name));
}

describe("no partial output: a refused or failed write leaves nothing behind", () => {
  let folder = "";
  beforeAll(async () => {
    folder = join(dir, "schreiben");
    await mkdir(folder);
  });

  it("ikz template --out into a folder that does not exist: a message, exit 1, nothing created", async () => {
    const before = await readdir(folder);
    const run = await ikz("template", "aufgabenkatalog", "--out", join(folder, "fehlt", "neu.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("kann nicht geschrieben werden (der Ordner existiert nicht)");
    expect(await leftBehind(folder, before)).toEqual([]);
  });

  it("ikz template --out onto a folder, even with --force: a message, the folder untouched, no temporary file", async () => {
    const target = join(folder, "ordner.xlsx");
    await mkdir(target);
    await writeFile(join(target, "inhalt.txt"), "bleibt");
    const before = await readdir(folder);
    const run = await ikz("template", "aufgabenkatalog", "--out", target, "--force", "--lang", "en");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot be written (a folder is in the way)");
    expect(await leftBehind(folder, before)).toEqual([]);
    expect(await readFile(join(target, "inhalt.txt"), "utf8")).toBe("bleibt");
  });

  it("ikz template --out onto an existing file without --force: the file untouched, no temporary file", async () => {
    const target = join(folder, "vorhanden.xlsx");
    await writeFile(target, "meine Daten");
    const before = await readdir(folder);
    const run = await ikz("template", "aufgabenkatalog", "--out", target);
    expect(run.code).toBe(1);
    expect(await readFile(target, "utf8")).toBe("meine Daten");
    expect(await leftBehind(folder, before)).toEqual([]);
  });

  it.each([
    ["a password-protected product list", () => compoundFile(["EncryptionInfo", "EncryptedPackage"]), "Kennwort"],
    [
      "a zip bomb as product list",
      () =>
        zipParts([
          { name: "[Content_Types].xml", data: "<Types/>" },
          { name: "xl/workbook.xml", data: new Uint8Array(64 * 1_048_576).fill(0x20) },
        ]),
      "keine lesbare Excel-Arbeitsmappe",
    ],
  ])("ikz template --products with %s: exit 2, no workbook written", async (_label, make, message) => {
    const products = join(folder, `produkte-${_label.length}.xlsx`);
    await writeFile(products, make());
    const target = join(folder, `aus-produkten-${_label.length}.xlsx`);
    const before = await readdir(folder);
    const run = await ikz("template", "aufgabenkatalog", "--products", products, "--out", target);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await leftBehind(folder, before)).toEqual([]);
  });

  it("ikz roadmap --out with an unusable partner file: exit 2, no roadmap written", async () => {
    const good = join(folder, "zschorlau.xlsx");
    await writeFile(good, (await context.demo("aufgabenkatalog")).bytes);
    const bad = join(folder, "partner.xlsx");
    await writeFile(bad, "%PDF-1.7\n");
    const target = join(folder, "fahrplan.xlsx");
    const before = await readdir(folder);
    const run = await ikz("roadmap", good, bad, "--out", target);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${bad} — Fehler: Die Datei ist keine .xlsx-Arbeitsmappe, sondern offenbar ein PDF-Dokument`,
    );
    expect(await leftBehind(folder, before)).toEqual([]);
  });

  it("ikz roadmap --out onto an existing file: refused, the file untouched", async () => {
    const [first, second] = await partnerCatalogues(folder, "vorhanden", {});
    const target = join(folder, "fahrplan-vorhanden.xlsx");
    await writeFile(target, "alter Fahrplan");
    const before = await readdir(folder);
    const run = await ikz("roadmap", first, second, "--out", target);
    expect(run.code).toBe(1);
    expect(await readFile(target, "utf8")).toBe("alter Fahrplan");
    expect(await leftBehind(folder, before)).toEqual([]);
  });

  it("ikz demo into a folder where one target exists: refused before anything is written", async () => {
    const out = join(folder, "demo");
    await mkdir(out);
    await writeFile(join(out, "fahrplan.json"), "{}");
    const run = await ikz("demo", "--out-dir", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(out, "fahrplan.json")}: Die Datei gibt es schon`);
    expect(run.stderr).not.toContain("geschrieben:");
    expect(await readdir(out)).toEqual(["fahrplan.json"]);
  });

  it("ikz demo --out-dir naming a file: a message, exit 1, no crash", async () => {
    const notAFolder = join(folder, "keinordner");
    await writeFile(notAFolder, "x");
    const run = await ikz("demo", "--out-dir", notAFolder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${notAFolder}: Die Datei kann nicht geschrieben werden (dort liegt schon eine Datei)`,
    );
    expect((await stat(notAFolder)).isFile()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

/** Texts a partner may type that spreadsheets would take for formulas. */
const FORMULA_LIKE = [
  '=HYPERLINK("http://example.org","klick")',
  "+49 3771 1234",
  "-Sonderaufgabe",
  "@SUMME(A1:A3)",
] as const;

/**
 * Two towns' task catalogues (the demo for Zschorlau and for Bockau) with `names` as the names
 * of their first tasks and, if given, a town name; returns their paths.
 */
async function partnerCatalogues(
  folder: string,
  prefix: string,
  options: { names?: readonly string[]; town?: string },
): Promise<[string, string]> {
  const paths: string[] = [];
  for (const town of ["Zschorlau", "Bockau"]) {
    const draft = await context.draft("aufgabenkatalog");
    const tasks = draftSheet(draft, "Aufgaben");
    (options.names ?? []).forEach((name, i) => setCell(tasks, 5 + i, 2, { value: name }));
    const commune = draftSheet(draft, "Kommune");
    setCell(commune, 4, 2, { value: town === "Bockau" && options.town !== undefined ? options.town : town });
    const file = join(folder, `${prefix}-${town.toLowerCase()}.xlsx`);
    await writeFile(file, writeSnapshotXlsx(draft));
    paths.push(file);
  }
  return paths as [string, string];
}

/** Every cell of a written workbook whose text is one of `texts`, with how exceljs reads it back. */
async function cellsHolding(file: string, texts: readonly string[]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const found: {
    sheet: string;
    address: string;
    text: string;
    type: ExcelJS.ValueType;
    formula: string | undefined;
  }[] = [];
  const formulas: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
        // the other cells of a merged range show their first cell's value; that cell is checked
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cell.value;
        for (const text of texts) {
          if (value === text || (typeof value === "string" && value.includes(text))) {
            found.push({
              sheet: sheet.name,
              address: cell.address,
              text,
              type: cell.type,
              formula: cell.formula || undefined,
            });
          }
        }
      });
    });
  });
  return { found, formulas };
}

/** The raw `<f>` elements of a written workbook's sheets. */
async function rawFormulas(file: string): Promise<string[]> {
  const parts = unzipParts(new Uint8Array(await readFile(file)));
  return parts
    .filter((part) => part.name.startsWith("xl/worksheets/"))
    .flatMap((part) =>
      [...new TextDecoder().decode(part.data).matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1] ?? ""),
    );
}

describe("text is never turned into a formula", () => {
  let folder = "";
  beforeAll(async () => {
    folder = join(dir, "formeln");
    await mkdir(folder);
  });

  const expectTextOnly = async (file: string, texts: readonly string[], atLeast: number) => {
    const { found, formulas } = await cellsHolding(file, texts);
    expect(new Set(found.map((f) => f.text)).size, JSON.stringify(found)).toBeGreaterThanOrEqual(atLeast);
    for (const cell of found) {
      expect(cell.formula, `${cell.sheet}!${cell.address}`).toBeUndefined();
      expect(cell.type, `${cell.sheet}!${cell.address}`).toBe(ExcelJS.ValueType.String);
    }
    const raw = await rawFormulas(file);
    for (const text of texts) {
      const core = text.replace(/^[=+\-@]/, "");
      expect(formulas.filter((f) => f.includes(core))).toEqual([]);
      expect(raw.filter((f) => f.includes(core.replace(/"/g, "&quot;")) || f.includes(core))).toEqual([]);
    }
  };

  it("ikz roadmap --out keeps a partner's =, +, -, @ texts (task names, town name) as text", async () => {
    const [first, second] = await partnerCatalogues(folder, "partner", { names: FORMULA_LIKE, town: "=Bockau" });
    for (const file of [first, second]) expect((await ikz("validate", file)).code).toBe(0);
    const target = join(folder, "fahrplan.xlsx");
    const run = await ikz("roadmap", first, second, "--out", target);
    expect(run.code, run.stderr).toBe(0);
    await expectTextOnly(target, [...FORMULA_LIKE, "=Bockau"], FORMULA_LIKE.length + 1);
  });

  it("ikz template keeps =, +, -, @ texts from the town and its product list as text", async () => {
    const products = join(folder, "produkte.csv");
    await writeFile(
      products,
      `Produktcode;Bezeichnung\n${FORMULA_LIKE.map((name, i) => `1110${i + 1};"${name.replace(/"/g, '""')}"`).join("\n")}\n`,
    );
    const target = join(folder, "vorlage.xlsx");
    const run = await ikz(
      "template",
      "aufgabenkatalog",
      "--town",
      "@Zschorlau",
      "--products",
      products,
      "--out",
      target,
    );
    expect(run.code, run.stderr).toBe(0);
    await expectTextOnly(target, [...FORMULA_LIKE, "@Zschorlau"], FORMULA_LIKE.length + 1);
    // and the workbook reads back with those texts as values
    const snapshot = await readSnapshotFromXlsx(target, "vorlage.xlsx");
    const names = snapshot.sheets
      .find((s) => s.name === "Aufgaben")
      ?.rows.slice(5, 5 + FORMULA_LIKE.length)
      .map((r) => r?.[2]);
    expect(names).toEqual(FORMULA_LIKE.map((value) => ({ value })));
  });

  it("ikz template kostenverteilung --towns keeps =, +, -, @ town names as text", async () => {
    const towns = ["=Zschorlau", "+Schönheide", "-Stützengrün", "@Bockau"];
    const target = join(folder, "kosten.xlsx");
    const run = await ikz("template", "kostenverteilung", "--towns", towns.join("; "), "--out", target);
    expect(run.code, run.stderr).toBe(0);
    await expectTextOnly(target, towns, towns.length);
  });
});

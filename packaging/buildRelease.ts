/**
 * `npm run release`: everything a town needs without Node, in dist/release/ikz-kit-<version>.zip —
 * the blank templates (German and English), the demo partnership's files, the task pane to open
 * from disk, the build for the town's own server with its manifest and a note for the IT, and
 * the handbook with pictures made now (LibreOffice prints, the pane in Chromium).
 */
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import archiver from "archiver";
import ExcelJS from "exceljs";
import type { CliContext } from "../cli/CliContext.js";
import { runDemo } from "../cli/commands/demo.js";
import { runTemplate } from "../cli/commands/template.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { TEMPLATES } from "../templates/registry.js";
import {
  BROKEN_EXAMPLE,
  handbookHtml,
  hostingNoteHtml,
  LAYOUT,
  paneStartHtml,
  PICTURE_DIR,
  PRINTED_PICTURES,
} from "./pages.js";
import { buildIntranetPane, copyFileModePane, copyHostedPane, releaseManifest } from "./paneBuild.js";
import { paneScreenshots, printedPictures } from "./pictures.js";

export interface ReleaseOptions {
  /** The repository (default: the one this file lies in). */
  readonly root?: string;
  /** Where the zip goes (default: `<root>/dist/release`). */
  readonly outDir?: string;
  /** An existing `webpack --mode production --env intranet` build to use instead of building one. */
  readonly paneBuild?: string;
  /** Chromium for the pane's pictures (default: IKZ_CHROMIUM or /usr/bin/chromium). */
  readonly chromium?: string;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

export interface ReleaseResult {
  readonly zip: string;
  /** Paths inside the zip, files only, sorted. */
  readonly entries: readonly string[];
  readonly bytes: number;
  readonly seconds: number;
}

/** The repository root: the nearest folder upwards whose package.json is ikz-kit's. */
export function findRepositoryRoot(from: string = import.meta.dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && existsSync(join(dir, "templates", "registry.ts"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ikz-kit repository above ${from}`);
  }
}

/** A CLI context that keeps what a command prints, for the error message when it fails. */
function quietContext(language: Language, transcript: string[]): CliContext {
  return { language, stdout: (text) => transcript.push(text), stderr: (text) => transcript.push(text) };
}

/** Blank workbooks of every template in the registry, German and English, as `ikz template` writes them. */
async function writeTemplates(dir: string): Promise<void> {
  for (const language of ["de", "en"] as const) {
    await mkdir(join(dir, language), { recursive: true });
    for (const module of TEMPLATES) {
      const transcript: string[] = [];
      const out = join(dir, language, `${module.spec.id}.xlsx`);
      const exit = await runTemplate(module.spec.id, { out }, quietContext(language, transcript));
      if (exit !== 0) throw new Error(`ikz template ${module.spec.id} (${language}) failed:\n${transcript.join("\n")}`);
    }
  }
}

/**
 * What `ikz demo` writes. It runs in the examples folder, so the partnership workbook names its
 * sources by file name, not by the release's temporary path.
 */
async function writeExamples(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const transcript: string[] = [];
  const before = process.cwd();
  process.chdir(dir);
  try {
    const exit = await runDemo(".", { force: true }, quietContext("de", transcript));
    if (exit !== 0) throw new Error(`ikz demo failed:\n${transcript.join("\n")}`);
  } finally {
    process.chdir(before);
  }
}

/** A copy of Zschorlau's task catalogue with two typing errors in the FTE column, for trying the check. */
async function writeBrokenExample(examples: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(examples, "aufgabenkatalog-zschorlau.xlsx"));
  const sheet = workbook.getWorksheet("Aufgaben");
  if (!sheet) throw new Error("aufgabenkatalog-zschorlau.xlsx: no sheet „Aufgaben“");
  let header: { row: number; column: number } | undefined;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      if (header === undefined && typeof cell.value === "string" && cell.value.trim().startsWith("VZÄ"))
        header = { row: rowNumber, column };
    });
  });
  if (!header) throw new Error("aufgabenkatalog-zschorlau.xlsx › Aufgaben: no column „VZÄ“");
  sheet.getCell(header.row + 1, header.column).value = "0,75"; // a number as text, as from a copy
  sheet.getCell(header.row + 3, header.column).value = -0.5; // below 0
  const file = join(examples, BROKEN_EXAMPLE);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Every file below `dir`, as sorted paths with `/`. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Zips `dir` (its contents at the top of the zip) into `zip`, through a temporary file in the same folder. */
async function zipFolder(dir: string, zip: string): Promise<void> {
  await mkdir(dirname(zip), { recursive: true });
  const temporary = `${zip}.${process.pid}.tmp`;
  try {
    await new Promise<void>((done, fail) => {
      const output = createWriteStream(temporary);
      const archive = archiver("zip", { zlib: { level: 9 } });
      output.on("close", () => done());
      output.on("error", fail);
      archive.on("error", fail);
      archive.on("warning", fail);
      archive.pipe(output);
      archive.directory(dir, false);
      void archive.finalize();
    });
    await rename(temporary, zip);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Builds the release zip; see the module comment. */
export async function buildRelease(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const step = (text: string): void => log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);
  const root = options.root ?? findRepositoryRoot();
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
  const zip = join(options.outDir ?? join(root, "dist", "release"), `ikz-kit-${version}.zip`);
  const work = await mkdtemp(join(tmpdir(), "ikz-release-"));
  try {
    const stage = join(work, "stage");
    // webpack in its own process while the workbooks are written here
    step(options.paneBuild ? `task pane: using ${options.paneBuild}` : "task pane: building (webpack --env intranet)");
    const pane = options.paneBuild
      ? Promise.resolve(options.paneBuild)
      : buildIntranetPane(root, join(work, "pane")).then(() => join(work, "pane"));
    pane.catch(() => undefined); // awaited below; a failure is reported there

    await writeTemplates(join(stage, LAYOUT.templates));
    step("templates written");
    const examples = join(stage, LAYOUT.examples);
    await writeExamples(examples);
    const broken = await writeBrokenExample(examples);
    step("examples written");

    const build = await pane;
    await copyFileModePane(build, join(stage, LAYOUT.pane));
    await copyHostedPane(build, join(stage, LAYOUT.itServer));
    await writeFile(join(stage, LAYOUT.itManifest), await releaseManifest(root));
    step("task pane copied (file mode and server)");

    const pictures = join(stage, PICTURE_DIR);
    const catalogue = join(examples, "aufgabenkatalog-zschorlau.xlsx");
    // not the „So geht's“ sheet (it names the other sheets' columns too)
    const guide = [/So geht/, /Was Sie ausfüllen/];
    await Promise.all([
      printedPictures(
        [
          {
            workbook: catalogue,
            page: [/Produktcode/, /Rang/, /Klasse/],
            not: guide,
            name: PRINTED_PICTURES.catalogue,
          },
          {
            workbook: join(examples, "verbundmappe.xlsx"),
            page: [/Verbundmappe/, /Übersicht/],
            not: guide,
            name: PRINTED_PICTURES.partnership,
          },
          {
            workbook: join(examples, "kostenverteilung-beispiel.xlsx"),
            page: [/Anlage zur Zweckvereinbarung/, /Zschorlau/],
            not: guide,
            name: PRINTED_PICTURES.annex,
          },
        ],
        join(work, "print"),
        pictures,
      ),
      paneScreenshots({
        page: join(stage, LAYOUT.pane, "taskpane.html"),
        broken,
        townFiles: (await readdir(examples))
          .filter(
            (name) =>
              /^aufgabenkatalog-(?!vorlage|zschorlau-mit)/.test(name) || name === "kostenverteilung-beispiel.xlsx",
          )
          .map((name) => join(examples, name)),
        chromium: options.chromium ?? process.env["IKZ_CHROMIUM"] ?? "/usr/bin/chromium",
        outDir: pictures,
      }),
    ]);
    step("pictures made");

    const names = TEMPLATES.map((module) => ({ id: module.spec.id, name: module.spec.title.de }));
    await writeFile(join(stage, LAYOUT.handbook), handbookHtml(version, names));
    await writeFile(join(stage, LAYOUT.paneStart), paneStartHtml());
    await writeFile(join(stage, LAYOUT.itNote), hostingNoteHtml(version));

    await zipFolder(stage, zip);
    const entries = await filesBelow(stage);
    const { size } = await stat(zip);
    step(`${zip}: ${entries.length} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
    return { zip, entries, bytes: size, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

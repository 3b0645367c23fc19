/**
 * LibreOffice as a second calculation engine for parity tests.
 *
 * `recalculateWithLibreOffice` converts xlsx files with a headless `soffice`
 * whose private profile forces a full recalculation on load (by default
 * LibreOffice keeps the cached values an xlsx carries). The converted copies
 * carry LibreOffice's results, which `readRecalculatedValues` reads back with
 * exceljs, so tests can compare them with the TypeScript library.
 *
 * Parity tests must FAIL when LibreOffice is missing. Only an explicit
 * `IKZ_SKIP_LIBREOFFICE=1` lets them skip:
 *
 * ```ts
 * describe.skipIf(libreOfficeSkipRequested())('parity', () => {
 *   beforeAll(() => requireLibreOffice());
 *   ...
 * });
 * ```
 */
import { spawn } from "node:child_process";
import {
  accessSync,
  constants as fsConstants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

// ---------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------

const SKIP_ENV = "IKZ_SKIP_LIBREOFFICE";
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

function findOnPath(command: string): string | undefined {
  const dirs = (process.env["PATH"] ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** True when an executable `soffice` is on PATH. */
export function libreOfficeAvailable(): boolean {
  return findOnPath("soffice") !== undefined;
}

/** True only when the environment explicitly asks to skip LibreOffice tests (`IKZ_SKIP_LIBREOFFICE=1`). */
export function libreOfficeSkipRequested(): boolean {
  return process.env[SKIP_ENV] === "1";
}

/**
 * Throws a helpful error unless `soffice` is on PATH. Call it in `beforeAll`
 * of parity suites so that a missing LibreOffice makes them fail, not pass.
 */
export function requireLibreOffice(): void {
  if (libreOfficeAvailable()) return;
  throw new Error(
    [
      "LibreOffice (`soffice`) is not on PATH, but the formula parity tests need it as a second calculation engine.",
      "Install it, e.g. on Debian/Ubuntu: `apt-get install -y --no-install-recommends libreoffice-calc-nogui`",
      `(and poppler-utils for PNG rendering). To skip these tests deliberately, set ${SKIP_ENV}=1.`,
      `PATH was: ${process.env["PATH"] ?? "(unset)"}`,
    ].join("\n"),
  );
}

// ---------------------------------------------------------------------------
// Private profiles (one per parallel slot, created once per process)
// ---------------------------------------------------------------------------

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Makes `dir` a LibreOffice user profile that recalculates every formula on load (xlsx and ods),
 * and returns its URL for `-env:UserInstallation=…`. Used by the conversions here and by
 * `editWorkbooks` (test/support/editWorkbook.ts).
 */
export function prepareRecalcProfile(dir: string, locale?: string): string {
  mkdirSync(path.join(dir, "user"), { recursive: true });
  const xcu =
    locale === undefined
      ? RECALC_XCU
      : RECALC_XCU.replace(
          "</oor:items>",
          `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n</oor:items>`,
        );
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), xcu);
  return pathToFileURL(dir).href;
}

interface ProfileSlot {
  readonly dir: string;
  readonly url: string;
  /** Tail of the queue of soffice runs on this profile (a profile must never be used twice at once). */
  tail: Promise<unknown>;
}

const slots: ProfileSlot[] = [];
/** Profiles with a locale of their own (`RecalculateOptions.locale`), by locale and slot. */
const localeSlots = new Map<string, ProfileSlot>();
let profileRoot: string | undefined;

function maxSlots(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

const PROFILE_PREFIX = "ikz-lo-profiles-";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes profile roots left behind by test processes that are gone (workers are not always given an 'exit' event). */
function sweepStaleProfiles(): void {
  try {
    for (const entry of readdirSync(tmpdir())) {
      const m = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(entry);
      if (m?.[1] !== undefined && !processAlive(Number(m[1]))) {
        rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
      }
    }
  } catch {
    // best effort
  }
}

/** Deletes this process's profiles (they are re-created on demand). Optional: call from `afterAll`. */
export async function disposeLibreOfficeProfiles(): Promise<void> {
  const root = profileRoot;
  if (root === undefined) return;
  await Promise.all([...slots, ...localeSlots.values()].map((s) => s.tail));
  slots.length = 0;
  localeSlots.clear();
  profileRoot = undefined;
  await rm(root, { recursive: true, force: true });
}

function slot(index: number, locale?: string): ProfileSlot {
  const existing = locale === undefined ? slots[index] : localeSlots.get(`${locale}/${index}`);
  if (existing !== undefined) return existing;
  if (profileRoot === undefined) {
    sweepStaleProfiles();
    const root = mkdtempSync(path.join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    profileRoot = root;
    process.once("exit", () => {
      try {
        rmSync(root, { recursive: true, force: true });
      } catch {
        // best effort
      }
    });
  }
  const dir = path.join(profileRoot, locale === undefined ? `p${index}` : `p${index}-${locale}`);
  const created: ProfileSlot = { dir, url: prepareRecalcProfile(dir, locale), tail: Promise.resolve() };
  if (locale === undefined) slots[index] = created;
  else localeSlots.set(`${locale}/${index}`, created);
  return created;
}

/** Runs `task` when the slot is free; runs on one slot never overlap. */
function onSlot<T>(s: ProfileSlot, task: () => Promise<T>): Promise<T> {
  const run = s.tail.then(task, task);
  s.tail = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------
// Running soffice
// ---------------------------------------------------------------------------

interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], timeoutMs: number, cwd?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout kills soffice.bin as well as the wrapper script.
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      ...(cwd !== undefined ? { cwd } : {}),
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${err.message}`, { cause: err }));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new Error(
            `${command} timed out after ${timeoutMs} ms and was killed.\nargs: ${args.join(" ")}\nstdout:\n${stdout}\nstderr:\n${stderr}`,
          ),
        );
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function describeRun(what: string, args: readonly string[], r: RunResult): string {
  return [
    what,
    `command: soffice ${args.join(" ")}`,
    `exit code: ${r.code ?? "none"}${r.signal !== null ? `, signal ${r.signal}` : ""}`,
    `stdout:\n${r.stdout.trim() || "(empty)"}`,
    `stderr:\n${r.stderr.trim() || "(empty)"}`,
  ].join("\n");
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Converts `inputs` (absolute paths) in ONE soffice run on the given profile
 * and checks that every expected output exists.
 */
async function convertBatch(
  s: ProfileSlot,
  inputs: readonly string[],
  format: string,
  outDir: string,
  timeoutMs: number,
): Promise<string[]> {
  const ext = format.split(":")[0] ?? format;
  const outputs = inputs.map((f) => path.join(outDir, `${path.parse(f).name}.${ext}`));
  return onSlot(s, async () => {
    // Never let a stale file from an earlier run pass for a fresh result.
    await Promise.all(outputs.map((o) => rm(o, { force: true })));
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nologo",
      `-env:UserInstallation=${s.url}`,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...inputs,
    ];
    const soffice = findOnPath("soffice");
    if (soffice === undefined) requireLibreOffice();
    const r = await run(soffice ?? "soffice", args, timeoutMs);
    if (r.code !== 0) {
      throw new Error(describeRun(`soffice failed while converting ${inputs.length} file(s) to ${format}.`, args, r));
    }
    const missing: string[] = [];
    for (const o of outputs) if (!(await exists(o))) missing.push(o);
    if (missing.length > 0) {
      throw new Error(
        describeRun(
          `soffice exited 0 but did not write ${missing.length} output file(s):\n  ${missing.join("\n  ")}`,
          args,
          r,
        ),
      );
    }
    return outputs;
  });
}

function checkInputs(files: readonly string[], outDir: string, ext: string): string[] {
  const abs = files.map((f) => path.resolve(f));
  const seen = new Map<string, string>();
  for (const f of abs) {
    const out = path.join(outDir, `${path.parse(f).name}.${ext}`);
    if (out === f) {
      throw new Error(`output ${out} would overwrite its own input; choose another outDir`);
    }
    const prior = seen.get(out);
    if (prior !== undefined) {
      throw new Error(`${prior} and ${f} would both be written to ${out}; give them different base names`);
    }
    seen.set(out, f);
  }
  return abs;
}

/** Splits `items` into at most `n` contiguous, nearly equal chunks. */
function chunk<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = [];
  const size = Math.ceil(items.length / n);
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

export interface RecalculateOptions {
  /** Where the converted copies go; default: a fresh temporary directory. */
  outDir?: string;
  /** Per soffice invocation; default 5 minutes. The process group is killed on timeout. */
  timeoutMs?: number;
  /** Parallel soffice runs (each with its own profile); default min(2, cores). Batches smaller than 4 files are never split. */
  parallel?: number;
  /**
   * LibreOffice's locale (e.g. `de-DE`), in profiles of its own: it decides how `"x" & 1.5`
   * writes the number. Default: the profile's default (en-US here).
   */
  locale?: string;
}

/**
 * Opens each xlsx in LibreOffice with forced recalculation and saves a copy
 * as xlsx whose formula cells carry LibreOffice's results. Many files go
 * through one soffice start (≈1 s each); with 2+ cores, large lists are
 * split into two parallel batches with separate profiles.
 *
 * @returns the converted files' paths, in input order.
 */
export async function recalculateWithLibreOffice(
  files: readonly string[],
  options: RecalculateOptions = {},
): Promise<string[]> {
  if (files.length === 0) return [];
  requireLibreOffice();
  const outDir = path.resolve(options.outDir ?? (await mkdtemp(path.join(tmpdir(), "ikz-lo-out-"))));
  await mkdir(outDir, { recursive: true });
  const inputs = checkInputs(files, outDir, "xlsx");
  for (const f of inputs) {
    if (!(await exists(f))) throw new Error(`input workbook not found: ${f}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const parallel = Math.max(1, Math.min(options.parallel ?? maxSlots(), maxSlots(), Math.floor(inputs.length / 2)));
  const batches = inputs.length < 4 ? [inputs] : chunk(inputs, parallel);
  const results = await Promise.all(
    batches.map((batch, i) => convertBatch(slot(i, options.locale), batch, "xlsx", outDir, timeoutMs)),
  );
  return results.flat();
}

/**
 * Renders a workbook as PNG pages (soffice → PDF, then `pdftoppm -png -r 70`).
 * Formulas are recalculated the same way as in `recalculateWithLibreOffice`.
 *
 * @returns the PNG paths, page order.
 */
export async function renderToPng(
  file: string,
  outDir: string,
  options: { timeoutMs?: number } = {},
): Promise<string[]> {
  requireLibreOffice();
  const pdftoppm = findOnPath("pdftoppm");
  if (pdftoppm === undefined) {
    throw new Error(
      "pdftoppm is not on PATH; install poppler-utils (apt-get install -y poppler-utils) to render PNGs.",
    );
  }
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });
  const [input] = checkInputs([file], dir, "pdf");
  if (input === undefined || !(await exists(input))) throw new Error(`input workbook not found: ${file}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [pdf] = await convertBatch(slot(0), [input], "pdf", dir, timeoutMs);
  if (pdf === undefined) throw new Error("internal: no PDF path");
  const prefix = path.parse(input).name;
  const pngPrefix = path.join(dir, prefix);
  // Remove stale pages of an earlier rendering.
  const isPage = (name: string): boolean =>
    name.startsWith(`${prefix}-`) && /^-\d+\.png$/.test(name.slice(prefix.length));
  for (const name of await readdir(dir)) if (isPage(name)) await rm(path.join(dir, name), { force: true });
  const args = ["-png", "-r", "70", pdf, pngPrefix];
  const r = await run(pdftoppm, args, timeoutMs);
  if (r.code !== 0) {
    throw new Error(`pdftoppm failed (exit ${r.code ?? "none"}): pdftoppm ${args.join(" ")}\nstderr:\n${r.stderr}`);
  }
  const pages = (await readdir(dir))
    .filter(isPage)
    .map((name) => ({ name, page: Number(name.slice(prefix.length + 1, -4)) }))
    .sort((a, b) => a.page - b.page)
    .map((p) => path.join(dir, p.name));
  if (pages.length === 0) throw new Error(`pdftoppm wrote no pages for ${pdf}\nstderr:\n${r.stderr}`);
  return pages;
}

/**
 * Prints a workbook to PDF as LibreOffice does (formulas recalculated as in
 * `recalculateWithLibreOffice`; hidden sheets are not printed).
 *
 * @returns the PDF's path (in `outDir`).
 */
export async function convertToPdf(
  file: string,
  outDir: string,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  requireLibreOffice();
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });
  const [input] = checkInputs([file], dir, "pdf");
  if (input === undefined || !(await exists(input))) throw new Error(`input workbook not found: ${file}`);
  const [pdf] = await convertBatch(slot(0), [input], "pdf", dir, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (pdf === undefined) throw new Error("internal: no PDF path");
  return pdf;
}

// ---------------------------------------------------------------------------
// Reading results back
// ---------------------------------------------------------------------------

/** An error value such as `#DIV/0!`, `#VALUE!`, `#N/A`. */
export interface CellError {
  readonly error: string;
}

/**
 * A cell's value after recalculation: formula cells give their result
 * (numbers with LibreOffice's 15 significant digits, see `toLibreOfficePrecision`).
 * Empty cells are `null`; an empty-string formula result is `""`.
 */
export type RecalcValue = number | string | boolean | Date | CellError | null;

export interface RecalculatedCell {
  readonly value: RecalcValue;
  /** The formula text (without `=`) when the cell holds a formula. */
  readonly formula?: string;
}

export interface RecalculatedValues {
  readonly file: string;
  /** Names of the sheets that were read. */
  readonly sheets: readonly string[];
  /** Value at e.g. `valueAt('Bewertung', 'C7')`; `null` for an empty cell. Throws for sheets/addresses not read. */
  valueAt(sheet: string, address: string): RecalcValue;
  /** Value and formula at the address, or `undefined` for a cell that does not exist. */
  cellAt(sheet: string, address: string): RecalculatedCell | undefined;
  /** All non-empty cells of a sheet that was read (address → cell). */
  cells(sheet: string): ReadonlyMap<string, RecalculatedCell>;
}

export function isCellError(v: RecalcValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

function normalise(v: unknown): RecalcValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["error"] === "string") return { error: o["error"] };
    if (Array.isArray(o["richText"])) {
      return (o["richText"] as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    }
    if ("text" in o) return normalise(o["text"]); // hyperlink
  }
  throw new Error(`unexpected cell value: ${JSON.stringify(v)}`);
}

/**
 * The value of a cell; for formula cells their cached result.
 *
 * exceljs quirks handled here:
 * - `cell.value` of a formula cell drops falsy results (`0`, `false`, `""`);
 *   `cell.result` keeps `0` and `false`.
 * - An empty-string result is written by LibreOffice as `t="str"` with an empty
 *   `<v></v>`, which exceljs reads as "no result". LibreOffice writes a result
 *   for every formula, so in a recalculated file a formula without result is `""`.
 */
function cellValue(cell: ExcelJS.Cell): RecalcValue {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = (cell as { result?: unknown }).result;
    return result === undefined ? "" : normalise(result);
  }
  if (cell.type === ExcelJS.ValueType.Hyperlink) return normalise((cell.value as { text?: unknown }).text);
  return normalise(cell.value);
}

/**
 * The number LibreOffice 7.4 writes into xlsx (and ods) for `n`: it takes the
 * shortest round-trip decimal of the double (what `String(n)` gives) and
 * rounds it half away from zero to 15 significant digits. So `1/7` comes back
 * as 0.142857142857143, a literal 65.99999999999999 as 66, and
 * 97.29743003845215 as 97.2974300384522 (where `toPrecision(15)`, working on
 * the exact binary value, would give …521). Checked against 6,000 values.
 * Pass library numbers through this before comparing them with LibreOffice's.
 */
export function toLibreOfficePrecision(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const [mantissa = "0", exponent = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  if (digits.length <= 15) return n;
  const kept = digits.slice(0, 15).split("").map(Number);
  let exp = Number(exponent);
  if ((digits.charCodeAt(15) ?? 48) >= 53 /* '5' */) {
    let i = 14;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) {
      kept.unshift(1);
      kept.pop();
      exp++;
    } else {
      kept[i] = (kept[i] ?? 0) + 1;
    }
  }
  const text = kept.join("");
  return Math.sign(n) * Number(`${text[0] ?? "0"}.${text.slice(1)}e${exp}`);
}

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  // For a shared-formula clone exceljs translates the master's formula to this cell.
  const f = cell.formula as unknown;
  return typeof f === "string" && f !== "" ? f : undefined;
}

function colToNumber(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseAddress(address: string): { row: number; col: number; key: string } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (m === null || m[1] === undefined || m[2] === undefined) throw new Error(`not a cell address: ${address}`);
  const col = colToNumber(m[1]);
  const row = Number(m[2]);
  return { row, col, key: `${m[1].toUpperCase()}${row}` };
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(range: string): Box {
  const [a, b] = range.split(":");
  if (a === undefined) throw new Error(`not a range: ${range}`);
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}

const inBox = (b: Box | undefined, row: number, col: number): boolean =>
  b === undefined || (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);

/**
 * Reads a (recalculated) workbook with exceljs and returns its cell values,
 * formula cells giving their cached `result`.
 *
 * @param sheet one sheet name, several, or omitted for all sheets
 * @param range optional A1 range such as `A1:F40` limiting what is read (applies to every sheet read)
 */
export async function readRecalculatedValues(
  file: string,
  sheet?: string | readonly string[],
  range?: string,
): Promise<RecalculatedValues> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const all = wb.worksheets.map((w) => w.name);
  const wanted = sheet === undefined ? all : typeof sheet === "string" ? [sheet] : [...sheet];
  const box = range === undefined ? undefined : parseRange(range);
  const data = new Map<string, Map<string, RecalculatedCell>>();
  for (const name of wanted) {
    const ws = wb.getWorksheet(name);
    if (ws === undefined) {
      throw new Error(`sheet "${name}" not found in ${file}; sheets: ${all.map((s) => `"${s}"`).join(", ")}`);
    }
    const cells = new Map<string, RecalculatedCell>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (!inBox(box, rowNumber, colNumber)) return;
        if (cell.isMerged && cell.master !== cell) return;
        const formula = formulaOf(cell);
        const value = cellValue(cell);
        cells.set(cell.address, formula === undefined ? { value } : { value, formula });
      });
    });
    data.set(name, cells);
  }
  const sheetCells = (name: string): Map<string, RecalculatedCell> => {
    const cells = data.get(name);
    if (cells === undefined) {
      throw new Error(
        `sheet "${name}" was not read from ${file}; read: ${[...data.keys()].map((s) => `"${s}"`).join(", ")}`,
      );
    }
    return cells;
  };
  const cellAt = (name: string, address: string): RecalculatedCell | undefined => {
    const cells = sheetCells(name);
    const a = parseAddress(address);
    if (!inBox(box, a.row, a.col)) throw new Error(`${address} lies outside the range ${range ?? ""} that was read`);
    return cells.get(a.key);
  };
  return {
    file,
    sheets: [...data.keys()],
    valueAt: (name, address) => cellAt(name, address)?.value ?? null,
    cellAt,
    cells: sheetCells,
  };
}

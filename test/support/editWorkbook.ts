/**
 * Edits workbooks the way a user does in LibreOffice Calc — delete or insert rows, type a number
 * over a cell, type „66 %“, rename a sheet — through UNO, and saves them as xlsx with the results
 * LibreOffice computed.
 *
 * One call starts ONE headless soffice (≈ 2–4 s) with its own profile (recalculation on load
 * forced, see `prepareRecalcProfile`) and its own pipe, and runs every job through it (≈ 1–2 s per
 * file) with `test/support/uno_edit.py` under `/usr/bin/python3` (Debian's `python3-uno`).
 * Parallel test files do not collide; soffice is killed when the call ends, whatever happened.
 *
 * ```ts
 * await editWorkbooks([
 *   { input: demo, output: edited, edits: [{ kind: "deleteRows", sheet: "Kommunen", row: 6, count: 1 }] },
 * ]);
 * ```
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareRecalcProfile, requireLibreOffice } from "./libreoffice.js";

/** The Python interpreter that has `import uno` (Debian: python3-uno works with the system Python only). */
export const UNO_PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "uno_edit.py");
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
/** How long soffice may take until it accepts the UNO connection (a fresh profile is created first). */
const CONNECT_TIMEOUT_MS = 90_000;
/** How long soffice may take to quit after the script asked it to, before it is killed. */
const QUIT_GRACE_MS = 10_000;

/** Rows and columns are 1-based and columns may be letters, as the user sees them. */
export type WorkbookEdit =
  /** Select `count` whole rows from `row` and delete them (references into them become `#REF!`). */
  | { readonly kind: "deleteRows"; readonly sheet: string; readonly row: number; readonly count: number }
  /** Insert `count` blank rows above `row` (references below shift down). */
  | { readonly kind: "insertRows"; readonly sheet: string; readonly row: number; readonly count: number }
  | { readonly kind: "deleteColumns"; readonly sheet: string; readonly column: string | number; readonly count: number }
  | { readonly kind: "insertColumns"; readonly sheet: string; readonly column: string | number; readonly count: number }
  /** Type a number (replaces a formula, keeps the cell's format). */
  | { readonly kind: "setNumber"; readonly sheet: string; readonly cell: string; readonly value: number }
  /** Type text; stays text even when it looks like a number (as in a cell formatted as text). */
  | { readonly kind: "setText"; readonly sheet: string; readonly cell: string; readonly text: string }
  /** Type a formula, English function names and `,`/`;` separators; the leading `=` is optional. */
  | { readonly kind: "setFormula"; readonly sheet: string; readonly cell: string; readonly formula: string }
  /** Type „66 %“: stores `value` (0.66) and gives the cell a percent number format. */
  | { readonly kind: "setPercent"; readonly sheet: string; readonly cell: string; readonly value: number }
  /** Select a range and press Delete: values and formulas go, formats stay. */
  | { readonly kind: "clearCells"; readonly sheet: string; readonly range: string }
  /** Data › Sort on `range` (no header row) by column `by` (a letter or 1-based number on the sheet). */
  | {
      readonly kind: "sortRows";
      readonly sheet: string;
      readonly range: string;
      readonly by: string | number;
      readonly descending?: boolean;
    }
  | { readonly kind: "renameSheet"; readonly from: string; readonly to: string };

export interface WorkbookEditJob {
  readonly input: string;
  /** Where the edited workbook is saved (xlsx, with LibreOffice's results); must differ from `input`. */
  readonly output: string;
  /** Applied in order; an empty list just opens, recalculates and saves the workbook. */
  readonly edits: readonly WorkbookEdit[];
}

export interface EditWorkbooksOptions {
  /** For the whole call; the soffice process group is killed on timeout. Default 5 minutes. */
  readonly timeoutMs?: number;
}

interface JobResult {
  readonly input: string;
  readonly ok: boolean;
  readonly error?: string;
}

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Collects a child's output and resolves when it has exited and its pipes are closed. */
function watch(child: ChildProcess): { done: Promise<Finished>; stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<Finished>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  return { done, stdout: () => stdout, stderr: () => stderr };
}

/**
 * Kills a detached child's whole process group: soffice's wrapper and soffice.bin, which may
 * outlive the wrapper.
 */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}

function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no process of the child's group is left, or `ms` have passed; true when gone. */
async function groupGone(child: ChildProcess, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (groupAlive(child)) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function checkJobs(jobs: readonly WorkbookEditJob[]): WorkbookEditJob[] {
  const outputs = new Set<string>();
  return jobs.map((job) => {
    const input = path.resolve(job.input);
    const output = path.resolve(job.output);
    if (input === output) throw new Error(`editWorkbooks: output ${output} would overwrite its input`);
    if (outputs.has(output)) throw new Error(`editWorkbooks: two jobs write ${output}`);
    if (!existsSync(input)) throw new Error(`editWorkbooks: input workbook not found: ${input}`);
    outputs.add(output);
    return { input, output, edits: job.edits };
  });
}

/**
 * Applies each job's edits in LibreOffice and saves the result as xlsx ("Calc MS Excel 2007 XML"),
 * so every formula cell of the output carries the value LibreOffice computed.
 * Throws with soffice's and Python's output when anything fails; outputs of failed jobs are removed.
 */
export async function editWorkbooks(
  jobs: readonly WorkbookEditJob[],
  options: EditWorkbooksOptions = {},
): Promise<void> {
  if (jobs.length === 0) return;
  requireLibreOffice();
  if (!existsSync(UNO_PYTHON)) {
    throw new Error(`${UNO_PYTHON} not found; editing workbooks needs Debian's python3 with python3-uno.`);
  }
  const checked = checkJobs(jobs);
  await Promise.all(checked.map((job) => rm(job.output, { force: true })));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const work = await mkdtemp(path.join(tmpdir(), "ikz-uno-"));
  const pipe = `ikz-uno-${process.pid}-${randomUUID()}`;
  const jobsFile = path.join(work, "jobs.json");
  await writeFile(jobsFile, JSON.stringify(checked));
  const profileUrl = prepareRecalcProfile(path.join(work, "profile"));

  const sofficeArgs = [
    "--headless",
    "--invisible",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    `-env:UserInstallation=${profileUrl}`,
    `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
  ];
  const soffice = spawn("soffice", sofficeArgs, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const office = watch(soffice);
  let python: ChildProcess | undefined;
  /** True once the script has run to its end, where it asks soffice to quit. */
  let quitAsked = false;
  let timer: NodeJS.Timeout | undefined;
  const describe = (what: string, py?: ReturnType<typeof watch>, finished?: Finished): string =>
    [
      what,
      `soffice ${sofficeArgs.join(" ")}`,
      `soffice stderr:\n${office.stderr().trim() || "(empty)"}`,
      `soffice stdout:\n${office.stdout().trim() || "(empty)"}`,
      ...(py
        ? [
            `${UNO_PYTHON} ${SCRIPT} exited with ${finished?.code ?? "no code"}${finished?.signal ? ` (${finished.signal})` : ""}`,
            `python stdout:\n${py.stdout().trim() || "(empty)"}`,
            `python stderr:\n${py.stderr().trim() || "(empty)"}`,
          ]
        : []),
    ].join("\n");
  try {
    const deadline = (Date.now() + Math.min(CONNECT_TIMEOUT_MS, timeoutMs)) / 1000;
    python = spawn(UNO_PYTHON, [SCRIPT, "--pipe", pipe, "--deadline", String(deadline), jobsFile], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const py = watch(python);
    void py.done.then((f) => (quitAsked = f.code === 0 || f.code === 1)).catch(() => undefined);
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    // soffice ending before the script is done is a failure (it crashed or refused the profile).
    const officeGone = office.done.then((f) => ({ officeGone: f }));
    officeGone.catch(() => undefined); // raced below; a later failure to start is reported there
    const first = await Promise.race([py.done, officeGone, timedOut]);
    if (first === "timeout") throw new Error(describe(`editing workbooks timed out after ${timeoutMs} ms`, py));
    if ("officeGone" in first) {
      // The script may still be finishing its last line when soffice quits after `terminate()`.
      const finished = await Promise.race([py.done, timedOut]);
      if (finished === "timeout" || finished.code !== 0 || !allOk(py.stdout(), checked.length)) {
        throw new Error(describe("soffice exited before all workbooks were edited", py, first.officeGone));
      }
    } else {
      const failed = parseResults(py.stdout()).filter((r) => !r.ok);
      if (failed.length > 0) {
        const errors = failed.map((r) => `- ${r.input}: ${r.error ?? "?"}`).join("\n");
        throw new Error(
          describe(`${failed.length} of ${checked.length} workbook edit job(s) failed:\n${errors}`, py, first),
        );
      }
      if (first.code !== 0 || !allOk(py.stdout(), checked.length)) {
        throw new Error(describe("editing workbooks in LibreOffice failed", py, first));
      }
    }
    for (const job of checked) {
      const size = await stat(job.output).then(
        (s) => s.size,
        () => 0,
      );
      if (size === 0) throw new Error(describe(`LibreOffice reported success but did not write ${job.output}`, py));
    }
  } catch (err) {
    await Promise.all(checked.map((job) => rm(job.output, { force: true })));
    throw err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (python) killGroup(python);
    // After `terminate()` soffice quits by itself and cleans up; give it a moment, then kill.
    if (!quitAsked || !(await groupGone(soffice, QUIT_GRACE_MS))) {
      killGroup(soffice);
      await groupGone(soffice, QUIT_GRACE_MS);
    }
    await office.done.catch(() => undefined);
    await removePipeFiles(pipe);
    await rm(work, { recursive: true, force: true });
  }
}

/** A killed soffice leaves its pipe (`OSL_PIPE_<uid>_<name>`) in the temporary directory. */
async function removePipeFiles(pipe: string): Promise<void> {
  for (const dir of new Set([tmpdir(), "/tmp"])) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.startsWith("OSL_PIPE_") && name.endsWith(`_${pipe}`))
        .map((name) => rm(path.join(dir, name), { force: true })),
    );
  }
}

function parseResults(stdout: string): JobResult[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as JobResult);
}

function allOk(stdout: string, expected: number): boolean {
  const results = parseResults(stdout);
  return results.length === expected && results.every((r) => r.ok);
}

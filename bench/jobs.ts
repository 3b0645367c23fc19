/**
 * One measured benchmark job, run in its own process by taskCatalogueBench.ts or
 * consolidationBench.ts so that its peak memory (`process.resourceUsage().maxRSS`) belongs to
 * that job alone.
 *
 *   node dist/bench/jobs.js <job> --rows N --file catalogue.xlsx [--out written.xlsx]
 *   node dist/bench/jobs.js consolidation-inputs --dir DIR --towns N --rows N
 *   node dist/bench/jobs.js consolidate --dir DIR --out partnership.xlsx
 *   node dist/bench/jobs.js bare-read-files --dir DIR
 *
 * Jobs: see jobTypes.ts. The job prints one line of JSON ({@link JobResult}) on stdout when it
 * is done; nothing else goes to stdout. Only the work itself is timed: Node's start-up, module
 * loading and building the input data (the product list; for baseline-write the plain cell
 * list; for the consolidation jobs the list of files) are not.
 */
import { createWriteStream } from "node:fs";
import { mkdir, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { runCli } from "../cli/ikz.js";
import type { PlannedValue, WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue, computePriorities, extractTaskCatalogue } from "../templates/aufgabenkatalog/checks.js";
import { positiveInteger } from "./benchSupport.js";
import { benchProducts, planBenchCatalogue } from "./benchProducts.js";
import { JOBS, type JobName, type JobResult } from "./jobTypes.js";
import { writeConsolidationInputs } from "./writeConsolidationInputs.js";

// ---------------------------------------------------------------------------------------------

/** Times phases with performance.now(), and the process's CPU time (all threads: user + system) over the whole. */
class Clock {
  private readonly start = performance.now();
  private readonly cpuStart = process.cpuUsage();
  private last = this.start;
  private cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  readonly phases: Record<string, number> = {};
  lap(name: string): void {
    const now = performance.now();
    this.phases[name] = (now - this.last) / 1000;
    this.last = now;
    this.cpu = process.cpuUsage(this.cpuStart);
  }
  get seconds(): number {
    return (this.last - this.start) / 1000;
  }
  get cpuSeconds(): number {
    return (this.cpu.user + this.cpu.system) / 1e6;
  }
}

type Facts = Record<string, number | string | boolean>;

async function generate(rows: number, out: string): Promise<[Clock, Facts]> {
  const products = benchProducts(rows);
  const clock = new Clock();
  // the plan's rows (values, formula texts) are produced lazily while they are written, so
  // "layout" is only the plan's frame and "write" includes making every row
  const plan = planBenchCatalogue(products);
  clock.lap("layout");
  await writePlanToFile(plan, out, { force: true });
  clock.lap("write");
  return [clock, { bytes: (await stat(out)).size, sheets: plan.sheets.length }];
}

/** A cell as the bare writer gets it: a literal or `{ formula }` — no style, no number format. */
type BareValue = Exclude<PlannedValue, null> | { formula: string };
interface BareSheet {
  readonly name: string;
  readonly rows: { readonly row: number; readonly cells: readonly (readonly [number, BareValue])[] }[];
}

/** The plan's cells, materialised as plain data before the clock starts. */
function bareCells(plan: WorkbookPlan): BareSheet[] {
  return plan.sheets.map((sheet) => {
    const rows: BareSheet["rows"] = [];
    for (const planned of sheet.rows()) {
      const cells: (readonly [number, BareValue])[] = [];
      for (const cell of planned.cells) {
        if (cell.formula !== undefined) {
          cells.push([cell.column, { formula: cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula }]);
        } else if (cell.value !== undefined && cell.value !== null) {
          cells.push([cell.column, cell.value]);
        }
      }
      if (cells.length > 0) rows.push({ row: planned.row, cells });
    }
    return { name: sheet.name, rows };
  });
}

async function baselineWrite(rows: number, out: string): Promise<[Clock, Facts]> {
  const sheets = bareCells(planBenchCatalogue(benchProducts(rows)));
  let cellCount = 0;
  const clock = new Clock();
  const stream = createWriteStream(out);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once("close", resolve);
    stream.once("error", reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: true });
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name);
    for (const planned of sheet.rows) {
      const row = worksheet.getRow(planned.row);
      for (const [column, value] of planned.cells) {
        row.getCell(column).value = value;
        cellCount++;
      }
      row.commit();
    }
    worksheet.commit();
  }
  await book.commit();
  await closed;
  clock.lap("write");
  return [clock, { bytes: (await stat(out)).size, cells: cellCount }];
}

async function validate(file: string): Promise<[Clock, ValidationReport]> {
  const clock = new Clock();
  const snapshot = await readSnapshotFromXlsx(file, basename(file));
  clock.lap("read");
  const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
  clock.lap("validate");
  return [clock, report];
}

function reportFacts(report: ValidationReport): Facts {
  const facts: Facts = { valid: report.valid, issues: report.issues.length };
  for (const issue of report.issues) {
    const key = `issue:${issue.severity}:${issue.code}`;
    facts[key] = ((facts[key] as number | undefined) ?? 0) + 1;
  }
  return facts;
}

/** What a bare streaming read saw: sheets, rows, cells, and the cells by kind of value. */
interface ReadCounts {
  sheets: number;
  rows: number;
  cells: number;
  strings: number;
  numbers: number;
  other: number;
}

const noCounts = (): ReadCounts => ({ sheets: 0, rows: 0, cells: 0, strings: 0, numbers: 0, other: 0 });

/** Reads every row of every sheet with `ExcelJS.stream.xlsx.WorkbookReader` and looks at every cell's value. */
async function readBare(file: string, counts: ReadCounts): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
  });
  for await (const worksheet of reader) {
    counts.sheets++;
    for await (const row of worksheet) {
      counts.rows++;
      row.eachCell((cell) => {
        const value: unknown = cell.value;
        counts.cells++;
        if (typeof value === "string") counts.strings++;
        else if (typeof value === "number") counts.numbers++;
        else counts.other++;
      });
    }
  }
}

async function baselineRead(file: string): Promise<[Clock, Facts]> {
  const counts = noCounts();
  const clock = new Clock();
  await readBare(file, counts);
  clock.lap("read");
  return [clock, { ...counts }];
}

// --- consolidation ----------------------------------------------------------------------------

/** The .xlsx files directly in `dir`, sorted by name. */
async function xlsxFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith(".xlsx")).sort();
  return names.map((name) => join(dir, name));
}

async function consolidationInputs(dir: string, towns: number, rows: number): Promise<[Clock, Facts]> {
  await mkdir(dir, { recursive: true });
  const clock = new Clock();
  const inputs = await writeConsolidationInputs(dir, towns, rows);
  clock.lap("write");
  const perTemplate = Object.fromEntries(Object.entries(inputs.perTemplate).map(([id, n]) => [`files:${id}`, n]));
  return [clock, { towns, rows, files: inputs.files, bytes: inputs.bytes, ...perTemplate }];
}

/** What `ikz consolidate --json` prints (the part the benchmark looks at). */
interface ConsolidateSummary {
  readonly towns: readonly string[];
  readonly sources: readonly { readonly taken: boolean; readonly file: string; readonly note: string }[];
  readonly parts: readonly { readonly templateId: string; readonly sheets: readonly string[] }[];
}

/** `ikz consolidate FILE… --out FILE --force --json` in this process, as the CLI runs it (its messages are counted, not shown). */
async function consolidate(dir: string, out: string): Promise<[Clock, Facts]> {
  const files = await xlsxFiles(dir);
  const stdout: string[] = [];
  let messages = 0;
  const clock = new Clock();
  const exit = await runCli(["consolidate", ...files, "--out", out, "--force", "--json"], {
    stdout: (text) => stdout.push(text),
    stderr: () => messages++,
  });
  clock.lap("consolidate");
  if (exit === 2 || stdout.length === 0) throw new Error(`ikz consolidate wrote nothing (exit code ${exit})`);
  const summary = JSON.parse(stdout.join("\n")) as ConsolidateSummary;
  const leftOut = summary.sources.filter((source) => !source.taken);
  return [
    clock,
    {
      exit,
      files: files.length,
      taken: summary.sources.length - leftOut.length,
      leftOut: leftOut.length,
      ...(leftOut[0] ? { firstLeftOut: `${leftOut[0].file}: ${leftOut[0].note}` } : {}),
      towns: summary.towns.length,
      parts: summary.parts.map((part) => part.templateId).join(", "),
      sheets: summary.parts.reduce((sum, part) => sum + part.sheets.length, 0) + 1,
      messages,
      bytes: (await stat(out)).size,
    },
  ];
}

async function bareReadFiles(dir: string): Promise<[Clock, Facts]> {
  const files = await xlsxFiles(dir);
  const counts = noCounts();
  const clock = new Clock();
  for (const file of files) await readBare(file, counts);
  clock.lap("read");
  return [clock, { files: files.length, ...counts }];
}

// ---------------------------------------------------------------------------------------------

interface JobOptions {
  readonly rows: number;
  readonly file: string | undefined;
  readonly out: string | undefined;
  readonly dir: string | undefined;
  readonly towns: number | undefined;
}

function required<T>(value: T | undefined, option: string, job: JobName): T {
  if (value === undefined) throw new Error(`${job} needs ${option}`);
  return value;
}

async function run(job: JobName, options: JobOptions): Promise<[Clock, Facts]> {
  const { rows, out } = options;
  const file = () => required(options.file, "--file", job);
  const dir = () => required(options.dir, "--dir", job);
  switch (job) {
    case "generate":
      return generate(rows, out ?? file());
    case "baseline-write":
      return baselineWrite(rows, required(out, "--out", job));
    case "validate": {
      const [clock, report] = await validate(file());
      return [clock, reportFacts(report)];
    }
    case "baseline-read":
      return baselineRead(file());
    case "priorities": {
      const [clock, report] = await validate(file());
      if (!report.workbook) throw new Error(`${file()} is not usable as a task catalogue`);
      const priorities = computePriorities(extractTaskCatalogue(report.workbook));
      clock.lap("priorities");
      return [clock, { ...reportFacts(report), tasks: priorities.tasks.length, top: priorities.tasks[0]?.code ?? "" }];
    }
    case "consolidation-inputs":
      return consolidationInputs(dir(), required(options.towns, "--towns", job), rows);
    case "consolidate":
      return consolidate(dir(), required(out, "--out", job));
    case "bare-read-files":
      return bareReadFiles(dir());
  }
}

const USAGE = `usage: jobs.js <${JOBS.join("|")}> [--rows N] [--file F] [--out F] [--dir DIR] [--towns N]`;

function parseJob(args: string[]): { job: JobName; options: JobOptions } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rows: { type: "string", default: "50000" },
      file: { type: "string" },
      out: { type: "string" },
      dir: { type: "string" },
      towns: { type: "string" },
    },
  });
  const job = JOBS.find((name) => name === positionals[0]);
  if (job === undefined || positionals.length !== 1) throw new Error(USAGE);
  return {
    job,
    options: {
      rows: positiveInteger(values.rows, "--rows"),
      file: values.file,
      out: values.out,
      dir: values.dir,
      towns: values.towns === undefined ? undefined : positiveInteger(values.towns, "--towns"),
    },
  };
}

async function main(args: string[]): Promise<void> {
  const { job, options } = parseJob(args);
  const [clock, facts] = await run(job, options);
  const result: JobResult = {
    job,
    seconds: clock.seconds,
    cpuSeconds: clock.cpuSeconds,
    phases: clock.phases,
    maxRssKb: process.resourceUsage().maxRSS,
    facts,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

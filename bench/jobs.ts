/**
 * One measured benchmark job, run in its own process by taskCatalogueBench.ts so that its peak
 * memory (`process.resourceUsage().maxRSS`) belongs to that job alone.
 *
 *   node dist/bench/jobs.js <job> --rows N --file catalogue.xlsx [--out written.xlsx]
 *
 * Jobs: generate, baseline-write, validate, baseline-read, priorities (jobTypes.ts). The job
 * prints one line of JSON ({@link JobResult}) on stdout when it is done; nothing else goes to stdout.
 * Only the work itself is timed: Node's start-up, module loading and building the input data
 * (the product list; for baseline-write the plain cell list) are not.
 */
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import type { PlannedValue, WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/planTaskCatalogue.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import {
  checkTaskCatalogue,
  computePriorities,
  extractTaskCatalogue,
} from "../templates/aufgabenkatalog/taskCatalogue.js";
import { JOBS, type JobName, type JobResult } from "./jobTypes.js";

/** The town's products: `rows` unique six-digit codes (100000, 100001, …) with names. */
export function benchProducts(rows: number): { code: string; name: string }[] {
  const products: { code: string; name: string }[] = [];
  for (let i = 0; i < rows; i++)
    products.push({ code: String(100000 + i), name: `Aufgabe ${i + 1} der Gemeindeverwaltung` });
  return products;
}

export function planBenchCatalogue(products: readonly { code: string; name: string }[]): WorkbookPlan {
  return planTaskCatalogue({ language: "de", town: "Zschorlau", products, demo: true }).plan;
}

// ---------------------------------------------------------------------------------------------

/** Times phases with performance.now(). */
class Clock {
  private readonly start = performance.now();
  private last = this.start;
  readonly phases: Record<string, number> = {};
  lap(name: string): void {
    const now = performance.now();
    this.phases[name] = (now - this.last) / 1000;
    this.last = now;
  }
  get seconds(): number {
    return (this.last - this.start) / 1000;
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

async function baselineRead(file: string): Promise<[Clock, Facts]> {
  const clock = new Clock();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
  });
  let sheets = 0;
  let rowCount = 0;
  let cells = 0;
  let strings = 0;
  let numbers = 0;
  let other = 0;
  for await (const worksheet of reader) {
    sheets++;
    for await (const row of worksheet) {
      rowCount++;
      row.eachCell((cell) => {
        const value: unknown = cell.value;
        cells++;
        if (typeof value === "string") strings++;
        else if (typeof value === "number") numbers++;
        else other++;
      });
    }
  }
  clock.lap("read");
  return [clock, { sheets, rows: rowCount, cells, strings, numbers, other }];
}

async function run(job: JobName, rows: number, file: string, out: string | undefined): Promise<[Clock, Facts]> {
  switch (job) {
    case "generate":
      return generate(rows, out ?? file);
    case "baseline-write":
      if (out === undefined) throw new Error("baseline-write needs --out");
      return baselineWrite(rows, out);
    case "validate": {
      const [clock, report] = await validate(file);
      return [clock, reportFacts(report)];
    }
    case "baseline-read":
      return baselineRead(file);
    case "priorities": {
      const [clock, report] = await validate(file);
      if (!report.workbook) throw new Error(`${file} is not usable as a task catalogue`);
      const priorities = computePriorities(extractTaskCatalogue(report.workbook));
      clock.lap("priorities");
      return [clock, { ...reportFacts(report), tasks: priorities.tasks.length, top: priorities.tasks[0]?.code ?? "" }];
    }
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: readonly string[]): Promise<void> {
  const job = args[0] as JobName | undefined;
  if (job === undefined || !JOBS.includes(job))
    throw new Error(`usage: jobs.js <${JOBS.join("|")}> --rows N --file F [--out F]`);
  const rows = Number(option(args, "--rows") ?? 50_000);
  const file = option(args, "--file");
  if (!Number.isInteger(rows) || rows < 1 || file === undefined)
    throw new Error("--rows (a positive integer) and --file are required");
  const [clock, facts] = await run(job, rows, file, option(args, "--out"));
  const result: JobResult = {
    job,
    seconds: clock.seconds,
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

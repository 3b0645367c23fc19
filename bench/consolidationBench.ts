/**
 * Benchmark of `ikz consolidate` as the partnership grows: 10, 20 and 40 towns, each with a task
 * catalogue of 1,500 rated tasks and one file of every other template that takes a town, plus
 * the group's cost model — against a bare exceljs streaming read of the same files.
 *
 *   npm run build:cli && node dist/bench/consolidationBench.js
 *     [--runs 3] [--sizes 10,20,40] [--rows 1500] [--dir DIR] [--keep] [--json FILE]
 *
 * The inputs are written once per size (writeConsolidationInputs.ts). Every measured job runs in
 * its own Node process (jobs.ts), so its peak memory is its own. Each run goes through all
 * sizes, ascending in odd runs and descending in even ones, `consolidate` then `bare-read-files`
 * per size, so that drift of the machine hits every size and both jobs. Ratios (20/10, 40/20,
 * consolidate ÷ bare read) are the medians of the per-run ratios. Results go to the console and
 * to bench/results/consolidation-latest.json.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  COMMON_OPTIONS,
  describeMachine,
  machineLine,
  median,
  packageRoot,
  parseOrExplain,
  positiveInteger,
  resolvedPath,
  round,
  runJob,
  summarise,
  table,
  writeResults,
} from "./benchSupport.js";
import type { JobResult } from "./jobTypes.js";

interface Options {
  readonly runs: number;
  readonly sizes: readonly number[];
  readonly rows: number;
  readonly dir: string | undefined;
  readonly keep: boolean;
  readonly json: string | undefined;
}

const USAGE =
  "usage: consolidationBench.js [--runs N] [--sizes 10,20,40] [--rows N] [--dir DIR] [--keep] [--json FILE]";

function parseOptions(args: string[]): Options {
  const values = parseOrExplain(
    () =>
      parseArgs({
        args,
        options: {
          ...COMMON_OPTIONS,
          sizes: { type: "string", default: "10,20,40" },
          rows: { type: "string", default: "1500" },
        },
      }).values,
    USAGE,
  );
  const sizes = [...new Set(values.sizes.split(",").map((text) => positiveInteger(text.trim(), "--sizes")))].sort(
    (a, b) => a - b,
  );
  return {
    runs: positiveInteger(values.runs, "--runs"),
    sizes,
    rows: positiveInteger(values.rows, "--rows"),
    dir: resolvedPath(values.dir),
    keep: values.keep,
    json: resolvedPath(values.json),
  };
}

/** One size's measurements. */
interface SizeResults {
  readonly towns: number;
  readonly inputs: JobResult["facts"];
  readonly consolidate: JobResult[];
  readonly bareRead: JobResult[];
}

/** Median over the runs of `value(run)`, skipping runs where it is not a number. */
function medianOverRuns(runs: number, value: (run: number) => number): number {
  return median(Array.from({ length: runs }, (_, run) => value(run)).filter((v) => Number.isFinite(v)));
}

const megabytes = (bytes: unknown): string => (Number(bytes) / 1024 ** 2).toFixed(1);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const jsonPath = options.json ?? join(packageRoot(), "bench", "results", "consolidation-latest.json");
  const machine = describeMachine();
  const loadAtStart = os.loadavg()[0] ?? NaN;
  console.log(`${machineLine(machine)}, load average ${loadAtStart.toFixed(1)}`);
  console.log(
    `Consolidation: ${options.sizes.join(", ")} towns, task catalogues of ${options.rows.toLocaleString("en")} rows, ` +
      `${options.runs} run(s) per size, each job in its own process`,
  );

  /**
   * The bare read fails now and then on a file it reads fine otherwise (once in about 2,000 file
   * reads here: „Cannot read properties of undefined (reading 'model')“). Our files list the
   * worksheets before the shared strings, so exceljs spools them to temporary files and parses
   * them after the zip — the path on which exceljs 4.4 can lose the entry after them, here
   * xl/workbook.xml (see adapters/exceljs/readSnapshotFromXlsx.ts, which avoids that path). A
   * failed job is run once more and the failure is listed in the output, not hidden.
   */
  const failures: { job: string; towns: number; error: string }[] = [];
  const runMeasured = async (job: "consolidate" | "bare-read-files", towns: number, args: string[]) => {
    try {
      return await runJob(job, args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ job, towns, error: message });
      console.log(`\n${job} (${towns} towns) failed: ${message} — running it once more`);
      return runJob(job, args);
    }
  };

  const dir = options.dir ?? (await mkdtemp(join(os.tmpdir(), "ikz-bench-consolidation-")));
  await mkdir(join(dir, "out"), { recursive: true });
  const inputDir = (towns: number) => join(dir, `towns-${towns}`);
  const outFile = (towns: number) => join(dir, "out", `partnership-${towns}.xlsx`);
  const sizes: SizeResults[] = [];
  try {
    for (const towns of options.sizes) {
      // not measured: writes the files every job of this size reads, and warms the disk cache
      process.stdout.write(`inputs for ${towns} towns … `);
      const written = await runJob("consolidation-inputs", [
        "--dir",
        inputDir(towns),
        "--towns",
        String(towns),
        "--rows",
        String(options.rows),
      ]);
      const facts = written.facts;
      const perTemplate = Object.entries(facts)
        .filter(([key]) => key.startsWith("files:"))
        .map(([key, n]) => `${key.slice(6)} ${String(n)}`)
        .join(", ");
      console.log(
        `${String(facts["files"])} files (${perTemplate}), ${megabytes(facts["bytes"])} MB, ${written.seconds.toFixed(1)} s`,
      );
      sizes.push({ towns, inputs: facts, consolidate: [], bareRead: [] });
    }
    // not measured: one consolidation of the smallest size, so that no size runs on a cold machine
    const smallest = sizes[0];
    if (smallest) await runJob("consolidate", ["--dir", inputDir(smallest.towns), "--out", outFile(smallest.towns)]);
    for (let run = 1; run <= options.runs; run++) {
      const order = run % 2 === 1 ? sizes : [...sizes].reverse();
      const line: string[] = [];
      for (const size of order) {
        const consolidated = await runMeasured("consolidate", size.towns, [
          "--dir",
          inputDir(size.towns),
          "--out",
          outFile(size.towns),
        ]);
        const read = await runMeasured("bare-read-files", size.towns, ["--dir", inputDir(size.towns)]);
        size.consolidate.push(consolidated);
        size.bareRead.push(read);
        line.push(`${size.towns}: ${consolidated.seconds.toFixed(2)} s / ${read.seconds.toFixed(2)} s`);
      }
      console.log(`run ${run}/${options.runs} (consolidate / bare read): ${line.join(", ")}`);
    }
  } finally {
    if (!options.keep && options.dir === undefined) await rm(dir, { recursive: true, force: true });
  }
  if (options.keep || options.dir !== undefined) console.log(`files kept in ${dir}`);
  const loadAtEnd = os.loadavg()[0] ?? NaN;

  type Measure = "seconds" | "cpuSeconds";
  /** Median over the runs of `a ÷ b`, the two taken in the same run. */
  const pairedRatio = (a: readonly JobResult[], b: readonly JobResult[], measure: Measure) =>
    round(
      medianOverRuns(options.runs, (run) => (a[run]?.[measure] ?? NaN) / (b[run]?.[measure] ?? NaN)),
      3,
    );
  const summaries = sizes.map((size) => {
    const consolidate = summarise(size.consolidate);
    return {
      towns: size.towns,
      inputs: size.inputs,
      consolidate,
      bareRead: summarise(size.bareRead),
      /** consolidate ÷ bare read, median of the per-run ratios */
      overBareRead: pairedRatio(size.consolidate, size.bareRead, "seconds"),
      overBareReadCpu: pairedRatio(size.consolidate, size.bareRead, "cpuSeconds"),
      filesPerSecond: round(Number(size.inputs["files"]) / consolidate.median, 2),
    };
  });
  /** Growth from each size to the next: time and peak memory, ours and the bare read's. */
  const steps = sizes.slice(1).map((size, index) => {
    const previous = sizes[index]!;
    const rssRatio = (job: "consolidate" | "bareRead") =>
      round(summarise(size[job]).peakRssMb / summarise(previous[job]).peakRssMb, 3);
    return {
      step: `${size.towns}/${previous.towns}`,
      linear: round(size.towns / previous.towns, 3),
      consolidate: pairedRatio(size.consolidate, previous.consolidate, "seconds"),
      consolidateCpu: pairedRatio(size.consolidate, previous.consolidate, "cpuSeconds"),
      bareRead: pairedRatio(size.bareRead, previous.bareRead, "seconds"),
      bareReadCpu: pairedRatio(size.bareRead, previous.bareRead, "cpuSeconds"),
      consolidateRss: rssRatio("consolidate"),
      bareReadRss: rssRatio("bareRead"),
    };
  });

  const seconds = (s: { median: number; min: number; max: number }) =>
    `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const times = (ratio: number) => `${ratio.toFixed(2)}×`;
  console.log("\nwall s: median (min–max) of the runs; CPU s: median of the job process's user + system time");
  console.log(
    table(
      [
        [
          "towns",
          "files",
          "input MB",
          "consolidate wall s",
          "CPU s",
          "peak RSS MB",
          "files/s",
          "bare read wall s",
          "CPU s",
          "peak RSS MB",
          "÷ bare read: wall",
          "CPU",
        ],
        ...summaries.map((s) => [
          String(s.towns),
          String(s.inputs["files"]),
          megabytes(s.inputs["bytes"]),
          seconds(s.consolidate),
          s.consolidate.cpu.median.toFixed(2),
          s.consolidate.peakRssMb.toFixed(0),
          s.filesPerSecond.toFixed(1),
          seconds(s.bareRead),
          s.bareRead.cpu.median.toFixed(2),
          s.bareRead.peakRssMb.toFixed(0),
          times(s.overBareRead),
          times(s.overBareReadCpu),
        ]),
      ],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    ),
  );
  console.log("");
  if (steps.length > 0)
    console.log(
      table(
        [
          [
            "step",
            "towns ratio",
            "consolidate wall",
            "CPU",
            "bare read wall",
            "CPU",
            "consolidate peak RSS",
            "bare read peak RSS",
          ],
          ...steps.map((s) => [
            s.step,
            times(s.linear),
            times(s.consolidate),
            times(s.consolidateCpu),
            times(s.bareRead),
            times(s.bareReadCpu),
            times(s.consolidateRss),
            times(s.bareReadRss),
          ]),
        ],
        [1, 2, 3, 4, 5, 6, 7],
      ),
    );
  console.log("");
  for (const s of summaries) {
    const facts = s.consolidate.facts;
    console.log(
      `${s.towns} towns: exit ${String(facts["exit"])}, ${String(facts["taken"])} of ${String(facts["files"])} files taken, ` +
        `${String(facts["towns"])} towns, parts ${String(facts["parts"])}, ${String(facts["sheets"])} sheets, ` +
        `${megabytes(facts["bytes"])} MB written; bare read ${String(s.bareRead.facts["cells"])} cells`,
    );
    if (Number(facts["leftOut"]) > 0) console.log(`  left out, first: ${String(facts["firstLeftOut"])}`);
  }

  const output = {
    date: new Date().toISOString(),
    machine,
    /** 1-minute load average before and after: the machine's other work, which wall times feel and CPU times much less. */
    loadAverage: { start: round(loadAtStart, 2), end: round(loadAtEnd, 2) },
    options: { runs: options.runs, sizes: options.sizes, rows: options.rows },
    sizes: summaries,
    steps,
    failures,
  };
  if (failures.length > 0)
    console.log(
      `${failures.length} job(s) failed once and were run again: ${failures.map((f) => `${f.job} (${f.towns})`).join(", ")}`,
    );
  console.log(`load average at the end ${loadAtEnd.toFixed(1)} (${machine.cpus} CPUs)`);
  console.log(`\nwritten: ${await writeResults(jsonPath, output)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});

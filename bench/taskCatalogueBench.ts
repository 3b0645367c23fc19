/**
 * Benchmark of the task catalogue at scale: generate and validate a catalogue of 50,000 tasks,
 * each against bare exceljs streaming on the same cells and the same file.
 *
 *   npm run bench -- [--runs 3] [--rows 50000] [--dir DIR] [--keep] [--json FILE] [--check]
 *
 * Every measured job runs in its own Node process (jobs.ts), so its peak memory is its own.
 * Ours and the baseline alternate (generate, baseline-write, validate, baseline-read,
 * priorities; again …) so that drift of the machine hits both; the ratios are the medians of
 * the per-run ratios. Results go to the console and to bench/results/latest.json.
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
  type JobSummary,
} from "./benchSupport.js";
import { TASK_CATALOGUE_JOBS, type JobResult, type TaskCatalogueJob } from "./jobTypes.js";

const TARGETS = {
  /** generate ÷ baseline-write */
  generation: 1.5,
  /** validate ÷ baseline-read */
  validation: 1.3,
  /** peak RSS of validate, MB */
  validationMemoryMb: 400,
} as const;

interface Options {
  readonly runs: number;
  readonly rows: number;
  readonly dir: string | undefined;
  readonly keep: boolean;
  readonly json: string | undefined;
  readonly check: boolean;
}

const USAGE = "usage: taskCatalogueBench.js [--runs N] [--rows N] [--dir DIR] [--keep] [--json FILE] [--check]";

function parseOptions(args: string[]): Options {
  const values = parseOrExplain(
    () =>
      parseArgs({
        args,
        options: {
          ...COMMON_OPTIONS,
          rows: { type: "string", default: "50000" },
          check: { type: "boolean", default: false },
        },
      }).values,
    USAGE,
  );
  return {
    runs: positiveInteger(values.runs, "--runs"),
    rows: positiveInteger(values.rows, "--rows"),
    dir: resolvedPath(values.dir),
    keep: values.keep,
    json: resolvedPath(values.json),
    check: values.check,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = packageRoot();
  const jsonPath = options.json ?? join(root, "bench", "results", "latest.json");
  const machine = describeMachine();
  console.log(machineLine(machine));
  console.log(
    `Task catalogue: ${options.rows.toLocaleString("en")} rows, ${options.runs} run(s) per job, each job in its own process`,
  );

  const dir = options.dir ?? (await mkdtemp(join(os.tmpdir(), "ikz-bench-")));
  await mkdir(dir, { recursive: true });
  const catalogue = join(dir, "catalogue.xlsx");
  const common = ["--rows", String(options.rows), "--file", catalogue];
  const argsFor: Record<TaskCatalogueJob, string[]> = {
    generate: [...common, "--out", join(dir, "generated.xlsx")],
    "baseline-write": [...common, "--out", join(dir, "baseline.xlsx")],
    validate: common,
    "baseline-read": common,
    priorities: common,
  };

  const results = new Map<TaskCatalogueJob, JobResult[]>(TASK_CATALOGUE_JOBS.map((job) => [job, []]));
  try {
    // not measured: writes the file all reads use, and warms the disk cache and the CPU
    process.stdout.write("warm-up: generate the file to read … ");
    const warm = await runJob("generate", [...common, "--out", catalogue]);
    console.log(`${warm.seconds.toFixed(2)} s, ${(Number(warm.facts["bytes"]) / 1024 ** 2).toFixed(1)} MB file`);
    for (let run = 1; run <= options.runs; run++) {
      const line: string[] = [];
      for (const job of TASK_CATALOGUE_JOBS) {
        const result = await runJob(job, argsFor[job]);
        results.get(job)?.push(result);
        line.push(`${job} ${result.seconds.toFixed(2)} s`);
      }
      console.log(`run ${run}/${options.runs}: ${line.join(", ")}`);
    }
  } finally {
    if (!options.keep && options.dir === undefined) await rm(dir, { recursive: true, force: true });
  }

  const summaries = Object.fromEntries(
    TASK_CATALOGUE_JOBS.map((job) => [job, summarise(results.get(job) ?? [])]),
  ) as Record<TaskCatalogueJob, JobSummary>;
  const pairRatio = (ours: TaskCatalogueJob, baseline: TaskCatalogueJob): number =>
    median((results.get(ours) ?? []).map((r, i) => r.seconds / (results.get(baseline)?.[i]?.seconds ?? NaN)));
  const generationRatio = pairRatio("generate", "baseline-write");
  const validationRatio = pairRatio("validate", "baseline-read");
  const validationMemory = summaries.validate.peakRssMb;
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  const checks = [
    { what: "generate / baseline-write", value: generationRatio, unit: "×", target: TARGETS.generation },
    { what: "validate / baseline-read", value: validationRatio, unit: "×", target: TARGETS.validation },
    { what: "validate peak RSS", value: validationMemory, unit: " MB", target: TARGETS.validationMemoryMb },
  ].map((c) => ({ ...c, pass: c.value <= c.target }));

  const phaseText = (s: JobSummary) =>
    Object.keys(s.phases).length > 1
      ? Object.entries(s.phases)
          .map(([n, v]) => `${n} ${v.toFixed(2)}`)
          .join(", ")
      : "";
  console.log("");
  console.log(
    table(
      [
        ["job", "median s", "min s", "max s", "peak RSS MB", "phases (median s)"],
        ...TASK_CATALOGUE_JOBS.map((job) => {
          const s = summaries[job];
          return [job, s.median.toFixed(2), s.min.toFixed(2), s.max.toFixed(2), s.peakRssMb.toFixed(0), phaseText(s)];
        }),
      ],
      [1, 2, 3, 4],
    ),
  );
  console.log("");
  console.log(
    table(
      [
        ["check", "value", "target", "result"],
        ...checks.map((c) => [
          c.what,
          `${c.value.toFixed(c.unit === "×" ? 2 : 0)}${c.unit}`,
          `≤ ${c.target}${c.unit}`,
          verdict(c.pass),
        ]),
      ],
      [1, 2],
    ),
  );
  const validateFacts = summaries.validate.facts;
  console.log(
    `\nvalidate: valid=${String(validateFacts["valid"])}, ${String(validateFacts["issues"])} issue(s) — ${
      Object.entries(validateFacts)
        .filter(([k]) => k.startsWith("issue:"))
        .map(([k, v]) => `${k.slice(6)} ${String(v)}`)
        .join(", ") || "none"
    }`,
  );
  console.log(
    `baseline-read: ${String(summaries["baseline-read"].facts["cells"])} cells; baseline-write: ${String(summaries["baseline-write"].facts["cells"])} cells`,
  );

  const output = {
    date: new Date().toISOString(),
    machine,
    options: { runs: options.runs, rows: options.rows },
    jobs: summaries,
    ratios: { generation: round(generationRatio, 3), validation: round(validationRatio, 3) },
    checks: checks.map((c) => ({ check: c.what, value: round(c.value, 3), target: c.target, pass: c.pass })),
  };
  console.log(`\nwritten: ${await writeResults(jsonPath, output)}`);
  if (options.check && checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});

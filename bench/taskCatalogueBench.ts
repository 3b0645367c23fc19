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
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JOBS, type JobName, type JobResult } from "./jobTypes.js";

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

function parseOptions(args: readonly string[]): Options {
  let runs = 3;
  let rows = 50_000;
  let dir: string | undefined;
  let json: string | undefined;
  let keep = false;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = (): string => {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return value;
    };
    const positive = (text: string): number => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive whole number, not "${text}"`);
      return n;
    };
    switch (arg) {
      case "--runs":
        runs = positive(next());
        break;
      case "--rows":
        rows = positive(next());
        break;
      case "--dir":
        dir = resolve(next());
        break;
      case "--json":
        json = resolve(next());
        break;
      case "--keep":
        keep = true;
        break;
      case "--check":
        check = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return { runs, rows, dir, keep, json, check };
}

/** The package root: the nearest folder above this script with a package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("no package.json above the benchmark script");
    dir = parent;
  }
  return dir;
}

const JOB_SCRIPT = fileURLToPath(new URL("./jobs.js", import.meta.url));

/** Runs one job in a fresh Node process; its stderr goes to ours, its last stdout line is the result. */
function runJob(job: JobName, args: readonly string[]): Promise<JobResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [JOB_SCRIPT, job, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code !== 0) {
        reject(new Error(`job ${job} failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolvePromise(JSON.parse(line) as JobResult);
      } catch {
        reject(new Error(`job ${job} printed no result: ${stdout}`));
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const mb = (kb: number): number => kb / 1024;
const round = (n: number, digits: number): number => Number(n.toFixed(digits));

interface JobSummary {
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Highest peak RSS over the runs, MB. */
  readonly peakRssMb: number;
  /** Median seconds per phase. */
  readonly phases: Readonly<Record<string, number>>;
  readonly facts: JobResult["facts"];
}

function summarise(results: readonly JobResult[]): JobSummary {
  const seconds = results.map((r) => r.seconds);
  const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.phases)))];
  return {
    runs: seconds.map((s) => round(s, 3)),
    median: round(median(seconds), 3),
    min: round(Math.min(...seconds), 3),
    max: round(Math.max(...seconds), 3),
    peakRssMb: round(mb(Math.max(...results.map((r) => r.maxRssKb))), 1),
    phases: Object.fromEntries(
      phaseNames.map((name) => [name, round(median(results.map((r) => r.phases[name] ?? 0)), 3)]),
    ),
    facts: results.at(-1)?.facts ?? {},
  };
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        rightAligned.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ");
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)]
    .join("\n")
    .replace(/ +$/gm, "");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = packageRoot();
  const jsonPath = options.json ?? join(root, "bench", "results", "latest.json");
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
  console.log(
    `Machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform})`,
  );
  console.log(
    `Task catalogue: ${options.rows.toLocaleString("en")} rows, ${options.runs} run(s) per job, each job in its own process`,
  );

  const dir = options.dir ?? (await mkdtemp(join(os.tmpdir(), "ikz-bench-")));
  await mkdir(dir, { recursive: true });
  const catalogue = join(dir, "catalogue.xlsx");
  const common = ["--rows", String(options.rows), "--file", catalogue];
  const argsFor: Record<JobName, string[]> = {
    generate: [...common, "--out", join(dir, "generated.xlsx")],
    "baseline-write": [...common, "--out", join(dir, "baseline.xlsx")],
    validate: common,
    "baseline-read": common,
    priorities: common,
  };

  const results = new Map<JobName, JobResult[]>(JOBS.map((job) => [job, []]));
  try {
    // not measured: writes the file all reads use, and warms the disk cache and the CPU
    process.stdout.write("warm-up: generate the file to read … ");
    const warm = await runJob("generate", [...common, "--out", catalogue]);
    console.log(`${warm.seconds.toFixed(2)} s, ${(Number(warm.facts["bytes"]) / 1024 ** 2).toFixed(1)} MB file`);
    for (let run = 1; run <= options.runs; run++) {
      const line: string[] = [];
      for (const job of JOBS) {
        const result = await runJob(job, argsFor[job]);
        results.get(job)?.push(result);
        line.push(`${job} ${result.seconds.toFixed(2)} s`);
      }
      console.log(`run ${run}/${options.runs}: ${line.join(", ")}`);
    }
  } finally {
    if (!options.keep && options.dir === undefined) await rm(dir, { recursive: true, force: true });
  }

  const summaries = Object.fromEntries(JOBS.map((job) => [job, summarise(results.get(job) ?? [])])) as Record<
    JobName,
    JobSummary
  >;
  const pairRatio = (ours: JobName, baseline: JobName): number =>
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
        ...JOBS.map((job) => {
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
  await mkdir(dirname(jsonPath), { recursive: true });
  // arrays of numbers on one line, as Prettier writes them (the file passes `prettier --check`)
  const text = JSON.stringify(output, null, 2).replace(
    /\[\n\s*([^[\]{}]*?)\n\s*\]/g,
    (_, items: string) => `[${items.split(/,\n\s*/).join(", ")}]`,
  );
  await writeFile(jsonPath, `${text}\n`);
  const shown = relative(process.cwd(), jsonPath);
  console.log(`\nwritten: ${shown.startsWith("..") || shown === "" ? jsonPath : shown}`);
  if (options.check && checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});

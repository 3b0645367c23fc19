/**
 * What both benchmark entries use: running a job in its own Node process, medians and summaries,
 * the console table, the machine's description and the results file.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { JobName, JobResult } from "./jobTypes.js";

/** The package root: the nearest folder above this script with a package.json. */
export function packageRoot(): string {
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
export function runJob(job: JobName, args: readonly string[]): Promise<JobResult> {
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

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export const mb = (kb: number): number => kb / 1024;
export const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/** The options every benchmark takes, besides its own: `--runs`, `--dir`, `--json`, `--keep`, `--help`. */
export const COMMON_OPTIONS = {
  runs: { type: "string", default: "3" },
  dir: { type: "string" },
  json: { type: "string" },
  keep: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * The values of a benchmark's `parseArgs` call: an unknown or malformed option throws with the
 * usage appended; `--help` prints the usage and exits.
 *
 * @example const values = parseOrExplain(() => parseArgs({ args, options: COMMON_OPTIONS }).values, USAGE);
 */
export function parseOrExplain<T extends { readonly help: boolean }>(parse: () => T, usage: string): T {
  let values: T;
  try {
    values = parse();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** An optional path option, resolved against the working folder. */
export const resolvedPath = (path: string | undefined): string | undefined =>
  path === undefined ? undefined : resolve(path);

/** A positive whole number from an option's text, or an error naming the option. */
export function positiveInteger(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} needs a positive whole number, not "${text}"`);
  return n;
}

export interface JobSummary {
  /** Wall seconds per run, their median, min and max. */
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** CPU seconds (user + system) per run, their median, min and max. */
  readonly cpu: {
    readonly runs: readonly number[];
    readonly median: number;
    readonly min: number;
    readonly max: number;
  };
  /** Highest peak RSS over the runs, MB. */
  readonly peakRssMb: number;
  /** Median seconds per phase. */
  readonly phases: Readonly<Record<string, number>>;
  readonly facts: JobResult["facts"];
}

export function summarise(results: readonly JobResult[]): JobSummary {
  const spread = (seconds: readonly number[]) => ({
    runs: seconds.map((s) => round(s, 3)),
    median: round(median(seconds), 3),
    min: round(Math.min(...seconds), 3),
    max: round(Math.max(...seconds), 3),
  });
  const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.phases)))];
  return {
    ...spread(results.map((r) => r.seconds)),
    cpu: spread(results.map((r) => r.cpuSeconds)),
    peakRssMb: round(mb(Math.max(...results.map((r) => r.maxRssKb))), 1),
    phases: Object.fromEntries(
      phaseNames.map((name) => [name, round(median(results.map((r) => r.phases[name] ?? 0)), 3)]),
    ),
    facts: results.at(-1)?.facts ?? {},
  };
}

/** A plain-text table: the first row is the head; columns listed in `rightAligned` align right. */
export function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string {
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

export interface Machine {
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export const machineLine = (machine: Machine): string =>
  `Machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform})`;

/**
 * Writes the results as JSON, arrays of numbers on one line as Prettier writes them (the file
 * passes `prettier --check`), and returns the path to show: relative to the working folder when
 * it lies below it.
 */
export async function writeResults(path: string, output: unknown): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const text = JSON.stringify(output, null, 2).replace(
    /\[\n\s*([^[\]{}]*?)\n\s*\]/g,
    (_, items: string) => `[${items.split(/,\n\s*/).join(", ")}]`,
  );
  await writeFile(path, `${text}\n`);
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") || shown === "" ? path : shown;
}

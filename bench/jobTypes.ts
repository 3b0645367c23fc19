/** What the benchmarks' entries (taskCatalogueBench.ts, consolidationBench.ts) and their job processes (jobs.ts) share. */

/** The task catalogue benchmark's measured jobs, in the order each run goes through them. */
export const TASK_CATALOGUE_JOBS = ["generate", "baseline-write", "validate", "baseline-read", "priorities"] as const;
export type TaskCatalogueJob = (typeof TASK_CATALOGUE_JOBS)[number];

/**
 * The consolidation benchmark's jobs: `consolidation-inputs` writes one size's town files (not
 * measured against anything); `consolidate` is `ikz consolidate` over them; `bare-read-files`
 * reads the same files with bare exceljs streaming.
 */
export const CONSOLIDATION_JOBS = ["consolidation-inputs", "consolidate", "bare-read-files"] as const;
export type ConsolidationJob = (typeof CONSOLIDATION_JOBS)[number];

export const JOBS = [...TASK_CATALOGUE_JOBS, ...CONSOLIDATION_JOBS] as const;
export type JobName = (typeof JOBS)[number];

/** The one line of JSON a job process prints on stdout when it is done. */
export interface JobResult {
  readonly job: JobName;
  /** Wall time of the measured work, in seconds. */
  readonly seconds: number;
  /**
   * CPU time of the process over the same work (user + system, all threads), in seconds: less
   * disturbed than wall time when other work shares the machine.
   */
  readonly cpuSeconds: number;
  /** Seconds per phase of the work (they add up to `seconds`). */
  readonly phases: Readonly<Record<string, number>>;
  /** Peak resident set size of the process, in KB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKb: number;
  /** What the job produced, to check it did the work (cells, issues, bytes, …). */
  readonly facts: Readonly<Record<string, number | string | boolean>>;
}

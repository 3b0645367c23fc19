/** What the benchmark's entry (taskCatalogueBench.ts) and its job processes (jobs.ts) share. */

export const JOBS = ["generate", "baseline-write", "validate", "baseline-read", "priorities"] as const;
export type JobName = (typeof JOBS)[number];

/** The one line of JSON a job process prints on stdout when it is done. */
export interface JobResult {
  readonly job: JobName;
  /** Wall time of the measured work, in seconds. */
  readonly seconds: number;
  /** Seconds per phase of the work (they add up to `seconds`). */
  readonly phases: Readonly<Record<string, number>>;
  /** Peak resident set size of the process, in KB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKb: number;
  /** What the job produced, to check it did the work (cells, issues, bytes, …). */
  readonly facts: Readonly<Record<string, number | string | boolean>>;
}

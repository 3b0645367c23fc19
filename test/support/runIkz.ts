import { runCli } from "../../cli/ikz.js";

/** What one `ikz` run gave: its exit code and what it wrote, lines joined by "\n". */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ikz …args` in-process, as a user would type it. */
export async function ikz(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

import type { Language } from "../lib/spec/TemplateSpec.js";

/** Where a command writes: results to stdout, messages to stderr. Injected so tests can read both. */
export interface CliContext {
  readonly language: Language;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

import type { Language } from "../lib/spec/TemplateSpec.js";
import { TEMPLATES } from "../templates/registry.js";
import type { TemplateModule } from "../templates/TemplateModule.js";

/** Where a command writes: results to stdout, messages to stderr. Injected so tests can read both. */
export interface CliContext {
  readonly language: Language;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The templates the commands offer; the registry's list unless a test passes a longer one. */
  readonly templates?: readonly TemplateModule[];
}

/** The templates of a context: its own list, else the registry's. */
export function templatesOf(context: Pick<CliContext, "templates">): readonly TemplateModule[] {
  return context.templates ?? TEMPLATES;
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

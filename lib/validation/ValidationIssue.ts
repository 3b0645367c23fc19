import { renderMessage, type MessageCode, type MessageParams } from "../messages/catalogue.js";
import { renderTerm } from "../messages/terms.js";
import type { Language } from "../spec/TemplateSpec.js";

export type Severity = "error" | "warning" | "info";

/**
 * One finding about a user's input, as data: what, where, what was expected, what was found.
 * Never thrown; always returned.
 */
export interface ValidationIssue {
  readonly severity: Severity;
  readonly code: MessageCode;
  /** The whole sentence in the chosen language. */
  readonly message: string;
  readonly file: string;
  readonly sheet?: string;
  /** A1 address on `sheet`, e.g. `E12`. */
  readonly cell?: string;
  readonly expected?: string;
  readonly received?: string;
}

export interface IssueLocation {
  readonly file: string;
  readonly sheet?: string | undefined;
  readonly cell?: string | undefined;
}

/** Builds an issue with its message rendered in `language`. */
export function createIssue(
  severity: Severity,
  code: MessageCode,
  language: Language,
  where: IssueLocation,
  params: MessageParams = {},
): ValidationIssue {
  return {
    severity,
    code,
    message: renderMessage(code, language, params),
    file: where.file,
    ...(where.sheet === undefined ? {} : { sheet: where.sheet }),
    ...(where.cell === undefined ? {} : { cell: where.cell }),
    ...(params.expected === undefined ? {} : { expected: params.expected }),
    ...(params.received === undefined ? {} : { received: params.received }),
  };
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * One line for people: `datei.xlsx › Aufgaben!E12 — Fehler: … (erwartet: …; gefunden: …)`.
 */
export function formatIssue(issue: ValidationIssue, language: Language): string {
  const where = [issue.file, issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet]
    .filter((part) => part)
    .join(" › ");
  const severity = renderTerm(
    issue.severity === "error" ? "severityError" : issue.severity === "warning" ? "severityWarning" : "severityInfo",
    language,
  );
  const details = [
    issue.expected === undefined ? undefined : `${renderTerm("expected", language)}: ${issue.expected}`,
    issue.received === undefined ? undefined : `${renderTerm("received", language)}: ${issue.received}`,
  ].filter((part) => part !== undefined);
  return `${where} — ${severity}: ${issue.message}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

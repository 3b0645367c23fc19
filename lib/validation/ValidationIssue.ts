import { renderMessage, type MessageCode, type MessageParams } from "../messages/catalogue.js";
import {
  renderFinding,
  type FindingCatalogue,
  type FindingCode,
  type FindingParams,
  type RenderedFinding,
} from "../messages/findings.js";
import { renderTerm } from "../messages/terms.js";
import type { Language } from "../spec/TemplateSpec.js";

export type Severity = "error" | "warning" | "info";

/**
 * One finding about a user's input, as data: what, where, what was expected, what was found —
 * every text in the user's language. Never thrown; always returned. The one issue shape of
 * workbooks, cost models, product lists and the pane's forms.
 */
export interface ValidationIssue {
  readonly severity: Severity;
  /** A named code of a finding catalogue (lib/messages/findings.ts). */
  readonly code: FindingCode;
  /** The whole sentence in the chosen language. */
  readonly message: string;
  /** The file the finding is about; empty when the input is no file (a cost model typed into the pane). */
  readonly file: string;
  readonly sheet?: string;
  /** A1 address on `sheet`, e.g. `E12`. */
  readonly cell?: string;
  /** 1-based line of a text file (a product list as CSV). */
  readonly line?: number;
  /**
   * Where in a data model the finding is (`items[2].key`, `towns[1].actual.cases`), when the input
   * is a model rather than a sheet: the cost model, which the workbook and the pane's form place
   * on their own cells and fields.
   */
  readonly path?: string;
  /** What is expected, in the chosen language. */
  readonly expected?: string;
  /** What was found, in the chosen language. */
  readonly received?: string;
}

export interface IssueLocation {
  readonly file: string;
  readonly sheet?: string | undefined;
  readonly cell?: string | undefined;
  readonly line?: number | undefined;
  readonly path?: string | undefined;
}

const located = (where: IssueLocation) => ({
  file: where.file,
  ...(where.sheet === undefined ? {} : { sheet: where.sheet }),
  ...(where.cell === undefined ? {} : { cell: where.cell }),
  ...(where.line === undefined ? {} : { line: where.line }),
  ...(where.path === undefined ? {} : { path: where.path }),
});

const withDetails = (texts: Pick<RenderedFinding, "expected" | "received">) => ({
  ...(texts.expected === undefined ? {} : { expected: texts.expected }),
  ...(texts.received === undefined ? {} : { received: texts.received }),
});

/** Builds an issue with its message rendered in `language`. */
export function createIssue(
  severity: Severity,
  code: MessageCode,
  language: Language,
  where: IssueLocation,
  params: MessageParams = {},
): ValidationIssue {
  return { severity, code, message: renderMessage(code, language, params), ...located(where), ...withDetails(params) };
}

/**
 * Builds an issue from a code of `catalogue` (a template's findings, the cost model's): sentence,
 * expected and found value rendered in `language` from the code's typed parameters.
 */
export function createFinding<Catalogue extends FindingCatalogue, Code extends keyof Catalogue & FindingCode>(
  catalogue: Catalogue,
  severity: Severity,
  code: Code,
  language: Language,
  where: IssueLocation,
  params: FindingParams<Catalogue, Code>,
): ValidationIssue {
  const texts = renderFinding(catalogue, code, language, params);
  return { severity, code, message: texts.message, ...located(where), ...withDetails(texts) };
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

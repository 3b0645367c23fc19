/**
 * The workbook's own checks, visible without ikz-kit (Excel, LibreOffice, a printed annex):
 * check cells show „✓ …“ or „✗ reason“, and one summary line on a result sheet counts the checks
 * that failed and says where to look:
 *
 * - „✓ Alle Prüfungen bestanden“ / „✓ All checks passed“
 * - „✗ 2 Prüfungen nicht bestanden – siehe Kommunen, Spalte R · Kostenpositionen, Spalte Q“
 *
 * A template lists its checks as {@link SelfCheck}s — a range of check cells (failed when any
 * of its cells starts with „✗“) or a condition formula (failed when TRUE) — each with a short
 * text saying where to look. {@link selfCheckSummaryFormula} turns the list into one formula.
 * Only functions of lib/formulas/compatibleFunctions.ts are used (no TEXTJOIN, no wildcards:
 * `COUNTIF(range,"✗*")` depends on a LibreOffice setting, `MID(…,1,1)="✗"` does not). A check
 * whose formula ends in an error value (`#REF!` after a deleted row) counts as failed.
 */
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";

/** The marks every check cell starts with; the text after the mark carries the reason. */
export const CHECK_MARK = { ok: "✓", failed: "✗" } as const;

/** One check of a workbook, for the summary line. */
export type SelfCheck =
  | {
      /**
       * A check cell or range of check cells with its sheet, e.g. `Kommunen!$R$5:$R$16`: failed when
       * any cell's text starts with „✗“ (or any cell holds an error value).
       */
      readonly cells: string;
      /** Where to look, short: „Kommunen, Spalte R“ / “Towns, column R”. */
      readonly where: LocalizedText;
    }
  | {
      /** A condition that is TRUE when the check failed, e.g. `COUNTA(Kommunen!$B$17:$M$216)>0`. */
      readonly failedWhen: string;
      /** What failed and where, short, e.g. „Einträge unterhalb der vorbereiteten Zeilen (ab Zeile 17)“. */
      readonly where: LocalizedText;
    };

/** Between the places of several failed checks (no „;“: formulas must not contain one, see DEVELOPERS.md). */
const SEPARATOR = " · ";

const SUMMARY_TEXT = {
  passed: { de: "Alle Prüfungen bestanden", en: "All checks passed" },
  one: { de: "Prüfung nicht bestanden", en: "check failed" },
  many: { de: "Prüfungen nicht bestanden", en: "checks failed" },
  see: { de: "siehe", en: "see" },
} satisfies Record<string, LocalizedText>;

/** A text literal for a formula: quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The number of cells in `range` whose text starts with „✗“.
 *
 * @example failedCellsFormula("Kommunen!$R$5:$R$16") // → SUMPRODUCT(--(MID(Kommunen!$R$5:$R$16,1,1)="✗"))
 */
export function failedCellsFormula(range: string): string {
  return `SUMPRODUCT(--(MID(${range},1,1)="${CHECK_MARK.failed}"))`;
}

/** The condition (TRUE = failed) of one check; an error value in it counts as failed. */
export function failedCondition(check: SelfCheck): string {
  const condition = "cells" in check ? `${failedCellsFormula(check.cells)}>0` : check.failedWhen;
  return `IFERROR(${condition},TRUE)`;
}

/**
 * TRUE when anything is typed in the `rows` rows below a table's last prepared row — entries
 * there are not computed by the sheet's formulas.
 *
 * @param sheetRange the input columns of the row below the last prepared row with their sheet,
 *   e.g. `Kommunen!$B$17:$M$17`
 * @example entriesBelowFormula("Kommunen!$B$17:$M$17") // → COUNTA(Kommunen!$B$17:$M$216)>0
 */
export function entriesBelowFormula(sheetRange: string, rows = 200): string {
  const match = /^(.*!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(sheetRange);
  if (!match) throw new Error(`not a row range: ${sheetRange}`);
  const [, sheet = "", first = "", row = "", last = ""] = match;
  const end = Number(row) + rows - 1;
  return `COUNTA(${sheet}$${first}$${row}:$${last}$${end})>0`;
}

/**
 * The summary line of a workbook's checks, as one formula: „✓ Alle Prüfungen bestanden“, or
 * „✗ 1 Prüfung nicht bestanden – siehe …“ (or „✗ 2 Prüfungen …“) with the `where` of every failed check, joined by
 * „ · “ (English with `language` "en").
 *
 * @example
 * selfCheckSummaryFormula([
 *   { cells: "Kommunen!$R$5:$R$16", where: { de: "Kommunen, Spalte R", en: "Towns, column R" } },
 *   { failedWhen: "COUNTA(Kommunen!$B$17:$M$216)>0", where: { de: "Einträge unter Zeile 16", en: "entries below row 16" } },
 * ], "de")
 */
export function selfCheckSummaryFormula(checks: readonly SelfCheck[], language: Language): string {
  if (checks.length === 0) return formulaText(`${CHECK_MARK.ok} ${SUMMARY_TEXT.passed[language]}`);
  const conditions = checks.map(failedCondition);
  const count = conditions.map((condition) => `IF(${condition},1,0)`).join("+");
  const where = checks
    .map(
      (check, index) => `IF(${conditions[index] ?? "FALSE"},${formulaText(`${SEPARATOR}${check.where[language]}`)},"")`,
    )
    .join("&");
  const failed =
    `"${CHECK_MARK.failed} "&(${count})&IF((${count})=1,${formulaText(` ${SUMMARY_TEXT.one[language]}`)},` +
    `${formulaText(` ${SUMMARY_TEXT.many[language]}`)})&${formulaText(` – ${SUMMARY_TEXT.see[language]} `)}&MID(${where},${SEPARATOR.length + 1},2000)`;
  return `IF((${count})=0,${formulaText(`${CHECK_MARK.ok} ${SUMMARY_TEXT.passed[language]}`)},${failed})`;
}

/** The summary's texts (for tests and docs): passed, and the start of a failed line. */
export function selfCheckSummaryText(verdict: "passed" | "failed", language: Language): string {
  return verdict === "passed" ? `${CHECK_MARK.ok} ${SUMMARY_TEXT.passed[language]}` : `${CHECK_MARK.failed} `;
}

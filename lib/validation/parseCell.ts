import { serialToDate } from "../cells/serialDates.js";
import type { MessageCode } from "../messages/catalogue.js";
import { formatNumberFor, groupsDigits, renderTerm } from "../messages/terms.js";
import { isCellError, type CellValue, type SnapshotCell } from "../snapshot/WorkbookSnapshot.js";
import { lookupListValue } from "../spec/lists.js";
import type { ColumnSpec, Language, TemplateSpec } from "../spec/TemplateSpec.js";
import type { Severity } from "./ValidationIssue.js";

/** A typed cell value after parsing: list cells give the entry's value key. */
export type ParsedValue = string | number | Date | null;

export interface CellProblem {
  readonly severity: Severity;
  readonly code: MessageCode;
  readonly expected: string;
  readonly received: string;
}

export interface ParsedCell {
  readonly value: ParsedValue;
  readonly problems: readonly CellProblem[];
}

const EMPTY: ParsedCell = { value: null, problems: [] };

/** True when a cell holds nothing a user typed (missing, null, or only white space). */
export function isBlank(cell: SnapshotCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined) return false;
  const value = cell.value;
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * How a found value is shown in a message, e.g. `„1,5“ (Text)`; with `grouping` false a number
 * without a thousands separator, as its column shows it (a year).
 */
export function describeReceived(cell: SnapshotCell | undefined, language: Language, grouping = true): string {
  if (!cell) return renderTerm("kindEmpty", language);
  if (cell.formula !== undefined && cell.value === null)
    return renderTerm("kindFormula", language, { value: cell.formula });
  return describeValue(cell.value, language, grouping);
}

export function describeValue(value: CellValue, language: Language, grouping = true): string {
  if (value === null || (typeof value === "string" && value.trim() === "")) return renderTerm("kindEmpty", language);
  if (typeof value === "string") return renderTerm("kindText", language, { value: truncate(value) });
  if (typeof value === "number")
    return renderTerm("kindNumber", language, { value: formatNumberFor(value, language, grouping) });
  if (typeof value === "boolean") return renderTerm("kindBoolean", language, { value: String(value).toUpperCase() });
  if (value instanceof Date) return renderTerm("kindDate", language, { value: formatDate(value) });
  if (isCellError(value)) return renderTerm("kindError", language, { value: value.error });
  return renderTerm("kindEmpty", language);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `dd.mm.yyyy` of a spreadsheet date (spreadsheet dates carry no zone: read as UTC). */
export function formatDate(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}.${mm}.${date.getUTCFullYear()}`;
}

/** What a column expects, for messages. */
export function describeExpected(column: ColumnSpec, language: Language, sheetOfList?: string): string {
  switch (column.type) {
    case "rating":
      return renderTerm("expectWholeNumber", language, { min: column.min ?? 0, max: column.max ?? 3 });
    case "integer":
      return renderTerm("expectWholeNumber", language, {
        min: column.min ?? 0,
        ...(column.max === undefined ? {} : { max: column.max }),
        grouping: groupsDigits(column),
      });
    case "decimal":
    case "currency": {
      const base = renderTerm("expectNumber", language, {
        min: column.min ?? 0,
        ...(column.max === undefined ? {} : { max: column.max }),
        grouping: groupsDigits(column),
      });
      return column.maxDecimals === undefined
        ? base
        : `${base}, ${renderTerm("expectDecimals", language, { count: column.maxDecimals })}`;
    }
    case "list":
      return renderTerm("expectListValue", language, { sheet: sheetOfList ?? "" });
    case "code":
      return renderTerm("expectProductCode", language);
    case "date":
      return renderTerm("expectDate", language);
    case "email":
      return renderTerm("expectEmail", language);
    case "text":
      return renderTerm("expectText", language);
  }
}

/**
 * Largest number a cell may hold: spreadsheets keep 15 significant digits, so beyond this a
 * number is not what was typed (1E+20 shows as 100000000000000000000 but holds 1 digit).
 */
export const MAX_NUMBER = 999_999_999_999_999;

const GERMAN_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const PERCENT_TEXT = /^[+-]?\d+([.,]\d+)?\s*%$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Parses one input cell by its column spec. Never throws: problems come back as data.
 * A formula in an input cell is accepted by its result, with a warning; without a stored result it
 * is an error (nothing to read, and reading 0 would be a guess).
 */
export function parseCell(
  spec: TemplateSpec,
  column: ColumnSpec,
  cell: SnapshotCell | undefined,
  language: Language,
  sheetOfList?: string,
): ParsedCell {
  if (isBlank(cell) || !cell) return EMPTY;
  const problems: CellProblem[] = [];
  // texts are rendered only for cells that have a problem: most cells have none
  const expected = () => describeExpected(column, language, sheetOfList);
  const fail = (code: MessageCode, severity: Severity = "error"): ParsedCell => ({
    value: null,
    problems: [
      ...problems,
      { severity, code, expected: expected(), received: describeReceived(cell, language, groupsDigits(column)) },
    ],
  });
  if (cell.formula !== undefined && cell.value === null) {
    // no stored result (a script wrote the file): there is nothing to read, and 0 would be a guess
    return {
      value: null,
      problems: [
        {
          severity: "error",
          code: "cell.formulaWithoutResult",
          expected: expected(),
          received: renderTerm("kindFormula", language, { value: cell.formula }),
        },
      ],
    };
  }
  if (cell.formula !== undefined) {
    problems.push({
      severity: "warning",
      code: "cell.formulaInInput",
      expected: expected(),
      received: renderTerm("kindFormula", language, { value: cell.formula }),
    });
  }
  const value = cell.value;
  if (value === null) return { value: null, problems };
  if (isCellError(value)) return fail("cell.errorValue");

  switch (column.type) {
    case "rating":
    case "integer":
    case "decimal":
    case "currency": {
      if (typeof value === "string") {
        const text = value.trim();
        if (PERCENT_TEXT.test(text)) return fail("cell.percentAsText");
        if (GERMAN_NUMBER.test(text) || PLAIN_NUMBER.test(text)) return fail("cell.numberAsText");
        return fail("cell.notANumber");
      }
      if (typeof value !== "number" || !Number.isFinite(value)) return fail("cell.notANumber");
      if (Math.abs(value) > MAX_NUMBER) return fail("cell.numberTooLarge");
      const whole = column.type === "rating" || column.type === "integer";
      if (whole && !Number.isInteger(value)) return fail("cell.notInteger");
      const min = column.min ?? 0;
      const max = column.type === "rating" ? (column.max ?? 3) : column.max;
      if (value < min || (max !== undefined && value > max)) return fail("cell.outOfRange");
      if (column.maxDecimals !== undefined && !hasAtMostDecimals(value, column.maxDecimals))
        return fail("cell.tooManyDecimals");
      return { value, problems };
    }
    case "code": {
      const text =
        typeof value === "number" && Number.isInteger(value)
          ? String(value)
          : typeof value === "string"
            ? value.trim()
            : undefined;
      if (text === undefined) return fail("cell.notANumber");
      return { value: text, problems };
    }
    case "list": {
      if (typeof value !== "string" && typeof value !== "number") return fail("cell.notInList");
      const key = column.list ? lookupListValue(spec, column.list.key, String(value)) : undefined;
      if (key === undefined) return fail("cell.notInList", column.list?.allowOther ? "warning" : "error");
      return { value: key, problems };
    }
    case "date": {
      if (value instanceof Date) return { value, problems };
      if (typeof value === "number" && value > 0 && value < 2958466) return { value: serialToDate(value), problems };
      return fail("cell.notADate");
    }
    case "email": {
      if (typeof value !== "string" || !EMAIL.test(value.trim())) return fail("cell.invalidEmail");
      return { value: value.trim(), problems };
    }
    case "text": {
      if (value instanceof Date) return { value: formatDate(value), problems };
      return { value: String(value).trim(), problems };
    }
  }
}

/** True when `value` has at most `decimals` decimal places (tolerating binary noise). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/**
 * Reading a town's PESTEL workbook beyond cell types: the template's own checks (measure ids,
 * fields of action, hot spots without a measure, duplicate themes, the town's name) and the
 * typed extraction the computations and the analysis take.
 */
import { cellAddress } from "../../lib/cells/address.js";
import type { FindingOf } from "../../lib/messages/findings.js";
import { parseMeasureIds, type MeasureIdProblem } from "../../lib/pestel/measureIds.js";
import {
  ACTION_FIELDS,
  INNER_ELEMENTS,
  PESTEL_FACTORS,
  type ActionField,
  type InnerElement,
  type PestelFactor,
  type PestelTheme,
} from "../../lib/pestel/model.js";
import { effectiveThreshold, isHotSpot, isRating, isUsableThreshold, scoreTheme } from "../../lib/pestel/scoreTheme.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ParsedValue } from "../../lib/validation/parseCell.js";
import { parsedForm, parsedTable, type ParsedRow, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createFinding, type Severity, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { findMeasure } from "../reference/measures.js";
import { PESTEL_FINDINGS } from "./findings.js";
import { SHEET } from "./terms.js";
import { fileStem, missingTownName } from "../common/townName.js";

/** A town's PESTEL workbook, typed. */
export interface PestelWorkbook {
  readonly file: string;
  /** The town's name, or the file name without `.xlsx` when the workbook names none. */
  readonly town: string;
  /** The hot-spot threshold in force (the town's, or 6). */
  readonly threshold: number;
  /**
   * Whether the town's typed threshold is usable (a whole number 1–9). When not, the reader
   * reports an error and the sheet shows „✗“ instead of hot-spot markers.
   */
  readonly thresholdUsable: boolean;
  readonly themes: readonly PestelTheme[];
  /** Name of the long-form sheet, and the found column of each key (for cell references). */
  readonly themesSheet: string;
  readonly columns: ReadonlyMap<string, number>;
}

/** `/pfad/zu/bockau.xlsx` → `bockau`: the stand-in name of a town that did not enter one. */
const asText = (value: ParsedValue | undefined): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

const asFactor = (value: ParsedValue | undefined): PestelFactor | null =>
  (PESTEL_FACTORS as readonly unknown[]).includes(value) ? (value as PestelFactor) : null;

const asElement = (value: ParsedValue | undefined): InnerElement | null =>
  (INNER_ELEMENTS as readonly unknown[]).includes(value) ? (value as InnerElement) : null;

const asActionField = (value: ParsedValue | undefined): ActionField | null =>
  ACTION_FIELDS.find((field) => String(field) === value) ?? null;

const isoDate = (value: ParsedValue | undefined): string | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : null;

const knownMeasure = (id: string): boolean => findMeasure(id) !== undefined;

function themeOf(row: ParsedRow): PestelTheme {
  const values = row.values;
  const measures = asText(values["measures"]);
  return {
    factor: asFactor(values["factor"]),
    element: asElement(values["element"]),
    theme: asText(values["theme"]) ?? "",
    impact: isRating(values["impact"]) ? values["impact"] : null,
    room: isRating(values["room"]) ? values["room"] : null,
    actionField: asActionField(values["actionField"]),
    measures: measures === null ? [] : parseMeasureIds(measures, knownMeasure).ids,
    owner: asText(values["owner"]),
    reviewDate: isoDate(values["reviewDate"]),
    row: row.row,
  };
}

/** The typed workbook (never throws; unusable cells become null and are skipped where needed). */
export function extractPestel(workbook: ParsedWorkbook): PestelWorkbook {
  const town = parsedForm(workbook, SHEET.town);
  const themes = parsedTable(workbook, SHEET.themes);
  return {
    file: workbook.fileName,
    town: asText(town?.values["name"]) ?? fileStem(workbook.fileName),
    threshold: effectiveThreshold(town?.values["threshold"]),
    thresholdUsable: isUsableThreshold(town?.values["threshold"]),
    themes: (themes?.rows ?? []).map(themeOf),
    themesSheet: themes?.sheetName ?? "",
    columns: themes?.columns ?? new Map(),
  };
}

/** The town named in the workbook's own „Name der Kommune“, if any. */
export function townOfPestel(workbook: ParsedWorkbook): string | undefined {
  return asText(parsedForm(workbook, SHEET.town)?.values["name"]) ?? undefined;
}

// --- checks ------------------------------------------------------------------------------------

/** A problem with a typed measure id as a named finding. */
function measureFinding(problem: MeasureIdProblem, typed: string): PestelFinding {
  switch (problem.kind) {
    case "unknown":
      return /^[1-4]$/.test(problem.id)
        ? { code: "pestel.measureIsActionField", params: { typed, id: problem.id } }
        : { code: "pestel.unknownMeasure", params: { typed, id: problem.id } };
    case "decimalComma":
      return {
        code: "pestel.measureDecimalComma",
        params: { typed, text: problem.text, suggestion: problem.suggestion },
      };
    case "date":
      return { code: "pestel.measureAsDate", params: { typed, text: problem.text, suggestion: problem.suggestion } };
  }
}

/** One of the matrix's own findings: a code and its facts. */
type PestelFinding = FindingOf<typeof PESTEL_FINDINGS>;

const normalisedTheme = (text: string): string => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The PESTEL matrix's own checks, each finding on its cell (codes: templates/pestel/findings.ts):
 * - every measure id must be in the catalogue (error; a decimal comma or an id Excel turned into a
 *   date is named as such);
 * - a measure of another field of action than the row's (warning; measure 0 fits every field);
 * - a hot spot without any measure (info: the working group still has to decide);
 * - the same theme twice for the same factor and element (warning);
 * - no town name (warning `town.nameMissing`, as in the task catalogue).
 */
export function checkPestel(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const file = workbook.fileName;
  const rule = (severity: Severity, sheet: string, cell: string | undefined, found: PestelFinding): void => {
    issues.push(createFinding(PESTEL_FINDINGS, severity, found.code, language, { file, sheet, cell }, found.params));
  };

  const town = parsedForm(workbook, SHEET.town);
  issues.push(...missingTownName(town, file, language));
  const threshold = effectiveThreshold(town?.values["threshold"]);

  const table = parsedTable(workbook, SHEET.themes);
  if (!table) return issues;
  const at = (key: string, row: number): string | undefined => {
    const column = table.columns.get(key);
    return column === undefined ? undefined : cellAddress(row, column);
  };
  const firstTheme = new Map<string, string>();
  for (const row of table.rows) {
    const theme = themeOf(row);
    const measuresCell = at("measures", row.row);
    const typed = asText(row.values["measures"]);
    if (typed !== null) {
      for (const problem of parseMeasureIds(typed, knownMeasure).problems) {
        rule("error", table.sheetName, measuresCell, measureFinding(problem, typed));
      }
    }
    if (theme.actionField !== null) {
      for (const id of theme.measures) {
        const field = findMeasure(id)?.field ?? null;
        if (field === null || field === theme.actionField) continue;
        rule("warning", table.sheetName, measuresCell, {
          code: "pestel.measureOfOtherField",
          params: { id, field, rowField: theme.actionField },
        });
      }
    }
    const score = scoreTheme(theme.impact, theme.room);
    if (isHotSpot(score, threshold) && typed === null) {
      rule("info", table.sheetName, measuresCell, {
        code: "pestel.hotSpotWithoutMeasure",
        params: { theme: theme.theme, score: score ?? 0 },
      });
    }
    if (theme.theme !== "" && theme.factor !== null && theme.element !== null) {
      const key = `${theme.factor}|${theme.element}|${normalisedTheme(theme.theme)}`;
      const cell = at("theme", row.row);
      const first = firstTheme.get(key);
      if (first === undefined) {
        if (cell !== undefined) firstTheme.set(key, cell);
      } else {
        rule("warning", table.sheetName, cell, {
          code: "pestel.duplicateTheme",
          params: { theme: theme.theme, first: `${table.sheetName}!${first}` },
        });
      }
    }
  }
  return issues;
}

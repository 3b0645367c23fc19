import { cellAddress } from "../../lib/cells/address.js";
import { formatNumberFor, renderTerm } from "../../lib/messages/terms.js";
import type { RoadmapTown } from "../../lib/roadmap/buildRoadmap.js";
import {
  CLASS_THRESHOLD_RANGE,
  scoreTasks,
  thresholdProblem,
  type ClassThresholds,
  type PriorityClass,
} from "../../lib/scoring/scoreTasks.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { parsedForm, parsedTable, type ParsedForm, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { isFrameworkCode } from "../reference/productFramework.js";
import { CRITERIA, DEFAULT_THRESHOLDS, type CriterionKey } from "./criteria.js";
import { SHEET, taskCatalogueSpec } from "./spec.js";
import { fileStem, missingTownName } from "../common/townName.js";

/** One task row of a town, typed. */
export interface CatalogueTask {
  readonly code: string;
  readonly name: string;
  readonly taskKind: string | null;
  readonly unit: string | null;
  readonly annualCost: number | null;
  /** Criterion values by criterion key (null = empty cell). */
  readonly values: Readonly<Record<CriterionKey, number | null>>;
  /** Sheet row of the task. */
  readonly row: number;
}

export interface TaskCatalogue {
  readonly file: string;
  readonly town: string;
  readonly population: number | null;
  readonly weights: Readonly<Record<CriterionKey, number>>;
  readonly thresholds: ClassThresholds;
  readonly tasks: readonly CatalogueTask[];
  /** Sheet name and column letters used to point at result cells. */
  readonly tasksSheet: string;
  readonly resultColumns: { readonly score: number; readonly rank: number; readonly class: number };
}

export interface TaskPriorityResult {
  readonly code: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly class: PriorityClass;
  /** The sheet cell holding the score, e.g. `Aufgaben!O7`. */
  readonly cell: string;
}

export interface Priorities {
  readonly town: string;
  readonly tasks: readonly TaskPriorityResult[];
}

const PRODUCT_CODE = /^\d{2,8}$/;

/** `/pfad/zu/bockau.xlsx` → `bockau`: the stand-in name of a town that did not enter one. */
const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);
const asText = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * The task catalogue's own checks: product codes well-formed, unique and known (unknown codes
 * are the town's own and only flagged), at least one weight above 0, thresholds not typed as
 * percentages and in order.
 */
export function checkTaskCatalogue(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const file = workbook.fileName;
  const tasks = parsedTable(workbook, SHEET.tasks);
  if (tasks) {
    const codeColumn = tasks.columns.get("code");
    const firstSeen = new Map<string, string>();
    for (const row of tasks.rows) {
      const code = row.values["code"];
      if (typeof code !== "string" || codeColumn === undefined) continue;
      const cell = cellAddress(row.row, codeColumn);
      const where = { file, sheet: tasks.sheetName, cell };
      if (!PRODUCT_CODE.test(code)) {
        issues.push(
          createIssue("error", "task.invalidCode", language, where, {
            value: code,
            expected: renderTerm("expectProductCode", language),
            received: renderTerm("kindText", language, { value: code }),
          }),
        );
        continue;
      }
      const first = firstSeen.get(code);
      if (first !== undefined) {
        issues.push(
          createIssue("error", "task.duplicateCode", language, where, {
            value: code,
            other: `${tasks.sheetName}!${first}`,
            expected: renderTerm("expectUniqueCode", language),
            received: code,
          }),
        );
      } else {
        firstSeen.set(code, cell);
      }
      if (!isFrameworkCode(code)) {
        issues.push(
          createIssue("warning", "task.unknownCode", language, where, {
            value: code,
            expected: renderTerm("expectFrameworkCode", language),
            received: code,
          }),
        );
      }
    }
    if (tasks.rows.length === 0) {
      issues.push(createIssue("warning", "task.noTasks", language, { file, sheet: tasks.sheetName }));
    }
  }
  const criteria = parsedTable(workbook, SHEET.criteria);
  if (criteria) {
    const weights = criteria.rows.map((r) => r.values["weight"]);
    const allPresent = weights.every((w) => typeof w === "number");
    if (allPresent && weights.every((w) => w === 0)) {
      const column = criteria.columns.get("weight") ?? 3;
      issues.push(
        createIssue(
          "error",
          "criteria.allWeightsZero",
          language,
          {
            file,
            sheet: criteria.sheetName,
            cell: `${cellAddress(criteria.headerRow + 1, column)}:${cellAddress(criteria.headerRow + weights.length, column)}`,
          },
          { expected: renderTerm("expectPositiveWeight", language), received: "0" },
        ),
      );
    }
  }
  const town = parsedForm(workbook, SHEET.town);
  issues.push(...missingTownName(town, file, language));
  if (town) issues.push(...checkThresholds(town, file, language));
  return issues;
}

/**
 * The class thresholds' own rule (see `thresholdProblem` in lib/scoring): a threshold stored as a
 * fraction between 0 and 1 is a percentage typed where points were meant („66 %“ for 66) and is
 * refused at its cell, as the sheet refuses to show classes with it; A must be above B. Empty,
 * text and values outside 0–100 the reader reports already.
 */
function checkThresholds(town: ParsedForm, file: string, language: Language): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let percent = false;
  for (const key of ["classAThreshold", "classBThreshold"] as const) {
    const value = asNumber(town.values[key]);
    if (value === null || thresholdProblem(value) !== "percent") continue;
    percent = true;
    const field = taskCatalogueSpec.sheets.find((s) => s.key === SHEET.town);
    const label = field?.kind === "form" ? (field.fields.find((f) => f.key === key)?.label[language] ?? key) : key;
    const points = formatNumberFor(Math.round(value * 100 * 1e6) / 1e6, language);
    issues.push(
      createIssue(
        "error",
        "settings.thresholdAsPercent",
        language,
        { file, sheet: town.sheetName, ...(town.cells[key] === undefined ? {} : { cell: town.cells[key] }) },
        {
          column: label,
          value: points,
          expected: `${renderTerm("expectNumber", language, { min: CLASS_THRESHOLD_RANGE.min, max: CLASS_THRESHOLD_RANGE.max })} (${language === "de" ? "Punkte, z. B." : "points, e.g."} ${points})`,
          received: `„${points} %“`,
        },
      ),
    );
  }
  const a = asNumber(town.values["classAThreshold"]);
  const b = asNumber(town.values["classBThreshold"]);
  if (!percent && a !== null && b !== null && a <= b) {
    issues.push(
      createIssue(
        "error",
        "settings.thresholdOrder",
        language,
        {
          file,
          sheet: town.sheetName,
          ...(town.cells["classAThreshold"] === undefined ? {} : { cell: town.cells["classAThreshold"] }),
        },
        { expected: renderTerm("expectThresholdOrder", language), received: `A = ${a}, B = ${b}` },
      ),
    );
  }
  return issues;
}

/** The typed catalogue of a validated workbook (call only when validation found no errors). */
export function extractTaskCatalogue(workbook: ParsedWorkbook): TaskCatalogue {
  const town = parsedForm(workbook, SHEET.town);
  const tasks = parsedTable(workbook, SHEET.tasks);
  const criteria = parsedTable(workbook, SHEET.criteria);
  const weights = {} as Record<CriterionKey, number>;
  CRITERIA.forEach((c, index) => {
    weights[c.key] = asNumber(criteria?.rows[index]?.values["weight"]) ?? 0;
  });
  const seen = new Set<string>();
  const rows: CatalogueTask[] = [];
  for (const row of tasks?.rows ?? []) {
    const code = asText(row.values["code"]);
    if (code === null || seen.has(code)) continue;
    seen.add(code);
    const values = {} as Record<CriterionKey, number | null>;
    for (const c of CRITERIA) values[c.key] = asNumber(row.values[c.key]);
    rows.push({
      code,
      name: asText(row.values["name"]) ?? "",
      taskKind: asText(row.values["taskKind"]),
      unit: asText(row.values["unit"]),
      annualCost: asNumber(row.values["annualCost"]),
      values,
      row: row.row,
    });
  }
  const column = (key: string, fallback: number) => tasks?.columns.get(key) ?? fallback;
  return {
    file: workbook.fileName,
    town: asText(town?.values["name"]) ?? fileStem(workbook.fileName),
    population: asNumber(town?.values["population"]),
    weights,
    thresholds: {
      classA: asNumber(town?.values["classAThreshold"]) ?? DEFAULT_THRESHOLDS.classA,
      classB: asNumber(town?.values["classBThreshold"]) ?? DEFAULT_THRESHOLDS.classB,
    },
    tasks: rows,
    tasksSheet: tasks?.sheetName ?? "",
    resultColumns: { score: column("score", 15), rank: column("rank", 16), class: column("class", 17) },
  };
}

/** Scores, ranks and classes of a town's tasks, each pointing at its score cell. */
export function computePriorities(catalogue: TaskCatalogue): Priorities {
  const criteria = CRITERIA.map((c) => ({ key: c.key, kind: c.kind, weight: catalogue.weights[c.key] }));
  // a row without any figure or rating (annual cost included) is not scored: the sheet leaves its
  // score, rank and class empty (the spec's `numberInputs`)
  const rated = catalogue.tasks.filter(
    (task) => task.annualCost !== null || CRITERIA.some((c) => task.values[c.key] !== null),
  );
  const scored = scoreTasks(rated, criteria, catalogue.thresholds);
  return {
    town: catalogue.town,
    tasks: scored.map((task) => ({
      code: task.code,
      name: task.name,
      score: task.score,
      rank: task.rank,
      class: task.class,
      cell: `${catalogue.tasksSheet}!${cellAddress(task.row, catalogue.resultColumns.score)}`,
    })),
  };
}

/** The town's tasks in the shape the roadmap takes. */
export function toRoadmapTown(catalogue: TaskCatalogue): RoadmapTown {
  const priorities = computePriorities(catalogue);
  // only the rated tasks have priorities: each finds its own figures by its (unique) code
  const byCode = new Map(catalogue.tasks.map((task) => [task.code, task] as const));
  return {
    town: catalogue.town,
    tasks: priorities.tasks.map((p) => ({
      code: p.code,
      name: p.name,
      score: p.score,
      rank: p.rank,
      class: p.class,
      specialisation: byCode.get(p.code)?.values.specialisation ?? null,
      needForAction: byCode.get(p.code)?.values.needForAction ?? null,
      fte: byCode.get(p.code)?.values.fte ?? null,
      casesPerYear: byCode.get(p.code)?.values.casesPerYear ?? null,
    })),
  };
}

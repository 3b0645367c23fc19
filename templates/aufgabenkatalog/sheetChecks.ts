/**
 * The task catalogue checks itself, without ikz-kit: the cells placed around the spec's own
 * (see {@link addPlannedCells}) —
 * - „Aufgaben“ row 3: one summary line (templates/common/selfChecks.ts), „✓ Alle Prüfungen
 *   bestanden“ or „✗ 2 Prüfungen nicht bestanden – siehe Aufgaben, Spalte Q · Kommune, Schwellen“:
 *   rows whose class cell shows their own „✗“, the thresholds, the weights, entries below the rows
 *   the formulas cover;
 * - „Kriterien“ row 3: whether the weights can be used;
 * - „Kommune“, next to each class threshold (in place of its hint): „✗“ and why, while the
 *   threshold cannot be used — empty, text, outside 0–100, typed as a percentage („66 %“ is
 *   stored as 0.66) or, for A, not above B.
 * The rules are the library's (lib/scoring `thresholdProblem`, the reader, `checkTaskCatalogue`).
 */
import { columnLetter, sheetReference } from "../../lib/cells/address.js";
import type { PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import { formulaContext, sheetLayout } from "../../lib/plan/resolveLayout.js";
import type { PlannedCell } from "../../lib/plan/WorkbookPlan.js";
import { CLASS_THRESHOLD_RANGE } from "../../lib/scoring/scoreTasks.js";
import type { ColumnSpec, Language, LocalizedText, SheetSpec } from "../../lib/spec/TemplateSpec.js";
import { addPlannedCells } from "../common/addPlannedCells.js";
import { entriesBelowFormula, selfCheckSummaryFormula } from "../common/selfChecks.js";
import { CHECK_MARK, PASS_MARK, countMarked, formulaText } from "../common/cellChecks.js";
import { CRITERIA } from "./criteria.js";
import {
  SHEET,
  THRESHOLDS_INVALID_TEXT,
  WEIGHTS_INVALID_TEXT,
  taskCatalogueSpec,
  thresholdValidFormula,
} from "./spec.js";

/** Row of the summary line on „Aufgaben“ and of the weights' check on „Kriterien“ (between description and header). */
export const CHECK_LINE_ROW = 3;
/** Column of a form field's hint, where a threshold's check stands. */
const HINT_COLUMN = 3;

const TEXT = {
  missing: { de: "fehlt: eine Punktzahl von 0 bis 100 eingeben", en: "missing: enter a score from 0 to 100" },
  notNumber: {
    de: "keine Zahl: eine Punktzahl von 0 bis 100 eingeben",
    en: "not a number: enter a score from 0 to 100",
  },
  range: {
    de: `nur ${CLASS_THRESHOLD_RANGE.min} bis ${CLASS_THRESHOLD_RANGE.max} Punkte`,
    en: `only ${CLASS_THRESHOLD_RANGE.min} to ${CLASS_THRESHOLD_RANGE.max} points`,
  },
  percentFound: { de: " %“ gefunden – Punkte gemeint? Bitte ", en: " %” found – points meant? Please type " },
  percentType: { de: " eingeben", en: "" },
  order: { de: "muss größer sein als die Schwelle für Klasse B", en: "must be above the class B threshold" },
  weightsText: {
    de: "Jedes Gewicht braucht eine Zahl (leer oder Text gefunden)",
    en: "Every weight needs a number (empty or text found)",
  },
  weightsNegative: { de: "Gewichte dürfen nicht kleiner als 0 sein", en: "Weights must not be below 0" },
  weightsZero: { de: "Mindestens ein Gewicht muss größer als 0 sein", en: "At least one weight must be above 0" },
  weightsOk: { de: "Gewichte in Ordnung", en: "Weights fine" },
} satisfies Record<string, LocalizedText>;

const mark = (text: string): string => formulaText(`${CHECK_MARK} ${text}`);

/**
 * The check shown next to a class threshold `cell` (in place of its hint `hint`): the hint while
 * the threshold is usable, else „✗“ and the reason. `other` is the class B threshold, when `cell`
 * is A's (A must be above B).
 */
export function thresholdCheckFormula(cell: string, hint: string, language: Language, other?: string): string {
  const t = (text: LocalizedText): string => text[language];
  const points = `ROUND(${cell}*100,6)`;
  const order =
    other === undefined
      ? formulaText(hint)
      : `IF(AND(${thresholdValidFormula(other)},${cell}<=${other}),${mark(t(TEXT.order))},${formulaText(hint)})`;
  return (
    `IF(${cell}="",${mark(t(TEXT.missing))},` +
    `IF(NOT(ISNUMBER(${cell})),${mark(t(TEXT.notNumber))},` +
    `IF(OR(${cell}<${CLASS_THRESHOLD_RANGE.min},${cell}>${CLASS_THRESHOLD_RANGE.max}),${mark(t(TEXT.range))},` +
    `IF(AND(${cell}>0,${cell}<1),${formulaText(`${CHECK_MARK} „`)}&${points}&${formulaText(t(TEXT.percentFound))}&${points}&${formulaText(t(TEXT.percentType))},` +
    `${order}))))`
  );
}

/** The weights' check line: „✓ Gewichte in Ordnung“, or „✗“ and the first rule they break. */
export function weightsCheckFormula(weights: string, language: Language): string {
  const t = (text: LocalizedText): string => text[language];
  return (
    `IF(COUNT(${weights})<${CRITERIA.length},${mark(t(TEXT.weightsText))},` +
    `IF(COUNTIF(${weights},"<0")>0,${mark(t(TEXT.weightsNegative))},` +
    `IF(SUM(${weights})<=0,${mark(t(TEXT.weightsZero))},${formulaText(`${PASS_MARK} ${t(TEXT.weightsOk)}`)})))`
  );
}

function hintOf(key: string, language: Language): string {
  const town: SheetSpec | undefined = taskCatalogueSpec.sheets.find((s) => s.key === SHEET.town);
  const field: ColumnSpec | undefined = town?.kind === "form" ? town.fields.find((f) => f.key === key) : undefined;
  return field?.hint?.[language] ?? "";
}

/** The task catalogue's plan with its self-checks placed (see the module comment). */
export function withTaskCatalogueChecks(planned: PlannedWorkbook): PlannedWorkbook {
  const { layout } = planned;
  const language = layout.language;
  const tasks = sheetLayout(layout, SHEET.tasks);
  const town = sheetLayout(layout, SHEET.town);
  const ctx = formulaContext(layout, SHEET.tasks, CHECK_LINE_ROW);
  const classes = ctx.columnRange("class");
  const lastColumn = columnLetter(Math.max(...tasks.columns.values()));
  const rowA = town.rowsByKey.get("classAThreshold") ?? 0;
  const rowB = town.rowsByKey.get("classBThreshold") ?? 0;
  const thresholdChecks = `${sheetReference(town.name)}!$${columnLetter(HINT_COLUMN)}$${Math.min(rowA, rowB)}:$${columnLetter(HINT_COLUMN)}$${Math.max(rowA, rowB)}`;
  const criteria = sheetLayout(layout, SHEET.criteria);
  const column = (letter: string) => (language === "de" ? `Spalte ${letter}` : `column ${letter}`);
  const classLetter = columnLetter(tasks.columns.get("class") ?? 1);
  // the rows' own problems (a class cell that shows the weights' or thresholds' ✗ is counted there)
  const rowProblems =
    `${countMarked(classes)}-COUNTIF(${classes},${formulaText(WEIGHTS_INVALID_TEXT[language])})` +
    `-COUNTIF(${classes},${formulaText(THRESHOLDS_INVALID_TEXT[language])})>0`;
  const summary = selfCheckSummaryFormula(
    [
      {
        failedWhen: rowProblems,
        where: { de: `${tasks.name}, ${column(classLetter)}`, en: `${tasks.name}, ${column(classLetter)}` },
      },
      { cells: thresholdChecks, where: { de: `${town.name}, Schwellen`, en: `${town.name}, thresholds` } },
      {
        cells: `${sheetReference(criteria.name)}!$A$${CHECK_LINE_ROW}`,
        where: { de: `${criteria.name}, Gewichte`, en: `${criteria.name}, weights` },
      },
      {
        failedWhen: entriesBelowFormula(
          `${sheetReference(tasks.name)}!$A$${tasks.lastDataRow + 1}:$${lastColumn}$${tasks.lastDataRow + 1}`,
        ),
        where: {
          de: `Einträge unterhalb Zeile ${tasks.lastDataRow} werden nicht berechnet`,
          en: `entries below row ${tasks.lastDataRow} are not computed`,
        },
      },
    ],
    language,
  );
  const weights = formulaContext(layout, SHEET.criteria, CHECK_LINE_ROW).columnRange("weight");
  const onTown = formulaContext(layout, SHEET.town, CHECK_LINE_ROW);
  const a = onTown.named(`${SHEET.town}.classAThreshold`);
  const b = onTown.named(`${SHEET.town}.classBThreshold`);
  const townCells = new Map<number, PlannedCell[]>();
  if (rowA > 0)
    townCells.set(rowA, [
      {
        column: HINT_COLUMN,
        formula: thresholdCheckFormula(a, hintOf("classAThreshold", language), language, b),
        style: "description",
      },
    ]);
  if (rowB > 0)
    townCells.set(rowB, [
      {
        column: HINT_COLUMN,
        formula: thresholdCheckFormula(b, hintOf("classBThreshold", language), language),
        style: "description",
      },
    ]);
  return addPlannedCells(planned, {
    [SHEET.tasks]: new Map([[CHECK_LINE_ROW, [{ column: 1, formula: summary, style: "label" as const }]]]),
    [SHEET.criteria]: new Map([
      [CHECK_LINE_ROW, [{ column: 1, formula: weightsCheckFormula(weights, language), style: "label" as const }]],
    ]),
    [SHEET.town]: townCells,
  });
}

import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import { formulaContext, sheetLayout } from "../../lib/plan/resolveLayout.js";
import type { ColumnSpec, Language, LocalizedText, SheetSpec } from "../../lib/spec/TemplateSpec.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { addPlannedCells } from "../common/addPlannedCells.js";
import { CHECK_MARK, formulaText } from "../common/cellChecks.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import { demoThemeRows } from "./demo.js";
import { starterThemeRows } from "./starterThemes.js";
import { SHEET, pestelSpec, thresholdUsableFormula } from "./spec.js";

export interface PestelPlanOptions {
  readonly language: Language;
  /** Name of the town, written on the town sheet (and the seed of its demo themes). */
  readonly town?: string;
  /** Fill illustrative themes (different for every town) so the matrix shows results at once. */
  readonly demo?: boolean;
  /**
   * Fill the starter themes drawn from the guideline (templates/pestel/starterThemes.ts), without
   * ratings, for the town to rate, prune and extend. Ignored with `demo`, which brings its own.
   */
  readonly starter?: boolean;
}

/**
 * Plans a PESTEL workbook: blank (the empty matrix and an empty long form, ready to fill), with
 * `starter` the guideline's starter themes still to be rated, or with `demo` invented themes for
 * the town (default: the first demo town).
 *
 * @example planPestel({ language: "de", town: "Bockau", demo: true }).plan
 * @example planPestel({ language: "de", starter: true }).plan
 */
export function planPestel(options: PestelPlanOptions): PlannedWorkbook {
  const town = options.town ?? (options.demo ? DEMO_TOWNS[0].name : undefined);
  const rows: RowValues[] = options.demo
    ? demoThemeRows(town ?? "", options.language)
    : options.starter
      ? starterThemeRows(options.language)
      : [];
  const townValues: RowValues = {
    ...(town === undefined ? {} : { name: town }),
    ...(options.demo ? { referenceDate: new Date(Date.UTC(2026, 2, 31)) } : {}),
  };
  return withPestelChecks(
    planWorkbook(pestelSpec, {
      language: options.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.themes]: rows },
      formValues: { [SHEET.town]: townValues },
    }),
  );
}

/** The planner of `ikz upgrade`: the current layout with the old workbook's values, and the self-checks. */
export function planPestelUpgrade(values: UpgradeValues): PlannedWorkbook {
  return withPestelChecks(
    planWorkbook(pestelSpec, {
      language: values.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: values.tableRows,
      formValues: values.formValues,
    }),
  );
}

const THRESHOLD_TEXT = {
  missing: { de: "fehlt: eine ganze Zahl von 1 bis 9 eingeben", en: "missing: enter a whole number from 1 to 9" },
  notNumber: {
    de: "keine Zahl: eine ganze Zahl von 1 bis 9 eingeben",
    en: "not a number: enter a whole number from 1 to 9",
  },
  percent: {
    de: " %“ gefunden – bitte eine ganze Zahl von 1 bis 9 eingeben",
    en: " %” found – please type a whole number from 1 to 9",
  },
  range: { de: "nur ganze Zahlen von 1 bis 9", en: "only whole numbers from 1 to 9" },
} satisfies Record<string, LocalizedText>;

/**
 * The check next to the hot-spot threshold `cell` (in place of its hint): the hint while the
 * threshold is a whole number 1–9, else „✗“ and why (a percentage such as „66 %“ is named as such).
 */
export function pestelThresholdCheckFormula(cell: string, hint: string, language: Language): string {
  const mark = (text: LocalizedText): string => formulaText(`${CHECK_MARK} ${text[language]}`);
  return (
    `IF(${cell}="",${mark(THRESHOLD_TEXT.missing)},` +
    `IF(NOT(ISNUMBER(${cell})),${mark(THRESHOLD_TEXT.notNumber)},` +
    `IF(AND(${cell}>0,${cell}<1),${formulaText(`${CHECK_MARK} „`)}&ROUND(${cell}*100,6)&${formulaText(THRESHOLD_TEXT.percent[language])},` +
    `IF(${thresholdUsableFormula(cell)},${formulaText(hint)},${mark(THRESHOLD_TEXT.range)}))))`
  );
}

/** The PESTEL plan with the threshold's check next to it (the matrix's summary line is part of its grid). */
export function withPestelChecks(planned: PlannedWorkbook): PlannedWorkbook {
  const { layout } = planned;
  const town = sheetLayout(layout, SHEET.town);
  const row = town.rowsByKey.get("threshold");
  if (row === undefined) return planned;
  const sheet: SheetSpec | undefined = pestelSpec.sheets.find((s) => s.key === SHEET.town);
  const field: ColumnSpec | undefined =
    sheet?.kind === "form" ? sheet.fields.find((f) => f.key === "threshold") : undefined;
  const cell = formulaContext(layout, SHEET.town, row).named(`${SHEET.town}.threshold`);
  const formula = pestelThresholdCheckFormula(cell, field?.hint?.[layout.language] ?? "", layout.language);
  return addPlannedCells(planned, {
    [SHEET.town]: new Map([[row, [{ column: 3, formula, style: "description" as const }]]]),
  });
}

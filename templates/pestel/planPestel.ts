import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import { demoThemeRows } from "./demo.js";
import { SHEET, pestelSpec } from "./spec.js";

export interface PestelPlanOptions {
  readonly language: Language;
  /** Name of the town, written on the town sheet (and the seed of its demo themes). */
  readonly town?: string;
  /** Fill illustrative themes (different for every town) so the matrix shows results at once. */
  readonly demo?: boolean;
}

/**
 * Plans a PESTEL workbook: blank (the empty matrix and an empty long form, ready to fill) or, with
 * `demo`, with invented themes for the town (default: the first demo town).
 *
 * @example planPestel({ language: "de", town: "Bockau", demo: true }).plan
 */
export function planPestel(options: PestelPlanOptions): PlannedWorkbook {
  const town = options.town ?? (options.demo ? DEMO_TOWNS[0].name : undefined);
  const rows: RowValues[] = options.demo ? demoThemeRows(town ?? "", options.language) : [];
  const townValues: RowValues = {
    ...(town === undefined ? {} : { name: town }),
    ...(options.demo ? { referenceDate: new Date(Date.UTC(2026, 2, 31)) } : {}),
  };
  return planWorkbook(pestelSpec, {
    language: options.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.themes]: rows },
    formValues: { [SHEET.town]: townValues },
  });
}

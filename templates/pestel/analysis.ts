/**
 * The analysis of one or several towns' PESTEL workbooks (`ikz analyse`, the pane): the hot spots
 * ranked across towns, per field of action the linked measures and themes, the matrix fields hot
 * in several towns, and each town's matrix. The result is plain JSON; `plan` turns it into a
 * formatted workbook of values (planAnalysisWorkbook.ts).
 */
import { qualifiedAddress, cellAddress } from "../../lib/cells/address.js";
import { computeMatrix, type PestelMatrix } from "../../lib/pestel/computeMatrix.js";
import { findSharedHotCells, type SharedHotCell } from "../../lib/pestel/findSharedHotCells.js";
import { groupByActionField } from "../../lib/pestel/groupByActionField.js";
import type { ActionField, InnerElement, PestelFactor, PestelTheme, ScoredTheme } from "../../lib/pestel/model.js";
import { compareHotSpots } from "../../lib/pestel/rankHotSpots.js";
import { scoreThemes } from "../../lib/pestel/scoreTheme.js";
import { countNoun } from "../../lib/messages/plural.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { AnalysisSource, TemplateAnalysis } from "../analysis.js";
import { MEASURES } from "../reference/measures.js";
import { planAnalysisWorkbook } from "./planAnalysisWorkbook.js";
import { extractPestel, townOfPestel } from "./checks.js";
import { fieldName } from "./terms.js";

/** A theme of one town, with where it stands. */
export interface AnalysedTheme {
  readonly town: string;
  /** `Themen!C7`: the theme's cell in its town's workbook. */
  readonly cell: string;
  readonly factor: PestelFactor | null;
  readonly element: InnerElement | null;
  readonly theme: string;
  readonly impact: number | null;
  readonly room: number | null;
  readonly score: number | null;
  readonly hot: boolean;
  readonly actionField: ActionField | null;
  readonly measures: readonly string[];
  readonly owner: string | null;
  readonly reviewDate: string | null;
}

export interface AnalysedMeasure {
  readonly id: string;
  /** Title in the analysis language. */
  readonly title: string;
  /** Themes linking the measure (all towns), ranked. */
  readonly themes: readonly AnalysedTheme[];
  readonly hotSpots: number;
  /** Towns with at least one theme linking the measure, in the towns' order. */
  readonly towns: readonly string[];
}

export interface AnalysedActionField {
  /** 1–4, or null for measure 0 and the themes without any field. */
  readonly field: ActionField | null;
  readonly themes: readonly AnalysedTheme[];
  readonly measures: readonly AnalysedMeasure[];
}

export interface AnalysedTown {
  readonly town: string;
  readonly file: string;
  readonly threshold: number;
  readonly themeCount: number;
  readonly hotSpotCount: number;
  readonly matrix: PestelMatrix;
}

export interface PestelAnalysisResult {
  readonly towns: readonly AnalysedTown[];
  /** Every hot spot of every town, ranked (equal ones in the towns' order). */
  readonly hotSpots: readonly AnalysedTheme[];
  readonly actionFields: readonly AnalysedActionField[];
  /** Matrix fields hot in at least two towns. */
  readonly shared: readonly SharedHotCell[];
}

type TownTheme = PestelTheme & { readonly town: string; readonly cell: string };

const publicTheme = (theme: ScoredTheme<TownTheme>): AnalysedTheme => ({
  town: theme.town,
  cell: theme.cell,
  factor: theme.factor,
  element: theme.element,
  theme: theme.theme,
  impact: theme.impact,
  room: theme.room,
  score: theme.score,
  hot: theme.hot,
  actionField: theme.actionField,
  measures: theme.measures,
  owner: theme.owner,
  reviewDate: theme.reviewDate,
});

/**
 * Analyses validated PESTEL workbooks (one per town, in the order given).
 * @example analysePestel([{ workbook, town: "Bockau" }], "de").hotSpots[0]?.theme
 */
export function analysePestel(sources: readonly AnalysisSource[], language: Language): PestelAnalysisResult {
  const towns: AnalysedTown[] = [];
  const all: ScoredTheme<TownTheme>[] = [];
  for (const source of sources) {
    const workbook = extractPestel(source.workbook);
    const themeColumn = workbook.columns.get("theme") ?? 3;
    const scored = scoreThemes(
      workbook.themes.map((theme): TownTheme => ({
        ...theme,
        town: source.town,
        cell: qualifiedAddress(workbook.themesSheet, cellAddress(theme.row, themeColumn)),
      })),
      workbook.threshold,
    );
    all.push(...scored);
    towns.push({
      town: source.town,
      file: source.workbook.fileName,
      threshold: workbook.threshold,
      themeCount: scored.length,
      hotSpotCount: scored.filter((theme) => theme.hot).length,
      matrix: computeMatrix(workbook.themes, workbook.threshold),
    });
  }
  const hotSpots = all
    .filter((theme) => theme.hot)
    .sort(compareHotSpots)
    .map(publicTheme);
  const actionFields = groupByActionField(all, MEASURES).map((group): AnalysedActionField => ({
    field: group.field,
    themes: group.themes.map(publicTheme),
    measures: group.measures.map((linked) => ({
      id: linked.measure.id,
      title: linked.measure.title[language],
      themes: linked.themes.map(publicTheme),
      hotSpots: linked.hotSpots,
      towns: towns.map((t) => t.town).filter((town) => linked.themes.some((theme) => theme.town === town)),
    })),
  }));
  const shared = findSharedHotCells(towns.map((t) => ({ town: t.town, matrix: t.matrix })));
  return { towns, hotSpots, actionFields, shared };
}

/** The headline figures, German or English. */
export function summarisePestel(result: PestelAnalysisResult, language: Language): string[] {
  const de = language === "de";
  const themes = result.towns.reduce((sum, town) => sum + town.themeCount, 0);
  const lines = [
    de
      ? `PESTEL-Auswertung: ${countNoun(result.towns.length, "Kommune", "Kommunen", "de")}, ${countNoun(themes, "Thema", "Themen", "de")}, ${countNoun(result.hotSpots.length, "Brennpunkt", "Brennpunkte", "de")}.`
      : `PESTEL analysis: ${countNoun(result.towns.length, "town", "towns", "en")}, ${countNoun(themes, "theme", "themes", "en")}, ${countNoun(result.hotSpots.length, "hot spot", "hot spots", "en")}.`,
  ];
  const top = result.hotSpots[0];
  if (top) {
    lines.push(
      de
        ? `Stärkster Brennpunkt: ${top.town} – ${fieldName(top.factor, top.element, language)}: „${top.theme}“ (${countNoun(top.score ?? 0, "Punkt", "Punkte", "de")}).`
        : `Strongest hot spot: ${top.town} – ${fieldName(top.factor, top.element, language)}: “${top.theme}” (score ${top.score ?? 0}).`,
    );
  }
  const first = result.shared[0];
  if (result.towns.length > 1) {
    lines.push(
      first
        ? de
          ? `In mehreren Kommunen heiß: ${countNoun(result.shared.length, "Feld", "Felder", "de")}, zuerst ${fieldName(first.factor, first.element, language)} (${countNoun(first.towns.length, "Kommune", "Kommunen", "de")}).`
          : `Hot in several towns: ${countNoun(result.shared.length, "field", "fields", "en")}, first ${fieldName(first.factor, first.element, language)} (${countNoun(first.towns.length, "town", "towns", "en")}).`
        : de
          ? "Kein Feld der Matrix ist in mehr als einer Kommune heiß."
          : "No field of the matrix is hot in more than one town.",
    );
  }
  const measures = result.actionFields.flatMap((group) => group.measures);
  const most = [...measures].sort((a, b) => b.themes.length - a.themes.length)[0];
  if (most) {
    lines.push(
      de
        ? `Verknüpfte Maßnahmen: ${measures.length}; am häufigsten ${most.id} „${most.title}“ (${countNoun(most.themes.length, "Thema", "Themen", "de")}).`
        : `Linked measures: ${measures.length}; most often ${most.id} “${most.title}” (${countNoun(most.themes.length, "theme", "themes", "en")}).`,
    );
  }
  const withoutMeasure = result.hotSpots.filter((theme) => theme.measures.length === 0).length;
  if (withoutMeasure > 0) {
    lines.push(
      de ? `Brennpunkte ohne Maßnahme: ${withoutMeasure}.` : `Hot spots without a measure: ${withoutMeasure}.`,
    );
  }
  return lines;
}

export const pestelAnalysis: TemplateAnalysis<PestelAnalysisResult> = {
  analyse: analysePestel,
  plan: (result, language) => planAnalysisWorkbook(result, language),
  summary: summarisePestel,
  townOf: townOfPestel,
};

/**
 * The PESTEL analysis as a workbook of values (no formulas; every text from a town's workbook is
 * written as a value): the ranked hot spots, the fields of action with their measures, the fields
 * hot in several towns, an overview matrix of the group (heat map of towns with a hot spot) and
 * the workbooks read. Planned through the common planner as a spec of grid sheets.
 */
import { columnLetter } from "../../lib/cells/address.js";
import { dateToSerial } from "../../lib/cells/serialDates.js";
import { countNoun } from "../../lib/messages/plural.js";
import { INNER_ELEMENTS, PESTEL_FACTORS } from "../../lib/pestel/model.js";
import { planSheetHead } from "../../lib/plan/planSheetHead.js";
import { planWorkbook, type PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type {
  ColorScaleSpec,
  GridCell,
  GridContent,
  GridSheetSpec,
  Language,
  LocalizedText,
  TemplateSpec,
} from "../../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import type { AnalysedTheme, PestelAnalysisResult } from "./analysis.js";
import { ELEMENT_LABELS, FACTOR_LABELS, HOT_SPOT_TEXT, actionFieldName } from "./terms.js";

/** Id and version the result workbook's metadata sheet carries. */
export const PESTEL_ANALYSIS_ID = "pestel-auswertung";
const HEADER_ROW = 4;

const TEXT = {
  title: { de: "PESTEL-Auswertung", en: "PESTEL analysis" },
  hotSheet: { de: "Brennpunkte", en: "Hot spots" },
  hotTitle: { de: "Brennpunkte aller Kommunen", en: "Hot spots of all towns" },
  hotNote: {
    de: "Geordnet nach Punkten, Einfluss, Faktor, Element und Thema; jede Kommune mit ihrer eigenen Schwelle.",
    en: "Ordered by score, impact, factor, element and theme; each town with its own threshold.",
  },
  none: { de: "Keine Brennpunkte.", en: "No hot spots." },
  fieldsSheet: { de: "Handlungsfelder", en: "Fields of action" },
  fieldsTitle: { de: "Vom Brennpunkt zur Maßnahme", en: "From hot spot to measure" },
  fieldsNote: {
    de: "Je Handlungsfeld zuerst seine Maßnahmen mit den Themen, die sie nennen, danach die Themen des Handlungsfelds, die noch keine seiner Maßnahmen nennen. Ein Thema gehört zu dem Handlungsfeld, das seine Zeile nennt, sonst zu dem seiner Maßnahmen.",
    en: "For each field of action first its measures with the themes that name them, then the field's themes that name none of its measures yet. A theme belongs to the field of action its row names, otherwise to that of its measures.",
  },
  noMeasure: { de: "(keine Maßnahme dieses Handlungsfelds)", en: "(no measure of this field)" },
  sharedSheet: { de: "Gemeinsame Felder", en: "Shared fields" },
  sharedTitle: { de: "In mehreren Kommunen heiß", en: "Hot in several towns" },
  sharedNote: {
    de: "Felder der Matrix mit einem Brennpunkt in mindestens zwei Kommunen: Kandidaten für gemeinsames Vorgehen.",
    en: "Fields of the matrix with a hot spot in at least two towns: candidates for working together.",
  },
  noShared: { de: "Kein Feld ist in mehr als einer Kommune heiß.", en: "No field is hot in more than one town." },
  overviewSheet: { de: "Übersicht", en: "Overview" },
  overviewTitle: { de: "Matrix des Verbunds", en: "The group's matrix" },
  overviewNote: {
    de: "Je Feld: Themen aller Kommunen und Anzahl der Kommunen mit Brennpunkt (Farbe: 0 weiß bis alle Kommunen rot).",
    en: "Per field: themes of all towns and the number of towns with a hot spot (colour: 0 white to all towns red).",
  },
  townsHot: { de: "Kommunen mit Brennpunkt", en: "Towns with a hot spot" },
  sourcesSheet: { de: "Quellen", en: "Sources" },
  sourcesTitle: { de: "Eingelesene Arbeitsmappen", en: "Workbooks read" },
  no: { de: "Nr.", en: "No." },
  town: { de: "Kommune", en: "Town" },
  factor: { de: "Faktor", en: "Factor" },
  element: { de: "Element", en: "Element" },
  theme: { de: "Thema", en: "Theme" },
  themes: { de: "Themen", en: "Themes" },
  impact: { de: "Einfluss", en: "Impact" },
  room: { de: "Spielraum", en: "Room" },
  score: { de: "Punkte", en: "Score" },
  field: { de: "Handlungsfeld", en: "Field of action" },
  measures: { de: "Maßnahmen", en: "Measures" },
  measure: { de: "Maßnahme", en: "Measure" },
  owner: { de: "Verantwortlich", en: "Owner" },
  review: { de: "Wiedervorlage", en: "Review date" },
  cell: { de: "Zelle", en: "Cell" },
  townCount: { de: "Anzahl Kommunen", en: "Number of towns" },
  highest: { de: "Höchste Punkte", en: "Highest score" },
  file: { de: "Datei", en: "File" },
  threshold: { de: "Schwelle", en: "Threshold" },
} satisfies Record<string, LocalizedText>;

interface Row {
  row: number;
  cells: GridCell[];
  height?: number;
}

function sheetHead(title: string, note: string, headers: readonly string[], rows: Row[]): void {
  rows.push(...planSheetHead({ title, description: note, headers, headerRow: HEADER_ROW, headerHeight: 32 }));
}

/** A value cell; empty values make an empty (styled) cell. */
function value(
  column: number,
  content: string | number | null,
  numberFormat?: string,
  align?: GridCell["align"],
): GridCell {
  return {
    column,
    style: "computed",
    ...(content === null || content === "" ? {} : { value: content }),
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(align === undefined ? {} : { align }),
  };
}

const gridSheet = (
  key: string,
  name: LocalizedText,
  title: LocalizedText,
  build: () => GridContent,
  landscape = true,
): GridSheetSpec => ({
  kind: "grid",
  key,
  name,
  title,
  landscape,
  build,
});

function hotSpotsSheet(result: PestelAnalysisResult, language: Language): GridContent {
  const t = (text: LocalizedText): string => text[language];
  const rows: Row[] = [];
  const headers = [
    TEXT.no,
    TEXT.town,
    TEXT.factor,
    TEXT.element,
    TEXT.theme,
    TEXT.impact,
    TEXT.room,
    TEXT.score,
    TEXT.field,
    TEXT.measures,
    TEXT.owner,
    TEXT.review,
    TEXT.cell,
  ].map(t);
  sheetHead(t(TEXT.hotTitle), t(TEXT.hotNote), headers, rows);
  const dateFormat = language === "de" ? "dd.mm.yyyy" : "yyyy-mm-dd";
  result.hotSpots.forEach((theme, index) => {
    const review = theme.reviewDate === null ? null : dateToSerial(new Date(`${theme.reviewDate}T00:00:00Z`));
    rows.push({
      row: HEADER_ROW + 1 + index,
      cells: [
        value(1, index + 1, "0", "center"),
        value(2, theme.town),
        value(3, theme.factor === null ? null : FACTOR_LABELS[theme.factor][language]),
        value(4, theme.element === null ? null : ELEMENT_LABELS[theme.element][language]),
        value(5, theme.theme),
        value(6, theme.impact, "0", "center"),
        value(7, theme.room, "0", "center"),
        value(8, theme.score, "0", "center"),
        value(9, theme.actionField === null ? null : actionFieldName(theme.actionField, language)),
        value(10, theme.measures.join(", "), "@"),
        value(11, theme.owner),
        value(12, review, dateFormat, "center"),
        value(13, theme.cell),
      ],
    });
  });
  if (result.hotSpots.length === 0)
    rows.push({ row: HEADER_ROW + 1, cells: [{ column: 2, value: t(TEXT.none), style: "label" }] });
  return {
    columnWidths: [5, 16, 15, 34, 62, 9, 10, 8, 40, 12, 18, 14, 14],
    rows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

function actionFieldsSheet(result: PestelAnalysisResult, language: Language): GridContent {
  const t = (text: LocalizedText): string => text[language];
  const rows: Row[] = [];
  const headers = [TEXT.field, TEXT.no, TEXT.measure, TEXT.town, TEXT.theme, TEXT.score, TEXT.hotSheet].map(t);
  sheetHead(t(TEXT.fieldsTitle), t(TEXT.fieldsNote), headers, rows);
  let row = HEADER_ROW + 1;
  const themeCells = (theme: AnalysedTheme): GridCell[] => [
    value(4, theme.town),
    value(5, theme.theme),
    value(6, theme.score, "0", "center"),
    value(7, theme.hot ? HOT_SPOT_TEXT[language] : null, undefined, "center"),
  ];
  for (const group of result.actionFields) {
    if (group.field === null && group.themes.length === 0 && group.measures.length === 0) continue;
    const hot = group.themes.filter((theme) => theme.hot).length;
    rows.push({
      row: row++,
      cells: [
        { column: 1, value: actionFieldName(group.field, language), style: "label" },
        {
          column: 3,
          value: fieldCounts(group.themes.length, hot, language),
          style: "description",
        },
      ],
    });
    const linked = new Set<AnalysedTheme>();
    for (const measure of group.measures) {
      for (const theme of measure.themes) {
        linked.add(theme);
        rows.push({
          row: row++,
          cells: [value(1, null), value(2, measure.id, "@", "center"), value(3, measure.title), ...themeCells(theme)],
        });
      }
    }
    // the group's themes that link no measure of this field
    const byCell = new Set([...linked].map((theme) => `${theme.town}|${theme.cell}`));
    for (const theme of group.themes) {
      if (byCell.has(`${theme.town}|${theme.cell}`)) continue;
      rows.push({
        row: row++,
        cells: [value(1, null), value(2, null), value(3, t(TEXT.noMeasure)), ...themeCells(theme)],
      });
    }
  }
  return {
    columnWidths: [40, 6, 60, 16, 62, 8, 12],
    rows,
    highlights: [
      {
        range: `G${HEADER_ROW + 1}:G${Math.max(row, HEADER_ROW + 1)}`,
        equals: HOT_SPOT_TEXT[language],
        fill: "neutral",
      },
    ],
    frozen: { rows: HEADER_ROW, columns: 0 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

function sharedSheet(result: PestelAnalysisResult, language: Language): GridContent {
  const t = (text: LocalizedText): string => text[language];
  const rows: Row[] = [];
  sheetHead(
    t(TEXT.sharedTitle),
    t(TEXT.sharedNote),
    [TEXT.factor, TEXT.element, TEXT.townCount, TEXT.town, TEXT.highest, TEXT.hotSheet].map(t),
    rows,
  );
  let row = HEADER_ROW + 1;
  for (const cell of result.shared) {
    cell.towns.forEach((town, index) => {
      const first = index === 0;
      rows.push({
        row: row++,
        cells: [
          value(1, first ? FACTOR_LABELS[cell.factor][language] : null),
          value(2, first ? ELEMENT_LABELS[cell.element][language] : null),
          value(3, first ? cell.towns.length : null, "0", "center"),
          value(4, town.town),
          value(5, town.maxScore, "0", "center"),
          value(6, town.hotSpots, "0", "center"),
        ],
      });
    });
  }
  if (result.shared.length === 0)
    rows.push({ row: HEADER_ROW + 1, cells: [{ column: 1, value: t(TEXT.noShared), style: "label" }] });
  return {
    columnWidths: [18, 36, 12, 18, 12, 12],
    rows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

function overviewSheet(result: PestelAnalysisResult, language: Language): GridContent {
  const t = (text: LocalizedText): string => text[language];
  const rows: Row[] = [];
  rows.push({ row: 1, cells: [{ column: 1, value: t(TEXT.overviewTitle), style: "title" }], height: 24 });
  rows.push({ row: 2, cells: [{ column: 1, value: t(TEXT.overviewNote), style: "description" }] });
  const column = (element: number, part: 0 | 1): number => 2 + element * 2 + part;
  const header: GridCell[] = [{ column: 1, style: "header" }];
  const sub: GridCell[] = [{ column: 1, style: "header" }];
  const merges = [`A${HEADER_ROW}:A${HEADER_ROW + 1}`];
  INNER_ELEMENTS.forEach((element, index) => {
    header.push(
      { column: column(index, 0), value: ELEMENT_LABELS[element][language], style: "header", align: "center" },
      { column: column(index, 1), style: "header" },
    );
    merges.push(`${columnLetter(column(index, 0))}${HEADER_ROW}:${columnLetter(column(index, 1))}${HEADER_ROW}`);
    sub.push(
      { column: column(index, 0), value: t(TEXT.themes), style: "header", align: "center" },
      { column: column(index, 1), value: t(TEXT.townsHot), style: "header", align: "center" },
    );
  });
  rows.push({ row: HEADER_ROW, cells: header, height: 32 }, { row: HEADER_ROW + 1, cells: sub, height: 32 });
  PESTEL_FACTORS.forEach((factor, factorIndex) => {
    const cells: GridCell[] = [{ column: 1, value: FACTOR_LABELS[factor][language], style: "header" }];
    INNER_ELEMENTS.forEach((element, elementIndex) => {
      const inTowns = result.towns.map((town) =>
        town.matrix.cells.find((c) => c.factor === factor && c.element === element),
      );
      cells.push(
        value(
          column(elementIndex, 0),
          inTowns.reduce((sum, cell) => sum + (cell?.count ?? 0), 0),
          "0",
          "center",
        ),
        value(column(elementIndex, 1), inTowns.filter((cell) => (cell?.hotSpots ?? 0) > 0).length, "0", "center"),
      );
    });
    rows.push({ row: HEADER_ROW + 2 + factorIndex, cells, height: 22 });
  });
  const last = HEADER_ROW + 1 + PESTEL_FACTORS.length;
  const colorScales: ColorScaleSpec[] = INNER_ELEMENTS.map((_, index) => {
    const letter = columnLetter(column(index, 1));
    return {
      range: `${letter}${HEADER_ROW + 2}:${letter}${last}`,
      min: { type: "number", value: 0, color: "#FFFFFF" },
      max: { type: "number", value: Math.max(1, result.towns.length), color: "#F8696B" },
    };
  });
  return {
    columnWidths: [20, ...INNER_ELEMENTS.flatMap(() => [9, 15])],
    rows,
    merges,
    frozen: { rows: HEADER_ROW + 1, columns: 1 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW + 1}`,
    colorScales,
  };
}

function sourcesSheet(result: PestelAnalysisResult, language: Language): GridContent {
  const t = (text: LocalizedText): string => text[language];
  const rows: Row[] = planSheetHead({
    title: t(TEXT.sourcesTitle),
    headers: [TEXT.town, TEXT.file, TEXT.threshold, TEXT.themes, TEXT.hotSheet].map(t),
    headerRow: HEADER_ROW,
  });
  result.towns.forEach((town, index) => {
    rows.push({
      row: HEADER_ROW + 1 + index,
      cells: [
        value(1, town.town),
        value(2, town.file),
        value(3, town.threshold, "0", "center"),
        value(4, town.themeCount, "0", "center"),
        value(5, town.hotSpotCount, "0", "center"),
      ],
    });
  });
  return { columnWidths: [24, 50, 10, 10, 12], rows, frozen: { rows: HEADER_ROW, columns: 0 } };
}

/**
 * Plans the analysis workbook (values only).
 * @example planAnalysisWorkbook(analysePestel(sources, "de"), "de").plan
 */
export function planAnalysisWorkbook(result: PestelAnalysisResult, language: Language): PlannedWorkbook {
  const spec: TemplateSpec = {
    id: PESTEL_ANALYSIS_ID,
    version: "1.0.0",
    title: TEXT.title,
    sheets: [
      gridSheet("hotSpots", TEXT.hotSheet, TEXT.hotTitle, () => hotSpotsSheet(result, language)),
      gridSheet("actionFields", TEXT.fieldsSheet, TEXT.fieldsTitle, () => actionFieldsSheet(result, language)),
      gridSheet("shared", TEXT.sharedSheet, TEXT.sharedTitle, () => sharedSheet(result, language)),
      gridSheet("overview", TEXT.overviewSheet, TEXT.overviewTitle, () => overviewSheet(result, language)),
      gridSheet("sources", TEXT.sourcesSheet, TEXT.sourcesTitle, () => sourcesSheet(result, language), false),
    ],
    lists: {},
  };
  return planWorkbook(spec, { language, generatorVersion: GENERATOR_VERSION });
}

/** An action field's counts: „2 Themen, davon 1 Brennpunkt“ / “2 themes, 1 of them a hot spot”. */
function fieldCounts(themes: number, hot: number, language: Language): string {
  return language === "de"
    ? `${countNoun(themes, "Thema", "Themen", "de")}, davon ${countNoun(hot, "Brennpunkt", "Brennpunkte", "de")}`
    : `${countNoun(themes, "theme", "themes", "en")}, ${hot === 1 ? "1 of them a hot spot" : `${hot} of them hot spots`}`;
}

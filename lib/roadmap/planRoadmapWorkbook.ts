import { formatNumberFor, renderTerm, type TermKey } from "../messages/terms.js";
import { planSheetHead } from "../plan/planSheetHead.js";
import type { PlannedCell, PlannedRow, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { Language } from "../spec/TemplateSpec.js";
import type { Roadmap } from "./buildRoadmap.js";

/** A source workbook of the roadmap, listed on its own sheet. */
export interface RoadmapSource {
  readonly file: string;
  readonly town: string;
  readonly templateVersion: string;
  readonly taskCount: number;
}

const HEADER_ROW = 4;

/** Longest text a list cell holds; Excel's own limit is 32,767 characters, readers give up far earlier. */
export const MAX_LIST_CELL_CHARS = 2000;

/**
 * The items joined with „; “, cut after the last item that fits `MAX_LIST_CELL_CHARS`, with
 * „… und N weitere“ for the rest (40 towns sharing a task have hundreds of synergy pairs).
 */
export function joinWithin(items: readonly string[], language: Language): string {
  let text = "";
  for (let index = 0; index < items.length; index++) {
    const next = index === 0 ? (items[0] ?? "") : `${text}; ${items[index] ?? ""}`;
    if (next.length > MAX_LIST_CELL_CHARS - 40) {
      const rest = items.length - index;
      return `${text}; … ${language === "de" ? `und ${rest} weitere` : `and ${rest} more`}`;
    }
    text = next;
  }
  return text;
}

/**
 * Plans the roadmap as a formatted workbook: one sheet with the shared tasks in roadmap order,
 * one listing the source workbooks. Every text from a town's workbook is written as a value.
 */
export function planRoadmapWorkbook(
  roadmap: Roadmap,
  sources: readonly RoadmapSource[],
  language: Language,
): WorkbookPlan {
  const t = (key: TermKey) => renderTerm(key, language);
  const headers: TermKey[] = [
    "columnOrder",
    "columnCode",
    "columnName",
    "columnTownCount",
    "columnMeanScore",
    "columnClassACount",
    "columnParticipants",
    "columnSynergies",
  ];
  const entryRows: PlannedRow[] = roadmap.entries.map((entry, index) => ({
    row: HEADER_ROW + 1 + index,
    cells: [
      { column: 1, value: index + 1, style: "computed", numberFormat: "0", align: "center" },
      { column: 2, value: entry.code, style: "computed", numberFormat: "@", align: "center" },
      { column: 3, value: entry.name, style: "computed" },
      { column: 4, value: entry.townCount, style: "computed", numberFormat: "0", align: "center" },
      { column: 5, value: entry.meanScore, style: "computed", numberFormat: "0.0" },
      { column: 6, value: entry.classACount, style: "computed", numberFormat: "0", align: "center" },
      {
        column: 7,
        value: joinWithin(
          entry.participants.map(
            (p) => `${p.town} (${formatNumberFor(Math.round(p.score * 10) / 10, language)}, ${p.class})`,
          ),
          language,
        ),
        style: "computed",
      },
      {
        column: 8,
        value: joinWithin(
          entry.synergies.map((s) => `${s.strongTown} → ${s.needingTown}`),
          language,
        ),
        style: "computed",
      },
    ] satisfies PlannedCell[],
  }));
  const roadmapRows: PlannedRow[] = [
    ...planSheetHead({
      title: t("roadmapTitle"),
      description: renderTerm("roadmapDescription", language, { value: roadmap.towns.join(", ") }),
      headers: headers.map(t),
      headerRow: HEADER_ROW,
      headerHeight: 32,
    }),
    ...entryRows,
  ];
  const roadmapSheet: SheetPlan = {
    key: "roadmap",
    name: t("roadmapSheet"),
    state: "visible",
    columnWidths: [6, 12, 44, 11, 10, 10, 62, 60],
    rowCount: roadmapRows.length,
    rows: () => roadmapRows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    validations: [],
    highlights: [],
    merges: [],
    autoFilter: `A${HEADER_ROW}:H${HEADER_ROW}`,
    protected: true,
    print: { landscape: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
  const sourceHeaders: TermKey[] = ["columnTown", "columnFile", "columnTemplateVersion", "columnTaskCount"];
  const sourceRows: PlannedRow[] = [
    ...planSheetHead({ title: t("roadmapSourcesTitle"), headers: sourceHeaders.map(t), headerRow: HEADER_ROW }),
    ...sources.map((source, index) => ({
      row: HEADER_ROW + 1 + index,
      cells: [
        { column: 1, value: source.town, style: "computed" as const },
        { column: 2, value: source.file, style: "computed" as const },
        { column: 3, value: source.templateVersion, style: "computed" as const, numberFormat: "@" },
        { column: 4, value: source.taskCount, style: "computed" as const, numberFormat: "0" },
      ],
    })),
  ];
  const sourcesSheet: SheetPlan = {
    key: "sources",
    name: t("roadmapSourcesSheet"),
    state: "visible",
    columnWidths: [24, 50, 16, 10],
    rowCount: sourceRows.length,
    rows: () => sourceRows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    validations: [],
    highlights: [],
    merges: [],
    protected: true,
    print: { landscape: false },
  };
  return {
    templateId: "ikz-fahrplan",
    templateVersion: "1.0.0",
    language,
    title: t("roadmapTitle"),
    sheets: [roadmapSheet, sourcesSheet],
  };
}

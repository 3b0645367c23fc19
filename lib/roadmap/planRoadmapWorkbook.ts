import { joinAsList, renderCooperationForm, renderRoadmapText, type RoadmapTextKey } from "../messages/roadmapTexts.js";
import { formatNumberFor, renderTerm, type TermKey } from "../messages/terms.js";
import { planSheetHead } from "../plan/planSheetHead.js";
import { pageTextProblem } from "../plan/printPageText.js";
import type { PlannedCell, PlannedRow, PrintPageText, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { Language } from "../spec/TemplateSpec.js";
import type { Roadmap, RoadmapEntry, RoadmapLead, RoadmapMeasure, Synergy } from "./buildRoadmap.js";

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

/** How many entries the decision paper shows (the full list follows on the roadmap sheet). */
export const DECISION_PAPER_ENTRIES = 10;
/** Synergy sentences shown in one cell of the decision paper; the rest are counted. */
const PAPER_SYNERGIES = 4;

/** „Stützengrün kann Zschorlau unterstützen: Spezialisierung 3, Handlungsbedarf 2“. */
export function describeSynergy(synergy: Synergy, language: Language): string {
  return renderRoadmapText("synergy", language, {
    town: synergy.strongTown,
    other: synergy.needingTown,
    value: String(synergy.specialisation),
    need: String(synergy.needForAction),
  });
}

/**
 * The synergies of a task in words, one sentence per strong town (in the order of the
 * synergies): „Zschorlau kann Bockau und Aue unterstützen: Spezialisierung 3, Handlungsbedarf 3 und 2“.
 * A strong town with one needing town reads as {@link describeSynergy}.
 */
export function describeSynergies(synergies: readonly Synergy[], language: Language): string[] {
  const byStrong = new Map<string, Synergy[]>();
  for (const synergy of synergies) {
    const group = byStrong.get(synergy.strongTown) ?? [];
    group.push(synergy);
    byStrong.set(synergy.strongTown, group);
  }
  return [...byStrong].map(([town, group]) =>
    renderRoadmapText("synergy", language, {
      town,
      other: joinAsList(
        group.map((s) => s.needingTown),
        language,
      ),
      value: joinAsList([...new Set(group.map((s) => String(s.specialisation)))], language),
      need: joinAsList(
        group.map((s) => String(s.needForAction)),
        language,
      ),
    }),
  );
}

const figure = (value: number | null, language: Language): string =>
  value === null ? "–" : formatNumberFor(Math.round(value * 100) / 100, language);

/** Why the lead town leads, in words: „höchste Spezialisierung (3)“, „… gleichauf, mehr VZÄ (1,2)“. */
export function describeLead(lead: RoadmapLead, language: Language): string {
  const value = figure(lead.specialisation, language);
  switch (lead.decidedBy) {
    case "specialisation":
      return renderRoadmapText("leadBySpecialisation", language, { value });
    case "fte":
      return renderRoadmapText("leadByFte", language, { value, other: figure(lead.fte, language) });
    case "cases":
      return renderRoadmapText("leadByCases", language, { value, other: figure(lead.casesPerYear, language) });
    case "name":
      return renderRoadmapText("leadByName", language, { value });
  }
}

/** „Maßnahme 1.2 „Zentrale Funktionseinheiten gemeinsam betreiben““ (without a title when none is known). */
export function describeMeasure(measure: RoadmapMeasure, language: Language): string {
  return renderRoadmapText("measure", language, { value: measure.id, other: measure.title?.[language] ?? "" });
}

/** The date as the paper prints it: `07.12.2026` (German) or `2026-12-07` (English), local date. */
function paperDate(date: Date, language: Language): string {
  const dd = String(date.getDate()).padStart(2, "0");
  const mm = String(date.getMonth() + 1).padStart(2, "0");
  const yyyy = String(date.getFullYear());
  return language === "de" ? `${dd}.${mm}.${yyyy}` : `${yyyy}-${mm}-${dd}`;
}

/** Lines a text takes in a column of `width` characters (a rough estimate for row heights). */
function linesOf(text: string, width: number): number {
  return text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / width)), 0);
}

export interface RoadmapPlanOptions {
  /** The date the paper states („Stand“); today when absent. */
  readonly date?: Date;
}

const PAPER_HEADER_ROW = 5;
/** Column widths of the full list (roadmap sheet). */
const LIST_WIDTHS = [6, 12, 34, 11, 10, 10, 40, 50, 16, 11];
/** Excel's highest row height (points). */
const MAX_ROW_HEIGHT = 409;
const PAPER_WIDTHS = [4, 30, 22, 18, 34, 38, 14, 28];
/** Height of an entry row at least: room to write time frame and next step by hand. */
const PAPER_MIN_ROW_HEIGHT = 45;

/**
 * The decision paper for the mayors' meeting: title, partner towns, date, then the top entries
 * with lead town, partners, synergies in words, the suggested measure and empty fields for time
 * frame and next step; below, how the lead is chosen and where the measures come from. Prints
 * landscape, one page wide.
 */
function planDecisionPaper(roadmap: Roadmap, language: Language, date: Date, listSheet: string): SheetPlan {
  const r = (key: RoadmapTextKey) => renderRoadmapText(key, language);
  const lastColumn = "H";
  const top = roadmap.entries.slice(0, DECISION_PAPER_ENTRIES);
  const merged = (row: number, text: string, style: "description" | "text", height?: number): PlannedRow => ({
    row,
    ...(height === undefined ? {} : { height }),
    cells: [{ column: 1, value: text, style, wrap: true }],
  });
  const head: PlannedRow[] = [
    { row: 1, height: 24, cells: [{ column: 1, value: r("paperTitle"), style: "title" }] },
    merged(2, renderRoadmapText("paperTowns", language, { value: roadmap.towns.join(", ") }), "text"),
    merged(3, renderRoadmapText("paperDate", language, { value: paperDate(date, language) }), "text"),
    merged(
      4,
      top.length === 0
        ? r("paperNone")
        : renderRoadmapText("paperTop", language, {
            count: top.length,
            value: String(roadmap.entries.length),
            other: listSheet,
          }),
      "description",
      30,
    ),
    {
      row: PAPER_HEADER_ROW,
      height: 32,
      cells: (
        [
          "columnOrder",
          "columnTask",
          "columnLead",
          "columnPartners",
          "columnSynergies",
          "columnMeasure",
          "columnTimeFrame",
          "columnNextStep",
        ] as const
      ).map((key, index) => ({
        column: index + 1,
        value: key === "columnOrder" ? renderTerm("columnOrder", language) : r(key),
        style: "header" as const,
      })),
    },
  ];
  const entryRows: PlannedRow[] = top.map((entry, index) => {
    const texts = paperTexts(entry, language, listSheet);
    const lines = Math.max(...texts.map((text, column) => linesOf(text, PAPER_WIDTHS[column + 1] ?? 20)));
    return {
      row: PAPER_HEADER_ROW + 1 + index,
      height: Math.max(PAPER_MIN_ROW_HEIGHT, lines * 14.5 + 4),
      cells: [
        { column: 1, value: index + 1, style: "computed", numberFormat: "0", align: "center", wrap: true },
        ...texts.map((value, offset): PlannedCell => ({ column: offset + 2, value, style: "computed", wrap: true })),
        { column: 7, value: null, style: "input", wrap: true },
        { column: 8, value: null, style: "input", wrap: true },
      ],
    };
  });
  const notesStart = PAPER_HEADER_ROW + top.length + 2;
  const notes: PlannedRow[] = [
    merged(notesStart, r("paperLeadRule"), "description", 30),
    merged(notesStart + 1, r("paperMeasureNote"), "description", 30),
  ];
  const rows = [...head, ...entryRows, ...notes];
  const lastRow = notesStart + 1;
  return {
    key: "decision",
    name: r("paperSheet"),
    state: "visible",
    columnWidths: PAPER_WIDTHS,
    rowCount: rows.length,
    rows: () => rows,
    frozen: { rows: PAPER_HEADER_ROW, columns: 0 },
    validations: [],
    highlights: [],
    merges: [2, 3, 4, notesStart, notesStart + 1].map((row) => `A${row}:${lastColumn}${row}`),
    protected: true,
    print: {
      landscape: true,
      titleRows: `${PAPER_HEADER_ROW}:${PAPER_HEADER_ROW}`,
      area: `A1:${lastColumn}${lastRow}`,
      ...pageTexts(roadmap, language, date, renderRoadmapText("paperTitle", language)),
    },
  };
}

/** Header and footer of every sheet: the title and date, the towns, the page. */
function pageTexts(
  roadmap: Roadmap,
  language: Language,
  date: Date,
  title: string,
): Pick<SheetPlan["print"], "header" | "footer"> {
  const right = renderRoadmapText("pageOf", language);
  const towns = roadmap.towns.join(", ");
  // Excel's limit counts the whole footer: too many or too long names give way to their number
  const footer: PrintPageText = { left: towns, right };
  return {
    header: { left: title, right: paperDate(date, language) },
    footer:
      pageTextProblem(footer) === undefined
        ? footer
        : { left: renderRoadmapText("footerTowns", language, { count: roadmap.towns.length }), right },
  };
}

/** The texts of columns B–F of a decision-paper row: task, lead, partners, synergies, measure. */
function paperTexts(entry: RoadmapEntry, language: Language, listSheet: string): string[] {
  const mean = formatNumberFor(Math.round(entry.meanScore * 10) / 10, language);
  const task = `${entry.name}\n${renderRoadmapText("paperFigures", language, {
    town: entry.code,
    count: entry.townCount,
    value: String(entry.classACount),
    other: mean,
  })}`;
  const lead = `${entry.lead.town}\n${describeLead(entry.lead, language)}`;
  const all = describeSynergies(entry.synergies, language);
  const sentences = all.slice(0, PAPER_SYNERGIES);
  const more = all.length - sentences.length;
  if (more > 0) sentences.push(renderRoadmapText("moreSynergies", language, { count: more, other: listSheet }));
  const synergies = sentences.length > 0 ? sentences.join("\n") : renderRoadmapText("noSynergy", language);
  const title = entry.measure.title?.[language];
  const measure = `${title === undefined ? describeMeasure(entry.measure, language) : `${entry.measure.id} ${title}`}\n${renderCooperationForm(entry.measure.form, language)}`;
  return [task, lead, entry.partners.join(", "), synergies, measure];
}

/**
 * Plans the roadmap as a formatted workbook: the decision paper (top entries), the full list of
 * shared tasks in roadmap order, and the source workbooks. Every text from a town's workbook is
 * written as a value.
 */
export function planRoadmapWorkbook(
  roadmap: Roadmap,
  sources: readonly RoadmapSource[],
  language: Language,
  options: RoadmapPlanOptions = {},
): WorkbookPlan {
  const t = (key: TermKey) => renderTerm(key, language);
  const date = options.date ?? new Date();
  const headers: string[] = [
    t("columnOrder"),
    t("columnCode"),
    t("columnName"),
    t("columnTownCount"),
    t("columnMeanScore"),
    t("columnClassACount"),
    t("columnParticipants"),
    renderRoadmapText("columnSynergies", language),
    renderRoadmapText("columnLeadShort", language),
    renderRoadmapText("columnMeasureShort", language),
  ];
  const entryRows: PlannedRow[] = roadmap.entries.map((entry, index) => {
    const participants = joinWithin(
      entry.participants.map(
        (p) => `${p.town} (${formatNumberFor(Math.round(p.score * 10) / 10, language)}, ${p.class})`,
      ),
      language,
    );
    const synergies = joinWithin(describeSynergies(entry.synergies, language), language);
    const lines = Math.max(
      linesOf(entry.name, LIST_WIDTHS[2] ?? 30),
      linesOf(participants, LIST_WIDTHS[6] ?? 40),
      linesOf(synergies, LIST_WIDTHS[7] ?? 50),
    );
    return {
      row: HEADER_ROW + 1 + index,
      ...(lines > 1 ? { height: Math.min(MAX_ROW_HEIGHT, lines * 15 + 3) } : {}),
      cells: [
        { column: 1, value: index + 1, style: "computed", numberFormat: "0", align: "center", wrap: true },
        { column: 2, value: entry.code, style: "computed", numberFormat: "@", align: "center", wrap: true },
        { column: 3, value: entry.name, style: "computed", wrap: true },
        { column: 4, value: entry.townCount, style: "computed", numberFormat: "0", align: "center", wrap: true },
        { column: 5, value: entry.meanScore, style: "computed", numberFormat: "0.0", wrap: true },
        { column: 6, value: entry.classACount, style: "computed", numberFormat: "0", align: "center", wrap: true },
        { column: 7, value: participants, style: "computed", wrap: true },
        { column: 8, value: synergies, style: "computed", wrap: true },
        { column: 9, value: entry.lead.town, style: "computed", wrap: true },
        { column: 10, value: entry.measure.id, style: "computed", numberFormat: "@", align: "center", wrap: true },
      ] satisfies PlannedCell[],
    };
  });
  const roadmapRows: PlannedRow[] = [
    ...planSheetHead({
      title: t("roadmapTitle"),
      description: renderTerm("roadmapDescription", language, { value: roadmap.towns.join(", ") }),
      headers,
      headerRow: HEADER_ROW,
      headerHeight: 32,
    }),
    ...entryRows,
  ];
  const roadmapSheet: SheetPlan = {
    key: "roadmap",
    name: t("roadmapSheet"),
    state: "visible",
    columnWidths: LIST_WIDTHS,
    rowCount: roadmapRows.length,
    rows: () => roadmapRows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    validations: [],
    highlights: [],
    merges: [],
    autoFilter: `A${HEADER_ROW}:J${HEADER_ROW}`,
    protected: true,
    print: {
      landscape: true,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      area: `A1:J${HEADER_ROW + roadmap.entries.length}`,
      ...pageTexts(roadmap, language, date, t("roadmapTitle")),
    },
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
    print: { landscape: false, ...pageTexts(roadmap, language, date, t("roadmapTitle")) },
  };
  return {
    templateId: "ikz-fahrplan",
    templateVersion: "1.1.0",
    language,
    title: t("roadmapTitle"),
    sheets: [planDecisionPaper(roadmap, language, date, roadmapSheet.name), roadmapSheet, sourcesSheet],
  };
}

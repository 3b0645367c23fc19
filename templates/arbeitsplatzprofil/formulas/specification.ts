/**
 * „Leistungsverzeichnis“: the Muss and Soll requirements grouped by dimension and numbered `d.k`,
 * one heading line per dimension, looked up line by line from the positions „Anforderungen“
 * computes (see `specPositionFormula`). Line `j` shows the requirement whose position is `j`; a
 * line no requirement occupies is the heading of dimension `j − (requirements on lines ≤ j)`, or
 * empty below the last heading. Same lines as lib/workplace/buildSpecification.
 */
import type { GridCell, GridContent, GridContext, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { OBLIGATION_WEIGHTS } from "../../../lib/workplace/model.js";
import { selfCheckSummaryFormula } from "../../common/selfChecks.js";
import { requirementSelfChecks } from "./evaluation.js";
import { quoted } from "./common.js";
import { SHEET } from "../layout.js";
import { DIMENSIONS, OBLIGATION_LABELS } from "../reference.js";

export const SPECIFICATION_TEXT = {
  title: {
    de: "Leistungsverzeichnis: moderner IT-Arbeitsplatz",
    en: "Specification: modern IT workplace",
  },
  partnership: { de: "Verbundraum:", en: "Partnership:" },
  asOf: { de: "Stand:", en: "As of:" },
  note: {
    de: "Muss- und Soll-Anforderungen aus „Anforderungen“, nach Dimension gruppiert und nummeriert; Kann-Anforderungen sind nicht enthalten. Die Liste folgt jeder Änderung dort.",
    en: "Must and should requirements from “Requirements”, grouped by dimension and numbered; may requirements are left out. The list follows every change there.",
  },
  position: { de: "Pos.", en: "No." },
  requirement: { de: "Leistung / Anforderung", en: "Service / requirement" },
  obligation: { de: "Verbind­lichkeit", en: "Obligation" },
  roles: { de: "Rollen", en: "Roles" },
  id: { de: "Anf.-Nr.", en: "Req. id" },
  allRoles: { de: "alle Rollen", en: "all roles" },
} satisfies Record<string, LocalizedText>;

/** Header row of the list; line `j` (1-based) is on row header + j. */
export const SPECIFICATION_HEADER_ROW = 6;
/** Row of the summary line of the list's own checks (issue 10: the sheet checks itself). */
export const SPECIFICATION_CHECK_ROW = 5;

/** Number of lines planned: one heading per dimension plus one per planned requirement row. */
export function specificationLineCount(requirementRows: number): number {
  return DIMENSIONS.length + requirementRows;
}

export function buildSpecificationSheet(context: GridContext): GridContent {
  const { language } = context;
  const t = (text: LocalizedText): string => text[language];
  const requirements = (key: string): string => context.columnRange(key, SHEET.requirements);
  const positions = requirements("specPosition");
  const lineCount = specificationLineCount(context.rowCount(SHEET.requirements));
  const must = OBLIGATION_LABELS.find((o) => o.key === "must")?.label[language] ?? "";
  const should = OBLIGATION_LABELS.find((o) => o.key === "should")?.label[language] ?? "";
  const titles = DIMENSIONS.map((d) => quoted(d.title[language])).join(",");
  const partnership = context.named(`${SHEET.settings}.partnershipName`);
  const asOf = context.named(`${SHEET.settings}.asOf`);

  const rows: { row: number; cells: GridCell[]; height?: number }[] = [
    { row: 1, cells: [{ column: 1, value: t(SPECIFICATION_TEXT.title), style: "title" }], height: 24 },
    {
      row: 2,
      cells: [
        {
          column: 1,
          formula: `${quoted(`${t(SPECIFICATION_TEXT.partnership)} `)}&IF(${partnership}="","–",${partnership})`,
          style: "label",
        },
      ],
    },
    {
      row: 3,
      cells: [
        { column: 1, value: t(SPECIFICATION_TEXT.asOf), style: "label" },
        {
          column: 2,
          formula: `IF(${asOf}="","–",${asOf})`,
          style: "label",
          numberFormat: "dd.mm.yyyy",
          align: "left",
        },
      ],
    },
    { row: 4, cells: [{ column: 1, value: t(SPECIFICATION_TEXT.note), style: "description" }] },
    // the list checks itself: a requirement whose dimension or obligation is no list entry is missing here
    {
      row: SPECIFICATION_CHECK_ROW,
      cells: [
        {
          column: 1,
          formula: selfCheckSummaryFormula(requirementSelfChecks(context).checks, language),
          style: "label",
        },
      ],
    },
    {
      row: SPECIFICATION_HEADER_ROW,
      height: 32,
      cells: [
        { column: 1, value: t(SPECIFICATION_TEXT.position), style: "header" },
        { column: 2, value: t(SPECIFICATION_TEXT.requirement), style: "header" },
        { column: 3, value: t(SPECIFICATION_TEXT.obligation), style: "header" },
        { column: 4, value: t(SPECIFICATION_TEXT.roles), style: "header" },
        { column: 5, value: t(SPECIFICATION_TEXT.id), style: "header" },
      ],
    },
  ];

  for (let line = 1; line <= lineCount; line++) {
    const match = `MATCH(${line},${positions},0)`;
    const at = (key: string): string => `INDEX(${requirements(key)},${match})`;
    /** The dimension whose heading is on this line (when no requirement is). */
    const heading = `${line}-COUNTIF(${positions},"<="&${line})`;
    const orHeading = (value: string): string => `IF(${heading}<=${DIMENSIONS.length},${value},"")`;
    rows.push({
      row: SPECIFICATION_HEADER_ROW + line,
      cells: [
        {
          column: 1,
          formula: `IFERROR(${at("specNo")}&"",${orHeading(`${heading}&""`)})`,
          style: "computed",
          align: "left",
        },
        {
          column: 2,
          formula: `IFERROR(TRIM(${at("requirement")}),${orHeading(`CHOOSE(${heading},${titles})`)})`,
          style: "computed",
        },
        {
          column: 3,
          formula: `IFERROR(IF(${at("weight")}=${OBLIGATION_WEIGHTS.must},${quoted(must)},${quoted(should)}),"")`,
          style: "computed",
        },
        {
          column: 4,
          formula: `IFERROR(IF(TRIM(${at("roles")})="",${quoted(t(SPECIFICATION_TEXT.allRoles))},TRIM(${at("roles")})),"")`,
          style: "computed",
        },
        { column: 5, formula: `IFERROR(TRIM(${at("id")}&""),"")`, style: "computed" },
      ],
    });
  }

  const firstLine = SPECIFICATION_HEADER_ROW + 1;
  const lastLine = SPECIFICATION_HEADER_ROW + lineCount;
  return {
    columnWidths: [8, 78, 12, 44, 10],
    rows,
    // no repeated title row: the lines reserved for unused requirement rows would print as pages of
    // headers only, while LibreOffice leaves out pages without content
    frozen: { rows: SPECIFICATION_HEADER_ROW, columns: 0 },
    highlights: DIMENSIONS.map((d) => ({
      range: `B${firstLine}:B${lastLine}`,
      equals: d.title[language],
      fill: "weak" as const,
    })),
    merges: [],
  };
}

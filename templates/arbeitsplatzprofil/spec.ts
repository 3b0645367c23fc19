/**
 * Template 4 „Arbeitsplatzprofil“: the requirement profile of a modern IT workplace (measure 4.3).
 * The group agrees on requirements in six dimensions, each town marks its status, and the
 * workbook computes by itself (functions from lib/formulas/compatibleFunctions.ts):
 *
 * - „Angaben“ (settings): the partnership, the date, and the names of up to eight partner towns.
 * - „Anforderungen“ (requirements): id, dimension, text, obligation (Muss/Soll/Kann), roles, and
 *   one block per town slot: status (list), its value (1 / 0.5 / 0) and the Muss gap flag; the
 *   weight and the number in the specification list.
 * - „Auswertung“ (evaluation): fulfilment per dimension and town, overall, gaps, workplaces.
 * - „Leistungsverzeichnis“ (specification): the Muss and Soll requirements grouped by dimension
 *   and numbered 1.1, 1.2, 2.1, … — formulas that follow every edit.
 * - „Arbeitsplätze“ (workplaces): workplaces per role and town, the cost model's „workplaces“ key.
 * - „Listen“: the lists the drop-downs offer.
 *
 * A town's own copy and a group workbook have the same layout: the own copy names slot 1 only.
 */
import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import { workplaceProfileGuide } from "./guide.js";
import type { ColumnSpec, FormulaContext, LocalizedText, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { anyRowProblem, numberRowConditions } from "../common/cellChecks.js";
import { computedInteger, computedText, dateInput, listInput } from "../common/columns.js";
import {
  dimensionNumberFormula,
  gapFormula,
  gapText,
  quoted,
  specNumberFormula,
  specPositionFormula,
  valueFormula,
  weightFormula,
} from "./formulas/common.js";
import { buildEvaluationSheet } from "./formulas/evaluation.js";
import {
  REQUIREMENTS_HEADER_ROW,
  SETTINGS_FIRST_ROW,
  SHEET,
  SHEET_NAMES,
  SLOTS,
  SPARE_REQUIREMENTS,
  WORKPLACES_HEADER_ROW,
  gapColumn,
  statusColumn,
  townField,
  valueColumn,
  workplaceRow,
} from "./layout.js";
import { DIMENSIONS, OBLIGATION_LABELS, ROLES, STATUS_LABELS } from "./reference.js";
import { buildSpecificationSheet } from "./formulas/specification.js";
import { STARTER_REQUIREMENTS } from "./starterRequirements.js";

const townBlock = (slot: number): ColumnSpec[] => [
  {
    key: statusColumn(slot),
    label: { de: `Status ${slot}`, en: `Status ${slot}` },
    // findings about a status cell name the town (from „Angaben“), not „Status 3“
    namedBy: { field: `${SHEET.settings}.${townField(slot)}`, label: { de: "Status {name}", en: "Status {name}" } },
    type: "list",
    kind: "input",
    list: { key: "statuses" },
    width: 13,
    hint: {
      de: "erfüllt, teilweise oder nicht erfüllt; leer = noch nicht bewertet",
      en: "fulfilled, partly or not fulfilled; empty = not assessed yet",
    },
    highlights: [
      { equals: STATUS_LABELS[0]?.label.de ?? "", fill: "good", language: "de" },
      { equals: STATUS_LABELS[1]?.label.de ?? "", fill: "neutral", language: "de" },
      { equals: STATUS_LABELS[2]?.label.de ?? "", fill: "weak", language: "de" },
      { equals: STATUS_LABELS[0]?.label.en ?? "", fill: "good", language: "en" },
      { equals: STATUS_LABELS[1]?.label.en ?? "", fill: "neutral", language: "en" },
      { equals: STATUS_LABELS[2]?.label.en ?? "", fill: "weak", language: "en" },
    ],
  },
  {
    key: valueColumn(slot),
    label: { de: `Wert ${slot}`, en: `Value ${slot}` },
    type: "decimal",
    kind: "computed",
    numberFormat: "0.0",
    width: 8,
    align: "center",
    formula: valueFormula(slot),
  },
  {
    key: gapColumn(slot),
    label: { de: `Muss-Lücke ${slot}`, en: `Must gap ${slot}` },
    type: "text",
    kind: "computed",
    width: 10,
    align: "center",
    formula: gapFormula(slot),
    highlights: [
      { equals: gapText("gap", "de"), fill: "neutral", language: "de" },
      { equals: gapText("open", "de"), fill: "weak", language: "de" },
      { equals: gapText("gap", "en"), fill: "neutral", language: "en" },
      { equals: gapText("open", "en"), fill: "weak", language: "en" },
    ],
  },
];

const roleCount = (role: (typeof ROLES)[number]): ColumnSpec => ({
  key: role.key,
  label: role.label,
  type: "integer",
  kind: "input",
  min: 0,
  numberFormat: "#,##0",
  width: 16,
  hint: role.hint,
});

/** A town's total of workplaces when its counts cannot be trusted (text, below 0, a fraction). */
export const WORKPLACES_INVALID_TEXT = {
  de: "✗ Anzahlen prüfen: ganze Zahlen ab 0",
  en: "✗ check counts: whole numbers from 0",
} as const satisfies LocalizedText;

/**
 * A town's workplaces in total (the cost model's key) — or, when a count is what the reader
 * refuses (text, below 0, a fraction, too large; the rules of lib/validation/parseCell.ts taken
 * from the columns' specs by {@link numberRowConditions}), „✗“ and why instead of a sum that
 * silently leaves the text out.
 */
export function workplacesTotalFormula(ctx: FormulaContext): string {
  const first = ctx.cell(ROLES[0]?.key ?? "");
  const last = ctx.cell(ROLES[ROLES.length - 1]?.key ?? "");
  const untrusted = anyRowProblem(
    numberRowConditions(ROLES.map((role) => ({ column: roleCount(role), cell: ctx.cell(role.key) }))),
  );
  return `IF(${ctx.cell("town")}="","",IF(${untrusted},${quoted(WORKPLACES_INVALID_TEXT[ctx.language])},SUM(${first}:${last})))`;
}

const TOWN_HINT: LocalizedText = {
  de: "Name der Partnerkommune; leer = Spalte frei",
  en: "Name of the partner town; empty = column unused",
};

export const workplaceProfileSpec = {
  id: "arbeitsplatzprofil",
  // 1.1.0: the sheet checks itself (✗ for list entries and counts the reader refuses, checks per
  // town and a summary line on „Auswertung“); same layout
  // 1.2.0: „Listen“ → „Profil-Listen“, so templates share a workbook (docs/decisions/0010)
  // 1.3.0: a „So geht’s“ sheet first; the status columns carry the towns' names
  version: "1.3.0",
  history: [
    { version: "1.1.0", sheets: [{ key: SHEET.lists, name: { de: "Listen", en: "Lists" } }] },
    { version: "1.0.0", sheets: [] },
  ],
  title: { de: "Anforderungsprofil moderner IT-Arbeitsplatz", en: "Requirement profile of a modern IT workplace" },
  sheets: [
    guideSheet(workplaceProfileGuide),
    {
      kind: "form",
      key: SHEET.settings,
      name: SHEET_NAMES.settings,
      title: { de: "Anforderungsprofil moderner IT-Arbeitsplatz", en: "Requirement profile of a modern IT workplace" },
      description: {
        de: "Verbundraum und Partnerkommunen. Jede Kommune bekommt auf „Anforderungen“ eine Spalte; die eigene Kopie einer Kommune nennt nur Kommune 1.",
        en: "Partnership and partner towns. Each town gets a column on “Requirements”; a town's own copy names town 1 only.",
      },
      firstRow: SETTINGS_FIRST_ROW,
      fields: [
        {
          key: "partnershipName",
          label: { de: "Verbundraum / Arbeitsgruppe", en: "Partnership / working group" },
          type: "text",
          kind: "input",
          width: 30,
        },
        dateInput("asOf", { de: "Stand", en: "As of" }, 30, {
          de: "Datum der Bewertung",
          en: "Date of the assessment",
        }),
        ...SLOTS.map((slot): ColumnSpec => ({
          key: townField(slot),
          label: { de: `Kommune ${slot}`, en: `Town ${slot}` },
          type: "text",
          kind: "input",
          width: 30,
          hint: TOWN_HINT,
        })),
      ],
    },
    {
      kind: "table",
      key: SHEET.requirements,
      name: SHEET_NAMES.requirements,
      title: { de: "Anforderungen und Bewertung je Kommune", en: "Requirements and assessment by town" },
      description: {
        de: "Eine Zeile je Anforderung. Verbindlichkeit: Muss (Gewicht 3), Soll (2), Kann (1). Status je Kommune: erfüllt, teilweise, nicht erfüllt; leer = nicht bewertet. Gelb = Eingabe, blau = berechnet.",
        en: "One row per requirement. Obligation: must (weight 3), should (2), may (1). Status per town: fulfilled, partly, not fulfilled; empty = not assessed. Yellow = input, blue = computed.",
      },
      headerRow: REQUIREMENTS_HEADER_ROW,
      rowKey: "id",
      minRows: STARTER_REQUIREMENTS.length,
      spareRows: SPARE_REQUIREMENTS,
      landscape: true,
      columns: [
        {
          key: "id",
          label: { de: "Nr.", en: "Id" },
          type: "text",
          kind: "input",
          required: true,
          numberFormat: "@",
          width: 9,
          hint: { de: "Eindeutige Nummer, z. B. HYB-08", en: "Unique id, e.g. HYB-08" },
        },
        listInput("dimension", { de: "Dimension", en: "Dimension" }, "dimensions", 19, { required: true }),
        {
          key: "requirement",
          label: { de: "Anforderung", en: "Requirement" },
          type: "text",
          kind: "input",
          required: true,
          width: 68,
        },
        listInput("obligation", { de: "Verbindlichkeit", en: "Obligation" }, "obligations", 11, {
          required: true,
          align: "center",
        }),
        {
          key: "roles",
          label: { de: "Rollen (leer = alle)", en: "Roles (empty = all)" },
          type: "text",
          kind: "input",
          list: { key: "roles", allowOther: true },
          width: 40,
          hint: {
            de: "Rollen aus der Liste, mehrere mit ; getrennt; leer oder „alle“ = alle Rollen",
            en: "Roles from the list, several separated by ; — empty or “all” = every role",
          },
        },
        computedInteger("weight", { de: "Gewicht", en: "Weight" }, 8, weightFormula, { align: "center" }),
        computedText("specNo", { de: "LV-Nr.", en: "Spec. no." }, 8, specNumberFormula, { align: "center" }),
        ...SLOTS.flatMap(townBlock),
        computedInteger(
          "dimensionNo",
          { de: "Dimension Nr. (Hilfsspalte)", en: "Dimension no. (helper)" },
          13,
          dimensionNumberFormula,
          { align: "center" },
        ),
        computedInteger(
          "specPosition",
          { de: "Zeile im LV (Hilfsspalte)", en: "Line in spec. (helper)" },
          13,
          specPositionFormula,
          { align: "center" },
        ),
      ],
    },
    {
      kind: "grid",
      key: SHEET.evaluation,
      name: SHEET_NAMES.evaluation,
      title: { de: "Auswertung", en: "Evaluation" },
      landscape: true,
      build: buildEvaluationSheet,
    },
    {
      kind: "grid",
      key: SHEET.specification,
      name: SHEET_NAMES.specification,
      title: { de: "Leistungsverzeichnis", en: "Specification" },
      landscape: true,
      build: buildSpecificationSheet,
    },
    {
      kind: "table",
      key: SHEET.workplaces,
      name: SHEET_NAMES.workplaces,
      title: { de: "Arbeitsplätze je Rolle und Kommune", en: "Workplaces by role and town" },
      description: {
        de: "Anzahl der Arbeitsplätze je Rolle. Die Summe je Kommune ist der Schlüssel „Arbeitsplätze“ der Kostenverteilung.",
        en: "Number of workplaces per role. Each town's total is the cost model's “workplaces” key.",
      },
      headerRow: WORKPLACES_HEADER_ROW,
      rowKey: "slot",
      minRows: SLOTS.length,
      spareRows: 0,
      fixedRows: SLOTS.map((slot) => ({ key: workplaceRow(slot), values: { slot } })),
      columns: [
        {
          key: "slot",
          label: { de: "Nr.", en: "No." },
          type: "integer",
          kind: "input",
          fixed: true,
          numberFormat: "0",
          width: 6,
          align: "center",
        },
        {
          key: "town",
          label: { de: "Kommune", en: "Town" },
          type: "text",
          kind: "computed",
          width: 24,
          formula: (ctx) => {
            const name = ctx.named(`${SHEET.settings}.${townField(Number((ctx.rowKey ?? "").replace("slot", "")))}`);
            return `IF(TRIM(${name})="","",${name})`;
          },
        },
        ...ROLES.map(roleCount),
        {
          key: "total",
          label: { de: "Arbeitsplätze gesamt", en: "Workplaces in total" },
          type: "integer",
          kind: "computed",
          numberFormat: "#,##0",
          width: 14,
          formula: workplacesTotalFormula,
        },
      ],
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: SHEET_NAMES.lists,
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: 4,
      columns: [
        {
          key: "dimensions",
          list: "dimensions",
          show: "label",
          label: { de: "Dimension", en: "Dimension" },
          width: 22,
        },
        {
          key: "obligations",
          list: "obligations",
          show: "label",
          label: { de: "Verbindlichkeit", en: "Obligation" },
          width: 16,
        },
        { key: "statuses", list: "statuses", show: "label", label: { de: "Status", en: "Status" }, width: 16 },
        { key: "roles", list: "roles", show: "label", label: { de: "Rolle", en: "Role" }, width: 20 },
      ],
    },
  ],
  lists: {
    dimensions: {
      sheet: SHEET.lists,
      column: "dimensions",
      entries: () => DIMENSIONS.map((d) => ({ value: d.key, label: d.label })),
    },
    obligations: {
      sheet: SHEET.lists,
      column: "obligations",
      entries: () => OBLIGATION_LABELS.map((o) => ({ value: o.key, label: o.label })),
    },
    statuses: {
      sheet: SHEET.lists,
      column: "statuses",
      entries: () => STATUS_LABELS.map((s) => ({ value: s.key, label: s.label })),
    },
    roles: {
      sheet: SHEET.lists,
      column: "roles",
      entries: () => ROLES.map((r) => ({ value: r.key, label: r.label })),
    },
  },
} as const satisfies TemplateSpec;

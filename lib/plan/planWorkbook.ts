import { cellAddress, columnLetter, sheetReference } from "../cells/address.js";
import { groupsDigits, renderTerm } from "../messages/terms.js";
import {
  TemplateSpecError,
  type ColumnSpec,
  type FormSheetSpec,
  type GridSheetSpec,
  type Language,
  type LocalizedText,
  type ReferenceSheetSpec,
  type TableSheetSpec,
  type TemplateSpec,
} from "../spec/TemplateSpec.js";
import { listCellText } from "../spec/lists.js";
import { widenForHeaders } from "./headerWidths.js";
import {
  FORM_LABEL_COLUMN,
  FORM_VALUE_COLUMN,
  formulaContext,
  gridContext,
  metadataSheetName,
  resolveLayout,
  sheetLayout,
  type SheetLayout,
  type WorkbookLayout,
} from "./resolveLayout.js";
import {
  PLAN_PROBE_ROW,
  type CellStyle,
  type PlannedCell,
  type PlannedHighlight,
  type PlannedRow,
  type PlannedValidation,
  type PlannedValue,
  type SheetPlan,
  type WorkbookPlan,
} from "./WorkbookPlan.js";
import { plainSheet } from "./plainSheet.js";

/** Input values for the rows of a table sheet: column key → value. */
export type RowValues = Readonly<Record<string, PlannedValue | undefined>>;

export interface PlanOptions {
  readonly language: Language;
  /** Version of ikz-kit writing the workbook; stored in the metadata sheet. */
  readonly generatorVersion: string;
  /** Pre-filled rows per table sheet key (for tables with fixed rows: values overriding the spec's, by index). */
  readonly tableRows?: Readonly<Record<string, readonly RowValues[]>>;
  /** Values of form fields per form sheet key. */
  readonly formValues?: Readonly<Record<string, RowValues>>;
  /** Spare rows per table sheet key, instead of the spec's `spareRows`. */
  readonly spareRows?: Readonly<Record<string, number>>;
  /**
   * Data rows per table and reference sheet key, as a workbook's metadata recorded them (see
   * {@link formatLayoutRows}): plans the same formulas again, whatever was pre-filled.
   */
  readonly layoutRows?: Readonly<Record<string, number>>;
}

export interface PlannedWorkbook {
  readonly plan: WorkbookPlan;
  readonly layout: WorkbookLayout;
}

/** Fields of the hidden metadata sheet, in order. */
export const METADATA_KEYS = ["templateId", "templateVersion", "language", "generatorVersion"] as const;

/**
 * Plans a workbook for a template: the layout, every cell, formula, validation and format.
 * Pure: the same spec and options always give the same plan.
 *
 * @example
 * const { plan } = planWorkbook(taskCatalogueSpec, { language: "de", generatorVersion: "0.1.0" });
 */
export function planWorkbook(spec: TemplateSpec, options: PlanOptions): PlannedWorkbook {
  const dataRows: Record<string, number> = {};
  for (const sheet of spec.sheets) {
    if (sheet.kind !== "table" || sheet.fixedRows) continue;
    const prefilled = options.tableRows?.[sheet.key]?.length ?? 0;
    dataRows[sheet.key] = prefilled + (options.spareRows?.[sheet.key] ?? sheet.spareRows);
  }
  const layout = resolveLayout(spec, options.language, options.layoutRows ?? dataRows);
  const sheets: SheetPlan[] = spec.sheets.map((sheet) => {
    const sheetLayoutOf = sheetLayout(layout, sheet.key);
    switch (sheet.kind) {
      case "table":
        return planTableSheet(layout, sheet, sheetLayoutOf, options.tableRows?.[sheet.key] ?? []);
      case "form":
        return planFormSheet(layout, sheet, sheetLayoutOf, options.formValues?.[sheet.key] ?? {});
      case "reference":
        return planReferenceSheet(layout, sheet, sheetLayoutOf);
      case "grid":
        return planGridSheet(layout, sheet, sheetLayoutOf, filledRowsOf(options));
    }
  });
  sheets.push(planMetadataSheet(spec, options, layout));
  return {
    layout,
    plan: {
      templateId: spec.id,
      templateVersion: spec.version,
      language: options.language,
      title: spec.title[options.language],
      sheets,
    },
  };
}

function titleRows(title: LocalizedText, description: LocalizedText | undefined, language: Language): PlannedRow[] {
  const rows: PlannedRow[] = [{ row: 1, cells: [{ column: 1, value: title[language], style: "title" }], height: 24 }];
  if (description) rows.push({ row: 2, cells: [{ column: 1, value: description[language], style: "description" }] });
  return rows;
}

function planTableSheet(
  layout: WorkbookLayout,
  sheet: TableSheetSpec,
  place: SheetLayout,
  prefilled: readonly RowValues[],
): SheetPlan {
  const language = layout.language;
  const header: PlannedRow = {
    row: place.headerRow,
    height: 58,
    cells: sheet.columns.map((column, index) => ({
      column: index + 1,
      value: column.label[language],
      style: "header" as const,
    })),
  };
  const head = [...titleRows(sheet.title, sheet.description, language), header];
  const rowCount = place.lastDataRow - place.firstDataRow + 1;
  const templates = new Map(
    sheet.columns.flatMap((column) => {
      const template =
        column.formula && !sheet.fixedRows
          ? rowFormulaTemplate(layout, sheet.key, column.formula, [place.firstDataRow, place.lastDataRow])
          : undefined;
      return template ? [[column.key, template] as const] : [];
    }),
  );
  const dataRow = (index: number): PlannedRow => {
    const row = place.firstDataRow + index;
    const fixed = sheet.fixedRows?.[index];
    const values: RowValues = fixed
      ? { ...fixedRowValues(fixed.values, language), ...prefilled[index] }
      : (prefilled[index] ?? {});
    const formulaFor = (column: ColumnSpec): string | undefined => {
      const template = fixed ? undefined : templates.get(column.key);
      if (template) return template.join(String(row));
      return column.formula?.(formulaContext(layout, sheet.key, row, fixed?.key));
    };
    const cells = sheet.columns.map((column, columnIndex) =>
      plannedCell(layout, column, columnIndex + 1, values[column.key], () => formulaFor(column)),
    );
    return { row, cells };
  };
  return {
    key: sheet.key,
    name: place.name,
    state: sheet.hidden === true ? "hidden" : "visible",
    // never narrower than a header's longest word: headers wrap between words only
    columnWidths: widenForHeaders(
      sheet.columns.map((c) => c.width),
      [header],
    ),
    rowCount: head.length + rowCount,
    rows: function* () {
      yield* head;
      for (let index = 0; index < rowCount; index++) yield dataRow(index);
    },
    frozen: { rows: place.headerRow, columns: 0 },
    validations: sheet.columns.flatMap((column, index) =>
      plannedValidations(
        layout,
        column,
        `${columnLetter(index + 1)}${place.firstDataRow}:${columnLetter(index + 1)}${place.lastDataRow}`,
      ),
    ),
    highlights: sheet.columns.flatMap((column, index) => plannedHighlights(column, index + 1, place)),
    merges: [],
    autoFilter: `A${place.headerRow}:${columnLetter(sheet.columns.length)}${place.headerRow}`,
    rowFormulaTemplates: new Map(
      sheet.columns.flatMap((column, index) => {
        const parts = templates.get(column.key);
        return parts ? [[index + 1, parts] as const] : [];
      }),
    ),
    // a working sheet (nothing a user types) is protected; input lists stay open for sorting
    ...(isWorkingSheet(sheet) ? { protected: true } : {}),
    print: { landscape: sheet.landscape ?? false, titleRows: `${place.headerRow}:${place.headerRow}` },
  };
}

/**
 * Whether a table holds only what the workbook computes or the template fixes (the cost model's
 * „Teilbeträge“ and „Verteilung“): no column a user types into. Such a sheet is protected; a
 * table with an input column is not, since Excel cannot sort a protected range with locked cells.
 */
export function isWorkingSheet(sheet: TableSheetSpec): boolean {
  return !sheet.columns.some((column) => column.kind === "input" && column.fixed !== true);
}

/** Rows far outside any template, used to find where a formula mentions its own row. */
const PROBE_ROWS = [PLAN_PROBE_ROW, PLAN_PROBE_ROW + 1] as const;

/**
 * A row formula split at every mention of its own row, so 50,000 rows cost one string join each
 * instead of building the formula anew. Undefined when the formula depends on the row in any
 * other way (then it is built per row): the template must give the same formula as the spec for
 * two probe rows and for the sheet's first and last data rows (which catches formulas that refer
 * to blocks of rows or change with the row's position).
 */
function rowFormulaTemplate(
  layout: WorkbookLayout,
  sheetKey: string,
  formula: NonNullable<ColumnSpec["formula"]>,
  dataRows: readonly number[],
): string[] | undefined {
  const [first] = PROBE_ROWS;
  const parts = formula(formulaContext(layout, sheetKey, first)).split(String(first));
  const matches = (row: number): boolean => parts.join(String(row)) === formula(formulaContext(layout, sheetKey, row));
  return [...PROBE_ROWS.slice(1), ...dataRows].every(matches) ? parts : undefined;
}

function fixedRowValues(
  values: Readonly<Record<string, string | number | LocalizedText>>,
  language: Language,
): RowValues {
  const out: Record<string, PlannedValue> = {};
  for (const [key, value] of Object.entries(values)) out[key] = typeof value === "object" ? value[language] : value;
  return out;
}

function plannedCell(
  layout: WorkbookLayout,
  column: ColumnSpec,
  columnNumber: number,
  value: PlannedValue | undefined,
  formula: () => string | undefined,
): PlannedCell {
  const numberFormat = column.numberFormat;
  const withFormat = {
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(column.align === undefined ? {} : { align: column.align }),
  };
  if (column.kind === "computed") {
    const text = formula();
    if (text === undefined)
      throw new TemplateSpecError(layout.spec.id, `computed column "${column.key}" has no formula`);
    return { column: columnNumber, formula: text, style: "computed", ...withFormat };
  }
  const style: CellStyle = column.fixed ? "label" : "input";
  if (value === undefined || value === null || value === "") return { column: columnNumber, style, ...withFormat };
  return { column: columnNumber, value, style, ...withFormat };
}

function plannedValidations(layout: WorkbookLayout, column: ColumnSpec, range: string): PlannedValidation[] {
  if (column.kind === "computed" || column.fixed) return [];
  const language = layout.language;
  const prompt = column.hint?.[language];
  const withPrompt = prompt === undefined ? {} : { prompt };
  const errorFor = (expected: string): string =>
    renderTerm("validationError", language, { column: column.label[language], expected });
  switch (column.type) {
    case "rating":
    case "integer":
    case "decimal":
    case "currency": {
      const whole = column.type === "rating" || column.type === "integer";
      const min = column.min ?? 0;
      const max = column.type === "rating" ? (column.max ?? 3) : column.max;
      const expected = renderTerm(whole ? "expectWholeNumber" : "expectNumber", language, {
        min,
        ...(max === undefined ? {} : { max }),
        grouping: groupsDigits(column),
      });
      return [
        {
          range,
          type: whole ? "whole" : "decimal",
          min,
          ...(max === undefined ? {} : { max }),
          ...withPrompt,
          error: errorFor(expected),
          errorStyle: "stop",
        },
      ];
    }
    case "list":
    case "code":
    case "text": {
      if (!column.list) return [];
      const list = layout.spec.lists[column.list.key];
      if (!list) throw new TemplateSpecError(layout.spec.id, `unknown list "${column.list.key}"`);
      const place = sheetLayout(layout, list.sheet);
      const listColumn = place.columns.get(list.column);
      if (listColumn === undefined)
        throw new TemplateSpecError(layout.spec.id, `list "${column.list.key}" has no column`);
      const letter = columnLetter(listColumn);
      const count = Math.max(1, list.entries(language).length);
      return [
        {
          range,
          type: "list",
          source: `${sheetReference(place.name)}!$${letter}$${place.firstDataRow}:$${letter}$${place.firstDataRow + count - 1}`,
          ...withPrompt,
          // a text column only suggests its list (several values may share a cell): its hint says how
          error: errorFor(
            column.type === "text" && prompt !== undefined
              ? prompt
              : renderTerm("expectListValue", language, { sheet: place.name }),
          ),
          errorStyle: column.list.allowOther ? "warning" : "stop",
        },
      ];
    }
    case "date":
      return [
        {
          range,
          type: "date",
          min: new Date(Date.UTC(2000, 0, 1)),
          ...withPrompt,
          error: errorFor(renderTerm("expectDate", language)),
          errorStyle: "stop",
        },
      ];
    case "email":
      return [];
  }
}

function plannedHighlights(column: ColumnSpec, columnNumber: number, place: SheetLayout): PlannedHighlight[] {
  const letter = columnLetter(columnNumber);
  return (column.highlights ?? []).map((h) => ({
    range: `${letter}${place.firstDataRow}:${letter}${place.lastDataRow}`,
    equals: h.equals,
    fill: h.fill,
  }));
}

function planFormSheet(layout: WorkbookLayout, sheet: FormSheetSpec, place: SheetLayout, values: RowValues): SheetPlan {
  const language = layout.language;
  const head = titleRows(sheet.title, sheet.description, language);
  const fieldRows: PlannedRow[] = sheet.fields.map((field, index) => {
    const row = sheet.firstRow + index;
    const context = formulaContext(layout, sheet.key, row, field.key);
    const cells: PlannedCell[] = [
      { column: FORM_LABEL_COLUMN, value: field.label[language], style: "label" },
      plannedCell(layout, field, FORM_VALUE_COLUMN, values[field.key] ?? field.initial, () => field.formula?.(context)),
    ];
    if (field.hint) cells.push({ column: FORM_VALUE_COLUMN + 1, value: field.hint[language], style: "description" });
    return { row, cells };
  });
  const rows = [...head, ...fieldRows];
  return {
    key: sheet.key,
    name: place.name,
    state: "visible",
    columnWidths: [34, 30, 60],
    rowCount: rows.length,
    rows: () => rows,
    validations: sheet.fields.flatMap((field, index) =>
      plannedValidations(layout, field, cellAddress(sheet.firstRow + index, FORM_VALUE_COLUMN)),
    ),
    highlights: [],
    merges: [],
    print: { landscape: false },
  };
}

function planReferenceSheet(layout: WorkbookLayout, sheet: ReferenceSheetSpec, place: SheetLayout): SheetPlan {
  const language = layout.language;
  const columns = sheet.columns.map((column) => {
    const list = layout.spec.lists[column.list];
    if (!list) throw new TemplateSpecError(layout.spec.id, `unknown list "${column.list}"`);
    const texts = list
      .entries(language)
      .map((entry) => (column.show === "value" ? entry.value : listCellText(entry, language)));
    return texts;
  });
  const head = [
    ...titleRows(sheet.title, sheet.description, language),
    {
      row: place.headerRow,
      cells: sheet.columns.map((c, i) => ({ column: i + 1, value: c.label[language], style: "header" as const })),
    },
  ];
  const count = place.lastDataRow - place.firstDataRow + 1;
  return {
    key: sheet.key,
    name: place.name,
    state: sheet.hidden === true ? "hidden" : "visible",
    columnWidths: widenForHeaders(
      sheet.columns.map((c) => c.width),
      head,
    ),
    rowCount: head.length + count,
    rows: function* () {
      yield* head;
      for (let index = 0; index < count; index++) {
        const cells: PlannedCell[] = [];
        columns.forEach((texts, columnIndex) => {
          const text = texts[index];
          if (text !== undefined)
            cells.push({ column: columnIndex + 1, value: text, style: "reference", numberFormat: "@" });
        });
        yield { row: place.firstDataRow + index, cells };
      }
    },
    frozen: { rows: place.headerRow, columns: 0 },
    validations: [],
    highlights: [],
    merges: [],
    protected: true,
    print: { landscape: false, titleRows: `${place.headerRow}:${place.headerRow}` },
  };
}

/** Rows pre-filled per table (what a grid may size its columns by). */
function filledRowsOf(options: PlanOptions): Record<string, number> {
  return Object.fromEntries(Object.entries(options.tableRows ?? {}).map(([key, rows]) => [key, rows.length]));
}

function planGridSheet(
  layout: WorkbookLayout,
  sheet: GridSheetSpec,
  place: SheetLayout,
  filled: Readonly<Record<string, number>> = {},
): SheetPlan {
  const content = sheet.build(gridContext(layout, filled));
  const rows: PlannedRow[] = content.rows.map((row) => ({
    row: row.row,
    ...(row.height === undefined ? {} : { height: row.height }),
    cells: row.cells.map((cell) => ({ ...cell })),
  }));
  return {
    key: sheet.key,
    name: place.name,
    state: sheet.hidden === true ? "hidden" : "visible",
    columnWidths: widenForHeaders(content.columnWidths, rows, content.merges ?? []),
    rowCount: rows.length,
    rows: () => rows,
    ...(content.frozen ? { frozen: content.frozen } : {}),
    validations: [],
    highlights: content.highlights ?? [],
    ...(content.colorScales === undefined || content.colorScales.length === 0
      ? {}
      : { colorScales: content.colorScales.map((scale) => ({ ...scale })) }),
    merges: content.merges ?? [],
    protected: true,
    print: {
      landscape: sheet.landscape ?? false,
      ...(content.printTitleRows === undefined ? {} : { titleRows: content.printTitleRows }),
      ...(content.printArea === undefined ? {} : { area: content.printArea }),
      ...(content.header === undefined ? {} : { header: content.header }),
      ...(content.footer === undefined ? {} : { footer: content.footer }),
    },
  };
}

function planMetadataSheet(spec: TemplateSpec, options: PlanOptions, layout: WorkbookLayout): SheetPlan {
  return metadataSheet(
    {
      templateId: spec.id,
      templateVersion: spec.version,
      language: options.language,
      generatorVersion: options.generatorVersion,
    },
    formatLayoutRows(layout),
  );
}

/** Metadata key of the planned row counts (see {@link formatLayoutRows}). */
export const LAYOUT_METADATA_KEY = "layout";

/**
 * The planned data rows of every table and reference sheet, as the metadata sheet stores them
 * (`towns=12;items=50`): with them a reader plans the same formulas again and can tell a user's
 * edit from what ikz-kit wrote.
 */
export function formatLayoutRows(layout: WorkbookLayout): string {
  const parts: string[] = [];
  for (const [key, place] of layout.sheets) {
    if (place.spec.kind !== "table" && place.spec.kind !== "reference") continue;
    parts.push(`${key}=${place.lastDataRow - place.firstDataRow + 1}`);
  }
  return parts.join(";");
}

/** Reads {@link formatLayoutRows}' text back; undefined when it is missing or malformed. */
export function parseLayoutRows(text: string | undefined): Record<string, number> | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const rows: Record<string, number> = {};
  for (const part of text.split(";")) {
    const match = /^([A-Za-z][A-Za-z0-9_-]*)=(\d{1,7})$/.exec(part.trim());
    if (!match?.[1] || !match[2]) return undefined;
    rows[match[1]] = Number(match[2]);
  }
  return rows;
}

/**
 * The hidden metadata sheet (`_ikz_<template id>`, one per template, so templates can share a
 * workbook) with these values, and the planned layout when known.
 */
export function metadataSheet(
  values: Readonly<Record<(typeof METADATA_KEYS)[number], string>>,
  layoutRows?: string,
): SheetPlan {
  const entries: [string, string][] = METADATA_KEYS.map((key) => [key, values[key]]);
  if (layoutRows !== undefined && layoutRows !== "") entries.push([LAYOUT_METADATA_KEY, layoutRows]);
  const rows: PlannedRow[] = entries.map(([key, value], index) => ({
    row: index + 1,
    cells: [
      { column: 1, value: key, style: "meta" },
      { column: 2, value, style: "meta", numberFormat: "@" },
    ],
  }));
  return plainSheet("metadata", metadataSheetName(values.templateId), rows, {
    state: "hidden",
    columnWidths: [20, 20],
    protected: true,
  });
}

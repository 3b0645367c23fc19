import { cellAddress, columnLetter, sheetReference } from "../cells/address.js";
import {
  TemplateSpecError,
  type ColumnSpec,
  type FormulaContext,
  type GridContext,
  type Language,
  type SheetSpec,
  type TemplateSpec,
} from "../spec/TemplateSpec.js";

/** Where one sheet's parts are, once the number of data rows is known. */
export interface SheetLayout {
  readonly spec: SheetSpec;
  readonly name: string;
  /** Header row (tables and reference sheets); for forms the row above the first field. */
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Last data row covered by formulas and validations. */
  readonly lastDataRow: number;
  /** 1-based column of each column/field key. Form fields all sit in column B. */
  readonly columns: ReadonlyMap<string, number>;
  /** Row of each form field or fixed row, by key. */
  readonly rowsByKey: ReadonlyMap<string, number>;
}

export interface WorkbookLayout {
  readonly spec: TemplateSpec;
  readonly language: Language;
  readonly sheets: ReadonlyMap<string, SheetLayout>;
}

/**
 * Name of the hidden metadata sheet of workbooks written before templates could share a workbook
 * (ikz-kit 0.x): still read, never written (see docs/decisions/0010).
 */
export const METADATA_SHEET_NAME = "_ikz";

/** Start of the name of every template's own hidden metadata sheet: `_ikz_<template id>`. */
export const METADATA_SHEET_PREFIX = "_ikz_";

/**
 * The hidden metadata sheet of one template (or combined workbook), e.g. `_ikz_pestel`; cut to
 * Excel's 31 characters (`_ikz_arbeitsplatzprofil-verglei`) — the sheet's `templateId` row, not
 * its name, says which template it is.
 */
export function metadataSheetName(templateId: string): string {
  return `${METADATA_SHEET_PREFIX}${templateId}`.slice(0, 31);
}

/** Whether a sheet is a metadata sheet ikz-kit wrote: `_ikz` (older files) or `_ikz_<id>`. */
export function isMetadataSheetName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === METADATA_SHEET_NAME || lower.startsWith(METADATA_SHEET_PREFIX);
}

/** Column of a form's labels and of its values. */
export const FORM_LABEL_COLUMN = 1;
export const FORM_VALUE_COLUMN = 2;

/**
 * Places every sheet of a spec: header rows, data rows, column letters.
 * @param dataRows number of data rows per table sheet key (pre-filled plus spare rows);
 *   tables not named get their `minRows` (or their fixed rows); a reference sheet named here gets
 *   this many rows instead of its longest list's (for planning a workbook's formulas again).
 */
export function resolveLayout(
  spec: TemplateSpec,
  language: Language,
  dataRows: Readonly<Record<string, number>> = {},
): WorkbookLayout {
  const sheets = new Map<string, SheetLayout>();
  for (const sheet of spec.sheets) {
    if (sheets.has(sheet.key)) throw new TemplateSpecError(spec.id, `duplicate sheet key "${sheet.key}"`);
    sheets.set(sheet.key, layoutSheet(spec, sheet, language, dataRows[sheet.key]));
  }
  return { spec, language, sheets };
}

function layoutSheet(
  spec: TemplateSpec,
  sheet: SheetSpec,
  language: Language,
  requestedRows: number | undefined,
): SheetLayout {
  const name = sheet.name[language];
  switch (sheet.kind) {
    case "table": {
      const columns = keyedColumns(
        spec,
        sheet.columns.map((c) => c.key),
      );
      if (!columns.has(sheet.rowKey))
        throw new TemplateSpecError(spec.id, `row key "${sheet.rowKey}" is no column of "${sheet.key}"`);
      const firstDataRow = sheet.headerRow + 1;
      const rowsByKey = new Map<string, number>();
      sheet.fixedRows?.forEach((fixed, index) => rowsByKey.set(fixed.key, firstDataRow + index));
      const count = sheet.fixedRows ? sheet.fixedRows.length : Math.max(sheet.minRows, requestedRows ?? 0);
      return {
        spec: sheet,
        name,
        headerRow: sheet.headerRow,
        firstDataRow,
        lastDataRow: firstDataRow + count - 1,
        columns,
        rowsByKey,
      };
    }
    case "form": {
      const rowsByKey = new Map<string, number>();
      sheet.fields.forEach((field, index) => rowsByKey.set(field.key, sheet.firstRow + index));
      const columns = new Map(sheet.fields.map((f) => [f.key, FORM_VALUE_COLUMN] as const));
      return {
        spec: sheet,
        name,
        headerRow: sheet.firstRow - 1,
        firstDataRow: sheet.firstRow,
        lastDataRow: sheet.firstRow + sheet.fields.length - 1,
        columns,
        rowsByKey,
      };
    }
    case "grid":
      return {
        spec: sheet,
        name,
        headerRow: 0,
        firstDataRow: 1,
        lastDataRow: 0,
        columns: new Map(),
        rowsByKey: new Map(),
      };
    case "reference": {
      const columns = keyedColumns(
        spec,
        sheet.columns.map((c) => c.key),
      );
      const longest =
        requestedRows ?? Math.max(0, ...sheet.columns.map((c) => spec.lists[c.list]?.entries(language).length ?? 0));
      const firstDataRow = sheet.headerRow + 1;
      return {
        spec: sheet,
        name,
        headerRow: sheet.headerRow,
        firstDataRow,
        lastDataRow: firstDataRow + longest - 1,
        columns,
        rowsByKey: new Map(),
      };
    }
  }
}

function keyedColumns(spec: TemplateSpec, keys: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  keys.forEach((key, index) => {
    if (columns.has(key)) throw new TemplateSpecError(spec.id, `duplicate column key "${key}"`);
    columns.set(key, index + 1);
  });
  return columns;
}

/** The layout of one sheet, or a spec error naming what is missing. */
export function sheetLayout(layout: WorkbookLayout, sheetKey: string): SheetLayout {
  const sheet = layout.sheets.get(sheetKey);
  if (!sheet) throw new TemplateSpecError(layout.spec.id, `no sheet "${sheetKey}"`);
  return sheet;
}

/** Absolute reference to a named cell (`sheet.field` or `sheet.row.column`). */
export function namedCellReference(layout: WorkbookLayout, name: string, fromSheetKey?: string): string {
  const parts = name.split(".");
  const sheetKey = parts[0] ?? "";
  const sheet = sheetLayout(layout, sheetKey);
  let row: number | undefined;
  let column: number | undefined;
  if (parts.length === 2 && sheet.spec.kind === "form") {
    row = sheet.rowsByKey.get(parts[1] ?? "");
    column = FORM_VALUE_COLUMN;
  } else if (parts.length === 3) {
    row = sheet.rowsByKey.get(parts[1] ?? "");
    column = sheet.columns.get(parts[2] ?? "");
  }
  if (row === undefined || column === undefined) throw new TemplateSpecError(layout.spec.id, `no named cell "${name}"`);
  const address = `$${columnLetter(column)}$${row}`;
  return fromSheetKey === sheetKey ? address : `${sheetReference(sheet.name)}!${address}`;
}

/** The formula context for one row of a sheet. */
export function formulaContext(layout: WorkbookLayout, sheetKey: string, row: number, rowKey?: string): FormulaContext {
  const sheet = sheetLayout(layout, sheetKey);
  const columnOf = (sheetOfColumn: SheetLayout, key: string): number => {
    const column = sheetOfColumn.columns.get(key);
    if (column === undefined)
      throw new TemplateSpecError(layout.spec.id, `no column "${key}" on sheet "${sheetOfColumn.spec.key}"`);
    return column;
  };
  return {
    language: layout.language,
    row,
    rowKey,
    cell: (key) => cellAddress(row, columnOf(sheet, key)),
    columnRange: (key, otherSheetKey) => {
      const target = otherSheetKey ? sheetLayout(layout, otherSheetKey) : sheet;
      const letter = columnLetter(columnOf(target, key));
      const range = `${letter}$${target.firstDataRow}:${letter}$${target.lastDataRow}`;
      return target === sheet ? range : `${sheetReference(target.name)}!$${range}`;
    },
    named: (name) => namedCellReference(layout, name, sheetKey),
    rowCount: (tableKey) => dataRowCount(layout, tableKey),
  };
}

/** Number of planned data rows of a table sheet. */
export function dataRowCount(layout: WorkbookLayout, sheetKey: string): number {
  const place = sheetLayout(layout, sheetKey);
  if (place.spec.kind !== "table") throw new TemplateSpecError(layout.spec.id, `"${sheetKey}" is no table`);
  return place.lastDataRow - place.firstDataRow + 1;
}

/**
 * The context a grid sheet is built in: references always carry their sheet's name. `filled`:
 * the rows of each table pre-filled by the planner (none when the workbook is planned again to
 * check it — so nothing but looks, e.g. column widths, may depend on it).
 */
export function gridContext(layout: WorkbookLayout, filled: Readonly<Record<string, number>> = {}): GridContext {
  return {
    filledRows: (sheetKey) => filled[sheetKey] ?? 0,
    language: layout.language,
    spec: layout.spec,
    columnRange: (key, sheetKey) => {
      const target = sheetLayout(layout, sheetKey);
      const column = target.columns.get(key);
      if (column === undefined)
        throw new TemplateSpecError(layout.spec.id, `no column "${key}" on sheet "${sheetKey}"`);
      const letter = columnLetter(column);
      return `${sheetReference(target.name)}!$${letter}$${target.firstDataRow}:$${letter}$${target.lastDataRow}`;
    },
    named: (name) => namedCellReference(layout, name),
    rowCount: (sheetKey) => dataRowCount(layout, sheetKey),
  };
}

/** The spec of a column or field by key, or undefined. */
export function findColumn(sheet: SheetSpec, key: string): ColumnSpec | undefined {
  if (sheet.kind === "form") return sheet.fields.find((f) => f.key === key);
  if (sheet.kind === "table") return sheet.columns.find((c) => c.key === key);
  return undefined;
}

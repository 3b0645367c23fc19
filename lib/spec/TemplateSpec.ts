/**
 * The declarative model of a workbook template. One spec per template (see `templates/`)
 * feeds every face of ikz-kit: the workbook plan (and through it both writers), the reader's
 * header matching, the validator, `ikz describe` and the docs.
 *
 * Everything here is data plus a few pure functions (formulas), so a spec can be checked,
 * printed and compared without a spreadsheet.
 */

import type { PrintPageText } from "../plan/WorkbookPlan.js";
import type { TemplateRevision } from "./TemplateHistory.js";

export type Language = "de" | "en";
export const LANGUAGES: readonly Language[] = ["de", "en"];

/** A text shown to users, German first. */
export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

/**
 * What a cell of a column holds. The type drives parsing (reader/validator), the Excel data
 * validation and the number format.
 * - `code`: a product or reference code, kept as text (digits typed as a number are accepted).
 * - `rating`: a whole number 0–3 (the guideline's four-step rating scale).
 * - `list`: one value of a reference list (see {@link ListSpec}).
 */
export type ColumnType = "text" | "code" | "integer" | "decimal" | "currency" | "rating" | "list" | "date" | "email";

/** Input cells are typed by users; computed cells hold a formula generated from the spec. */
export type ColumnKind = "input" | "computed";

/** A reference list whose values live on a sheet of the workbook (never as a literal). */
export interface ListSpec {
  /** Key of the list in the template's `lists`. */
  readonly key: string;
  /** When true, values outside the list are accepted with a warning (e.g. custom codes). */
  readonly allowOther?: boolean;
}

/** Context a computed column's formula is built in: where things are in the planned layout. */
export interface FormulaContext {
  /** Language of the workbook (for the few formulas that produce text, e.g. a check's verdict). */
  readonly language: Language;
  /** 1-based sheet row the formula is for. */
  readonly row: number;
  /** Key of the fixed row the formula is for (fixed rows of a table only). */
  readonly rowKey: string | undefined;
  /** Address of the cell of column `key` in the same row, e.g. `E7`. */
  cell(key: string): string;
  /**
   * Absolute range of column `key` over all data rows of a table sheet, e.g. `E$7:E$506`;
   * prefixed with the sheet name when `sheetKey` names another sheet.
   */
  columnRange(key: string, sheetKey?: string): string;
  /**
   * Absolute address of a single named cell, prefixed with its sheet when on another sheet:
   * a form field `sheetKey.fieldKey`, or a fixed row's cell `sheetKey.rowKey.columnKey`.
   */
  named(name: string): string;
  /** Number of planned data rows of a table sheet (pre-filled plus spare rows). */
  rowCount(sheetKey: string): number;
}

export interface ColumnSpec {
  /** Stable English identifier; never shown, never translated, never renamed lightly. */
  readonly key: string;
  readonly label: LocalizedText;
  readonly type: ColumnType;
  readonly kind: ColumnKind;
  /** Text the template fills in and users are not meant to change (e.g. a criterion's name). */
  readonly fixed?: boolean;
  /** Initial value of a form field. */
  readonly initial?: string | number;
  /** A value is required in every data row that is in use. */
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Most decimals a number may carry (e.g. 2 for FTE and money). */
  readonly maxDecimals?: number;
  /**
   * The reference list of a `list` or `code` column. A `text` column may name a list too: the
   * sheet then offers the list in a drop-down (with `allowOther`, as a suggestion only — e.g.
   * measure ids where one cell may name several), and the text is read as typed.
   */
  readonly list?: ListSpec;
  /** Excel number format code (English/invariant), e.g. `0.00` or `#,##0.00 "€"`. */
  readonly numberFormat?: string;
  /** Column width in characters. */
  readonly width: number;
  /** Horizontal alignment of the column's cells, when the default does not fit. */
  readonly align?: "left" | "center" | "right";
  /** Input help shown by Excel's data validation and in the docs. */
  readonly hint?: LocalizedText;
  /**
   * How findings about the column's cells name it when form field `field` (`sheetKey.fieldKey`)
   * holds a name: `label` with `{name}` in place of it (a status column: „Status Zschorlau“, not
   * „Status 3“); the column's label while the field is empty.
   */
  readonly namedBy?: { readonly field: string; readonly label: LocalizedText };
  /** For `computed` columns: the formula for one row. */
  readonly formula?: (context: FormulaContext) => string;
  /**
   * Cells whose text equals a value get a fill (always with the text itself as the signal);
   * `language`: the text is of this language's workbook only (the „So geht’s“ sheet names it there).
   */
  readonly highlights?: readonly {
    readonly equals: string;
    readonly fill: "good" | "neutral" | "weak";
    readonly language?: Language;
  }[];
}

/**
 * A table sheet: a title block, one header row, then data rows. Rows count as "in use" when
 * their `rowKey` column is not empty.
 */
export interface TableSheetSpec {
  readonly kind: "table";
  /** Stable key of the sheet. */
  readonly key: string;
  readonly name: LocalizedText;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly headerRow: number;
  readonly columns: readonly ColumnSpec[];
  /** The column whose value makes a row count as in use (e.g. the product code). */
  readonly rowKey: string;
  /** Least number of data rows planned (formulas and validations cover them all). */
  readonly minRows: number;
  /** Extra empty rows planned below the pre-filled ones, for the town's own entries. */
  readonly spareRows: number;
  /** Fixed rows (e.g. the criteria), pre-filled from the spec; their keys identify them. */
  readonly fixedRows?: readonly FixedRowSpec[];
  readonly landscape?: boolean;
  /**
   * A working sheet nobody needs to see or print (e.g. the cost model's „Teilbeträge“): planned
   * hidden, so it neither shows as a tab nor prints; Excel's „Einblenden“ shows it again.
   */
  readonly hidden?: boolean;
  /**
   * How a workbook gets more rows than prepared, when inserting rows inside the table does not
   * work (formulas that refer to rows by position); said with entries below the prepared rows.
   */
  readonly moreRows?: LocalizedText;
}

/** A row the template defines (e.g. one criterion): its key and initial input values. */
export interface FixedRowSpec {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number | LocalizedText>>;
}

/**
 * A form sheet: labelled single values, label in column A, value in column B, one per row,
 * starting at `firstRow`. Fields may be referenced from formulas by `named(key)`.
 */
export interface FormSheetSpec {
  readonly kind: "form";
  readonly key: string;
  readonly name: LocalizedText;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly firstRow: number;
  readonly fields: readonly ColumnSpec[];
}

/** A read-only reference list sheet (e.g. the product framework), filled from `lists`. */
export interface ReferenceSheetSpec {
  readonly kind: "reference";
  readonly key: string;
  readonly name: LocalizedText;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly headerRow: number;
  /** The lists shown side by side, each in its own column (values first). */
  readonly columns: readonly ReferenceColumnSpec[];
  /** Planned hidden (lists only the drop-downs use): neither a tab nor printed. */
  readonly hidden?: boolean;
}

export interface ReferenceColumnSpec {
  readonly key: string;
  /** Key of the list in the template's `lists`. */
  readonly list: string;
  /** Whether the column shows the entries' values (codes) or their labels (names). */
  readonly show: "value" | "label";
  readonly label: LocalizedText;
  readonly width: number;
}

/**
 * A computed sheet laid out cell by cell (a matrix, a printable annex): no input, so readers and
 * validators skip it. `build` places its cells from where the other sheets' rows ended up.
 */
export interface GridSheetSpec {
  readonly kind: "grid";
  readonly key: string;
  readonly name: LocalizedText;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly landscape?: boolean;
  /** Planned hidden (a working sheet other sheets' formulas read): neither a tab nor printed. */
  readonly hidden?: boolean;
  readonly build: (context: GridContext) => GridContent;
}

/** Where a grid sheet's formulas find the rest of the workbook. */
export interface GridContext {
  readonly language: Language;
  /** The template the sheet belongs to (the „So geht’s“ sheet reads its inputs and outputs from it). */
  readonly spec: TemplateSpec;
  /** As {@link FormulaContext.columnRange}, always with the sheet name. */
  columnRange(key: string, sheetKey: string): string;
  /** As {@link FormulaContext.named}, always with the sheet name. */
  named(name: string): string;
  /** Number of planned data rows of a table sheet. */
  rowCount(sheetKey: string): number;
  /**
   * Rows of a table pre-filled when the workbook was planned (0 for a blank template, and when a
   * workbook is planned again to check it): for looks only, e.g. narrow columns for spare slots.
   */
  readonly filledRows?: (sheetKey: string) => number;
}

/** One cell of a grid sheet: a literal (text is written as text) or a formula. */
export interface GridCell {
  /** 1-based column. */
  readonly column: number;
  readonly value?: string | number;
  /** Formula with English function names, without the leading `=`. */
  readonly formula?: string;
  readonly style: "title" | "description" | "header" | "label" | "computed" | "text";
  readonly numberFormat?: string;
  readonly align?: "left" | "center" | "right";
  /** Wrap the text onto several lines (top-aligned), e.g. a list with line breaks. */
  readonly wrap?: boolean;
}

/** The cells of a grid sheet, row by row (1-based rows, ascending, title rows included). */
export interface GridContent {
  readonly columnWidths: readonly number[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly GridCell[]; readonly height?: number }[];
  readonly merges?: readonly string[];
  /** Rows repeated on every printed page, e.g. `5:5`. */
  readonly printTitleRows?: string;
  /** The only range printed, e.g. `A1:H72` (see {@link PrintPageText} for header and footer). */
  readonly printArea?: string;
  /** Header and footer of every printed page: static texts and page fields, never cell values. */
  readonly header?: PrintPageText;
  readonly footer?: PrintPageText;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  readonly highlights?: readonly {
    readonly range: string;
    readonly equals: string;
    readonly fill: "good" | "neutral" | "weak";
  }[];
  /** Colour scales (heat maps) over number cells; see {@link ColorScaleSpec}. */
  readonly colorScales?: readonly ColorScaleSpec[];
}

/** A point of a colour scale: the range's lowest/highest value, a fixed number or a percent; colour `#RRGGBB`. */
export interface ColorStopSpec {
  readonly type: "lowest" | "highest" | "number" | "percent";
  readonly value?: number;
  readonly color: string;
}

/**
 * A colour scale over one rectangular range of a grid sheet (two or three stops). With `number`
 * stops, several ranges share one scale: a value means the same colour wherever it stands.
 */
export interface ColorScaleSpec {
  readonly range: string;
  readonly min: ColorStopSpec;
  readonly mid?: ColorStopSpec;
  readonly max: ColorStopSpec;
}

export type SheetSpec = TableSheetSpec | FormSheetSpec | ReferenceSheetSpec | GridSheetSpec;

/** One value of a reference list, with its display label. */
export interface ListEntry {
  readonly value: string;
  readonly label?: LocalizedText;
}

/** A named list: its values, and the reference sheet and column they are written to. */
export interface ListDefinition {
  /** Key of the reference sheet holding the list. */
  readonly sheet: string;
  /** Key of the reference column holding the list's values. */
  readonly column: string;
  /** Entries per language (labels of kinds are translated; codes are not). */
  readonly entries: (language: Language) => readonly ListEntry[];
}

/** The whole template. */
export interface TemplateSpec {
  /** Stable id used on the command line and in the metadata sheet, e.g. `aufgabenkatalog`. */
  readonly id: string;
  /** Semantic version of the layout; bumped whenever a column or sheet changes. */
  readonly version: string;
  /** The earlier versions' layouts, newest first, so `ikz upgrade` can carry their workbooks over. */
  readonly history?: readonly TemplateRevision[];
  readonly title: LocalizedText;
  readonly sheets: readonly SheetSpec[];
  readonly lists: Readonly<Record<string, ListDefinition>>;
}

/** Raised when a spec contradicts itself: a programmer error, never a user's. */
export class TemplateSpecError extends Error {
  constructor(
    readonly templateId: string,
    detail: string,
  ) {
    super(`Template spec "${templateId}": ${detail}`);
    this.name = "TemplateSpecError";
  }
}

/** Picks the text for a language. */
export function localize(text: LocalizedText, language: Language): string {
  return text[language];
}

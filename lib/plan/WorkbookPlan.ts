/**
 * A workbook plan: everything a writer needs, resolved to sheets, rows, cells, formats and
 * validations. The exceljs writer and the Office.js writer only apply a plan; they decide
 * nothing about content.
 */

/** `text`: a paragraph of running text, wrapped within its column (the „So geht’s“ sheets). */
export type CellStyle =
  "title" | "description" | "header" | "label" | "input" | "computed" | "reference" | "meta" | "text";

/** A literal value as written; text is always written as text, never as a formula. */
export type PlannedValue = string | number | boolean | Date | null;

export interface PlannedCell {
  /** 1-based column. */
  readonly column: number;
  readonly value?: PlannedValue;
  /** Formula text with English function names and no leading `=`. */
  readonly formula?: string;
  readonly style: CellStyle;
  readonly numberFormat?: string;
  /** Horizontal alignment when the style's default does not fit (e.g. codes next to numbers). */
  readonly align?: "left" | "center" | "right";
  /** Wrap long text onto several lines (top-aligned), e.g. in a printed decision table. */
  readonly wrap?: boolean;
}

export interface PlannedRow {
  /** 1-based row. */
  readonly row: number;
  readonly cells: readonly PlannedCell[];
  readonly height?: number;
}

/** An Excel data validation over one rectangular range (one rule per range, never per cell). */
export type PlannedValidation =
  | {
      readonly range: string;
      readonly type: "whole" | "decimal";
      readonly min: number;
      readonly max?: number;
      readonly prompt?: string;
      readonly error: string;
      readonly errorStyle: "stop" | "warning";
    }
  | {
      readonly range: string;
      readonly type: "list";
      /** Absolute reference to the list's cells, with sheet, e.g. `Listen!$A$2:$A$5`. */
      readonly source: string;
      readonly prompt?: string;
      readonly error: string;
      readonly errorStyle: "stop" | "warning";
    }
  | {
      readonly range: string;
      readonly type: "date";
      readonly min: Date;
      readonly prompt?: string;
      readonly error: string;
      readonly errorStyle: "stop" | "warning";
    };

/** Highlights cells whose text equals `equals` (class A/B/C, hot spots). */
export interface PlannedHighlight {
  readonly range: string;
  readonly equals: string;
  readonly fill: "good" | "neutral" | "weak";
}

/**
 * One point of a colour scale: where it sits (the range's lowest or highest value, a fixed number,
 * or a percent of the range's span) and its colour as `#RRGGBB`.
 */
export interface PlannedColorStop {
  readonly type: "lowest" | "highest" | "number" | "percent";
  /** The number or percent (0–100) for `number` and `percent`; unused for `lowest`/`highest`. */
  readonly value?: number;
  readonly color: string;
}

/**
 * A colour scale (heat map) over one rectangular range: two or three stops. Number cells are
 * coloured, text and empty cells are not. Fixed `number` stops give several ranges the same scale.
 */
export interface PlannedColorScale {
  readonly range: string;
  readonly min: PlannedColorStop;
  readonly mid?: PlannedColorStop;
  readonly max: PlannedColorStop;
}

/** The row number that stands for „this row“ in {@link SheetPlan.rowFormulaTemplates}. */
export const PLAN_PROBE_ROW = 917_353;

export interface SheetPlan {
  readonly key: string;
  readonly name: string;
  readonly state: "visible" | "hidden";
  /** Widths in characters, index 0 = column A. */
  readonly columnWidths: readonly number[];
  /** Rows in ascending order; produced lazily so large sheets are never held twice. */
  rows(): Iterable<PlannedRow>;
  readonly rowCount: number;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  readonly validations: readonly PlannedValidation[];
  readonly highlights: readonly PlannedHighlight[];
  /** Colour scales (heat maps), each over its own range; absent or empty when the sheet has none. */
  readonly colorScales?: readonly PlannedColorScale[];
  readonly merges: readonly string[];
  readonly autoFilter?: string;
  /**
   * For table sheets: the formula of each column (by 1-based column number) that is the same in
   * every data row but for the row's own number, split where {@link PLAN_PROBE_ROW} stands for that
   * number. Readers compare a row with it without planning every row again.
   */
  readonly rowFormulaTemplates?: ReadonlyMap<number, readonly string[]>;
  /**
   * Protect the sheet without a password, so that results are not typed over by accident (a
   * deliberate Review › Unprotect Sheet lifts it; see docs/decisions/0007). Every cell is locked
   * except `input` cells; selecting cells, column widths, row heights and the auto filter stay
   * allowed; typing into locked cells, sorting, inserting and deleting rows or columns do not.
   * Absent or false: not protected (input lists, which users sort and extend).
   */
  readonly protected?: boolean;
  /**
   * How the sheet prints: A4, fitted to one page wide (both writers), in this orientation. A
   * sheet that must not print is planned `state: "hidden"` — Excel and LibreOffice print neither
   * hidden sheets nor their pages, and an .xlsx has no "visible but never printed" flag.
   */
  readonly print: {
    readonly landscape: boolean;
    /** Rows repeated on each printed page, e.g. `4:4`. */
    readonly titleRows?: string;
    /** The only range printed, without sheet name, e.g. `A1:H72`; absent: everything in use. */
    readonly area?: string;
    /** Printed at the top of every page. */
    readonly header?: PrintPageText;
    /** Printed at the bottom of every page. */
    readonly footer?: PrintPageText;
  };
}

/**
 * A header or footer: text at the left, in the centre and at the right of every printed page.
 * Placeholders that Excel and LibreOffice fill in when printing: `{page}` (this page's number),
 * `{pages}` (number of pages), `{date}` (the print date) and `{sheet}` (the sheet's name);
 * everything else prints as written (writers turn it into Excel's codes with
 * lib/plan/printPageText.ts). A header cannot show a cell's value: plan only texts that cannot go
 * stale when the sheet is edited (the values themselves belong in the sheet's title rows).
 * At most {@link PRINT_PAGE_TEXT_MAX} characters per header and per footer, codes included.
 * @example { left: "Anlage zur Zweckvereinbarung", right: "Seite {page} von {pages}" }
 */
export interface PrintPageText {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** Excel's limit on a header's (or a footer's) text, its codes included. */
export const PRINT_PAGE_TEXT_MAX = 255;

export interface WorkbookPlan {
  readonly templateId: string;
  readonly templateVersion: string;
  readonly language: "de" | "en";
  readonly title: string;
  readonly sheets: readonly SheetPlan[];
}

/**
 * How a template's earlier versions laid out their sheets, as data: what `ikz upgrade` needs to
 * carry a workbook of an older version over to the current one (see lib/upgrade/).
 *
 * Each {@link TemplateRevision} describes one earlier version relative to the version that
 * followed it (its successor), so a new version only adds one revision and never rewrites the
 * older ones. Whatever a revision does not mention is as in its successor: a sheet not listed has
 * the successor's name, header row and columns; a column listed by its key alone has the
 * successor's label and kind. Labels count in both languages, as the reader matches them.
 */
import type { LocalizedText } from "./TemplateSpec.js";

/** One earlier version of a template and how its sheets differed from the next version's. */
export interface TemplateRevision {
  /** The earlier version, e.g. `0.1.0`. */
  readonly version: string;
  /** The sheets that differed, by their key in the successor version. */
  readonly sheets: readonly SheetRevision[];
  /**
   * Keys of the successor's sheets (of any kind) that this version did not have. `ikz upgrade`
   * adds them without looking for them; every other table or form sheet of the version must be
   * found in an old workbook (by name, else by its column labels), or the upgrade stops.
   */
  readonly absent?: readonly string[];
}

/** A table or form sheet of an earlier version. */
export interface SheetRevision {
  /** Key of the sheet in the successor version. */
  readonly key: string;
  /** The sheet's name then, when it differed. */
  readonly name?: LocalizedText;
  /** The title (A1) and description (A2) the template wrote then, when they differed. */
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  /** The header row (table) or first field row (form) then, when it differed. */
  readonly headerRow?: number;
  /**
   * All columns of the table (or fields of the form, row by row) then, in their order: the key
   * of a successor column that was there under the same label, or a {@link FormerColumn}.
   * Omitted: the columns were the successor's.
   */
  readonly columns?: readonly (string | FormerColumn)[];
}

/**
 * A column (or form field) as it was: under another label or key, or retired. Values of a kept
 * column go to the successor column `to` (default: the same key); a retired column's values are
 * not taken over — computed and template-written (`fixed`) cells are regenerated, typed values of
 * a retired input column are kept on the workbook's „Übernommen“ sheet.
 */
export type FormerColumn =
  | { readonly key: string; readonly label: LocalizedText; readonly to?: string }
  | { readonly key: string; readonly label: LocalizedText; readonly retired: "input" | "computed" | "fixed" };

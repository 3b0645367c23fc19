import type { GridCell } from "../spec/TemplateSpec.js";

/** A row of a value sheet: its 1-based number, its cells and, where set, its height. */
export interface ValueSheetRow {
  row: number;
  cells: GridCell[];
  height?: number;
}

/** What stands above a value sheet's rows. */
export interface SheetHead {
  readonly title: string;
  /** Shown in row 2; no row 2 without it. */
  readonly description?: string | undefined;
  /** The column headers, from column A. */
  readonly headers: readonly string[];
  readonly headerRow: number;
  /** Height of the header row; the default height without it. */
  readonly headerHeight?: number | undefined;
}

/**
 * The head of a sheet of values (analysis, overview, sources): the title in row 1, the
 * description in row 2, the column headers in `headerRow`.
 *
 * @example planSheetHead({ title: "Quellen", headers: ["Kommune", "Datei"], headerRow: 4 })
 */
export function planSheetHead(head: SheetHead): ValueSheetRow[] {
  const { title, description, headers, headerRow, headerHeight } = head;
  return [
    { row: 1, height: 24, cells: [{ column: 1, value: title, style: "title" }] },
    ...(description === undefined
      ? []
      : [{ row: 2, cells: [{ column: 1, value: description, style: "description" as const }] }]),
    {
      row: headerRow,
      ...(headerHeight === undefined ? {} : { height: headerHeight }),
      cells: headers.map((value, index) => ({ column: index + 1, value, style: "header" as const })),
    },
  ];
}
